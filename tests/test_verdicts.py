"""Verdicts: the trained model, the rating rule, the pipeline stage, audience verdicts, seeds.

Most tests share one model trained on a 2,000-row subsample in a temporary cache (a few
seconds); the seed test uses the full model from the shared test cache (trained once
per machine).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from criticscope.config import load_settings
from criticscope.evaluation import floors_for, gate
from criticscope.pipeline import Comment, Pipeline, ReviewDoc
from criticscope.verdicts import (
    MODEL_VERSION,
    VerdictComponent,
    artifact_paths,
    create_component,
    load_model,
    rating_verdict,
    train,
)
from criticscope.verdicts import data as vdata
from criticscope.verdicts.model import _linear_logits, _weigh
from criticscope.verdicts.text import hedge_counts, normalize, split_sentences

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SAMPLE = 2000

RAVE = """Few films this year have moved me as much as this one. The performances are superb, the direction
is assured, and the script is sharp, funny and humane.

The photography is gorgeous and the score is wonderful; every scene is alive with feeling.

This is a masterpiece, one of the best films of the decade, and a joy from start to finish."""

PAN = """This is a dull, lifeless and boring film. The script is lazy, the dialogue is awful and the acting
is wooden throughout.

The action scenes are an incoherent mess and the jokes fall flat. Nothing works.

