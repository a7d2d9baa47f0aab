"""Latency of the REST API on a large library, and the time of a full aggregate recomputation.

It builds an SQLite library of ``--reviews`` reviews across ``--films`` films directly
with bulk inserts (no pipeline): realistic summary columns (verdicts, ratings as
written, estimated scores, spoilers, pull quotes), the stage analyses the review page
reads, aspects, mentions of other films and people, reader comments, duplicates and
reviews awaiting a link decision.  Films get reviews with a long-tailed (Zipf)
popularity, so a few films have hundreds of reviews.

Then it starts a real uvicorn server (a subprocess on a loopback port) and, with 50
concurrent httpx clients, sends a bounded number of requests to each endpoint:

* ``/api/v1/health``: the baseline (framework and server overhead, one count query);
* ``/api/v1/films/{id}``: the film page with its aggregates (films drawn by popularity);
* ``/api/v1/search?q=...``: ranked full-text search;
* ``/api/v1/reviews/{id}``: one review with its spans.

It prints p50/p99/max latency and throughput per endpoint, the full ``recompute_all``
time, and peak memory of this process (the server's is printed by the server).

Usage: ``python bench/api.py [--reviews 100000] [--films 5000] [--requests 2000]
[--concurrency 50] [--workers 1] [--db PATH] [--keep]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from criticscope.aggregate import recompute_all
from criticscope.catalog.normalize import normalize_title
from criticscope.config import load_settings
from criticscope.search import count_reviews_matching, optimize_fulltext
from criticscope.store import Store

# Aspect sentences: "{thing} {judgement}" with several things per aspect and many judgements,
# so a two-word query matches a realistic share of the reviews rather than most of them.
ASPECTS = {
    "performances": (["the lead performance", "the supporting cast", "the young star", "the ensemble",
                      "the villain's performance", "the central duo"],
                     ["is superb", "is magnetic", "is quietly devastating", "is fearless", "is pitch-perfect"],
                     ["feels wooden", "is badly miscast", "is stiff", "is oddly muted", "never convinces"]),
    "action": (["the fight choreography", "the stunt work", "the car chases", "the shootouts", "the sword fights",
                "the set pieces"],
               ["is thrilling", "is breathtaking", "is inventive", "is staged with real clarity", "is brutal"],
               ["is incoherently edited", "is a murky blur", "is repetitive", "is weightless", "is chaotic"]),
    "story": (["the plot", "the story", "the mystery", "the central romance", "the heist"],
              ["unfolds with real surprise", "is gripping", "is cleverly built", "keeps its secrets"],
              ["is riddled with holes", "goes nowhere", "is predictable", "collapses in the last act"]),
    "script": (["the dialogue", "the screenplay", "the script", "the banter"],
               ["crackles with wit", "is sharp and economical", "is genuinely funny"],
               ["is clunky", "leans on exposition", "is overwritten", "falls flat"]),
    "visuals": (["the cinematography", "every frame", "the production design", "the colour palette"],
                ["is ravishing", "is gorgeously lit", "is striking", "is painterly"],
                ["is flat and drab", "is muddy", "looks cheap", "is murky"]),
    "music": (["the score", "the soundtrack", "the sound design", "the needle drops"],
              ["pulses with menace", "is a delight", "is haunting", "soars"],
              ["is intrusive", "smothers every scene", "is generic", "is deafening"]),
    "pacing": (["the pacing", "the second act", "the running time", "the final stretch"],
               ["is taut", "moves with real momentum", "flies by"],
               ["drags", "sags badly", "feels endless", "is sluggish"]),
    "direction": (["the direction", "the director's touch", "the staging", "the tone"],
                  ["is confident and precise", "shows real flair", "is assured"],
                  ["is listless", "wobbles badly", "is uncertain", "is heavy-handed"]),
}
PLACES = ["coastal town", "mountain village", "desert outpost", "river port", "mining town", "border city",
          "island resort", "industrial suburb", "college campus", "fishing village", "snowbound lodge",
          "rain-soaked city", "space station", "country estate", "jungle camp", "container port"]
PEOPLE = ["a retired detective", "two estranged sisters", "a grieving father", "a young nurse", "a disgraced boxer",
          "a getaway driver", "an aging rock star", "a schoolteacher", "a rookie cop", "a chess prodigy",
          "a con artist", "a night-shift cab driver", "a war photographer", "a hitman", "a single mother"]
FILLER = [
    "The film follows {person} in a {place} where nothing is quite what it seems.",
    "Much of the running time is spent with {person} circling an old family secret.",
    "There is a long middle stretch set in a {place} at night.",
    "A subplot about {person} is introduced and then quietly dropped.",
    "The final act moves the story to a {place}.",
    "The production design turns the {place} into a character of its own.",
    "Genre fans will recognise the debts to older films about {person}.",
    "The villain, {person}, gets a monologue that explains rather too much.",
    "Much of the humour comes from {person} bickering with the lead.",
    "The editing cuts between {person} and the {place} without confusion.",
]
SPOILERS = ["In the end the mentor turns out to be the killer, and she dies in the final scene.",
            "The twist reveals that the brother was dead all along."]
WORDS = ("night shadow river empire silent broken golden last winter city dream fire house ghost road "
         "stranger heart storm paper glass iron blue long red wild hidden").split()
NAMES = ("Ana Lee Chen Diaz Novak Rossi Okafor Sato Moreau Kowalski Haddad Silva Jensen Park Ivanova "
         "Murphy Tanaka Costa Fischer Mendes Nakamura Dubois Brennan Quinn Varga").split()
OUTLETS = [f"The {w.title()} {k}" for w in WORDS[:16] for k in ("Gazette", "Review", "Weekly")]
QUERIES = ["fight choreography", "slow burn thriller", "gorgeously lit", "wooden", "rain-soaked city",
           "score pulses with menace", "plot holes", "\"second act sags\"", "masterpiece -boring",
           "retired detective snowbound lodge", "stunt work breathtaking", "clunky dialogue or exposition",
           "chess prodigy", "haunting soundtrack", "car chases", "miscast"]
RATINGS = [("{}/5", 5), ("{}/10", 10), ("{} out of 4 stars", 4), ("{}/100", 100)]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(NAMES)} {rng.choice(NAMES)}"


def _rating(rng: random.Random, verdict: str) -> tuple[str, float]:
    fmt, scale = rng.choice(RATINGS)
    lo, hi = {"positive": (0.65, 1.0), "mixed": (0.45, 0.64), "negative": (0.05, 0.44)}[verdict]
    step = 0.5 if scale <= 5 else 1  # half stars on small scales
    value = round(rng.uniform(lo, hi) * scale / step) * step
    return fmt.format(f"{value:g}"), round(100 * value / scale, 1)


def build(db_path: Path, n_reviews: int, n_films: int, seed: int = 7) -> dict[str, list]:
    """Create the library; returns the film and review ids the requests draw from."""
    url = f"sqlite:///{db_path}"
    Store.open(url).close()  # schema and search indexes through the migrations
    rng = random.Random(seed)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    now = "2026-01-01 00:00:00.000000"
    films, people, credits = [], [], []
    for fid in range(1, n_films + 1):
        title = " ".join(w.title() for w in rng.sample(WORDS, rng.choice([1, 2, 2, 3])))
        if fid % 7 == 0:
            title = "The " + title
        films.append((fid, title, None, normalize_title(title), rng.randint(1960, 2026), "movie", "[]", "[]",
                      "[]", "bench", 0, rng.randint(100, 500_000)))
        for role, k in (("director", 1), ("actor", 3)):
            for j in range(k):
                pid = len(people) + 1
                name = _person(rng)
                people.append((pid, name, name.lower()))
                credits.append((fid, pid, role, j))
    con.executemany("INSERT INTO films(id, title, original_title, norm_title, year, kind, countries, languages, "
                    "genres, source, provisional, votes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", films)
    con.executemany("INSERT INTO people(id, name, norm_name) VALUES (?,?,?)", people)
    con.executemany("INSERT INTO credits(film_id, person_id, role, ord) VALUES (?,?,?,?)", credits)
    weights = [1 / math.sqrt(k) for k in range(1, n_films + 1)]  # Zipf, s = 0.5
    film_of = rng.choices(range(1, n_films + 1), weights=weights, k=n_reviews)
    critics = [_person(rng) for _ in range(max(50, n_reviews // 60))]
    reviews, analyses, aspects, mentions, comments, candidate_rows = [], [], [], [], [], []
    review_ids: list[str] = []
    batch = 5000

    def flush() -> None:
        con.executemany("INSERT INTO reviews(id, source, format, url, outlet, critic, headline, headings, "
                        "captions, published, language, text, structured, duplicate_of, film_id, link_status, "
                        "link_confidence, link_source, rating_text, rating_score, verdict, verdict_source, "
                        "p_positive, estimated_score, spoiler, spoiler_confidence, pull_quote, created_at, "
                        "updated_at) VALUES (?,?,?,?,?,?,?,'[]','[]',?,'en',?,'{}',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        reviews)
        con.executemany("INSERT INTO analyses(review_id, stage, data, updated_at) VALUES (?,?,?,?)", analyses)
        con.executemany("INSERT INTO aspects(review_id, aspect, polarity, score, start, \"end\", text) "
                        "VALUES (?,?,?,?,?,?,?)", aspects)
        con.executemany("INSERT INTO mentions(review_id, kind, text, start, \"end\", sentence, film_id, person_id, "
                        "confidence) VALUES (?,?,?,?,?,?,?,?,?)", mentions)
        con.executemany("INSERT INTO comments(review_id, position, author, text, verdict, p_positive) "
                        "VALUES (?,?,?,?,?,?)", comments)
        con.executemany("INSERT INTO link_candidates(review_id, film_id, rank, confidence) VALUES (?,?,?,?)",
                        candidate_rows)
        for rows in (reviews, analyses, aspects, mentions, comments, candidate_rows):
            rows.clear()

    for fid in film_of:
        rid = f"{rng.getrandbits(80):020x}"
        verdict = rng.choices(["positive", "mixed", "negative"], weights=[55, 20, 25])[0]
        title = films[fid - 1][1]
        picked = rng.sample(list(ASPECTS), rng.randint(2, 5))
        parts: list[tuple[str, str | None, str | None]] = []  # (sentence, aspect, polarity)
        for aspect in picked:
            good = rng.random() < {"positive": 0.85, "mixed": 0.5, "negative": 0.2}[verdict]
            things, praise, blame = ASPECTS[aspect]
            phrase = f"{rng.choice(things)} {rng.choice(praise if good else blame)}"
            parts.append((f"In {title}, {phrase}.", aspect, "positive" if good else "negative"))
        parts += [(t.format(person=rng.choice(PEOPLE), place=rng.choice(PLACES)), None, None)
                  for t in rng.sample(FILLER, rng.randint(5, 9))]
        rng.shuffle(parts)
        spoiler = rng.random() < 0.15
        if spoiler:
            parts.insert(rng.randint(1, len(parts)), (rng.choice(SPOILERS), None, None))
        sentences, pos = [], 0
        for text, _aspect, _pol in parts:
            sentences.append({"start": pos, "end": pos + len(text), "text": text})
            pos += len(text) + 1
        body = " ".join(t for t, _, _ in parts)
        rated = rng.random() < 0.4
        rating_text, score = _rating(rng, verdict) if rated else (None, None)
        p_pos = {"positive": rng.uniform(0.65, 0.99), "mixed": rng.uniform(0.4, 0.62),
                 "negative": rng.uniform(0.01, 0.39)}[verdict]
        estimated = None if rated else round(100 * p_pos, 1)
        quote_idx = next(k for k, (_, a, _) in enumerate(parts) if a)
        quote = parts[quote_idx][0]
        roll = rng.random()
        status = "linked" if roll < 0.93 else "not_in_catalog" if roll < 0.94 else "ambiguous" if roll < 0.98 \
            else "none"
        film_id = fid if status in ("linked", "not_in_catalog") else None
        duplicate_of = review_ids[-1] if review_ids and rng.random() < 0.01 else None
        published = f"{rng.randint(2000, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        critic = rng.choice(critics)
        outlet = rng.choice(OUTLETS)
        reviews.append((rid, f"https://example.org/{rid}", "html", f"https://example.org/{rid}", outlet, critic,
                        f"{title} review: {rng.choice(['a triumph', 'a misfire', 'worth a look', 'a slog'])}",
                        published, body, duplicate_of, film_id, status, round(rng.uniform(0.4, 1.0), 3), "auto",
                        rating_text, score, verdict, "rating" if rated else "model", round(p_pos, 3), estimated,
                        spoiler, 0.8 if spoiler else 0.1, quote, now, now))
        candidates = [{"film_id": c, "title": films[c - 1][1], "year": films[c - 1][4], "directors": [],
                       "distance": round(rng.random(), 3), "confidence": round(rng.random(), 3), "penalties": {},
                       "fired": []} for c in dict.fromkeys([fid, *rng.sample(range(1, n_films + 1), rng.randint(1, 4))])]
        if status == "ambiguous":
            candidate_rows.extend((rid, c["film_id"], k, c["confidence"]) for k, c in enumerate(candidates))
        film_mentions = []
        for _ in range(rng.randint(0, 3)):
            other = rng.randint(1, n_films)
            film_mentions.append({"kind": "film", "text": films[other - 1][1], "start": 0, "end": 5,
                                  "sentence": sentences[0]["text"], "film_id": other, "confidence": 0.8})
        linking = {"status": status, "film_id": film_id, "confidence": 0.7, "recommendation": "strong",
                   "candidates": candidates[:5], "mentions": film_mentions, "cast": [], "notes": [],
                   "evidence": [{"kind": "title", "text": title, "start": 0, "end": len(title), "detail": "exact"}]}
        items = []
        for k, (text, aspect, pol) in enumerate(parts):
            if aspect:
                start = sentences[k]["start"]
                items.append({"aspect": aspect, "polarity": pol, "score": 0.8, "sentiment": 0.5,
                              "start": start, "end": start + len(text) - 1, "text": text[:-1], "sentence": k})
                aspects.append((rid, aspect, pol, 0.8, start, start + len(text) - 1, text[:-1]))
        spoiler_sents = [{"index": k, "start": sentences[k]["start"], "end": sentences[k]["end"], "score": 0.9,
                          "cues": ["twist"]} for k, (t, _, _) in enumerate(parts) if t in SPOILERS]
        stage_data = {
            "sentences": sentences,
            "ratings": {"best": {"text": rating_text, "score": score, "start": 0, "end": 3} if rated else None,
                        "mentions": []},
            "verdict": {"verdict": verdict, "source": "rating" if rated else "model", "p_positive": p_pos,
                        "estimated_score": estimated},
            "linking": linking,
            "aspects": {"items": items, "summary": {}},
            "spoilers": {"spoiler": spoiler, "confidence": 0.8 if spoiler else 0.1, "sentences": spoiler_sents,
                         "scores": []},
            "pullquote": {"text": quote, "start": sentences[quote_idx]["start"],
                          "end": sentences[quote_idx]["end"], "score": 0.7, "alternates": []},
        }
        analyses.extend((rid, stage, json.dumps(data), now) for stage, data in stage_data.items())
        for m in film_mentions:
            mentions.append((rid, "film", m["text"], 0, 5, m["sentence"], m["film_id"], None, 0.8))
        mentions.append((rid, "person", "someone", 10, 17, None, None, rng.randint(1, len(people)), 0.9))
        if rng.random() < 0.1:
            for k in range(rng.randint(1, 5)):
                cv = rng.choice(["positive", "negative", None])
                comments.append((rid, k, f"reader{k}", "Loved it, great fun." if cv == "positive" else
                                 "Not for me.", cv, 0.8 if cv == "positive" else 0.2))
        review_ids.append(rid)
        if len(reviews) >= batch:
            flush()
            con.commit()
    flush()
    con.commit()
    con.execute("ANALYZE")
    con.commit()
    con.close()
    counts = {}
    for fid in film_of:
        counts[fid] = counts.get(fid, 0) + 1
    return {"films": list(counts), "film_weights": [counts[f] for f in counts], "reviews": review_ids}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER = """
