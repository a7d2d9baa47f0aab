"""Ingest: read inputs (files, folders, stdin, URLs), keep the raw bytes, extract
review pages, de-duplicate them, and journal every input's outcome.

Bad input never stops a run: each failure becomes a journal row naming the input
and the reason, with the raw bytes kept when there were any.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import select

from .config import Settings
from .fetch import FetchError, fetch, is_url
from .models import JournalEntry, Review
from .store import Store

STDIN = "-"
MINHASH_SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them


@dataclass
class RawItem:
    """One input as read: its bytes, or the reason it could not be read."""

    origin: str
    data: bytes | None = None
    error: str | None = None
    url: str | None = None
    fetched_at: datetime | None = None


@dataclass
class JournalRow:
    origin: str
    status: str  # ok | duplicate | near_duplicate | failed
    reason: str | None = None
    item: str | None = None
    review_id: str | None = None
    raw_sha256: str | None = None

    def as_dict(self) -> dict:
        return {"origin": self.origin, "item": self.item, "status": self.status, "reason": self.reason,
                "review_id": self.review_id, "raw_sha256": self.raw_sha256}


@dataclass
class IngestReport:
    run_id: str
    rows: list[JournalRow] = field(default_factory=list)

    @property
    def new_review_ids(self) -> list[str]:
        return [r.review_id for r in self.rows if r.status in ("ok", "near_duplicate") and r.review_id]

    @property
    def review_ids(self) -> list[str]:
        """Every review this run touched (new or already stored), in input order, once each."""
        seen: dict[str, None] = {}
        for r in self.rows:
            if r.review_id and r.status != "failed":
                seen.setdefault(r.review_id, None)
        return list(seen)

    @property
    def failed(self) -> list[JournalRow]:
        return [r for r in self.rows if r.status == "failed"]


# --- reading inputs ---------------------------------------------------------------


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden files skipped); keep other arguments as given."""
    for p in paths:
        if p == STDIN or is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        yield str(Path(root) / name)
            if not found:
                yield f"{p}{os.sep}"  # reported as an empty folder
        else:
            yield p


def read_input(origin: str, settings: Settings, stdin: bytes | None = None) -> RawItem:
    limit = settings.ingest.max_input_bytes
    if origin == STDIN:
        data = stdin if stdin is not None else sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            return RawItem(origin="<stdin>", error=f"too large (> {limit} bytes; raise ingest.max_input_bytes)")
        return RawItem(origin="<stdin>", data=data)
    if is_url(origin):
        try:
            got = fetch(origin, timeout=settings.ingest.url_timeout_seconds,
                        max_bytes=min(limit, settings.ingest.url_max_bytes),
                        allow_private=settings.ingest.allow_private_urls)
        except FetchError as exc:
            return RawItem(origin=origin, error=str(exc), url=origin)
        return RawItem(origin=origin, data=got.data, url=got.url, fetched_at=got.fetched_at)
    path = Path(origin)
    if origin.endswith(os.sep) and path.is_dir():
        return RawItem(origin=origin, error="empty folder: no files to ingest")
    if not path.exists():
        return RawItem(origin=origin, error="no such file or folder")
    if not path.is_file():
        return RawItem(origin=origin, error="not a regular file")
    size = path.stat().st_size
    if size > limit:
        return RawItem(origin=origin, error=f"too large ({size} bytes > {limit}; raise ingest.max_input_bytes)")
    try:
        return RawItem(origin=origin, data=path.read_bytes())
    except OSError as exc:
        return RawItem(origin=origin, error=f"cannot read: {exc.strerror or exc}")


# --- identity and near-duplicates -------------------------------------------------

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def review_id_for(text: str) -> str:
    """A stable id from the critic text (whitespace and case folded)."""
    norm = _WS.sub(" ", text).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def minhash_of(text: str, num_perm: int) -> MinHash:
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=num_perm, seed=7, scheme=MINHASH_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


