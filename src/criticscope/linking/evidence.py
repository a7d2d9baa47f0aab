"""Evidence about which film a review is about, gathered from one page.

Everything here is read from the page itself: title spans the catalog knows
(with their typographic cues: quotes, capitals, an attached year), years,
people, country, language and platform cues, the publication date, the URL
slug, the page's structured data, and the relations that point *away* from a
title ("remake of", "the 1978 original", "of the same name").  Scoring against
candidate films happens in :mod:`criticscope.linking.score`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol
from urllib.parse import unquote, urlparse

from criticscope.pipeline import ReviewDoc

from .common_words import COMMON_WORDS
from .cues import (
    AWAY_YEAR_RE,
    CAST_AFTER_RE,
    CAST_BEFORE_RE,
    COUNTRY_CUES,
    CREDIT_AFTER_RE,
    DIRECTOR_AFTER_RE,
    DIRECTOR_BEFORE_RE,
    FRANCHISE_AFTER_RE,
    FRANCHISE_BEFORE_RE,
    PAGE_PHRASES,
    REVIEW_MARKER_AFTER,
    SAME_NAME_RE,
    SMALL_WORDS,
)


class TitleIndex(Protocol):
    """The part of :class:`criticscope.catalog.CatalogIndex` evidence gathering uses."""

    def find_titles(self, text: str) -> list[tuple[int, int, str]]: ...

    def find_people(self, text: str) -> list[tuple[int, int, int]]: ...


YEAR_RE = re.compile(r"(?<![\d$£€#/:.,-])((?:19[0-9]|20[0-4])\d)(?![\d%]|s\b|-\d)")
_OPEN_QUOTES = "“\"‘'«„"
_CLOSE_QUOTES = "”\"’'»“"
_SENT_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]—–\n]| - ")
_YEAR_AFTER = re.compile(r"^\s*[(\[]\s*((?:19|20)\d{2})\s*[)\]]|^\s+((?:19|20)\d{2})\b(?![-–/]\d)")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})['’]s\s+$|\bthe ((?:19|20)\d{2})\s+$")
_WORD = re.compile(r"[\w’']+")
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
_FILM_VERB_BEFORE = re.compile(
    r"\b(?:watch(?:ing|ed)?|re-?watch(?:ing|ed)?|revisit(?:ing|ed)?|saw|seen|see|screen(?:ing|ed)?|review(?:ing|ed)?"
    r"|restor(?:ed|ation of)|release of|premiere of|original|the new|sequel to|remake of|cut of|rent(?:ed)?"
    r"|stream(?:ing|ed)?|title[ds]?|called|named|dubbed|entitled)\s*,?\s+$", re.IGNORECASE)
_DIRECTED_AFTER = re.compile(
    r"^\s*,?\s*\(?\s*(?:directed by|dir\.|written and directed by|from director)\s+[A-Z]"
    r"|^\s*,\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,4}(?:film|drama|comedy|thriller|documentary|feature|movie|debut"
    r"|western|musical|horror film|animation)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|across|near|around|outside|through|into|towards?|won|wins|win|winning|awarded)"
    r"(?: the| a| an)?(?: [a-z]+)?\s+$")
_NEWER_BEFORE = re.compile(
    r"\b(?:the|this|a) (?:new|latest|modern|updated|american|english-language|second|third|fourth|fifth|sixth"
    r"|live-action)\s+$", re.IGNORECASE)
_NEWER_AFTER = re.compile(r"^[’']?s?\s+(?:remake|reboot|redo|update|re-?imagining)\b", re.IGNORECASE)
_PAREN_CREDIT = re.compile(r"[(\[][^()\[\]]{0,80}$")


# Words always written with a capital that are everyday words all the same.
CAPITALIZED_COMMON = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december christmas easter halloween thanksgiving god lord mom dad "
    "mum mother father sir madam".split()
) | frozenset(COUNTRY_CUES)


def is_weak_title(surface: str, name_like: bool = False) -> bool:
    """True for one-word titles that are everyday words ("Up", "Heat", "Drive"),
    very short, always capitalized anyway ("Friday", "Dutch"), or a person's name
    (``name_like``: "Carol", "Jackie"): the text names them only with a strong cue.
    Titles of two words or more ("The Call", "Poor Things") are not weak; the rule
    that they must stand apart from neighbouring capitalized words guards them."""
    words = [w.lower().strip("’'") for w in _WORD.findall(surface)]
    content = [w for w in words if w not in SMALL_WORDS] or words
    if not content:
        return True
    if len(content) > 1:
        return False
    word = content[0]
    return len(word) <= 4 or word in COMMON_WORDS or word in CAPITALIZED_COMMON or name_like


def is_common_phrase(surface: str) -> bool:
    """A multi-word title made only of everyday words ("Past Lives", "Cold War")."""
    words = [w.lower().strip("’'") for w in _WORD.findall(surface)]
    return len(words) > 1 and all(w in COMMON_WORDS or w in SMALL_WORDS for w in words)


@dataclass(slots=True)
class TitleSpan:
    """A place where the page names a catalog title."""

    start: int
    end: int
    norm: str
    surface: str
    source: str = "text"  # text | headline | heading
    quoted: bool = False
    allcaps: bool = False
    titlecase: bool = False
    sentence_start: bool = False
    year: int | None = None  # an attached year: "Title (2023)", "2023's Title"
    away: str | None = None  # derived | future | comparison | credit | same_name
    weak: bool = False
    review_marker: bool = False  # "Review: Title", "Title review"
    newer: bool = False  # "the new Title", "Title remake"
    bound: list[str] = field(default_factory=list)  # "Spielberg's Title": people bound to this mention
    sentence: int = 0
    paragraph: int = 0
    strength: float = 0.0
    rank: int = 0  # order among the headline's titles


@dataclass(slots=True)
class PersonSpan:
    start: int
    end: int
    name: str
    person_id: int | None
    role: str | None = None  # director | cast
    away: str | None = None
    sentence: int = 0
    source: str = "text"


@dataclass(slots=True)
class YearSpan:
    year: int
    start: int
    end: int
    away: str | None = None
    title_norm: str | None = None  # the title it is attached to
    sentence: int = 0
    comparison: bool = False  # inside "like X", "after X's 1978 film"


@dataclass(slots=True)
class Zone:
    start: int
    end: int
    kind: str
    cue: str


@dataclass
class Guess:
    """A title the page seems to review, read without the catalog (headline
    patterns, "Title (2024)", JSON-LD); may name a film the catalog lacks."""

    surface: str
    year: int | None
    source: str
    score: float
    start: int | None = None
    end: int | None = None


@dataclass
class PageEvidence:
    text: str
    headline: str
    titles: list[TitleSpan] = field(default_factory=list)
    headline_titles: list[TitleSpan] = field(default_factory=list)
    people: list[PersonSpan] = field(default_factory=list)
    years: list[YearSpan] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    same_name: list[Zone] = field(default_factory=list)
    countries: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    platforms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    published: date | None = None
    url: str | None = None
    url_tokens: list[str] = field(default_factory=list)
    url_years: list[int] = field(default_factory=list)
    jsonld_name: str | None = None
    jsonld_year: int | None = None
    jsonld_directors: list[str] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    named_directors: list[str] = field(default_factory=list)  # "directed by X", "a drama from X"
    sentence_starts: list[int] = field(default_factory=list)
    first_paragraph_end: int = 0
    lower_text: str = ""

    @property
    def published_year(self) -> int | None:
        return self.published.year if self.published else None

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_span(self, index: int) -> tuple[int, int]:
        start = self.sentence_starts[index] if self.sentence_starts else 0
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def zone_at(self, start: int, end: int) -> Zone | None:
        for zone in self.zones:
            if zone.start <= start and end <= zone.end:
                return zone
        return None

    def in_same_name(self, start: int, end: int) -> Zone | None:
        for zone in self.same_name:
            if zone.start <= start and end <= zone.end:
                return zone
        return None

    def name_positions(self, name: str) -> list[int]:
        """Offsets where ``name`` occurs in the text (case-insensitive, whole words)."""
        needle = name.lower().strip()
        if len(needle) < 3:
            return []
        out, pos = [], self.lower_text.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            before = self.lower_text[pos - 1] if pos else " "
            after = self.lower_text[end] if end < len(self.lower_text) else " "
            if not before.isalnum() and not after.isalnum():
                out.append(pos)
            pos = self.lower_text.find(needle, end)
        return out

    def as_list(self, limit: int = 60) -> list[dict[str, Any]]:
        """The evidence as JSON rows: kind, text, start, end, detail."""
        rows: list[dict[str, Any]] = []
        for span in self.headline_titles:
            rows.append({"kind": "headline_title", "text": span.surface, "start": None, "end": None,
                         "detail": {"source": span.source, "year": span.year, "rank": span.rank,
                                    "review_marker": span.review_marker}})
        if self.jsonld_name:
            rows.append({"kind": "structured", "text": self.jsonld_name, "start": None, "end": None,
                         "detail": {"year": self.jsonld_year, "directors": self.jsonld_directors}})
        if self.url_tokens:
            rows.append({"kind": "url", "text": " ".join(self.url_tokens), "start": None, "end": None,
                         "detail": {"years": self.url_years}})
        if self.published:
            rows.append({"kind": "published", "text": self.published.isoformat(), "start": None, "end": None,
                         "detail": {}})
        for span in self.titles:
            cues = [n for n in ("quoted", "allcaps", "titlecase", "review_marker") if getattr(span, n)]
            rows.append({"kind": "title", "text": span.surface, "start": span.start, "end": span.end,
                         "detail": {"cues": cues, "year": span.year, "away": span.away,
                                    "strength": round(span.strength, 2)}})
        for y in self.years:
            if y.title_norm or y.away:
                rows.append({"kind": "year", "text": str(y.year), "start": y.start, "end": y.end,
                             "detail": {"away": y.away, "title": y.title_norm}})
        for p in self.people:
            rows.append({"kind": "person", "text": p.name, "start": p.start, "end": p.end,
                         "detail": {"role": p.role, "away": p.away, "person_id": p.person_id}})
        for cue, spans in self.countries.items():
            s, e = spans[0]
            rows.append({"kind": "country", "text": self.text[s:e], "start": s, "end": e,
                         "detail": {"cue": cue, "count": len(spans)}})
        for cue, spans in self.platforms.items():
            s, e = spans[0]
            rows.append({"kind": "platform", "text": self.text[s:e], "start": s, "end": e,
                         "detail": {"cue": cue, "count": len(spans)}})
        for zone in self.zones + self.same_name:
            if zone.kind in ("derived", "future", "same_name"):
                rows.append({"kind": "relation", "text": self.text[zone.start:zone.end], "start": zone.start,
                             "end": zone.end, "detail": {"relation": zone.kind, "cue": zone.cue}})
        for g in self.guesses:
            rows.append({"kind": "title_guess", "text": g.surface, "start": g.start, "end": g.end,
                         "detail": {"source": g.source, "year": g.year, "score": round(g.score, 2)}})
        return rows[:limit]


# --- helpers over raw text -------------------------------------------------------


def sentence_starts(doc: ReviewDoc) -> list[int]:
    sents = doc.ext.get("sentences") if isinstance(doc.ext.get("sentences"), list) else None
    if sents:
        starts = sorted({int(s["start"]) for s in sents if "start" in s})
        if starts and starts[0] != 0:
            starts.insert(0, 0)
        return starts
    starts = [0]
    for m in _SENT_END.finditer(doc.text):
        starts.append(m.end())
    return starts


def _is_allcaps(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_titlecase(surface: str) -> bool:
    words = _WORD.findall(surface)
    if not words or not words[0][0].isupper() and not words[0][0].isdigit():
        return False
    for w in words[1:]:
        if w.lower() in SMALL_WORDS or w[0].isdigit():
            continue
        if not w[0].isupper():
            return False
    return True


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1):start]
    after = text[end:end + 3]
    quoted = bool(before) and before in _OPEN_QUOTES and any(c in _CLOSE_QUOTES for c in after[:2]) \
        and not (before == "'" and after[:1] in ("s", "t"))
    if quoted and re.search(r"[A-Z][\w.’'-]*\s$", text[max(0, start - 30):start - 1]) \
            and re.match(r"^[”\"’']\s+[A-Z]", text[end:end + 4]):
        return False  # a nickname inside a name: Bernadette “Bunny” Cole
    return quoted


def _at_sentence_start(text: str, start: int, starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    s0 = starts[i] if i >= 0 else 0
    head = text[s0:start]
    return not head.strip(" \t\"“‘'([*•-–—")


def _mixed_case(text: str) -> bool:
    lower = sum(map(str.islower, text))
    upper = sum(map(str.isupper, text))
    return lower > 0 and lower > 0.3 * (lower + upper)


def clause_zone(text: str, start: int, limit: int | None = None) -> int:
    """End of the clause that starts at ``start``; a list of short comma items
    ("The Raid, Oldboy, and Drive") stays in one clause."""
    limit = min(len(text), limit or len(text), start + 300)
    m = _CLAUSE_END.search(text, start, limit)
    end = m.start() if m else limit
    segment = text[start:end]
    parts = segment.split(",")
    if len(parts) == 1:
        return end
    keep = len(parts[0])
    for i, part in enumerate(parts[1:], 1):
        stripped = part.strip()
        more = i + 1 < len(parts)
        if stripped.startswith(("and ", "or ", "and the ", "or the ")) or (more and len(stripped.split()) <= 5):
            keep += 1 + len(part)
            continue
        break
    return start + keep


def _away_zones(text: str, phrases: list[tuple[int, int, object]]) -> list[Zone]:
    zones = []
    for start, stop, tagged in phrases:
        family, kind = tagged  # type: ignore[misc]
        if family != "away":
            continue
        end = clause_zone(text, stop)
        if end > stop:
            zones.append(Zone(stop, end, str(kind), text[start:stop].lower()))
    return zones


_SAME_NAME_AFTER = re.compile(r"shares?|identically|same-", re.IGNORECASE)
_NP_BOUNDARY = re.compile(r"\b(?:alongside|with|than|from|by|to|and|or|but|is|was|are|were|as|like|unlike|that|which"
                          r"|who|versus|vs\.?|against|beside|besides)\s", re.IGNORECASE)


def _same_name_zones(text: str, starts: Sequence[int]) -> list[Zone]:
    """The stretch of a sentence that describes another film with the same title."""
    zones = []
    for m in SAME_NAME_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        s0 = starts[i] if i >= 0 else 0
        s1 = starts[i + 1] if i + 1 < len(starts) else len(text)
        if _SAME_NAME_AFTER.match(m.group()):
            # "shares its name with X", "same name as X": the other film comes after
            zones.append(Zone(m.end(), clause_zone(text, m.end(), s1), "same_name", m.group().lower()))
            continue
        left = max(s0, m.start() - 90)
        for sep in (",", ";", "(", "—", "–"):
            k = text.rfind(sep, left, m.start())
            if k >= 0:
                left = max(left, k + 1)
        for b in _NP_BOUNDARY.finditer(text, left, m.start()):
            left = max(left, b.end())
        while left < m.start() and left > 0 and text[left - 1].isalnum():
            left += 1
        right = clause_zone(text, m.end(), s1)
        zones.append(Zone(left, max(right, m.end()), "same_name", m.group().lower()))
    return zones


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"(\d{4})$", text)
        if m:
            return date(int(m.group(1)), 7, 1)
    except ValueError:
        return None
    return None


def _as_names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _as_names(value.get("name"))
    if isinstance(value, Iterable):
        out: list[str] = []
        for v in value:
            out.extend(_as_names(v))
        return out
    return []


def _jsonld(doc: ReviewDoc) -> tuple[str | None, int | None, list[str]]:
    data = doc.structured or {}
    item = data.get("itemReviewed") if isinstance(data.get("itemReviewed"), dict) else data
    if not isinstance(item, dict):
        return None, None, []
    name = item.get("name") if isinstance(item.get("name"), str) else None
    year = None
    for key in ("dateCreated", "datePublished", "releaseDate", "year"):
        d = item.get(key)
        if d:
            m = re.search(r"(19|20)\d{2}", str(d))
            if m:
                year = int(m.group())
                break
    return (name.strip() if name else None), year, _as_names(item.get("director"))


def _url_parts(url: str | None) -> tuple[list[str], list[int]]:
    if not url:
        return [], []
    try:
        path = unquote(urlparse(url).path).lower()
    except ValueError:
        return [], []
    segments = [s for s in path.split("/") if s]
    # the slug is the longest path segment; dates in the path are not the film's year
    slug = max(segments, key=len, default="")[:200]
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug)
    tokens = [t for t in _SLUG_SPLIT.split(slug) if t]
    years = [int(t) for t in tokens if re.fullmatch(r"(?:19|20)\d{2}", t)]
    return tokens, years


# --- title spans -----------------------------------------------------------------


def _dedupe_longest(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping matches (left to right)."""
    out: list[tuple[int, int, str]] = []
    for s, e, n in sorted(spans, key=lambda t: (t[0], -(t[1] - t[0]))):
        if out and s < out[-1][1]:
            if (e - s) > (out[-1][1] - out[-1][0]) and s >= out[-1][0]:
                out[-1] = (s, e, n)
            continue
        out.append((s, e, n))
    return out


