"""Provisional films: created for films the catalog lacks, merged once an import brings them."""

from __future__ import annotations

from sqlalchemy import select, text

from criticscope.catalog import create_provisional, get_source, merge_provisional
from criticscope.models import Analysis, Film, FilmTitle, LinkDecision, Mention, Review
from criticscope.store import Store

from .conftest_catalog import film, small_catalog, write_jsonl

NEW_FILM = film("Perfect Days", 2023, ["Wim Wenders"], ["Kōji Yakusho"], language="Japanese",
                imdb_id="tt27503384")


def add_review(store: Store, review_id: str, film_id: int) -> None:
    with store.session() as s:
        s.add(Review(id=review_id, text="A quiet film about a toilet cleaner in Tokyo.", film_id=film_id,
                     link_status="provisional"))
        s.flush()
        s.add(Mention(review_id=review_id, kind="film", text="Perfect Days", film_id=film_id))
        s.add(LinkDecision(review_id=review_id, film_id=film_id, decided_by="editor"))
        s.add(Analysis(review_id=review_id, stage="linking",
                       data={"film_id": film_id, "status": "provisional",
                             "candidates": [{"film_id": film_id, "score": 0.5}, {"film_id": 1, "score": 0.2}]}))


def test_create_provisional_reuses_same_title_and_year(tmp_path, db_url) -> None:
    store = Store.open(db_url)
    a = create_provisional(store, title="The Perfect Days", year=2023, directors=["Wim Wenders"])
    b = create_provisional(store, title="Perfect Days", year=2023)
    c = create_provisional(store, title="Perfect Days", year=2024)
    d = create_provisional(store, title="Perfect Days", year=None)
    assert a == b and len({a, c, d}) == 3
    with store.session() as s:
        row = s.get(Film, a)
        assert row.provisional and row.source == "provisional" and row.year == 2023
    store.close()


def test_merge_moves_every_link_then_deletes(tmp_path, db_url) -> None:
    store = Store.open(db_url)
    small_catalog(store, tmp_path)
    prov = create_provisional(store, title="Perfect Days (2023)", year=2023, directors=["Wim Wenders"])
    add_review(store, "r1", prov)
    assert merge_provisional(store) == 0   # nothing to merge into yet
    stats = get_source("bundled").import_into(store, None, paths=[write_jsonl(tmp_path / "new.jsonl", [NEW_FILM])])
    assert stats.merged_provisional == 1
    with store.session() as s:
        real = s.scalars(select(Film).where(Film.imdb_id == "tt27503384")).one()
        assert s.get(Film, prov) is None
        assert s.get(Review, "r1").film_id == real.id
        assert s.scalars(select(Mention.film_id)).all() == [real.id]
        assert s.get(LinkDecision, "r1").film_id == real.id
        data = s.get(Analysis, ("r1", "linking")).data
        assert data["film_id"] == real.id and data["candidates"][0]["film_id"] == real.id
        assert data["candidates"][1]["film_id"] == 1
        assert not real.provisional
        aliases = s.scalars(select(FilmTitle.title).where(FilmTitle.film_id == real.id)).all()
        assert "Perfect Days" in aliases
    with store.engine.connect() as conn:
        dangling = conn.execute(text("SELECT count(*) FROM reviews r LEFT JOIN films f ON f.id = r.film_id "
                                     "WHERE r.film_id IS NOT NULL AND f.id IS NULL")).scalar()
        assert dangling == 0
        assert conn.execute(text("SELECT count(*) FROM films WHERE provisional")).scalar() == 0
    store.close()


def test_no_merge_without_matching_director_or_year(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'p.db'}")
    small_catalog(store, tmp_path, [NEW_FILM])
    other_director = create_provisional(store, title="Perfect Days", year=2023, directors=["Someone Else"])
    other_year = create_provisional(store, title="Perfect Days", year=2019)
    assert merge_provisional(store) == 0
    with store.session() as s:
        assert s.get(Film, other_director) is not None and s.get(Film, other_year) is not None
    store.close()


def test_merge_by_title_and_year_alone_and_by_alias(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'p.db'}")
    small_catalog(store, tmp_path)
    no_director = create_provisional(store, title="Taxi Driver", year=1976)
    by_alias = create_provisional(store, title="Leap!", year=2016, directors=["Eric Warin"])
    ambiguous = create_provisional(store, title="Dune", year=None)   # two Dunes, no year: stays
    assert merge_provisional(store) == 2
    with store.session() as s:
        assert s.get(Film, no_director) is None and s.get(Film, by_alias) is None
        assert s.get(Film, ambiguous) is not None
    store.close()
