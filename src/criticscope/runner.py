"""Batch analysis on a Dask cluster: ``criticscope analyze --engine dask``.

:func:`analyze_distributed` splits the inputs into partitions by content hash, records
them in the ``jobs`` table, runs ingest and every pipeline stage on the workers (each worker
writes to the shared store), then makes the input-order decisions (which input owns a
review, near-duplicates) in a final pass, so the stored results are the ones the local
engine gives.  Re-running the same command resumes the same run: finished partitions are
skipped and a partition that was cut short continues where it stopped.

The store is PostgreSQL for a cluster of several machines (``CRITICSCOPE_DB``); an SQLite
store works with a local cluster, its workers writing one at a time (busy timeout).
See docs/scaling.md.
"""

from __future__ import annotations

import logging
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .fetch import is_url
from .ingest import STDIN, read_input
from .library import AnalyzeResult, Library
from .pipeline import ReviewDoc

log = logging.getLogger(__name__)

_LOCAL = re.compile(r"^local(?:\[(\d+)\])?$")
HASH_CHUNK = 500  # inputs hashed per task while planning


class RunIncomplete(RuntimeError):
    """Some partitions failed; what finished is stored and re-running the command resumes."""


@dataclass
class RunStats:
    """What a run did, for the progress line and benchmarks."""

    run_id: str
    partitions: int = 0
    skipped: int = 0
    inputs: int = 0
    reviews: int = 0
    seconds: float = 0.0
    plan_seconds: float = 0.0
    resolve_seconds: float = 0.0
    swaps: int = 0
    near_changed: int = 0
    relinked: int = 0
    tasks: list[dict[str, Any]] = field(default_factory=list)


class StoredDocs(Sequence[ReviewDoc]):
    """The analyzed documents of a run, read from the store when asked for (a large run's
    documents need not fit in the client's memory)."""

    def __init__(self, lib: Library, review_ids: Sequence[str]):
        self.lib, self.review_ids = lib, list(review_ids)

    def __len__(self) -> int:
        return len(self.review_ids)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self.lib.store.load_doc(rid) for rid in self.review_ids[i]]
        return self.lib.store.load_doc(self.review_ids[i])


# Dask's statistical profiler samples the task thread every 10 ms, which costs pure-Python
# work like this about 15%; every 100 ms keeps the dashboard's profile useful for a few %.
WORKER_CONFIG = {"distributed.worker.profile.interval": "100ms", "distributed.worker.profile.cycle": "10s"}