def _title_span(text: str, s: int, e: int, norm: str, starts: Sequence[int], source: str,
                name_like: bool = False) -> TitleSpan:
    surface = text[s:e]
    span = TitleSpan(start=s, end=e, norm=norm, surface=surface, source=source)
    span.quoted = _quoted(text, s, e)
    i = bisect.bisect_right(starts, s) - 1
    s0 = starts[i] if i >= 0 else 0
    s1 = starts[i + 1] if i + 1 < len(starts) else len(text)
    span.allcaps = _is_allcaps(surface) and _mixed_case(text[s0:s1])
    span.titlecase = _is_titlecase(surface)
    span.sentence_start = _at_sentence_start(text, s, starts)
    span.weak = is_weak_title(surface, name_like)
    span.sentence = max(0, i)
    m = _YEAR_AFTER.match(text[e:e + 12].lstrip("”\"’'*_"))
    if m:
        span.year = int(m.group(1) or m.group(2))
    else:
        m = _YEAR_BEFORE.search(text[max(0, s - 10):s])
        if m:
            span.year = int(m.group(1) or m.group(2))
    before = text[max(0, s - 40):s]
    after = text[e:e + 40]
    span.newer = bool(_NEWER_BEFORE.search(before) or _NEWER_AFTER.match(after))
    span.review_marker = bool(REVIEW_MARKER_AFTER.match(after)) or (
        source != "text" and bool(re.search(r"\breview\s*[:|–—-]\s*[“\"‘']?$", before, re.I)))
    return span


