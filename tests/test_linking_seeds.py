"""The seed pages against the default catalog: two films called Ballerina, pages
that mention the other one, and cast credited with other films in capitals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from criticscope.catalog import CatalogIndex, name_keys
from criticscope.config import load_settings
from criticscope.evaluation.linking import default_catalog_store
from criticscope.linking import create_component
from criticscope.pipeline import ReviewDoc

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def _labels() -> list[dict]:
    path = SEEDS / "labels.jsonl"
    if not path.is_file():
        pytest.fail(f"seed labels not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def component(tmp_path_factory):
    cache_home = Path(os.environ.get("CRITICSCOPE_TEST_HOME", REPO / ".cache" / "test-home"))
    settings = load_settings(env={"CRITICSCOPE_HOME": str(cache_home)})
    store = default_catalog_store(settings, tmp_path_factory.mktemp("seeds"))
    index = CatalogIndex.load(store)
    comp = create_component(settings, index=index)
    cache: dict[str, dict] = {}

    def run(label: dict) -> dict:
        if label["file"] not in cache:
            cache[label["file"]] = comp(seed_doc(label)).ext["linking"]
        return cache[label["file"]]

    yield run, index
    store.close()


def _headline(lines: list[str], label: dict) -> str | None:
    """The page's headline: its first line when that is a heading, else a heading line
    that reads like a review headline ("Review | ...")."""
    for heading in label["heading_lines"]:
        if lines and lines[0].strip() == heading.strip():
            return heading
        if heading.lower().startswith("review"):
            return heading
    return None


def seed_doc(label: dict) -> ReviewDoc:
    lines = (SEEDS / label["file"]).read_text(encoding="utf-8").splitlines()
    drop = {x.strip() for x in label["boilerplate_lines"] + label["caption_lines"]}
    headline = _headline(lines, label)
    kept = [line for line in lines if line.strip() not in drop and line.strip() != (headline or "").strip()]
    return ReviewDoc(review_id=label["file"], text="\n".join(kept), headline=headline)


def _film(index, film_id):
    film = index.film(film_id)
    assert film is not None
    return film


@pytest.mark.parametrize("label", _labels(), ids=lambda lab: lab["file"][:3])
def test_seed_links_to_the_reviewed_film(component, label):
    comp, index = component
    result = comp(label)
    assert result["status"] == "linked", result["notes"]
    film = _film(index, result["film_id"])
    assert film.year == label["film_year"]
    assert any(name_keys(d) & name_keys(label["film_director"]) for d in film.directors)
    assert result["recommendation"] in ("strong", "medium")
    assert any(name_keys(n) & name_keys(label["film_lead"]) for n in result["cast"])


@pytest.mark.parametrize("label", _labels(), ids=lambda lab: lab["file"][:3])
def test_seed_mentions_include_other_films_it_names(component, label):
    comp, index = component
    result = comp(label)
    found = {(f.title.lower(), f.year) for f in (_film(index, m["film_id"]) for m in result["mentions"]
                                                 if m["kind"] == "film")}
    years = {y for _, y in found}
    sample = [s.rsplit(" (", 1) for s in label["other_films_sample"]]
    hits = [t for t, y in sample if int(y.rstrip(")")) in years]
    assert len(hits) >= min(2, len(sample)), (found, sample)
    assert result["film_id"] not in {m["film_id"] for m in result["mentions"] if m["kind"] == "film"}


def test_the_coming_namesake_is_a_mention_not_the_link(component):
    comp, index = component
    label = next(lab for lab in _labels() if "same name" in lab["hard_because"])
    result = comp(label)
    namesakes = [m for m in result["mentions"] if m["kind"] == "film"
                 and _film(index, m["film_id"]).title.lower().endswith(label["film_title"].lower())
                 and _film(index, m["film_id"]).year != label["film_year"]]
    assert namesakes and "same name" in namesakes[0]["text"]
    assert _film(index, result["film_id"]).year == label["film_year"]
