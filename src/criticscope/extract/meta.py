"""Page metadata heuristics: line normalisation, person names and bylines, outlet cues, language."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .dates import find_timestamp
from .furniture import (
    BYLINE_PREFIX_RE,
    COPYRIGHT_RE,
    NOT_NAME_WORDS,
    PARTICLES,
    ROLE_RE,
    ROLE_WORD_RE,
    TOP_STORIES_RE,
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?|[A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’\-]*")
_HANDLE = re.compile(r"@?[A-Za-z][\w.\-]{2,29}")
_CAPS_NAME = re.compile(r"((?:[A-Z][A-Z'’\-]+\.?\s+){1,3}[A-Z][A-Z'’\-]+)\b(?=\s|$)")
_NAME_JOIN = re.compile(r"\s+(?:and|&)\s+|\s*,\s*(?:and\s+)?")


def normalize_line(line: str) -> str:
    """Collapse every kind of horizontal space to one space, drop invisible characters, strip."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def is_person_name(s: str) -> bool:
    """A personal name alone: 2-4 capitalised words (particles such as "de" allowed), no label words."""
    s = s.strip()
    if not 3 <= len(s) <= 50 or any(ch.isdigit() for ch in s):
        return False
    tokens = s.split()
    core = [t for t in tokens if t.lower() not in PARTICLES]
    if not 2 <= len(core) <= 4 or len(tokens) - len(core) > 2:
        return False
    caps = [len(t) > 2 and t.isupper() for t in core]
    if any(caps) and not all(caps):
        return False  # "MARTIN OYELARAN Associated Press": a name in capitals, then an affiliation
    if tokens[0].lower() in PARTICLES:
        return False
    for tok in core:
        if not _NAME_TOKEN.fullmatch(tok) or tok.lower().strip(".") in NOT_NAME_WORDS:
            return False
    return True


def split_names(s: str) -> list[str] | None:
    """``"Jane Doe and John Roe"`` -> both names; None unless every part is a name."""
    parts = [p.strip() for p in _NAME_JOIN.split(s) if p.strip()]
    if parts and all(is_person_name(p) for p in parts):
        return parts
    return None


_BYLINE_SEP = re.compile(r"\s*(?:[,|·•–—]|\s-\s|\bon\b|\bfor\b)\s*")
# "Posted by jane at 9:14 PM": a clock time after the name
_TRAILING_TIME = re.compile(
    r"\s+(?:at|@)\s+[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?\s*(?:[A-Z]{1,4}T|UTC)?\s*$", re.IGNORECASE
)
_TRAILING_HANDLE = re.compile(r"\s+\(?@\w{2,30}\)?\s*$")  # "By Jane Doe @janedoe"


def parse_byline(line: str, *, bare_ok: bool) -> tuple[str, str] | None:
    """``(critic, rest)`` from "By Jane Doe", "By Jane Doe | March 3, 2024", "Jane Doe, Film Critic";
    a bare name counts only when ``bare_ok``."""
    m = BYLINE_PREFIX_RE.match(line)
    body = line[m.end():] if m else line.lstrip("—–- ").strip()
    if not m and not bare_ok:
        return None
    body = _TRAILING_HANDLE.sub("", _TRAILING_TIME.sub("", body))
    caps = _CAPS_NAME.match(body)
    if caps and is_person_name(caps.group(1)):  # "By MARTIN OYELARAN Associated Press"
        return caps.group(1).title(), body[caps.end():].strip(" ,|·-–—")
    names = split_names(body)
    if names:
        return ", ".join(names), ""
    if m and _HANDLE.fullmatch(body):  # "Posted by cinephile_ghost"
        return body, ""
    # "By Jane Doe, Film Critic" / "Jane Doe | 12 June 2025": the name is the part before a separator
    sep = _BYLINE_SEP.search(body)
    if sep and sep.start() > 0:
        head, rest = body[: sep.start()], body[sep.end():]
        names = split_names(head)
        if names and (m or len(rest.split()) <= 6):
            return ", ".join(names), rest.strip()
    return None


