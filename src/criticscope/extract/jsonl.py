"""JSONL inputs: one page per line, as ``{"url", "html" | "text", "title", "author", "outlet", "date"}``.

Fields given on the line win over what extraction finds.  A bad line becomes an
``ExtractionError("line N: ...")`` item and the other lines are still returned.
"""

from __future__ import annotations

import json
from typing import Any

from .html import extract_html
from .model import ExtractedPage, ExtractionError, apply_overrides
from .text import extract_text

HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")
TEXT_FIELDS = ("text", "content", "body", "review", "review_text")


def page_from_record(obj: dict[str, Any], *, url: str | None = None) -> ExtractedPage:
    """One page from a JSON object (an ``ExtractionError`` says what is missing or wrong)."""
    page_url = obj.get("url") if isinstance(obj.get("url"), str) else url
    html = next((obj[k] for k in HTML_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    text = next((obj[k] for k in TEXT_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if html is not None:
        page = extract_html(html, url=page_url)
    elif text is not None:
        page = extract_text(text, url=page_url)
    else:
        raise ExtractionError("no 'text' or 'html' field")
    page.format = "jsonl"
    return apply_overrides(page, obj)


def _records(text: str) -> list[tuple[str, Any]] | None:
    """A whole-document JSON array or pretty-printed object, as (label, value) pairs; None otherwise."""
    stripped = text.strip()
    if "\n" not in stripped or stripped[0] not in "[{":
        return None
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        return None
    if isinstance(data, dict):
        return [("page 1", data)]
    if isinstance(data, list):
        return [(f"page {n}", item) for n, item in enumerate(data, 1)]
    return None


def extract_jsonl(text: str, *, url: str | None = None) -> list[ExtractedPage | ExtractionError]:
    records = _records(text)
    if records is None:
        records = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((f"line {lineno}", json.loads(line)))
            except json.JSONDecodeError as exc:
                records.append((f"line {lineno}", ExtractionError(f"line {lineno}: malformed JSONL: {exc.msg}")))
    if not records:
        raise ExtractionError("empty input")
    out: list[ExtractedPage | ExtractionError] = []
    for label, value in records:
        if isinstance(value, ExtractionError):
            out.append(value)
        elif not isinstance(value, dict):
            out.append(ExtractionError(f"{label}: not a JSON object"))
        else:
            try:
                out.append(page_from_record(value, url=url))
            except ExtractionError as exc:
                out.append(ExtractionError(f"{label}: {exc}"))
    return out
