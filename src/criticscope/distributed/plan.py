"""The plan of a distributed run: which inputs, in which canonical order, split into which
partitions, recorded in the ``jobs`` table so that an interrupted run resumes with the same
partitions.

Inputs are partitioned by content: the sha256 of a file's bytes picks its bucket, so
identical files always land in the same partition and are seen in input order there.
Inputs that cannot be hashed (missing files, URLs, oversized files) are bucketed by name.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..fetch import is_url
from ..ingest import STDIN, iter_paths
from ..models import Job
from ..store import Store

TARGET_PARTITION_INPUTS = 200  # big enough to amortise a task, small enough to balance and resume
RESOLVE_PREFIX = "~"  # jobs rows of the run's final passes, not partitions of inputs
STDIN_ORIGIN = "<stdin>"


@dataclass(frozen=True)
class InputRef:
    """One input of a run: its origin as given, its position in the canonical (input) order,
    and the sha256 of its bytes when it is a readable file (or stdin kept in the store)."""

    origin: str
    pos: int
    sha: str | None = None
    kind: str = "path"  # path | url | stdin

    def as_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "pos": self.pos, "sha": self.sha, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> InputRef:
        return cls(origin=d["origin"], pos=int(d["pos"]), sha=d.get("sha"), kind=d.get("kind", "path"))


@dataclass
class Partition:
    name: str
    inputs: list[InputRef] = field(default_factory=list)

    @property
    def first_pos(self) -> int:
        return self.inputs[0].pos if self.inputs else 0


def expand(paths: Iterable[str]) -> list[str]:
    """Folders expanded exactly as the local engine does (``ingest.iter_paths``); an input
    named twice is read once."""
    seen: dict[str, None] = {}
    for origin in iter_paths(paths):
        seen.setdefault(origin, None)
    return list(seen)


def run_id_for(origins: Sequence[str], stages: Sequence[str]) -> str:
    """A run id from the set of inputs and the stages, so the same command resumes the same run."""
    h = hashlib.sha256()
    for origin in sorted(set(origins)):
        h.update(origin.encode("utf-8", "surrogateescape") + b"\0")
    h.update(("|".join(stages)).encode())
    return "d" + h.hexdigest()[:15]


def file_sha256(origin: str, max_bytes: int) -> str | None:
    """sha256 of a regular file the ingest would read; None for anything it would refuse."""
    if origin == STDIN or is_url(origin) or origin.endswith(os.sep):
        return None
    path = Path(origin)
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def hash_files(origins: Sequence[str], max_bytes: int) -> list[str | None]:
    """sha256 of each origin (a task: runs where the inputs are, on the workers)."""
    return [file_sha256(o, max_bytes) for o in origins]


def bucket_of(ref: InputRef, partitions: int) -> int:
    key = ref.sha or hashlib.sha256(ref.origin.encode("utf-8", "surrogateescape")).hexdigest()
    return int(key[:12], 16) % partitions


def default_partitions(n_inputs: int, n_workers: int) -> int:
    """About TARGET_PARTITION_INPUTS inputs per partition, and at least four per worker."""
    if n_inputs <= 0:
        return 1
    return max(1, min(n_inputs, max(4 * max(n_workers, 1), math.ceil(n_inputs / TARGET_PARTITION_INPUTS))))


def make_partitions(refs: Sequence[InputRef], partitions: int) -> list[Partition]:
    """Group inputs by content bucket; each partition keeps its inputs in canonical order."""
    width = max(5, len(str(partitions - 1)))
    groups: dict[int, list[InputRef]] = {}
    for ref in sorted(refs, key=lambda r: r.pos):
        groups.setdefault(bucket_of(ref, partitions), []).append(ref)
    return [Partition(name=f"{b:0{width}d}", inputs=groups[b]) for b in sorted(groups)]


# --- the jobs table -----------------------------------------------------------------


def load_plan(store: Store, run_id: str) -> list[Partition] | None:
    with store.session() as s:
        jobs = list(s.scalars(select(Job).where(Job.run_id == run_id).order_by(Job.partition)))
    parts = [Partition(name=j.partition, inputs=[InputRef.from_dict(d) for d in j.inputs or []])
             for j in jobs if not j.partition.startswith(RESOLVE_PREFIX)]
    return parts or None


def save_plan(store: Store, run_id: str, parts: Sequence[Partition],
              passes: dict[str, list[Any]] | None = None) -> list[Partition]:
    """Record the partitions as pending (with rows for the final ``passes`` and what they
    need to know); if another client planned the same run first, use its plan."""
    try:
        with store.session() as s:
            for p in parts:
                s.add(Job(run_id=run_id, partition=p.name, state="pending",
                          inputs=[r.as_dict() for r in p.inputs], attempts=0))
            for name, data in (passes or {}).items():
                s.add(Job(run_id=run_id, partition=name, state="pending", inputs=data, attempts=0))
    except IntegrityError:
        existing = load_plan(store, run_id)
        if existing is None:
            raise
        return existing
    return list(parts)


def job_states(store: Store, run_id: str) -> dict[str, Job]:
    with store.session() as s:
        return {j.partition: j for j in s.scalars(select(Job).where(Job.run_id == run_id))}


def claim(store: Store, run_id: str, name: str) -> str:
    """Mark a partition running (one more attempt); returns the state it had."""
    with store.session() as s:
        job = s.get(Job, (run_id, name), with_for_update=True)
        if job is None:
            raise KeyError(f"run {run_id} has no partition {name}")
        before = job.state
        if before != "done":
            job.state, job.attempts, job.error = "running", (job.attempts or 0) + 1, None
        return before


def mark(store: Store, run_id: str, name: str, state: str, *, error: str | None = None,
         inputs: list[Any] | None = None) -> None:
    """Set a job's state (creating the row for the run's final passes)."""
    with store.session() as s:
        job = s.get(Job, (run_id, name), with_for_update=True)
        if job is None:
            job = Job(run_id=run_id, partition=name, state=state, inputs=inputs or [], attempts=0)
            s.add(job)
        job.state, job.error = state, error
        if inputs is not None:
            job.inputs = inputs
        if state == "running":
            job.attempts = (job.attempts or 0) + 1
