"""Generated review pages for scale tests and benchmarks: plain-text and HTML pages about
films of the bundled catalog, with ratings, bylines, page furniture and reader comments,
plus JSONL shards, WARC files, broken inputs, exact copies and near-copies on request.

Every page is built from a seeded random generator, so a corpus is the same bytes on
every machine."""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

PRAISE = ("assured", "luminous", "gripping", "tender", "precise", "bold", "haunting", "funny", "generous",
          "elegant", "thrilling", "moving", "confident", "sharp", "beautifully paced")
SCORN = ("sluggish", "muddled", "shrill", "tedious", "hollow", "clumsy", "overlong", "flat", "lifeless",
         "predictable", "careless", "noisy", "thin", "forgettable", "laboured")
NOUNS = ("performance", "screenplay", "score", "cinematography", "editing", "direction", "ending", "dialogue",
         "production design", "pacing", "central relationship", "second act", "final reel", "ensemble",
         "soundtrack", "costume work", "visual effects", "camera work", "opening sequence", "structure")
FILLER = ("The film follows a family across one long summer, and the camera rarely leaves the house.",
          "Much of the story unfolds at night, in cars, corridors and half-lit kitchens.",
          "There is a long sequence on a ferry that shows what the whole project could have been.",
          "The story moves between two cities and three decades without ever losing its thread.",
          "A subplot about a rival business feels borrowed from another, busier film.",
          "The supporting players get scenes of their own, which is rarer than it should be.",
          "Its running time is felt most in the middle stretch, where the plot idles.",
          "The production found real locations, and the weather becomes a character of its own.",
          "Every so often a joke lands so cleanly that the audience around me gasped before laughing.",
          "The mystery at the centre is less interesting than the people trying to solve it.")
OUTLETS = ("The Evening Ledger", "Northern Screen", "Reel Notes", "The Harbour Review", "Cinema Weekly",
           "The Valley Courier", "Picture House Journal", "Lantern Film Magazine")
CRITICS = ("Ada Whitcombe", "Tomas Reyes", "Priya Nair", "Jonah Feld", "Mireille Caron", "Kwame Osei",
           "Hannah Lutz", "Declan Moore", "Sofia Marchetti", "Ben Okafor", "Ines Duarte", "Liam Gallagher")
COMMENTS = ("Great review, I felt exactly the same.", "Completely disagree, the ending was perfect.",
            "Saw it last night and loved every minute.", "Not for me, I walked out early.",
            "Thanks for not spoiling the twist!")


@dataclass
class Film:
    title: str
    year: int
    director: str
    cast: list[str] = field(default_factory=list)


def catalog_films(limit: int | None = None) -> list[Film]:
    """Films of the bundled catalog with a year and a director, in file order."""
    films: list[Film] = []
    folder = resources.files("criticscope") / "data" / "catalog"
    for name in ("films_recent.jsonl", "films_shared_titles.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("year") and row.get("directors") and row.get("title"):
                films.append(Film(row["title"], int(row["year"]), row["directors"][0], list(row.get("cast") or [])))
            if limit and len(films) >= limit:
                return films
    return films


@dataclass
class Review:
    """One generated review: the parts a page is rendered from."""

    film: Film
    critic: str
    outlet: str
    published: str
    rating: str
    paragraphs: list[str]
    comments: list[str]
    headline: str


def make_review(rng: random.Random, films: list[Film]) -> Review:
    film = rng.choice(films)
    stars = rng.randint(1, 5)
    good = stars >= 3
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        sents = []
        for _ in range(rng.randint(3, 5)):
            adj = rng.choice(PRAISE if (good if rng.random() < 0.8 else not good) else SCORN)
            sents.append(rng.choice((
                f"The {rng.choice(NOUNS)} is {adj}, and {film.director} knows it.",
                f"What stays with you is how {adj} the {rng.choice(NOUNS)} feels next to the {rng.choice(NOUNS)}.",
                f"{rng.choice(film.cast) if film.cast else film.director} gives a {adj} {rng.choice(NOUNS)} here.",
                f"By the {rng.choice(NOUNS)}, {film.title} has become something {adj}.",
                rng.choice(FILLER),
            )))
        paragraphs.append(" ".join(sents))
    paragraphs.insert(0, f"{film.director}'s {film.title} ({film.year}) arrives with expectations attached. "
                         + paragraphs.pop(0))
    rating = rng.choice((f"{stars}/5", f"{'★' * stars}{'☆' * (5 - stars)}", f"{stars * 2} out of 10",
                         f"Rating: {stars} stars"))
    month = rng.randint(1, 12)
    return Review(film=film, critic=rng.choice(CRITICS), outlet=rng.choice(OUTLETS),
                  published=f"{min(film.year + rng.randint(0, 1), 2026)}-{month:02d}-{rng.randint(1, 28):02d}",
                  rating=rating, paragraphs=paragraphs,
                  comments=rng.sample(COMMENTS, rng.randint(0, 2)),
                  headline=f"{film.title} ({film.year}) review: {rng.choice(PRAISE if good else SCORN)} and "
                           f"{rng.choice(PRAISE + SCORN)}")


def render_text(r: Review, *, furniture: int = 0) -> bytes:
    lines = ["Advertisement", "Film reviews", r.headline, f"By {r.critic}", f"Published: {r.published}",
             f"{3 + furniture % 5} min read", "Share this article", "", f"Rating: {r.rating}", ""]
    for i, p in enumerate(r.paragraphs):
        lines += [p, ""]
        if i == 1:
            lines += [f"A still from “{r.film.title}.”", "Credit: Studio Photo", "Advertisement", ""]
    if r.comments:
        lines += [f"{len(r.comments)} thoughts on “{r.headline}”"]
        for j, c in enumerate(r.comments):
            lines += [f"Reader {j + 1 + furniture} says:", f"{r.published} at 9:0{j} am", c, "Reply"]
        lines += ["Leave a Reply"]
    lines += [f"© {r.outlet}"]
    return "\n".join(lines).encode("utf-8")


def render_html(r: Review, *, furniture: int = 0) -> bytes:
    body = "".join(f"<p>{p}</p>" + ("<p>Advertisement</p>" if i == 2 else "") for i, p in enumerate(r.paragraphs))
    nav = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(6 + furniture % 4))
    comments = "".join(
        f"<li id='comment-{i}' class='comment'><div class='comment-author'><b class='fn'>Reader {i}</b></div>"
        f"<time datetime='{r.published}T10:00:00'>{r.published}</time>"
        f"<div class='comment-content'><p>{c}</p></div></li>" for i, c in enumerate(r.comments, 1))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{r.headline} | {r.outlet}</title><meta property='og:site_name' content='{r.outlet}'>"
        f"<meta name='author' content='{r.critic}'><meta property='article:published_time' content='{r.published}'>"
        "</head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{r.headline}</h1>"
        f"<p class='byline'>By {r.critic}</p><p class='rating'>Rating: {r.rating}</p>"
        f"<figure><img src='still.jpg'><figcaption>A still from “{r.film.title}.” Photo: Studio</figcaption></figure>"
        f"{body}</article></main>"
        + (f"<section id='comments' class='comments-area'><ol class='comment-list'>{comments}</ol></section>"
           if comments else "")
        + f"<footer><p>© {r.outlet}</p></footer></body></html>"
    ).encode("utf-8")


