"""The store: one SQLAlchemy engine (SQLite in WAL mode by default, PostgreSQL by URL),
Alembic migrations, and the data-access functions the rest of criticscope uses."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .models import (
    Analysis,
    AspectMention,
    JournalEntry,
    LinkCandidate,
    LinkDecision,
    Mention,
    RawInput,
    ReaderComment,
    Review,
    utcnow,
)
from .pipeline import Comment, ReviewDoc


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine_url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("criticscope") / "migrations"))
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url)
    return cfg


class Store:
    """Data access over one database.  Create with :meth:`Store.open`."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.Session = sessionmaker(engine, expire_on_commit=False)
        # in-process caches of derived data (e.g. per-film aggregates), created by their owners
        self.caches: dict[str, Any] = {}

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        store = cls(make_engine(url))
        if migrate:
            store.migrate()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        from alembic import command

        cfg = alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.Session() as session, session.begin():
            yield session

    # --- raw inputs ------------------------------------------------------------

    def put_raw(self, session: Session, data: bytes, *, sha256: str, origin: str, fmt: str | None,
                fetched_at: datetime | None = None) -> bool:
        """Keep the raw bytes (compressed).  Returns False when already stored."""
        if session.get(RawInput, sha256) is not None:
            return False
        session.add(RawInput(sha256=sha256, origin=origin, format=fmt, size=len(data),
                             content=zlib.compress(data, 6), fetched_at=fetched_at))
        session.flush()
        return True

    def raw_bytes(self, sha256: str) -> bytes | None:
        with self.session() as s:
            row = s.get(RawInput, sha256)
            return zlib.decompress(row.content) if row else None

    # --- journal ---------------------------------------------------------------

    def journal(self, *, failed_only: bool = False, run_id: str | None = None,
                unresolved_only: bool = False, limit: int | None = None) -> list[JournalEntry]:
        with self.session() as s:
            q = select(JournalEntry).order_by(JournalEntry.id)
            if failed_only:
                q = q.where(JournalEntry.status == "failed")
            if unresolved_only:
                q = q.where(JournalEntry.resolved.is_(False))
            if run_id:
                q = q.where(JournalEntry.run_id == run_id)
            if limit:
                q = q.limit(limit)
            return list(s.scalars(q))

    # --- reviews ---------------------------------------------------------------

    def review_exists(self, session: Session, review_id: str) -> bool:
        return session.get(Review, review_id) is not None

    def add_review(self, session: Session, review: Review, comments: Iterable[Comment]) -> None:
        session.add(review)
        session.flush()
        for pos, c in enumerate(comments):
            session.add(ReaderComment(review_id=review.id, position=pos, author=c.author,
                                      posted_at=c.posted_at, header=c.header, text=c.text))

    def get_review(self, review_id: str) -> Review | None:
        with self.session() as s:
            review = s.get(Review, review_id)
            if review is None:
                matches = list(s.scalars(select(Review).where(Review.id.like(f"{review_id}%")).limit(2)))
                review = matches[0] if len(matches) == 1 else None
            return review

    def comments(self, review_id: str) -> list[ReaderComment]:
        with self.session() as s:
            return list(s.scalars(select(ReaderComment).where(ReaderComment.review_id == review_id)
                                  .order_by(ReaderComment.position)))

    def analyses(self, review_id: str) -> dict[str, Any]:
        with self.session() as s:
            rows = s.scalars(select(Analysis).where(Analysis.review_id == review_id))
            return {row.stage: row.data for row in rows}

    def list_reviews(self, *, film_id: int | None = None, critic: str | None = None, outlet: str | None = None,
                     verdict: str | None = None, include_duplicates: bool = False, limit: int | None = None,
                     offset: int = 0) -> list[Review]:
        with self.session() as s:
            q = select(Review).order_by(Review.created_at, Review.id)
            if not include_duplicates:
                q = q.where(Review.duplicate_of.is_(None))
            if film_id is not None:
                q = q.where(Review.film_id == film_id)
            if critic:
                q = q.where(Review.critic == critic)
            if outlet:
                q = q.where(Review.outlet == outlet)
            if verdict:
                q = q.where(Review.verdict == verdict)
            q = q.offset(offset)
            if limit:
                q = q.limit(limit)
            return list(s.scalars(q))

    def count_reviews(self, *, include_duplicates: bool = False) -> int:
        with self.session() as s:
            q = select(func.count()).select_from(Review)
            if not include_duplicates:
                q = q.where(Review.duplicate_of.is_(None))
            return s.scalar(q) or 0

    def review_ids(self, *, include_duplicates: bool = False) -> list[str]:
        with self.session() as s:
            q = select(Review.id).order_by(Review.id)
            if not include_duplicates:
                q = q.where(Review.duplicate_of.is_(None))
            return list(s.scalars(q))

    def load_doc(self, review_id: str) -> ReviewDoc:
        """Rebuild the pipeline document of a stored review, with its stored stage outputs."""
        with self.session() as s:
            r = s.get(Review, review_id)
            if r is None:
                raise KeyError(review_id)
            comments = [Comment(text=c.text, author=c.author, posted_at=c.posted_at, header=c.header)
                        for c in s.scalars(select(ReaderComment).where(ReaderComment.review_id == review_id)
                                           .order_by(ReaderComment.position))]
            ext = {a.stage: a.data for a in s.scalars(select(Analysis).where(Analysis.review_id == review_id))}
            decision = s.get(LinkDecision, review_id)
        doc = ReviewDoc(review_id=r.id, text=r.text, headline=r.headline, headings=list(r.headings or []),
                        captions=list(r.captions or []), critic=r.critic, outlet=r.outlet, url=r.url,
                        published=r.published, source=r.source, language=r.language, comments=comments,
                        structured=dict(r.structured or {}), ext=ext)
        if decision is not None:
            doc.ext["link_decision"] = {"film_id": decision.film_id, "decided_at": decision.decided_at.isoformat()}
        return doc

    def save_doc(self, doc: ReviewDoc, stages: Iterable[str] | None = None) -> None:
        """Persist stage outputs of ``doc`` (all of ``doc.ext`` or only ``stages``) and
        project their key figures into the review's summary columns."""
        self.save_docs([doc], stages)

    def save_docs(self, docs: Sequence[ReviewDoc], stages: Iterable[str] | None = None) -> None:
        """:meth:`save_doc` for many documents in one transaction.  Reviews are written in id
        order, so two writers touching the same reviews lock them in the same order."""
        docs = sorted(docs, key=lambda d: d.review_id)
        ids = [d.review_id for d in docs]
        if not ids:
            return
        only = list(stages) if stages is not None else None
        with self.session() as s:
            reviews = {r.id: r for r in s.scalars(select(Review).where(Review.id.in_(ids)))}
            existing = {(a.review_id, a.stage): a
                        for a in s.scalars(select(Analysis).where(Analysis.review_id.in_(ids)))}
            for doc in docs:
                review = reviews.get(doc.review_id)
                if review is None:
                    raise KeyError(doc.review_id)
                for stage in [k for k in (only or doc.ext) if k in doc.ext and k != "link_decision"]:
                    row = existing.get((doc.review_id, stage))
                    if row is None:
                        s.add(Analysis(review_id=doc.review_id, stage=stage, data=doc.ext[stage]))
                    else:
                        row.data = doc.ext[stage]
                        row.updated_at = utcnow()
                    _project(s, review, stage, doc.ext[stage])
                review.updated_at = utcnow()

    # --- a person's link decisions ---------------------------------------------

    def set_link_decision(self, review_id: str, film_id: int | None, *, decided_by: str | None = None,
                          note: str | None = None) -> None:
        with self.session() as s:
            review = s.get(Review, review_id)
            if review is None:
                raise KeyError(review_id)
            row = s.get(LinkDecision, review_id)
            if row is None:
                s.add(LinkDecision(review_id=review_id, film_id=film_id, decided_by=decided_by, note=note))
            else:
                row.film_id, row.decided_by, row.note, row.decided_at = film_id, decided_by, note, utcnow()
            review.film_id = film_id
            review.link_status = "linked" if film_id is not None else "none"
            review.link_source = "user"
            review.link_confidence = 1.0

    def clear_link_decision(self, review_id: str) -> bool:
        with self.session() as s:
            row = s.get(LinkDecision, review_id)
            if row is None:
                return False
            s.delete(row)
            review = s.get(Review, review_id)
            data = s.get(Analysis, (review_id, "linking"))
            if review is not None:
                _project_link(review, data.data if data else {})
            return True

    def link_decision(self, review_id: str) -> LinkDecision | None:
        with self.session() as s:
            return s.get(LinkDecision, review_id)


