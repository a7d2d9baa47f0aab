"""The final pass of a distributed run, on the client once every partition is done: make
the decisions that depend on input order exactly as the single-process engine makes them.

1. Owners: when two inputs hold the same critic text, the first in input order stores the
   review and the later one is journaled as a duplicate.  Partitions run in any order, so
   a later input may have stored it; those reviews are re-stored from the first input
   (a worker task, since the stages run again) and the two journal rows swap statuses.
2. Near-duplicates: reviews this run stored are compared, in input order, with the reviews
   stored before the run and with this run's earlier originals (MinHash LSH, the same index
   and thresholds as ingest); ``reviews.duplicate_of`` and the journal rows are set to what
   the single-process run would have written.

Both steps recompute their decisions from the journal, so running them again (after a
crash) changes nothing that is already right.  Progress is kept in the ``jobs`` table under
the names ``~owners`` and ``~near``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash
from sqlalchemy import select, update

from ..ingest import MINHASH_SCHEME, IngestReport, JournalRow, NearDuplicateIndex
from ..models import JournalEntry, Review
from ..store import Store
from .plan import Partition, job_states, mark
from .worker import CREATED

OWNERS, NEAR = "~owners", "~near"


@dataclass
class Row:
    id: int
    origin: str
    item: str | None
    status: str
    reason: str | None
    review_id: str | None
    raw_sha256: str | None


def run_rows(store: Store, run_id: str, plan: Sequence[Partition]) -> list[Row]:
    """The run's journal in input order (an input's own rows in the order it wrote them)."""
    pos = {ref.origin: ref.pos for p in plan for ref in p.inputs}
    with store.session() as s:
        rows = [Row(e.id, e.origin, e.item, e.status, e.reason, e.review_id, e.raw_sha256)
                for e in s.scalars(select(JournalEntry).where(JournalEntry.run_id == run_id))]
    end = len(pos)
    return sorted(rows, key=lambda r: (pos.get(r.origin, end), r.id))


def report_of(store: Store, run_id: str, plan: Sequence[Partition]) -> IngestReport:
    rows = run_rows(store, run_id, plan)
    return IngestReport(run_id=run_id, rows=[JournalRow(origin=r.origin, status=r.status, reason=r.reason,
                                                        item=r.item, review_id=r.review_id,
                                                        raw_sha256=r.raw_sha256) for r in rows])


def owner_swaps(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Reviews this run stored from an input that is not the first to hold their text."""
    first: dict[str, Row] = {}
    creator: dict[str, Row] = {}
    for r in rows:
        if not r.review_id or r.status == "failed":
            continue
        first.setdefault(r.review_id, r)
        if r.status in CREATED:
            creator[r.review_id] = r
    return [{"review_id": rid, "new": first[rid].id, "old": c.id}
            for rid, c in creator.items() if first[rid].id != c.id]


class _RunNearIndex(NearDuplicateIndex):
    """The ingest near-duplicate index, loaded with the reviews stored before this run only."""

    def __init__(self, store: Store, threshold: float, num_perm: int, exclude: set[str]):
        super().__init__(store, threshold, num_perm)
        self.exclude = exclude

    def _load(self):
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            with self.store.session() as s:
                q = select(Review.id, Review.minhash).where(Review.duplicate_of.is_(None),
                                                            Review.minhash.is_not(None))
                for rid, blob in s.execute(q.execution_options(yield_per=5000)):
                    if rid in self.exclude:
                        continue
                    mh = _minhash(blob, self.num_perm)
                    if mh is not None:
                        self._add(rid, mh)
        return self._lsh


def _minhash(blob: bytes | None, num_perm: int) -> MinHash | None:
    if blob is None:
        return None
    values = np.frombuffer(blob, dtype=np.uint64)
    if len(values) != num_perm:
        return None
    return MinHash(num_perm=num_perm, seed=7, hashvalues=values, scheme=MINHASH_SCHEME)


def near_duplicates(store: Store, rows: Sequence[Row], threshold: float, num_perm: int) -> dict[str, str | None]:
    """``review id -> original`` (None: an original itself) for every review this run stored,
    decided in input order."""
    created = [r for r in rows if r.status in CREATED and r.review_id]
    ids = [r.review_id for r in created if r.review_id]
    index = _RunNearIndex(store, threshold, num_perm, exclude=set(ids))
    decisions: dict[str, str | None] = {}
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        with store.session() as s:
            blobs = dict(s.execute(select(Review.id, Review.minhash).where(Review.id.in_(chunk))).all())
        for rid in chunk:
            mh = _minhash(blobs.get(rid), num_perm)
            if mh is None:
                decisions[rid] = None
                continue
            original = index.find(mh)
            decisions[rid] = original
            if original is None:
                index.add(rid, mh)
    return decisions


def apply_near_duplicates(store: Store, rows: Sequence[Row], decisions: dict[str, str | None]) -> int:
    """Write the decisions (reviews and journal rows); returns how many rows changed."""
    changed = 0
    todo = [r for r in rows if r.status in CREATED and r.review_id in decisions]
    for start in range(0, len(todo), 1000):
        with store.session() as s:
            for r in todo[start:start + 1000]:
                original = decisions[r.review_id]
                status = "near_duplicate" if original else "ok"
                reason = f"near-duplicate of review {original}" if original else None
                if (r.status, r.reason) == (status, reason):
                    continue
                s.execute(update(Review).where(Review.id == r.review_id).values(duplicate_of=original))
                s.execute(update(JournalEntry).where(JournalEntry.id == r.id).values(status=status, reason=reason))
                changed += 1
    return changed


def resolve(store: Store, run_id: str, plan: Sequence[Partition], *, threshold: float, num_perm: int,
            run_swaps: Callable[[list[dict[str, Any]]], None]) -> dict[str, int]:
    """Both steps, each skipped once recorded done; ``run_swaps`` re-stores and re-analyzes
    reviews on the workers."""
    states = job_states(store, run_id)
    out = {"swaps": 0, "near_changed": 0}
    if getattr(states.get(OWNERS), "state", None) != "done":
        swaps = owner_swaps(run_rows(store, run_id, plan))
        pending = states.get(OWNERS)
        if pending is not None:  # an earlier attempt may have swapped but not re-analyzed
            known = {sw["review_id"] for sw in swaps}
            swaps += [sw for sw in pending.inputs or [] if sw["review_id"] not in known]
        mark(store, run_id, OWNERS, "running", inputs=swaps)
        if swaps:
            run_swaps(swaps)
        mark(store, run_id, OWNERS, "done")
        out["swaps"] = len(swaps)
    if getattr(states.get(NEAR), "state", None) != "done":
        mark(store, run_id, NEAR, "running")
        rows = run_rows(store, run_id, plan)
        out["near_changed"] = apply_near_duplicates(store, rows, near_duplicates(store, rows, threshold, num_perm))
        mark(store, run_id, NEAR, "done")
    return out