def near_copy(r: Review, rng: random.Random) -> Review:
    """The same review lightly edited (two words added to one paragraph), as a syndicated copy would be."""
    paragraphs = list(r.paragraphs)
    i = rng.randrange(len(paragraphs))
    paragraphs[i] = paragraphs[i] + " " + rng.choice(("Truly so.", "Quite right.", "No doubt."))
    return Review(**{**r.__dict__, "paragraphs": paragraphs, "outlet": rng.choice(OUTLETS)})


def jsonl_shard(reviews: list[Review], *, bad_line: bool = False) -> bytes:
    lines = [json.dumps({"url": f"https://reviews.example/{i}", "title": r.headline, "author": r.critic,
                         "outlet": r.outlet, "date": r.published,
                         "text": f"Rating: {r.rating}\n\n" + "\n\n".join(r.paragraphs)})
             for i, r in enumerate(reviews)]
    if bad_line:
        lines.insert(1, '{"url": "https://reviews.example/broken", "text": ')
    return ("\n".join(lines) + "\n").encode("utf-8")


def warc_file(reviews: list[Review]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for i, r in enumerate(reviews):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://archive.example/review/{i}", "response",
                                        payload=io.BytesIO(render_html(r)), http_headers=headers)
        writer.write_record(rec)
    return out.getvalue()


def write_corpus(folder: Path, pages: int, *, seed: int = 0, html_share: float = 0.5,
                 extras: bool = True) -> list[Path]:
    """Write ``pages`` single-page files into ``folder`` (``page-00000.txt|html`` ...) and return
    them sorted; with ``extras``, also a JSONL shard with a bad line, a WARC file, an empty file,
    a binary file, an exact copy of a page under other furniture and a near-copy."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    films = catalog_films()
    written: list[Path] = []
    reviews: list[Review] = []
    for i in range(pages):
        r = make_review(rng, films)
        reviews.append(r)
        html = rng.random() < html_share
        path = folder / f"page-{i:05d}.{'html' if html else 'txt'}"
        path.write_bytes(render_html(r) if html else render_text(r))
        written.append(path)
    if extras and reviews:
        extra = {
            "shard.jsonl": jsonl_shard([make_review(rng, films) for _ in range(3)], bad_line=True),
            "crawl.warc": warc_file([make_review(rng, films) for _ in range(2)]),
            "empty.txt": b"",
            "binary.txt": bytes(range(256)) * 8,
            "zz-copy.txt": render_text(reviews[0], furniture=3),
            "zz-near.txt": render_text(near_copy(reviews[-1], rng), furniture=1),
        }
        for name, data in extra.items():
            (folder / name).write_bytes(data)
            written.append(folder / name)
    return sorted(written)
