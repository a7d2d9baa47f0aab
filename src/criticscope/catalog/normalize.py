"""Normalized forms of film titles and people's names.

Everything that compares a title or a name goes through these functions, so a title
stored in the catalog and the same title written in a review normalize to the same key.
Titles and text are tokenized by one function (:func:`title_tokens`), which keeps the
character offsets of each token; :func:`normalize_title` is those tokens joined after
the title-level rules (leading article, edition tags, bracketed years).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from unidecode import unidecode

# --- vocabulary -----------------------------------------------------------------

# Leading articles dropped from titles, in the languages film titles most often use.
ARTICLES: frozenset[str] = frozenset({
    "the", "a", "an",                                  # English
    "la", "le", "les", "l", "un", "une",               # French
    "el", "los", "las", "una", "uno",                  # Spanish / Italian
    "il", "lo", "gli",                                 # Italian
    "der", "die", "das", "ein", "eine",                # German
    "de", "het", "een",                                # Dutch
    "o", "os",                                         # Portuguese
})

# "die" and "de" are also ordinary words: "Die Hard" and "De-Lovely" keep them.  The
# German article is dropped only when the next word is not a common English word.
_ENGLISH_AFTER_DIE: frozenset[str] = frozenset(
    "hard another laughing young twice trying alone with for in by my mommie hart mad "
    "screaming monster monsters beautiful happy tomorrow again free now for".split()
)
_AMBIGUOUS_ARTICLES = frozenset({"die", "de"})

# Words before a sequel number: "Part II", "Chapter 4", "Vol. 1", "Episode IV".
SEQUEL_WORDS: frozenset[str] = frozenset({"part", "chapter", "episode", "vol", "volume", "book", "act"})

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}


def _roman_table() -> dict[str, str]:
    """Roman numerals II..XXXIX (I is handled apart: it is also a pronoun)."""
    units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    tens = ["", "x", "xx", "xxx"]
    table = {}
    for n in range(2, 40):
        table[tens[n // 10] + units[n % 10]] = str(n)
    return table


ROMAN: dict[str, str] = _roman_table()

# Edition tags: "(Director's Cut)", "Extended Edition", "- Remastered", "25th Anniversary Edition".
_EDITION_RE = re.compile(
    r"[\(\[]?\s*(?:"
    r"director'?s\s+cut|extended\s+(?:edition|cut|version)|theatrical\s+(?:cut|version|edition)|"
    r"unrated\s+(?:cut|edition|version)|uncut\s+(?:edition|version)|special\s+edition|"
    r"collector'?s\s+edition|ultimate\s+(?:edition|cut)|final\s+cut|remastered|digitally\s+remastered|"
    r"4k\s+(?:restoration|remaster(?:ed)?)|restored\s+version|"
    r"\d+(?:st|nd|rd|th)\s+anniversary(?:\s+edition)?|imax\s+edition"
    r")\s*[\)\]]?",
    re.IGNORECASE,
)
_EDITION_AFTER_SEP_RE = re.compile(r"(?:\s[-–—:]\s*|:\s*|\s+)(?:the\s+)?$", re.IGNORECASE)
_BRACKET_YEAR_RE = re.compile(r"[\(\[]\s*(?:1[89]|20)\d\d(?:\s*[-–/]\s*(?:\d{2,4})?)?\s*[\)\]]")
_TRAILING_ARTICLE_RE = re.compile(r"^(?P<body>.+?),\s*(?P<art>the|a|an)\s*(?P<rest>$|[\(\[:].*$)", re.IGNORECASE)
_SUBTITLE_SEP_RE = re.compile(r"\s*:\s+|\s+[-–—]\s+|\s*:\s*(?=[^\d])")

# A raw token: letters/digits joined by apostrophes ("don't", "L'Avventura"), or "&".
_RAW_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*|&")
_ELISION_RE = re.compile(r"^([ldcjsnmt]|qu)'(.+)$")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def _ascii_lower(text: str) -> str:
    return text.lower() if text.isascii() else unidecode(text).lower()


# --- titles ---------------------------------------------------------------------


def title_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every word of ``text``: ASCII, lower case, apostrophes
    dropped ("director's" -> "directors"), elided articles split off ("l'avventura" ->
    "l", "avventura"), "&" -> "and", Roman numerals and number words after a sequel
    word ("Part II", "Part Two") -> digits.  Offsets index the original text."""
    out: list[tuple[int, int, str]] = []
    for m in _RAW_TOKEN_RE.finditer(text):
        raw = m.group()
        start, end = m.span()
        if raw == "&":
            out.append((start, end, "and"))
            continue
        low = _ascii_lower(raw).replace("’", "'").replace("ʼ", "'")
        el = _ELISION_RE.match(low) if "'" in low else None
        if el:
            cut = start + len(el.group(1)) + 1
            out.append((start, cut - 1, el.group(1)))
            low, start = el.group(2), cut
        low = low.replace("'", "")
        if low.isalnum() and low.isascii():
            out.append((start, end, low))
        else:
            for part in _NON_ALNUM_RE.split(low):
                if part:
                    out.append((start, end, part))
    for i, (s, e, tok) in enumerate(out):
        prev = out[i - 1][2] if i else ""
        if tok in ROMAN and not (tok in ("v", "x") and prev in ("", "and")):
            out[i] = (s, e, ROMAN[tok])
        elif prev in SEQUEL_WORDS and (tok == "i" or tok in _NUMBER_WORDS):
            out[i] = (s, e, "1" if tok == "i" else str(_NUMBER_WORDS[tok]))
    return out


