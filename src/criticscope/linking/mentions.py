"""Other films and people a review mentions, each with the sentence it is in.

A film mention goes through the same machinery as the reviewed film, scored
only on what its own sentence says (a year beside it, a director or cast
member nearby), and is kept only above the stricter mention threshold.
Everyday-word titles already need a strong typographic cue to become spans
at all (see :func:`criticscope.linking.evidence.is_weak_title`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from criticscope.catalog.normalize import normalize_title

from .distance import Distance
from .evidence import PageEvidence, TitleSpan
from .match import Match, Proposal, assign_confidence
from .score import TitleStat, match_quality

if TYPE_CHECKING:
    from .linker import Linker

MAX_MENTIONS = 150


def _sentence_text(ev: PageEvidence, index: int) -> str:
    s, e = ev.sentence_span(index)
    return ev.text[s:e].strip()


def _names_in(text: str, names: list[str]) -> bool:
    low = text.lower()
    return any(len(n) > 3 and n.lower() in low for n in names)


def _context(ev: PageEvidence, span: TitleSpan) -> str:
    """The span's sentence plus a little around it (credits in parentheses sit just before)."""
    s, e = ev.sentence_span(span.sentence)
    return ev.text[max(0, s - 40):e]


def _score_mention(linker: Linker, cands: list[Any], span: TitleSpan, ev: PageEvidence) -> list[Match]:
    context = _context(ev, span)
    people_here = any(p.sentence == span.sentence for p in ev.people)
    matches = []
    for cand in cands:
        d = Distance(linker.weights)
        d.add("title", 1.0 - match_quality(cand, span.norm) * span.strength)
        if span.year and cand.year:
            gap = abs(span.year - cand.year)
            d.add("year", 0.0 if gap == 0 else 0.3 if gap == 1 else 1.0)
        else:
            d.add("year", linker.unknown)
        if _names_in(context, list(cand.directors or [])):
            d.add("director", 0.0)
        else:
            d.add("director", linker.unknown)
        if _names_in(context, list(cand.cast or [])[:15]):
            d.add("cast", 0.0)
        elif people_here:
            d.add("cast", 0.5)
        if ev.published and cand.year and span.away != "future" and cand.year > ev.published.year + 1:
            d.add("date", 1.0)
        kind = getattr(cand, "kind", "movie") or "movie"
        if kind not in ("movie", "film", "feature", "documentary", "animation"):
            d.add("kind", 0.6)
        matches.append(Match(film_id=cand.film_id, title=cand.title, year=cand.year,
                             directors=list(cand.directors or []), distance=d, candidate=cand))
    matches.sort(key=lambda m: (m.distance.distance, m.film_id))
    assign_confidence(matches, linker.thresholds.sharpness)
    return matches


def film_mentions(linker: Linker, ev: PageEvidence, stats: dict[str, TitleStat], result: dict[str, Any],
                  proposal: Proposal) -> list[dict[str, Any]]:
    subject = result.get("film_id") if result.get("status") == "linked" else None
    subject_norms = set()
    if subject is not None:
        for m in proposal.matches:
            if m.film_id == subject and m.candidate is not None:
                subject_norms = {st.norm for st in stats.values()
                                 if any(c.film_id == subject for c in linker.candidates_on_page(ev, st))}
                break
    out: list[dict[str, Any]] = []
    cache: dict[tuple[str, int | None, int], list[Match]] = {}
    for st in stats.values():
        if not st.spans:
            continue
        cands = linker.candidates_on_page(ev, st)
        if not cands:
            continue
        for span in st.spans:
            if st.norm in subject_norms and span.away not in ("derived", "future", "same_name"):
                continue  # the reviewed film itself
            key = (st.norm, span.year, span.sentence)
            if key not in cache:
                pool = [c for c in cands if c.film_id != subject] if st.norm in subject_norms else cands
                cache[key] = _score_mention(linker, pool, span, ev)
            ranked = cache[key]
            if not ranked or ranked[0].confidence < linker.mention_threshold:
                continue
            best = ranked[0]
            out.append({"kind": "film", "text": span.surface, "start": span.start, "end": span.end,
                        "sentence": _sentence_text(ev, span.sentence), "film_id": best.film_id,
                        "confidence": round(best.confidence, 4)})
            if len(out) >= MAX_MENTIONS:
                return out
    out.extend(_same_title_mentions(ev, result, proposal))
    return out