def _strength(span: TitleSpan, ev: PageEvidence, text: str,
              directed: Callable[[int | None, str], bool] = lambda pid, norm: True,
              stylized: Callable[[str, str], bool] = lambda surface, norm: False) -> float:
    """How surely this span names a film (0 drops it)."""
    surface = span.surface
    if surface.lower() == surface:
        # lowercase counts only when written exactly as a stylized catalog title ("mother!")
        return 1.0 if stylized(_with_trailing_marks(text, span.start, span.end), span.norm) else 0.0
    if span.allcaps and _caps_run_longer(text, span.start, span.end):
        return 0.0  # "SICARIO" inside "SICARIO: DAY OF THE SOLDADO" is the other film
    if span.quoted or span.year or (span.allcaps and (len(surface) > 3 or not span.weak)):
        return 1.0
    if span.allcaps or not span.titlecase:
        return 0.0
    if _joined_to_capitals(text, span.start, span.end):
        return 0.0  # part of a longer name: "Fantasia Barrino", "Thunder Road", "Lincoln Center"
    if span.weak and re.match(r"(?:The|A|An) ", surface) and not span.sentence_start:
        span.weak = False  # a capitalized article mid-sentence marks a title: "liked The Thing"
    if span.weak:
        if _DIRECTED_AFTER.match(text[span.end:span.end + 40]):
            return 0.8  # "Nobody, directed by Ilya Naishuller"
        if span.sentence_start:
            return 0.0
        return 0.8 if _weak_context(span, ev, text, directed) else 0.0
    before = text[max(0, span.start - 40):span.start]
    place = _PLACE_BEFORE.search(before)
    if place and not (place.group().lower().startswith("in") and any(
            0 <= span.start - p.end <= 40 for p in ev.people)):
        return 0.5  # "in Tokyo", "moved to Chicago": a place as often as a film ("great in Drive" is not)
    if span.sentence_start:
        return 0.5 if is_common_phrase(surface) else 0.6
    return 0.7 if is_common_phrase(surface) else 0.85


