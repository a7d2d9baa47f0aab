"""The web UI on a real uvicorn server on a loopback port: every page, its JSON twin,
escaping of hostile strings, the decide flow and the ingest journal."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from criticscope.api import create_app
from criticscope.config import load_settings
from criticscope.library import Library
from criticscope.models import Analysis, Credit, Film, Mention, Person, ReaderComment, Review
from criticscope.store import Store

HOSTILE_TEXT = ('<script>window.__pwned = 1; document.title = "pwned"</script> Ballerina is a loud, kinetic '
                'spin-off. <img src=x onerror="window.__pwned = 2"> Ana de Armas is superb in every fight. '
                "Rating: 4/5.")
HOSTILE_HEADLINE = '<b onmouseover="window.__pwned = 3">Ballerina</b> review'
HOSTILE_CRITIC = "<script>window.__pwned = 4</script>"
SPOILER_SENTENCE = "In the end Eve burns the whole village down and the Director lets her walk away."
HOSTILE_FILENAME = '"><script>window.__pwned = 5</script>.txt'
AMBIGUOUS = "amb" + "0" * 17


@dataclass
class Ids:
    a: int  # Ballerina (2025): enough reviews for a score
    b: int  # Ballerina (2023): too few reviews
    c: int  # John Wick (2014): only compared with
    hostile: str
    spoiler: str
    ambiguous: str = AMBIGUOUS


def _rid(n: int) -> str:
    return f"w{n:02d}".ljust(20, "0")


def _person(s, name: str) -> int:
    p = Person(name=name, norm_name=name.lower())
    s.add(p)
    s.flush()
    return p.id


PLAIN = [  # critic, outlet, date, rating, score, verdict, text, [(aspect, polarity, evidence)], pull quote
    ("Maya Ortiz", "The Example Review", "2025-06-05", "9/10", 90, "positive",
     "From the World of John Wick: Ballerina is the rare spin-off that earns its place. Ana de Armas throws "
     "herself into every fight with ferocious conviction. The flamethrower duel is the best action set piece of "
     "the year. 9/10",
     [("performances", "positive", "Ana de Armas throws herself into every fight with ferocious conviction"),
      ("action", "positive", "The flamethrower duel is the best action set piece of the year")],
     "The flamethrower duel is the best action set piece of the year."),
    ("Tom Becker", "Northern Screen", "2025-06-06", "4/5", 80, "positive",
     "Len Wiseman's Ballerina is relentless fun. The choreography is inventive and brutal, and the cameo from "
     "Keanu Reeves lands. The plot is thin, but nobody came for the plot. 4/5",
     [("action", "positive", "The choreography is inventive and brutal"),
      ("story", "negative", "The plot is thin")],
     "Relentless fun: the choreography is inventive and brutal."),
    ("Priya Nair", "Film Desk Weekly", "2025-06-06", "2.5/5", 50, "mixed",
     "Ballerina looks expensive and moves fast, yet it feels weightless. The script is a checklist of revenge "
     "beats. De Armas is committed, though. 2.5/5",
     [("script", "negative", "The script is a checklist of revenge beats"),
      ("performances", "positive", "De Armas is committed")],
     "Ballerina looks expensive and moves fast, yet it feels weightless."),
    ("Sam Kowalski", "The Daily Reel", "2025-06-07", "1/5", 20, "negative",
     "A numbing parade of headshots. The dialogue is dreadful and the pacing sags in the middle hour. 1/5",
     [("script", "negative", "The dialogue is dreadful"), ("pacing", "negative", "the pacing sags in the middle hour")],
     "A numbing parade of headshots."),
    ("Lena Fischer", "Screen Notes", "2025-06-09", "B+", 83, "positive",
     "Ballerina expands the John Wick world with style. The cinematography bathes the Alpine village in cold "
     "blue light. B+",
     [("visuals", "positive", "The cinematography bathes the Alpine village in cold blue light")],
     "Ballerina expands the John Wick world with style."),
]
SPOILER_TEXT = ("Ballerina saves its best trick for the last act, and Ana de Armas carries it. The fights are "
                "staged with real wit. 3.5/5\n\n" + SPOILER_SENTENCE + " It earns that ending.")


def _analyses(s, rid: str, text: str, rating: str | None, score: float | None, aspects) -> None:
    if rating:
        start = text.rindex(rating)
        s.add(Analysis(review_id=rid, stage="ratings", data={"best": {
            "text": rating, "start": start, "end": start + len(rating), "score": score, "source": "text"},
            "mentions": []}))
    if aspects is None:
        return
    items = [{"aspect": name, "polarity": pol, "score": 0.9, "start": text.index(ev),
              "end": text.index(ev) + len(ev), "text": ev} for name, pol, ev in aspects]
    s.add(Analysis(review_id=rid, stage="aspects", data={
        "items": items, "summary": {i["aspect"]: {"polarity": i["polarity"]} for i in items}}))


def _candidate(film: Film, directors: list[str], confidence: float, fired: str) -> dict:
    return {"film_id": film.id, "title": film.title, "year": film.year, "directors": directors,
            "distance": round(1 - confidence, 3), "confidence": confidence, "penalties": {}, "fired": fired}


def populate_web(store: Store) -> Ids:
    """Three films: six varied reviews of one (with spans in their analyses, one with
    spoilers), two of another (one hostile), reader comments and one ambiguous review."""
    with store.session() as s:
        a = Film(title="Ballerina", norm_title="ballerina", year=2025, source="test", countries=["United States"])
        b = Film(title="Ballerina", norm_title="ballerina", year=2023, source="test", countries=["South Korea"])
        c = Film(title="John Wick", norm_title="john wick", year=2014, source="test")
        s.add_all([a, b, c])
        s.flush()
        for film, people in ((a, [("Len Wiseman", "director"), ("Ana de Armas", "actor"), ("Keanu Reeves", "actor"),
                                  ("Ian McShane", "actor"), ("Anjelica Huston", "actor")]),
                             (b, [("Lee Chung-hyun", "director"), ("Jeon Jong-seo", "actor")]),
                             (c, [("Chad Stahelski", "director")])):
            for i, (name, role) in enumerate(people):
                s.add(Credit(film_id=film.id, person_id=_person(s, name), role=role, ord=i))
        for i, (critic, outlet, date, rating, score, verdict, text, aspects, pull) in enumerate(PLAIN):
            s.add(Review(id=_rid(i), text=text, headline=f"Ballerina review: {pull.split(':')[0][:40]}",
                         critic=critic, outlet=outlet, published=date, film_id=a.id, link_status="linked",
                         link_confidence=0.92, verdict=verdict, spoiler=False, pull_quote=pull))
            s.flush()
            _analyses(s, _rid(i), text, rating, score, aspects)
            if "John Wick" in text:
                s.add(Mention(review_id=_rid(i), kind="film", text="John Wick", film_id=c.id))
        s.add(ReaderComment(review_id=_rid(0), position=0, author="nightowl",
                            text="Saw it twice. The flamethrower fight alone is worth the ticket.",
                            verdict="positive"))
        spoiler = _rid(11)
        s.add(Review(id=spoiler, text=SPOILER_TEXT, headline="Ballerina saves its best trick for last",
                     critic="Jonah Reyes", outlet="Example Weekly", published="2025-06-12", film_id=a.id,
                     link_status="linked", verdict="positive", pull_quote="The fights are staged with real wit."))
        s.flush()
        _analyses(s, spoiler, SPOILER_TEXT, "3.5/5", 70,
                  [("performances", "positive", "Ana de Armas carries it"),
                   ("action", "positive", "The fights are staged with real wit")])
        sp_start = SPOILER_TEXT.index(SPOILER_SENTENCE)
        s.add(Analysis(review_id=spoiler, stage="spoilers", data={
            "spoiler": True, "confidence": 0.9,
            "sentences": [{"index": 3, "start": sp_start, "end": sp_start + len(SPOILER_SENTENCE), "score": 0.9}]}))
        s.add(Analysis(review_id=spoiler, stage="linking", data={
            "status": "linked", "film_id": a.id, "confidence": 0.93, "recommendation": "strong",
            "candidates": [_candidate(a, ["Len Wiseman"], 0.93, ""),
                           _candidate(b, ["Lee Chung-hyun"], 0.31, "≠ year, director, cast")],
            "evidence": [{"kind": "headline_title", "text": "Ballerina", "start": None, "end": None, "detail": {}},
                         {"kind": "cast", "text": "Ana de Armas", "start": None, "end": None, "detail": {}}],
            "mentions": [{"kind": "film", "text": "John Wick", "start": None, "end": None, "film_id": c.id}]}))
        s.add(ReaderComment(review_id=spoiler, position=0, author="reel_talk",
                            text="Agreed about the ending, it was earned.", verdict="positive"))

        hostile = _rid(10)
        s.add(Review(id=hostile, text=HOSTILE_TEXT, headline=HOSTILE_HEADLINE, critic=HOSTILE_CRITIC,
                     outlet="<i>Outlet</i>", published="2023-10-20", film_id=b.id, link_status="linked",
                     verdict="positive", spoiler=False, url="javascript:window.__pwned = 6",
                     pull_quote="<script>window.__pwned = 7</script> superb"))
        s.flush()
        _analyses(s, hostile, HOSTILE_TEXT, "4/5", 80, None)
        s.add(Analysis(review_id=hostile, stage="aspects", data={"items": [
            {"aspect": "performances", "polarity": "positive", "start": HOSTILE_TEXT.index("Ana de Armas"),
             "end": HOSTILE_TEXT.index(" in every fight"), "text": "Ana de Armas is superb"},
            # a span across the injected markup: the tags must still come out escaped and well nested
            {"aspect": "<script>aspect</script>", "polarity": "negative", "start": 0, "end": 40}]}))
        s.add(Analysis(review_id=hostile, stage="linking", data={
            "status": "linked", "film_id": b.id, "confidence": 0.91, "recommendation": "strong",
            "candidates": [_candidate(b, ["Lee Chung-hyun"], 0.91, ""),
                           _candidate(a, ["Len Wiseman"], 0.4, "≠ year, director")],
            "evidence": [{"kind": "headline_title", "text": "Ballerina", "start": None, "end": None, "detail": {}},
                         {"kind": "cast", "text": "<script>window.__pwned = 8</script>", "start": None,
                          "end": None, "detail": {}}],
            "mentions": [{"kind": "film", "text": "John Wick", "start": None, "end": None, "film_id": c.id}]}))
        s.add(ReaderComment(review_id=hostile, position=0, author="<img src=x onerror=alert(1)>",
                            text="<script>window.__pwned = 9</script> Loved it", verdict="positive"))
        s.add(Review(id=_rid(12), text="Ballerina (2023) is a tight thriller.", headline="Tight", critic="Ines Moreau",
                     film_id=b.id, link_status="linked", verdict="positive"))

        s.add(Review(id=AMBIGUOUS, text="Ballerina is a dancer's revenge story, and the fights are terrific.",
                     headline="Ballerina: a review", critic="Critic A", link_status="ambiguous", verdict="positive"))
        s.flush()
        s.add(Analysis(review_id=AMBIGUOUS, stage="linking", data={
            "status": "ambiguous", "film_id": None, "confidence": 0.55, "recommendation": "low",
            "candidates": [_candidate(a, ["Len Wiseman"], 0.55, "≠ year"),
                           _candidate(b, ["Lee Chung-hyun"], 0.5, "≠ year, cast")],
            "evidence": [{"kind": "headline_title", "text": "Ballerina", "start": None, "end": None, "detail": {}}]}))
        ids = Ids(a=a.id, b=b.id, c=c.id, hostile=hostile, spoiler=spoiler)
    for rid in store.review_ids():  # project the stage outputs into summary columns and child tables
        store.save_doc(store.load_doc(rid))
    return ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port; yields the base URL."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(5)


def web_library(settings) -> Library:
    settings.pipeline.stages = ["sentences", "ratings", "spoilers"]  # fast stages; no catalog or models
    settings.api.max_upload_bytes = 50_000
    settings.api.max_upload_files = 3
    return Library(settings, Store.open(settings.db_url))


@contextlib.contextmanager
def serving(settings) -> Iterator[tuple[httpx.Client, Ids, Library]]:
    lib = web_library(settings)
    ids = populate_web(lib.store)
    try:
        with running(create_app(settings, library=lib)) as base, httpx.Client(base_url=base, timeout=60) as client:
            yield client, ids, lib
    finally:
        lib.close()


@pytest.fixture
def web(settings):
    """A fresh site for tests that write (decisions, uploads, settings)."""
    with serving(settings) as site:
        yield site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One site shared by the read-only tests of this module."""
    home = tmp_path_factory.mktemp("web-home")
    with serving(load_settings(env={"CRITICSCOPE_HOME": str(home)}, db_url=f"sqlite:///{home / 'cs.db'}")) as s:
        yield s


