"""Extraction throughput: criticscope.extract on generated text and HTML review pages,
beside ``trafilatura.extract`` alone on the same HTML pages, in the same process.

    python bench/ingest.py --pages 500

Prints pages per second of CPU time for each phase (the wall-clock rate too, which suffers when
the machine is busy) and the process's peak resident memory after it (``resource.getrusage``;
the high-water mark only grows).  The HTML comparison is also run page by page, alternating the
two extractors, so that load hits both sides alike.
Goals: text pages >= 200/s; HTML within 2x of trafilatura alone.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable

import trafilatura

from criticscope.extract import ExtractedPage, extract

WORDS = ("film director camera performance score light night city river family memory revenge silence "
         "actor frame story ending scene dialogue colour tension grief humour violence house road").split()
FILMS = [("Oldboy", 2003, "Park Chan-wook"), ("Dune", 2021, "Denis Villeneuve"), ("Suspiria", 1977, "Dario Argento"),
         ("Crash", 1996, "David Cronenberg"), ("Heat", 1995, "Michael Mann"), ("Alien", 1979, "Ridley Scott")]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def text_page(rng: random.Random) -> bytes:
    title, year, director = rng.choice(FILMS)
    paras = [paragraph(rng) for _ in range(rng.randint(6, 10))]
    lines = ["Advertisement", "Film reviews", f"{title} ({year}) review: {director} at full stretch",
             "By Jane Critic", "Published: March 3, 2024", "5 min read", "Share this article", "",
             "Rating: 3/5 stars", ""]
    for i, p in enumerate(paras):
        lines += [p, ""]
        if i == 2:
            lines += [f"Jane Doe in “{title}.”", "Credit: Studio Photo", "Advertisement", ""]
        if i == 4:
            lines += ["Select Voice", "Choose your listening speed", "1.25x", "Slow", "Average", "Fast", ""]
    lines += ["2 thoughts on “review”", "Sam Reader says:", "March 4, 2024 at 9:02 am",
              "I liked this review.", "Reply", "Leave a Reply"]
    return "\n".join(lines).encode()


def html_page(rng: random.Random) -> bytes:
    title, year, director = rng.choice(FILMS)
    body = "".join(f"<p>{paragraph(rng)}</p>" + ("<p>Advertisement</p>" if i == 3 else "")
                   for i in range(rng.randint(6, 10)))
    nav = "".join(f"<li><a href='/{w}'>{w.title()}</a></li>" for w in WORDS[:12])
    comments = "".join(
        f"<li id='comment-{i}' class='comment'><div class='comment-author'><b class='fn'>Reader {i}</b></div>"
        f"<time datetime='2024-03-0{i}T10:00:00'>March {i}, 2024</time>"
        f"<div class='comment-content'><p>{sentence(rng)}</p></div></li>" for i in range(1, 4))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} review | Bench Weekly</title><meta property='og:site_name' content='Bench Weekly'>"
        "<script type='application/ld+json'>{\"@type\": \"Review\", \"author\": {\"name\": \"Jane Critic\"},"
        f" \"itemReviewed\": {{\"@type\": \"Movie\", \"name\": \"{title}\", \"dateCreated\": \"{year}\"}},"
        " \"reviewRating\": {\"ratingValue\": 3, \"bestRating\": 5}}</script>"
        "<script>var tracking = {a: 1};</script></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title} review</h1>"
        "<p class='byline'>By Jane Critic</p>"
        f"<figure><img src='a.jpg'><figcaption>Jane Doe in “{title}.” Photo: Studio</figcaption></figure>"
        f"{body}</article></main>"
        f"<section id='comments' class='comments-area'><ol class='comment-list'>{comments}</ol></section>"
        "<footer><p>© 2024 Bench Weekly</p></footer></body></html>"
    ).encode()


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def run(label: str, pages: list[bytes], fn: Callable[[bytes], object]) -> float:
    """Pages per second of CPU time (wall-clock rate shown too: it suffers on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    for data in pages:
        fn(data)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    rate = len(pages) / cpu
    print(f"{label:42} {len(pages):6d} pages  {rate:8.1f} pages/s CPU  ({len(pages) / elapsed:7.1f}/s wall)"
          f"  peak RSS {peak_mb():7.1f} MB")
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per phase")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = [text_page(rng) for _ in range(args.pages)]
    htmls = [html_page(rng) for _ in range(args.pages)]

    def check(data: bytes, name: str) -> None:
        pages = extract(data, name=name)
        assert pages and isinstance(pages[0], ExtractedPage), pages

    # warm-up so imports and regex compilation are not timed
    check(texts[0], "w.txt")
    check(htmls[0], "w.html")
    trafilatura.extract(htmls[0].decode())
    print(f"baseline RSS after warm-up: {peak_mb():.1f} MB")
    text_rate = run("criticscope.extract  (text pages)", texts, lambda d: check(d, "p.txt"))
    trafi_rate = run("trafilatura.extract  (HTML pages, baseline)", htmls, lambda d: trafilatura.extract(d.decode()))
    html_rate = run("criticscope.extract  (HTML pages)", htmls, lambda d: check(d, "p.html"))
    # the same comparison page by page, alternating, so machine load hits both sides alike
    ours = theirs = 0.0
    for data in htmls:
        t0 = time.process_time()
        trafilatura.extract(data.decode())
        t1 = time.process_time()
        check(data, "p.html")
        t2 = time.process_time()
        theirs += t1 - t0
        ours += t2 - t1
    print(f"{'interleaved: trafilatura / criticscope':42} {len(htmls):6d} pages  "
          f"{len(htmls) / theirs:8.1f} / {len(htmls) / ours:.1f} pages/s")
    print()
    print(f"text pages/s: {text_rate:.1f} (goal >= 200: {'ok' if text_rate >= 200 else 'MISSED'})")
    ratio = trafi_rate / html_rate
    paired = ours / theirs
    print(f"HTML: criticscope takes {ratio:.2f}x the time of trafilatura alone ({paired:.2f}x interleaved; "
          f"goal <= 2x: {'ok' if max(ratio, paired) <= 2 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