def role_byline(line: str) -> tuple[str, str | None] | None:
    """``(critic, ISO date or None)`` of a byline that names a role instead of starting with "By":
    "Jane Doe, Film Critic", "Jane Doe | Chief Film Critic | March 3, 2024", "JANE DOE, Staff Writer"."""
    if len(line) > 120 or not ROLE_WORD_RE.search(line):
        return None
    ts = find_timestamp(line)
    if ts is not None:
        line = f"{line[: ts.start]} {line[ts.end:]}".strip(" ,|·–—-")
    by = parse_byline(line, bare_ok=True)
    if by is None or not by[1]:
        return None
    if not ROLE_RE.fullmatch(by[1].strip(" ,|·–—-")):
        return None
    name = by[0].title() if by[0].isupper() else by[0]
    return name, ts.date.isoformat() if ts else None


# "Jane Doe is a film critic based in Leeds. Her work has appeared in ...",
# "— Jane Doe writes about film for X."
_BIO_START = re.compile(
    r"[—–-]?\s*(?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){1,3})\s+"
    r"(?:is|was|writes|has written|has been|covers|reviews|teaches|lives)\b"
)
_BIO_ROLE = re.compile(
    r"\b(?:critic|writer|journalist|editor|contributor|columnist|reviewer|programmer|podcaster|blogger"
    r"|freelancer?|writes (?:about|on|for))\b", re.IGNORECASE)
_BIO_CUE = re.compile(
    r"\b(?:based in|lives in|(?:has )?appeared in|published in|has written for|writes (?:about \w+ )?for"
    r"|contributor to|follow (?:him|her|them) on|is the author of|host of)\b", re.IGNORECASE)


def bio_name(line: str, critic: str | None) -> str | None:
    """The person a contributor bio is about, or None when ``line`` is not one: the name, a role
    ("film critic", "writes about film for"), and either the byline's name or a bio phrase
    ("based in", "has appeared in")."""
    if len(line.split()) > 80:
        return None
    m = _BIO_START.match(line)
    if not m or not is_person_name(m.group("name")) or not _BIO_ROLE.search(line):
        return None
    name = m.group("name")
    surname = name.split()[-1].casefold()
    same = critic is not None and surname in critic.casefold()
    return name if same or _BIO_CUE.search(line) else None


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def outlet_from_line(line: str) -> str | None:
    """Structural outlet cues: "<Name> Top Stories" and "Copyright © 2024 <Name>"."""
    m = TOP_STORIES_RE.fullmatch(line)
    if m:
        return m.group("name").strip()
    m = COPYRIGHT_RE.match(line)
    if m and len(line) <= 240:
        name = m.group("name").strip(" .,")
        if name and name.lower() not in {"all rights reserved", "the", "by"}:
            return name
    return None


_STOPWORDS = {
    "en": "the a an and of to in is it that this was for on with as but be by at his her its are not have "
          "has from they you he she we i or which their there one all so what about more when can film movie "
          "than into who if just like would even been out much",
    "fr": "le la les un une des et de du en est que qui dans pour pas sur au aux avec ce cette il elle "
          "ne se son sa ses plus par mais ou on nous vous film",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als "
          "er sie wie aber nur noch bei aus film",
    "es": "el la los las un una y de que en es por con para no se su al lo como más pero sus del le "
          "ya o este esta película",
    "it": "il lo la i gli le un una e di che è per non con si da del della al nel sono ma come più anche "
          "questo questa film",
    "pt": "o a os as um uma e de que em é para com não se do da no na por mais mas como ao dos das "
          "este esta filme",
    "nl": "de het een en van is dat niet in op te met voor zijn er maar ook als aan om door hij zij "
          "film",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str, *, sample_chars: int = 3000) -> str | None:
    """The language whose common words make up the largest share of ``text`` (None when unsure)."""
    counts = Counter(_WORD.findall(text[:sample_chars].lower()))
    total = sum(counts.values())
    if total < 8:
        return None
    best, best_share = None, 0.0
    for lang, stop in _STOPSETS.items():
        share = sum(counts[w] for w in stop if w in counts) / total
        if share > best_share:
            best, best_share = lang, share
    return best if best_share >= 0.15 else None