def _visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


# --- pages and their twins -------------------------------------------------------------


def test_home_page_and_twin(site):
    client, ids, _ = site
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'role="search"' in page.text and 'name="q"' in page.text
    data = client.get("/.json").json()
    assert client.get("/index.json").json() == data
    assert data["counts"] == {"reviews": 9, "films": 2, "critics": 9, "awaiting_decision": 1}
    for key, value in data["counts"].items():
        name = "awaiting" if key == "awaiting_decision" else key
        assert f'data-count="{name}">{value}<' in page.text
    assert [f["id"] for f in data["recent_films"]] and {f["id"] for f in data["recent_films"]} == {ids.a, ids.b}
    assert f'href="/films/{ids.a}"' in page.text
    assert '<link rel="alternate" type="application/json" href="/.json">' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_film_page_badge_chart_and_sections(site):
    client, ids, _ = site
    page = client.get(f"/films/{ids.a}")
    assert page.status_code == 200
    data = client.get(f"/films/{ids.a}.json").json()
    badge = data["badge"]
    # six reviews: three positive verdicts, a 4/5 counted positive by its rating, mixed, negative
    assert badge["shown"] and badge["of"] == 6 and badge["positive"] == 4
    assert badge["share_positive"] == pytest.approx(66.7)
    assert f'{badge["share_positive"]:g}<small>%</small>' in page.text
    assert f'<strong>{badge["average_score"]:g}</strong>/100' in page.text
    svg = re.search(r"<svg class=\"chart\".*?</svg>", page.text, re.S)
    assert svg is not None
    bars = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg.group(0))
    counts = [b["count"] for b in data["aggregates"]["critics"]["distribution"]]
    assert len(bars) == 5 and sum(counts) == 6
    tallest = max(range(5), key=lambda i: counts[i])
    assert float(bars[tallest]) == max(float(h) for h in bars) > 0
    assert [float(h) > 0 for h in bars] == [c > 0 for c in counts]
    text = _visible_text(page.text)
    assert "Len Wiseman" in text and "Ana de Armas" in text
    assert "Looking for" in text and f'href="/films/{ids.b}"' in page.text and "Ballerina (2023)" in text
    assert f'href="/films/{ids.c}"' in page.text  # compared with John Wick
    assert "awaits a decision" in text and 'href="/decide"' in page.text
    assert "action" in re.search(r'id="aspects".*?</section>', page.text, re.S).group(0)
    for quote in data["aggregates"]["consensus"]:
        assert quote["text"] in unescape(page.text)
    assert 'id="audience"' in page.text and "2 comments" in text and "worth the ticket" in text
    rows = re.findall(r'data-review-id="([^"]+)"', page.text)
    assert sorted(rows) == sorted(r["id"] for r in data["reviews"])
    assert "9/10" in text and "2.5/5" in text and "Maya Ortiz" in text and "Northern Screen" in text
    assert "spoilers" in re.search(rf'data-review-id="{ids.spoiler}".*?</li>', page.text, re.S).group(0)
    assert "spoilers" not in re.search(rf'data-review-id="{_rid(0)}".*?</li>', page.text, re.S).group(0)


