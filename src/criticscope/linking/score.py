"""Turn page evidence into per-title salience and per-film distances.

The *title* penalty says how surely the page is about a film with this title
(headline, structured data, URL, how often and how prominently the text names
it).  The other penalties tell films that share a title apart: the year written
beside the title, the director and cast the text names, country, language and
platform cues, the publication date, the URL, and relations that point away
("the 1978 original", "X's upcoming film of the same name").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from criticscope.catalog.normalize import name_keys, normalize_title, title_variants

from .cues import COUNTRY_CUES, STREAMERS
from .distance import Distance
from .evidence import Guess, PageEvidence, TitleSpan, person_away

_MOVIE_KINDS = frozenset({"movie", "film", "feature", "documentary", "animation", "", None})
_AWAY_PEOPLE = ("derived", "future", "same_name")


@dataclass
class TitleStat:
    """Everything the page says about one title (normalized)."""

    norm: str
    surface: str
    spans: list[TitleSpan] = field(default_factory=list)
    headline: list[TitleSpan] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    jsonld: bool = False
    url: bool = False
    salience: float = 0.0
    rel: float = 0.0  # salience relative to the most salient title
    years: set[int] = field(default_factory=set)  # attached to it, not pointing away
    away_years: set[int] = field(default_factory=set)
    derived: bool = False  # "remake of X", "the original X" without a year
    future: bool = False  # "the upcoming X"
    newer: bool = False  # "the new X", "X remake": not the first film with this title
    bound: set[str] = field(default_factory=set)  # keys of people bound to it ("Spielberg's X")
    in_catalog: bool = True

    @property
    def absolute(self) -> float:
        """Salience saturated at 1 (a headline alone, or three plain mentions)."""
        return min(1.0, self.salience / 3.0)


def _url_has(tokens: Sequence[str], norm: str) -> bool:
    words = norm.split()
    if not words or not tokens:
        return False
    n = len(words)
    return any(list(tokens[i:i + n]) == words for i in range(len(tokens) - n + 1))


def title_stats(ev: PageEvidence) -> dict[str, TitleStat]:
    """Salience of every title the page names (catalog spans and catalog-free guesses)."""
    stats: dict[str, TitleStat] = {}

    def stat(norm: str, surface: str) -> TitleStat:
        if norm not in stats:
            stats[norm] = TitleStat(norm=norm, surface=surface)
        return stats[norm]

    for span in ev.headline_titles:
        st = stat(span.norm, span.surface)
        st.headline.append(span)
        if span.year:
            st.years.add(span.year)
    for span in ev.titles:
        st = stat(span.norm, span.surface)
        st.spans.append(span)
        if span.year:
            if span.away in _AWAY_PEOPLE:
                st.away_years.add(span.year)
            elif span.away is None:
                st.years.add(span.year)
        if span.away == "derived" and not span.year:
            st.derived = True
        if span.away == "future":
            st.future = True
        if span.away is None and span.newer:
            st.newer = True
        if span.away is None:
            for name in span.bound:
                st.bound.update(name_keys(name))
    for g in ev.guesses:
        norm = normalize_title(g.surface)
        if not norm:
            continue
        st = stat(norm, g.surface)
        st.guesses.append(g)
        if g.year and g.source in ("structured", "headline"):
            st.years.add(g.year)
    if ev.jsonld_name:
        jn = normalize_title(ev.jsonld_name)
        if jn in stats:
            stats[jn].jsonld = True
            if ev.jsonld_year:
                stats[jn].years.add(ev.jsonld_year)
    for st in stats.values():
        st.url = _url_has(ev.url_tokens, st.norm)
        if st.url and ev.url_years and len(st.norm.split()) >= 1:
            st.years.update(ev.url_years)
        st.salience = _salience(st)
        if st.guesses and not st.spans and not st.headline:
            st.salience += _guess_occurrences(ev, st)
    # "the 1978 original": an away year in the same sentence as a title mention
    for y in ev.years:
        if y.away in _AWAY_PEOPLE:
            for st in stats.values():
                if any(s.sentence == y.sentence for s in st.spans) or (
                        y.title_norm == st.norm):
                    st.away_years.add(y.year)
    top = max((st.salience for st in stats.values()), default=0.0)
    for st in stats.values():
        st.rel = st.salience / top if top else 0.0
    return stats


def _salience(st: TitleStat) -> float:
    score = 0.0
    for span in st.headline:
        score += 3.0 if span.rank == 0 else 1.2
        if span.review_marker:
            score += 1.5
        if span.year:
            score += 0.5
    if st.jsonld:
        score += 4.0
    if st.url:
        score += 1.5
    text_score = 0.0
    first = False
    for span in st.spans:
        if span.away:
            text_score += 0.1 if span.away != "credit" else 0.05
            continue
        text_score += 0.6 * span.strength
        if span.paragraph == 0 and not first:
            first = True
            score += 0.8
            if span.year:
                score += 0.5
    score += min(text_score, 4.0)
    if st.headline and not st.spans and not st.jsonld:
        score *= 0.5  # a headline hook the text never comes back to
    for g in st.guesses:
        if g.source == "possessive" and st.spans:
            score += 1.0  # "Martin Scorsese's The Irishman" near the top
        elif g.source == "structured" and not st.jsonld:
            score += 4.0
        elif g.source == "headline" and not st.headline:
            score += g.score
        elif g.source in ("headline", "structured"):
            score += 0.5
        elif not st.spans:
            score += g.score * 0.6
    return score


def _guess_occurrences(ev: PageEvidence, st: TitleStat) -> float:
    """How often the text repeats a title the catalog does not know (capitalized as written)."""
    surface = max(st.guesses, key=lambda g: g.score).surface
    if len(surface) < 3:
        return 0.0
    count = ev.text.count(surface)
    in_headline = 2.0 if ev.headline and surface in ev.headline else 0.0
    return min(count, 5) * 0.6 + in_headline


# --- people on the page ------------------------------------------------------------


@dataclass
class PeopleFound:
    found: int = 0  # mentions outside relations that point away
    away: int = 0  # mentions only inside such relations
    names: list[str] = field(default_factory=list)


class NameFinder:
    """Finds a candidate's credited names in the page, with the relation context."""

    def __init__(self, ev: PageEvidence):
        self.ev = ev
        self._cache: dict[str, tuple[int, int]] = {}
        extra = [ev.headline] + list(ev.jsonld_directors)
        self._extra = " \n ".join(x for x in extra if x).lower()

    def count(self, name: str) -> tuple[int, int]:
        """(mentions pointing at this film's page subject, mentions pointing away)."""
        key = name.lower().strip()
        if key in self._cache:
            return self._cache[key]
        ok = away = 0
        for pos in self.ev.name_positions(key):
            kind = _person_context(self.ev, pos, pos + len(key))
            if kind in _AWAY_PEOPLE:
                away += 1
            elif kind is None:
                ok += 1
        if key and len(key) > 3 and key in self._extra:
            ok += 1
        self._cache[key] = (ok, away)
        return ok, away

    def people(self, names: Iterable[str]) -> PeopleFound:
        out = PeopleFound()
        for name in names:
            ok, away = self.count(name)
            if ok:
                out.found += 1
                out.names.append(name)
            elif away:
                out.away += 1
        return out


