"""Bad and unusual raw inputs at the extraction layer: every kind fails in one clear line or decodes."""

from __future__ import annotations

import gzip
import io
import json
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from criticscope.extract import ExtractedPage, ExtractionError, decode_bytes, detect_format, extract

PROSE = (
    "Denis Villeneuve's Dune is patient and enormous, and its first hour is world-building that rarely pauses. "
    "Timothée Chalamet plays Paul Atreides with a watchful stillness that suits the desert."
)
SECOND = "Rebecca Ferguson is superb as Lady Jessica, a mother who is also a political operator."


def review_text() -> str:
    return f"Dune (2021) review\n\n{PROSE}\n\n{SECOND}\n"


def review_html(extra: str = "") -> str:
    return (
        "<html><head><title>Dune review</title></head><body><article><h1>Dune review</h1>"
        f"<p>{PROSE}</p>{extra}<p>{SECOND}</p></article></body></html>"
    )


def only_page(data: bytes, **kw) -> ExtractedPage:
    pages = extract(data, **kw)
    assert len(pages) == 1
    assert isinstance(pages[0], ExtractedPage), pages[0]
    return pages[0]


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", "\ufeff  \n".encode()], ids=["empty", "blank", "bom-only"])
def test_empty_inputs_raise(data):
    with pytest.raises(ExtractionError, match="empty input"):
        extract(data)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary content"),
        (b"review text\x00\x01\x02 more\x00 text" * 20, r"binary content \(NUL bytes\)"),
        (bytes(range(1, 9)) * 200, r"binary content \(control characters\)"),
        (b"\x81\x8d\x8f\x90\x9d" * 60, "undecodable bytes: not UTF-8/UTF-16/cp1252"),
    ],
    ids=["png", "nul", "control", "undecodable"],
)
def test_bad_bytes_raise_one_line_reasons(data, why):
    with pytest.raises(ExtractionError, match=why) as info:
        extract(data)
    assert "\n" not in str(info.value)


def test_utf16_with_bom_decodes():
    page = only_page(review_text().encode("utf-16"))
    assert PROSE in page.text


def test_utf16_without_bom_decodes():
    assert decode_bytes(review_text().encode("utf-16-le")) == review_text()


def test_cp1252_decodes_curly_quotes_and_accents():
    text = "Amélie review\n\nJeunet’s film is naïve — and “charming” — from its first café scene to the last.\n"
    page = only_page(text.encode("cp1252"))
    assert "Jeunet’s film is naïve — and “charming”" in page.text


def test_utf8_bom_and_crlf_leave_no_trace():
    page = only_page(("\ufeff" + review_text()).replace("\n", "\r\n").encode("utf-8"))
    assert "\ufeff" not in page.text and "\r" not in page.text
    assert page.headline == "Dune (2021) review"


def test_malformed_jsonl_line_among_good_ones():
    good = json.dumps({"text": review_text(), "author": "Ann Critic"})
    data = f"{good}\n{{not json\n\n{good}\n".encode()
    pages = extract(data, name="batch.jsonl")
    assert len(pages) == 3
    assert isinstance(pages[0], ExtractedPage) and isinstance(pages[2], ExtractedPage)
    assert isinstance(pages[1], ExtractionError)
    assert str(pages[1]).startswith("line 2: malformed JSONL")


def test_jsonl_line_without_text_or_html():
    data = (json.dumps({"text": review_text()}) + "\n" + json.dumps({"url": "https://x.example/r"}) + "\n").encode()
    pages = extract(data, name="batch.jsonl")
    assert isinstance(pages[0], ExtractedPage)
    assert isinstance(pages[1], ExtractionError)
    assert str(pages[1]) == "line 2: no 'text' or 'html' field"


def test_jsonl_fields_win_over_extracted_ones():
    row = {"html": review_html(), "url": "https://films.example.org/dune", "title": "Given title",
           "author": "Given Critic", "outlet": "Given Outlet", "date": "2021-10-22"}
    page = only_page(json.dumps(row).encode(), name="x.jsonl")
    assert (page.headline, page.critic, page.outlet, page.published, page.url) == (
        "Given title", "Given Critic", "Given Outlet", "2021-10-22", "https://films.example.org/dune")
    assert page.format == "jsonl"
    assert PROSE in page.text


def test_json_array_document_is_read_as_pages():
    data = json.dumps([{"text": review_text()}, {"html": review_html()}], indent=2).encode()
    pages = extract(data, name="pages.json")
    assert [type(p).__name__ for p in pages] == ["ExtractedPage", "ExtractedPage"]


def test_broken_html_still_extracts():
    html = f"<html><body><div><p>{PROSE}<div><p>{SECOND}</span></i></b><table><tr><td>"
    page = only_page(html.encode(), name="broken.html")
    assert PROSE in page.text and SECOND in page.text


