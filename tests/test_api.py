"""The REST API on a real uvicorn server on a loopback port, called with httpx."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn

import criticscope
from criticscope.api import create_app
from criticscope.library import Library
from criticscope.models import Analysis, Film, ReaderComment, Review
from criticscope.store import Store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def populate(store: Store) -> dict[str, int]:
    """Two films sharing a title, reviews with analyses, one ambiguous review."""
    with store.session() as s:
        a = Film(title="Solaris", norm_title="solaris", year=1972, source="test", countries=["Soviet Union"])
        b = Film(title="Solaris", norm_title="solaris", year=2002, source="test", countries=["United States"])
        s.add_all([a, b])
        s.flush()
        for i in range(6):
            rid = f"r{i:02d}" + "0" * 16
            verdict = ["positive", "positive", "mixed", "negative", "positive", "positive"][i]
            s.add(Review(id=rid, text=f"Review {i}: Tarkovsky's Solaris is a slow, hypnotic masterpiece. "
                                      "The final image of the island is unforgettable.",
                         headline=f"Solaris review {i}", critic=f"Critic {i % 3}", outlet="The Daily Example",
                         published=f"2024-0{1 + i % 9}-15", film_id=a.id, link_status="linked",
                         link_confidence=0.9, verdict=verdict, rating_score=[80, 90, None, 30, None, 75][i],
                         rating_text=[ "4/5", "9/10", None, "3/10", None, "B"][i], spoiler=(i == 3),
                         pull_quote=f"A hypnotic masterpiece, part {i}."))
            s.flush()
            s.add(Analysis(review_id=rid, stage="ratings",
                           data={"best": {"text": "4/5", "start": 0, "end": 3, "score": 80}, "mentions": []}))
        s.add(Review(id="amb" + "0" * 17, text="Solaris, the space film with the ocean planet, is long.",
                     verdict="mixed"))
        s.add(ReaderComment(review_id="r00" + "0" * 16, position=0, text="Loved it", verdict="positive"))
        ids = {"a": a.id, "b": b.id}
    doc = store.load_doc("amb" + "0" * 17)  # stored the way the pipeline stores it
    doc.ext["linking"] = {"status": "ambiguous", "film_id": None,
                          "candidates": [{"film_id": ids["a"]}, {"film_id": ids["b"]}]}
    store.save_doc(doc, stages=["linking"])
    return ids


@pytest.fixture
def server(settings):
    settings.pipeline.stages = []  # the API layer is tested without the analysis models
    settings.api.max_upload_bytes = 50_000
    settings.api.max_upload_files = 3
    settings.api.max_page_size = 100
    lib = Library(settings, Store.open(settings.db_url))
    ids = populate(lib.store)
    app = create_app(settings, library=lib)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=30) as client:
        yield client, ids, lib
    srv.should_exit = True
    thread.join(5)
    lib.close()


def _error_shape(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_health_and_openapi(server):
    client, _, _ = server
    assert client.get("/health").json() == {"status": "ok", "version": criticscope.__version__, "database": "sqlite"}
    spec = client.get("/openapi.json").json()
    assert "/api/v1/films/{film_id}" in spec["paths"]
    assert spec["paths"]["/api/v1/reviews/{review_id}/link"]["post"]["operationId"] == "set_review_link"


def test_film_with_aggregates(server):
    client, ids, _ = server
    film = client.get(f"/films/{ids['a']}").json()
    critics = film["aggregates"]["critics"]
    assert critics["count"] == 6
    assert critics["share_positive"]["shown"] and critics["share_positive"]["value"] == pytest.approx(66.7)
    assert critics["average_score"]["value"] == pytest.approx((80 + 90 + 30 + 75) / 4, abs=0.05)  # shown to one decimal
    assert film["aggregates"]["awaiting_decision"]["count"] == 1
    assert film["aggregates"]["audience"]["count"] == 1
    assert film["same_title"] == [{"id": ids["b"], "title": "Solaris", "year": 2002}]


def test_lists_are_paginated(server):
    client, ids, _ = server
    page = client.get("/reviews", params={"limit": 2, "offset": 1}).json()
    assert page["count"] == 7 and len(page["data"]) == 2 and page["offset"] == 1
    films = client.get("/films").json()
    assert films["count"] == 1 and films["data"][0]["reviews"] == 6
    critics = client.get("/critics").json()
    assert {c["name"] for c in critics["data"]} == {"Critic 0", "Critic 1", "Critic 2"}
    reviews = client.get(f"/films/{ids['a']}/reviews", params={"limit": 4}).json()
    assert reviews["count"] == 6 and len(reviews["data"]) == 4


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "ten"}])
def test_bad_pagination(server, params):
    client, _, _ = server
    _error_shape(client.get("/reviews", params=params), 422)


def test_unknown_ids(server):
    client, _, _ = server
    assert "no review" in _error_shape(client.get("/reviews/doesnotexist"), 404)["message"]
    _error_shape(client.get("/films/999999"), 404)
    _error_shape(client.get("/films/notanumber"), 422)
    _error_shape(client.get("/no/such/route"), 404)


def test_review_detail_has_spans(server):
    client, _, _ = server
    body = client.get("/reviews/r00").json()  # id prefixes are accepted
    assert body["review_id"].startswith("r00")
    assert body["spans"]["rating"]["start"] == 0
    assert "link_evidence" in body


def test_link_decision_and_malformed_bodies(server):
    client, ids, lib = server
    rid = "amb" + "0" * 17
    _error_shape(client.post(f"/reviews/{rid}/link", content=b"{not json", headers={"content-type":
                                                                                   "application/json"}), 422)
    _error_shape(client.post(f"/reviews/{rid}/link", json={"film": 3}), 422)
    _error_shape(client.post(f"/reviews/{rid}/link", json={"film_id": 424242}), 404)
    ok = client.post(f"/reviews/{rid}/link", json={"film_id": ids["b"], "decided_by": "editor"})
    assert ok.status_code == 200 and ok.json()["source"] == "user"
    assert lib.review(rid).film_id == ids["b"] and lib.review(rid).link_source == "user"
    cleared = client.delete(f"/reviews/{rid}/link").json()
    assert cleared["cleared"] is True


def test_api_key_guards_writes(server):
    client, ids, lib = server
    lib.settings.api.api_key = "sekret"
    rid = "amb" + "0" * 17
    _error_shape(client.post(f"/reviews/{rid}/link", json={"film_id": ids["a"]}), 401)
    ok = client.post(f"/reviews/{rid}/link", json={"film_id": ids["a"]}, headers={"X-API-Key": "sekret"})
    assert ok.status_code == 200
    assert client.get("/reviews").status_code == 200  # reads stay open


def test_ingest_upload_limits_and_journal(server):
    client, _, _ = server
    page = ("A review of Solaris\n\nSoderbergh's Solaris trades the original's length for intimacy, and George "
            "Clooney has rarely been this quiet.\n\nThe score by Cliff Martinez pulses like a heartbeat.\n")
    resp = client.post("/ingest", files=[("files", ("solaris.txt", page.encode(), "text/plain")),
                                         ("files", ("empty.txt", b"", "text/plain"))])
    assert resp.status_code == 200, resp.text
    body = resp.json()
    statuses = {r["origin"]: r["status"] for r in body["journal"]}
    assert statuses == {"upload:solaris.txt": "ok", "upload:empty.txt": "failed"}
    assert body["failed"] == 1 and len(body["reviews"]) == 1
    _error_shape(client.post("/ingest", files=[("files", ("big.txt", b"x" * 60_000, "text/plain"))]), 413)
    _error_shape(client.post("/ingest", files=[("files", (f"{i}.txt", b"x", "text/plain")) for i in range(4)]),
                 413)
    _error_shape(client.post("/ingest"), 422)


def test_ingest_json(server):
    client, _, _ = server
    resp = client.post("/ingest/json", json={"pages": [{"text": "Heat (1995)\n\nMann's Heat is a towering crime "
                                                               "epic with Pacino and De Niro at their peak.",
                                                       "author": "A. Critic", "outlet": "Example Weekly"}]})
    assert resp.status_code == 200, resp.text
    assert resp.json()["journal"][0]["status"] == "ok"
    _error_shape(client.post("/ingest/json", json={"pages": []}), 422)


def test_search_and_exports(server):
    client, ids, _ = server
    hits = client.get("/search", params={"q": "hypnotic masterpiece"}).json()
    assert hits["count"] >= 6
    assert all(h["review_id"] for h in hits["data"])
    filtered = client.get("/search", params={"q": "hypnotic", "verdict": "negative"}).json()
    assert [h["verdict"] for h in filtered["data"]] == ["negative"]
    spoiler_free = client.get("/search", params={"q": "hypnotic", "spoiler_free": True}).json()
    assert len(spoiler_free["data"]) == 5
    _error_shape(client.get("/search"), 422)
    csv_text = client.get("/exports/reviews", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,source,url,outlet,critic")
    assert client.get("/exports/aggregates").json()["data"][0]["film_id"] == ids["a"]
    _error_shape(client.get("/exports/nothing"), 404)
    _error_shape(client.get("/exports/reviews", params={"format": "xml"}), 422)


def test_search_counts_validates_and_finds_titles(server):
    client, ids, _ = server
    page = client.get("/search", params={"q": "hypnotic", "limit": 2}).json()
    assert page["count"] == 6 and len(page["data"]) == 2  # the total, not the page size
    rest = client.get("/search", params={"q": "hypnotic", "limit": 2, "offset": 4}).json()
    assert rest["count"] == 6 and len(rest["data"]) == 2
    seen = {h["review_id"] for h in page["data"]} | {h["review_id"] for h in rest["data"]}
    assert len(seen) == 4
    dated = client.get("/search", params={"q": "hypnotic", "date_from": "2024-03", "date_to": "2024-04"}).json()
    assert sorted(h["published"] for h in dated["data"]) == ["2024-03-15", "2024-04-15"]
    for bad in ({"q": "x", "date_from": "yesterday"}, {"q": "x", "verdict": "great"}, {"q": "x" * 501}):
        _error_shape(client.get("/search", params=bad), 422)
    assert client.get("/search", params={"q": 'NEAR("* -'}).json() == {"data": [], "count": 0, "limit": 50,
                                                                        "offset": 0}
    films = client.get("/films", params={"q": "solaris"}).json()
    assert films["count"] == 2 and [f["year"] for f in films["data"]] == [2002, 1972]
    assert client.get("/films", params={"q": "solaris", "year": 1972}).json()["data"][0]["id"] == ids["a"]


def test_unexpected_failures_keep_the_error_shape(server, monkeypatch):
    client, _, lib = server

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(lib, "search", broken)
    error = _error_shape(client.get("/search", params={"q": "hypnotic"}), 500)
    assert error["message"] == "internal server error"  # no internals leak


def test_exports_stream_every_row(server):
    client, _, _ = server
    with client.stream("GET", "/exports/reviews", params={"format": "csv"}) as resp:
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
        assert 'filename="reviews.csv"' in resp.headers["content-disposition"]
        body = b"".join(resp.iter_bytes()).decode()
    assert len(body.strip().splitlines()) == 1 + 7
    parquet = client.get("/exports/films", params={"format": "parquet"})
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
