"""Shared helpers for the catalog tests: a small catalog of real films in the bundled
JSONL format, and a snapshot of catalog rows by natural keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from criticscope.store import Store


def film(title: str, year: int, directors: list[str], cast: list[str] = (), **extra: Any) -> dict[str, Any]:
    return {"title": title, "original_title": extra.pop("original_title", title), "year": year, "kind": "movie",
            "directors": directors, "cast": list(cast), "countries": extra.pop("countries", []),
            "language": extra.pop("language", "English"), "genres": extra.pop("genres", []),
            "platform": extra.pop("platform", None), "imdb_id": extra.pop("imdb_id", None),
            "aka": extra.pop("aka", []), **extra}


SMALL_CATALOG = [
    film("The Godfather", 1972, ["Francis Ford Coppola"], ["Marlon Brando", "Al Pacino"], imdb_id="tt0068646"),
    film("The Godfather Part II", 1974, ["Francis Ford Coppola"], ["Al Pacino", "Robert De Niro"],
         imdb_id="tt0071562"),
    film("The Host", 2006, ["Bong Joon-ho"], ["Song Kang-ho", "Bae Doona"], language="Korean",
         original_title="괴물", imdb_id="tt0468492"),
    film("The Host", 2013, ["Andrew Niccol"], ["Saoirse Ronan", "Diane Kruger"], imdb_id="tt1517260"),
    film("Parasite", 2019, ["Bong Joon-ho"], ["Song Kang-ho", "Choi Woo-shik"], language="Korean",
         original_title="기생충", imdb_id="tt6751668"),
    film("Mother", 2009, ["Bong Joon-ho"], ["Kim Hye-ja", "Won Bin"], language="Korean"),
    film("Heat", 1995, ["Michael Mann"], ["Al Pacino", "Robert De Niro", "Val Kilmer"], imdb_id="tt0113277"),
    film("Suspiria", 1977, ["Dario Argento"], ["Jessica Harper"], language="Italian", imdb_id="tt0076786"),
    film("Suspiria", 2018, ["Luca Guadagnino"], ["Dakota Johnson", "Tilda Swinton"], imdb_id="tt1034415"),
    film("John Wick", 2014, ["Chad Stahelski"], ["Keanu Reeves", "Michael Nyqvist"]),
    film("John Wick: Chapter 4", 2023, ["Chad Stahelski"], ["Keanu Reeves", "Donnie Yen"]),
    film("From the World of John Wick: Ballerina", 2025, ["Len Wiseman"], ["Ana de Armas", "Keanu Reeves"]),
    film("Ballerina", 2016, ["Éric Summer", "Éric Warin"], ["Elle Fanning", "Dane DeHaan"],
         aka=[{"title": "Leap!", "region": "US", "language": "en"}]),
    film("Star Wars: The Force Awakens", 2015, ["J.J. Abrams"], ["Daisy Ridley", "John Boyega"],
         aka=[{"title": "Star Wars: Episode VII – The Force Awakens", "region": "US", "language": "en"}]),
    film("Amélie", 2001, ["Jean-Pierre Jeunet"], ["Audrey Tautou", "Mathieu Kassovitz"], language="French",
         original_title="Le Fabuleux Destin d'Amélie Poulain"),
    film("Oldboy", 2003, ["Park Chan-wook"], ["Choi Min-sik", "Yoo Ji-tae"], language="Korean"),
    film("Oldboy", 2013, ["Spike Lee"], ["Josh Brolin", "Elizabeth Olsen"]),
    film("Dune", 1984, ["David Lynch"], ["Kyle MacLachlan"]),
    film("Dune", 2021, ["Denis Villeneuve"], ["Timothée Chalamet", "Rebecca Ferguson"]),
    film("Dune: Part Two", 2024, ["Denis Villeneuve"], ["Timothée Chalamet", "Zendaya"]),
    film("Die Hard", 1988, ["John McTiernan"], ["Bruce Willis", "Alan Rickman"]),
    film("Taxi Driver", 1976, ["Martin Scorsese"], ["Robert De Niro", "Jodie Foster"]),
    film("Roma", 2018, ["Alfonso Cuarón"], ["Yalitza Aparicio"], language="Spanish", platform="Netflix"),
]


def write_jsonl(path: Path, films: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in films), encoding="utf-8")
    return path


def small_catalog(store: Store, tmp_path: Path, films: list[dict[str, Any]] | None = None) -> None:
    from criticscope.catalog import get_source

    path = write_jsonl(tmp_path / "small" / "films.jsonl", SMALL_CATALOG if films is None else films)
    get_source("bundled").import_into(store, None, paths=[path])


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Catalog rows by natural keys (IMDb ids, names), independent of row ids."""
    queries = {
        "films": "SELECT imdb_id, title, original_title, norm_title, year, kind, runtime, votes, source, provisional "
                 "FROM films",
        "titles": "SELECT f.imdb_id, f.title, t.title, t.norm_title, t.region, t.language, t.kind, t.variants "
                  "FROM film_titles t JOIN films f ON f.id = t.film_id",
        "people": "SELECT imdb_id, name, norm_name, name_keys FROM people",
        "credits": "SELECT f.imdb_id, p.imdb_id, p.name, c.role, c.ord FROM credits c "
                   "JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id",
    }
    out = {}
    with store.engine.connect() as conn:
        for name, sql in queries.items():
            out[name] = sorted((tuple("" if v is None else v for v in row) for row in conn.execute(text(sql))),
                               key=repr)
    return out