_CAP_WORD_AFTER = re.compile(r"^[ \t]+(?:[A-Z][\w’'-]*|[0-9]+\b)")
_CAP_WORD_BEFORE = re.compile(r"(?:^|[\s(“\"‘])([A-Z][\w’'-]*)[ \t]+(?:(?:of|the|de|la|le) )?$")


def _joined_to_capitals(text: str, start: int, end: int) -> bool:
    """The span runs straight into another capitalized word on either side (no
    punctuation between), so it is part of a longer proper noun."""
    after = text[end:end + 30]
    m = _CAP_WORD_AFTER.match(after)
    if m and not re.match(r"^\s+(?:I|I['’]\w+)\b", after):
        return True
    before = text[max(0, start - 30):start]
    m = _CAP_WORD_BEFORE.search(before)
    if m:
        word = m.group(1)
        if word.endswith(("’s", "'s", "s’", "s'")):
            return False  # "Coogler's Sinners"
        if word.lower() in SMALL_WORDS or word in ("I", "A", "An", "The", "In", "On", "At", "As", "If", "So"):
            return False
        # a capitalized sentence opener ("Watching Halloween") is no name
        return not _at_sentence_start(text, start - len(m.group(0)) + m.start(1), [0] + _starts_near(text, start))
    return False


_CAPS_WORD = re.compile(r"[A-Z0-9][A-Z0-9’'&-]*(?![a-z])")


def _caps_run_longer(text: str, start: int, end: int) -> bool:
    """An ALL-CAPS title that is only part of a longer ALL-CAPS title: joined by a
    colon ("SICARIO: DAY OF THE SOLDADO", "TERMINATOR: DARK FATE") or one to three
    words more ("GOD IS A BULLET").  A longer shouted sentence is emphasis, not a title."""
    if re.match(r"^:\s+[A-Z0-9]", text[end:end + 4]) or re.search(r"[A-Z0-9]:\s+$", text[max(0, start - 4):start]):
        return True
    extra, pos = 0, end
    while extra < 5:
        m = _CAPS_WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
        if not m or not any(c.isalpha() for c in m.group()):
            break
        extra, pos = extra + 1, m.end()
    pos = start
    while extra < 5:
        before = re.search(r"([A-Z0-9][A-Z0-9’'&-]*) $", text[max(0, pos - 30):pos])
        if not before or not any(c.isalpha() for c in before.group(1)) or before.group(1) == "I":
            break
        extra, pos = extra + 1, pos - len(before.group(0))
    return 1 <= extra <= 3


def _starts_near(text: str, pos: int) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text, max(0, pos - 300), pos)]


def _weak_context(span: TitleSpan, ev: PageEvidence, text: str,
                  directed: Callable[[int | None, str], bool]) -> bool:
    """An everyday-word title mid-sentence counts with a film cue beside it:
    "in Heat" after a person, "(Drive)" after a name, "the film Crash", a review
    marker, or a credit role right after it."""
    before = text[max(0, span.start - 60):span.start]
    after = text[span.end:span.end + 30]
    if span.review_marker or (CREDIT_AFTER_RE.match(after) and re.match(r"^\W*\w+\s+[A-Z]", after)):
        return True  # "the Parasite director Bong Joon-ho"
    if re.search(r"['’]s\s+$", before) and any(
            0 <= span.start - p.end <= 4 and directed(p.person_id, span.norm) for p in ev.people):
        return True  # "Todd Haynes's Carol" (his film, not an actor's character)
    if _FILM_VERB_BEFORE.search(before):
        return True
    if re.search(r"\b(?:film|movie|picture|documentary|thriller|drama|comedy|classic|remake|sequel)\s+$",
                 before, re.I):
        return True
    if _PAREN_CREDIT.search(before) and re.match(r"^\s*[,)\]]", after):
        return any(p.end <= span.start and span.start - p.end < 60 for p in ev.people)
    if re.search(r"\b(?:in|of|from)\s+$", before):
        return any(p.end <= span.start and span.start - p.end < 60 and p.sentence == span.sentence
                   for p in ev.people)
    return False


