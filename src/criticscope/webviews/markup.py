"""Review text as HTML with its evidence marked: the rating span in ``<mark>``, aspect
evidence underlined (aspect name in the ``title`` attribute), spoiler sentences wrapped
for the reveal.

Every piece of review text is escaped with :func:`markupsafe.escape` before it is joined
with the tags built here, so the result is safe to place in a template as is.
Overlapping spans are rendered by cutting the text at every span boundary and opening
and closing the active tags around each piece, so the HTML always nests correctly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_BR = Markup("<br>\n")
_INLINE_ORDER = {"aspect": 0, "rating": 1}  # outermost first


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "rating" | "aspect" | "spoiler"
    label: str = ""
    css: str = ""


@dataclass(frozen=True)
class Block:
    kind: str  # "p" | "h"
    html: Markup


def spans_from_ext(ext: dict[str, Any]) -> list[Span]:
    """The spans to mark, read from a review's stage outputs (see the pipeline contract)."""
    spans: list[Span] = []
    best = (ext.get("ratings") or {}).get("best") or {}
    if isinstance(best.get("start"), int) and isinstance(best.get("end"), int):
        score = best.get("score")
        label = f"rating: {best.get('text')}" + (f" → {score:g}/100" if isinstance(score, int | float) else "")
        spans.append(Span(best["start"], best["end"], "rating", label))
    aspects = ext.get("aspects")
    items = aspects.get("items", []) if isinstance(aspects, dict) else (aspects or [])
    for a in items:
        if isinstance(a.get("start"), int) and isinstance(a.get("end"), int) and a.get("aspect"):
            polarity = a.get("polarity") or "neutral"
            spans.append(Span(a["start"], a["end"], "aspect", str(a["aspect"]), f"aspect-{polarity}"))
    for s in (ext.get("spoilers") or {}).get("sentences") or []:
        if isinstance(s.get("start"), int) and isinstance(s.get("end"), int):
            spans.append(Span(s["start"], s["end"], "spoiler"))
    return spans


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _open(span: Span) -> Markup:
    if span.kind == "rating":
        return Markup('<mark class="rating" title="{}">').format(span.label)
    return Markup('<u class="aspect {}" title="{}" data-aspect="{}">').format(span.css, span.label, span.label)


def _close(span: Span) -> Markup:
    return Markup("</mark>") if span.kind == "rating" else Markup("</u>")


def _piece(text: str) -> Markup:
    return _BR.join(escape(line) for line in text.split("\n"))


def _inline(text: str, start: int, end: int, spans: Sequence[Span]) -> Markup:
    """``text[start:end]`` with the inline spans that touch it, clipped to it."""
    local = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(max(s.start, start) for s in local), *(min(s.end, end) for s in local)})
    out: list[Markup] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = sorted((s for s in local if s.start <= a and s.end >= b),
                        key=lambda s: (_INLINE_ORDER.get(s.kind, 9), s.start, s.label))
        out.extend(_open(s) for s in active)
        out.append(_piece(text[a:b]))
        out.extend(_close(s) for s in reversed(active))
    return Markup("").join(out)


def _spoiler(inner: Markup, number: int) -> Markup:
    return Markup(
        '<span class="spoiler" id="spoiler-{n}">'
        '<a class="spoiler-cover" href="?spoilers=show#spoiler-{n}" data-reveal>Spoiler hidden: show</a>'
        '<span class="spoiler-text">{inner}</span></span>'
    ).format(n=number, inner=inner)


def render_text(text: str, spans: Sequence[Span], headings: Iterable[str] = ()) -> list[Block]:
    """Split ``text`` into paragraphs (headings recognised by their text) with the spans marked."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    inline = [s for s in valid if s.kind != "spoiler"]
    spoilers = _merge((s.start, s.end) for s in valid if s.kind == "spoiler")
    heading_set = {h.strip() for h in headings if h and h.strip()}
    blocks: list[Block] = []
    counter = 0
    for p_start, p_end in _paragraphs(text):
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        if p_start >= p_end:
            continue
        parts: list[Markup] = []
        cursor = p_start
        for s_start, s_end in spoilers:
            a, b = max(s_start, p_start), min(s_end, p_end)
            if a >= b:
                continue
            if cursor < a:
                parts.append(_inline(text, cursor, a, inline))
            counter += 1
            parts.append(_spoiler(_inline(text, a, b, inline), counter))
            cursor = b
        if cursor < p_end:
            parts.append(_inline(text, cursor, p_end, inline))
        kind = "h" if text[p_start:p_end] in heading_set else "p"
        blocks.append(Block(kind, Markup("").join(parts)))
    return blocks
