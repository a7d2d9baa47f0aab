"""Aggregates against hand-computed fixtures."""

from __future__ import annotations

import pytest

from criticscope.aggregate import (
    AspectRow,
    AudienceRow,
    CriticRow,
    FilmRows,
    MentionRow,
    aspect_consensus,
    compute_aggregates,
    extractive_consensus,
    is_positive,
)
from criticscope.config import AggregateSettings

S = AggregateSettings(min_reviews_for_share=5, min_rated_for_average=4, positive_rating_min=60)


def _critic(rid, verdict, score=None, est=None, quote=None, published=None, spoiler=False):
    return CriticRow(review_id=rid, verdict=verdict, rating_score=score, estimated_score=est, pull_quote=quote,
                     published=published, spoiler=spoiler)


def test_positive_is_verdict_or_rating_at_least_60():
    assert is_positive(_critic("a", "positive"), S)
    assert is_positive(_critic("b", "mixed", score=60), S)
    assert not is_positive(_critic("c", "mixed", score=59.9), S)
    assert not is_positive(_critic("d", "negative"), S)


def test_thresholds_hide_share_and_average_below_minimums():
    rows = FilmRows(critics=[_critic("a", "positive", 80), _critic("b", "mixed", 60), _critic("c", "negative"),
                             _critic("d", "positive", est=77)])
    agg = compute_aggregates(rows, S)
    share = agg["critics"]["share_positive"]
    assert share["shown"] is False and share["value"] is None
    assert share["positive"] == 3 and share["of"] == 4  # a (verdict), b (rating 60), d (verdict)
    assert "4 of 5" in share["note"]
    avg = agg["critics"]["average_score"]
    assert avg["shown"] is False and avg["rated"] == 2 and avg["value"] is None
    assert agg["critics"]["estimated_score"] == {"value": 77.0, "count": 1, "review_ids": ["d"],
                                                 "note": agg["critics"]["estimated_score"]["note"]}


def test_share_and_average_shown_at_exact_minimums():
    rows = FilmRows(critics=[_critic("a", "positive", 100), _critic("b", "negative", 25),
                             _critic("c", "mixed", 50), _critic("d", "positive", 75),
                             _critic("e", "negative", est=20)])
    agg = compute_aggregates(rows, S)
    share = agg["critics"]["share_positive"]
    assert share["shown"] and share["value"] == 40.0 and share["review_ids"] == ["a", "d"]
    avg = agg["critics"]["average_score"]
    assert avg["shown"] and avg["value"] == 62.5  # (100 + 25 + 50 + 75) / 4; the estimate is kept apart
    assert avg["review_ids"] == ["a", "b", "c", "d"]
    assert agg["critics"]["verdicts"] == {"positive": 2, "mixed": 1, "negative": 2}
    hist = {b["from"]: b["count"] for b in agg["critics"]["distribution"]}
    assert hist == {0: 0, 20: 1, 40: 1, 60: 1, 80: 1}
    # stdev over 100, 25, 50, 75 and the estimate 20
    assert agg["critics"]["spread"]["stdev"] == pytest.approx(30.2, abs=0.05)  # mean 54, variance 4570 / 5
    assert agg["critics"]["spread"]["disagreement"] == pytest.approx(0.6)


def test_tie_in_verdicts_and_consensus_covers_the_split():
    rows = FilmRows(critics=[
        _critic("a", "positive", quote="A thrilling, beautifully acted film."),
        _critic("b", "positive", quote="Beautifully acted and thrilling to the end."),
        _critic("c", "negative", quote="A tedious slog with nothing to say."),
        _critic("d", "negative", quote="The ending reveals the killer was the mother.", spoiler=True),
    ])
    consensus = extractive_consensus(rows.critics)
    verdicts = {c["verdict"] for c in consensus}
    assert verdicts == {"positive", "negative"}
    assert all(c["review_id"] != "d" for c in consensus)  # spoiler quotes never chosen
    assert 2 <= len(consensus) <= 3


def test_aspect_consensus_counts_each_review_once():
    aspects = [AspectRow("a", "performances", "positive", "Lee is superb."),
               AspectRow("a", "performances", "positive", "Lee again."),
               AspectRow("b", "performances", "positive", "Wonderful cast."),
               AspectRow("c", "pacing", "negative", "It drags."),
               AspectRow("a", "pacing", "negative", "Too long.")]
    out = aspect_consensus(aspects)
    assert out["praised"][0] == {"aspect": "performances", "count": 2, "review_ids": ["a", "b"],
                                 "quote": "Lee is superb."}
    assert out["criticized"][0]["aspect"] == "pacing" and out["criticized"][0]["count"] == 2


def test_audience_apart_and_awaiting_decisions_counted():
    rows = FilmRows(critics=[_critic("a", "negative")],
                    audience=[AudienceRow("a", "positive"), AudienceRow("a", "positive"), AudienceRow("a", None)],
                    mentions=[MentionRow("a", 7, "Heat", 1995), MentionRow("a", 7, "Heat", 1995)],
                    awaiting_decision=["x", "y", "z"])
    agg = compute_aggregates(rows, S)
    assert agg["audience"]["count"] == 3 and agg["audience"]["share_positive"] == 100.0
    assert agg["critics"]["share_positive"]["positive"] == 0  # audience never mixed in
    assert agg["compared_with"] == [{"film_id": 7, "title": "Heat", "year": 1995, "count": 1, "review_ids": ["a"]}]
    assert agg["awaiting_decision"]["count"] == 3
    assert agg["awaiting_decision"]["note"] == "3 review(s) awaiting a film decision"
