"""Ingest orchestration: journal, raw inputs kept, duplicates, and bad input that never
stops a run.  Every bad-input case also checks that a good page in the same run was stored."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
import zlib

import pytest
from sqlalchemy import func, select

import criticscope
from criticscope.models import RawInput, ReaderComment, Review

GOOD_REVIEW = """Past Lives (2023) review: a quiet, devastating film

Celine Song's debut follows two childhood friends from Seoul who meet again in New York two decades later.
Greta Lee gives a performance of astonishing restraint, and Teo Yoo matches her glance for glance.

The film never raises its voice. Song trusts long takes and the city's ambient noise to carry the ache of
roads not taken, and the final walk down a Brooklyn street is among the best scenes of the year.

Advertisement

It is a small film about enormous feelings, and it earns every one of them.
"""


def _page(n: int) -> str:
    return (f"Review number {n}: a film about the sea\n\n"
            f"This is paragraph one of review {n}. The director keeps the camera low and patient, and the actors "
            f"respond with unusual warmth. Review {n} finds the pacing deliberate but rewarding.\n\n"
            f"Paragraph two of review {n} praises the score, which swells only twice, and the final image "
            f"lingers for a long time afterwards. Verdict for review {n}: recommended.\n")


@pytest.fixture
def lib(settings, db_url):
    """A library on SQLite and on a throwaway PostgreSQL database."""
    settings = settings.model_copy(update={"store": settings.store.model_copy(update={"url": db_url})})
    library = criticscope.Library(settings, criticscope.store.Store.open(settings.db_url))
    yield library
    library.close()


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD_REVIEW, encoding="utf-8")
    return path


def _journal_for(lib, origin_suffix):
    return [e for e in lib.journal() if e.origin.endswith(origin_suffix)]


def _assert_failed_and_good_kept(lib, report, origin_suffix, reason_part):
    failed = [r for r in report.failed if r.origin.endswith(origin_suffix)]
    assert failed, f"expected {origin_suffix} to fail; journal: {[r.as_dict() for r in report.rows]}"
    assert any(reason_part.lower() in (r.reason or "").lower() for r in failed), [r.reason for r in failed]
    rows = _journal_for(lib, origin_suffix)
    assert rows and rows[0].status == "failed" and rows[0].reason
    ok = [r for r in report.rows if r.origin.endswith("good.txt")]
    assert ok and ok[0].status == "ok"
    assert lib.store.get_review(ok[0].review_id) is not None


def test_good_page_is_stored_with_raw_bytes_and_journal(lib, good):
    report = lib.ingest([str(good)])
    assert [r.status for r in report.rows] == ["ok"]
    review = lib.review(report.rows[0].review_id)
    assert "Advertisement" not in review.text.splitlines()
    assert "Greta Lee gives a performance" in review.text
    with lib.store.session() as s:
        raw = s.get(RawInput, report.rows[0].raw_sha256)
        assert zlib.decompress(raw.content) == good.read_bytes()
    assert lib.journal()[0].status == "ok"


def test_reingest_is_a_noop(lib, good):
    first = lib.ingest([str(good)])
    second = lib.ingest([str(good)])
    assert second.rows[0].status == "duplicate"
    assert second.rows[0].review_id == first.rows[0].review_id
    assert lib.store.count_reviews(include_duplicates=True) == 1
    with lib.store.session() as s:
        assert s.scalar(select(func.count()).select_from(RawInput)) == 1


def test_syndicated_copy_is_linked_as_near_duplicate(lib, good, tmp_path):
    copy = tmp_path / "syndicated.txt"
    copy.write_text("Share this article\nSubscribe to our newsletter\n\n" + GOOD_REVIEW.replace(
        "It is a small film", "In short, it is a small film") + "\nRelated: more reviews\n", encoding="utf-8")
    report = lib.ingest([str(good), str(copy)])
    statuses = {r.origin.rsplit("/", 1)[-1]: r for r in report.rows}
    assert statuses["good.txt"].status == "ok"
    assert statuses["syndicated.txt"].status == "near_duplicate"
    dup = lib.store.get_review(statuses["syndicated.txt"].review_id)
    assert dup.duplicate_of == statuses["good.txt"].review_id
    assert lib.store.count_reviews() == 1  # not counted twice
    assert lib.store.count_reviews(include_duplicates=True) == 2


def test_reader_comment_is_split_off(lib, tmp_path):
    page = tmp_path / "withcomment.txt"
    page.write_text(GOOD_REVIEW + "\n3 thoughts on “Past Lives review”\n\nMarch 3, 2024 at 9:02 am\n"
                    "I cried for an hour afterwards, what a film.\n", encoding="utf-8")
    report = lib.ingest([str(page)])
    rid = report.rows[0].review_id
    review = lib.review(rid)
    assert "I cried for an hour" not in review.text
    with lib.store.session() as s:
        comments = list(s.scalars(select(ReaderComment).where(ReaderComment.review_id == rid)))
    assert len(comments) == 1
    assert comments[0].text.startswith("I cried for an hour")
    assert comments[0].posted_at.startswith("2024-03-03T09:02")


# --- bad input: one-line error naming the input, journal row, the rest goes on ---


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n\t  \n", "empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("nul.txt", b"A review\x00 with\x00 NUL\x00 bytes\x00" * 20, "binary"),
    ("garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200, "decod"),
    ("broken.html", b"<html><head><title>x</title></head><body><div><script>var a=1;</script>", "text"),
    ("nothing.jsonl", b'{"url": "https://example.org/a", "title": "No body"}\n', "line 1"),
    ("truncated.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 5000)[:300], "trunc"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_fails_cleanly(lib, good, tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    report = lib.ingest([str(bad), str(good)])
    _assert_failed_and_good_kept(lib, report, name, reason)
    if content:
        row = _journal_for(lib, name)[0]
        assert row.raw_sha256, "the raw input is kept on record"
        assert lib.store.raw_bytes(row.raw_sha256) == content


def test_missing_file(lib, good, tmp_path):
    report = lib.ingest([str(tmp_path / "nope.txt"), str(good)])
    _assert_failed_and_good_kept(lib, report, "nope.txt", "no such file")


def test_empty_folder(lib, good, tmp_path):
    (tmp_path / "emptydir").mkdir()
    report = lib.ingest([str(tmp_path / "emptydir"), str(good)])
    failed = report.failed
    assert len(failed) == 1 and "empty folder" in failed[0].reason
    assert [r.status for r in report.rows if r.origin.endswith("good.txt")] == ["ok"]


def test_oversized_file(lib, good, tmp_path):
    lib.settings.ingest.max_input_bytes = 10_000
    big = tmp_path / "huge.txt"
    big.write_text("word " * 5000, encoding="utf-8")
    report = lib.ingest([str(big), str(good)])
    _assert_failed_and_good_kept(lib, report, "huge.txt", "too large")


def test_malformed_jsonl_line_keeps_good_lines(lib, good, tmp_path):
    lines = [json.dumps({"url": "https://example.org/r1", "text": _page(1), "author": "Ann Critic",
                         "outlet": "The Example", "date": "2024-05-01"}),
             '{"url": "https://example.org/r2", "text": "unterminated',
             json.dumps({"url": "https://example.org/r3", "text": _page(3)})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = lib.ingest([str(path), str(good)])
    rows = [r for r in report.rows if r.origin.endswith("batch.jsonl")]
    assert [r.status for r in rows] == ["ok", "failed", "ok"]
    assert "line 2" in rows[1].reason
    first = lib.review(rows[0].review_id)
    assert first.critic == "Ann Critic" and first.outlet == "The Example" and first.published == "2024-05-01"
    assert first.url == "https://example.org/r1"


def test_directory_is_walked_recursively_and_bad_files_do_not_stop_it(lib, tmp_path):
    root = tmp_path / "pages"
    (root / "a" / "b").mkdir(parents=True)
    (root / "one.txt").write_text(_page(1), encoding="utf-8")
    (root / "a" / "two.txt").write_text(_page(2), encoding="utf-8")
    (root / "a" / "b" / "bad.txt").write_bytes(b"")
    (root / "a" / "b" / "three.txt").write_text(_page(3), encoding="utf-8")
    report = lib.ingest([str(root)])
    assert sorted(r.status for r in report.rows) == ["failed", "ok", "ok", "ok"]
    assert lib.store.count_reviews() == 3


def test_stdin(lib):
    report = lib.ingest(["-"], stdin=_page(7).encode())
    assert report.rows[0].status == "ok" and report.rows[0].origin == "<stdin>"
    empty = lib.ingest(["-"], stdin=b"")
    assert empty.rows[0].status == "failed" and "empty" in empty.rows[0].reason


def test_retry_failed_after_the_file_is_fixed(lib, good, tmp_path):
    bad = tmp_path / "later.txt"
    bad.write_bytes(b"")
    first = lib.ingest([str(bad), str(good)])
    assert len(first.failed) == 1
    bad.write_text(_page(9), encoding="utf-8")
    retry = lib.retry_failed()
    assert [r.status for r in retry.rows] == ["ok"]
    entries = _journal_for(lib, "later.txt")
    assert entries[0].status == "failed" and entries[0].resolved
    assert lib.store.count_reviews() == 2


# --- URLs: a real local HTTP server ---


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/review.html":
            body = ("<html><head><title>Heat review</title></head><body><article><h1>Heat review</h1>"
                    + "".join(f"<p>{p}</p>" for p in _page(11).split("\n\n")) + "</article></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_loopback_url_is_refused_by_default(lib, good, http_server):
    report = lib.ingest([f"{http_server}/review.html", str(good)])
    _assert_failed_and_good_kept(lib, report, "/review.html", "loopback")


def test_url_fetch_when_private_addresses_are_allowed(lib, good, http_server):
    lib.settings.ingest.allow_private_urls = True
    report = lib.ingest([f"{http_server}/review.html", f"{http_server}/missing.html", str(good)])
    by_origin = {r.origin: r for r in report.rows}
    ok = by_origin[f"{http_server}/review.html"]
    assert ok.status == "ok"
    assert lib.review(ok.review_id).url == f"{http_server}/review.html"
    assert "HTTP 404" in by_origin[f"{http_server}/missing.html"].reason


def test_unreachable_url(lib, good):
    lib.settings.ingest.allow_private_urls = True
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    report = lib.ingest([f"http://127.0.0.1:{port}/gone", str(good)])
    _assert_failed_and_good_kept(lib, report, "/gone", "unreachable")


def test_review_ids_are_stable_across_stores(settings, tmp_path, good):
    ids = []
    for n in range(2):
        s = settings.model_copy(update={"store": settings.store.model_copy(
            update={"url": f"sqlite:///{tmp_path / f's{n}.db'}"})})
        with criticscope.Library(s, criticscope.store.Store.open(s.db_url)) as lib:
            ids.append(lib.ingest([str(good)]).rows[0].review_id)
    assert ids[0] == ids[1]


def test_reviews_are_listed_without_duplicates(lib, good):
    lib.ingest([str(good)])
    with lib.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Review)) == 1
    assert len(lib.reviews()) == 1


def test_stdin_bytes_object_is_read_once(lib):
    # io.BytesIO stands in for a pipe: the library takes bytes, the CLI passes sys.stdin
    data = io.BytesIO(_page(5).encode()).read()
    assert lib.ingest(["-"], stdin=data).rows[0].status == "ok"
