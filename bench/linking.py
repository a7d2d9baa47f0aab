"""Film linking benchmark (printed figures, not a timed test).

Builds (once, cached in ``--work``) a large catalog: IMDb-format files for N generated
titles (``catalog.imdb_generator``, "movies" mix: basics, crew, names and ratings;
no alternative titles) imported by criticscope, plus the
default catalog (bundled films and the Wikidata sample) so the evaluation reviews
have their real films among hundreds of thousands of others.  Then, in one process:

* a naive exact-title baseline: the first catalog title in the headline (else the
  text) and, of the films with exactly that title, the most recent;
* the criticscope linker, in one process and in two forked worker processes;

each over the same reviews (the ``eval/linking*.jsonl`` cases, cycled to ``--docs``
reviews), with throughput, peak RSS (``resource.getrusage``) and, for both, accuracy
on the evaluation cases (precision of links and coverage).

    python bench/linking.py                    # 500k-film catalog, 2,000 reviews
    python bench/linking.py --films 100000     # quicker
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

_WORKER: dict = {}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def build_catalog(work: Path, films: int) -> Path:
    from criticscope.catalog import get_source
    from criticscope.catalog.imdb_generator import generate
    from criticscope.store import Store

    db = work / f"linking-{films}.db"
    if db.exists():
        return db
    titles = int(films / 0.96)  # the "movies" mix is 96% movie/tvMovie
    folder = work / f"movies-{titles}"
    if not (folder / ".done").exists():
        started = time.perf_counter()
        # alternative titles are left out: they only add keys, and keep the setup shorter
        generate(folder, titles, seed=42, mix="movies",
                 only=["title.basics", "title.crew", "name.basics", "title.ratings"])
        (folder / ".done").write_text("ok")
        print(f"generated {titles:,} titles in {time.perf_counter() - started:.0f}s", flush=True)
    started = time.perf_counter()
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{partial}")
    get_source("imdb").import_into(store, None, path=str(folder), require_all=False)
    add_default_films(store)
    store.close()
    partial.rename(db)
    print(f"built the catalog in {time.perf_counter() - started:.0f}s -> {db}", flush=True)
    return db


def add_default_films(store) -> None:
    """The default catalog's films, written without their IMDb ids: the generator hands
    out real-looking ids, and a shared id would merge a real film into a generated one."""
    from criticscope.catalog.sources.base import ImportStats
    from criticscope.catalog.sources.bundled import read_bundled
    from criticscope.catalog.sources.wikidata import (
        CAST_ORD_BASE,
        DEFAULT_MAX_CAST,
        movies_db_path,
        read_movies_db,
    )
    from criticscope.catalog.writer import RecordWriter

    stats = ImportStats(source="default")
    bundled = read_bundled(None, stats)
    wikidata = read_movies_db(movies_db_path(), max_cast=DEFAULT_MAX_CAST, stats=stats)
    for rec in bundled + wikidata:
        rec.imdb_id = None
    with store.engine.begin() as conn:
        RecordWriter(conn, source="bundled").write(bundled)
        RecordWriter(conn, source="wikidata-sample").write(wikidata, cast_ord_base=CAST_ORD_BASE)


def load_docs(n_docs: int):
    from criticscope.evaluation import eval_dir
    from criticscope.evaluation.linking import _doc, load_cases

    cases = load_cases(eval_dir(REPO))
    docs = []
    for i in range(n_docs):
        doc = _doc(cases[i % len(cases)])
        doc.review_id = f"{doc.review_id}#{i}"
        docs.append(doc)
    return cases, docs


def naive_link(index, doc) -> int | None:
    """The baseline: first exact catalog title in the headline (else the text); the
    most recent film with that title."""
    for text in (doc.headline or "", doc.text):
        spans = index.find_titles(text)
        if not spans:
            continue
        start, end, norm = min(spans, key=lambda s: (s[0], -(s[1] - s[0])))
        films = [index.film(fid) for fid in index.films_by_norm_title(norm)]
        films = [f for f in films if f is not None]
        if films:
            return max(films, key=lambda f: (f.year or 0, f.film_id)).film_id
    return None


def accuracy(cases, gold: dict, predicted: dict) -> tuple[float, float]:
    linked = [c["id"] for c in cases if predicted.get(c["id"]) is not None]
    correct = sum(1 for cid in linked if predicted[cid] == gold.get(cid))
    in_catalog = [c["id"] for c in cases if gold.get(c["id"]) is not None]
    covered = sum(1 for cid in in_catalog if predicted.get(cid) is not None)
    return (correct / len(linked) if linked else 0.0), (covered / len(in_catalog) if in_catalog else 0.0)


def _work(chunk):
    comp = _WORKER["component"]
    return [comp(doc).ext["linking"]["status"] for doc in chunk]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--films", type=int, default=500_000, help="generated films in the catalog")
    parser.add_argument("--docs", type=int, default=2000, help="reviews to link")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "criticscope-bench",
                        help="folder for the generated files and the cached catalog")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    from criticscope.catalog import CatalogIndex
    from criticscope.config import load_settings
    from criticscope.evaluation.linking import resolve
    from criticscope.linking import create_component
    from criticscope.store import Store

    db = build_catalog(args.work, args.films)
    store = Store.open(f"sqlite:///{db}")
    started = time.perf_counter()
    index = CatalogIndex.load(store)
    print(f"catalog: {len(index):,} films; index load {time.perf_counter() - started:.1f}s; "
          f"peak RSS {peak_rss_mb():.0f} MB; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cases, docs = load_docs(args.docs)
    gold = {c["id"]: (None if c["gold"] == "not_in_catalog" else
                      resolve(index, c["gold"]["title"], c["gold"].get("year"), c["gold"].get("director")))
            for c in cases}
    print(f"workload: {len(docs):,} reviews cycled from {len(cases)} evaluation cases "
          f"(median {sorted(len(d.text) for d in docs)[len(docs) // 2]:,} characters)\n")
    print(f"{'run':<34}{'reviews/s':>11}{'seconds':>9}{'precision':>11}{'coverage':>10}")

    started = time.perf_counter()
    naive = [naive_link(index, d) for d in docs]
    seconds = time.perf_counter() - started
    p, c = accuracy(cases, gold, {d.review_id.split("#")[0]: f for d, f in zip(docs, naive, strict=True)})
    print(f"{'naive exact title (1 process)':<34}{len(docs) / seconds:>11,.0f}{seconds:>9.1f}{p:>11.3f}{c:>10.3f}")

    settings = load_settings(env={})
    component = create_component(settings, index=index)
    component(docs[0])  # warm the lazy parts
    started = time.perf_counter()
    results = [component(d).ext["linking"] for d in docs]
    seconds = time.perf_counter() - started
    linked = {d.review_id.split("#")[0]: (r["film_id"] if r["status"] == "linked" else None)
              for d, r in zip(docs, results, strict=True)}
    p, c = accuracy(cases, gold, linked)
    print(f"{'criticscope linker (1 process)':<34}{len(docs) / seconds:>11,.0f}{seconds:>9.1f}{p:>11.3f}{c:>10.3f}")

    _WORKER["component"] = component
    ctx = mp.get_context("fork")
    chunks = [docs[i::2] for i in range(2)]
    started = time.perf_counter()
    with ctx.Pool(2) as pool:
        statuses = [s for part in pool.map(_work, chunks) for s in part]
    seconds = time.perf_counter() - started
    print(f"{'criticscope linker (2 processes)':<34}{len(statuses) / seconds:>11,.0f}{seconds:>9.1f}"
          f"{'':>11}{'':>10}")
    print(f"\npeak RSS: parent {peak_rss_mb():.0f} MB, workers {children_peak_rss_mb():.0f} MB "
          f"(forked after the index load, pages shared copy-on-write)")


if __name__ == "__main__":
    main()