def _person_context(ev: PageEvidence, start: int, end: int) -> str | None:
    """None when a name may stand for the reviewed film's people; a relation kind when
    it sits in a passage about another film ("the director's upcoming film of the same
    name", "the 1978 original")."""
    if ev.in_same_name(start, end) is not None:
        return "same_name"
    zone = ev.zone_at(start, end)
    if zone is not None and zone.kind in _AWAY_PEOPLE:
        return zone.kind
    return person_away(ev, ev.text, start, end)


# --- distances ---------------------------------------------------------------------


@dataclass
class ScoringContext:
    ev: PageEvidence
    weights: Mapping[str, float]
    unknown: float = 0.3
    finder: NameFinder | None = None
    director_cue: bool = False  # the page names a director ("directed by X")
    any_director_found: bool = False
    any_cast_found: bool = False
    relation_cues: bool = False
    url_titles: bool = False  # the URL slug names one of the candidate titles
    any_non_movie: bool = False
    same_title: dict[str, list[Any]] = field(default_factory=dict)  # norm -> candidates


def _lower_set(values: Iterable[Any]) -> set[str]:
    return {str(v).lower() for v in values if v}


def _country_penalty(ev: PageEvidence, values: set[str]) -> float:
    wanted: set[str] = set()
    for cue in ev.countries:
        wanted.update(COUNTRY_CUES[cue])
    if not values:
        return 0.5
    return 0.0 if values & wanted else 1.0


def candidate_people(cand: Any, finder: NameFinder) -> tuple[PeopleFound, PeopleFound]:
    return finder.people(cand.directors or ()), finder.people((cand.cast or ())[:15])


