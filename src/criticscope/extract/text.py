"""Plain-text scraped pages: one line per block, blank lines between paragraphs."""

from __future__ import annotations

from typing import Any

from .clean import clean_blocks
from .meta import domain_of, guess_language
from .model import ExtractedPage, ExtractionError, apply_overrides


def text_blocks(text: str) -> list[tuple[str, str]]:
    return [(line, "line" if line.strip() else "blank") for line in text.splitlines()]


def extract_text(text: str, **meta: Any) -> ExtractedPage:
    """Clean a plain-text page; keyword metadata (url, title, author, outlet, date) wins over what is found."""
    cleaned = clean_blocks(text_blocks(text), join_wrapped=True, title_hint=meta.get("title"))
    if not cleaned.paragraphs:
        raise ExtractionError("no critic text found in text")
    url = meta.get("url")
    page = ExtractedPage(
        text=cleaned.text,
        headline=cleaned.headline,
        headings=cleaned.headings,
        captions=cleaned.captions,
        comments=cleaned.comments,
        critic=cleaned.critic,
        outlet=cleaned.outlet or domain_of(url),
        url=url,
        published=cleaned.published,
        language=guess_language(cleaned.text),
        removed=cleaned.removed,
        format=str(meta.get("format") or "text"),
    )
    return apply_overrides(page, {k: v for k, v in meta.items() if k != "format"})
