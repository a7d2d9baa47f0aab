"""Normalized forms of film titles and people's names.

Everything that compares a title or a name goes through these functions, so a title
stored in the catalog and the same title written in a review normalize to the same key.
Titles and text are tokenized by one function (:func:`title_tokens`), which keeps the
character offsets of each token; :func:`normalize_title` is those tokens joined after
the title-level rules (leading article, edition tags, bracketed years).
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# --- vocabulary -----------------------------------------------------------------

# Leading articles dropped from titles, in the languages film titles most often use.
ARTICLES: frozenset[str] = frozenset({
    "the", "a", "an",                                  # English
    "la", "le", "les", "l", "un", "une",               # French
    "el", "los", "las", "una", "uno",                  # Spanish / Italian
    "il", "lo", "gli",                                 # Italian
    "der", "die", "das", "ein", "eine",                # German
    "het", "een",                                      # Dutch
    "o", "os",                                         # Portuguese
})

# "die" is also an English verb: "Die Hard" keeps it.  The German article is dropped
# only when the next word is not one that follows the verb in English titles.
_ENGLISH_AFTER_DIE: frozenset[str] = frozenset(
    "hard another laughing young twice trying alone with for in by my mommie hart mad "
    "screaming monster monsters beautiful happy tomorrow again free now for".split()
)

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
    r"[\(\[]?\s*(?:the\s+)?(?:"
    r"director['’]?s\s+cut|extended\s+(?:edition|cut|version)|theatrical\s+(?:cut|version|edition)|"
    r"unrated\s+(?:cut|edition|version)|uncut\s+(?:edition|version)|special\s+edition|"
    r"collector['’]?s\s+edition|ultimate\s+(?:edition|cut)|final\s+cut|remastered|digitally\s+remastered|"
    r"4k\s+(?:restoration|remaster(?:ed)?)|restored\s+version|"
    r"\d+(?:st|nd|rd|th)\s+anniversary(?:\s+edition)?|imax\s+edition"
    r")\s*[\)\]]?",
    re.IGNORECASE,
)
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


def _title_words(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, token, may_be_article)``; see :func:`title_tokens`."""
    out: list[tuple[int, int, str, bool]] = []
    for m in _RAW_TOKEN_RE.finditer(text):
        raw = m.group()
        start, end = m.span()
        if raw == "&":
            out.append((start, end, "and", False))
            continue
        low = _ascii_lower(raw).replace("’", "'").replace("ʼ", "'")
        el = _ELISION_RE.match(low) if "'" in low else None
        if el:
            cut = start + len(el.group(1)) + 1
            out.append((start, cut - 1, el.group(1), True))
            low, start = el.group(2), cut
        low = low.replace("'", "")
        if low.isalnum() and low.isascii():
            # dotted acronyms: "E.T." == "ET", and "L.A." is no article
            if len(low) == 1 and out and out[-1][1] == start - 1 and text[start - 1] == "." \
                    and low.isalpha() and out[-1][2].isalpha() and len(out[-1][2]) <= 8 \
                    and _is_acronym_run(text, out[-1]):
                s0 = out[-1][0]
                out[-1] = (s0, end, out[-1][2] + low, False)
            else:
                out.append((start, end, low, True))
        else:
            for part in _NON_ALNUM_RE.split(low):
                if part:
                    out.append((start, end, part, False))
    for i, (s, e, tok, _) in enumerate(out):
        prev = out[i - 1][2] if i else ""
        if tok in ROMAN:  # context-free, so a title and running text agree ("V for Vendetta")
            out[i] = (s, e, ROMAN[tok], False)
        elif prev in SEQUEL_WORDS and (tok == "i" or tok in _NUMBER_WORDS):
            out[i] = (s, e, "1" if tok == "i" else str(_NUMBER_WORDS[tok]), False)
    return out


def _is_acronym_run(text: str, prev: tuple[int, int, str, bool]) -> bool:
    """``prev`` is a run of single letters each followed by a full stop ("L.", "E.T.")."""
    s, e, tok, _ = prev
    return text[s:e].replace(".", "").lower() == tok and e - s == 2 * len(tok) - 1