def _article_droppable(tokens: list[str]) -> bool:
    if len(tokens) < 2 or tokens[0] not in ARTICLES:
        return False
    if tokens[0] in _AMBIGUOUS_ARTICLES:
        return tokens[1] not in _ENGLISH_AFTER_DIE and len(tokens) >= 2 and tokens[0] != "de" or (
            tokens[0] == "de" and len(tokens) >= 3)
    return True


def strip_leading_article(tokens: list[str]) -> list[str]:
    """Drop one leading article, never leaving an empty title."""
    return tokens[1:] if _article_droppable(tokens) else tokens


def leading_article(title: str) -> str | None:
    """The article :func:`normalize_title` drops from ``title``, if any."""
    toks = [t for _, _, t in title_tokens(_clean_title(title))]
    return toks[0] if _article_droppable(toks) else None


def _clean_title(text: str) -> str:
    """Title-level rules on the raw string: bracketed years and edition tags go,
    "Godfather, The" becomes "The Godfather"."""
    text = _BRACKET_YEAR_RE.sub(" ", text)
    if _EDITION_RE.search(text):
        stripped = _EDITION_RE.sub(" ", text)
        stripped = _EDITION_AFTER_SEP_RE.sub("", stripped.rstrip(" -–—:")).strip()
        if _RAW_TOKEN_RE.search(stripped):
            text = stripped
    m = _TRAILING_ARTICLE_RE.match(text.strip())
    if m:
        text = f"{m.group('art')} {m.group('body')} {m.group('rest')}"
    return text


def normalize_title(text: str) -> str:
    """The comparison key of a title: ASCII lower case without punctuation, leading
    article, bracketed year or edition tag; "&" is "and"; sequel numbers are digits.

    >>> normalize_title("The Godfather: Part II (1974)")
    'godfather part 2'
    """
    tokens = [t for _, _, t in title_tokens(_clean_title(text or ""))]
    return " ".join(strip_leading_article(tokens))


def _drop_sequel_words(tokens: list[str]) -> list[str]:
    """"john wick chapter 4" -> "john wick 4"."""
    out = []
    for i, tok in enumerate(tokens):
        if tok in SEQUEL_WORDS and i + 1 < len(tokens) and tokens[i + 1].isdigit() and i > 0:
            continue
        out.append(tok)
    return out


_FRANCHISE_PREFIX_RE = re.compile(
    r"^(?:from\s+the\s+(?:world|universe|creators?|makers?)\s+of\b|a\s+.+\s+(?:story|film|saga|movie)$|"
    r"(?:disney|pixar|marvel|dc|dreamworks)(?:'s|\s+studios)?\b)", re.IGNORECASE)


def title_variants(text: str) -> list[str]:
    """Normalized forms a title is also known by, full form first: without the subtitle
    ("Mission: Impossible – Fallout" -> "mission impossible"), the subtitle alone when it
    has two words or more or follows a franchise prefix ("From the World of John Wick:
    Ballerina" -> "ballerina"), and sequel words dropped ("john wick chapter 4" ->
    "john wick 4")."""
    full = normalize_title(text)
    variants = [full] if full else []
    cleaned = _clean_title(text or "")
    segments = [s for s in _SUBTITLE_SEP_RE.split(cleaned) if _RAW_TOKEN_RE.search(s)]
    forms: list[list[str]] = [full.split()]
    if len(segments) > 1:
        seg_tokens = [strip_leading_article([t for _, _, t in title_tokens(s)]) for s in segments]
        for k in range(1, len(segments)):  # prefixes: "mission", "mission impossible"
            head = [t for seg in seg_tokens[:k] for t in seg]
            if head and (len(head) > 1 or len(head[0]) > 2):
                forms.append(head)
        tail = seg_tokens[-1]
        prefix = " ".join(segments[:-1])
        if len(tail) >= 2 or _FRANCHISE_PREFIX_RE.search(prefix.strip()):
            forms.append(tail)
    for toks in list(forms):
        short = _drop_sequel_words(toks)
        if short != toks:
            forms.append(short)
    for toks in forms:
        key = " ".join(toks)
        if key and key not in variants:
            variants.append(key)
    return variants