def _leading_headings(doc: ReviewDoc, text: str) -> list[str]:
    """Title lines of the page itself: its first text line when short and unpunctuated
    ("OLD", "Drive: a fairy tale with a hammer in it"), then its headings."""
    out: list[str] = []
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first.split()) <= 16 and not first.endswith((".", "?", "!")):
        out.append(first[:300])
    out.extend(h.strip()[:300] for h in (doc.headings or [])[:3] if h and h.strip() and h.strip() not in out)
    return out


def _with_trailing_marks(text: str, start: int, end: int) -> str:
    """The span plus punctuation glued to its end: "mother" -> "mother!"."""
    m = re.match(r"[!?.*]+", text[end:end + 3])
    return text[start:end] + (m.group() if m else "")


def _whole_segment(headline: str, start: int, end: int) -> bool:
    """The title is a whole part of the headline between separators: "Part 4: Crash",
    "Drive: a fairy tale with a hammer in it"."""
    before = headline[:start].rstrip(" “\"‘'")
    after = headline[end:].lstrip(" ”\"’'")
    return (not before or before[-1] in ":|–—-") and (not after or after[0] in ":|–—-(★☆½" or bool(
        re.match(r"\d(?:\.\d)?\s*(?:/|out of|stars?)", after)))


def _headline_titles(index: TitleIndex, headline: str, names: Callable[[str], bool],
                     stylized: Callable[[str, str], bool] = lambda surface, norm: False) -> list[TitleSpan]:
    if not headline:
        return []
    starts = [0]
    title_case = _is_titlecase(re.sub(r"[^\w\s’']", " ", headline))
    out = []
    for s, e, norm in _dedupe_longest(index.find_titles(headline)):
        span = _title_span(headline, s, e, norm, starts, "headline", names(headline[s:e]))
        span.allcaps = _is_allcaps(span.surface) and _mixed_case(headline)
        if span.surface.lower() == span.surface and not stylized(_with_trailing_marks(headline, s, e), norm):
            continue
        strong = span.quoted or span.year or span.allcaps or span.surface.lower() == span.surface
        if span.weak and not (strong or span.review_marker or _FILM_VERB_BEFORE.search(headline[:s])
                              or _whole_segment(headline, s, e)):
            continue
        if not strong and not title_case and _joined_to_capitals(headline, s, e):
            continue
        span.strength = 1.0
        out.append(span)
    for rank, span in enumerate(out):
        span.rank = rank
    return out


# --- catalog-free guesses ----------------------------------------------------------

_Q_OPEN = "“\"‘'"
_Q_CLOSE = "”\"’'"
_HEADLINE_TITLE_REVIEW = re.compile(
    r"^\s*(?:[\w ]{1,25}:\s+)?[“\"‘']?(?P<t>[^:|–—\"“”‘’(]{1,80}?)[”\"’']?\s*(?:\((?P<y>(?:19|20)\d{2})\))?\s*[:|–—-]?\s*"
    r"(?:(?:movie|film) )?review\b", re.IGNORECASE)
_HEADLINE_REVIEW_TITLE = re.compile(
    r"\breview\s*[:|–—-]\s*[“\"‘']?(?P<t>[^:|–—\"“”‘’(]{1,80}?)[”\"’']?\s*(?:\((?P<y>(?:19|20)\d{2})\))?"
    r"\s*(?:[:|–—,]|\s-\s|$)", re.IGNORECASE)
_HEADLINE_QUOTED_REVIEW = re.compile(
    r"\breview\s*[:|–—-]\s*[“\"‘'](?P<t>[^“”\"‘’]{1,80})[”\"’'](?:\s*\((?P<y>(?:19|20)\d{2})\))?"
    r"|^\s*[“\"‘'](?P<t2>[^“”\"‘’]{1,80})[”\"’']\s*(?:\((?P<y2>(?:19|20)\d{2})\))?\s*[:|–—-]?\s*(?:(?:movie|film) )?review\b",
    re.IGNORECASE)
_HEADLINE_TITLE_YEAR = re.compile(r"^\s*[“\"‘']?(?P<t>[^:|–—\"“”‘’(]{1,80}?)[”\"’']?\s*\((?P<y>(?:19|20)\d{2})\)")
_HEADLINE_QUOTED = re.compile(r"[“\"‘](?P<t>[^“”\"‘’]{1,80}?)[”\"’](?:\s*\((?P<y>(?:19|20)\d{2})\))?")
_GENERIC_LAST = frozenset({"movie", "film", "netflix", "tv", "streaming", "festival", "series", "show", "cinema"})


def _headline_guesses(headline: str) -> list[Guess]:
    """Titles a headline presents as reviewed: "X review", "Review: X", "X (2024)", "‘X’"."""
    out: list[Guess] = []
    m = _HEADLINE_QUOTED_REVIEW.search(headline)
    if m:  # a quoted title may hold a colon: "Film Review: ‘Dune: Part Two’"
        out.append(Guess(m.group("t") or m.group("t2"), _int(m.group("y") or m.group("y2")), "headline", 4.0))
    m = None if out else _HEADLINE_TITLE_REVIEW.search(headline)
    if m and m.group("t").split()[-1].lower() not in _GENERIC_LAST and "review" not in m.group("t").lower():
        out.append(Guess(m.group("t"), _int(m.group("y")), "headline", 3.5))
    elif not out:
        for m in _HEADLINE_REVIEW_TITLE.finditer(headline):
            t = m.group("t")
            if "review" not in t.lower():
                out.append(Guess(t, _int(m.group("y")), "headline", 4.0))
                break
    m = _HEADLINE_TITLE_YEAR.search(headline)
    if m:
        out.append(Guess(m.group("t"), _int(m.group("y")), "headline", 4.0))
    for m in _HEADLINE_QUOTED.finditer(headline):
        if re.search(r"[A-Z][\w.’'-]*\s+$", headline[:m.start()]) and re.match(r"^\s+[A-Z]", headline[m.end():]):
            continue  # a nickname inside a name: Bernadette “Bunny” Cole
        if m.group("t")[:1].isupper() or m.group("t")[:1].isdigit():
            out.append(Guess(m.group("t"), _int(m.group("y")), "headline", 2.5))
    return _keep_titlelike(out)


