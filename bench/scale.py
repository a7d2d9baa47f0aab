"""Distributed throughput: the local engine, then the Dask engine with 1 and 2 workers, on the
same generated pages, each into a fresh copy of one PostgreSQL database holding the default
catalog, in the same run.

    python bench/scale.py --pages 1500 --stages sentences,ratings,linking,spoilers

Prints reviews per second of wall-clock time for each engine, the speed-up of 2 workers over
1, the per-review overhead of the distributed path over the local engine, where the workers'
time went (ingest, stages, writing, search index, loading models), peak resident memory of
the client and of each worker (``resource.getrusage``), and a projection for 10M pages on
32 workers from the measured per-review cost.  Goal: 2 workers >= 1.7x one worker.

A throwaway PostgreSQL cluster is started with the server binaries of the machine (as the
tests do); with --sqlite every engine writes to SQLite instead.  Other processes on the
machine skew wall-clock figures: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.pg: the throwaway PostgreSQL cluster


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_settings(url: str, stages: list[str], home: Path):
    from criticscope.config import load_settings

    return load_settings(env={"CRITICSCOPE_HOME": str(home)}, db_url=url, pipeline={"stages": stages})


class Databases:
    """Fresh databases that start with the default catalog, built once."""

    def __init__(self, work: Path, sqlite: bool):
        self.work, self.sqlite, self.pg = work, sqlite, None
        self.n = 0
        if not sqlite:
            from tests.pg import PgCluster, find_pg_bin

            bin_dir = find_pg_bin()
            if bin_dir is None:
                raise SystemExit("PostgreSQL server binaries not found: install postgresql or pass --sqlite")
            self.pg = PgCluster(bin_dir).start()
        self.template = self._new_empty()

    def _new_empty(self) -> str:
        self.n += 1
        if self.pg is None:
            return f"sqlite:///{self.work / f'db{self.n}.db'}"
        return self.pg.new_database()

    def build_template(self, settings_for) -> float:
        from criticscope.catalog import ensure_default_catalog
        from criticscope.store import Store

        t = time.perf_counter()
        store = Store.open(self.template)
        ensure_default_catalog(store, settings_for(self.template))
        store.close()
        return time.perf_counter() - t

    def copy(self) -> str:
        self.n += 1
        if self.pg is None:
            path = self.work / f"db{self.n}.db"
            shutil.copy(self.template.split("///", 1)[1], path)
            return f"sqlite:///{path}"
        import psycopg

        name = f"bench_{self.n}"
        tmpl = self.template.rsplit("/", 1)[1]
        with psycopg.connect(f"host=127.0.0.1 port={self.pg.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{tmpl}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.pg.port}/{name}"

    def close(self) -> None:
        if self.pg is not None:
            self.pg.stop()


def run_local(url: str, settings, inputs: list[str]) -> dict[str, Any]:
    from criticscope.library import Library
    from criticscope.store import Store

    lib = Library(settings, Store.open(url))
    t = time.perf_counter()
    _ = lib.pipeline
    load = time.perf_counter() - t
    t = time.perf_counter()
    result = lib.analyze(inputs)
    seconds = time.perf_counter() - t
    n = len(result.docs)
    lib.close()
    return {"engine": "local", "workers": 1, "reviews": n, "seconds": seconds, "load": load}


def run_dask(url: str, settings, inputs: list[str], workers: int, batch_size: int) -> dict[str, Any]:
    from distributed import Client

    from criticscope.library import Library
    from criticscope.runner import RunStats, analyze_distributed, local_cluster
    from criticscope.store import Store

    cluster = local_cluster(workers, dashboard_address="127.0.0.1:0")
    client = Client(cluster)
    lib = Library(settings, Store.open(url))
    stats = RunStats(run_id="")
    try:
        t = time.perf_counter()
        result = analyze_distributed(lib, inputs, scheduler=client, batch_size=batch_size, stats=stats)
        seconds = time.perf_counter() - t
        worker_rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        n = len(result.docs)
    finally:
        lib.close()
        client.close()
        cluster.close()
    tasks = stats.tasks
    return {"engine": "dask", "workers": workers, "reviews": n, "seconds": seconds, "stats": stats,
            "partitions": len(tasks), "worker_rss": sorted(worker_rss.values()),
            **{k: sum(t.get(k, 0.0) for t in tasks) for k in ("ingest", "stages", "write", "index", "load", "cpu")},
            "task_seconds": sum(t.get("seconds", 0.0) for t in tasks)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the Dask runs")
    parser.add_argument("--stages", default="", help="comma-separated stages (default: the configured pipeline)")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--sqlite", action="store_true", help="write to SQLite instead of PostgreSQL")
    parser.add_argument("--no-local", action="store_true", help="skip the local engine run")
    parser.add_argument("--home", default=os.environ.get("CRITICSCOPE_HOME", str(REPO / ".cache" / "test-home")),
                        help="data folder holding the model cache")
    args = parser.parse_args(argv)

    from criticscope.config import load_settings
    from criticscope.distributed.synthetic import write_corpus

    home = Path(args.home)
    stages = args.stages.split(",") if args.stages else list(load_settings().pipeline.stages)
    work = Path(tempfile.mkdtemp(prefix="criticscope-scale-"))
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    t = time.perf_counter()
    inputs = [str(p) for p in write_corpus(work / "pages", args.pages, seed=1, extras=False)]
    print(f"{len(inputs)} generated pages written in {time.perf_counter() - t:.1f}s; stages: {', '.join(stages)}")
    dbs = Databases(work, args.sqlite)
    try:
        print(f"default catalog built once in {dbs.build_template(lambda u: make_settings(u, stages, home)):.1f}s "
              f"({'SQLite' if args.sqlite else 'PostgreSQL'})")
        runs = []
        if not args.no_local:
            url = dbs.copy()
            load = os.getloadavg()[0]
            runs.append(run_local(url, make_settings(url, stages, home), inputs))
            print(f"  local: {runs[-1]['reviews']} reviews in {runs[-1]['seconds']:.1f}s "
                  f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
        for n in [int(w) for w in args.workers.split(",") if w]:
            url = dbs.copy()
            load = os.getloadavg()[0]
            runs.append(run_dask(url, make_settings(url, stages, home), inputs, n, args.batch_size))
            print(f"  dask x{n}: {runs[-1]['reviews']} reviews in {runs[-1]['seconds']:.1f}s "
                  f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
    finally:
        dbs.close()
        shutil.rmtree(work, ignore_errors=True)
    report(runs, args.pages)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


def report(runs: list[dict[str, Any]], pages: int) -> None:
    print()
    print(f"{'engine':<8}{'workers':>8}{'reviews':>9}{'seconds':>10}{'reviews/s':>11}{'speed-up':>10}")
    base = next((r for r in runs if r["engine"] == "dask" and r["workers"] == 1), None)
    for r in runs:
        rate = r["reviews"] / r["seconds"] if r["seconds"] else 0.0
        up = f"{base['seconds'] / r['seconds']:.2f}x" if base and r["engine"] == "dask" else "-"
        print(f"{r['engine']:<8}{r['workers']:>8}{r['reviews']:>9}{r['seconds']:>10.1f}{rate:>11.2f}{up:>10}")
    local = next((r for r in runs if r["engine"] == "local"), None)
    for r in runs:
        if r["engine"] != "dask":
            continue
        s = r["stats"]
        per = {k: 1000 * r[k] / max(r["reviews"], 1) for k in ("ingest", "stages", "write", "index")}
        print(f"\ndask x{r['workers']}: {r['partitions']} partitions; plan {s.plan_seconds:.1f}s (cluster "
              f"connect and hashing), final pass {s.resolve_seconds:.1f}s ({s.swaps} owner swaps, "
              f"{s.near_changed} near-duplicates, {s.relinked} re-linked); model load "
              f"{r['load'] / r['workers']:.1f}s per worker")
        print("  per review on the workers: " + ", ".join(f"{k} {v:.1f} ms" for k, v in per.items())
              + f"; task total {1000 * r['task_seconds'] / max(r['reviews'], 1):.1f} ms, of which CPU in the"
              f" task thread {1000 * r['cpu'] / max(r['reviews'], 1):.1f} ms (the rest waits on the database"
              " or for a core)")
        print(f"  peak RSS per worker: {', '.join(f'{m:.0f} MB' for m in r['worker_rss'])}")
    if local and base:
        over = (base["seconds"] - local["seconds"]) / max(base["reviews"], 1) * 1000
        print(f"\ndistributed overhead (1 worker vs the local engine): {over:+.1f} ms per review")
        print(f"local engine: pipeline load {local['load']:.1f}s")
    if base:
        per_review = base["task_seconds"] / max(base["reviews"], 1)
        reviews_per_page = base["reviews"] / max(pages, 1)
        fixed = base["stats"].plan_seconds + base["stats"].resolve_seconds
        hours = (10_000_000 * reviews_per_page * per_review / 32) / 3600
        print(f"projection, 10M pages on 32 workers: {per_review * 1000:.0f} ms per review of worker time "
              f"-> {hours:.1f} h of partition work (+ planning and the final pass, {fixed:.0f}s here; "
              f"see docs/scaling.md)")
    print(f"client peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