def _project(s: Session, review: Review, stage: str, data: Any) -> None:
    """Copy a stage's headline figures into summary columns and child tables."""
    if stage == "ratings":
        best = (data or {}).get("best")
        review.rating_text = best.get("text") if best else None
        review.rating_score = best.get("score") if best else None
    elif stage == "verdict":
        data = data or {}
        review.verdict = data.get("verdict")
        review.verdict_source = data.get("source")
        review.p_positive = data.get("p_positive")
        review.estimated_score = data.get("estimated_score")
        audience = {a.get("index"): a for a in data.get("audience") or []}
        for c in s.scalars(select(ReaderComment).where(ReaderComment.review_id == review.id)):
            a = audience.get(c.position)
            c.p_positive = a.get("p_positive") if a else None
            c.verdict = a.get("verdict") if a else None
    elif stage == "linking":
        if s.get(LinkDecision, review.id) is None:
            _project_link(review, data or {})
        _project_candidates(s, review.id, data or {})
        s.execute(delete(Mention).where(Mention.review_id == review.id))
        for m in (data or {}).get("mentions") or []:
            s.add(Mention(review_id=review.id, kind=m.get("kind", "film"), text=m.get("text", ""),
                          start=m.get("start"), end=m.get("end"), sentence=m.get("sentence"),
                          film_id=m.get("film_id"), person_id=m.get("person_id"),
                          confidence=m.get("confidence")))
    elif stage == "aspects":
        s.execute(delete(AspectMention).where(AspectMention.review_id == review.id))
        items = data.get("items", []) if isinstance(data, dict) else (data or [])
        for a in items:
            s.add(AspectMention(review_id=review.id, aspect=a["aspect"], polarity=a.get("polarity", "neutral"),
                                score=a.get("score"), start=a.get("start"), end=a.get("end"), text=a.get("text")))
    elif stage == "spoilers":
        review.spoiler = (data or {}).get("spoiler")
        review.spoiler_confidence = (data or {}).get("confidence")
    elif stage == "pullquote":
        review.pull_quote = (data or {}).get("text")


def _project_candidates(s: Session, review_id: str, data: dict[str, Any]) -> None:
    """Only an ambiguous link's candidates are kept: they are the films it awaits a decision about."""
    s.execute(delete(LinkCandidate).where(LinkCandidate.review_id == review_id))
    if data.get("status") != "ambiguous":
        return
    seen: set[int] = set()
    for rank, c in enumerate(data.get("candidates") or []):
        fid = c.get("film_id") if isinstance(c, dict) else None
        if isinstance(fid, int) and fid not in seen:
            seen.add(fid)
            s.add(LinkCandidate(review_id=review_id, film_id=fid, rank=rank, confidence=c.get("confidence")))


def _project_link(review: Review, data: dict[str, Any]) -> None:
    review.film_id = data.get("film_id")
    review.link_status = data.get("status")
    review.link_confidence = data.get("confidence")
    review.link_source = "auto" if data else None