class NearDuplicateIndex:
    """MinHash/LSH over stored reviews, loaded lazily on first use."""

    def __init__(self, store: Store, threshold: float, num_perm: int):
        self.store, self.threshold, self.num_perm = store, threshold, num_perm
        self._lsh: MinHashLSH | None = None
        self._hashes: dict[str, MinHash] = {}

    def _load(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            with self.store.session() as s:
                rows = s.execute(select(Review.id, Review.minhash).where(Review.duplicate_of.is_(None),
                                                                         Review.minhash.is_not(None)))
                for rid, blob in rows:
                    values = np.frombuffer(blob, dtype=np.uint64)
                    if len(values) == self.num_perm:
                        self._add(rid, MinHash(num_perm=self.num_perm, seed=7, hashvalues=values, scheme=MINHASH_SCHEME))
        return self._lsh

    def _add(self, rid: str, mh: MinHash) -> None:
        assert self._lsh is not None
        self._lsh.insert(rid, mh)
        self._hashes[rid] = mh

    def find(self, mh: MinHash) -> str | None:
        best, best_j = None, 0.0
        for rid in self._load().query(mh):
            j = mh.jaccard(self._hashes[rid])
            if j >= self.threshold and (j > best_j or (j == best_j and best is not None and rid < best)):
                best, best_j = rid, j
        return best

    def add(self, rid: str, mh: MinHash) -> None:
        self._load()
        self._add(rid, mh)


# --- the ingest run ---------------------------------------------------------------


class Ingester:
    def __init__(self, store: Store, settings: Settings):
        self.store, self.settings = store, settings
        self.near = NearDuplicateIndex(store, settings.ingest.near_duplicate_threshold,
                                       settings.ingest.minhash_permutations)

    def run(self, paths: Iterable[str], *, stdin: bytes | None = None, run_id: str | None = None,
            progress=None) -> IngestReport:
        report = IngestReport(run_id=run_id or uuid.uuid4().hex[:12])
        for origin in iter_paths(paths):
            raw = read_input(origin, self.settings, stdin=stdin)
            report.rows.extend(self.ingest_item(raw, report.run_id))
            if progress is not None:
                progress()
        return report

    def ingest_item(self, raw: RawItem, run_id: str) -> list[JournalRow]:
        from .extract import ExtractionError, extract

        rows: list[JournalRow] = []
        with self.store.session() as s:
            sha = None
            if raw.data is not None:
                sha = hashlib.sha256(raw.data).hexdigest()
                self.store.put_raw(s, raw.data, sha256=sha, origin=raw.origin, fmt=None,
                                   fetched_at=raw.fetched_at)
            if raw.error is not None:
                rows.append(JournalRow(raw.origin, "failed", raw.error, raw_sha256=sha))
            else:
                assert raw.data is not None
                name = None if raw.origin == "<stdin>" or is_url(raw.origin) else raw.origin
                try:
                    pages = extract(raw.data, name=name, url=raw.url)
                except ExtractionError as exc:
                    rows.append(JournalRow(raw.origin, "failed", str(exc), raw_sha256=sha))
                    pages = []
                except Exception as exc:  # a bug in extraction must not stop the run
                    rows.append(JournalRow(raw.origin, "failed", f"extraction crashed: {type(exc).__name__}: {exc}",
                                           raw_sha256=sha))
                    pages = []
                multi = len(pages) > 1
                for index, page in enumerate(pages, 1):
                    item = f"page {index}" if multi else None
                    if isinstance(page, Exception):
                        msg = str(page)
                        rows.append(JournalRow(raw.origin, "failed", msg, item=item or _item_of(msg),
                                               raw_sha256=sha))
                        continue
                    rows.append(self._store_page(s, page, raw, sha, item))
            for row in rows:
                s.add(JournalEntry(run_id=run_id, origin=row.origin, item=row.item, raw_sha256=row.raw_sha256,
                                   status=row.status, reason=row.reason, review_id=row.review_id))
        return rows

    def _store_page(self, s, page, raw: RawItem, sha: str | None, item: str | None) -> JournalRow:
        text = (page.text or "").strip()
        if not text:
            return JournalRow(raw.origin, "failed", "no critic text found on the page", item=item, raw_sha256=sha)
        rid = review_id_for(text)
        if self.store.review_exists(s, rid):
            return JournalRow(raw.origin, "duplicate", "same critic text already stored", item=item,
                              review_id=rid, raw_sha256=sha)
        mh = minhash_of(text, self.settings.ingest.minhash_permutations)
        original = self.near.find(mh)
        review = Review(id=rid, raw_sha256=sha, source=raw.origin, format=page.format,
                        url=page.url or raw.url, outlet=page.outlet, critic=page.critic, headline=page.headline,
                        headings=list(page.headings), captions=list(page.captions), published=page.published,
                        language=page.language, text=text, structured=dict(page.structured or {}),
                        duplicate_of=original, minhash=np.asarray(mh.hashvalues, dtype=np.uint64).tobytes())
        self.store.add_review(s, review, page.comments)
        if original:
            return JournalRow(raw.origin, "near_duplicate", f"near-duplicate of review {original}", item=item,
                              review_id=rid, raw_sha256=sha)
        self.near.add(rid, mh)
        return JournalRow(raw.origin, "ok", None, item=item, review_id=rid, raw_sha256=sha)


_ITEM = re.compile(r"^((?:line|record|page) \d+)")


def _item_of(message: str) -> str | None:
    m = _ITEM.match(message)
    return m.group(1) if m else None


def retry_failed(store: Store, settings: Settings, *, run_id: str | None = None) -> IngestReport:
    """Re-ingest every unresolved failed input: from its origin when still there,
    else from the raw bytes kept in the store."""
    failed = store.journal(failed_only=True, unresolved_only=True)
    ingester = Ingester(store, settings)
    report = IngestReport(run_id=run_id or uuid.uuid4().hex[:12])
    done: set[str] = set()
    for entry in failed:
        if entry.origin in done:
            continue
        done.add(entry.origin)
        origin = entry.origin
        if origin != "<stdin>" and (is_url(origin) or Path(origin).exists()):
            raw = read_input(origin, settings)
        elif entry.raw_sha256:
            raw = RawItem(origin=origin, data=store.raw_bytes(entry.raw_sha256))
        else:
            raw = RawItem(origin=origin, error="input no longer available and no raw bytes were kept")
        rows = ingester.ingest_item(raw, report.run_id)
        report.rows.extend(rows)
        if not any(r.status == "failed" for r in rows):
            with store.session() as s:
                for e in s.scalars(select(JournalEntry).where(JournalEntry.origin == origin,
                                                              JournalEntry.status == "failed")):
                    e.resolved = True
    return report
