"""The end-to-end evaluation data is well-formed, and its scoring does what it says.

Fast: reads ``eval/end_to_end.jsonl`` and the bundled catalog files; runs no model.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from criticscope.evaluation import EVALUATIONS, eval_dir, floors_for
from criticscope.evaluation.end_to_end import (
    PageResult,
    film_matches,
    leaks,
    load_pages,
    norm_key,
    rating_is_gold,
    score,
    usable_stages,
)

REPO = Path(__file__).resolve().parents[1]
CATALOG_DIR = REPO / "src" / "criticscope" / "data" / "catalog"
VERDICTS = {"positive", "mixed", "negative"}
GOLD_KEYS = {"film", "rating_text", "rating_0_100", "verdict", "spoilers", "reader_comments", "critic",
             "must_not_contain"}


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    return load_pages(eval_dir(REPO))


def _jsonld_ratings(content: str) -> list[str]:
    """``value/best`` for every JSON-LD reviewRating in an HTML page."""
    found = []
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, flags=re.S):
        data = json.loads(block)
        rating = data.get("reviewRating") if isinstance(data, dict) else None
        if rating:
            found.append(f"{rating['ratingValue']}/{rating.get('bestRating', 5)}")
    return found


def _bundled_films() -> list[dict]:
    films = []
    for path in CATALOG_DIR.glob("*.jsonl"):
        films.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return films


def test_enough_unique_pages_in_both_formats(pages):
    assert len(pages) >= 40
    ids = [p["id"] for p in pages]
    names = [p["name"] for p in pages]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    assert all(n.endswith((".txt", ".html")) for n in names)
    assert sum(n.endswith(".html") for n in names) >= 8
    assert sum(n.endswith(".txt") for n in names) >= 25


def test_every_page_has_complete_consistent_gold(pages):
    for page in pages:
        gold = page["gold"]
        assert GOLD_KEYS <= set(gold), page["id"]
        assert page["content"].strip(), page["id"]
        assert gold["verdict"] in VERDICTS, page["id"]
        assert isinstance(gold["spoilers"], bool), page["id"]
        assert isinstance(gold["reader_comments"], int) and gold["reader_comments"] >= 0, page["id"]
        assert (gold["rating_text"] is None) == (gold["rating_0_100"] is None), page["id"]
        if gold["rating_0_100"] is not None:
            assert 0 <= gold["rating_0_100"] <= 100, page["id"]
        film = gold["film"]
        if film == "not_in_catalog":
            assert set(gold["film_hint"]) >= {"title", "year", "director"}, page["id"]
        else:
            assert isinstance(film["title"], str) and isinstance(film["year"], int) and film["director"], page["id"]
        if gold["critic"] is not None:
            assert gold["critic"] in page["content"], page["id"]


def test_every_forbidden_line_occurs_in_its_raw_page(pages):
    for page in pages:
        content = page["content"]
        raw_lines = {line.strip() for line in content.splitlines()}
        assert page["gold"]["must_not_contain"], page["id"]
        for line in page["gold"]["must_not_contain"]:
            if page["name"].endswith(".txt"):
                assert line in raw_lines, (page["id"], line)
            else:
                assert line in content, (page["id"], line)


def test_rating_text_occurs_in_the_page_or_its_structured_data(pages):
    rated = 0
    for page in pages:
        gold = page["gold"]
        if gold["rating_text"] is None:
            continue
        rated += 1
        if gold["rating_text"] in page["content"]:
            continue
        assert gold.get("rating_structured"), page["id"]
        assert gold["rating_text"] in _jsonld_ratings(page["content"]), page["id"]
    assert rated >= 20
    assert len(pages) - rated >= 8  # pages with no rating at all are part of the test


def test_gold_films_are_in_the_catalog_and_missing_ones_are_not(pages):
    bundled = _bundled_films()
    by_title: dict[str, list[dict]] = {}
    for film in bundled:
        by_title.setdefault(norm_key(film["title"]), []).append(film)
    for page in pages:
        film = page["gold"]["film"]
        if film == "not_in_catalog":
            hint = page["gold"]["film_hint"]
            assert norm_key(hint["title"]) not in by_title, page["id"]
            continue
        matches = [f for f in by_title.get(norm_key(film["title"]), []) if f["year"] == film["year"]]
        assert any(film["director"] in f["directors"] for f in matches), page["id"]
    assert sum(p["gold"]["film"] == "not_in_catalog" for p in pages) >= 3


def test_films_missing_from_the_catalog_are_missing_from_the_wikidata_sample_too(pages):
    from criticscope.catalog.sources.wikidata import movies_db_path

    db = movies_db_path()
    if not db.is_file():
        pytest.fail(f"Wikidata sample not found at {db}")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for page in pages:
            if page["gold"]["film"] != "not_in_catalog":
                continue
            title = page["gold"]["film_hint"]["title"]
            hits = conn.execute("SELECT count(*) FROM omdb WHERE lower(Title) = lower(?)", (title,)).fetchone()[0]
            assert hits == 0, (page["id"], title)


def test_floors_pin_metrics_the_evaluation_reports():
    assert "end_to_end" in EVALUATIONS
    floors = floors_for("end_to_end", eval_dir(REPO))
    assert floors, "eval/floors/end_to_end.json is missing or empty"
    assert all(0.0 <= v <= 1.0 for v in floors.values())
    assert {"precision", "recall", "coverage"} <= set(floors)


# --- scoring ---------------------------------------------------------------------------


def test_film_match_needs_the_right_year_and_title_or_director():
    gold = {"title": "The Killer", "year": 1989, "director": "John Woo"}
    woo_1989 = {"title": "The Killer", "year": 1989, "directors": ["John Woo"], "provisional": False}
    woo_2024 = {"title": "The Killer", "year": 2024, "directors": ["John Woo"], "provisional": False}
    original_title = {"title": "Die xue shuang xiong", "year": 1989, "directors": ["John Woo"], "provisional": False}
    assert film_matches(gold, woo_1989)
    assert film_matches(gold, original_title)
    assert not film_matches(gold, woo_2024)
    assert not film_matches(gold, {**woo_1989, "provisional": True})
    assert film_matches(gold, {**woo_1989, "year": 1990})  # one year off, same director
    assert not film_matches(gold, {"title": "The Killer", "year": 1990, "directors": ["Someone Else"]})


def test_rating_identity_and_leak_detection():
    gold = {"rating_text": "3.5/5", "rating_0_100": 70, "rating_structured": False}
    assert rating_is_gold(gold, {"text": "Rating: 3.5/5", "score": 70.0, "source": "text"})
    assert not rating_is_gold(gold, {"text": "10/10", "score": 100.0, "source": "text"})
    assert not rating_is_gold(gold, None)
    structured = {"rating_text": "8/10", "rating_0_100": 80, "rating_structured": True}
    assert rating_is_gold(structured, {"text": "8/10", "score": 80.0, "source": "structured"})
    res = PageResult(id="x", text_lines={"Advertisement", "A paragraph of prose."},
                     flat_text="A paragraph of prose. Share: Facebook | X | Email")
    assert leaks("Advertisement", res)
    assert leaks("Share: Facebook | X | Email", res)  # merged into a paragraph
    assert not leaks("Email", res)  # short words only count as whole lines
    assert norm_key("Bernadette “Bunny” Cole") == norm_key("bernadette cole")


def test_score_rewards_right_answers_and_penalises_wrong_ones(pages):
    some = pages[:6]
    perfect = {}
    for page in some:
        gold = page["gold"]
        film = gold["film"]
        res = PageResult(id=page["id"], analyzed=True, comments=gold["reader_comments"], critic=gold["critic"],
                         verdict=gold["verdict"], spoilers=gold["spoilers"])
        if film == "not_in_catalog":
            res.link_status = "not_in_catalog"
        else:
            res.link_status = "linked"
            res.film = {"id": 1, "title": film["title"], "year": film["year"], "directors": [film["director"]],
                        "provisional": False}
        if gold["rating_text"] is not None:
            res.rating = {"text": gold["rating_text"], "score": gold["rating_0_100"],
                          "source": "structured" if gold.get("rating_structured") else "text"}
        perfect[page["id"]] = res
    stages = ["sentences", "ratings", "verdict", "linking", "spoilers"]
    metrics, errors, _ = score(some, perfect, stages)
    assert not any(errors.values())
    for name in ("link_precision", "verdict_accuracy", "spoiler_accuracy", "comment_count_accuracy",
                 "critic_accuracy", "cleaning_line_precision", "pages_analyzed"):
        assert metrics[name] == 1.0, name

    first = some[0]["id"]
    wrong = dict(perfect)
    wrong[first] = PageResult(id=first, analyzed=True, link_status="linked", comments=99, critic="Nobody",
                              film={"id": 2, "title": "Elsewhere", "year": 1900, "directors": ["X"]},
                              text_lines={m for m in some[0]["gold"]["must_not_contain"]})
    metrics, errors, _ = score(some, wrong, stages)
    assert metrics["link_precision"] < 1.0 and metrics["comment_count_accuracy"] < 1.0
    assert metrics["cleaning_line_precision"] < 1.0 and metrics["cleaning_page_accuracy"] < 1.0
    assert any(e.startswith("film:") for e in errors[first])

    # fields of a stage that did not run are left out, not scored as failures
    metrics, _, _ = score(some, perfect, ["sentences", "ratings", "linking"])
    assert "verdict_accuracy" not in metrics and "spoiler_accuracy" not in metrics


def test_a_stage_whose_module_is_missing_is_reported_not_run(settings):
    stages = [*settings.pipeline.stages, "no_such_stage"]
    custom = settings.model_copy(update={"pipeline": settings.pipeline.model_copy(update={"stages": stages})})
    ok, missing = usable_stages(custom)
    assert "no_such_stage" in missing
    assert "ratings" in ok and "linking" in ok
