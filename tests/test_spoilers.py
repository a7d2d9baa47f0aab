from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from criticscope.evaluation import floors_for
from criticscope.evaluation.spoilers import auc, evaluate
from criticscope.pipeline import ReviewDoc
from criticscope.sentences import split_sentences
from criticscope.spoilers import MASK, SpoilerDetector, create_component, score_sentences, spoiler_safe_text

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def one(text: str):
    return score_sentences([{"text": text, "paragraph": 0}])[0]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("(Spoiler) the butler was the one who poisoned the whole family.", "marker"),
        ("In the end, Maya kills the general and walks away from the burning compound.", "ending"),
        ("It turns out the kindly doctor has been harvesting his patients all along.", "reveal"),
        ("Rick is shot by his own partner in the parking garage.", "outcome"),
        ("The final shot shows the two brothers on the pier, one of them alive.", "ending"),
    ],
)
def test_outcome_sentences_score_high(sentence: str, cue: str) -> None:
    scored = one(sentence)
    assert cue in scored.cues
    assert scored.score >= 0.5


@pytest.mark.parametrize(
    "sentence",
    [
        "After her husband is murdered, a widow sets out to find the killers.",
        "I won't spoil the twist, but it is a good one.",
        "This review is spoiler-free.",
        "The ending is a cop-out.",
        "Will she escape the island? I won't say.",
        "The late Chadwick Boseman died before the film's release, and it is dedicated to him.",
    ],
)
def test_premise_hedges_and_judgements_score_low(sentence: str) -> None:
    assert one(sentence).score < 0.5


def test_bare_warning_is_not_itself_a_spoiler_but_raises_what_follows() -> None:
    text = "Spoilers ahead.\n\nThe crew lands on the moon base and finds the old commander hiding in the vents."
    sentences = split_sentences(text)
    scored = score_sentences(sentences)
    assert scored[0].cues == ["warning"] and scored[0].score < 0.5
    assert "after_warning" in scored[1].cues
    without = score_sentences(split_sentences(text.split("\n\n")[1]))[0]
    assert scored[1].score > without.score


def test_review_level_flag_and_listing() -> None:
    text = (
        "Nightcrawler is a queasy, brilliant satire of local news.\n\n"
        "Jake Gyllenhaal plays Lou Bloom, a thief who starts filming crime scenes.\n\n"
        "In the final scene Lou has turned his business into a company, and his rival is dead in the street."
    )
    doc = ReviewDoc(review_id="r", text=text)
    doc.ext["sentences"] = split_sentences(text)
    comp = create_component(None)
    assert (comp.name, comp.requires, comp.assigns) == ("spoilers", ("sentences",), ("spoilers",))
    comp(doc)
    result = doc.ext["spoilers"]
    assert result["spoiler"] is True
    assert 0.0 <= result["confidence"] <= 1.0
    assert [s["index"] for s in result["sentences"]] == [2]
    listed = result["sentences"][0]
    assert text[listed["start"]:listed["end"]].startswith("In the final scene")
    assert listed["cues"] and listed["score"] >= 0.5

    clean = ReviewDoc(review_id="c", text=text.rsplit("\n\n", 1)[0])
    clean.ext["sentences"] = split_sentences(clean.text)
    comp(clean)
    assert clean.ext["spoilers"]["spoiler"] is False
    assert clean.ext["spoilers"]["sentences"] == []


def test_spoiler_safe_text_masks_and_merges() -> None:
    text = "Great film. He dies. She lives. The end is lovely."
    spoilers = {"sentences": [{"start": 12, "end": 20}, {"start": 21, "end": 31}]}
    assert spoiler_safe_text(text, spoilers) == f"Great film. {MASK} The end is lovely."
    assert spoiler_safe_text(text, None) == text
    doc = ReviewDoc(review_id="r", text=text)
    doc.ext["spoilers"] = {"sentences": [{"start": 12, "end": 20}]}
    assert spoiler_safe_text(doc) == f"Great film. {MASK} She lives. The end is lovely."


def test_auc_helper() -> None:
    assert auc([False, True], [0.1, 0.9]) == 1.0
    assert auc([True, False], [0.1, 0.9]) == 0.0


def test_quick_evaluation_meets_the_floors() -> None:
    result = evaluate(None, quick=True)
    floors = floors_for("spoilers")
    assert floors, "eval/floors/spoilers.json is missing"
    for metric, floor in floors.items():
        if metric in result.metrics:
            assert result.metrics[metric] >= floor, (metric, result.metrics[metric], floor)


# -- the seed pages ----------------------------------------------------------------------


def seed_cases() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def critic_text(label: dict) -> str:
    """The raw page minus page furniture, captions and trailing reader comments."""
    lines = (SEEDS / label["file"]).read_text(encoding="utf-8").splitlines()
    if label.get("reader_comments"):
        lines = lines[: -2 * label["reader_comments"]]  # a header line and a body line each
    drop = {line.strip() for line in label.get("boilerplate_lines", []) + label.get("caption_lines", [])}
    return "\n".join(line for line in lines if line.strip() not in drop)


def cue_words(cue: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", cue)} - {"reveals", "describes", "that", "with"}


@pytest.mark.parametrize("label", seed_cases(), ids=lambda lab: lab["file"][:3])
def test_seed_pages(label: dict) -> None:
    text = critic_text(label)
    result = SpoilerDetector().analyse(split_sentences(text))
    assert result["spoiler"] is label["spoilers"]
    flagged = [text[s["start"]:s["end"]] for s in result["sentences"]]
    if not label["spoilers"]:
        assert flagged == []
        return
    # at least one flagged sentence is about what the labels say gives the plot away
    words = cue_words(label["spoiler_cue"])
    overlaps = [len(words & {w.lower() for w in re.findall(r"[\w-]+", f)}) for f in flagged]
    assert max(overlaps) >= 2, (label["spoiler_cue"], flagged)
