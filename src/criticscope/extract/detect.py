"""What an input is (text, HTML, JSONL, WARC) and how to turn its bytes into text."""

from __future__ import annotations

import codecs
import json
import re
import zlib

from .model import ExtractionError

GZIP_MAGIC = b"\x1f\x8b"
MAX_GUNZIP_BYTES = 200_000_000
_BINARY_MAGIC = {
    b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"PK\x03\x04": "ZIP",
    b"\x7fELF": "ELF", b"BZh": "bzip2", b"\xfd7zXZ": "xz", b"RIFF": "RIFF", b"OggS": "Ogg",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_EXTENSIONS = {
    ".warc": "warc", ".arc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".txt": "text", ".text": "text",
    ".md": "text",
}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
_HTML_TAG = re.compile(r"<(?:p|div|body|head|article|br|span|a|h[1-6]|meta|title|section|main|li|ul)[\s>/]", re.I)
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def gunzip(data: bytes, *, max_bytes: int = MAX_GUNZIP_BYTES) -> bytes:
    """Decompress (multi-member) gzip; a cut-off stream raises ``ExtractionError("truncated gzip")``."""
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while rest:
                out += d.decompress(rest, max_bytes + 1 - len(out))
                if len(out) > max_bytes:
                    raise ExtractionError(f"gzip expands beyond {max_bytes} bytes")
                rest = d.unconsumed_tail
                if d.eof:
                    break
        except zlib.error as exc:
            raise ExtractionError(f"corrupt gzip: {exc}") from None
        if not d.eof:
            raise ExtractionError("truncated gzip: the compressed stream ends early")
        rest = d.unused_data.lstrip(b"\x00")
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member
    return bytes(out)


def gunzip_head(data: bytes, size: int = 8192) -> bytes:
    """The first ``size`` decompressed bytes, tolerating a truncated or corrupt stream."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:262144], size)
    except zlib.error:
        return b""


def _loose_text(head: bytes) -> str:
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _sniff(head: bytes, lname: str) -> str:
    for ext, fmt in _EXTENSIONS.items():
        if lname.endswith(ext):
            if fmt == "text" and _HTML_START.match(_loose_text(head[:4096])):
                return "html"  # an HTML document saved as .txt
            return fmt
    text = _loose_text(head).lstrip()
    if text.startswith("WARC/"):
        return "warc"
    if text.startswith(("{", "[")):
        first = text.split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first), (dict, list)):
                return "jsonl"
        except json.JSONDecodeError:
            if first.startswith(('{"', "[{", "[")) or first == "{":
                return "jsonl"
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text[:4096])) >= 3:
        return "html"
    return "text"


def detect_format(data: bytes, name: str | None = None) -> str:
    """``"text"``, ``"html"``, ``"jsonl"`` or ``"warc"`` from magic bytes, the file extension, then the content.

    Gzip input is looked into: a ``.warc.gz`` is ``"warc"``, a gzipped HTML page ``"html"``.
    """
    lname = (name or "").lower()
    if data[:2] == GZIP_MAGIC:
        head = gunzip_head(data)
        if head.lstrip().startswith(b"WARC/"):
            return "warc"
        for suffix in (".gz", ".gzip"):
            if lname.endswith(suffix):
                lname = lname[: -len(suffix)]
        return _sniff(head, lname)
    if data.lstrip()[:5] == b"WARC/":
        return "warc"
    return _sniff(data[:8192], lname)


def _sane(text: str) -> bool:
    if not text:
        return True
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad / len(sample) < 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4 or len(data) % 2:
        return None
    odd_nul = sum(1 for k in range(1, 2 * pairs, 2) if sample[k] == 0)
    even_nul = sum(1 for k in range(0, 2 * pairs, 2) if sample[k] == 0)
    for codec, hits, misses in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if hits / pairs > 0.4 and misses / pairs < 0.05:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _sane(text) else None
    return None


def decode_bytes(data: bytes) -> str:
    """Text of ``data``: BOM first, then strict UTF-8, then cp1252, then charset detection, each
    checked for sanity. Raises ``ExtractionError`` for binary content or undecodable bytes."""
    if not data:
        return ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ExtractionError(f"undecodable bytes: invalid {codec.upper()} after its BOM ({exc.reason})") from None
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError(f"binary content ({kind})")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise ExtractionError("binary content (NUL bytes)")
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > 0.05:
        raise ExtractionError("binary content (control characters)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _sane(text) and not _mostly_high_letters(text):
        return text
    guessed = _charset_guess(data)
    if guessed is not None:
        return guessed
    if text is not None and _sane(text):
        return text
    raise ExtractionError("undecodable bytes: not UTF-8/UTF-16/cp1252")


def _mostly_high_letters(text: str) -> bool:
    """cp1252 read of a non-Latin code page: nearly all letters land in the Latin-1 upper half."""
    letters = [c for c in text[:20000] if c.isalpha()]
    return len(letters) >= 20 and sum(1 for c in letters if ord(c) > 0x7F) / len(letters) > 0.6


def _charset_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - shipped with trafilatura
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    spaces = sum(1 for c in text[:20000] if c.isspace()) / max(1, min(len(text), 20000))
    return text if _sane(text) and spaces >= 0.03 else None
