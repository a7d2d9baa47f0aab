"""Catalog benchmarks (printed figures, not timed tests).

1. IMDb import: files in IMDb's dataset format (``catalog.imdb_generator``) for N
   titles, imported by criticscope (filters: movie,tvMovie) beside a plain baseline that
   reads every file with ``csv`` (QUOTE_NONE) and loads every row with ``executemany``
   into raw tables, as a naive loader would.  Each run is a fresh subprocess, so its
   peak RSS (``resource.getrusage``) is its own.  Prints lines/s, seconds, peak RSS and
   the projection to a 10M-title dataset (time scales with lines read).
2. ``CatalogIndex.candidates``: p50/p99 latency on a generated catalog of M films
   (basics, akas, crew and names imported; principals left out to keep setup short),
   for exact titles, typos and loose forms, plus ``find_titles`` on a review-length text.

    python bench/catalog.py                         # 200k titles, 500k-film lookup catalog
    python bench/catalog.py --titles 2000000        # closer to the 10M goal
    python bench/catalog.py --db postgresql://...   # the import on PostgreSQL too
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FULL_SCALE_TITLES = 10_000_000


def load_avg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def peak_rss_mb() -> float:
    """This process's peak RSS.  VmHWM, because ru_maxrss keeps the high-water mark of
    the forked parent across exec; plus the peak of helper processes it waited for."""
    try:
        with open("/proc/self/status") as fh:
            own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_lines(folder: Path) -> int:
    meta = json.loads((folder / "rows.json").read_text())
    return sum(meta.values())


def ensure_dataset(folder: Path, titles: int, mix: str, only: list[str] | None = None) -> Path:
    from criticscope.catalog.imdb_generator import generate

    marker = folder / "rows.json"
    if not marker.exists():
        started = time.perf_counter()
        out = generate(folder, titles, seed=42, mix=mix, only=only)
        rows = {k: v for k, v in out.rows.items() if only is None or k in only}
        marker.write_text(json.dumps(rows))
        print(f"generated {titles:,} titles ({sum(rows.values()):,} lines) in {time.perf_counter() - started:.0f}s "
              f"-> {folder}", flush=True)
    return folder


# --- children: one measured run each ------------------------------------------------------


def child_criticscope(folder: Path, db: str, workers: int) -> dict:
    from criticscope.catalog import get_source
    from criticscope.store import Store

    store = Store.open(db)
    started, cpu = time.perf_counter(), time.process_time()
    stats = get_source("imdb").import_into(store, None, path=str(folder), kinds="movie,tvMovie", workers=workers)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "helper_cpu": children_cpu(), "films": stats.films_added, "titles": stats.titles_added,
            "people": stats.people_added, "credits": stats.credits_added, "rss_mb": peak_rss_mb()}


def child_baseline(folder: Path, db: str) -> dict:
    """Every row of every file into a raw table: csv.reader + executemany, 10k per batch."""
    from criticscope.catalog.sources.tsv import IMDB_HEADERS

    pg = db.startswith("postgresql")
    if pg:
        import psycopg

        conn = psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://"))
        mark = "%s"
    else:
        import sqlite3

        conn = sqlite3.connect(db.split("///", 1)[1])
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        mark = "?"
    started, cpu = time.perf_counter(), time.process_time()
    rows_total = 0
    csv.field_size_limit(1 << 30)
    for stem, header in IMDB_HEADERS.items():
        path = folder / f"{stem}.tsv.gz"
        if not path.exists():
            continue
        table = "raw_" + stem.replace(".", "_")
        cols = ", ".join(f'"{c}" TEXT' for c in header)
        cur = conn.cursor()
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(f"CREATE TABLE {table} ({cols})")
        sql = f"INSERT INTO {table} VALUES ({', '.join([mark] * len(header))})"
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            batch = []
            for row in reader:
                if len(row) != len(header):
                    continue
                batch.append(row)
                if len(batch) >= 10_000:
                    cur.executemany(sql, batch)
                    conn.commit()
                    rows_total += len(batch)
                    batch = []
            if batch:
                cur.executemany(sql, batch)
                conn.commit()
                rows_total += len(batch)
    seconds = time.perf_counter() - started
    conn.close()
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "rows": rows_total, "rss_mb": peak_rss_mb()}


def child_candidates(db: str, queries: int) -> dict:
    from sqlalchemy import text

    from criticscope.catalog import CatalogIndex
    from criticscope.store import Store

    store = Store.open(db)
    started, cpu = time.perf_counter(), time.process_time()
    index = CatalogIndex.load(store)
    load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    rng = random.Random(7)
    with store.engine.connect() as conn:
        films = conn.execute(text("SELECT title, year FROM films ORDER BY id")).all()
    sample = rng.sample(films, min(queries, len(films)))
    results: dict[str, list[float]] = {"exact": [], "exact+year": [], "typo": [], "loose": []}
    hits = {k: 0 for k in results}

    def typo(s: str) -> str:
        if len(s) < 5:
            return s
        i = rng.randrange(1, len(s) - 2)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]

    for title, year in sample:
        cases = {"exact": (title, None), "exact+year": (title, year), "typo": (typo(title), year),
                 "loose": (title.split(":")[0].lower().replace("the ", "", 1), None)}
        for kind, (q, y) in cases.items():
            t0 = time.perf_counter()
            found = index.candidates(q, year=y, limit=10)
            results[kind].append((time.perf_counter() - t0) * 1000)
            hits[kind] += any(c.title == title and c.year == year for c in found)
    text_sample = " ".join(f"{t} ({y}) was better than expected, and the cast shines." for t, y in sample[:60])
    spans_ms = []
    for _ in range(20):
        t0 = time.perf_counter()
        index.find_titles(text_sample)
        spans_ms.append((time.perf_counter() - t0) * 1000)
    out = {"films": len(index), "load_seconds": load_seconds, "load_cpu": load_cpu, "rss_mb": peak_rss_mb(),
           "find_titles_ms": statistics.median(spans_ms), "text_chars": len(text_sample)}
    for kind, times in results.items():
        times.sort()
        out[kind] = {"p50": times[len(times) // 2], "p99": times[int(len(times) * 0.99) - 1],
                     "recall@10": hits[kind] / len(times)}
    return out


def run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark child failed: {' '.join(args)}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the parent ----------------------------------------------------------------------------


def bench_import(work: Path, titles: int, dbs: list[str]) -> None:
    folder = ensure_dataset(work / f"imdb-{titles}", titles, "imdb")
    lines = count_lines(folder)
    size_mb = sum(p.stat().st_size for p in folder.glob("*.gz")) / 1e6
    print(f"\nIMDb import: {titles:,} titles, {lines:,} lines, {size_mb:.0f} MB gzip; load average {load_avg()}")
    print(f"{'run':<36}{'wall s':>8}{'CPU s':>8}{'helpers':>9}{'lines/s':>11}{'peak RSS':>10}  notes")
    for db in dbs:
        label = "sqlite" if db == "sqlite" else "postgresql"
        for impl, workers in (("baseline", None), ("criticscope", 0), ("criticscope", 1)):
            url = db
            if db == "sqlite":
                url = f"sqlite:///{work / f'{impl}-{titles}.db'}"
                for suffix in ("", "-wal", "-shm"):
                    Path(url.split("///", 1)[1] + suffix).unlink(missing_ok=True)
            else:
                reset_pg(db)
            r = run_child(impl, str(folder), url, *([] if workers is None else [str(workers)]))
            name = impl if workers is None else f"{impl} workers={workers}"
            note = (f"{r['rows']:,} raw rows, unfiltered" if impl == "baseline" else
                    f"{r['films']:,} films, {r['titles']:,} titles, {r['people']:,} people, {r['credits']:,} credits")
            print(f"{name + ' (' + label + ')':<36}{r['seconds']:>8.1f}{r['cpu']:>8.1f}{r.get('helper_cpu', 0):>9.1f}"
                  f"{lines / r['seconds']:>11,.0f}{r['rss_mb']:>8.0f}MB  {note}")
            if impl == "criticscope":
                scale = FULL_SCALE_TITLES / titles
                print(f"{'':<36}x{scale:g} for {FULL_SCALE_TITLES:,} titles: {r['seconds'] * scale / 60:.1f} min wall "
                      f"here, {r['cpu'] * scale / 60:.1f} min CPU in the importer, "
                      f"{r.get('helper_cpu', 0) * scale / 60:.1f} min in helpers")


def reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def bench_candidates(work: Path, films: int, queries: int) -> None:
    titles = int(films / 0.96)  # the "movies" mix is 96% movie/tvMovie
    folder = ensure_dataset(work / f"movies-{titles}", titles, "movies",
                            only=["title.basics", "title.akas", "title.crew", "name.basics", "title.ratings"])
    db = work / f"lookup-{titles}.db"
    if not db.exists():
        from criticscope.catalog import get_source
        from criticscope.store import Store

        started = time.perf_counter()
        store = Store.open(f"sqlite:///{db}")
        get_source("imdb").import_into(store, None, path=str(folder), require_all=False)
        store.close()
        print(f"built the lookup catalog in {time.perf_counter() - started:.0f}s", flush=True)
    r = run_child("candidates", f"sqlite:///{db}", str(queries))
    print(f"\ncandidates() on {r['films']:,} films ({queries:,} queries per kind; index load {r['load_seconds']:.1f}s "
          f"wall, {r['load_cpu']:.1f}s CPU; peak RSS {r['rss_mb']:.0f} MB; load average {load_avg()})")
    print(f"{'query':<14}{'p50 ms':>9}{'p99 ms':>9}{'recall@10':>11}")
    for kind in ("exact", "exact+year", "typo", "loose"):
        k = r[kind]
        print(f"{kind:<14}{k['p50']:>9.2f}{k['p99']:>9.2f}{k['recall@10']:>11.1%}")
    print(f"find_titles on {r['text_chars']:,} chars: {r['find_titles_ms']:.1f} ms")


def bench_default_catalog(work: Path) -> None:
    from criticscope.catalog import CatalogIndex, ensure_default_catalog
    from criticscope.store import Store

    db = work / "default.db"
    db.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{db}")
    started, cpu = time.perf_counter(), time.process_time()
    ensure_default_catalog(store, None)
    built, built_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    index = CatalogIndex.load(store)
    loaded, loaded_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\ndefault catalog ({len(index):,} films; load average {load_avg()}): built in {built:.1f}s wall / "
          f"{built_cpu:.1f}s CPU; CatalogIndex.load {loaded:.2f}s wall / {loaded_cpu:.2f}s CPU")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *args = sys.argv[2:]
        if kind == "baseline":
            out = child_baseline(Path(args[0]), args[1])
        elif kind == "criticscope":
            out = child_criticscope(Path(args[0]), args[1], int(args[2]))
        else:
            out = child_candidates(args[0], int(args[1]))
        print(json.dumps(out))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=200_000, help="titles in the generated IMDb files")
    parser.add_argument("--films", type=int, default=500_000, help="films in the lookup catalog")
    parser.add_argument("--queries", type=int, default=1000, help="candidates() calls per query kind")
    parser.add_argument("--db", help="also run the import on this PostgreSQL URL (its public schema is reset)")
    parser.add_argument("--workdir", type=Path, help="keep generated files here between runs")
    parser.add_argument("--skip", action="append", default=[], choices=["import", "candidates", "default"])
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="criticscope-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}")
    if "default" not in args.skip:
        bench_default_catalog(work)
    if "import" not in args.skip:
        bench_import(work, args.titles, ["sqlite"] + ([args.db] if args.db else []))
    if "candidates" not in args.skip:
        bench_candidates(work, args.films, args.queries)


if __name__ == "__main__":
    main()
