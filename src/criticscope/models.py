"""Database tables (SQLAlchemy 2 declarative).  Schema changes go through Alembic
migrations in ``criticscope/migrations``; never ``create_all`` on a real store."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


# --- raw inputs and the journal -------------------------------------------------


class RawInput(Base):
    """Every input exactly as received (zlib-compressed), keyed by its sha256."""

    __tablename__ = "raw_inputs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    origin: Mapped[str] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class JournalEntry(Base):
    """One row per input (or per page of a multi-page input) and run: ok, duplicate,
    near_duplicate or failed, with the reason."""

    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(32), index=True)
    origin: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(64))  # e.g. "line 3", "record 2"
    raw_sha256: Mapped[str | None] = mapped_column(String(64), ForeignKey("raw_inputs.sha256"))
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    review_id: Mapped[str | None] = mapped_column(String(40))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)  # a later retry succeeded
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- reviews --------------------------------------------------------------------


class Review(Base):
    __tablename__ = "reviews"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    raw_sha256: Mapped[str | None] = mapped_column(String(64), ForeignKey("raw_inputs.sha256"))
    source: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    critic: Mapped[str | None] = mapped_column(String(200), index=True)
    headline: Mapped[str | None] = mapped_column(Text)
    headings: Mapped[list[Any]] = mapped_column(default=list)
    captions: Mapped[list[Any]] = mapped_column(default=list)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    structured: Mapped[dict[str, Any]] = mapped_column(default=dict)
    duplicate_of: Mapped[str | None] = mapped_column(String(40), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    # summary columns projected from the analysis stages, for filters and aggregates
    film_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("films.id"), index=True)
    link_status: Mapped[str | None] = mapped_column(String(20), index=True)
    link_confidence: Mapped[float | None] = mapped_column(Float)
    link_source: Mapped[str | None] = mapped_column(String(8))  # "auto" | "user"
    rating_text: Mapped[str | None] = mapped_column(String(100))
    rating_score: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str | None] = mapped_column(String(10), index=True)
    verdict_source: Mapped[str | None] = mapped_column(String(10))
    p_positive: Mapped[float | None] = mapped_column(Float)
    estimated_score: Mapped[float | None] = mapped_column(Float)
    spoiler: Mapped[bool | None] = mapped_column(Boolean)
    spoiler_confidence: Mapped[float | None] = mapped_column(Float)
    pull_quote: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ReaderComment(Base):
    __tablename__ = "comments"
    __table_args__ = (UniqueConstraint("review_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    author: Mapped[str | None] = mapped_column(String(200))
    posted_at: Mapped[str | None] = mapped_column(String(32))
    header: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    p_positive: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str | None] = mapped_column(String(10))


class Analysis(Base):
    """The full output of one pipeline stage on one review (``doc.ext[stage]``)."""

    __tablename__ = "analyses"
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    stage: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class LinkDecision(Base):
    """A person's decision about which film a review is about; re-runs never overwrite it.
    ``film_id`` NULL means "about no film in the catalog"."""

    __tablename__ = "link_decisions"
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    film_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("films.id"))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class Mention(Base):
    """Another film or a person the review refers to."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "film" | "person"
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)
    film_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("films.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("people.id"), index=True)
    confidence: Mapped[float | None] = mapped_column(Float)


class LinkCandidate(Base):
    """A candidate film of a review whose automatic link is ambiguous (projected from its
    linking analysis), so the reviews awaiting a decision about a film are found by index."""

    __tablename__ = "link_candidates"
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    film_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)


Index("ix_link_candidates_film", LinkCandidate.film_id)


class AspectMention(Base):
    __tablename__ = "aspects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    aspect: Mapped[str] = mapped_column(String(32), index=True)
    polarity: Mapped[str] = mapped_column(String(10))
    score: Mapped[float | None] = mapped_column(Float)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)


class SentenceEmbedding(Base):
    """Sentence vectors for semantic search (float16 bytes)."""

    __tablename__ = "sentence_embeddings"
    review_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


# --- film catalog ---------------------------------------------------------------


class Film(Base):
    __tablename__ = "films"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text)
    original_title: Mapped[str | None] = mapped_column(Text)
    norm_title: Mapped[str] = mapped_column(Text, index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="movie")
    runtime: Mapped[int | None] = mapped_column(Integer)
    countries: Mapped[list[Any]] = mapped_column(default=list)
    languages: Mapped[list[Any]] = mapped_column(default=list)
    genres: Mapped[list[Any]] = mapped_column(default=list)
    platform: Mapped[str | None] = mapped_column(String(40))
    imdb_id: Mapped[str | None] = mapped_column(String(12), unique=True)
    wikidata_id: Mapped[str | None] = mapped_column(String(16), index=True)
    source: Mapped[str] = mapped_column(String(32))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    votes: Mapped[int | None] = mapped_column(Integer)
    merged_into: Mapped[int | None] = mapped_column(Integer)


class FilmTitle(Base):
    """Alternative titles (akas), including the primary and original titles; one row per
    normalized title of a film."""

    __tablename__ = "film_titles"
    __table_args__ = (
        UniqueConstraint("film_id", "title", "region"),
        Index("ux_film_titles_film_norm", "film_id", "norm_title", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # indexed through ux_film_titles_film_norm, whose first column it is
    film_id: Mapped[int] = mapped_column(Integer, ForeignKey("films.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    norm_title: Mapped[str] = mapped_column(Text, index=True)
    region: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str | None] = mapped_column(String(8))  # primary | original | aka | alias
    # derived lookup keys ("|"-separated title_variants beyond norm_title), kept to load fast
    variants: Mapped[str | None] = mapped_column(Text)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    norm_name: Mapped[str] = mapped_column(Text, index=True)
    imdb_id: Mapped[str | None] = mapped_column(String(12), unique=True)
    # "|"-separated name_keys beyond norm_name (other word orders, joined hyphenations)
    name_keys: Mapped[str | None] = mapped_column(Text)


class Credit(Base):
    __tablename__ = "credits"
    film_id: Mapped[int] = mapped_column(Integer, ForeignKey("films.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, ForeignKey("people.id"), primary_key=True)
    # director | writer | actor | self | producer | composer | cinematographer | editor
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    ord: Mapped[int | None] = mapped_column(Integer)


Index("ix_credits_person", Credit.person_id)
Index("ix_films_provisional", Film.provisional)


class ImportProgress(Base):
    """Resumable catalog imports: how far each file of each source got."""

    __tablename__ = "import_progress"
    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    file: Mapped[str] = mapped_column(String(200), primary_key=True)
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    bad_rows: Mapped[int] = mapped_column(Integer, default=0)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- distributed runs -----------------------------------------------------------


class Job(Base):
    """One partition of a batch run; lets an interrupted run resume."""

    __tablename__ = "jobs"
    run_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    partition: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(12), index=True)  # pending | running | done | failed
    inputs: Mapped[list[Any]] = mapped_column(default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
