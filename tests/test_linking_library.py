"""Linking inside the library: a person's decision survives re-runs, provisional
films, and the ``criticscope link`` commands."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from criticscope.catalog.records import FilmRecord
from criticscope.catalog.writer import RecordWriter
from criticscope.commands.link import link
from criticscope.config import PipelineSettings
from criticscope.library import Library
from criticscope.models import Film, Review
from criticscope.store import Store

FILMS = [
    FilmRecord(title="Halloween", year=1978, directors=["John Carpenter"], cast=["Jamie Lee Curtis", "Donald Pleasence"]),
    FilmRecord(title="Halloween", year=2018, directors=["David Gordon Green"], cast=["Jamie Lee Curtis", "Judy Greer"]),
    FilmRecord(title="Oldboy", year=2003, directors=["Park Chan-wook"], cast=["Choi Min-sik", "Yoo Ji-tae"]),
]

REVIEWS = {
    "new": ("Halloween review: Laurie is ready",
            "David Gordon Green's Halloween brings Jamie Lee Curtis back to Haddonfield, with Judy Greer as her "
            "daughter. It ignores every sequel and is a blast."),
    "tie": ("Halloween review", "Halloween is a film everyone should watch once, alone, with the lights off."),
    "gone": ("Thunder Road (2018) review",
             "Thunder Road, directed by Jim Cummings, opens with a eulogy that turns into a dance. Thunder Road "
             "is a marvel."),
}


@pytest.fixture
def lib(tmp_path, settings):
    settings = settings.model_copy(update={"pipeline": PipelineSettings(stages=["linking"])})
    store = Store.open(f"sqlite:///{tmp_path / 'link.db'}")
    with store.engine.begin() as conn:
        RecordWriter(conn, source="test").write(FILMS)
    with store.session() as s:
        for rid, (headline, text) in REVIEWS.items():
            store.add_review(s, Review(id=rid, text=text, headline=headline), [])
    library = Library(settings, store)
    yield library
    library.close()


def film_id(lib: Library, title: str, year: int) -> int:
    with lib.store.session() as s:
        return s.query(Film.id).filter(Film.title == title, Film.year == year).scalar()


def test_linking_projects_into_the_review(lib):
    lib.reprocess(["linking"], ["new", "tie"])
    assert lib.review("new").film_id == film_id(lib, "Halloween", 2018)
    assert lib.review("new").link_status == "linked" and lib.review("new").link_source == "auto"
    assert lib.review("tie").link_status == "ambiguous" and lib.review("tie").film_id is None
    assert lib.doc("new").ext["linking"]["cast"] == ["Jamie Lee Curtis", "Judy Greer"]


def test_a_person_decision_survives_reprocess_and_clear_restores_auto(lib):
    old = film_id(lib, "Halloween", 1978)
    lib.reprocess(["linking"], ["new"])
    lib.link_set("new", old, decided_by="tester")
    lib.reprocess(["linking"], ["new"])
    review = lib.review("new")
    assert review.film_id == old and review.link_source == "user" and review.link_confidence == 1.0
    stored = lib.doc("new").ext["linking"]
    assert stored["source"] == "user" and stored["film_id"] == old
    assert stored["candidates"][0]["year"] == 2018  # the evidence still says otherwise
    assert lib.link_clear("new")
    lib.reprocess(["linking"], ["new"])
    assert lib.review("new").film_id == film_id(lib, "Halloween", 2018)


def test_not_in_catalog_creates_one_provisional_film(lib):
    lib.reprocess(["linking"], ["gone"])
    review = lib.review("gone")
    assert review.link_status == "not_in_catalog"
    with lib.store.session() as s:
        film = s.get(Film, review.film_id)
        assert film.provisional and film.title == "Thunder Road" and film.year == 2018
    lib.reprocess(["linking"], ["gone"])  # a re-run reuses it
    assert lib.review("gone").film_id == review.film_id


def run(lib, *args, input=None):
    result = CliRunner().invoke(link, list(args), obj=lambda: lib, input=input, catch_exceptions=False)
    return result


def test_cli_explain_shows_percentages_and_fired_penalties(lib):
    lib.reprocess(["linking"], ["new"])
    out = run(lib, "explain", "new")
    assert out.exit_code == 0
    assert "Halloween (2018)" in out.output and "%" in out.output
    assert "≠" in out.output and "director" in out.output  # the 1978 film's penalties
    js = run(lib, "explain", "new", "--json")
    assert '"status": "linked"' in js.output


def test_cli_set_and_clear(lib):
    lib.reprocess(["linking"], ["tie"])
    old = film_id(lib, "Halloween", 1978)
    assert run(lib, "set", "tie", str(old)).exit_code == 0
    assert lib.review("tie").film_id == old and lib.store.link_decision("tie") is not None
    assert run(lib, "set", "tie", "999999").exit_code != 0  # no such film
    assert run(lib, "clear", "tie").exit_code == 0
    assert lib.store.link_decision("tie") is None
    assert "no decision" in run(lib, "clear", "tie").output


def test_cli_review_walks_ambiguous_reviews(lib):
    lib.reprocess(["linking"], ["tie", "new"])
    out = run(lib, "review", input="1\n")
    assert out.exit_code == 0 and "1 decision(s) recorded" in out.output
    picked = lib.review("tie").film_id
    assert picked in (film_id(lib, "Halloween", 1978), film_id(lib, "Halloween", 2018))
    assert "no ambiguous reviews" in run(lib, "review").output  # decided ones leave the queue


@pytest.mark.parametrize(("answer", "decided"), [("s\n", False), ("q\n", False), ("n\n", True)])
def test_cli_review_skip_quit_none(lib, answer, decided):
    lib.reprocess(["linking"], ["tie"])
    run(lib, "review", input=answer)
    decision = lib.store.link_decision("tie")
    assert (decision is not None) is decided
    if decided:
        assert decision.film_id is None and lib.review("tie").link_status == "none"