def test_film_with_too_few_reviews_says_so(site):
    client, ids, _ = site
    page = client.get(f"/films/{ids.b}")
    data = client.get(f"/films/{ids.b}.json").json()
    assert data["badge"]["shown"] is False and data["badge"]["needed"] == "2 of 5 reviews needed"
    text = _visible_text(page.text)
    assert "Not enough reviews yet" in text and "2 of 5 reviews needed" in text
    assert f'href="/films/{ids.a}"' in page.text  # "Looking for Ballerina (2025)?"


def test_review_page_marks_evidence_and_hides_spoilers(site):
    client, ids, _ = site
    page = client.get(f"/reviews/{ids.hostile}")
    assert page.status_code == 200
    assert re.search(r'<mark class="rating" title="rating: 4/5 → 80/100">4/5</mark>', page.text)
    assert re.search(r'<u class="aspect aspect-positive" title="performances" data-aspect="performances">'
                     r"Ana de Armas is superb</u>", page.text)
    why = re.search(r'id="why".*?</section>', page.text, re.S).group(0)
    assert "91%" in why and "40%" in why and "≠ year, director" in why
    assert re.search(rf'id="mentioned".*?href="/films/{ids.c}"', page.text, re.S)
    assert re.search(r'id="comments".*?Loved it', page.text, re.S)
    data = client.get(f"/reviews/{ids.hostile}.json").json()
    assert data["why"]["candidates"][1]["confidence_pct"] == 40
    assert data["mentioned_films"] == [{"id": ids.c, "title": "John Wick", "year": 2014, "mentions": 1}]

    hidden = client.get(f"/reviews/{ids.spoiler}")
    assert 'class="review-text" id="review-text"' in hidden.text  # no spoilers-shown class
    assert re.search(r'<span class="spoiler" id="spoiler-1"><a class="spoiler-cover" href="\?spoilers=show#spoiler-1"'
                     r' data-reveal>Spoiler hidden: show</a><span class="spoiler-text">In the end Eve', hidden.text)
    assert 'href="?spoilers=show"' in hidden.text
    shown = client.get(f"/reviews/{ids.spoiler}", params={"spoilers": "show"})
    assert 'class="review-text spoilers-shown"' in shown.text and 'href="?spoilers=hide"' in shown.text
    safe = client.get(f"/reviews/{ids.spoiler}.json").json()
    assert SPOILER_SENTENCE not in safe["text"] and "[spoiler hidden]" in safe["text"]
    assert SPOILER_SENTENCE in client.get(f"/reviews/{ids.spoiler}.json", params={"spoilers": "show"}).json()["text"]
    assert safe["spans"]["spoilers"][0]["score"] == 0.9


