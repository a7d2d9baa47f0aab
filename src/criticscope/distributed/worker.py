"""What runs on a Dask worker: one partition of inputs through ingest and every pipeline
stage, written to the shared store in batches.

Each worker process opens its own :class:`~criticscope.library.Library` from the database
URL and the settings (a plain dict) and keeps it in a per-process cache, so models and the
catalog index are loaded once per worker and run, not once per task.

Concurrency rules (several workers write to one store at once):

* ingest of one input is one transaction; a unique-key clash (another partition stored the
  same review or raw input a moment earlier) rolls it back and the input is ingested again,
  which then journals it as a duplicate;
* near-duplicate decisions are left to the run's final pass (``resolve``), which makes them
  in input order exactly as the local engine does;
* a partition runs under a named lock, so a run that is resumed while a task of the old run
  is still finishing never processes the same partition twice at once;
* provisional films are created under a lock per title and year.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError, OperationalError

from ..config import Settings
from ..extract import extract
from ..fetch import is_url
from ..ingest import Ingester, JournalRow, RawItem, read_input
from ..library import Library
from ..models import JournalEntry, Review
from ..pipeline import ReviewDoc
from ..store import Store
from . import locks
from .plan import STDIN_ORIGIN, InputRef, claim, mark

T = TypeVar("T")
CREATED = ("ok", "near_duplicate")  # journal statuses of the row that stored a review
DUPLICATE_REASON = "same critic text already stored"  # as ingest journals an exact duplicate

_CACHE: dict[tuple[str, str], tuple[str, Library]] = {}
_CACHE_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()  # one partition at a time per process (pipeline components are not shared)
_BUILDS: dict[str, int] = {}


def settings_key(settings: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:16]


def make_context(lib: Library, run_id: str, *, batch_size: int) -> dict[str, Any]:
    """What every task needs, as plain data: the store URL, the settings, the run."""
    settings = lib.settings.model_dump(mode="json")
    return {"db_url": lib.settings.db_url, "settings": settings, "settings_key": settings_key(settings),
            "run_id": run_id, "batch_size": batch_size}


def worker_library(ctx: dict[str, Any]) -> Library:
    """This process's Library for the context's store and settings, built once per run."""
    key = (ctx["db_url"], ctx["settings_key"])
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached[0] == ctx["run_id"]:
            return cached[1]
        for old_key, (_, old_lib) in list(_CACHE.items()):  # one store and run at a time per worker
            old_lib.close()
            del _CACHE[old_key]
        data = dict(ctx["settings"])
        home = os.environ.get("CRITICSCOPE_HOME")
        if home and not os.path.isdir(str(data.get("data_dir") or "")):
            data["data_dir"] = home  # the client's data folder is not on this machine: use the worker's
        settings = Settings.model_validate(data)
        lib = Library(settings, Store.open(ctx["db_url"], migrate=False))
        _ = lib.pipeline  # load the models and the catalog index now
        _serialise_provisional(lib)
        _CACHE[key] = (ctx["run_id"], lib)
        _BUILDS[ctx["db_url"]] = _BUILDS.get(ctx["db_url"], 0) + 1
        return lib


def cache_info(db_url: str) -> dict[str, Any]:
    """How many times this process built a Library for ``db_url`` (for tests and benchmarks)."""
    return {"pid": os.getpid(), "builds": _BUILDS.get(db_url, 0)}


def _serialise_provisional(lib: Library) -> None:
    """Create provisional films under a lock per normalized title and year, so that two
    workers meeting the same uncatalogued film create it once."""
    try:
        comp = lib.pipeline.get("linking")
    except KeyError:
        return
    factory = getattr(comp, "_provisional_factory", None)
    if factory is None or getattr(comp, "_linker", None) is not None:
        return
    make = factory()
    if make is None:
        return
    from ..catalog.normalize import normalize_title

    store = lib.store

    def locked(*, title: str, year: int | None, directors: list[str]) -> int | None:
        with locks.hold(store, f"provisional:{normalize_title(title)}:{year}"):
            return make(title=title, year=year, directors=directors)

    comp._provisional_factory = lambda: locked  # type: ignore[attr-defined]


# --- writing safely beside other workers ----------------------------------------------


def retrying(fn: Callable[[], T], attempts: int = 6) -> T:
    """Run ``fn``; on a unique-key clash, a deadlock or a busy database, wait a little and
    run it again (each call is one transaction, rolled back on failure)."""
    for i in range(attempts):
        try:
            return fn()
        except (IntegrityError, OperationalError):
            if i == attempts - 1:
                raise
            time.sleep(0.05 * 2 ** i * (1 + random.random()))
    raise AssertionError("unreachable")


class _NoNearDuplicates:
    """Stands in for the near-duplicate index on workers: the run's final pass decides."""

    def find(self, mh: Any) -> None:
        return None

    def add(self, rid: str, mh: Any) -> None:
        return None