def _headline_part_guesses(ev: PageEvidence) -> list[Guess]:
    """A title-case part of the headline the text keeps repeating ("Issue #112:
    Hundreds of Beavers, or, ...")."""
    out = []
    if ev.headline:
        for seg in re.split(r"\s*[:|–—]\s+|,\s+", ev.headline):
            seg = seg.strip(" .,;'\"“”‘’")
            words = seg.split()
            if (2 <= len(words) <= 8 and _is_titlecase(seg) and not _is_allcaps(seg)
                    and not re.search(r"#|\d{3,}", seg) and _body_count(ev, seg) >= 1):
                out.append(Guess(seg, None, "headline_part", 1.5))
    return out


def _body_count(ev: PageEvidence, phrase: str) -> int:
    """Occurrences of ``phrase`` in the text outside lines that repeat the headline."""
    count = ev.text.count(phrase)
    if ev.headline and phrase in ev.headline:
        count -= sum(1 for line in ev.text.splitlines() if line.strip() == ev.headline.strip())
    return count


def _keep_titlelike(out: list[Guess]) -> list[Guess]:
    kept = []
    for g in out:
        g.surface = g.surface.strip(" .,;:'\"“”‘’")
        if g.surface and len(g.surface.split()) <= 10 and (_is_titlecase(g.surface) or _is_allcaps(g.surface)):
            kept.append(g)
    return kept


def _int(value: str | None) -> int | None:
    return int(value) if value else None


# Bounded repetitions and unambiguous separators keep these linear on long runs of capitals.
_TITLE_WORD = r"[A-Z0-9][\w’'&.!?]*(?:-[\w’'&.!?]+)*"
_PAREN_YEAR = re.compile(r"[(\[](?P<y>(?:19|20)\d{2})[)\]]")
_TITLE_BEFORE_YEAR = re.compile(
    r"(?<![\w’'&.!?-])(?P<t>" + _TITLE_WORD + r"(?:(?: |: | – | - )(?:" + _TITLE_WORD
    + r"|of|the|a|an|and|in|on|for|to|at|with|from|or|is|vs\.?)){0,8}) ?$"
)


def _titles_with_years(text: str):
    """"Title (2023)": the capitalized run just before each bracketed year."""
    for m in _PAREN_YEAR.finditer(text):
        left = max(0, m.start() - 150)
        t = _TITLE_BEFORE_YEAR.search(text, left, m.start())
        if t:
            yield t.start("t"), m.end(), t.group("t"), int(m.group("y"))


_POSSESSIVE_TITLE = re.compile(
    r"\b[A-Z][\w.-]+(?: [A-Z][\w.-]+){1,2}['’]s (?P<t>[A-Z0-9][\w’'-]*(?: (?:[A-Z0-9][\w’'-]*|of|the|a|an|and|in|on"
    r"|for|to|at|with|from)){0,8})")
_QUOTED_TEXT = re.compile(r"[“\"](?P<t>[A-Z0-9][^“”\"\n]{1,70}?)[,.!?]?[”\"]")
_ALLCAPS_RUN = re.compile(r"\b[A-Z0-9][A-Z0-9’'&]*(?:-[A-Z0-9’'&]+)*(?::? [A-Z0-9][A-Z0-9’'&]*(?:-[A-Z0-9’'&]+)*){1,9}\b")
_URL_REVIEW = re.compile(r"(?:^| )(?P<t>[a-z0-9 ]+?) (?:(?:movie|film) )?review\b")


def _url_guesses(ev: PageEvidence, index: TitleIndex) -> list[Guess]:
    """"/barbie-review-margot-robbie/": the longest catalog title just before "review"
    in the slug."""
    m = _URL_REVIEW.search(" ".join(ev.url_tokens))
    if not m:
        return []
    words = [w for w in m.group("t").split() if not re.fullmatch(r"\d+", w)]
    for k in range(min(len(words), 10), 0, -1):
        phrase = " ".join(words[-k:])
        if any(s == 0 and e == len(phrase) for s, e, _ in index.find_titles(phrase)):
            return [Guess(phrase, ev.url_years[0] if ev.url_years else None, "url", 2.0)]
    return []


_LEADING_FUNCTION = re.compile(r"^(?:In|With|And|But|Like|For|From|Of|On|At|As|While|Unlike|Both|See|Watch)\s+")


def _guesses(ev: PageEvidence) -> list[Guess]:
    out: list[Guess] = []
    headline = ev.headline
    if ev.jsonld_name:
        out.append(Guess(ev.jsonld_name, ev.jsonld_year, "structured", 5.0))
    out.extend(_headline_guesses(headline) if headline else [])
    for source, text, score in (("headline_caps", headline, 2.5), ("allcaps", ev.text[:1500], 1.5)):
        if text and _mixed_case(text):
            for m in _ALLCAPS_RUN.finditer(text):
                run = m.group().strip(" :,.-")
                # a title written in capitals comes back; a shouted phrase usually does not
                needed = 1 if source == "headline_caps" else 2
                if len(run.split()) >= 2 and len(run) >= 6 and _body_count(ev, run) >= needed:
                    out.append(Guess(run, None, source, score, m.start() if source == "allcaps" else None,
                                     m.end() if source == "allcaps" else None))
    first = ev.text[: max(ev.first_paragraph_end, 600)]
    for start, end, raw, year in _titles_with_years(ev.text):
        t = _LEADING_FUNCTION.sub("", raw).strip(" .,;:-–")
        if t and 1 <= len(t.split()) <= 10:
            weight = 2.0 if start < len(first) else 0.8
            if ev.zone_at(start, end) is not None:
                weight *= 0.2
            out.append(Guess(t, year, "text_year", weight, start, end))
    for m in _POSSESSIVE_TITLE.finditer(first):
        t = m.group("t").strip()
        if t.isdigit():
            continue
        if 1 <= len(t.split()) <= 8 and not ev.zone_at(m.start("t"), m.end("t")):
            out.append(Guess(t, None, "possessive", 1.2, m.start("t"), m.end("t")))
    for m in _QUOTED_TEXT.finditer(first):
        t = m.group("t").strip()
        if 1 <= len(t.split()) <= 8 and _is_titlecase(t):
            zone = ev.zone_at(m.start(), m.end())
            out.append(Guess(t, None, "quoted", 0.2 if zone else 0.8, m.start(), m.end()))
    return out


