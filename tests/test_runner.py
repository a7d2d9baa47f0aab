"""The Dask engine: same results as the local engine, resumable after a killed worker or
a killed client, partitions by content, models loaded once per worker.

The cluster is a LocalCluster of two single-threaded worker processes on loopback; the
store is a throwaway PostgreSQL database (and an SQLite file for the single-machine path).
The pages are generated; the catalog holds a few films of the bundled catalog so that
linking runs fast, and two more films the pages review are missing from it (provisional
films)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from criticscope.aggregate import recompute_all
from criticscope.catalog.sources.bundled import read_bundled
from criticscope.catalog.writer import RecordWriter
from criticscope.config import Settings, load_settings
from criticscope.distributed import plan as planning
from criticscope.distributed.synthetic import (
    catalog_films,
    jsonl_shard,
    make_review,
    near_copy,
    render_html,
    render_text,
    warc_file,
)
from criticscope.distributed.worker import cache_info
from criticscope.library import Library
from criticscope.models import Analysis, Film, Job, JournalEntry, Mention, ReaderComment, Review
from criticscope.runner import RunStats, analyze_distributed, local_cluster
from criticscope.stages import BUILTIN_STAGES
from criticscope.store import Store

pytestmark = [pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[1]
CATALOGUED = 10  # films written to the test catalog; the pages also review two films it lacks
REVIEWED = 12


def fast_stages() -> list[str]:
    """Every built-in stage whose module exists, in pipeline order, except those needing one that does not."""
    wanted = ["sentences", "ratings", "verdict", "linking", "aspects", "spoilers", "pullquote"]
    have = [n for n in wanted if importlib.util.find_spec(BUILTIN_STAGES[n].split(":")[0]) is not None]
    if "verdict" not in have:
        have = [n for n in have if n not in ("aspects", "pullquote")]  # both read the verdict
    return have


def make_settings(url: str, stages: list[str]) -> Settings:
    home = Path(os.environ.get("CRITICSCOPE_TEST_HOME", REPO / ".cache" / "test-home"))
    home.mkdir(parents=True, exist_ok=True)
    return load_settings(env={"CRITICSCOPE_HOME": str(home)}, db_url=url, pipeline={"stages": stages})


def open_library(url: str) -> Library:
    """A library on ``url`` whose catalog holds the first CATALOGUED films of the bundled catalog."""
    lib = Library(make_settings(url, fast_stages()), Store.open(url))
    wanted = {(f.title, f.year) for f in catalog_films()[:CATALOGUED]}
    records = [r for r in read_bundled() if (r.title, r.year) in wanted]
    with lib.store.engine.begin() as conn:
        RecordWriter(conn, source="bundled").write(records)
    return lib


# --- the corpus ------------------------------------------------------------------


def _bucket(data: bytes, partitions: int) -> int:
    return planning.bucket_of(planning.InputRef("x", 0, hashlib.sha256(data).hexdigest()), partitions)


def _in_bucket(render, bucket: int, partitions: int = 2) -> bytes:
    """The page rendered with furniture that puts its bytes in ``bucket`` (the critic text is unchanged)."""
    for furniture in range(200):
        data = render(furniture)
        if _bucket(data, partitions) == bucket:
            return data
    raise AssertionError("no furniture variant lands in the bucket")


def build_corpus(folder: Path, pages: int = 22, seed: int = 11) -> list[str]:
    """Pages named so that, with two partitions, partition "a" is read first in input order and
    holds an original and a syndicated original late, while partition "b" holds their exact
    copy and near-copy first: the workers meet the copies before the originals."""
    rng = random.Random(seed)
    films = catalog_films()[:REVIEWED]
    reviews = [make_review(rng, films) for _ in range(pages)]
    folder.mkdir(parents=True)
    dup_src, near_src = reviews.pop(), reviews.pop()
    groups: dict[int, list[tuple[str, bytes]]] = {0: [], 1: []}
    for i, r in enumerate(reviews):
        data = render_html(r) if i % 2 else render_text(r)
        groups[_bucket(data, 2)].append((f"{i:02d}.{'html' if i % 2 else 'txt'}", data))
    extras = [("shard.jsonl", jsonl_shard([make_review(rng, films) for _ in range(3)], bad_line=True)),
              ("crawl.warc", warc_file([make_review(rng, films) for _ in range(2)])),
              ("empty.txt", b""), ("binary.txt", bytes(range(256)) * 8)]
    for name, data in extras:
        groups[_bucket(data, 2)].append((name, data))
    late = [("90-original.txt", _in_bucket(lambda f: render_text(dup_src, furniture=f), 0)),
            ("91-syndicated.txt", _in_bucket(lambda f: render_text(near_src, furniture=f), 0))]
    early = [("00-copy.txt", _in_bucket(lambda f: render_text(dup_src, furniture=f), 1)),
             ("01-near-copy.txt", _in_bucket(lambda f: render_text(near_copy(near_src, rng), furniture=f), 1))]
    layout = [("a-" + n, d) for n, d in groups[0] + late] + [("b-" + n, d) for n, d in early + groups[1]]
    for name, data in layout:
        (folder / name).write_bytes(data)
    (folder.parent / "empty-folder").mkdir()
    return [str(folder), str(folder.parent / "missing.txt"), str(folder.parent / "empty-folder")]


# --- comparing two stores row for row ---------------------------------------------


def snapshot(lib: Library, rows) -> dict[str, Any]:
    """Everything a run stored, with film ids replaced by (title, year, provisional) and
    origins by their file names, so two databases compare row for row."""
    with lib.store.session() as s:
        films = {f.id: (f.title, f.year, f.provisional) for f in s.scalars(select(Film))}

        def fk(v):
            return films.get(v, v) if isinstance(v, int) else v

        def norm(data):
            if isinstance(data, dict):
                return {k: fk(v) if k == "film_id" else norm(v) for k, v in data.items()}
            if isinstance(data, list):
                return [norm(v) for v in data]
            if isinstance(data, str):
                return re.sub(r"provisional film (\d+)", lambda m: f"provisional film {films.get(int(m[1]))}", data)
            return data

        reviews = {r.id: (Path(r.source or "").name, r.raw_sha256, r.format, r.url, r.outlet, r.critic, r.headline,
                          r.headings, r.captions, r.published, r.language, r.text, r.structured, r.duplicate_of,
                          fk(r.film_id), r.link_status, r.link_confidence, r.link_source, r.rating_text,
                          r.rating_score, r.verdict, r.verdict_source, r.p_positive, r.estimated_score, r.spoiler,
                          r.spoiler_confidence, r.pull_quote)
                   for r in s.scalars(select(Review))}
        analyses = {(a.review_id, a.stage): norm(a.data) for a in s.scalars(select(Analysis))}
        comments = sorted((c.review_id, c.position, c.author, c.posted_at, c.header, c.text, c.p_positive, c.verdict)
                          for c in s.scalars(select(ReaderComment)))
        mentions = sorted((m.review_id, m.kind, m.text, m.start, m.end, str(fk(m.film_id)), m.person_id, m.confidence)
                          for m in s.scalars(select(Mention)))
        provisional = sorted((f[0], f[1]) for f in films.values() if f[2])
    journal = [(Path(r.origin).name, r.item, r.status, r.reason, r.review_id, r.raw_sha256) for r in rows]
    aggregates = {str(films.get(fid)): norm(agg) for fid, agg in recompute_all(lib.store, lib.settings.aggregates).items()}
    return {"journal": journal, "reviews": reviews, "analyses": analyses, "comments": comments,
            "mentions": mentions, "provisional": provisional, "aggregates": aggregates}


def assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    for key in want:
        if key in ("reviews", "analyses"):
            assert sorted(got[key]) == sorted(want[key]), f"{key}: different rows"
            for k in want[key]:
                assert got[key][k] == want[key][k], f"{key} {k} differs"
        else:
            assert got[key] == want[key], f"{key} differs"


# --- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    from distributed import Client

    cluster = local_cluster(2, dashboard_address="127.0.0.1:0")
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    return build_corpus(tmp_path_factory.mktemp("runner") / "pages")


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    """The local engine on the corpus, into SQLite: what every Dask run must reproduce."""
    lib = open_library(f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}")
    result = lib.analyze(corpus)
    snap = snapshot(lib, result.report.rows)
    lib.close()
    return result, snap


# --- fast checks of the plan ---------------------------------------------------------


def test_identical_files_share_a_partition_and_keep_input_order(tmp_path):
    names = [f"{i:02d}.txt" for i in range(30)]
    for i, name in enumerate(names):
        (tmp_path / name).write_bytes(b"same bytes" if i % 7 == 0 else f"page {i}".encode())
    origins = planning.expand([str(tmp_path), str(tmp_path / names[3])])  # a file named twice is read once
    assert origins == [str(tmp_path / n) for n in names]
    refs = [planning.InputRef(o, pos, sha) for pos, (o, sha) in
            enumerate(zip(origins, planning.hash_files(origins, 1000), strict=True))]
    parts = planning.make_partitions(refs, 4)
    assert sorted(r.origin for p in parts for r in p.inputs) == sorted(origins)
    holding = {p.name for p in parts for r in p.inputs if Path(r.origin).read_bytes() == b"same bytes"}
    assert len(holding) == 1
    for p in parts:
        assert [r.pos for r in p.inputs] == sorted(r.pos for r in p.inputs)
    assert len(parts) > 1


def test_run_id_follows_the_set_of_inputs_and_the_stages():
    a = planning.run_id_for(["x.html", "y.html"], ["sentences"])
    assert a == planning.run_id_for(["y.html", "x.html"], ["sentences"])
    assert a != planning.run_id_for(["x.html"], ["sentences"])
    assert a != planning.run_id_for(["x.html", "y.html"], ["sentences", "ratings"])
    assert len(a) <= 32


def test_unreadable_inputs_are_bucketed_by_name(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 50)
    assert planning.hash_files([str(tmp_path / "nope.txt"), str(big), "https://example.org/r"], 10) == [None] * 3
    ref = planning.InputRef(str(tmp_path / "nope.txt"), 0)
    assert planning.bucket_of(ref, 8) == planning.bucket_of(planning.InputRef(ref.origin, 5), 8)


# --- the cluster -----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("store", ["postgresql", "sqlite"])
def test_dask_gives_the_local_engine_results_row_for_row(store, client, corpus, local_run, request, tmp_path):
    url = request.getfixturevalue("pg_url") if store == "postgresql" else f"sqlite:///{tmp_path / 'dask.db'}"
    lib = open_library(url)
    local, want = local_run
    stats = RunStats(run_id="")
    result = analyze_distributed(lib, corpus, scheduler=client, partitions=2, batch_size=2, stats=stats)
    got = snapshot(lib, result.report.rows)
    assert_same(got, want)
    assert [d.review_id for d in result.docs] == [d.review_id for d in local.docs]
    assert len(result.failed) == len(local.failed) >= 5
    statuses = {j[0]: j[2] for j in want["journal"]}
    assert statuses["b-00-copy.txt"] == "duplicate" and statuses["b-01-near-copy.txt"] == "near_duplicate"
    assert want["provisional"], "the pages review films the catalog lacks"
    # the copies sat first in their partition: the final pass had to give the originals back
    assert stats.swaps >= 1 and stats.near_changed >= 1
    # and the reviews of films the catalog lacks were linked again in input order
    assert stats.relinked >= 2
    with lib.store.session() as s:
        assert {j.partition: j.state for j in s.scalars(select(Job).where(Job.run_id == result.report.run_id))} == \
            {"00000": "done", "00001": "done", "~owners": "done", "~near": "done", "~links": "done"}
    lib.close()


@pytest.mark.slow
def test_a_killed_worker_does_not_lose_or_duplicate_anything(client, corpus, local_run, pg_url):
    lib = open_library(pg_url)
    before = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(done: int, total: int, c) -> None:
        if killed or done >= total:
            return
        busy = [w for w, keys in c.processing().items() if keys] or list(before)
        pid = c.run(os.getpid, workers=[busy[0]])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    stats = RunStats(run_id="")
    result = analyze_distributed(lib, corpus, scheduler=client, partitions=8, batch_size=2,
                                 on_partition=kill_a_busy_worker, stats=stats)
    assert killed
    assert_same(snapshot(lib, result.report.rows), local_run[1])
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.run(os.getpid).values()
    # models and the catalog index were loaded once per worker process, not once per partition
    builds = {b["pid"]: b["builds"] for b in client.run(cache_info, pg_url).values()}
    tasks_per_pid = {pid: sum(t["pid"] == pid for t in stats.tasks) for pid in builds}
    assert all(n <= 1 for n in builds.values())
    assert max(tasks_per_pid.values()) >= 2
    lib.close()


CLIENT = """
import json, sys
from criticscope.config import Settings
from criticscope.library import Library
from criticscope.runner import analyze_distributed
from criticscope.store import Store
settings = Settings.model_validate(json.loads(sys.argv[1]))
lib = Library(settings, Store.open(settings.db_url, migrate=False))
analyze_distributed(lib, sys.argv[2:], scheduler="local[2]", partitions=8, batch_size=2)
"""


@pytest.mark.slow
def test_a_killed_client_resumes_with_nothing_duplicated_or_lost(client, corpus, local_run, pg_url):
    lib = open_library(pg_url)
    run_id = planning.run_id_for(planning.expand(corpus), lib.settings.pipeline.stages)
    proc = subprocess.Popen([sys.executable, "-c", CLIENT, lib.settings.model_dump_json(), *corpus],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def states() -> list[str]:
        with lib.store.session() as s:
            return list(s.scalars(select(Job.state).where(Job.run_id == run_id)))

    deadline = time.monotonic() + 240
    while states().count("done") < 2:
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the client, its cluster and its workers
    proc.wait()
    at_kill = states()
    assert at_kill.count("done") < 8, "the run finished before it could be killed"

    stats = RunStats(run_id="")
    result = analyze_distributed(lib, corpus, scheduler=client, batch_size=2, stats=stats)
    assert result.report.run_id == run_id and stats.skipped == at_kill.count("done")
    assert_same(snapshot(lib, result.report.rows), local_run[1])
    with lib.store.session() as s:
        per_input = s.execute(select(JournalEntry.origin, JournalEntry.item, func.count())
                              .where(JournalEntry.run_id == run_id)
                              .group_by(JournalEntry.origin, JournalEntry.item)).all()
        assert per_input and all(n == 1 for _, _, n in per_input)
        assert len(per_input) == len(local_run[1]["journal"])
        assert set(s.scalars(select(Job.state).where(Job.run_id == run_id))) == {"done"}
    assert all(b["builds"] <= 1 for b in client.run(cache_info, pg_url).values())
    lib.close()


def test_an_in_memory_store_is_refused():
    lib = Library(make_settings("sqlite://", ["sentences"]), Store.open("sqlite://"))
    with pytest.raises(ValueError, match="in-memory"):
        analyze_distributed(lib, ["nothing"], scheduler="local[1]")
    lib.close()


def test_settings_round_trip_as_a_plain_dict():
    s = make_settings("sqlite:////tmp/x.db", fast_stages())
    assert Settings.model_validate(json.loads(s.model_dump_json())) == s