def test_html_without_text_is_a_page_error():
    pages = extract(b"<html><head><title>x</title></head><body><img src='a.jpg'><div></div></body></html>",
                    name="empty.html")
    assert len(pages) == 1 and isinstance(pages[0], ExtractionError)
    assert str(pages[0]) == "no critic text found in HTML"


def test_gzipped_html_page():
    page = only_page(gzip.compress(review_html().encode()), name="page.html.gz")
    assert page.format == "html" and PROSE in page.text


def test_truncated_gzip_raises():
    data = gzip.compress(review_html().encode() * 5)
    with pytest.raises(ExtractionError, match="truncated gzip"):
        extract(data[: len(data) // 2], name="page.html.gz")


def _warc(n: int, *, gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("t.warc", {"software": "criticscope-tests"}))
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = review_html(f"<p>Record number {i} of the archive.</p>").encode()
        writer.write_record(writer.create_warc_record(f"https://films.example.org/r{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_records_become_pages(gz):
    data = _warc(3, gz=gz)
    assert detect_format(data) == "warc"
    pages = extract(data, name="crawl.warc.gz" if gz else "crawl.warc")
    assert len(pages) == 3 and all(isinstance(p, ExtractedPage) for p in pages)
    assert [p.url for p in pages] == [f"https://films.example.org/r{i}" for i in range(3)]
    assert all(p.format == "warc" and p.outlet == "films.example.org" for p in pages)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_what_was_read(gz):
    data = _warc(3, gz=gz)
    pages = extract(data[: len(data) - 200], name="crawl.warc")
    assert [type(p).__name__ for p in pages] == ["ExtractedPage", "ExtractedPage", "ExtractionError"]
    assert str(pages[-1]) == "record 4: truncated WARC record"


def test_warc_gz_cut_before_any_record_raises():
    data = _warc(1, gz=True)
    with pytest.raises(ExtractionError, match="truncated gzip"):
        extract(data[:40], name="crawl.warc.gz")


def test_warc_cut_inside_the_only_page_record():
    data = _warc(1, gz=True)
    pages = extract(data[: len(data) - 150], name="crawl.warc.gz")
    assert len(pages) == 1 and str(pages[0]) == "record 2: truncated WARC record"


def test_huge_single_line_is_handled_quickly():
    line = ("This sprawling sentence about the film keeps going without a break, " * 30000).strip()
    start = time.perf_counter()
    page = only_page(line.encode())
    assert time.perf_counter() - start < 10
    assert len(page.text) == len(line)


def test_hostile_html_never_leaks_script_text():
    hostile = (
        "<script>document.write('PWNED-1')</script><style>body{content:'PWNED-2'}</style>"
        "<noscript>PWNED-3</noscript><template><p>PWNED-4</p></template>"
        "<p onclick=\"alert('PWNED-5')\">Click<script>var x='PWNED-6';</script></p>"
        "<iframe srcdoc=\"<p>PWNED-7</p>\"></iframe><svg><script>PWNED-8</script></svg>"
    )
    html = review_html(hostile).replace("<head>", "<head><script>PWNED-0</script>")
    page = only_page(html.encode(), name="evil.html")
    assert PROSE in page.text
    assert "PWNED" not in page.text and "PWNED" not in " ".join(page.captions + page.headings)
    assert all("PWNED" not in c.text for c in page.comments)


def test_hostile_jsonld_body_is_plain_text():
    body = f"<p>{PROSE}</p><script>alert('PWNED')</script><p>{SECOND}</p>"
    ld = json.dumps({"@type": "Review", "reviewBody": body, "author": {"name": "Ann Critic"}})
    ld = ld.replace("</", "<\\/")  # as JSON encoders for HTML do, so the script element stays whole
    html = f"<html><head><script type='application/ld+json'>{ld}</script></head><body><p>Hi</p></body></html>"
    page = only_page(html.encode(), name="ld.html")
    assert PROSE in page.text and SECOND in page.text and "PWNED" not in page.text
    assert page.critic == "Ann Critic"


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", None, "warc"),
        (b'{"text": "x"}\n{"text": "y"}\n', None, "jsonl"),
        (b'{"text": "x"}', "a.jsonl", "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", None, "html"),
        (b"<div><p>one</p><p>two</p><a href=x>three</a></div>", None, "html"),
        (b"Plain review text.\n\nSecond paragraph.", None, "text"),
        (b"<!doctype html><html><body>saved as text</body></html>", "page.txt", "html"),
        (b"Just text", "page.html", "html"),
        (gzip.compress(b"Plain review text."), "page.txt.gz", "text"),
        (gzip.compress(b"WARC/1.0\r\n"), None, "warc"),
    ],
)
def test_detect_format(data, name, fmt):
    assert detect_format(data, name) == fmt


def test_unknown_format_is_refused():
    with pytest.raises(ExtractionError, match="unknown format"):
        extract(b"text", fmt="pdf")
