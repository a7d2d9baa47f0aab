"""CatalogIndex: candidates, people, spans in running text, on a small catalog of real films."""

from __future__ import annotations

import pytest

from criticscope.catalog import CatalogIndex, create_provisional, normalize_title
from criticscope.store import Store

from .conftest_catalog import small_catalog


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    tmp = tmp_path_factory.mktemp("catalog_index")
    st = Store.open(f"sqlite:///{tmp / 'cat.db'}")
    small_catalog(st, tmp)
    yield st
    st.close()


@pytest.fixture(scope="module")
def index(store) -> CatalogIndex:
    return CatalogIndex.load(store)


def top(index: CatalogIndex, *args, **kwargs):
    found = index.candidates(*args, **kwargs)
    assert found, f"no candidate for {args} {kwargs}"
    return found[0]


@pytest.mark.parametrize(("query", "year", "people", "title", "expected_year"), [
    ("The Godfather", None, (), "The Godfather", 1972),
    ("Godfather, The", 1972, (), "The Godfather", 1972),
    ("The Godfather: Part II", None, (), "The Godfather Part II", 1974),
    ("Godfather Part 2", None, (), "The Godfather Part II", 1974),
    ("The Godfahter", None, (), "The Godfather", 1972),                      # typo
    ("Suspiria", 2018, (), "Suspiria", 2018),                                # remake told apart by year
    ("Suspiria", 1977, (), "Suspiria", 1977),
    ("The Host", None, ("Bong Joon Ho",), "The Host", 2006),                 # by director
    ("The Host", None, ("Saoirse Ronan",), "The Host", 2013),                # by cast
    ("The Host", 2007, (), "The Host", 2006),                                # a year off (festival vs release)
    ("John Wick 4", None, (), "John Wick: Chapter 4", 2023),                 # sequel word dropped
    ("Ballerina", 2025, (), "From the World of John Wick: Ballerina", 2025),  # franchise prefix
    ("Ballerina", 2016, (), "Ballerina", 2016),
    ("Leap!", None, (), "Ballerina", 2016),                                  # alias
    ("Le fabuleux destin d'Amélie Poulain", None, (), "Amélie", 2001),       # original title
    ("Amelie", None, (), "Amélie", 2001),                                    # diacritics
    ("기생충", None, (), "Parasite", 2019),                                   # non-Latin original title
    ("Star Wars: Episode VII - The Force Awakens", None, (), "Star Wars: The Force Awakens", 2015),
    ("Oldboy", None, ("Park Chan-wook",), "Oldboy", 2003),
    ("Oldboy", None, ("Spike Lee",), "Oldboy", 2013),
    ("Dune Part Two", None, (), "Dune: Part Two", 2024),
    ("Dune", 2021, ("Villeneuve",), "Dune", 2021),                            # surname alone
])
def test_candidates_rank_the_right_film_first(index, query, year, people, title, expected_year) -> None:
    best = top(index, query, year=year, people=people)
    assert (best.title, best.year) == (title, expected_year)


def test_candidate_scores_explain_the_match(index) -> None:
    found = index.candidates("Suspiria", year=2018, people=["Tilda Swinton"])
    best, other = found[0], next(c for c in found if c.year == 1977)
    assert set(best.scores) == {"title", "year", "people"}
    assert best.scores == {"title": 1.0, "year": 1.0, "people": 1.0} and best.score == 1.0
    assert other.scores["title"] == 1.0 and other.scores["year"] == 0.0 and other.scores["people"] == 0.0
    assert 0 < other.score < best.score
    assert best.directors == ["Luca Guadagnino"] and "Tilda Swinton" in best.cast
    assert best.imdb_id == "tt1034415" and best.provisional is False


def test_fields_not_given_are_not_scored(index) -> None:
    best = top(index, "Heat")
    assert set(best.scores) == {"title"}
    assert best.matched_title == "Heat"


def test_matched_title_names_the_alias(index) -> None:
    best = top(index, "Leap!")
    assert best.title == "Ballerina" and best.matched_title == "Leap!"


def test_derived_and_fuzzy_matches_score_below_exact(index) -> None:
    exact = top(index, "John Wick: Chapter 4")
    derived = top(index, "John Wick 4")
    typo = top(index, "John Wik: Chapter 4")
    assert exact.film_id == derived.film_id == typo.film_id
    assert exact.scores["title"] == 1.0
    assert 0.8 < derived.scores["title"] < 1.0
    assert 0.7 < typo.scores["title"] < 1.0