def local_cluster(n_workers: int, *, dashboard_address: str = "127.0.0.1:8787") -> Any:
    """N single-threaded worker processes on loopback."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=dashboard_address, silence_logs=logging.ERROR)


@contextmanager
def connect(scheduler: Any = None) -> Iterator[Any]:
    """A Dask client: ``None``/``"local"``/``"local[N]"`` start a LocalCluster of N
    single-threaded worker processes on loopback; an address connects to a running
    scheduler; a ``distributed.Client`` is used as it is (and left open)."""
    from distributed import Client

    if isinstance(scheduler, Client):
        yield scheduler
        return
    m = _LOCAL.match(scheduler or "local")
    if m:
        cluster = local_cluster(int(m.group(1) or os.cpu_count() or 1))
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    client = Client(scheduler, timeout="30s")
    try:
        yield client
    finally:
        client.close()


def _print(console: Any, message: str) -> None:
    if console is not None:
        console.print(message)


def _plan(lib: Library, client: Any, origins: list[str], partitions: int | None, stdin: bytes | None):
    from .distributed.plan import InputRef, default_partitions, hash_files, make_partitions

    limit = lib.settings.ingest.max_input_bytes
    files = [o for o in origins if o != STDIN]
    futures = [client.submit(hash_files, files[i:i + HASH_CHUNK], limit, pure=False)
               for i in range(0, len(files), HASH_CHUNK)]
    shas = iter([sha for part in client.gather(futures) for sha in part])
    refs = []
    for pos, origin in enumerate(origins):
        if origin == STDIN:
            refs.append(_stdin_ref(lib, pos, stdin))
        else:
            refs.append(InputRef(origin=origin, pos=pos, sha=next(shas),
                                 kind="url" if is_url(origin) else "path"))
    n = partitions or default_partitions(len(refs), len(client.scheduler_info().get("workers", {})) or 1)
    return make_partitions(refs, n)


def _stdin_ref(lib: Library, pos: int, stdin: bytes | None):
    """Standard input is read here and kept in the store, where the workers read it."""
    import hashlib

    from .distributed.plan import STDIN_ORIGIN, InputRef

    raw = read_input(STDIN, lib.settings, stdin=stdin)
    if raw.data is None:
        return InputRef(origin=STDIN_ORIGIN, pos=pos, sha=None, kind="stdin")
    sha = hashlib.sha256(raw.data).hexdigest()
    with lib.store.session() as s:
        lib.store.put_raw(s, raw.data, sha256=sha, origin=STDIN_ORIGIN, fmt=None)
    return InputRef(origin=STDIN_ORIGIN, pos=pos, sha=sha, kind="stdin")


def analyze_distributed(lib: Library, paths: Sequence[str], *, scheduler: Any = None, console: Any = None,
                        partitions: int | None = None, run_id: str | None = None, batch_size: int = 25,
                        stdin: bytes | None = None,
                        on_partition: Callable[[int, int, Any], None] | None = None,
                        stats: RunStats | None = None) -> AnalyzeResult:
    """Ingest ``paths`` and run every pipeline stage on a Dask cluster, into ``lib``'s store.

    ``scheduler``: an address (``tcp://host:8786``), ``local[N]`` / ``None`` for a local
    cluster, or a ``distributed.Client``.  ``partitions`` overrides how many partitions a new
    run is split into; ``run_id`` overrides the id derived from the inputs and stages.
    ``batch_size`` inputs are ingested, analyzed and written together on a worker.
    ``on_partition(done, total, client)`` is called on the client after each partition.
    Raises :class:`RunIncomplete` when partitions failed (re-run the command to resume).
    """
    from distributed import as_completed

    from .distributed import plan as planning
    from .distributed.relink import LINKS, catalog_marks
    from .distributed.resolve import report_of, resolve
    from .distributed.worker import fix_owners, make_context, run_partition

    if lib.store.dialect == "sqlite" and lib.store.engine.url.database in (None, "", ":memory:"):
        raise ValueError("an in-memory SQLite store cannot be shared with workers: use a file or PostgreSQL")
    started = time.perf_counter()
    settings = lib.settings
    stages = list(settings.pipeline.stages)
    origins = planning.expand(paths)
    rid = run_id or planning.run_id_for(origins, stages)
    stats = stats if stats is not None else RunStats(run_id=rid)
    stats.run_id = rid
    if "linking" in stages:
        lib.ensure_catalog()  # once, here, rather than raced by the workers
    with connect(scheduler) as client:
        _print(console, f"Dask dashboard: {client.dashboard_link}")
        if lib.store.dialect == "sqlite" and not _is_local(client):
            _print(console, "[yellow]warning[/yellow]: an SQLite store needs every worker on this machine; "
                            "use PostgreSQL (CRITICSCOPE_DB) for a cluster")
        plan = planning.load_plan(lib.store, rid)
        if plan is None:
            passes = {LINKS: [catalog_marks(lib.store)]} if "linking" in stages else None
            plan = planning.save_plan(lib.store, rid, _plan(lib, client, origins, partitions, stdin), passes)
            _print(console, f"run {rid}: {len(origins)} input(s) in {len(plan)} partition(s)")
        else:
            _print(console, f"resuming run {rid} ({len(plan)} partition(s))")
        stats.plan_seconds = time.perf_counter() - started
        stats.partitions = len(plan)
        ctx = make_context(lib, rid, batch_size=batch_size)
        states = planning.job_states(lib.store, rid)
        todo = [p for p in plan if getattr(states.get(p.name), "state", None) != "done"]
        stats.skipped = len(plan) - len(todo)
        # biggest first; each task a key of its own, as another store may be fed the same inputs
        futures = [client.submit(run_partition, ctx, p.name, [r.as_dict() for r in p.inputs],
                                 key=f"criticscope-{rid}-{p.name}-{uuid.uuid4().hex[:8]}", retries=2,
                                 priority=len(p.inputs)) for p in todo]
        names = {fut.key: p.name for fut, p in zip(futures, todo, strict=True)}
        failed: list[str] = []
        with _progress(console, len(plan), stats.skipped) as advance:
            done = stats.skipped
            for fut in as_completed(futures):
                name = names[fut.key]
                try:
                    result = fut.result()
                    stats.tasks.append(result)
                    stats.inputs += result.get("inputs", 0)
                    stats.reviews += result.get("reviews", 0)
                except Exception as exc:
                    failed.append(f"{name}: {type(exc).__name__}: {exc}")
                    _mark_failed(lib, rid, name, exc)
                done += 1
                advance()
                if on_partition is not None:
                    on_partition(done, len(plan), client)
        if failed:
            raise RunIncomplete(f"{len(failed)} partition(s) failed (re-run the same command to resume): "
                                + "; ".join(failed[:5]))
        t = time.perf_counter()

        def run_swaps(swaps: list[dict[str, Any]]) -> None:
            _print(console, f"re-storing {len(swaps)} review(s) from the first input that holds them")
            client.gather([client.submit(fix_owners, ctx, swaps[i:i + 50], pure=False)
                           for i in range(0, len(swaps), 50)])

        out = resolve(lib.store, rid, plan, threshold=settings.ingest.near_duplicate_threshold,
                      num_perm=settings.ingest.minhash_permutations, run_swaps=run_swaps)
        stats.swaps, stats.near_changed = out["swaps"], out["near_changed"]
        report = report_of(lib.store, rid, plan)
        if "linking" in stages:
            stats.relinked = _relink(lib, client, ctx, rid, report.review_ids, console)
        stats.resolve_seconds = time.perf_counter() - t
    report = report_of(lib.store, rid, plan)
    stats.seconds = time.perf_counter() - started
    ids = report.review_ids
    _print(console, f"run {rid}: {len(ids)} review(s), {len(report.failed)} failed input(s), "
                    f"{stats.seconds:.1f}s")
    return AnalyzeResult(report=report, docs=StoredDocs(lib, ids))  # type: ignore[arg-type]


def _relink(lib: Library, client: Any, ctx: dict[str, Any], run_id: str, review_ids: list[str],
            console: Any) -> int:
    """Give the reviews of films the catalog lacks the links a single-process run gives
    (see ``distributed.relink``); returns how many reviews were re-linked."""
    from .distributed.plan import job_states, mark
    from .distributed.relink import LINKS, created_since, drop_unused, link_candidates, relink

    job = job_states(lib.store, run_id).get(LINKS)
    if job is None or job.state == "done" or not job.inputs:
        return 0
    marks = job.inputs[0]
    films, needles = created_since(lib.store, marks)
    if not films:
        mark(lib.store, run_id, LINKS, "done")
        return 0
    mark(lib.store, run_id, LINKS, "running")
    parts = [review_ids[i:i + 2000] for i in range(0, len(review_ids), 2000)]
    found = {rid for part in client.gather([client.submit(link_candidates, ctx, p, films, needles, pure=False)
                                            for p in parts]) for rid in part}
    ordered = [rid for rid in review_ids if rid in found]
    _print(console, f"re-linking {len(ordered)} review(s) in input order ({len(films)} provisional film(s))")
    out = client.submit(relink, ctx, ordered, marks, pure=False).result()
    drop_unused(lib.store, marks, films, set(out["films"]))
    mark(lib.store, run_id, LINKS, "done")
    return len(ordered)


def _is_local(client: Any) -> bool:
    workers = client.scheduler_info().get("workers", {})
    return all(w.get("host") in ("127.0.0.1", "localhost", "::1") for w in workers.values())


def _mark_failed(lib: Library, run_id: str, name: str, exc: BaseException) -> None:
    """A task that died with its worker could not record its failure itself."""
    from .distributed.plan import mark

    try:
        mark(lib.store, run_id, name, "failed", error=f"{type(exc).__name__}: {exc}"[:2000])
    except Exception:  # the store may be what failed
        log.exception("could not record the failure of partition %s", name)


@contextmanager
def _progress(console: Any, total: int, done: int) -> Iterator[Callable[[], None]]:
    if console is None:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    prog = Progress(TextColumn("partitions"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console)
    task = prog.add_task("partitions", total=total, completed=done)
    with prog:
        yield lambda: prog.advance(task)
