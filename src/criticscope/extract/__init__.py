"""Extraction: from one raw input (text page, HTML page, JSONL, WARC) to clean review pages.

>>> pages = extract(b"Dune (2021) review\\n\\nDenis Villeneuve's film is vast and patient.")
>>> pages[0].headline
'Dune (2021) review'

:func:`extract` returns one item per page, in order; a page that failed is an
:class:`ExtractionError` naming where (``"line 3: ..."``, ``"record 2: ..."``) and the other
pages are still returned.  It raises :class:`ExtractionError` when the whole input is bad:
empty, binary, undecodable, or a gzip stream cut off before anything could be read.
"""

from __future__ import annotations

from .detect import GZIP_MAGIC, decode_bytes, detect_format, gunzip
from .html import extract_html
from .jsonl import extract_jsonl
from .model import FORMATS, ExtractedPage, ExtractionError
from .text import extract_text
from .warc import extract_warc

__all__ = [
    "ExtractedPage", "ExtractionError", "decode_bytes", "detect_format", "extract", "extract_html",
    "extract_text",
]


def _one(fn, *args, **kwargs) -> list[ExtractedPage | ExtractionError]:
    try:
        return [fn(*args, **kwargs)]
    except ExtractionError as exc:
        return [exc]


def extract(
    data: bytes, *, name: str | None = None, url: str | None = None, fmt: str | None = None
) -> list[ExtractedPage | ExtractionError]:
    """Every review page in ``data`` (see the module docstring for errors)."""
    if data is None or not bytes(data).strip():
        raise ExtractionError("empty input")
    data = bytes(data)
    fmt = fmt or detect_format(data, name)
    if fmt not in FORMATS:
        raise ExtractionError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if fmt == "warc":
        return extract_warc(data, url=url)
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data)
    text = decode_bytes(data)
    if not text.strip():
        raise ExtractionError("empty input")
    if fmt == "jsonl":
        return extract_jsonl(text, url=url)
    if fmt == "html":
        return _one(extract_html, text, url=url)
    return _one(extract_text, text, url=url)
