"""Line-level cleaning shared by every format: from page blocks to the critic's text.

The passes, in order (each only labels lines the earlier ones left alone):

1. furniture: whole lines matching :mod:`.furniture` (ads, share/subscribe, reading time, badges...);
   speed and voice choices next to a listen-to-article widget; titles listed under "Related posts";
2. reader comments: the trailing comment section (see :mod:`.comments`);
3. photo credits, and captions: the line just before a credit, a line that ends with its own
   credit, or a caption-shaped line ("<Actor> in “<Title>.”");
4. hard-wrapped prose lines are joined back into paragraphs;
5. the head of the page, before the first paragraph of prose: the headline (the best-scoring
   candidate, see :mod:`.headline`), kickers and navigation labels before it, the byline (critic),
   the date; standfirst bullets, a rating line and a film facts line stay in the text;
6. the body: short lines between paragraphs become headings, everything else is prose;
7. a contributor bio closing the text ("Jane Doe is a film critic based in ...") is furniture.

Nothing that looks like a sentence of prose is dropped except inside the comment section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..pipeline import Comment
from .comments import find_zone, split_zone
from .dates import find_timestamp, parse_date
from .furniture import (
    ends_with_credit,
    furniture_kind,
    is_caption_shape,
    is_credit,
    is_rating_line,
    is_widget_context,
    rating_title,
)
from .headline import has_title_year, headline_score, is_generic, is_info_line, title_cased
from .meta import bio_name, is_person_name, normalize_line, outlet_from_line, parse_byline, role_byline

_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_BULLET = re.compile(r"^(?:[•·▪●◦‣∙]|[-*+](?=\s))\s*")
# words that end a line in the middle of a sentence (hard-wrapped prose)
_OPEN_WORDS = {
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "as", "at", "by", "from", "but", "or",
    "its", "his", "her", "their", "this", "that", "who", "which", "into", "than", "is", "was",
}
# a sentence break inside a line: "... verdict. And yes ..." (not an initial: "J. Robert")
_SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?][”’\"')]?\s+[A-Z“‘\"]")
_DATE_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|modified|date|released?|watched|reviewed|seen"
    r"|screened)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_NOISE = re.compile(r"\b(?:on|at|updated|published|posted)\b|[,|·•:]|(?:^|\s)[-–—/]+(?:\s|$)",
                         re.IGNORECASE)

# labels of lines that end up in the clean text
KEPT = {"prose", "heading", "rating"}


@dataclass
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    headline: str | None = None
    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    critic: str | None = None
    outlet: str | None = None
    published: str | None = None
    removed: list[str] = field(default_factory=list)
    zone_removed: list[str] = field(default_factory=list)  # furniture inside the comment section

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def words(line: str) -> list[str]:
    return line.split()


def ends_sentence(line: str) -> bool:
    return _TERMINAL.search(line) is not None


def is_prose_like(line: str) -> bool:
    n = len(words(line))
    return n >= 12 or (n >= 5 and ends_sentence(line))


def heading_like(line: str) -> bool:
    """Short, unpunctuated (a question is fine), starting with a capital, digit or quote."""
    if not line or len(line) > 120 or len(words(line)) > 14:
        return False
    if line[-1] in ".,;:…" or (line.endswith(("”", '"', "’")) and len(line) > 1 and line[-2] in ".,"):
        return False
    first = line[0]
    return first.isupper() or first.isdigit() or first in "“\"'‘¿¡"


def _is_label(line: str) -> bool:
    """A navigation/category label: a few words, no sentence punctuation, few lowercase words."""
    tokens = words(line)
    if len(tokens) > 4 or ends_sentence(line):
        return False
    lower = sum(1 for t in tokens if t[:1].islower())
    return lower / len(tokens) <= 0.5


_CRUMB_SEP = re.compile(r"\s+[›»>/|·•]\s+")


def _is_breadcrumb(line: str) -> bool:
    """"Home › Reviews › The Shining": several short segments joined by a path separator
    (a film facts line such as "Wim Wenders | Japan | 2023 | 124 min" is not one)."""
    if is_info_line(line):
        return False
    parts = _CRUMB_SEP.split(line)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts)


def _dated_byline(line: str) -> tuple[str | None, str] | None:
    """``(critic or None, ISO date)`` when the line holds only a date and maybe a byline:
    "Posted on 9 February 2022 by Jane Doe", "Jane Doe | March 3, 2024", "Updated 3 Mar 2024"."""
    if len(line) > 100:
        return None
    ts = find_timestamp(line)
    if ts is None:
        return None
    before = _DATE_PREFIX.sub("", line[: ts.start].strip())
    rest = f"{before} {line[ts.end:]}"
    rest = re.sub(r"\b\d+\s*(?:[Mm]in(?:ute)?s?)\s*read\b|\b(?:[A-Z]{1,4}T|UTC)\b", " ", rest)
    rest = _DATE_NOISE.sub(" ", rest)
    rest = " ".join(rest.split())
    if not rest:
        return None, ts.date.isoformat()
    by = parse_byline(rest, bare_ok=True)
    if by is not None and not by[1]:
        return by[0], ts.date.isoformat()
    return None


class _Lines:
    """The page as parallel lists: text, block kind and label of every line."""

    def __init__(self, blocks: Iterable[tuple[str, str]]):
        self.text: list[str] = []
        self.kind: list[str] = []
        for raw, kind in blocks:
            line = normalize_line(raw)
            if not line:
                self.text.append("")
                self.kind.append("blank")
                continue
            m = _BULLET.match(line)
            if m and m.end() < len(line):
                line, kind = line[m.end():].strip(), "item"
            self.text.append(line)
            self.kind.append(kind)
        self.label: list[str | None] = ["blank" if k == "blank" else None for k in self.kind]

    def __len__(self) -> int:
        return len(self.text)

    def free(self, i: int) -> bool:
        return self.label[i] is None

    def next_content(self, i: int, step: int = 1) -> int | None:
        """Nearest line after (or before) ``i`` that is neither blank, furniture, credit nor caption."""
        j = i + step
        while 0 <= j < len(self):
            if self.label[j] in (None, "prose", "rating", "heading", "byline"):
                return j
            j += step
        return None


def clean_blocks(
    blocks: Sequence[tuple[str, str]],
    *,
    join_wrapped: bool = True,
    title_hint: str | None = None,
    known_captions: Iterable[str] = (),
) -> Cleaned:
    """Clean a page given as ``(text, kind)`` blocks (kinds as in :class:`.model.Block`)."""
    lines = _Lines(blocks)
    out = Cleaned()
    captions = {normalize_line(c) for c in known_captions if c and c.strip()}
    _mark_furniture(lines, captions)
    _mark_link_lists(lines)
    _mark_comments(lines, out)
    _mark_captions(lines)
    if join_wrapped:
        _join_wrapped(lines)
    _mark_head(lines, out, title_hint)
    _mark_body(lines, out)
    _mark_bio(lines, out)
    _collect(lines, out)
    if not out.paragraphs and out.headline:
        # a page that is one short line: that line is the review, not its headline
        out.paragraphs, out.headline = [out.headline], None
    return out


def _mark_furniture(lines: _Lines, captions: set[str]) -> None:
    for i, line in enumerate(lines.text):
        if not lines.free(i):
            continue
        if line in captions:
            lines.label[i] = "caption"
            continue
        kind = furniture_kind(line)
        if kind is not None:
            lines.label[i] = f"furniture:{kind}"
    # speed/voice choices of a listen-to-article widget: runs of short lines touching an audio line
    i, n = 0, len(lines)
    while i < n:
        if lines.label[i] is None and not is_widget_context(lines.text[i]):
            i += 1
            continue
        j = i
        while j < n and (lines.label[j] is not None and lines.label[j] != "caption"
                         or (lines.label[j] is None and is_widget_context(lines.text[j]))):
            j += 1
        run = range(i, max(j, i + 1))
        if any(lines.label[k] == "furniture:audio" for k in run):
            for k in run:
                if lines.label[k] is None:
                    lines.label[k] = "furniture:audio"
        i = max(j, i + 1)


_LIST_HEADER = re.compile(
    r"(?:related(?: \w+)?|recommended(?: \w+)?|(?:most|more) (?:popular|read|viewed)|more from .{1,40}|"
    r"you (?:may|might) also like.{0,20}|trending(?: now)?|read (?:more|next)|(?:also|further) reading|"
    r"(?:latest|top) (?:stories|news|reviews)"
    r"|more (?:reviews|stories|articles|films|movies|features|news|essays|like this)(?: from us)?"
    r"|sponsored(?: \w+)?|promoted(?: \w+)?|(?:paid|partner) content|elsewhere(?: on .{1,40})?)\s*:?",
    re.IGNORECASE,
)


def _mark_link_lists(lines: _Lines) -> None:
    """Titles listed under "Related posts", "Most read", "Sponsored"...: link lists, not headings or prose.
    Only below the first paragraph: above it, such a list would take the headline with it."""
    n = len(lines)
    for i in range(_first_prose(lines), n):
        if not (lines.label[i] or "").startswith("furniture") or not _LIST_HEADER.fullmatch(lines.text[i]):
            continue
        j = i + 1
        while j < n:
            if lines.label[j] == "blank":
                j += 1
                continue
            if not lines.free(j) or ends_sentence(lines.text[j]) or len(words(lines.text[j])) > 15:
                break
            k = j + 1
            while k < n and lines.label[k] == "blank":
                k += 1
            if k < n and lines.free(k) and is_prose_like(lines.text[k]) and heading_like(lines.text[j]):
                break  # a section heading over prose ends the list
            lines.label[j] = "nav"
            j += 1


def _first_prose(lines: _Lines) -> int:
    """The first paragraph of prose: a sentence (a headline rarely ends with a full stop) or a long line."""
    for i, line in enumerate(lines.text):
        if not lines.free(i) or lines.kind[i] in ("item", "heading") or is_rating_line(line):
            continue
        n = len(words(line))
        if (n >= 6 and ends_sentence(line)) or n >= 30:
            return i
    return len(lines)


def _mark_comments(lines: _Lines, out: Cleaned) -> None:
    p0 = _first_prose(lines)
    if p0 >= len(lines):
        return
    kept = [lab is None for lab in lines.label]
    start = find_zone(lines.text, kept, p0 + 1)
    # a "Comments"/"Discussion" label that opens no comment section is an ordinary line after all
    for i in range(p0, len(lines) if start is None else start):
        if lines.label[i] == "furniture:comments_label":
            lines.label[i] = None
    if start is None:
        return
    comments, removed = split_zone(lines.text[start:])
    out.comments.extend(comments)
    out.zone_removed.extend(removed)
    for i in range(start, len(lines)):
        if lines.label[i] != "blank":
            lines.label[i] = "comment"


def _mark_captions(lines: _Lines) -> None:
    for i, line in enumerate(lines.text):
        if not lines.free(i) or is_rating_line(line):  # "Picture: 5/5" scores a disc, it credits no photo
            continue
        if is_credit(line):
            lines.label[i] = "credit"
            j = i - 1
            while j >= 0 and lines.label[j] == "blank":
                j -= 1
            if j >= 0 and lines.free(j) and _may_be_caption(lines.text[j]) and lines.kind[j] != "heading":
                lines.label[j] = "caption"
        elif lines.kind[i] != "heading" and (is_caption_shape(line) or ends_with_credit(line)):
            lines.label[i] = "caption"


def _may_be_caption(line: str) -> bool:
    """A line just above a photo credit is its caption unless it is a question (a heading),
    too long, an introduction ("...:"), a byline, a date or a rating."""
    return (not line_is_question(line) and len(words(line)) <= 30 and not line.endswith(":")
            and _SENTENCE_BREAK.search(line) is None
            and parse_byline(line, bare_ok=False) is None and find_timestamp(line) is None
            and not is_rating_line(line))


def line_is_question(line: str) -> bool:
    return line.rstrip("”\"’')").endswith("?")


def _join_wrapped(lines: _Lines) -> None:
    """Join hard-wrapped prose: a run of free lines of similar width inside one paragraph block,
    or a line that stops mid-sentence followed by one that starts in lower case.  Bylines, dates
    and rating lines are never part of a run, so a headline, its byline and a widget under it
    stay apart."""
    n = len(lines)
    joinable = [lines.free(k) and lines.kind[k] == "line" for k in range(n)]
    for k in range(n):  # only a line next to another joinable one is tested
        if joinable[k] and ((k > 0 and joinable[k - 1]) or (k + 1 < n and joinable[k + 1])):
            joinable[k] = not _barrier(lines.text[k])
    i = 0
    while i < n:
        if not joinable[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and joinable[j + 1]:
            j += 1
        if j > i:
            _join_run(lines, i, j)
        i = j + 1


def _barrier(line: str) -> bool:
    return (is_rating_line(line) or parse_byline(line, bare_ok=False) is not None
            or (len(line) <= 100 and _dated_byline(line) is not None))


def _mid_sentence(prev: str, cur: str) -> bool:
    """The break between ``prev`` and ``cur`` falls inside a sentence."""
    last = prev.rsplit(" ", 1)[-1].lower()
    return cur[:1].islower() or prev.endswith((",", ";", "-", "–", "—")) or last in _OPEN_WORDS


def _join_run(lines: _Lines, i: int, j: int) -> None:
    widths = [len(lines.text[k]) for k in range(i, j)]  # all but the last line
    uniform = (len(widths) >= 2 and min(widths) >= 40 and max(widths) <= 100 and max(widths) - min(widths) <= 35
               and len(lines.text[j]) <= max(widths) + 5
               and any(_mid_sentence(lines.text[k - 1], lines.text[k]) for k in range(i + 1, j + 1)))
    head = i
    for k in range(i + 1, j + 1):
        prev, cur = lines.text[head], lines.text[k]
        cont = (len(prev) >= 40 and not ends_sentence(prev) and (cur[:1].islower() or cur[:1].isdigit())
                and parse_byline(cur, bare_ok=False) is None and find_timestamp(cur[:60]) is None)
        if uniform or cont:
            lines.text[head] = prev[:-1] + cur if prev.endswith("-") and cur[:1].islower() else f"{prev} {cur}"
            lines.label[k] = "joined"
        else:
            head = k


def _mark_head(lines: _Lines, out: Cleaned, title_hint: str | None) -> None:
    p0 = _first_prose(lines)
    top = [i for i in range(min(p0, len(lines))) if lines.free(i)]
    candidates: list[int] = []
    names: list[int] = []
    rated: list[int] = []
    for i in top:
        line = lines.text[i]
        if is_rating_line(line):
            lines.label[i] = "rating"
            rated.append(i)
        elif lines.kind[i] == "item":
            lines.label[i] = "prose"
        elif (dated := _dated_byline(line)) is not None:
            lines.label[i] = "date" if dated[0] is None else "byline"
            out.published = out.published or dated[1]
            out.critic = out.critic or dated[0]
        elif (by := parse_byline(line, bare_ok=False)) is not None:
            lines.label[i] = "byline"
            out.critic = out.critic or by[0]
            out.published = out.published or (parse_date(by[1]) if by[1] else None)
        elif (role := role_byline(line)) is not None:
            lines.label[i] = "byline"
            out.critic = out.critic or role[0]
            out.published = out.published or role[1]
        elif is_person_name(line) and not is_generic(line):
            names.append(i)
        elif _is_breadcrumb(line):
            lines.label[i] = "nav"
        else:
            candidates.append(i)
    headline, text = _pick_headline(lines, candidates, names, rated, title_hint, out.critic is not None)
    if headline is not None:
        out.headline = text
        if lines.label[headline] != "rating":  # a title-with-rating line stays in the text
            lines.label[headline] = "headline"
        if headline in names:
            names.remove(headline)
    last_top = max(top) if top else -1
    for i in candidates:
        if i == headline:
            continue
        line = lines.text[i]
        before = headline is not None and i < headline
        if before:
            # kickers, site names and section labels; a film facts line or a "Title (2023)" line is kept
            lines.label[i] = "prose" if is_info_line(line) or has_title_year(line) else "nav"
        elif i == last_top and heading_like(line) and p0 < len(lines):
            lines.label[i] = "heading"  # a section heading right above the first paragraph
        elif _is_label(line) and (is_generic(line) or not title_cased(line)):
            lines.label[i] = "nav"
        else:
            lines.label[i] = "prose"  # a standfirst or dek under the headline
    # a byline or date may also sit just under a one-sentence standfirst
    for i in [k for k in range(p0, len(lines)) if lines.free(k)][:4]:
        line = lines.text[i]
        if len(line) > 80:
            continue
        if (dated := _dated_byline(line)) is not None:
            lines.label[i] = "date" if dated[0] is None else "byline"
            out.published = out.published or dated[1]
            out.critic = out.critic or dated[0]
        elif out.critic is None and not names and (by := parse_byline(line, bare_ok=False)) is not None:
            lines.label[i] = "byline"
            out.critic = by[0]
        elif out.critic is None and not names and (role := role_byline(line)) is not None:
            lines.label[i] = "byline"
            out.critic = role[0]
            out.published = out.published or role[1]
        elif out.critic is None and not names and is_person_name(line):
            names.append(i)
    if names:
        # a bare name above the headline is more likely a section label than a byline
        after = [i for i in names if headline is None or i > headline]
        chosen = after[0] if after else None
        for i in names:
            lines.label[i] = "byline" if i == chosen else "nav"
        if out.critic is None and chosen is not None:
            out.critic = lines.text[chosen]


def _pick_headline(lines: _Lines, candidates: list[int], names: list[int], rated: list[int],
                   title_hint: str | None, has_byline: bool) -> tuple[int | None, str | None]:
    """The headline's line index and text.  The text differs from the line only for a title with
    its rating ("Nosferatu (15) 4/5"), which stays in the text as the rating line."""
    if title_hint:
        hint = normalize_line(title_hint).casefold()
        for i in candidates:
            text = lines.text[i].casefold()
            if text == hint or (len(text) >= 10 and (text in hint or hint in text)):
                return i, lines.text[i]
    for i in candidates:
        if lines.kind[i] == "heading" and not is_generic(lines.text[i]):
            return i, lines.text[i]  # marked up as a heading
    # the review below the head, without its last line (a contributor bio names the site, not the film)
    start = max(candidates + names + rated, default=-1) + 1
    below = [lines.text[k] for k in range(start, len(lines)) if lines.free(k) and lines.kind[k] != "heading"]
    body = " ".join(below[:-1])
    scored = [(headline_score(lines.text[i], lines.kind[i], body), i, lines.text[i]) for i in candidates]
    if names and (len(names) >= 2 or has_byline):
        # a name-shaped line above the byline may be the film's title ("Perfect Days")
        scored += [(headline_score(lines.text[i], body=body), i, lines.text[i]) for i in names[:1]]
    for i in rated:  # the title in front of a rating: "Nosferatu (15) 4/5"
        title = rating_title(lines.text[i])
        if title and title_cased(title) and not is_generic(title) and len(words(title)) <= 8:
            scored.append((headline_score(title, body=body), i, title))
    if not scored:
        return None, None
    score, best, text = max(scored, key=lambda t: (t[0], -t[1]))
    if score < 0:  # only kickers and labels: the last short one, as a page without a title has
        best = max(candidates)
        text = lines.text[best]
        if len(words(text)) > 15:
            return None, None
    return best, text


def _mark_body(lines: _Lines, out: Cleaned) -> None:
    n = len(lines)
    for i in range(n):
        if not lines.free(i):
            continue
        line = lines.text[i]
        if is_rating_line(line):
            lines.label[i] = "rating"
        elif lines.kind[i] == "item" or lines.kind[i] == "quote":
            lines.label[i] = "prose"
        elif lines.kind[i] == "heading" and len(words(line)) <= 25:
            lines.label[i] = "heading"
        elif heading_like(line):
            nxt = lines.next_content(i)
            nxt_heading = nxt is not None and lines.free(nxt) and lines.kind[nxt] != "item" and heading_like(
                lines.text[nxt]) and not is_rating_line(lines.text[nxt])
            prev = lines.next_content(i, -1)
            prev_heading = prev is not None and lines.label[prev] == "prose" and heading_like(lines.text[prev])
            if nxt is None:
                by = parse_byline(line, bare_ok=True)
                if by is not None and (line.startswith(("—", "–", "-")) or is_person_name(line)
                                       or by[0] == out.critic or out.critic is None):
                    lines.label[i] = "byline"
                    out.critic = out.critic or by[0]
                else:
                    lines.label[i] = "prose"
            elif nxt_heading or prev_heading:
                lines.label[i] = "prose"  # a run of short lines: a list, not headings
            else:
                lines.label[i] = "heading"
        else:
            lines.label[i] = "prose"


def _mark_bio(lines: _Lines, out: Cleaned) -> None:
    """A contributor bio closing the critic's text ("Jane Doe is a film critic based in Leeds. Her work
    has appeared in ...") is page furniture; it names the critic when no byline did."""
    kept = [i for i in range(len(lines)) if lines.label[i] in KEPT]
    for i in reversed(kept[-2:]):
        if lines.label[i] != "prose":
            break
        name = bio_name(lines.text[i], out.critic)
        if name is None:
            break
        lines.label[i] = "furniture:bio"
        out.critic = out.critic or name


def _collect(lines: _Lines, out: Cleaned) -> None:
    for i, line in enumerate(lines.text):
        label = lines.label[i]
        if label in KEPT:
            out.paragraphs.append(line)
            if label == "heading":
                out.headings.append(line)
        elif label == "caption":
            out.captions.append(line)
        elif label and label not in ("blank", "joined", "comment", "headline"):
            out.removed.append(line)
            if label.startswith("furniture") and out.outlet is None:
                out.outlet = outlet_from_line(line)
    out.removed.extend(out.zone_removed)