import sys, resource, atexit, uvicorn
from criticscope.config import load_settings
from criticscope.api import create_app
settings = load_settings(db_url=sys.argv[1])
settings.api.max_page_size = 500
atexit.register(lambda: print(f"server peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                              file=sys.stderr, flush=True))
if int(sys.argv[3]) > 1:
    uvicorn.run("criticscope.api:app_from_env", factory=True, host="127.0.0.1", port=int(sys.argv[2]),
                workers=int(sys.argv[3]), log_level="warning", access_log=False, timeout_keep_alive=60)
else:
    uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
                access_log=False, timeout_keep_alive=60)
"""


def start_server(db_path: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, CRITICSCOPE_DB=f"sqlite:///{db_path}")
    proc = subprocess.Popen([sys.executable, "-c", SERVER, f"sqlite:///{db_path}", str(port), str(workers)],
                            env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(base + "/api/v1/health", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


async def _load(base: str, paths: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Send every path once with ``concurrency`` clients; latencies in ms, wall time, errors."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            while True:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    resp = await client.get(path)
                except httpx.HTTPError as exc:  # counted, and the run goes on
                    errors += 1
                    print(f"  {path}: {exc!r}", file=sys.stderr)
                    continue
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += resp.status_code != 200

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, time.perf_counter() - t0, errors


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _cpu_seconds(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(math.ceil(p / 100 * len(ordered))) - 1)]


def measure(base: str, pid: int, ids: dict[str, list], n_requests: int, concurrency: int, seed: int = 11
            ) -> dict[str, dict]:
    rng = random.Random(seed)
    plans = {
        "health (baseline)": ["/api/v1/health"] * n_requests,
        "film page": [f"/api/v1/films/{f}" for f in rng.choices(ids["films"], weights=ids["film_weights"],
                                                                  k=n_requests)],
        "search": ["/api/v1/search?" + httpx.QueryParams({"q": q}).__str__()
                   for q in rng.choices(QUERIES, k=n_requests)],
        "review": [f"/api/v1/reviews/{r}" for r in rng.choices(ids["reviews"], k=n_requests)],
    }
    results = {}
    for name, paths in plans.items():
        asyncio.run(_load(base, paths[: max(50, n_requests // 10)], concurrency))  # warm-up
        cpu0 = _cpu_seconds(pid)
        lat, wall, errors = asyncio.run(_load(base, paths, concurrency))
        cpu = (_cpu_seconds(pid) - cpu0) * 1000 / max(1, len(lat))
        print(f"  {name}: {len(lat)} answered in {wall:.1f} s", file=sys.stderr)
        results[name] = {"p50": statistics.median(lat), "p99": _pct(lat, 99), "max": max(lat),
                         "rps": len(lat) / wall, "cpu_ms": cpu, "errors": errors}
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=int, default=100_000)
    ap.add_argument("--films", type=int, default=5_000)
    ap.add_argument("--requests", type=int, default=2_000, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--db", type=Path, help="build (or reuse, if it exists) the library at this path")
    ap.add_argument("--keep", action="store_true", help="keep the temporary library")
    args = ap.parse_args()

    tmp = None if args.db else Path(tempfile.mkdtemp(prefix="criticscope-bench-"))
    db_path = args.db or tmp / "bench.db"
    ids_path = db_path.with_suffix(".ids.json")
    if db_path.exists() and ids_path.exists():
        ids = json.loads(ids_path.read_text())
        print(f"reusing {db_path}")
    else:
        t0 = time.perf_counter()
        ids = build(db_path, args.reviews, args.films)
        ids_path.write_text(json.dumps(ids))
        store = Store.open(f"sqlite:///{db_path}")
        optimize_fulltext(store)  # what to run after any bulk import (see docs/api.md)
        store.close()
        print(f"built {args.reviews:,} reviews across {args.films:,} films in {time.perf_counter() - t0:.1f} s "
              f"({db_path.stat().st_size / 2**20:.0f} MB)")

    settings = load_settings(db_url=f"sqlite:///{db_path}")
    store = Store.open(settings.db_url)
    matches = sorted(count_reviews_matching(store, q) for q in QUERIES)
    print(f"search queries match {matches[0]:,} to {matches[-1]:,} reviews (median {matches[len(matches) // 2]:,})")
    t0, c0 = time.perf_counter(), time.process_time()
    aggregates = recompute_all(store, settings.aggregates)
    recompute, recompute_cpu = time.perf_counter() - t0, time.process_time() - c0
    store.close()
    biggest = max(a["critics"]["count"] for a in aggregates.values())
    print(f"full aggregate recomputation: {len(aggregates):,} films in {recompute:.2f} s wall, "
          f"{recompute_cpu:.2f} s CPU (goal < 30 s; largest film {biggest} reviews; "
          f"load average {os.getloadavg()[0]:.1f})")

    proc, base = start_server(db_path, args.workers)
    try:
        load0 = os.getloadavg()[0]
        results = measure(base, proc.pid, ids, args.requests, args.concurrency)
        load1 = os.getloadavg()[0]
    finally:
        proc.terminate()
        proc.wait(30)
    base_p99 = results["health (baseline)"]["p99"]
    print(f"\n{args.requests} requests per endpoint, {args.concurrency} concurrent clients, "
          f"{args.workers} uvicorn worker(s), {os.cpu_count()} CPUs, load average {load0:.1f} -> {load1:.1f}")
    print(f"{'endpoint':20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8} {'server CPU ms/req':>18} "
          f"{'p99/base':>9} errors")
    for name, r in results.items():
        print(f"{name:20} {r['p50']:8.1f} {r['p99']:8.1f} {r['max']:8.1f} {r['rps']:8.0f} {r['cpu_ms']:18.2f} "
              f"{r['p99'] / base_p99:9.2f} {r['errors']}")
    print("goal: p99 < 50 ms")
    print(f"bench peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if tmp is not None:
        if args.keep:
            print(f"library kept in {tmp}")
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