# --- the gatherer ------------------------------------------------------------------


def _role(text: str, s: int, e: int) -> str | None:
    before = text[max(0, s - 40):s]
    after = text[e:e + 40]
    if DIRECTOR_BEFORE_RE.search(before) or DIRECTOR_AFTER_RE.match(after):
        return "director"
    if CAST_BEFORE_RE.search(before) or CAST_AFTER_RE.match(after) or re.match(r"^\s*\(", after):
        return "cast"
    return None


def person_away(ev: PageEvidence, text: str, s: int, e: int) -> str | None:
    zone = ev.in_same_name(s, e)
    if zone is not None:
        return "same_name"
    zone = ev.zone_at(s, e)
    if zone is not None and zone.kind in ("derived", "future", "same_name"):
        return zone.kind
    after = text[e:e + 60]
    m = re.match(r"^['’]s\s+(?:(?:(?!new\b|latest\b|own\b)[\w-]+\s+){0,2})(original|classic|predecessor|upcoming"
                 r"|coming|forthcoming|next)\b", after, re.I) or re.match(
        r"^['’]s\s+(?:\w+\s+)?(?:19|20)\d{2}\s+(?:version|original|adaptation|take|classic)\b", after, re.I)
    if m:
        return "future" if m.lastindex and "coming" in m.group(1).lower() or "next" in m.group(0).lower() \
            else "derived"
    return None


def gather(doc: ReviewDoc, index: TitleIndex, cache: dict[str, bool] | None = None) -> PageEvidence:
    """Read every cue the page offers (no catalog film is scored here).  ``cache``
    keeps per-word catalog look-ups between pages."""
    text = doc.text or ""
    headline = (doc.headline or "").strip()[:300]
    ev = PageEvidence(text=text, headline=headline, lower_text=text.lower())
    ev.sentence_starts = sentence_starts(doc)
    para = re.search(r"\n\s*\n", text)
    ev.first_paragraph_end = para.start() if para and para.start() > 80 else min(len(text), 700)
    phrases = PAGE_PHRASES.finditer(text)
    ev.zones = _away_zones(text, phrases)
    ev.same_name = _same_name_zones(text, ev.sentence_starts)
    ev.published = parse_date(doc.published) or parse_date((doc.structured or {}).get("datePublished"))
    ev.url = doc.url
    ev.url_tokens, ev.url_years = _url_parts(doc.url)
    ev.jsonld_name, ev.jsonld_year, ev.jsonld_directors = _jsonld(doc)

    # people first: some title cues look at the names around them
    for s, e, pid in index.find_people(text):
        p = PersonSpan(start=s, end=e, name=text[s:e], person_id=pid, sentence=ev.sentence_of(s))
        p.role = _role(text, s, e)
        p.away = person_away(ev, text, s, e)
        ev.people.append(p)

    name_cache: dict[str, bool] = cache if cache is not None else {}
    held: list[TitleSpan] = []

    def stylized(surface: str, norm: str) -> bool:
        """A lowercase title with punctuation that a catalog film is written exactly as."""
        if not re.search(r"[^\w\s]", surface):
            return False
        return any(f is not None and f.title == surface
                   for f in (index.film(fid) for fid in index.films_by_norm_title(norm)[:20]))

    def directed(person_id: int | None, norm: str) -> bool:
        """The person directed a film with this title (so "X's Title" is that film)."""
        if person_id is None or not hasattr(index, "credits_of_person"):
            return True
        films = set(index.films_by_norm_title(norm))
        return any(role == "director" and fid in films for fid, role in index.credits_of_person(person_id))

    def name_like(surface: str) -> bool:
        """A one-word title that is also a catalog person's first or last name."""
        words = _WORD.findall(surface)
        if len(words) != 1 or not hasattr(index, "people"):
            return False
        key = words[0].lower()
        if key not in name_cache:
            if len(name_cache) > 50_000:
                name_cache.clear()
            name_cache[key] = bool(index.people(words[0]))
        return name_cache[key]

    for s, e, norm in _dedupe_longest(index.find_titles(text)):
        if any(p.start <= s and e <= p.end for p in ev.people) and not _quoted(text, s, e):
            continue  # a title inside a person's name is the person
        span = _title_span(text, s, e, norm, ev.sentence_starts, "text", name_like(text[s:e]))
        span.paragraph = 0 if s < ev.first_paragraph_end else 1
        zone = ev.zone_at(s, e)
        if zone is not None:
            span.away = zone.kind
        elif CREDIT_AFTER_RE.match(text[e:e + 30]) or _credit_parens(ev, text, s, e):
            span.away = "credit"
        elif FRANCHISE_AFTER_RE.match(text[e:e + 30]) or FRANCHISE_BEFORE_RE.search(text[max(0, s - 30):s]):
            span.away = "franchise"
        span.strength = _strength(span, ev, text, directed, stylized)
        if span.strength > 0:
            ev.titles.append(span)
        elif span.weak and span.titlecase and not _joined_to_capitals(text, s, e):
            held.append(span)
    ev.headline_titles = _headline_titles(index, headline, name_like, stylized)
    if not ev.headline_titles:
        # the page's own title line ("Drive: a fairy tale ...") when the headline is the site's name
        for heading in _leading_headings(doc, text):
            found = [sp for sp in _headline_titles(index, heading, name_like)
                     if _whole_segment(heading, sp.start, sp.end)]
            if found:
                ev.headline, headline, ev.headline_titles = heading, heading, found
                break
    # an everyday-word title the page names clearly elsewhere also counts where it
    # opens a sentence or stands without a cue ("Smile will not win prizes")
    named = {sp.norm for sp in ev.headline_titles} | {sp.norm for sp in ev.titles if sp.strength >= 0.8}
    for span in held:
        if span.norm in named:
            span.strength = 0.5
            ev.titles.append(span)
    ev.titles.sort(key=lambda sp: sp.start)

    for m in YEAR_RE.finditer(text):
        y = YearSpan(int(m.group(1)), m.start(1), m.end(1), sentence=ev.sentence_of(m.start(1)))
        zone = ev.zone_at(y.start, y.end) or ev.in_same_name(y.start, y.end)
        if zone is not None and zone.kind in ("derived", "future", "same_name"):
            y.away = zone.kind
        elif zone is not None:
            y.comparison = True
        ev.years.append(y)
    for m in AWAY_YEAR_RE.finditer(text):
        for y in ev.years:
            if y.start == m.start("y"):
                y.away = y.away or "derived"
    for span in ev.titles:
        if span.year is not None:
            for y in ev.years:
                if y.year == span.year and (0 <= y.start - span.end <= 8 or 0 <= span.start - y.end <= 5):
                    y.title_norm = span.norm

    head_phrases = [(None, None, fv) for _, _, fv in PAGE_PHRASES.finditer(headline)] if headline else []
    for start, stop, (family, value) in phrases + head_phrases:  # type: ignore[misc]
        if start is None:  # the headline's cues count, without offsets in the text
            if family in ("country", "platform"):
                target = ev.countries if family == "country" else ev.platforms
                target.setdefault(str(value), []).append((0, 0))
            continue
        if family == "country":
            ev.countries.setdefault(str(value), []).append((start, stop))
        elif family == "platform":
            ev.platforms.setdefault(str(value), []).append((start, stop))
    ev.guesses = _guesses(ev) + _url_guesses(ev, index) + _headline_part_guesses(ev)
    ev.named_directors = _named_directors(ev)
    _bind_people(ev)
    _drop_inner_spans(ev)
    return ev