class PartitionIngester(Ingester):
    def __init__(self, store: Store, settings: Settings):
        super().__init__(store, settings)
        self.near = _NoNearDuplicates()  # type: ignore[assignment]

    def ingest_safely(self, raw: RawItem, run_id: str) -> list[JournalRow]:
        return retrying(lambda: self.ingest_item(raw, run_id))


def read_ref(ref: InputRef, settings: Settings, store: Store) -> RawItem:
    if ref.kind == "stdin":
        data = store.raw_bytes(ref.sha) if ref.sha else None
        if data is None:
            return RawItem(origin=STDIN_ORIGIN, error="standard input was not kept in the store")
        return RawItem(origin=STDIN_ORIGIN, data=data)
    return read_input(ref.origin, settings)


def save_docs(store: Store, docs: Sequence[ReviewDoc], stages: Sequence[str] | None = None) -> None:
    """Write a partition's stage outputs in one transaction (:meth:`Store.save_docs`)."""
    store.save_docs(docs, stages)


def analyze_reviews(lib: Library, review_ids: Sequence[str], timings: dict[str, float]) -> None:
    """Every pipeline stage on these stored reviews, written in one batch."""
    if not review_ids:
        return
    t0 = time.perf_counter()
    docs = [lib.pipeline(lib.store.load_doc(rid)) for rid in review_ids]
    t1 = time.perf_counter()
    retrying(lambda: save_docs(lib.store, docs))
    t2 = time.perf_counter()
    retrying(lambda: lib._after_analysis(docs))
    t3 = time.perf_counter()
    timings["stages"] += t1 - t0
    timings["write"] += t2 - t1
    timings["index"] += t3 - t2


def _chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def journal_rows(store: Store, run_id: str, origins: Iterable[str]) -> list[JournalEntry]:
    out: list[JournalEntry] = []
    with store.session() as s:
        for chunk in _chunks(sorted(set(origins)), 500):
            out.extend(s.scalars(select(JournalEntry).where(JournalEntry.run_id == run_id,
                                                            JournalEntry.origin.in_(chunk))))
    return sorted(out, key=lambda e: e.id)