def test_search_page_and_twin(site):
    client, ids, lib = site
    page = client.get("/search", params={"q": "de armas"})
    data = client.get("/search.json", params={"q": "de armas"}).json()
    assert page.status_code == 200 and data["q"] == "de armas"
    expected = {r.id: r.film_id for r in lib.reviews() if "de armas" in r.text.lower()}
    assert len(expected) == 4 and {h["review_id"]: h["film"]["id"] for h in data["reviews"]} == expected
    for hit in data["reviews"]:
        assert f'href="/reviews/{hit["review_id"]}"' in page.text
    films = client.get("/search.json", params={"q": "ballerina"}).json()["films"]
    assert [f["id"] for f in films] == [ids.a, ids.b]  # most reviewed first
    assert films[0]["directors"] == ["Len Wiseman"]
    film_page = client.get("/search", params={"q": "ballerina"}).text
    assert f'href="/films/{ids.a}"' in film_page and f'href="/films/{ids.b}"' in film_page
    semantic = client.get("/search", params={"q": "fights", "semantic": "1"})
    assert re.search(r'name="semantic" value="1" checked', semantic.text)
    assert client.get("/search.json", params={"q": "fights", "semantic": "1"}).json()["semantic"] is True
    spoiler_hits = client.get("/search.json", params={"q": "burns village"}).json()["reviews"]
    assert [h["review_id"] for h in spoiler_hits] == [ids.spoiler]
    assert "burns" not in spoiler_hits[0]["snippet"] and "[spoiler hidden]" in spoiler_hits[0]["snippet"]
    listing = re.search(r'id="review-results".*?</section>', client.get("/search", params={"q": "burns village"}).text,
                        re.S).group(0)
    assert "[spoiler hidden]" in listing and "burns the whole" not in listing
    empty = client.get("/search.json").json()
    assert empty["films"] == [] and empty["reviews"] == []