_NAME = r"(?P<n>[A-Z][\w.’'-]+(?: (?:de |van |von |del |da |di |le |la )?[A-Z][\w.’'-]+){1,2})"
_DIRECTOR_NAME_RES = (
    re.compile(r"\b(?:directed by|written and directed by|helmed by|direction of|from (?:director|filmmaker))\s+" + _NAME),
    re.compile(r"\b(?:film|drama|comedy|thriller|documentary|feature|debut|western|musical|movie) from\s+" + _NAME),
    re.compile(r"\b(?:director|filmmaker|writer-director|auteur)\s+" + _NAME),
    re.compile(_NAME + r"['’]s (?:new |latest |debut |first |second |third )?(?:film|feature|drama|comedy|thriller"
               r"|documentary|movie|debut)\b"),
)


def _named_directors(ev: PageEvidence) -> list[str]:
    """Directors the text names with a role cue, whether or not the catalog knows them."""
    out: list[str] = []
    for pattern in _DIRECTOR_NAME_RES:
        for m in pattern.finditer(ev.text):
            name = m.group("n").rstrip(".’'")
            zone = ev.zone_at(m.start("n"), m.end("n")) or ev.in_same_name(m.start("n"), m.end("n"))
            if zone is not None and zone.kind in ("derived", "future", "same_name", "credit"):
                continue
            if name.split()[0] in ("The", "A", "An", "In", "On", "But", "And") or name in out:
                continue
            out.append(name)
    return out


# "X's Title", "X's ‘Title’", "X's original Title", "X's haunting new Title"
_BOUND_GAP = re.compile(r"^['’]s?\s+(?:[a-z][\w-]*\s+){0,2}[“\"‘']?$")


def _bind_people(ev: PageEvidence) -> None:
    """"Steven Spielberg's West Side Story", "Halloween, directed by John Carpenter":
    the person is bound to that mention of the title."""
    text = ev.text
    for span in ev.titles:
        for p in ev.people:
            gap = text[p.end:span.start] if p.end <= span.start else None
            if gap is not None and len(gap) <= 30 and _BOUND_GAP.match(gap):
                span.bound.append(p.name)
            elif span.end <= p.start <= span.end + 30 and re.match(
                    r"^\s*[,(]?\s*(?:\(?\s*(?:directed by|dir\.?|from director)\s*)$", text[span.end:p.start], re.I):
                span.bound.append(p.name)


def _drop_inner_spans(ev: PageEvidence) -> None:
    """A catalog title inside a longer title the headline or structured data names
    ("Mama" in "Earth Mama review") is part of that title, not a film of its own."""
    longer = [g.surface for g in ev.guesses if g.source in ("headline", "structured") and len(g.surface) > 3]

    def inside(text: str, start: int, end: int) -> bool:
        for surface in longer:
            pos = text.find(surface)
            while pos >= 0:
                if pos <= start and end <= pos + len(surface) and (end - start) < len(surface):
                    return True
                pos = text.find(surface, pos + 1)
        return False

    ev.headline_titles = [s for s in ev.headline_titles if not inside(ev.headline, s.start, s.end)]
    spans = [(sp.start, sp.end) for sp in ev.headline_titles]
    keep = []
    for g in ev.guesses:
        pos = ev.headline.find(g.surface) if g.source == "headline" else -1
        if pos >= 0 and any(s <= pos and pos + len(g.surface) <= e and e - s > len(g.surface) for s, e in spans):
            continue  # "Dune" read off "Dune: Part Two"
        keep.append(g)
    ev.guesses = keep
    ev.titles = [s for s in ev.titles if not inside(ev.text, s.start, s.end)]


def _credit_parens(ev: PageEvidence, text: str, s: int, e: int) -> bool:
    """"Steven Yeun (Minari)" and "(Bill Murray, GROUNDHOG DAY)": a title in
    parentheses right after a person is that person's other work."""
    before = text[max(0, s - 70):s]
    m = _PAREN_CREDIT.search(before)
    if not m:
        return False
    open_at = s - (len(before) - m.start())
    return any(p.end <= s and open_at - 3 <= p.end and p.start >= open_at - 60 for p in ev.people) or any(
        p.start > open_at and p.end <= s for p in ev.people)
