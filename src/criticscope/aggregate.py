"""Per-film aggregates, recomputed from stored rows by pure functions.

:func:`compute_aggregates` takes plain rows and settings and returns a dict; it has
no I/O, so it can be checked against hand-computed fixtures.  :func:`film_aggregates`
loads the rows of one film from the store and calls it (keeping the result in a cache
checked against the film's rows, see :class:`AggregateCache`); :func:`recompute_all`
computes every film from a few bulk queries.  Definitions: docs/aggregates.md.

Critics and audience are kept apart: reader comments only feed ``audience``.
Every figure lists the reviews behind it (``review_ids``).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from .config import AggregateSettings
from .models import AspectMention, Film, LinkCandidate, Mention, ReaderComment, Review
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


def _unit(bag: Counter) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in bag.values()))
    return {t: v / norm for t, v in bag.items()} if norm else {}


def _centralities(bags: list[Counter]) -> list[float]:
    """Mean cosine similarity of each bag of words to all the others, in linear time:
    sum_j cos(i, j) = u_i . (U - u_i) where U is the sum of the unit vectors."""
    units = [_unit(b) for b in bags]
    total: dict[str, float] = defaultdict(float)
    for u in units:
        for t, v in u.items():
            total[t] += v
    n = len(bags)
    if n < 2:
        return [0.0] * n
    return [sum(v * (total[t] - v) for t, v in u.items()) / (n - 1) for u in units]


def extractive_consensus(rows: list[CriticRow], max_sentences: int = 3) -> list[dict[str, Any]]:
    """Pick 2–3 pull quotes: the most central quote of each verdict group, groups in order
    of size, so the consensus covers the split of opinion rather than only the majority.
    Quotes of reviews flagged as spoilers are never chosen."""
    quoted = [r for r in rows if r.pull_quote and not r.spoiler]
    if not quoted:
        return []
    central = dict(zip((r.review_id for r in quoted), _centralities([_bag(r.pull_quote or "") for r in quoted]),
                       strict=True))

    def key(r: CriticRow) -> tuple[float, str]:  # most central first; ties: the smaller review id
        return (-round(central[r.review_id], 9), r.review_id)

    groups: dict[str, list[CriticRow]] = defaultdict(list)
    for r in quoted:
        groups[r.verdict or "unknown"].append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    chosen: list[CriticRow] = []
    for _, members in ordered:  # one per group first (coverage), then fill by centrality
        chosen.append(min(members, key=key))
        if len(chosen) == max_sentences:
            break
    want = min(2, len(quoted))
    if len(chosen) < want:
        picked = {r.review_id for r in chosen}
        rest = sorted((r for r in quoted if r.review_id not in picked), key=key)
        chosen.extend(rest[: want - len(chosen)])
    return [{"text": r.pull_quote, "review_id": r.review_id, "verdict": r.verdict} for r in chosen]


def aspect_consensus(aspects: list[AspectRow], top: int = 3, *, spoiler_ids: set[str] | frozenset[str] = frozenset()
                     ) -> dict[str, list[dict[str, Any]]]:
    """Most praised and most criticized aspects, counted once per review (by the review's
    net polarity on that aspect), each with one quote from a review that counted, preferring
    reviews not flagged as spoilers."""
    net: dict[tuple[str, str], int] = {}  # (aspect, review) -> positive minus negative mentions
    texts: dict[tuple[str, str, str], str] = {}
    for a in aspects:
        key = (a.aspect, a.review_id)
        net[key] = net.get(key, 0) + (1 if a.polarity == "positive" else -1 if a.polarity == "negative" else 0)
        if a.text:
            texts.setdefault((a.aspect, a.review_id, a.polarity), a.text)
    tally: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"positive": [], "negative": []})
    for (aspect, rid), balance in net.items():
        if balance > 0:
            tally[aspect]["positive"].append(rid)
        elif balance < 0:
            tally[aspect]["negative"].append(rid)

    def quote(aspect: str, polarity: str, ids: list[str]) -> str | None:
        for rid in sorted(ids, key=lambda r: (r in spoiler_ids, r)):
            if (aspect, rid, polarity) in texts:
                return texts[(aspect, rid, polarity)]
        return None

    def ranked(polarity: str) -> list[dict[str, Any]]:
        items = [(aspect, sorted(t[polarity])) for aspect, t in tally.items() if t[polarity]]
        items.sort(key=lambda x: (-len(x[1]), x[0]))
        return [{"aspect": a, "count": len(ids), "review_ids": ids, "quote": quote(a, polarity, ids)}
                for a, ids in items[:top]]

    return {"praised": ranked("positive"), "criticized": ranked("negative")}


def compute_aggregates(rows: FilmRows, settings: AggregateSettings) -> dict[str, Any]:
    critics = rows.critics
    # reviews with neither a verdict nor a rating say nothing either way: left out of the share
    judged = [r for r in critics if r.verdict or r.rating_score is not None]
    n = len(judged)
    positive_ids = [r.review_id for r in judged if is_positive(r, settings)]
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
    audience_shown = len(audience_with_verdict) >= settings.min_reviews_for_share
    return {
        "critics": {
            "count": len(critics),
            "review_ids": [r.review_id for r in critics],
            "share_positive": {
                "value": round(100 * len(positive_ids) / n, 1) if share_shown and n else None,
                "shown": share_shown,
                "positive": len(positive_ids),
                "of": n,
                "minimum": settings.min_reviews_for_share,
                "review_ids": positive_ids,
                "note": None if share_shown else
                f"not enough reviews yet ({n} of {settings.min_reviews_for_share} needed)"
                + (f"; {len(critics) - n} without a verdict or rating" if len(critics) > n else ""),
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
        "aspects": aspect_consensus(rows.aspects, spoiler_ids={r.review_id for r in critics if r.spoiler}),
        "consensus": extractive_consensus(critics),
        "compared_with": [{"film_id": fid, "title": titles[fid][0], "year": titles[fid][1], "count": c,
                           "review_ids": sorted(compared_reviews[fid])}
                          for fid, c in sorted(compared.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        "timeline": [{"month": m, "count": c} for m, c in sorted(timeline.items())],
        "audience": {  # reader comments, never mixed into the critics' figures
            "count": len(rows.audience),
            "share_positive": round(100 * len(audience_pos) / len(audience_with_verdict), 1)
            if audience_shown and audience_with_verdict else None,
            "shown": audience_shown,
            "positive": len(audience_pos),
            "of": len(audience_with_verdict),
            "minimum": settings.min_reviews_for_share,
            "note": None if audience_shown else
            f"not enough reader comments with a verdict yet ({len(audience_with_verdict)} of "
            f"{settings.min_reviews_for_share} needed)",
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

# Link statuses whose reviews count for their film (a provisional film is "not_in_catalog").
COUNTED_STATUSES = ("linked", "not_in_catalog")
_CRITIC_COLS = (Review.film_id, Review.id, Review.verdict, Review.rating_score, Review.rating_text,
                Review.estimated_score, Review.pull_quote, Review.spoiler, Review.published, Review.critic,
                Review.outlet)


def _counted(film_id: int | None = None):
    """Conditions of the reviews that count for a film (one film, or every film)."""
    conds = [Review.duplicate_of.is_(None), Review.link_status.in_(COUNTED_STATUSES)]
    conds.append(Review.film_id == film_id if film_id is not None else Review.film_id.is_not(None))
    return conds


def _awaiting_query(film_id: int | None):
    q = (select(LinkCandidate.film_id, LinkCandidate.review_id)
         .join(Review, Review.id == LinkCandidate.review_id)
         .where(Review.link_status == "ambiguous", Review.duplicate_of.is_(None)))
    if film_id is not None:
        q = q.where(LinkCandidate.film_id == film_id)
    return q.order_by(LinkCandidate.film_id, LinkCandidate.review_id)


def awaiting_decision(store: Store, film_id: int | None = None) -> dict[int, list[str]]:
    """Ambiguous reviews (awaiting a person's decision) by candidate film, through the
    indexed ``link_candidates`` table."""
    out: dict[int, list[str]] = defaultdict(list)
    with store.engine.connect() as conn:
        for fid, rid in conn.execute(_awaiting_query(film_id)):
            out[fid].append(rid)
    return dict(out)


def _load_rows(store: Store, film_id: int | None) -> dict[int, FilmRows]:
    """Rows of one film, or of every film with a counted review (in a few bulk queries)."""
    films: dict[int, FilmRows] = defaultdict(FilmRows)
    counted = _counted(film_id)
    with store.engine.connect() as conn:
        owner: dict[str, int] = {}
        for fid, rid, *rest in conn.execute(select(*_CRITIC_COLS).where(*counted)
                                            .order_by(Review.film_id, Review.published, Review.id)).all():
            films[fid].critics.append(CriticRow(rid, *rest))
            owner[rid] = fid
        if owner:
            # one film: the rows of its reviews; every film: whole tables, kept by review in Python
            def read(q, column, order):
                if film_id is not None:
                    q = q.where(column.in_(select(Review.id).where(*counted)))
                return conn.execute(q.order_by(order)).all()

            for rid, aspect, polarity, quote in read(
                    select(AspectMention.review_id, AspectMention.aspect, AspectMention.polarity, AspectMention.text),
                    AspectMention.review_id, AspectMention.id):
                if rid in owner:
                    films[owner[rid]].aspects.append(AspectRow(rid, aspect, polarity, quote))
            for rid, fid, title, year in read(
                    select(Mention.review_id, Mention.film_id, Film.title, Film.year)
                    .join(Film, Film.id == Mention.film_id).where(Mention.kind == "film"),
                    Mention.review_id, Mention.id):
                if rid in owner and fid != owner[rid]:
                    films[owner[rid]].mentions.append(MentionRow(rid, fid, title, year))
            for rid, verdict in read(select(ReaderComment.review_id, ReaderComment.verdict),
                                     ReaderComment.review_id, ReaderComment.id):
                if rid in owner:
                    films[owner[rid]].audience.append(AudienceRow(rid, verdict))
    for fid, ids in awaiting_decision(store, film_id).items():
        films[fid].awaiting_decision = ids
    return films


def load_film_rows(store: Store, film_id: int) -> FilmRows:
    return _load_rows(store, film_id).get(film_id) or FilmRows()


class AggregateCache:
    """Aggregates of recently viewed films, each kept with the version of the rows it was
    computed from; a film whose version changed is recomputed.  The version is the number
    and the newest ``updated_at`` of the film's counted reviews (every analysis, link
    decision or removal changes one of them) and the ids of the reviews awaiting a
    decision about it.  Safe to share between threads; values are returned as copies."""

    def __init__(self, size: int = 2048):
        self.size = size
        self._items: OrderedDict[Hashable, tuple[Hashable, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, version: Hashable) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] != version:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            payload = item[1]
        return json.loads(payload)

    def put(self, key: Hashable, version: Hashable, value: dict[str, Any]) -> None:
        payload = json.dumps(value)
        with self._lock:
            self._items[key] = (version, payload)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def aggregate_cache(store: Store) -> AggregateCache:
    """The aggregate cache of this store (one per open store, created on first use)."""
    cache = store.caches.get("aggregates")
    if cache is None:
        cache = store.caches.setdefault("aggregates", AggregateCache())
    return cache


def film_version(store: Store, film_id: int) -> tuple[int, str, tuple[str, ...]]:
    """What the aggregates of a film depend on (see :class:`AggregateCache`), in two indexed reads."""
    with store.engine.connect() as conn:
        count, newest = conn.execute(select(func.count(), func.max(Review.updated_at))
                                     .where(*_counted(film_id))).one()
        awaiting = tuple(rid for _, rid in conn.execute(_awaiting_query(film_id)))
    return count, str(newest), awaiting


def film_aggregates(store: Store, film_id: int, settings: AggregateSettings, *, cached: bool = True
                    ) -> dict[str, Any]:
    """The aggregates of one film (recomputed only when its rows changed, see :class:`AggregateCache`)."""
    if not cached:
        return compute_aggregates(load_film_rows(store, film_id), settings)
    cache = aggregate_cache(store)
    key = (film_id, settings.model_dump_json())
    version = film_version(store, film_id)
    found = cache.get(key, version)
    if found is not None:
        return found
    value = compute_aggregates(load_film_rows(store, film_id), settings)
    cache.put(key, version, value)
    return value


def recompute_all(store: Store, settings: AggregateSettings) -> dict[int, dict[str, Any]]:
    """Aggregates of every film with at least one counted review or one awaiting a decision."""
    return {fid: compute_aggregates(rows, settings) for fid, rows in sorted(_load_rows(store, None).items())}