def _same_title_mentions(ev: PageEvidence, result: dict[str, Any], proposal: Proposal) -> list[dict[str, Any]]:
    """The linked film's namesakes the page points at: the original a remake is
    compared with ("Dario Argento's 1977 original"), or "X's upcoming film of the
    same name".  Each needs its own cue: its director named, its year written, or a
    relation pointing at it."""
    if result.get("status") != "linked" or not proposal.matches:
        return []
    subject = next((m for m in proposal.matches if m.film_id == result.get("film_id")), None)
    if subject is None:
        return []
    key = normalize_title(subject.title)
    out = []
    for m in proposal.matches:
        if m is subject or normalize_title(m.title) != key:
            continue
        where: tuple[int, int] | None = None
        confidence = 0.0
        for name in m.directors:
            if subject.directors and name in subject.directors:
                continue
            positions = ev.name_positions(name)
            if positions:
                where, confidence = (positions[0], positions[0] + len(name)), 0.8
                break
            surname = _surname_at(ev, name, subject.directors)
            if surname is not None:  # "Hitchcock found in 1940 ..."
                where, confidence = surname, 0.7
                break
        if where is None and m.year and m.year != subject.year:
            title_sentences = {sp.sentence for sp in ev.titles if sp.norm == key}
            for y in ev.years:  # "the 1978 original", "Title (1978)", "the 1967 animation"
                if y.year == m.year and (y.away or y.title_norm == key or (
                        y.sentence in title_sentences and _ATTRIBUTIVE.search(ev.text[max(0, y.start - 6):y.start]))):
                    where, confidence = (y.start, y.end), 0.7
                    break
        if where is None and m.distance.penalty("relation") >= 0.7:
            zones = ev.same_name or [z for z in ev.zones if z.kind in ("derived", "future")]
            if zones:
                where, confidence = (zones[0].start, zones[0].end), 0.75
        if where is None:
            continue
        start, end = where
        zone = ev.in_same_name(start, end)
        if zone is not None:  # quote the whole description: "<Director>'s coming ... of the same name"
            end = zone.end
        out.append({"kind": "film", "text": ev.text[start:end].strip(), "start": start, "end": end,
                    "sentence": _sentence_text(ev, ev.sentence_of(start)), "film_id": m.film_id,
                    "confidence": confidence})
    return out


_ATTRIBUTIVE = re.compile(r"(?:\bthe|['’]s)\s+$", re.IGNORECASE)


def _surname_at(ev: PageEvidence, name: str, exclude: list[str]) -> tuple[int, int] | None:
    """Where the text names a director by surname alone (capitalized, four letters or more)."""
    surname = name.split()[-1] if name.split() else ""
    if len(surname) < 4 or any(d.split()[-1:] == [surname] for d in exclude):
        return None
    m = re.search(r"\b" + re.escape(surname) + r"\b", ev.text)
    return (m.start(), m.end()) if m else None


def person_mentions(ev: PageEvidence) -> list[dict[str, Any]]:
    out = []
    for p in ev.people[:MAX_MENTIONS]:
        words = p.name.split()
        conf = 0.9 if len(words) >= 2 and p.name[:1].isupper() else 0.5
        out.append({"kind": "person", "text": p.name, "start": p.start, "end": p.end,
                    "sentence": _sentence_text(ev, p.sentence), "person_id": p.person_id,
                    "confidence": conf})
    return out
