"""What extraction returns: one clean review page, or the reason it failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..pipeline import Comment

FORMATS = ("text", "html", "jsonl", "warc")


class ExtractionError(ValueError):
    """Why an input (or one page of it) could not be extracted, in one line.

    Per-page failures inside a multi-page input start with where they happened,
    e.g. ``"line 3: malformed JSONL: Expecting value"`` or ``"record 2: truncated WARC record"``.
    """


@dataclass
class ExtractedPage:
    """A review page reduced to the critic's words plus what was found around them."""

    text: str  # clean critic text: paragraphs joined by "\n\n"; headings kept as their own paragraph
    headline: str | None = None
    headings: list[str] = field(default_factory=list)  # section headings (not the headline)
    captions: list[str] = field(default_factory=list)  # photo captions, kept apart from the prose
    comments: list[Comment] = field(default_factory=list)  # reader comments split off the page
    critic: str | None = None
    outlet: str | None = None  # site name, or the domain of the URL
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    structured: dict[str, Any] = field(default_factory=dict)  # JSON-LD Review data
    removed: list[str] = field(default_factory=list)  # furniture lines removed, for explain/debugging
    format: str = "text"

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "headline": self.headline,
            "headings": list(self.headings),
            "captions": list(self.captions),
            "comments": [
                {"author": c.author, "posted_at": c.posted_at, "header": c.header, "text": c.text}
                for c in self.comments
            ],
            "critic": self.critic,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "structured": dict(self.structured),
            "removed": list(self.removed),
            "format": self.format,
        }


@dataclass
class Block:
    """One unit of page text before cleaning: a line of a text page, or a block element of HTML.

    ``kind`` is ``"line"`` (no markup known), ``"heading"``, ``"item"`` (list item),
    ``"quote"`` or ``"blank"`` (a blank line, which separates paragraphs in text pages).
    """

    text: str
    kind: str = "line"


# JSONL/CLI field names accepted as overrides, mapped to page attributes
OVERRIDE_FIELDS = {
    "url": "url", "title": "headline", "headline": "headline", "author": "critic", "critic": "critic",
    "outlet": "outlet", "site": "outlet", "site_name": "outlet", "date": "published", "published": "published",
    "language": "language", "lang": "language",
}


def apply_overrides(page: ExtractedPage, fields: dict[str, Any]) -> ExtractedPage:
    """Fields given with the page (JSONL keys, caller metadata) win over extracted ones."""
    from .dates import parse_date

    for key, value in fields.items():
        attr = OVERRIDE_FIELDS.get(key)
        if attr is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        value = str(value).strip()
        if attr == "published":
            value = parse_date(value) or page.published
        setattr(page, attr, value)
    return page