def created_in_run(store: Store, run_id: str, review_ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    with store.session() as s:
        for chunk in _chunks(sorted(set(review_ids)), 500):
            found.update(s.scalars(select(JournalEntry.review_id).where(
                JournalEntry.run_id == run_id, JournalEntry.status.in_(CREATED),
                JournalEntry.review_id.in_(chunk))))
    return found


def reviews_to_analyze(store: Store, run_id: str, rows: Sequence[JournalEntry]) -> list[str]:
    """The reviews these journal rows stored, plus the ones they found stored before the run
    (as the local engine re-analyzes them); not those another partition of the run stored."""
    created = {r.review_id for r in rows if r.status in CREATED and r.review_id}
    dups = {r.review_id for r in rows if r.status == "duplicate" and r.review_id} - created
    earlier = dups - created_in_run(store, run_id, dups)
    keep = created | earlier
    return list(dict.fromkeys(r.review_id for r in rows if r.review_id in keep))


def run_partition(ctx: dict[str, Any], name: str, inputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Ingest and analyze one partition (a Dask task); resumes after a partial attempt."""
    started, cpu = time.perf_counter(), time.thread_time()
    with _RUN_LOCK:
        lib = worker_library(ctx)
        loaded = time.perf_counter()
        store, run_id = lib.store, ctx["run_id"]
        refs = [InputRef.from_dict(d) for d in inputs]
        with locks.hold(store, f"job:{run_id}:{name}"):
            if claim(store, run_id, name) == "done":
                return {"partition": name, "skipped": True, "inputs": len(refs), "reviews": 0, "pid": os.getpid()}
            try:
                stats = _process(lib, ctx, refs)
            except Exception as exc:
                mark(store, run_id, name, "failed", error=f"{type(exc).__name__}: {exc}"[:2000])
                raise
            mark(store, run_id, name, "done")
    stats.update(partition=name, skipped=False, pid=os.getpid(), load=loaded - started,
                 seconds=time.perf_counter() - started, cpu=time.thread_time() - cpu)
    return stats


def _process(lib: Library, ctx: dict[str, Any], refs: list[InputRef]) -> dict[str, Any]:
    store, run_id = lib.store, ctx["run_id"]
    ingester = PartitionIngester(store, lib.settings)
    already = {e.origin for e in journal_rows(store, run_id, [r.origin for r in refs])}
    timings = {"ingest": 0.0, "stages": 0.0, "write": 0.0, "index": 0.0}
    analyzed: set[str] = set()
    resumed = 0
    for chunk in _chunks(refs, max(1, int(ctx.get("batch_size") or 25))):
        t0 = time.perf_counter()
        for ref in chunk:
            if ref.origin in already:
                resumed += 1
                continue
            ingester.ingest_safely(read_ref(ref, lib.settings, store), run_id)
        timings["ingest"] += time.perf_counter() - t0
        rows = journal_rows(store, run_id, [r.origin for r in chunk])
        todo = [rid for rid in reviews_to_analyze(store, run_id, rows) if rid not in analyzed]
        analyze_reviews(lib, todo, timings)
        analyzed.update(todo)
    return {"inputs": len(refs), "resumed_inputs": resumed, "reviews": len(analyzed), **timings}


# --- the owner fix-up of the final pass ---------------------------------------------


def fix_owners(ctx: dict[str, Any], swaps: list[dict[str, Any]]) -> dict[str, Any]:
    """Make the first input (in input order) that holds a review's text the one that stored
    it, as in a single-process run, then re-analyze those reviews (a Dask task)."""
    with _RUN_LOCK:
        lib = worker_library(ctx)
        ingester = PartitionIngester(lib.store, lib.settings)
        changed = sum(bool(retrying(lambda sw=sw: _swap(lib, ingester, sw))) for sw in swaps)
        timings = {"stages": 0.0, "write": 0.0, "index": 0.0}
        analyze_reviews(lib, list(dict.fromkeys(sw["review_id"] for sw in swaps)), timings)
    return {"swaps": len(swaps), "changed": changed, **timings}


def _page_index(item: str | None) -> int:
    if item and item.startswith("page "):
        return int(item.split()[1]) - 1
    return 0


def _swap(lib: Library, ingester: Ingester, sw: dict[str, Any]) -> bool:
    rid = sw["review_id"]
    store = lib.store
    with store.session() as s:
        new = s.get(JournalEntry, sw["new"])
        old = s.get(JournalEntry, sw["old"])
        if new is None or old is None:
            raise KeyError(f"journal rows {sw['new']}, {sw['old']} not found")
        if new.status in CREATED:
            return False  # done by an earlier attempt
        data = store.raw_bytes(new.raw_sha256) if new.raw_sha256 else None
        if data is None:
            raise RuntimeError(f"raw bytes of {new.origin} are not in the store")
        url = new.origin if is_url(new.origin) else None
        name = None if new.origin == STDIN_ORIGIN or url else new.origin
        page = extract(data, name=name, url=url)[_page_index(new.item)]
        if isinstance(page, Exception):
            raise RuntimeError(f"{new.origin} {new.item or ''}: page no longer extracts: {page}")
        s.execute(delete(Review).where(Review.id == rid))
        row = ingester._store_page(s, page, RawItem(origin=new.origin, data=data, url=url), new.raw_sha256,
                                   new.item)
        if row.review_id != rid:
            raise RuntimeError(f"{new.origin} {new.item or ''} no longer holds review {rid}")
        new.status, new.reason = "ok", None
        old.status, old.reason = "duplicate", DUPLICATE_REASON
    return True