A waste of time and talent, and easily the worst film of the year. Avoid it."""


@pytest.fixture(scope="session")
def small_settings(tmp_path_factory):
    home = tmp_path_factory.mktemp("verdict-home")
    return load_settings(config_file=None, env={"CRITICSCOPE_HOME": str(home)})


@pytest.fixture(scope="session")
def small_model(small_settings):
    train(small_settings, sample=SAMPLE)
    return load_model(small_settings, sample=SAMPLE)


def _sentences(text: str) -> list[dict]:
    """A trivial splitter: every line is a paragraph, sentences end at . ! ? before a space."""
    out = []
    for paragraph, line in enumerate(m for m in re.finditer(r"[^\n]+", text) if m.group().strip()):
        for s in re.finditer(r"[^.!?]+[.!?]*", line.group()):
            if s.group().strip():
                start = line.start() + s.start() + len(s.group()) - len(s.group().lstrip())
                stripped = s.group().strip()
                out.append({"start": start, "end": start + len(stripped), "text": stripped, "paragraph": paragraph})
    return out


def _doc(text: str, best: dict | None = None, comments: list[str] | None = None) -> ReviewDoc:
    doc = ReviewDoc(review_id="r", text=text, comments=[Comment(text=c) for c in comments or []])
    doc.ext["sentences"] = _sentences(text)
    doc.ext["ratings"] = {"best": best, "mentions": []}
    return doc


# --- data and artifact -------------------------------------------------------------
def test_package_data_has_the_expected_labels_and_sources() -> None:
    rows = vdata.load_rows()
    by_source = {s: [r for r in rows if r.source == s] for s in vdata.SOURCES}
    assert 24_000 < len(by_source["imdb"]) <= 25_000
    assert 8_000 < len(by_source["rotten_tomatoes"]) <= 8_530
    assert {r.label for r in rows} == {0, 1}
    share = {name: sum(r.split == name for r in rows) / len(rows) for name in vdata.SPLIT_BOUNDS}
    assert share["train"] == pytest.approx(0.70, abs=0.02)
    assert share["test"] == pytest.approx(0.15, abs=0.02)


def test_subsample_is_deterministic_and_stratified() -> None:
    rows = vdata.split_rows(vdata.load_rows(), "train")
    a, b = vdata.subsample(rows, 1000), vdata.subsample(rows, 1000)
    assert [r.text for r in a] == [r.text for r in b]
    assert 0.4 < sum(r.label for r in a) / len(a) < 0.6
    assert {r.source for r in a} == set(vdata.SOURCES)


def test_artifact_records_data_hash_and_version(small_settings, small_model) -> None:
    model_path, meta_path = artifact_paths(small_settings, SAMPLE)
    assert model_path.is_file() and model_path.parent == small_settings.cache_dir / "models"
    meta = json.loads(meta_path.read_text())
    assert meta["data_sha256"] == vdata.file_sha256(vdata.dataset_path())
    assert meta["model_version"] == MODEL_VERSION
    assert meta["sample"] == SAMPLE and meta["seed"] == 0
    assert small_model.metadata["data_sha256"] == meta["data_sha256"]


def test_train_reuses_a_fresh_artifact_and_rebuilds_a_stale_one(small_settings, small_model) -> None:
    model_path, meta_path = artifact_paths(small_settings, SAMPLE)
    before = model_path.stat().st_mtime_ns
    assert train(small_settings, sample=SAMPLE) == model_path
    assert model_path.stat().st_mtime_ns == before  # fresh: not retrained
    meta = json.loads(meta_path.read_text())
    meta["data_sha256"] = "0" * 64  # as if the package data had changed
    meta_path.write_text(json.dumps(meta))
    train(small_settings, sample=SAMPLE)
    assert model_path.stat().st_mtime_ns != before
    assert json.loads(meta_path.read_text())["data_sha256"] == vdata.file_sha256(vdata.dataset_path())


# --- model behaviour ---------------------------------------------------------------
def test_a_clear_rave_is_positive_and_a_clear_pan_negative(small_model) -> None:
    rave, pan = small_model.review(RAVE), small_model.review(PAN)
    assert rave["verdict"] == "positive" and rave["p_positive"] > 0.9
    assert pan["verdict"] == "negative" and pan["p_positive"] < 0.1
    assert rave["estimated_score"] > 60 > 40 > pan["estimated_score"]


def test_sentence_probs_are_probabilities_that_rank_polarity(small_model) -> None:
    p = small_model.sentence_probs(["A superb, moving and beautifully acted film.",
                                    "A tedious, clumsy and badly acted film.",
                                    "It is not a good film."])
    assert p.shape == (3,) and np.all((p > 0) & (p < 1))
    assert p[0] > 0.7 and p[1] < 0.3
    assert p[2] < 0.5  # negation scope: "not a good film"


def test_hedging_pulls_a_review_toward_the_middle(small_model) -> None:
    plain = "The film is good. The acting is good. The ending is good."
    hedged = ("The film is good, though uneven. The acting is fairly decent, but rarely more than that. "
              "The ending is good enough, yet somewhat forgettable.")
    p_plain, p_hedged = small_model.review(plain), small_model.review(hedged)
    assert p_hedged["hedge_rate"] > p_plain["hedge_rate"] == 0
    assert abs(p_hedged["p_positive"] - 0.5) < abs(p_plain["p_positive"] - 0.5)


def test_sentences_from_the_pipeline_are_used_when_given(small_model) -> None:
    given = [{"text": "An awful, boring film.", "paragraph": 0}]
    assert small_model.review(RAVE, given)["verdict"] == "negative"
    assert len(small_model.review(RAVE, given)["sentence_p"]) == 1


def test_empty_text_gets_no_verdict(small_model) -> None:
    assert small_model.review("   ")["verdict"] is None


def test_fast_scoring_matches_sklearn(small_model) -> None:
    texts = [normalize(t) for t in (RAVE, PAN, "", "It is not good !", "the the the")]
    counts = small_model.counts(texts)
    assert abs(counts - small_model.vectorizer.transform(texts)).sum() == 0
    for weighting, clf, key in ((small_model.weighting, small_model.clf, "sentences"),
                                (small_model.doc_weighting, small_model.doc_clf, "reviews")):
        reference = clf.decision_function(_weigh(weighting, counts))
        assert np.allclose(_linear_logits(small_model._folded(key, weighting, clf), counts), reference, atol=1e-4)


def test_estimated_score_puts_the_thresholds_on_40_and_60(small_model) -> None:
    lo, hi = small_model.p_negative_max, small_model.p_positive_min
    assert small_model.estimated_score(lo) == pytest.approx(40.0)
    assert small_model.estimated_score(hi) == pytest.approx(60.0)
    assert small_model.estimated_score(0.0) == 0.0 and small_model.estimated_score(1.0) == 100.0


# --- rating rule -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("score", "scale", "expected"),
    [
        (60, 5, "mixed"),  # 3/5 stars: the middle of a five-point scale
        (70, 5, "positive"),  # 3.5/5
        (50, 5, "mixed"),  # 2.5/5
        (40, 5, "negative"),  # 2/5
        (75, 4, "positive"),  # 3/4
        (62.5, 4, "mixed"),  # 2.5/4
        (60, 10, "positive"),  # 6/10
        (50, 10, "mixed"),
        (30, 10, "negative"),
        (75, None, "positive"),  # letter B
        (50, None, "mixed"),  # letter C
        (100, 1, "positive"),  # thumbs up
        (0, 1, "negative"),
    ],
)
def test_rating_verdict_rule(score, scale, expected) -> None:
    settings = load_settings(config_file=None, env={})
    assert rating_verdict({"score": score, "scale": scale}, settings.verdicts) == expected


def test_no_rating_no_rating_verdict() -> None:
    settings = load_settings(config_file=None, env={})
    assert rating_verdict(None, settings.verdicts) is None
    assert rating_verdict({"score": None, "scale": 5}, settings.verdicts) is None


# --- pipeline stage ----------------------------------------------------------------
def test_component_contract_and_lazy_single_load(small_settings, small_model, monkeypatch) -> None:
    loads = []

    def counting_loader(settings):
        loads.append(1)
        return small_model

    monkeypatch.setattr("criticscope.verdicts.component.load_model", counting_loader)
    comp = create_component(small_settings)
    assert isinstance(comp, VerdictComponent)
    assert (comp.name, comp.requires, comp.assigns) == ("verdict", ("sentences", "ratings"), ("verdict",))
    assert loads == []  # nothing loaded until the first document
    docs = [comp(_doc(RAVE)), comp(_doc(PAN))]
    assert loads == [1]
    out = docs[0].ext["verdict"]
    json.dumps(docs[0].ext)  # JSON-serialisable
    assert out["verdict"] == "positive" and out["source"] == "model" and out["estimated"] is True
    assert out["disagreement"] is False and out["model_verdict"] == "positive"
    assert all(0 <= s["p_positive"] <= 1 for s in docs[0].ext["sentences"])
    assert docs[1].ext["verdict"]["verdict"] == "negative"


def test_an_explicit_rating_overrides_the_model(small_settings, small_model) -> None:
    comp = create_component(small_settings, verdict_model=small_model)
    best = {"text": "9/10", "score": 90.0, "scale": 10.0, "value": 9, "kind": "fraction", "source": "text"}
    out = comp(_doc(PAN, best)).ext["verdict"]
    assert out["verdict"] == "positive" and out["source"] == "rating"
    assert out["model_verdict"] == "negative" and out["disagreement"] is True
    assert out["estimated"] is False and out["rating_score"] == 90.0
    three_of_five = {"text": "3/5", "score": 60.0, "scale": 5.0, "value": 3, "kind": "fraction", "source": "text"}
    assert comp(_doc(RAVE, three_of_five)).ext["verdict"]["verdict"] == "mixed"


def test_reader_comments_get_audience_verdicts_kept_apart(small_settings, small_model) -> None:
    comp = create_component(small_settings, verdict_model=small_model)
    alone = comp(_doc(PAN)).ext["verdict"]
    with_comments = comp(_doc(PAN, comments=["I loved it, a wonderful, brilliant and beautiful film!", " ",
                                              "Boring and awful, total waste of time."])).ext["verdict"]
    assert with_comments["p_positive"] == alone["p_positive"]  # critic figures untouched
    assert with_comments["verdict"] == alone["verdict"] == "negative"
    audience = with_comments["audience"]
    assert [a["index"] for a in audience] == [0, 2]  # the blank comment is skipped, positions kept
    assert audience[0]["verdict"] == "positive" and audience[1]["verdict"] == "negative"


def test_stage_runs_in_a_pipeline_after_sentences_and_ratings(small_settings, small_model) -> None:
    class Sentences:
        name, requires, assigns = "sentences", (), ("sentences",)

        def __call__(self, doc):
            doc.ext["sentences"] = _sentences(doc.text)
            return doc

    class Ratings:
        name, requires, assigns = "ratings", (), ("ratings",)

        def __call__(self, doc):
            doc.ext["ratings"] = {"best": None, "mentions": []}
            return doc

    pipe = Pipeline([Sentences(), Ratings(), create_component(small_settings, verdict_model=small_model)])
    doc = pipe(ReviewDoc(review_id="x", text=RAVE))
    assert doc.errors == [] and doc.ext["verdict"]["verdict"] == "positive"


# --- text helpers ------------------------------------------------------------------
def test_split_sentences_keeps_exact_offsets_and_paragraphs() -> None:
    text = "Heading Here\nFirst one. Second, \u201cquoted.\u201d Third?\n\nNext para is\nwrapped here. End."
    sents = split_sentences(text)
    assert all(text[s["start"]:s["end"]] == s["text"] for s in sents)
    assert [s["paragraph"] for s in sents] == [0, 1, 1, 1, 2, 2]
    assert sents[2]["text"] == "Second, \u201cquoted.\u201d"


def test_normalize_marks_negation_and_unifies_both_sources() -> None:
    assert "not_good" in normalize("It\u2019s not a good movie.")
    assert normalize("Great<br /><br />film") == "great film"
    assert normalize("it's burns' visuals , characters") == normalize("It\u2019s Burns\u2019 visuals, characters")


def test_hedge_cues_count_concessions_and_minimisers() -> None:
    assert hedge_counts("It is uneven, but often fine.") == (3, 0)
    assert hedge_counts("My one small quibble: it runs a touch long.")[1] == 2


# --- full model: seeds and evaluation floors ---------------------------------------
def _seed_text(path: Path, label: dict) -> str:
    drop = set(label.get("boilerplate_lines") or []) | set(label.get("caption_lines") or [])
    lines = path.read_text(encoding="utf-8").splitlines()
    if label.get("reader_comments"):
        lines = lines[:-2]  # the trailing reader comment: its header and its text
    return "\n".join(line for line in lines if line.strip() and line.strip() not in drop)


def _seed_rating(label: dict) -> dict | None:
    if label.get("rating_0_100") is None:
        return None
    scale = re.search(r"/\s*(\d+)", label["rating_text"])
    return {"text": label["rating_text"], "score": float(label["rating_0_100"]),
            "scale": float(scale.group(1)) if scale else None}


@pytest.mark.slow
def test_seed_pages_verdicts(settings) -> None:
    labels = [json.loads(line) for line in (SEEDS / "labels.jsonl").read_text().splitlines() if line.strip()]
    comp = create_component(settings)
    right = []
    for label in labels:
        doc = _doc(_seed_text(SEEDS / label["file"], label), _seed_rating(label))
        out = comp(doc).ext["verdict"]
        right.append(out["verdict"] == label["verdict"])
        if label.get("rating_0_100") is not None:
            assert out["source"] == "rating" and out["verdict"] == label["verdict"]
    # 3 of the 4 seeds come out as labelled (docs/verdicts.md lists which)
    assert sum(right) >= 3, right


@pytest.mark.slow
def test_quick_evaluation_meets_the_floors(settings) -> None:
    from criticscope.evaluation.verdicts import evaluate

    result = evaluate(settings, quick=True)
    floors = floors_for("verdicts")
    assert floors and gate(result, floors) == []
    assert result.metrics["critic_coverage"] == 1.0