def test_semantic_search_finds_sentences_by_meaning(web):
    client, _, lib = web
    lib.run_stages(lib.store.review_ids(), ["sentences"])  # sentence spans; evaluative ones get embedded
    data = client.get("/search.json", params={"q": "thrilling fight scenes", "semantic": "1"}).json()
    assert data["semantic"] is True and data["reviews"]
    top = data["reviews"][0]
    assert any(w in top["sentence"]["text"].lower() for w in ("fight", "action", "choreography", "duel"))
    assert all(SPOILER_SENTENCE not in h["snippet"] for h in data["reviews"])
    page = client.get("/search", params={"q": "thrilling fight scenes", "semantic": "1"}).text
    assert f'href="/reviews/{top["review_id"]}"' in page and unescape(page).count(top["sentence"]["text"]) >= 1


def test_not_found_pages_are_html_and_twins_json(site):
    client, _, _ = site
    for path in ("/films/999999", "/films/notanumber", "/reviews/nosuchreview", "/no/such/page",
                 "/static/missing.css"):
        resp = client.get(path)
        assert resp.status_code == 404, path
        assert resp.headers["content-type"].startswith("text/html") and "Not found" in resp.text
    twin = client.get("/films/999999.json")
    assert twin.status_code == 404 and twin.json()["error"]["status"] == 404
    assert client.get("/api/v1/films/999999").json()["error"]["status"] == 404  # the API stays JSON


