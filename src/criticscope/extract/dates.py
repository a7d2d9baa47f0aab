"""Small date and time parser for bylines and comment headers (no dateutil needed).

Understands the shapes review pages use: ``2025-06-12T13:57``, ``June 12th, 2025 at 1:57 pm``,
``12 June 2025 at 13:57``, ``Thu 12 Jun 2025 09.02 BST``, ``06/12/2025, 1:57 PM`` (US order unless
the first number is over 12) and ``12.06.2025`` (day first).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"

_DATE_RE = re.compile(
    "|".join([
        r"(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
        r"(?:[T ](?P<ih>[0-2]?\d):(?P<imin>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<tz>Z|[+-]\d\d:?\d\d)?)?",
        _WEEKDAY + _MONTH.format("am") + r"\s+" + _DAY.format("ad") + r",?\s+(?P<ay>\d{4})",
        _WEEKDAY + _DAY.format("bd") + r"\s+(?:of\s+)?" + _MONTH.format("bm") + r",?\s+(?P<by>\d{4})",
        r"(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>\d{4})",
    ]),
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?P<h>[0-2]?\d)(?:[:.](?P<m>[0-5]\d)(?::[0-5]\d)?)?(?:\s*(?P<ap>[ap]\.?\s?m\b\.?))?",
    re.IGNORECASE,
)
# between a date and its time: " at ", ", ", " @ ", " - ", " | ", " · " or a plain space
_JOIN_RE = re.compile(r"\s*(?:,|@|at|-|–|\||·)?\s*", re.IGNORECASE)
# zone abbreviations (BST, IST, CEST, KST, ET ...) are upper case; "at" must not pass for one
_TZ_RE = re.compile(r"\s*(?:[A-Z]{1,4}T|UTC|Z|[+-]\d\d:?\d\d)\b")


@dataclass
class Timestamp:
    date: dt.date
    hour: int | None
    minute: int | None
    start: int
    end: int

    def iso(self) -> str:
        """``YYYY-MM-DDTHH:MM`` when a time was given, else ``YYYY-MM-DD``."""
        if self.hour is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.hour:02d}:{self.minute or 0:02d}"


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_of(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g["iy"]:
        return _make_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["am"]:
        return _make_date(int(g["ay"]), MONTHS[g["am"].lower().rstrip(".")], int(g["ad"]))
    if g["bm"]:
        return _make_date(int(g["by"]), MONTHS[g["bm"].lower().rstrip(".")], int(g["bd"]))
    a, b, year = int(g["n1"]), int(g["n2"]), int(g["ny"])
    if g["sep"] == ".":  # European day.month.year
        return _make_date(year, b, a)
    if a > 12:  # 25/12/2024 can only be day first
        return _make_date(year, b, a)
    return _make_date(year, a, b)


def _time_at(s: str, pos: int, *, need_sep: bool) -> tuple[int, int, int] | None:
    """A clock time starting at ``pos`` (after an optional joiner): (hour, minute, end)."""
    join = _JOIN_RE.match(s, pos)
    start = join.end() if join else pos
    if need_sep and start == pos:
        return None
    m = _TIME_RE.match(s, start)
    if not m or (m.group("m") is None and m.group("ap") is None):
        return None
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ap = (m.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
    elif hour > 23:
        return None
    end = m.end()
    tz = _TZ_RE.match(s, end)
    return hour, minute, tz.end() if tz else end


def find_timestamp(s: str) -> Timestamp | None:
    """The first valid date in ``s`` with the clock time next to it (after or just before), if any."""
    for m in _DATE_RE.finditer(s):
        date = _date_of(m)
        if date is None:
            continue
        if m.group("ih") is not None:
            tz = _TZ_RE.match(s, m.end())
            return Timestamp(date, int(m.group("ih")), int(m.group("imin")), m.start(), tz.end() if tz else m.end())
        after = _time_at(s, m.end(), need_sep=True)
        if after:
            return Timestamp(date, after[0], after[1], m.start(), after[2])
        before = re.search(
            r"(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)\s*(?P<ap>[ap]\.?m\.?)?\s*(?:,|on)?\s*$", s[: m.start()], re.I
        )
        if before:
            t = _time_at(s, before.start(), need_sep=False)
            if t:
                return Timestamp(date, t[0], t[1], before.start(), m.end())
        return Timestamp(date, None, None, m.start(), m.end())
    return None


def parse_date(s: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first date found in ``s`` (None when there is none)."""
    if not s:
        return None
    ts = find_timestamp(str(s))
    return ts.date.isoformat() if ts else None
