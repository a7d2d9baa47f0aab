"""Sentence splitting for critic prose, with exact character spans over ``doc.text``.

The text is first cut into paragraph units (lines; hard-wrapped lines are joined
back), so a sentence never crosses a paragraph or a heading, and the segmenter
only ever sees one paragraph at a time.  Inside a paragraph the boundaries come
from ``sentencex`` (fast, maintained, rule-based), with ``pysbd`` as a fallback
backend; a small pass then re-joins the few splits both make after title
abbreviations that precede a name ("Dr. No", "Sgt. Pepper").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from criticscope.pipeline import ReviewDoc

Sentence = dict[str, Any]
Splitter = Callable[[str], list[tuple[int, int]]]

_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦*]|-(?=\s)|–(?=\s)|\d{1,2}[.)](?=\s))[ \t]+")
_TERMINAL = tuple(".!?:;\"”’')]…")
# Abbreviations that stand before a name or number and never end a sentence in critic prose.
_TITLE_ABBREV = re.compile(
    r"(?:^|[\s(\"“])(?:Dr|Mr|Mrs|Ms|Mx|Messrs|St|Prof|Sgt|Lt|Col|Gen|Capt|Cpt|Rev|Hon|Pres|Gov|Sen|Rep"
    r"|Fr|Sr|Jr|vs|Vs|v|No|Nos|Vol|Vols|Pt|Pts|Ch|Ep|Mt|Ft|approx|cf|ca|feat|ft|dir|prod|pp|ed|eds)\.$"
)
_INITIAL = re.compile(r"(?:^|\s)[A-Z][a-z'’-]+ [A-Z]\.$")
_HEADING_MAX_WORDS = 20
_CONTINUATION = frozenset("—–-,;:)]")
_INTERNAL_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]")
_CLOSED = re.compile(r"[.!…][\"”’')\]]*$")


def _paragraph_units(text: str) -> list[tuple[int, int]]:
    """Spans of paragraph units: one per line, except hard-wrapped lines joined back."""
    units: list[list[int]] = []
    prev_end = -1
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            prev_end = -1
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.start() + len(line.rstrip())
        if units and prev_end == match.start() - 1 and _continues(text[units[-1][0]:units[-1][1]], line.strip()):
            units[-1][1] = end
        else:
            units.append([start, end])
        prev_end = match.end()
    return [(s, e) for s, e in units]


def _continues(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stops mid-sentence (hard wrap)."""
    if not previous or previous.endswith(_TERMINAL):
        return False
    if _BULLET.match(line):
        return False
    first = line[0]
    return first.islower() or (previous.endswith((",", "-", "—", "–")) and not first.isupper())


def _sentencex_splitter() -> Splitter:
    import sentencex

    def split(text: str) -> list[tuple[int, int]]:
        return [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries("en", text)]

    return split


def _pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)

    def split(text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        cursor = 0
        for piece in segmenter.segment(text):
            piece = piece.strip()
            if not piece:
                continue
            found = text.find(piece, cursor)
            if found < 0:  # pysbd normalised something: keep what is left as one piece
                spans.append((cursor, len(text)))
                break
            spans.append((found, found + len(piece)))
            cursor = found + len(piece)
        return spans

    return split


BACKENDS: dict[str, Callable[[], Splitter]] = {"sentencex": _sentencex_splitter, "pysbd": _pysbd_splitter}


def load_splitter(backend: str = "auto") -> tuple[str, Splitter]:
    """The paragraph-level segmenter: ``sentencex`` when installed, else ``pysbd``."""
    names = ["sentencex", "pysbd"] if backend == "auto" else [backend]
    for name in names:
        try:
            return name, BACKENDS[name]()
        except ImportError:
            continue
    raise ImportError(f"no sentence segmenter available (tried {', '.join(names)})")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            prev = text[prev_start:prev_end]
            nxt = text[start:end]
            after_abbrev = _TITLE_ABBREV.search(prev) or (_INITIAL.search(prev) and nxt[:1].isupper())
            # "many dozens? a few hundred?": a lowercase start never opens a sentence
            if nxt[:1].islower() or nxt[:1] in _CONTINUATION or (nxt[:1].isalnum() and after_abbrev):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _is_heading(unit: str) -> bool:
    return (
        len(unit.split()) <= _HEADING_MAX_WORDS
        and not _CLOSED.search(unit)
        and not _INTERNAL_BOUNDARY.search(unit)
    )


def split_sentences(text: str, splitter: Splitter | None = None) -> list[Sentence]:
    """Sentences of ``text`` as ``{"start", "end", "text", "paragraph", "heading"}``.

    ``text[start:end] == sentence["text"]`` always holds, with surrounding whitespace excluded.
    """
    if splitter is None:
        splitter = load_splitter()[1]
    out: list[Sentence] = []
    for paragraph, (ustart, uend) in enumerate(_paragraph_units(text)):
        bullet = _BULLET.match(text, ustart, uend)
        if bullet:
            ustart = bullet.end()
        unit = text[ustart:uend]
        if not unit.strip():
            continue
        heading = _is_heading(unit)
        if heading:
            spans = [(0, len(unit))]
        else:
            spans = _merge_abbreviations(unit, [_trim(unit, s, e) for s, e in splitter(unit)])
            spans = _cover(unit, spans)
        for s, e in spans:
            s, e = _trim(unit, s, e)
            if e <= s:
                continue
            out.append(
                {
                    "start": ustart + s,
                    "end": ustart + e,
                    "text": unit[s:e],
                    "paragraph": paragraph,
                    "heading": heading,
                }
            )
    return out


def _cover(unit: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make the spans tile the unit: any gap a backend dropped joins the sentence before it."""
    if not spans:
        return [(0, len(unit))]
    fixed: list[tuple[int, int]] = []
    cursor = 0
    for s, e in sorted(spans):
        if e <= cursor:
            continue
        s = max(s, cursor)
        if fixed and unit[cursor:s].strip():
            fixed[-1] = (fixed[-1][0], s)
        elif not fixed and unit[:s].strip():
            s = 0
        fixed.append((s, e))
        cursor = e
    if unit[cursor:].strip():
        fixed[-1] = (fixed[-1][0], len(unit))
    return fixed


class SentenceSplitter:
    """Pipeline stage ``sentences``: assigns ``doc.ext["sentences"]``."""

    name = "sentences"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("sentences",)

    def __init__(self, backend: str = "auto"):
        self.backend = backend
        self._splitter: Splitter | None = None
        self.backend_name: str | None = None

    @property
    def splitter(self) -> Splitter:
        if self._splitter is None:
            self.backend_name, self._splitter = load_splitter(self.backend)
        return self._splitter

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        doc.ext["sentences"] = split_sentences(doc.text or "", self.splitter)
        return doc


def create_component(settings: Any = None, **resources: Any) -> SentenceSplitter:
    return SentenceSplitter(backend=resources.get("sentence_backend", "auto"))