# --- escaping --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/films/{b}", "/reviews/{hostile}", "/search?q=ballerina+superb", "/",
                                  "/decide"])
def test_hostile_strings_are_escaped(site, path):
    client, ids, _ = site
    html = client.get(path.format(b=ids.b, hostile=ids.hostile)).text
    assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "<i>Outlet</i>" not in html and "<script>aspect" not in html
    assert 'href="javascript:' not in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(s == f'<script src="/static/criticscope.js?v={_version()}" defer>' for s in scripts)


def test_hostile_review_text_is_shown_as_text(site):
    client, ids, _ = site
    html = client.get(f"/reviews/{ids.hostile}").text
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in html
    assert "&lt;b onmouseover=&#34;window.__pwned = 3&#34;&gt;Ballerina&lt;/b&gt; review" in html
    assert 'title="&lt;script&gt;aspect&lt;/script&gt;"' in html
    # the span across the injected tag is closed exactly once, so the nesting stays valid
    text = re.search(r'id="review-text"[^>]*>(.*?)</section>', html, re.S).group(1)
    assert text.count("<u ") == text.count("</u>") and text.count("<mark") == text.count("</mark>")


def test_hostile_upload_name_is_escaped(web):
    client, _, _ = web
    body = b"Ballerina\n\nA hostile upload that is still a review: the fights are superb. 4/5."
    resp = client.post("/ingest", files=[("files", (HOSTILE_FILENAME, body, "text/plain"))])
    assert resp.status_code == 200
    assert "<script>window.__pwned = 5" not in resp.text
    assert "&lt;script&gt;window.__pwned = 5&lt;/script&gt;.txt" in resp.text


