"""WARC and WARC.gz archives: every HTML response (or resource) record is one page.

A cut-off archive yields the pages read so far plus an ``ExtractionError("record N: truncated
WARC record")``; a gzip stream that breaks before the first record raises instead.
"""

from __future__ import annotations

import io
import re
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .detect import GZIP_MAGIC, decode_bytes
from .html import extract_html
from .model import ExtractedPage, ExtractionError

PAGE_RECORDS = {"response", "resource", "conversion"}
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
_HTMLISH = re.compile(r"html|xhtml", re.I)


def _payload_text(payload: bytes, content_type: str) -> str:
    m = _CHARSET.search(content_type or "")
    if m:
        try:
            return payload.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload)


def extract_warc(data: bytes, *, url: str | None = None) -> list[ExtractedPage | ExtractionError]:
    out: list[ExtractedPage | ExtractionError] = []
    gz = data[:2] == GZIP_MAGIC
    number = 0
    end = 0
    try:
        records = ArchiveIterator(io.BytesIO(data))
        for rec in records:
            number += 1
            length = (rec.rec_headers.get_header("Content-Length") or "").strip()
            if not length.isdigit():
                out.append(ExtractionError(f"record {number}: truncated WARC record"))
                return out
            page = None
            if rec.rec_type in PAGE_RECORDS:
                if rec.rec_type == "response" and rec.http_headers is not None:
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                payload = rec.content_stream().read()
                if rec.raw_stream.limit > 0:
                    out.append(ExtractionError(f"record {number}: truncated WARC record"))
                    return out
                if _HTMLISH.search(ctype) or (not ctype and b"<" in payload[:2048]):
                    target = rec.rec_headers.get_header("WARC-Target-URI") or url
                    try:
                        page = extract_html(_payload_text(payload, ctype), url=target)
                        page.format = "warc"
                    except ExtractionError as exc:
                        page = ExtractionError(f"record {number}: {exc}")
            records.read_to_end(rec)
            if rec.raw_stream.limit > 0:
                out.append(ExtractionError(f"record {number}: truncated WARC record"))
                return out
            end = records.get_record_offset() + records.get_record_length()
            if page is not None:
                out.append(page)
    # warcio raises assorted errors (even AttributeError) on malformed headers
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError, KeyError,
            IndexError) as exc:
        if number == 0 and not out:
            raise ExtractionError(("truncated gzip: " if gz else "not a WARC archive: ") + str(exc).strip()) from None
        out.append(ExtractionError(f"record {number + 1}: truncated WARC record"))
        return out
    if number == 0:
        raise ExtractionError("truncated gzip: no complete WARC record" if gz else "no WARC records found")
    if data[end:].strip(b"\r\n\t \x00"):
        out.append(ExtractionError(f"record {number + 1}: truncated WARC record"))
    return out
