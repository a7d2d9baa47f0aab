"""Per-film aggregates, recomputed from stored rows by pure functions.

:func:`compute_aggregates` takes plain rows and settings and returns a dict; it has
no I/O, so it can be checked against hand-computed fixtures.  :func:`film_aggregates`
loads the rows of one film from the store and calls it.

Critics and audience are kept apart: reader comments only feed ``audience``.
Every figure lists the reviews behind it (``review_ids``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from .config import AggregateSettings
from .models import Analysis, AspectMention, Film, Mention, ReaderComment, Review
from .store import Store

HISTOGRAM_BINS = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 101)]


@dataclass
class CriticRow:
    review_id: str
    verdict: str | None
    rating_score: float | None = None
    rating_text: str | None = None
    estimated_score: float | None = None
    pull_quote: str | None = None
    spoiler: bool | None = None
    published: str | None = None
    critic: str | None = None
    outlet: str | None = None


@dataclass
class AspectRow:
    review_id: str
    aspect: str
    polarity: str
    text: str | None = None


@dataclass
class MentionRow:
    review_id: str
    film_id: int
    title: str
    year: int | None = None


@dataclass
class AudienceRow:
    review_id: str
    verdict: str | None


@dataclass
class FilmRows:
    critics: list[CriticRow] = field(default_factory=list)
    aspects: list[AspectRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    audience: list[AudienceRow] = field(default_factory=list)
    awaiting_decision: list[str] = field(default_factory=list)


def is_positive(row: CriticRow, settings: AggregateSettings) -> bool:
    """Positive: the verdict is positive, or the explicit rating is at least ``positive_rating_min``."""
    if row.verdict == "positive":
        return True
    return row.rating_score is not None and row.rating_score >= settings.positive_rating_min


def _stdev(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def _histogram(rows: list[CriticRow]) -> list[dict[str, Any]]:
    bins = []
    for lo, hi in HISTOGRAM_BINS:
        ids = [r.review_id for r in rows if r.rating_score is not None and lo <= r.rating_score < hi]
        bins.append({"from": lo, "to": min(hi, 100), "count": len(ids), "review_ids": ids})
    return bins


_TOKEN = re.compile(r"[a-z']+")


def _bag(text: str) -> Counter:
    return Counter(t for t in _TOKEN.findall(text.lower()) if len(t) > 2)


def _cosine(a: Counter, b: Counter) -> float:
    common = set(a) & set(b)
    num = sum(a[t] * b[t] for t in common)
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def extractive_consensus(rows: list[CriticRow], max_sentences: int = 3) -> list[dict[str, Any]]:
    """Pick 2–3 pull quotes: the most central quote of each verdict group, groups in order
    of size, so the consensus covers the split of opinion rather than only the majority."""
    quoted = [r for r in rows if r.pull_quote and not r.spoiler]
    if not quoted:
        return []
    bags = {r.review_id: _bag(r.pull_quote or "") for r in quoted}

    def centrality(r: CriticRow) -> float:
        others = [bags[o.review_id] for o in quoted if o.review_id != r.review_id]
        return sum(_cosine(bags[r.review_id], b) for b in others) / len(others) if others else 0.0

    groups: dict[str, list[CriticRow]] = defaultdict(list)
    for r in quoted:
        groups[r.verdict or "unknown"].append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    chosen: list[CriticRow] = []
    for _, members in ordered:  # one per group first (coverage), then fill by centrality
        chosen.append(max(members, key=lambda r: (centrality(r), r.review_id)))
        if len(chosen) == max_sentences:
            break
    if len(chosen) < min(2, len(quoted)):
        rest = sorted((r for r in quoted if r not in chosen), key=lambda r: (-centrality(r), r.review_id))
        chosen.extend(rest[: min(2, len(quoted)) - len(chosen)])
    return [{"text": r.pull_quote, "review_id": r.review_id, "verdict": r.verdict} for r in chosen]


def aspect_consensus(aspects: list[AspectRow], top: int = 3) -> dict[str, list[dict[str, Any]]]:
    """Most praised and most criticized aspects, counted once per review, with one quote each."""
    per_review: dict[tuple[str, str], Counter] = defaultdict(Counter)
    quotes: dict[tuple[str, str], str] = {}
    for a in aspects:
        per_review[(a.aspect, a.review_id)][a.polarity] += 1
        if a.text:
            quotes.setdefault((a.aspect, a.polarity), a.text)
    tally: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"positive": [], "negative": []})
    for (aspect, rid), counts in per_review.items():
        pos, neg = counts.get("positive", 0), counts.get("negative", 0)
        if pos > neg:
            tally[aspect]["positive"].append(rid)
        elif neg > pos:
            tally[aspect]["negative"].append(rid)

    def ranked(polarity: str) -> list[dict[str, Any]]:
        items = [(aspect, sorted(t[polarity])) for aspect, t in tally.items() if t[polarity]]
        items.sort(key=lambda x: (-len(x[1]), x[0]))
        return [{"aspect": a, "count": len(ids), "review_ids": ids, "quote": quotes.get((a, polarity))}
                for a, ids in items[:top]]

    return {"praised": ranked("positive"), "criticized": ranked("negative")}


def compute_aggregates(rows: FilmRows, settings: AggregateSettings) -> dict[str, Any]:
    critics = rows.critics
    n = len(critics)
    positive_ids = [r.review_id for r in critics if is_positive(r, settings)]
    rated = [r for r in critics if r.rating_score is not None]
    estimated = [r for r in critics if r.rating_score is None and r.estimated_score is not None]
    verdicts = Counter(r.verdict for r in critics if r.verdict)
    share_shown = n >= settings.min_reviews_for_share
    avg_shown = len(rated) >= settings.min_rated_for_average
    scores_for_spread = [r.rating_score if r.rating_score is not None else r.estimated_score for r in critics]
    spread_values = [s for s in scores_for_spread if s is not None]
    compared = Counter()
    compared_reviews: dict[int, set[str]] = defaultdict(set)
    titles: dict[int, tuple[str, int | None]] = {}
    for m in rows.mentions:
        compared_reviews[m.film_id].add(m.review_id)
        titles[m.film_id] = (m.title, m.year)
    for fid, ids in compared_reviews.items():
        compared[fid] = len(ids)
    timeline = Counter((r.published or "")[:7] or "undated" for r in critics)
    audience_with_verdict = [a for a in rows.audience if a.verdict]
    audience_pos = [a.review_id for a in audience_with_verdict if a.verdict == "positive"]
    return {
        "critics": {
            "count": n,
            "review_ids": [r.review_id for r in critics],
            "share_positive": {
                "value": round(100 * len(positive_ids) / n, 1) if share_shown and n else None,
                "shown": share_shown,
                "positive": len(positive_ids),
                "of": n,
                "minimum": settings.min_reviews_for_share,
                "review_ids": positive_ids,
                "note": None if share_shown else
                f"not enough reviews yet ({n} of {settings.min_reviews_for_share} needed)",
            },
            "average_score": {
                "value": round(sum(r.rating_score for r in rated) / len(rated), 1) if avg_shown else None,  # type: ignore[misc]
                "shown": avg_shown,
                "rated": len(rated),
                "minimum": settings.min_rated_for_average,
                "review_ids": [r.review_id for r in rated],
                "note": None if avg_shown else
                f"not enough rated reviews yet ({len(rated)} of {settings.min_rated_for_average} needed)",
            },
            "estimated_score": {
                "value": round(sum(r.estimated_score for r in estimated) / len(estimated), 1) if estimated else None,  # type: ignore[misc]
                "count": len(estimated),
                "review_ids": [r.review_id for r in estimated],
                "note": "estimated by the verdict model for reviews without a written rating",
            },
            "verdicts": {v: verdicts.get(v, 0) for v in ("positive", "mixed", "negative")},
            "distribution": _histogram(critics),
            "spread": {
                "stdev": round(s, 1) if (s := _stdev(spread_values)) is not None else None,
                "disagreement": round(1 - max(verdicts.values()) / sum(verdicts.values()), 3) if verdicts else None,
            },
        },
        "aspects": aspect_consensus(rows.aspects),
        "consensus": extractive_consensus(critics),
        "compared_with": [{"film_id": fid, "title": titles[fid][0], "year": titles[fid][1], "count": c,
                           "review_ids": sorted(compared_reviews[fid])}
                          for fid, c in sorted(compared.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        "timeline": [{"month": m, "count": c} for m, c in sorted(timeline.items())],
        "audience": {
            "count": len(rows.audience),
            "share_positive": round(100 * len(audience_pos) / len(audience_with_verdict), 1)
            if audience_with_verdict else None,
            "review_ids": sorted({a.review_id for a in rows.audience}),
        },
        "awaiting_decision": {
            "count": len(rows.awaiting_decision),
            "review_ids": rows.awaiting_decision,
            "note": f"{len(rows.awaiting_decision)} review(s) awaiting a film decision"
            if rows.awaiting_decision else None,
        },
    }


# --- loading rows from the store -------------------------------------------------


def load_film_rows(store: Store, film_id: int) -> FilmRows:
    rows = FilmRows()
    with store.session() as s:
        reviews = list(s.scalars(select(Review).where(Review.film_id == film_id, Review.duplicate_of.is_(None),
                                                      Review.link_status.in_(("linked", "not_in_catalog")))
                                 .order_by(Review.published, Review.id)))
        ids = [r.id for r in reviews]
        rows.critics = [CriticRow(review_id=r.id, verdict=r.verdict, rating_score=r.rating_score,
                                  rating_text=r.rating_text, estimated_score=r.estimated_score,
                                  pull_quote=r.pull_quote, spoiler=r.spoiler, published=r.published,
                                  critic=r.critic, outlet=r.outlet) for r in reviews]
        if ids:
            rows.aspects = [AspectRow(a.review_id, a.aspect, a.polarity, a.text)
                            for a in s.scalars(select(AspectMention).where(AspectMention.review_id.in_(ids)))]
            mention_q = (select(Mention.review_id, Mention.film_id, Film.title, Film.year)
                         .join(Film, Film.id == Mention.film_id)
                         .where(Mention.review_id.in_(ids), Mention.kind == "film", Mention.film_id != film_id))
            rows.mentions = [MentionRow(rid, fid, title, year) for rid, fid, title, year in s.execute(mention_q)]
            rows.audience = [AudienceRow(c.review_id, c.verdict)
                             for c in s.scalars(select(ReaderComment).where(ReaderComment.review_id.in_(ids)))]
        ambiguous = s.execute(select(Analysis.review_id, Analysis.data)
                              .join(Review, Review.id == Analysis.review_id)
                              .where(Analysis.stage == "linking", Review.link_status == "ambiguous",
                                     Review.duplicate_of.is_(None)))
        rows.awaiting_decision = sorted(rid for rid, data in ambiguous
                                        if any(c.get("film_id") == film_id for c in (data or {}).get("candidates", [])))
    return rows


def film_aggregates(store: Store, film_id: int, settings: AggregateSettings) -> dict[str, Any]:
    return compute_aggregates(load_film_rows(store, film_id), settings)


def recompute_all(store: Store, settings: AggregateSettings) -> dict[int, dict[str, Any]]:
    """Aggregates of every film that has at least one linked review."""
    with store.session() as s:
        film_ids = sorted(set(s.scalars(select(Review.film_id).where(Review.film_id.is_not(None)))))
    return {fid: film_aggregates(store, fid, settings) for fid in film_ids}
