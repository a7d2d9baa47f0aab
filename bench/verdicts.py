"""Throughput of verdict prediction on long reviews, beside VADER in the same run.

Long reviews are built from the package's held-out IMDb reviews, three at a time joined
as paragraphs (about 4,000 characters and 30 sentences each).  Three paths are timed:

* ``per review``: what the pipeline stage does for one document: ``VerdictModel.review``
  with its own sentence split, and again with rating extraction
  (``criticscope.ratings.extract_ratings``, when that module is present) before it;
* ``batched``: ``VerdictModel.reviews`` over batches of 64 (one vectoriser pass per batch);
* ``VADER``: ``polarity_scores`` of the whole text (the baseline).

Rates are given per wall-clock second and per CPU second of this process (the two agree
on an idle machine; the second is the fair figure when other jobs share the CPUs).
Peak memory is the process's maximum resident set size (``resource.getrusage``).

    python bench/verdicts.py [--n 600]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

from criticscope.config import load_settings
from criticscope.verdicts import data, load_model

try:
    from criticscope.ratings import extract_ratings
except ImportError:  # the ratings stage is optional for this benchmark
    extract_ratings = None


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def long_reviews(n: int) -> list[str]:
    rows = data.split_rows(data.load_rows(), "test", "imdb")
    texts = [r.text.replace("<br /><br />", "\n\n").replace("<br />", " ") for r in rows]
    return ["\n\n".join(texts[i * 3: i * 3 + 3]) for i in range(min(n, len(texts) // 3))]


def timed(label: str, fn, reviews: list[str]) -> tuple[str, float, float]:
    """(label, reviews per wall-clock second, reviews per CPU second of this process)."""
    started, cpu = time.perf_counter(), time.process_time()
    fn(reviews)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return label, len(reviews) / seconds, len(reviews) / max(cpu_seconds, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600, help="number of long reviews")
    args = parser.parse_args(argv)

    settings = load_settings()
    before = peak_mb()
    started = time.perf_counter()
    model = load_model(settings)
    load_seconds = time.perf_counter() - started
    after_load = peak_mb()
    reviews = long_reviews(args.n)
    chars = sum(map(len, reviews)) / len(reviews)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()

    def per_review(texts: list[str]) -> None:
        for text in texts:
            model.review(text)

    def per_review_with_ratings(texts: list[str]) -> None:
        for text in texts:
            extract_ratings(text)
            model.review(text)

    def batched(texts: list[str]) -> None:
        for i in range(0, len(texts), 64):
            model.reviews(texts[i: i + 64])

    def vader_all(texts: list[str]) -> None:
        for text in texts:
            vader.polarity_scores(text)

    model.reviews(reviews[:8])  # warm-up
    rows = [timed("verdict model, per review", per_review, reviews)]
    if extract_ratings is not None:
        rows.append(timed("verdict model + rating extraction, per review", per_review_with_ratings, reviews))
    rows += [
        timed("verdict model, batched (64)", batched, reviews),
        timed("VADER compound (baseline)", vader_all, reviews),
    ]
    load = os.getloadavg()[0]
    print(f"{len(reviews)} long reviews, {chars:.0f} characters on average; model load {load_seconds:.2f} s; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"  {'':48} {'reviews/s':>10} {'per CPU-s':>10}")
    for label, rate, cpu_rate in rows:
        print(f"  {label:48} {rate:10.1f} {cpu_rate:10.1f}")
    print(f"peak RSS: {before:.0f} MB at start, {after_load:.0f} MB after loading the model, "
          f"{peak_mb():.0f} MB at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