# --- decide ----------------------------------------------------------------------------


def test_decide_page_lists_candidates_and_records_a_person_link(web):
    client, ids, lib = web
    page = client.get("/decide")
    data = client.get("/decide.json").json()
    assert data["count"] == 1 and data["queue"][0]["review"]["id"] == AMBIGUOUS
    cands = data["queue"][0]["candidates"]
    assert [(c["film_id"], c["confidence_pct"], c["fired"]) for c in cands] == [(ids.a, 55, "≠ year"),
                                                                                 (ids.b, 50, "≠ year, cast")]
    form = re.search(rf'<form method="post" action="/decide/{AMBIGUOUS}".*?</form>', page.text, re.S).group(0)
    assert f'name="film_id" value="{ids.a}"' in form and f'name="film_id" value="{ids.b}"' in form
    assert 'value="none"' in form and "Len Wiseman" in form and "Lee Chung-hyun" in form
    assert 'name="api_key"' not in form  # no key configured

    resp = client.post(f"/decide/{AMBIGUOUS}", data={"film_id": str(ids.b), "decided_by": "Editor"})
    assert resp.status_code == 303 and resp.headers["location"] == f"/decide?done={AMBIGUOUS}"
    review = lib.review(AMBIGUOUS)
    assert (review.film_id, review.link_source, review.link_status) == (ids.b, "user", "linked")
    decision = lib.store.link_decision(AMBIGUOUS)
    assert decision.film_id == ids.b and decision.decided_by == "Editor"
    after = client.get(resp.headers["location"])
    assert 'id="decided"' in after.text and "Ballerina (2023)" in _visible_text(after.text)
    assert 'id="nothing-to-decide"' in after.text
    # a re-run of the linking stage keeps the person's decision
    lib.store.save_doc(lib.store.load_doc(AMBIGUOUS), stages=["linking"])
    assert lib.review(AMBIGUOUS).film_id == ids.b
    assert client.get(f"/reviews/{AMBIGUOUS}.json").json()["why"]["decided_by_person"] is True


def test_decide_none_and_bad_input(web):
    client, ids, lib = web
    assert client.post(f"/decide/{AMBIGUOUS}", data={"film_id": "banana"}).status_code == 400
    assert client.post(f"/decide/{AMBIGUOUS}", data={"film_id": "999999"}).status_code == 404
    missing = client.post("/decide/nosuchreview", data={"film_id": str(ids.a)})
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert lib.store.link_decision(AMBIGUOUS) is None
    resp = client.post(f"/decide/{AMBIGUOUS}", data={"film_id": "none"})
    assert resp.status_code == 303
    review = lib.review(AMBIGUOUS)
    assert review.film_id is None and review.link_status == "none" and review.link_source == "user"


def test_write_forms_need_the_api_key_when_configured(web):
    client, ids, lib = web
    lib.settings.api.api_key = "sekret"
    assert 'name="api_key"' in client.get("/decide").text and 'name="api_key"' in client.get("/ingest").text
    denied = client.post(f"/decide/{AMBIGUOUS}", data={"film_id": str(ids.a)})
    assert denied.status_code == 401 and "API key" in denied.text
    wrong = client.post(f"/decide/{AMBIGUOUS}", data={"film_id": str(ids.a), "api_key": "guess"})
    assert wrong.status_code == 401 and lib.store.link_decision(AMBIGUOUS) is None
    ok = client.post(f"/decide/{AMBIGUOUS}", data={"film_id": str(ids.a), "api_key": "sekret"})
    assert ok.status_code == 303 and lib.review(AMBIGUOUS).film_id == ids.a
    upload = [("files", ("a.txt", b"Some review text that is long enough to keep.", "text/plain"))]
    assert client.post("/ingest", files=upload).status_code == 401
    assert client.post("/ingest", files=upload, data={"api_key": "sekret"}).status_code == 200


# --- ingest ----------------------------------------------------------------------------


