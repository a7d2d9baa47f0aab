"""The ``catalog`` command group, driven through click with a real library."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from criticscope.commands.catalog import catalog
from criticscope.config import load_settings
from criticscope.library import Library
from criticscope.store import Store

from .conftest_catalog import SMALL_CATALOG, write_jsonl


@pytest.fixture
def invoke(tmp_path):
    settings = load_settings(env={"CRITICSCOPE_HOME": str(tmp_path / "home")}, db_url=f"sqlite:///{tmp_path / 'c.db'}")
    lib = Library(settings, Store.open(settings.db_url))
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(catalog, list(args), obj=lambda: lib, catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    yield run
    lib.close()


def test_import_search_show_stats(tmp_path, invoke) -> None:
    path = write_jsonl(tmp_path / "films.jsonl", SMALL_CATALOG)
    out = json.loads(invoke("import", "bundled", "--path", str(path), "--json").output)
    assert out["source"] == "bundled" and out["films_added"] == len(SMALL_CATALOG)

    found = json.loads(invoke("search", "Suspiria", "--year", "2018", "--json").output)
    assert found["count"] == len(found["data"]) >= 2
    best = found["data"][0]
    assert (best["title"], best["year"], best["directors"]) == ("Suspiria", 2018, ["Luca Guadagnino"])
    assert best["scores"]["year"] == 1.0

    table = invoke("search", "The Host", "--person", "Bong Joon-ho").output
    assert "The Host" in table and "2006" in table and "Bong Joon-ho" in table

    shown = json.loads(invoke("show", str(best["film_id"]), "--json").output)
    assert shown["title"] == "Suspiria" and shown["imdb_id"] == "tt1034415"
    assert {c["name"] for c in shown["credits"]} >= {"Luca Guadagnino", "Tilda Swinton"}
    assert "Luca Guadagnino" in invoke("show", str(best["film_id"])).output
    missing = invoke("show", "999999", ok=False)
    assert missing.exit_code != 0 and "no catalog film with id 999999" in missing.output

    stats = json.loads(invoke("stats", "--json").output)
    assert stats["films"] == len(SMALL_CATALOG) and stats["films_by_source"] == {"bundled": len(SMALL_CATALOG)}
    assert stats["people"] > 30 and stats["credits"] > 40
    assert json.loads(invoke("merge", "--json").output) == {"merged": 0}


def test_generate_and_import_imdb(tmp_path, invoke) -> None:
    folder = tmp_path / "imdb"
    assert "title.basics.tsv.gz" in invoke("generate-imdb", str(folder), "--titles", "300").output
    out = json.loads(invoke("import", "imdb", str(folder), "--kinds", "movie,tvMovie", "--json").output)
    assert out["films_added"] > 0 and out["files"]["title.basics.tsv.gz"]["rows"] == 300
    again = invoke("import", "imdb", str(folder)).output
    assert "unchanged, skipped" in again
    progress = json.loads(invoke("stats", "--json").output)["imports"]
    assert {p["file"] for p in progress} >= {"title.basics.tsv.gz", "name.basics.tsv.gz"}
    assert all(p["finished"] for p in progress)


def test_import_errors_are_clear(tmp_path, invoke) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("import", "imdb", str(empty), ok=False)
    assert result.exit_code != 0 and "no IMDb dataset files" in result.output and str(empty) in result.output
    bad_years = invoke("import", "imdb", str(empty), "--years", "recent", ok=False)
    assert bad_years.exit_code != 0 and "--years" in bad_years.output
