"""The bundled JSONL source and the Wikidata-sample source, on small files written here."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import text

from criticscope.catalog import CatalogImportError, CatalogIndex, get_source
from criticscope.store import Store

from .conftest_catalog import film, write_jsonl


def test_bundled_merges_duplicates_and_reports_bad_lines(tmp_path) -> None:
    folder = tmp_path / "catalog"
    write_jsonl(folder / "a.jsonl", [
        film("The Zone of Interest", 2023, ["Jonathan Glazer"], ["Christian Friedel"], language="German"),
        film("Past Lives", 2023, ["Celine Song"], ["Greta Lee", "Teo Yoo"]),
    ])
    write_jsonl(folder / "b.jsonl", [
        # the same film again: other casing, an article-less title, more cast, an alternative title
        film("Zone of Interest", 2023, ["Jonathan  Glazer"], ["Sandra Hüller"], countries=["United Kingdom"],
             aka=[{"title": "La zona d'interesse", "region": "IT", "language": "it"}]),
        film("Past Lives", 2023, ["Someone Else"]),    # same title and year, another director: another film
    ])
    with (folder / "b.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"year": 2020}) + "\n")
        fh.write(json.dumps({"title": "Bad Year", "year": "soon"}) + "\n")
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    stats = get_source("bundled").import_into(store, None, paths=[folder])
    assert stats.films_added == 3
    assert {(b.file, b.row) for b in stats.bad_rows} == {("b.jsonl", 3), ("b.jsonl", 4), ("b.jsonl", 5)}
    index = CatalogIndex.load(store)
    zone = index.candidates("The Zone of Interest", 2023)[0]
    assert zone.title == "The Zone of Interest"
    assert set(zone.cast) == {"Christian Friedel", "Sandra Hüller"} and zone.countries == ["United Kingdom"]
    assert index.candidates("La zona d'interesse")[0].film_id == zone.film_id
    assert len(index.candidates("Past Lives", 2023, people=["Celine Song"])) >= 2
    # importing again changes nothing
    again = get_source("bundled").import_into(store, None, paths=[folder])
    assert again.films_added == again.titles_added == again.people_added == again.credits_added == 0
    store.close()


def _movies_db(path, rows, columns=("ID", "imdbID", "Title", "Year", "Runtime", "Genre", "Director", "Writer",
                                    "Cast", "Language", "Country", "imdbVotes")):
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE TABLE omdb ({', '.join(chr(34) + c + chr(34) for c in columns)})")
        conn.executemany(f"INSERT INTO omdb VALUES ({', '.join('?' * len(columns))})", rows)
    return path


def test_wikidata_sample_source(tmp_path) -> None:
    db = _movies_db(tmp_path / "movies.db", [
        (1, "tt0087843", "Once Upon a Time in America", 1984, 229.0, "Crime, Drama", "Sergio Leone",
         "Harry Grey (novel), Leonardo Benvenuti", "Elizabeth McGovern, James Woods, Robert De Niro", "English",
         "Italy, United States", None),
        (2, "tt0087843", "Once Upon a Time in America", 1984, 229.0, "Crime", "Sergio Leone", "", "Treat Williams",
         "English, Italian", "United States", None),
        (3, "", "", None, None, "", "", "", "", "", "", None),
    ])
    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    stats = get_source("wikidata-sample").import_into(store, None, path=str(db), max_cast=2)
    assert stats.films_added == 1 and stats.bad_row_count == 1
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT title, imdb_id, source, runtime FROM films")).all()
        cast = conn.scalars(text("SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id "
                                 "WHERE c.role = 'actor' ORDER BY c.ord, p.name")).all()
        writers = set(conn.scalars(text("SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id "
                                        "WHERE c.role = 'writer'")))
    assert rows == [("Once Upon a Time in America", "tt0087843", "wikidata-sample", 229)]
    assert set(cast) == {"Elizabeth McGovern", "James Woods", "Treat Williams"}  # first 2 of each line, merged
    assert writers == {"Harry Grey", "Leonardo Benvenuti"}                       # "(novel)" dropped
    store.close()


def test_wikidata_sample_refuses_other_files(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    wrong = _movies_db(tmp_path / "wrong.db", [], columns=("imdbID", "Title"))
    with pytest.raises(CatalogImportError, match="lacks column"):
        get_source("wikidata-sample").import_into(store, None, path=str(wrong))
    not_db = tmp_path / "movies.txt"
    not_db.write_text("just text, not a database " * 50)
    with pytest.raises(CatalogImportError, match="not a readable SQLite database"):
        get_source("wikidata-sample").import_into(store, None, path=str(not_db))
    with pytest.raises(CatalogImportError, match="file not found"):
        get_source("wikidata-sample").import_into(store, None, path=str(tmp_path / "missing.db"))
    store.close()