def test_ingest_shows_the_journal_with_errors_and_links(web):
    client, _, lib = web
    good = ("Sinners (2025)\n\nRyan Coogler's Sinners is a blues-soaked vampire epic, and Michael B. Jordan is "
            "magnetic in a double role. Four stars out of five: ★★★★☆\n").encode()
    resp = client.post("/ingest", files=[("files", ("sinners.txt", good, "text/plain")),
                                         ("files", ("empty.txt", b"", "text/plain"))],
                       data={"text": "Pasted: Nosferatu (2024) is a gorgeous nightmare, and Lily-Rose Depp is "
                                     "ferocious. 9/10."})
    assert resp.status_code == 200
    journal = re.search(r'<table class="journal-table">.*?</table>', resp.text, re.S).group(0)
    rows = re.findall(r'<tr class="status-(\w+)">\s*<td class="origin">([^<]+)', journal)
    assert rows == [("ok", "upload:sinners.txt"), ("failed", "upload:empty.txt"), ("ok", "paste:pasted-text.txt")]
    assert "empty input" in journal
    run_id = re.search(r'data-run-id="([0-9a-f]+)"', resp.text).group(1)
    links = re.findall(r'<a href="/reviews/([0-9a-f]+)" class="review-link"', journal)
    assert len(links) == 2
    for rid in links:
        review = client.get(f"/reviews/{rid}.json").json()
        assert review["review_id"] == rid and review["rating"] is not None  # the ratings stage ran
    twin = client.get("/ingest.json", params={"run": run_id}).json()["run"]
    assert [r["status"] for r in twin["journal"]] == ["ok", "failed", "ok"] and twin["failed"] == 1
    assert twin["reviews"] == links
    later = client.get("/ingest", params={"run": run_id}).text
    assert all(f'href="/reviews/{rid}"' in later for rid in links)
    assert run_id in client.get("/ingest").text  # listed among recent runs
    as_json = client.post("/ingest.json", files=[("files", ("again.txt", good, "text/plain"))]).json()
    assert as_json["journal"][0]["status"] == "duplicate" and as_json["reviews"] == [links[0]]


def test_ingest_rejects_empty_and_oversized_uploads(web):
    client, _, _ = web
    nothing = client.post("/ingest", data={"text": "   "})
    assert nothing.status_code == 400 and "nothing to ingest" in nothing.text
    big = client.post("/ingest", files=[("files", ("big.txt", b"x" * 60_000, "text/plain"))])
    assert big.status_code == 413 and big.headers["content-type"].startswith("text/html")
    many = client.post("/ingest", files=[("files", (f"{i}.txt", b"x", "text/plain")) for i in range(4)])
    assert many.status_code == 413
    assert client.post("/ingest.json", data={"text": ""}).json()["error"]["status"] == 400


# --- the standalone report ---------------------------------------------------------------


def test_report_command_writes_a_self_contained_page(web, tmp_path: Path):
    _, ids, lib = web
    from criticscope.cli import main

    out = tmp_path / "film.html"
    runner = CliRunner()
    result = runner.invoke(main, ["--db", lib.settings.db_url, "report", str(ids.a), "--html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and ".badge" in html and "/static/" not in html
    assert "<script" not in html and "<svg" in html and "Ballerina" in html and "66.7" in html
    assert 'href="/' not in html  # no links that would break offline
    linked = runner.invoke(main, ["--db", lib.settings.db_url, "report", str(ids.a), "--html",
                                  "--base-url", "https://critics.example.org/"])
    assert f'href="https://critics.example.org/films/{ids.b}"' in linked.output
    as_json = runner.invoke(main, ["--db", lib.settings.db_url, "report", str(ids.a)])
    assert '"share_positive": 66.7' in as_json.output
    missing = runner.invoke(main, ["--db", lib.settings.db_url, "report", "999999", "--html"])
    assert missing.exit_code != 0 and "no film" in missing.output


def _version() -> str:
    from criticscope import __version__

    return __version__
