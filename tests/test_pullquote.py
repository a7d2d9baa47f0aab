from __future__ import annotations

import pytest

from criticscope.evaluation import floors_for
from criticscope.evaluation.pullquote import evaluate
from criticscope.pipeline import ReviewDoc
from criticscope.pullquote import PullQuoteSelector, agrees, create_component
from criticscope.sentences import split_sentences
from criticscope.spoilers import SpoilerDetector

from .test_spoilers import critic_text, seed_cases

REVIEW = (
    "Heat (1995)\n\n"
    "Michael Mann's Heat follows a crew of thieves and the detective who hunts them across Los Angeles. "
    "Al Pacino plays Vincent Hanna, a cop whose marriage is falling apart.\n\n"
    "The downtown shootout is the most exciting action sequence of the decade, a symphony of gunfire. "
    "The coffee-shop scene between Pacino and De Niro is quiet, tense and unforgettable.\n\n"
    "In the end Hanna shoots McCauley dead by the airport runway and holds his hand as he dies. "
    "Heat is a masterpiece, the rare crime epic that earns every one of its 170 minutes."
)


def run(text: str, verdict: str | None, p_positive: float | None = None) -> ReviewDoc:
    doc = ReviewDoc(review_id="r", text=text)
    doc.ext["sentences"] = split_sentences(text)
    if p_positive is not None:
        for s in doc.ext["sentences"]:
            s["p_positive"] = p_positive
    doc.ext["verdict"] = {"verdict": verdict}
    SpoilerDetector()(doc)
    create_component(None)(doc)
    return doc


def test_contract_and_best_quote() -> None:
    comp = create_component(None)
    assert (comp.name, comp.requires, comp.assigns) == ("pullquote", ("sentences", "verdict", "spoilers"),
                                                       ("pullquote",))
    doc = run(REVIEW, "positive")
    quote = doc.ext["pullquote"]
    assert set(quote) >= {"text", "start", "end", "alternates"}
    assert REVIEW[quote["start"]:quote["end"]] == quote["text"]
    assert "masterpiece" in quote["text"] or "unforgettable" in quote["text"] or "exciting" in quote["text"]
    assert len(quote["alternates"]) == 2
    starts = {quote["start"]} | {a["start"] for a in quote["alternates"]}
    assert len(starts) == 3
    for alt in quote["alternates"]:
        assert REVIEW[alt["start"]:alt["end"]] == alt["text"]


def test_never_quotes_a_spoiler_or_plot_summary() -> None:
    doc = run(REVIEW, "positive")
    spoiler_spans = [(s["start"], s["end"]) for s in doc.ext["spoilers"]["sentences"]]
    assert spoiler_spans, "the ending sentence should be flagged"
    for q in [doc.ext["pullquote"], *doc.ext["pullquote"]["alternates"]]:
        assert not any(q["start"] < e and b < q["end"] for b, e in spoiler_spans)
        assert "follows a crew" not in q["text"] and "plays Vincent" not in q["text"]


def test_quote_agrees_with_the_verdict() -> None:
    text = (
        "The sets are gorgeous and the costumes are lovely.\n\n"
        "But the story is a tedious, incoherent mess and the jokes fall flat.\n\n"
        "It is a dull, joyless film that wastes a terrific cast."
    )
    negative = run(text, "negative").ext["pullquote"]["text"]
    positive = run(text, "positive").ext["pullquote"]["text"]
    assert "gorgeous" in positive
    assert any(w in negative for w in ("tedious", "dull"))


def test_long_sentences_yield_a_short_clause() -> None:
    long = (
        "This is a warm, funny and beautifully acted film; the script by the director and her co-writer "
        "wanders through three decades of one family's history with a patience that some viewers will find "
        "trying and others will treasure as the best thing about it."
    )
    quote = run(long, "positive").ext["pullquote"]
    assert len(quote["text"].split()) <= 30
    assert long[quote["start"]:quote["end"]] == quote["text"]


def test_no_candidates_gives_an_empty_quote() -> None:
    quote = run("Heat (1995)", "positive").ext["pullquote"]
    assert quote["text"] is None and quote["alternates"] == []


@pytest.mark.parametrize(
    ("verdict", "value", "contrastive", "expected"),
    [("positive", 0.5, False, True), ("positive", -0.5, False, False), ("negative", -0.3, False, True),
     ("mixed", 0.9, True, True), ("mixed", 0.9, False, False), ("mixed", 0.3, False, True), (None, -1, False, True)],
)
def test_agreement_rule(verdict, value, contrastive, expected) -> None:
    assert agrees(verdict, value, contrastive) is expected


@pytest.mark.parametrize("label", seed_cases(), ids=lambda lab: lab["file"][:3])
def test_seed_pull_quotes(label: dict) -> None:
    text = critic_text(label)
    doc = run(text, label["verdict"])
    quote = doc.ext["pullquote"]
    assert quote["text"] and len(quote["text"].split()) <= 30
    for s in doc.ext["spoilers"]["sentences"]:
        assert not (quote["start"] < s["end"] and s["start"] < quote["end"])
    if label["verdict"] in ("positive", "negative"):
        value = PullQuoteSelector().lexicon.score(quote["text"])
        assert agrees(label["verdict"], value)


def test_quick_evaluation_meets_the_floors() -> None:
    result = evaluate(None, quick=True)
    floors = floors_for("pullquote")
    assert floors, "eval/floors/pullquote.json is missing"
    assert result.metrics["spoiler_rate"] == 0.0
    assert result.metrics["length_ok"] == 1.0
    for metric, floor in floors.items():
        assert result.metrics[metric] >= floor, (metric, result.metrics[metric], floor)
