"""The default catalog: bundled starter films plus the Wikidata sample, built in seconds."""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import text

from criticscope.catalog import CatalogIndex, ensure_default_catalog, normalize_title
from criticscope.catalog.sources.bundled import bundled_files, read_bundled
from criticscope.catalog.sources.wikidata import movies_db_path, read_movies_db
from criticscope.store import Store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('default') / 'cat.db'}")
    started = time.process_time()  # CPU time: other jobs on a shared machine do not count
    assert ensure_default_catalog(store, None) is True
    seconds = time.process_time() - started
    yield store, seconds
    store.close()


def test_default_catalog_builds_in_seconds_once(built) -> None:
    store, seconds = built
    assert seconds < 12  # about 5 s of CPU here
    assert ensure_default_catalog(store, None) is False


def test_default_catalog_holds_bundled_and_wikidata_films(built) -> None:
    store, _ = built
    assert bundled_files(), "the bundled catalog has no *.jsonl file"
    bundled = read_bundled()
    with store.engine.connect() as conn:
        by_source = dict(conn.execute(text("SELECT source, count(*) FROM films GROUP BY source")).all())
        keys = set(conn.execute(text("SELECT norm_title, year FROM films")).all())
        imdb_ids = set(conn.scalars(text("SELECT imdb_id FROM films WHERE imdb_id IS NOT NULL")))
    assert by_source.get("wikidata-sample", 0) > 15_000
    assert by_source.get("bundled", 0) > 0
    missing = [(r.title, r.year) for r in bundled if (normalize_title(r.title), r.year) not in keys]
    assert not missing, f"bundled films missing from the catalog: {missing[:5]}"
    with sqlite3.connect(f"file:{movies_db_path()}?mode=ro", uri=True) as src:
        sample_ids = {r[0] for r in src.execute("SELECT imdbID FROM omdb")}
    assert len(sample_ids - imdb_ids) == 0


def test_bundled_duplicates_merge_and_curated_fields_win(built) -> None:
    store, _ = built
    with store.engine.connect() as conn:
        dupes = conn.execute(text("SELECT imdb_id, count(*) FROM films WHERE imdb_id IS NOT NULL "
                                  "GROUP BY imdb_id HAVING count(*) > 1")).all()
        assert dupes == []
        # a film in both sources keeps the bundled billing order: its first actor has ord 0
        row = conn.execute(text("SELECT f.id FROM films f JOIN credits c ON c.film_id = f.id "
                                "WHERE f.source = 'bundled' AND c.role = 'actor' AND c.ord >= 100 LIMIT 1")).first()
        if row is not None:
            first = conn.execute(text("SELECT min(ord) FROM credits WHERE film_id = :f AND role = 'actor'"),
                                 {"f": row[0]}).scalar()
            assert first == 0


def test_index_loads_default_catalog_fast(built) -> None:
    store, _ = built
    started = time.process_time()
    index = CatalogIndex.load(store)
    seconds = time.process_time() - started
    assert len(index) > 17_000
    assert seconds < 3  # about 1 s of CPU here (see bench/catalog.py)
    best = index.candidates("The Intouchables", year=2011)[0]
    assert best.title == "The Intouchables" and best.imdb_id == "tt1675434"


def test_wikidata_reader_keeps_ids_and_first_cast(tmp_path) -> None:
    records = read_movies_db(movies_db_path(), max_cast=3)
    assert len(records) > 17_000
    assert all(len(r.cast) <= 3 for r in records)
    kick_ass = next(r for r in records if r.imdb_id == "tt1250777")
    assert kick_ass.title == "Kick-Ass" and kick_ass.directors == ["Matthew Vaughn"]
    assert kick_ass.cast == ["Aaron Taylor-Johnson", "Adrian Martinez", "Chloë Grace Moretz"]
    assert "United Kingdom" in kick_ass.countries