def title_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every word of ``text``: ASCII, lower case, apostrophes
    dropped ("director's" -> "directors"), elided articles split off ("l'avventura" ->
    "l", "avventura"), dotted acronyms joined ("E.T." -> "et"), "&" -> "and", Roman
    numerals and number words after a sequel word ("Part II", "Part Two") -> digits.
    Offsets index the original text."""
    return [(s, e, t) for s, e, t, _ in _title_words(text)]


def _article_droppable(words: list[tuple[int, int, str, bool]]) -> bool:
    if len(words) < 2 or not words[0][3] or words[0][2] not in ARTICLES:
        return False
    if words[0][2] == "die":
        return words[1][2] not in _ENGLISH_AFTER_DIE
    return True


def _strip_article(words: list[tuple[int, int, str, bool]]) -> list[str]:
    """Tokens without one leading article, never leaving an empty title."""
    toks = [w[2] for w in words]
    return toks[1:] if _article_droppable(words) else toks


def leading_article(title: str) -> str | None:
    """The article :func:`normalize_title` drops from ``title``, if any."""
    words = _title_words(_clean_title(title))
    return words[0][2] if _article_droppable(words) else None


def _clean_title(text: str) -> str:
    """Title-level rules on the raw string: bracketed years and edition tags go (unless
    the tag is the whole title, as in "The Final Cut"), "Godfather, The" becomes "The
    Godfather"."""
    text = _BRACKET_YEAR_RE.sub(" ", text)
    m = _EDITION_RE.search(text)
    if m:
        before = [w for w in _title_words(text[:m.start()]) if not (w[3] and w[2] in ARTICLES)]
        if before:
            text = _EDITION_RE.sub(" ", text).rstrip(" -–—:,")
    m2 = _TRAILING_ARTICLE_RE.match(text.strip())
    if m2:
        text = f"{m2.group('art')} {m2.group('body')} {m2.group('rest')}"
    return text


@lru_cache(maxsize=262_144)
def normalize_title(text: str) -> str:
    """The comparison key of a title: ASCII lower case without punctuation, leading
    article, bracketed year or edition tag; "&" is "and"; sequel numbers are digits.

    >>> normalize_title("The Godfather: Part II (1974)")
    'godfather part 2'
    """
    return " ".join(_strip_article(_title_words(_clean_title(text or ""))))


def _drop_sequel_words(tokens: list[str]) -> list[str]:
    """"mission impossible chapter 2" -> "mission impossible 2"."""
    out = []
    for i, tok in enumerate(tokens):
        if tok in SEQUEL_WORDS and i + 1 < len(tokens) and tokens[i + 1].isdigit() and i > 0:
            continue
        out.append(tok)
    return out


_FRANCHISE_PREFIX_RE = re.compile(
    r"^(?:from\s+the\s+(?:world|universe|creators?|makers?)\s+of\b|a\s+.+\s+(?:story|film|saga|movie)$|"
    r"(?:disney|pixar|marvel|dc|dreamworks)(?:'s|\s+studios)?\b)", re.IGNORECASE)


# Kinds of title variants, from the closest to the loosest: the full title, the full
# title without sequel words, the subtitle alone, the title without its subtitle.
FULL, SHORT, TAIL, HEAD = "full", "short", "tail", "head"


def variant_forms(text: str) -> list[tuple[str, str]]:
    """``(key, kind)`` pairs behind :func:`title_variants`; ``kind`` is one of
    ``full``, ``short`` (sequel word dropped), ``tail`` (subtitle alone), ``head``
    (title without subtitle), so a match can be weighted by how loose it is."""
    return list(_variant_forms(text or ""))


@lru_cache(maxsize=65_536)
def _variant_forms(text: str) -> tuple[tuple[str, str], ...]:
    full = normalize_title(text)
    if not full:
        return ()
    forms: list[tuple[list[str], str]] = [(full.split(), FULL)]
    cleaned = _clean_title(text or "")
    segments = [s for s in _SUBTITLE_SEP_RE.split(cleaned) if _RAW_TOKEN_RE.search(s)]
    if len(segments) > 1:
        seg_tokens = [_strip_article(_title_words(seg)) for seg in segments]
        for k in range(1, len(segments)):  # prefixes: "mission", "mission impossible"
            head = [t for seg in seg_tokens[:k] for t in seg]
            if head and (len(head) > 1 or len(head[0]) > 2):
                forms.append((head, HEAD))
        tail = seg_tokens[-1]
        prefix = " ".join(segments[:-1])
        sequel_only = bool(tail) and tail[0] in SEQUEL_WORDS
        if not sequel_only and (len(tail) >= 2 or _FRANCHISE_PREFIX_RE.search(prefix.strip())):
            forms.append((tail, TAIL))
    for toks, kind in list(forms):
        short = _drop_sequel_words(toks)
        if short != toks:
            forms.append((short, SHORT if kind == FULL else kind))
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for toks, kind in forms:
        key = " ".join(toks)
        if key and key not in seen:
            seen.add(key)
            out.append((key, kind))
    return tuple(out)