def distance_for(cand: Any, st: TitleStat, ctx: ScoringContext, people: tuple[PeopleFound, PeopleFound],
                 match_quality: float) -> Distance:
    ev = ctx.ev
    d = Distance(ctx.weights)
    year = cand.year
    # title: how surely the page is about a film with this title, and how well it matches
    d.add("title", 1.0 - match_quality * st.rel * st.absolute)

    # year written beside the title (text, headline, structured data, URL)
    if st.years and year:
        gap = min(abs(y - year) for y in st.years)
        d.add("year", 0.0 if gap == 0 else 0.3 if gap == 1 else 1.0)
    elif year and _year_in_mention_sentences(st, ev, year):
        d.add("year", 0.1)
    else:
        d.add("year", ctx.unknown)

    directors, cast = people
    bound = bool(st.bound) and any(name_keys(n) & st.bound
                                   for n in [*(cand.directors or ()), *(cand.cast or ())[:15]])
    if st.bound:
        # "Spielberg's West Side Story": the person bound to the title decides, unless the
        # page also names this film's own director elsewhere
        d.add("director", 0.0 if bound else 0.5 if directors.found else 1.0)
    elif directors.found:
        d.add("director", 0.0)
    elif ctx.director_cue or ctx.any_director_found:
        d.add("director", 1.0 if cand.directors else 0.5)
    else:
        d.add("director", ctx.unknown)

    if cand.cast:
        if cast.found >= 2 or (cast.found == 1 and len(cand.cast) == 1):
            d.add("cast", 0.0)
        elif cast.found == 1:
            d.add("cast", 0.3)
        elif ctx.any_cast_found:
            d.add("cast", 1.0)
        else:
            d.add("cast", ctx.unknown)
    else:
        d.add("cast", ctx.unknown)

    if ev.published and year:
        delta = ev.published.year - year
        d.add("date", date_penalty(delta))

    if ev.countries:
        d.add("country", _country_penalty(ev, _lower_set(cand.countries or ())))
        d.add("language", _country_penalty(ev, _lower_set(cand.languages or ())))

    if ev.platforms:
        plat = (cand.platform or "").lower()
        cues = set(ev.platforms)
        if plat and plat in cues:
            d.add("platform", 0.0)
        elif "theatrical" in cues and plat and plat in STREAMERS:
            d.add("platform", 0.8)
        elif plat and plat in STREAMERS and cues & STREAMERS:
            d.add("platform", 1.0)
        elif cues & STREAMERS:
            d.add("platform", 0.5)
        else:
            d.add("platform", 0.0)

    if ctx.relation_cues:
        d.add("relation", 0.0 if bound else _relation_penalty(cand, st, ctx, people))

    if ctx.url_titles:
        if st.url:
            d.add("url", 0.6 if ev.url_years and year and year not in ev.url_years else 0.0)
        else:
            d.add("url", 1.0)

    if ctx.any_non_movie:
        d.add("kind", 0.0 if cand.kind in _MOVIE_KINDS else 0.6)
    return d


def date_penalty(delta: int) -> float:
    """Reviews cluster near release: none before the film (festival premieres allow a
    year), little a few years on, more for a retrospective decades later."""
    if delta < -1:
        return 1.0
    if delta <= 1:
        return 0.0
    if delta <= 4:
        return 0.3
    return 0.6 if delta <= 15 else 0.8


def _year_in_mention_sentences(st: TitleStat, ev: PageEvidence, year: int) -> bool:
    sentences = {s.sentence for s in st.spans if not s.away}
    return any(y.year == year and y.sentence in sentences and not y.away and not y.comparison for y in ev.years)


def _relation_penalty(cand: Any, st: TitleStat, ctx: ScoringContext,
                      people: tuple[PeopleFound, PeopleFound]) -> float:
    directors, cast = people
    penalty = 0.0
    year = cand.year
    if year and year in st.away_years and year not in st.years:
        penalty = 1.0
    if directors.away and not directors.found:
        penalty = max(penalty, 1.0)
    if cast.away and not cast.found:
        penalty = max(penalty, 0.6)
    siblings = [c for c in ctx.same_title.get(st.norm, []) if c.year]
    if len(siblings) > 1 and year:
        years = sorted(c.year for c in siblings)
        if (st.derived or st.newer) and year == years[0]:
            penalty = max(penalty, 0.5)
        ref = ctx.ev.published_year
        if (st.future or ctx.ev.same_name) and year == years[-1] and ref and year > ref:
            penalty = max(penalty, 0.7)
    return penalty


def match_quality(cand: Any, norm: str) -> float:
    """1 when the film's title (or the title that matched) normalizes to ``norm``; 0.95
    for an alternative or short title the catalog lists; less for fuzzy matches."""
    known = (getattr(cand, "scores", None) or {}).get("title_key")
    if known is not None:
        return float(known)
    titles = [getattr(cand, "matched_title", None), cand.title]
    best = 0.0
    for t in titles:
        if not t:
            continue
        n = normalize_title(t)
        if n == norm:
            return 1.0
        if norm in title_variants(t):
            best = max(best, 0.95)
        best = max(best, fuzz.ratio(n, norm) / 100.0)
    return best if best >= 0.85 else best * 0.5