def test_people_lookup(index) -> None:
    bong = index.people("Bong Joon-ho")
    assert [name for _, name in bong] == ["Bong Joon-ho"]
    pid = bong[0][0]
    for spelling in ("Joon-ho Bong", "Bong Joon Ho", "BONG JOONHO", "Bong Jon-ho"):
        assert [p for p, _ in index.people(spelling)] == [pid], spelling
    assert [n for _, n in index.people("J. J. Abrams")] == ["J.J. Abrams"]
    assert [n for _, n in index.people("Eric Warin")] == ["Éric Warin"]
    assert [n for _, n in index.people("Villeneuve")] == ["Denis Villeneuve"]
    assert index.people("Nobody Inparticular") == []


def test_credits_of_person(index) -> None:
    [(pid, _)] = index.people("Denis Villeneuve")
    films = {(index.film(fid).title, role) for fid, role in index.credits_of_person(pid)}
    assert films == {("Dune", "director"), ("Dune: Part Two", "director")}


def test_films_by_norm_title(index) -> None:
    hosts = index.films_by_norm_title(normalize_title("The Host"))
    assert sorted(index.film(f).year for f in hosts) == [2006, 2013]
    # no exact title: films with it as a derived key
    [wick4] = index.films_by_norm_title("john wick 4")
    assert index.film(wick4).title == "John Wick: Chapter 4"
    assert index.films_by_norm_title("no such film") == []
    assert normalize_title("Heat") in index.title_keys()


def test_find_titles_spans(index) -> None:
    text = ("Unlike The Godfather Part II, Heat never rests; Dune's ending echoes "
            "Star Wars: The Force Awakens and The Host.")
    spans = {text[s:e]: key for s, e, key in index.find_titles(text)}
    assert spans["The Godfather Part II"] == "godfather part 2"
    assert spans["The Godfather"] == "godfather"   # the article the catalog title has is included
    assert spans["Heat"] == "heat"
    assert spans["Dune"] == "dune"                 # possessive dropped
    assert spans["Star Wars: The Force Awakens"] == normalize_title("Star Wars: The Force Awakens")
    assert spans["The Host"] == "host"
    assert all(len(key.split()) >= 2 for key in (k for _, _, k in index.find_titles(text, min_tokens=2)))


def test_find_titles_is_case_insensitive(index) -> None:
    spans = [text for s, e, _ in index.find_titles("i rewatched taxi driver last night")
             for text in ["i rewatched taxi driver last night"[s:e]]]
    assert "taxi driver" in spans


def test_find_people_spans(index) -> None:
    text = "Bong Joon-ho's film stars Song Kang-ho; J.J. Abrams and Joon-ho Bong were not in Heat with Al Pacino."
    found = {text[s:e]: index._people[pid][0] for s, e, pid in index.find_people(text)}
    assert found["Bong Joon-ho"] == "Bong Joon-ho"
    assert found["Song Kang-ho"] == "Song Kang-ho"
    assert found["J.J. Abrams"] == "J.J. Abrams"
    assert found["Joon-ho Bong"] == "Bong Joon-ho"   # either order
    assert found["Al Pacino"] == "Al Pacino"


def test_find_people_needs_capitals_unless_text_has_none(index) -> None:
    text = "He played al pacino's part. Al Pacino did not."
    start = text.index("Al Pacino")
    assert [span[:2] for span in index.find_people(text)] == [(start, start + len("Al Pacino"))]
    lower = "al pacino was great"
    assert [(lower[s:e]) for s, e, _ in index.find_people(lower)] == ["al pacino"]


def test_provisional_films_join_a_loaded_index(store) -> None:
    index = CatalogIndex.load(store)
    assert not index.candidates("Kairo Nights", year=2031) or \
        top(index, "Kairo Nights", year=2031).title != "Kairo Nights"
    fid = create_provisional(store, title="Kairo Nights", year=2031, directors=["Ana Example"])
    index.add_films(store, [fid])
    best = top(index, "Kairo Nights", year=2031, people=["Ana Example"])
    assert best.film_id == fid and best.provisional and best.directors == ["Ana Example"]
    assert index.film(fid).title == "Kairo Nights"