def title_variants(text: str) -> list[str]:
    """Normalized forms a title is also known by, full form first: without the subtitle
    ("Mission: Impossible – Fallout" -> "mission impossible"), the subtitle alone when it
    has two words or more or follows a franchise prefix ("From the World of Harry Potter:
    Fantastic Beasts" -> "fantastic beasts"), and sequel words dropped ("saw chapter 4" ->
    "saw 4")."""
    return [key for key, _ in variant_forms(text)]


# --- people ---------------------------------------------------------------------

_NAME_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_SIMPLE_NAME_RE = re.compile(r"[a-z]+(?: [a-z]+)*")
_POSSESSIVE = ("'s", "’s", "ʼs")


def _name_words(text: str, *, strict: bool) -> list[tuple[int, int, str, bool]]:
    """``(start, end, token, hyphenated_to_previous)`` for the words of a name or of
    running text.  Runs of single-letter initials merge into one token ("J.J." ->
    "jj"); in running text (``strict``) only capital letters followed by a full stop
    merge, so "a J.J. Abrams film" keeps its "a"."""
    if not strict:
        low = _ascii_lower(text)
        if _SIMPLE_NAME_RE.fullmatch(low):
            words = low.split()
            if all(len(a) > 1 or len(b) > 1 for a, b in zip(words, words[1:], strict=False)):
                return [(0, 0, w, False) for w in words]
    out: list[tuple[int, int, str, bool]] = []
    merging = False  # the last token is a run of initials that may grow
    for m in _NAME_TOKEN_RE.finditer(text):
        start, end = m.span()
        raw = m.group()
        if raw[-2:] in _POSSESSIVE:  # "Villeneuve's" -> "Villeneuve"
            raw = raw[:-2]
            end -= 2
        low = _ascii_lower(raw)
        low = low.replace("'", "").replace("’", "").replace("ʼ", "")
        parts = [p for p in _NON_ALNUM_RE.split(low) if p]
        if not parts:
            continue
        hyphen = bool(out) and start > 0 and text[start - 1] in "-‐" and out[-1][1] == start - 1
        initial = len(parts) == 1 and len(parts[0]) == 1 and parts[0].isalpha()
        if initial and strict:
            initial = raw.isupper() and text[end:end + 1] == "."
        if initial and merging and not hyphen:
            s0, _, tok, h = out[-1]
            gap = text[out[-1][1]:start]
            if not strict or gap.strip() in (".", ""):
                out[-1] = (s0, end, tok + parts[0], h)
                continue
        for k, part in enumerate(parts):
            out.append((start, end, part, hyphen or k > 0))
        merging = initial
    return out


def normalize_name(text: str) -> str:
    """The comparison key of a person's name: ASCII lower case, hyphens as spaces
    ("Bong Joon-ho" -> "bong joon ho"), initials merged ("J.J. Abrams", "J. J. Abrams"
    and "JJ Abrams" -> "jj abrams"), apostrophes dropped ("O'Brien" -> "obrien")."""
    return name_analysis(text or "")[0]


def _name_key_forms(words: list[tuple[int, int, str, bool]]) -> list[list[str]]:
    spaced = [w[2] for w in words]
    joined: list[str] = []
    for w in words:
        if w[3] and joined:
            joined[-1] += w[2]
        else:
            joined.append(w[2])
    forms = [spaced]
    if joined != spaced:
        forms.append(joined)
    if len(joined) >= 3:
        core = [joined[0]] + [t for t in joined[1:-1] if len(t) > 1] + [joined[-1]]
        if core != joined:
            forms.append(core)
        forms.append([joined[0], joined[-1]])
    return forms


def name_keys(text: str) -> set[str]:
    """Every key a name is found under; two names are the same person when their key
    sets meet.  Besides :func:`normalize_name`: the hyphenated given name joined
    ("bong joonho"), middle initials dropped ("samuel l jackson" -> "samuel jackson"),
    middle names dropped ("francis ford coppola" -> "francis coppola"), and, for names
    of two or three words, the words in sorted order, so romanized East Asian names
    match in either order ("Joon-ho Bong" == "Bong Joon-ho")."""
    return set(name_analysis(text or "")[1])


@lru_cache(maxsize=262_144)
def name_analysis(text: str) -> tuple[str, frozenset[str]]:
    """``(normalize_name(text), name_keys(text))`` in one pass."""
    words = _name_words(text, strict=False)
    keys: set[str] = set()
    for form in _name_key_forms(words):
        keys.add(" ".join(form))
        if 2 <= len(form) <= 3:
            keys.add(" ".join(sorted(form)))
    return " ".join(w[2] for w in words), frozenset(keys)


def name_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for the words of running text as :func:`normalize_name`
    sees them (hyphenated parts split, "J.J." merged); offsets index ``text``."""
    return [(s, e, t) for s, e, t, _ in _name_words(text, strict=True)]