# --- people ---------------------------------------------------------------------

_NAME_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")


def _name_parts(text: str) -> list[list[str]]:
    """Tokens of a name, each a list of its hyphen-separated parts (ASCII, lower case,
    apostrophes dropped), with runs of initials merged ("J. J." -> "jj")."""
    words: list[list[str]] = []
    for chunk in _ascii_lower(text or "").split():
        parts = [p.replace("'", "").replace("’", "") for p in _NAME_TOKEN_RE.findall(chunk)]
        parts = [_NON_ALNUM_RE.sub("", p) for p in parts]
        parts = [p for p in parts if p]
        if not parts:
            continue
        if "-" in chunk or "‐" in chunk:
            words.append(parts)
        else:
            # "J.J." is one chunk with two one-letter parts: initials, merge them
            if all(len(p) == 1 for p in parts):
                words.append(["".join(parts)])
            else:
                words.extend([[p] for p in parts])
    merged: list[list[str]] = []
    for w in words:
        if len(w) == 1 and len(w[0]) == 1 and merged and len(merged[-1]) == 1 and merged[-1][0].isalpha() \
                and _is_initials(merged[-1][0]) and len(merged) > 0 and _initial_run(merged):
            merged[-1] = [merged[-1][0] + w[0]]
        else:
            merged.append(w)
    return merged


def _is_initials(tok: str) -> bool:
    return len(tok) <= 3 and tok.isalpha()


def _initial_run(merged: list[list[str]]) -> bool:
    """The previous word is a run of single letters built by merging initials."""
    last = merged[-1][0]
    return len(last) == 1 or getattr(_initial_run, "_marker", None) is None and len(last) <= 3 and \
        all(len(w[0]) == 1 for w in merged[-1:])


def normalize_name(text: str) -> str:
    """The comparison key of a person's name: ASCII lower case, hyphens as spaces
    ("Bong Joon-ho" -> "bong joon ho"), initials merged ("J.J. Abrams", "J. J. Abrams"
    and "JJ Abrams" -> "jj abrams"), apostrophes dropped ("O'Brien" -> "obrien")."""
    return " ".join(p for w in _name_parts(text) for p in w)


def name_keys(text: str) -> set[str]:
    """Every key a name is found under; two names are the same person when their key
    sets meet.  Besides :func:`normalize_name`: the hyphenated given name joined
    ("bong joonho"), middle initials dropped ("samuel l jackson" -> "samuel jackson"),
    and, for names of two or three words, the words in sorted order, so romanized East
    Asian names match in either order ("Joon-ho Bong" == "Bong Joon-ho")."""
    words = _name_parts(text)
    if not words:
        return set()
    spaced = [p for w in words for p in w]
    joined = ["".join(w) for w in words]
    forms = [spaced, joined]
    if len(joined) >= 3:
        core = [joined[0]] + [w for w in joined[1:-1] if len(w) > 1] + [joined[-1]]
        if core != joined:
            forms.append(core)
    keys: set[str] = set()
    for form in forms:
        keys.add(" ".join(form))
        if 2 <= len(form) <= 3:
            keys.add(" ".join(sorted(form)))
    return keys


def name_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, token)`` for the words of running text as :func:`normalize_name`
    sees them: hyphenated parts split, initials ("J.J.", "J. J.") merged into one token."""
    pending: tuple[int, int, str] | None = None
    for m in _NAME_TOKEN_RE.finditer(text):
        start, end = m.span()
        low = _ascii_lower(m.group()).replace("'", "").replace("’", "").replace("ʼ", "")
        parts = [p for p in _NON_ALNUM_RE.split(low) if p]
        if not parts:
            continue
        tok = "".join(parts) if len(parts) > 1 and all(len(p) == 1 for p in parts) else None
        if len(parts) == 1 and len(parts[0]) == 1 and parts[0].isalpha():
            # a single letter: part of a run of initials when followed by "." or another initial
            if pending is not None and start - pending[1] <= 2:
                pending = (pending[0], end, pending[2] + parts[0])
            else:
                if pending is not None:
                    yield pending
                pending = (start, end, parts[0])
            continue
        if pending is not None:
            yield pending
            pending = None
        if tok is not None:
            yield (start, end, tok)
        else:
            for p in parts:
                yield (start, end, p)
    if pending is not None:
        yield pending
