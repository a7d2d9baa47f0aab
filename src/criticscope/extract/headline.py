"""Which line at the top of a page is its headline: every candidate line gets a score.

A headline names what is reviewed: a film-title-like capitalised phrase that the review itself
names again ("POOR THINGS", "Godzilla Minus One"), a quoted title, "review", a year in brackets,
or a "Title: subtitle" / "Section | Title" structure.  Kickers and section labels ("Movie Review",
"Weekend | At the Movies", "FROM THE ARCHIVE") are made only of generic words and score below any
real line; a capitalised line the review never names (a site name) scores below a plain headline
sentence; subscription promos never reach this point (they are furniture).  Ties go to the
earlier line, so a title beats the longer dek under it.
"""

from __future__ import annotations

import re

from .furniture import KICKER_WORDS, NOT_NAME_WORDS

_YEAR_PAREN = re.compile(r"\((?:19|20)\d\d\)")
_REVIEW_WORD = re.compile(r"\breview(?:ed|s)?\b", re.IGNORECASE)
# a quoted title: the quote opens a word and closes one ("‘Oppenheimer’", "“The Zone of Interest”")
_QUOTED_TITLE = re.compile(
    r"(?:^|[\s(\[—–-])[“‘\"'](?=[A-Z0-9])[^“”\"\n]{1,80}?[”’\"'](?=$|[\s,.:;!?)\]—–-])"
)
_STRUCTURE = re.compile(r"\s*[:|]\s+|\s+[–—-]\s+")
_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
_GLUED = re.compile(r"[a-z]{3,}[A-Z]")  # "K-dramaK-movies", "ThrillersRevenge": link labels run together
_RUNTIME = re.compile(
    r"\b\d{1,3}\s*(?:min|mins|minutes)\b|\b\d\s*h(?:rs?)?\s*\d{1,2}\s*m(?:in)?\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FUNCTION = {
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "is", "are", "as", "at", "by", "from",
    "but", "its", "it", "this", "that", "who", "what", "how", "why", "when", "into", "through", "about",
    "over", "after", "his", "her", "their", "our", "my", "your", "be", "was", "not", "no", "than",
}
_SMALL = {
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "vs", "vs.", "as", "into", "over", "upon", "via",
}
_GENERIC = KICKER_WORDS | NOT_NAME_WORDS


def is_generic(line: str) -> bool:
    """A kicker or section label: every word is a generic section word ("Movie Review", "FROM THE ARCHIVE")
    or a run of link labels glued together ("K-dramaK-movies")."""
    if _GLUED.search(line):
        return True
    tokens = [t.lower().replace("’", "'") for t in _TOKEN.findall(line)]
    return all(t.isdigit() or t in _GENERIC or t.removesuffix("'s") in _GENERIC for t in tokens)


def _has_generic_word(line: str) -> bool:
    return any(t not in _SMALL and t in _GENERIC for t in (w.lower() for w in _TOKEN.findall(line)))


def title_cased(line: str) -> bool:
    """ALL CAPS, or every word capitalised except small words ("The Iron Claw", "Anatomy of a Fall")."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    tokens = [t.lstrip("“‘\"'([") for t in line.split()]
    tokens = [t for t in tokens if t and any(c.isalpha() for c in t)]
    if not tokens or not tokens[0][0].isupper():
        return False
    return all(t[0].isupper() or t[0].isdigit() or t.lower() in _SMALL for t in tokens[1:])


def is_info_line(line: str) -> bool:
    """A film facts line: "Wim Wenders | Japan | 2023 | 124 min" (several parts, a year or a running time)."""
    parts = [p for p in re.split(r"\s*[|·•/]\s*", line) if p.strip()]
    return len(parts) >= 3 and bool(_YEAR.search(line) or _RUNTIME.search(line))


def has_title_year(line: str) -> bool:
    return _YEAR_PAREN.search(line) is not None


def _as_title(line: str) -> str:
    """"THE IRON CLAW" -> "The Iron Claw"; mixed-case lines are left alone."""
    if not line.isupper():
        return line
    out = []
    for k, word in enumerate(line.split()):
        low = word.lower()
        out.append(low if k and low in _SMALL else low[:1].upper() + low[1:])
    return " ".join(out)


def named_in(title: str, body: str) -> bool:
    """``title`` occurs in ``body`` as a capitalised phrase (case-sensitive, whole words)."""
    for form in {title, _as_title(title)}:
        start = body.find(form)
        while start >= 0:
            end = start + len(form)
            before_ok = start == 0 or not body[start - 1].isalnum()
            if before_ok and (end == len(body) or not body[end].isalnum()):
                return True
            start = body.find(form, start + 1)
    return False


def headline_score(line: str, kind: str = "line", body: str = "") -> float:
    """How much ``line`` looks like the page's headline; below zero: a label, never preferred.
    ``body`` is the critic's text below the head, where a film title is named again."""
    if is_generic(line):
        return -5.0
    if is_info_line(line):
        return -4.0
    tokens = line.split()
    n = len(tokens)
    score = 0.0
    if kind == "heading":
        score += 5  # marked up as a heading (HTML)
    if _YEAR_PAREN.search(line):
        score += 4
    if _REVIEW_WORD.search(line):
        score += 4
    if _QUOTED_TITLE.search(line):
        score += 3
    parts = [p.strip() for p in _STRUCTURE.split(line) if p.strip()]
    if len(parts) >= 2 and any(not is_generic(p) for p in parts):
        score += 2
        if any(title_cased(p) and not is_generic(p) and named_in(p, body) for p in parts):
            score += 1  # "Aftersun: a holiday remembered": the title part is named in the review
    if n <= 8 and title_cased(line):
        # a film-title-like line the review names again ("POOR THINGS", "Godzilla Minus One"); one with
        # section words ("Venice Film Festival") is less sure; a site name the review never names is weak
        if named_in(line.strip(" .:|–—-"), body):
            score += 1.5 if _has_generic_word(line) else 3
        else:
            score += 0.5
    elif n > 16:
        score -= 1  # a long dek
    elif n >= 6 or {t.lower().strip(",.:;!?") for t in tokens} & _FUNCTION or len(parts) >= 2:
        score += 1  # a headline sentence or phrase ("Love in the cloud")
    if line.endswith("."):
        score -= 1
    return score
