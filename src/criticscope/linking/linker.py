"""Decide which catalog film a review is about, or abstain.

The cascade, in order:

1. a person's decision (``doc.ext["link_decision"]``) wins and is never overridden;
2. evidence is gathered from the page (:mod:`.evidence`) and every title it
   names gets a salience (:mod:`.score`);
3. the catalog's films with the most salient titles become candidates, each
   scored with a named, weighted :class:`~.distance.Distance`;
4. a :class:`~.match.Proposal` ranks them and recommends strong / medium /
   low / none from confidence and the gap to the runner-up;
5. strong or medium links; low keeps the candidates for a person
   (``ambiguous``); a salient title the catalog lacks, or one whose catalog
   films the page contradicts, is ``not_in_catalog`` (a provisional film is
   created when the page gives title plus year or director); no title at all
   is ``none``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from criticscope.catalog.normalize import normalize_title

from .evidence import Guess, PageEvidence, gather, is_weak_title
from .match import Match, Proposal, Recommendation, Thresholds, propose
from .mentions import film_mentions, person_mentions
from .score import (
    NameFinder,
    ScoringContext,
    TitleStat,
    candidate_people,
    distance_for,
    match_quality,
    title_stats,
)

log = logging.getLogger(__name__)

MAX_SUBJECT_TITLES = 6
MAX_CANDIDATES_PER_TITLE = 30
MAX_CROWD = 3000  # films read for one title before narrowing
MIN_SHARED_PEOPLE = 3  # people a page names that make a film a candidate without its title
PEOPLE_FILM_SALIENCE = 0.8


class Linker:
    """Links one review at a time against a catalog index (see :mod:`criticscope.catalog`)."""

    def __init__(self, index: Any, settings: Any, *,
                 provisional: Callable[..., int | None] | None = None):
        self.index = index
        self.settings = settings
        self.thresholds = Thresholds.from_settings(settings)
        self.weights = dict(settings.weights or {})
        self.unknown = float(getattr(settings, "unknown_penalty", 0.3))
        self.mention_threshold = float(getattr(settings, "mention_threshold", 0.64))
        self.min_evidence = int(getattr(settings, "provisional_min_evidence", 2))
        self.provisional = provisional
        self._cand_cache: dict[tuple[str, str], list[Any]] = {}
        self._word_cache: dict[str, bool] = {}

    # --- candidates ----------------------------------------------------------------

    def candidates_for(self, norm: str, surface: str, fuzzy: bool = False, *,
                       years: Sequence[int] = (), people: Sequence[str] = ()) -> list[Any]:
        """Catalog films whose title, alternative title or short form ("Glass Onion") is
        ``norm``; with ``fuzzy``, near spellings too (for titles read without the catalog).

        A title shared by more films than ``MAX_CANDIDATES_PER_TITLE`` (a big catalog
        has dozens of films called "Heat") is narrowed with the page's years and names
        through the catalog's own ranking."""
        ids = self.index.films_by_norm_title(norm)
        crowded = len(ids) > MAX_CANDIDATES_PER_TITLE
        key = (norm, "f" if fuzzy else "x", tuple(years) if crowded else (), tuple(people) if crowded else ())
        if key in self._cand_cache:
            return self._cand_cache[key]
        films = [c for c in (self.index.film(fid) for fid in ids[:MAX_CROWD]) if c is not None]
        if crowded:
            films = self._narrow(films, years, people)
        keep: list[Any] = []
        for cand in films:
            # the index matched this key exactly (a title or alias) or as a short form
            exact = normalize_title(cand.title) == norm
            cand.scores = {**(cand.scores or {}), "title_key": 1.0 if exact else 0.95}
            keep.append(cand)
        if fuzzy and not keep:
            for cand in self.index.candidates(surface, limit=MAX_CANDIDATES_PER_TITLE):
                if match_quality(cand, norm) >= 0.94:
                    keep.append(cand)
        if len(self._cand_cache) > 5000:
            self._cand_cache.clear()
        self._cand_cache[key] = keep
        return keep

    def _narrow(self, films: list[Any], years: Sequence[int], people: Sequence[str]) -> list[Any]:
        """Of many films sharing a title, those the page's names are credited on, then
        those from the page's years, then the most voted."""
        credited: set[int] = set()
        for name in people:
            for pid, _ in self.index.people(name)[:3]:
                credited.update(fid for fid, _ in self.index.credits_of_person(pid))
        near = set()
        for y in years:
            near.update((y - 1, y, y + 1))

        def rank(c: Any) -> tuple:
            return (c.film_id not in credited, (c.year or 0) not in near, -(c.votes or 0), c.film_id)

        return sorted(films, key=rank)[:MAX_CANDIDATES_PER_TITLE]

    def candidates_on_page(self, ev: PageEvidence, st: TitleStat, fuzzy: bool = False) -> list[Any]:
        """:meth:`candidates_for` a title the page names, narrowed by the page's hints."""
        years, names = self._hints(ev, st)
        return self.candidates_for(st.norm, st.surface, fuzzy=fuzzy, years=years, people=names)

    def _hints(self, ev: PageEvidence, st: TitleStat) -> tuple[list[int], list[str]]:
        """Years and names on the page that narrow a crowded title."""
        years = sorted(st.years)
        if ev.published_year:
            years += [y for y in (ev.published_year, ev.published_year - 1) if y not in years]
        years += sorted({y.year for y in ev.years if not y.away and y.year not in years})[:4]
        names = [p.name for p in ev.people if not p.away] + ev.named_directors + ev.jsonld_directors
        return years[:6], list(dict.fromkeys(names))[:12]

    def _films_of_people(self, ev: PageEvidence, stats: dict[str, TitleStat], by_title: dict[str, list[Any]]
                         ) -> None:
        """A page that never names its film clearly: films on which three or more of
        the people it names worked together become candidates, with an unknown title."""
        if not hasattr(self.index, "credits_of_person"):
            return
        shared: dict[int, set[int]] = {}
        for pid in {p.person_id for p in ev.people if not p.away and p.person_id is not None}:
            for fid, _ in self.index.credits_of_person(pid)[:400]:
                shared.setdefault(fid, set()).add(pid)
        films = sorted((fid for fid, pids in shared.items() if len(pids) >= MIN_SHARED_PEOPLE),
                       key=lambda fid: (-len(shared[fid]), fid))[:MAX_CANDIDATES_PER_TITLE]
        for fid in films:
            cand = self.index.film(fid)
            if cand is None:
                continue
            norm = normalize_title(cand.title)
            st = stats.get(norm)
            if st is None:
                st = stats[norm] = TitleStat(norm=norm, surface=cand.title)
            # the title was never written: less salient than a single plain mention of a title
            st.salience = max(st.salience, PEOPLE_FILM_SALIENCE)
            cand.scores = {**(cand.scores or {}), "title_key": 1.0}
            by_title.setdefault(norm, [])
            if all(c.film_id != fid for c in by_title[norm]):
                by_title[norm].append(cand)
        top = max((st.salience for st in stats.values()), default=0.0)
        for st in stats.values():
            st.rel = st.salience / top if top else 0.0

    # --- the decision ----------------------------------------------------------------

    def link(self, doc: Any) -> dict[str, Any]:
        ev = gather(doc, self.index, self._word_cache)
        stats = title_stats(ev)
        ranked = sorted(stats.values(), key=lambda s: (-s.salience, s.norm))
        subject = [st for st in ranked if st.rel >= 0.2][:MAX_SUBJECT_TITLES]
        by_title: dict[str, list[Any]] = {}
        for st in subject:
            only_guessed = not st.spans and not st.headline
            cands = self.candidates_on_page(ev, st, fuzzy=only_guessed)
            st.in_catalog = bool(cands)
            if cands:
                by_title[st.norm] = cands
        if not by_title:
            self._films_of_people(ev, stats, by_title)
        proposal, ctx, people = self._score(ev, stats, by_title)
        result = self._decide(doc, ev, stats, proposal, ranked, by_title, people)
        result["mentions"] = film_mentions(self, ev, stats, result, proposal) + person_mentions(ev)
        return result

    def _score(self, ev: PageEvidence, stats: dict[str, TitleStat], by_title: dict[str, list[Any]]
               ) -> tuple[Proposal, ScoringContext, dict[int, Any]]:
        finder = NameFinder(ev)
        people: dict[int, Any] = {}
        for cands in by_title.values():
            for cand in cands:
                if cand.film_id not in people:
                    people[cand.film_id] = candidate_people(cand, finder)
        ctx = ScoringContext(ev=ev, weights=self.weights, unknown=self.unknown, finder=finder)
        ctx.director_cue = any(p.role == "director" and not p.away for p in ev.people) or bool(
            ev.jsonld_directors) or bool(ev.named_directors)
        ctx.any_director_found = any(d.found for d, _ in people.values())
        ctx.any_cast_found = any(c.found for _, c in people.values())
        ctx.relation_cues = bool(
            any(z.kind in ("derived", "future") for z in ev.zones) or ev.same_name
            or any(st.away_years or st.derived or st.future for st in stats.values())
            or any(d.away or c.away for d, c in people.values()))
        ctx.url_titles = any(stats[n].url for n in by_title)
        ctx.any_non_movie = any(
            (c.kind or "movie") not in ("movie", "film", "feature", "documentary", "animation")
            for cands in by_title.values() for c in cands)
        ctx.same_title = by_title
        matches: dict[int, Match] = {}
        for norm, cands in by_title.items():
            st = stats[norm]
            for cand in cands:
                dist = distance_for(cand, st, ctx, people[cand.film_id], match_quality(cand, norm))
                old = matches.get(cand.film_id)
                if old is None or dist.distance < old.distance.distance:
                    matches[cand.film_id] = Match(
                        film_id=cand.film_id, title=cand.title, year=cand.year,
                        directors=list(cand.directors or []), distance=dist, candidate=cand)
        return propose(list(matches.values()), self.thresholds), ctx, people

    def _decide(self, doc: Any, ev: PageEvidence, stats: dict[str, TitleStat], proposal: Proposal,
                ranked: Sequence[TitleStat], by_title: dict[str, list[Any]], people: dict[int, Any]
                ) -> dict[str, Any]:
        best = proposal.best
        rec = proposal.recommendation
        status, film_id, confidence = "none", None, 0.0
        best_stat = _stat_of(best, stats, by_title) if best else None
        uncatalogued = [st for st in ranked if not st.in_catalog and _guessed_subject(st, ev)]
        top_uncat = uncatalogued[0] if uncatalogued else None
        notes: list[str] = []
        if best is not None:
            confidence = best.confidence
        outranked = top_uncat is not None and (
            best_stat is None or top_uncat.salience > best_stat.salience * 1.15)
        if best is not None and rec >= Recommendation.medium and not outranked:
            status, film_id = "linked", best.film_id
            if getattr(best.candidate, "provisional", False):
                status = "not_in_catalog"
        elif best is not None and not outranked and best_stat is not None and _contradicted(
                best, proposal, best_stat, by_title):
            status = "not_in_catalog"
            notes.append("the page contradicts every catalog film with this title")
        elif outranked:
            status = "not_in_catalog"
            notes.append(f"the page reviews {top_uncat.surface!r}, which the catalog lacks")
        elif best is not None and best_stat is not None and best_stat.rel >= 0.5 and best.confidence >= 0.05:
            status = "ambiguous"
        if status == "not_in_catalog" and film_id is None:
            target = top_uncat if outranked else best_stat
            film_id = self._maybe_provisional(ev, target, by_title, notes)
        result: dict[str, Any] = {
            "status": status,
            "film_id": film_id,
            "confidence": round(confidence if status == "linked" else min(confidence, 0.5), 4),
            "recommendation": rec.name,
            "source": "auto",
            "candidates": [m.as_dict() for m in proposal.matches[:5]],
            "evidence": ev.as_list(),
            "notes": notes,
            "cast": [],
        }
        linked = film_id if status == "linked" else None
        decision = (doc.ext or {}).get("link_decision")
        if isinstance(decision, dict):
            linked = decision.get("film_id")
            result.update(status="linked" if linked is not None else "none", film_id=linked,
                          confidence=1.0, source="user")
        if linked is not None and linked in people:
            result["cast"] = list(people[linked][1].names)
        elif linked is not None:
            result["cast"] = self._cast_of(linked, ev)
        return result

    def _cast_of(self, film_id: int, ev: PageEvidence) -> list[str]:
        try:
            film = self.index.film(film_id)
        except Exception:  # a decision may name a film the index has not loaded
            return []
        if film is None:
            return []
        finder = NameFinder(ev)
        return finder.people((getattr(film, "cast", None) or ())[:15]).names

    def _maybe_provisional(self, ev: PageEvidence, st: TitleStat | None, by_title: dict[str, list[Any]],
                           notes: list[str]) -> int | None:
        """Create a provisional film when the page gives its title plus a year or a director."""
        if self.provisional is None or st is None:
            return None
        title = _clean_surface(st)
        if not title or is_weak_title(title) and not st.years:
            return None
        known = {y for cands in by_title.values() for c in cands for y in [c.year]}
        years = sorted(y for y in st.years if y not in known)
        directors = _named_directors(ev, by_title)
        pieces = 1 + bool(years) + bool(directors)
        if pieces < self.min_evidence:
            return None
        try:
            film_id = self.provisional(title=title, year=years[0] if years else None, directors=directors)
        except Exception:  # the link still says not_in_catalog
            log.exception("could not create a provisional film for %r", title)
            return None
        notes.append(f"provisional film {film_id} created for {title!r}")
        return film_id


def _stat_of(match: Match, stats: dict[str, TitleStat], by_title: dict[str, list[Any]]) -> TitleStat | None:
    for norm, cands in by_title.items():
        if any(c.film_id == match.film_id for c in cands):
            return stats.get(norm)
    return None


def _guessed_subject(st: TitleStat, ev: PageEvidence) -> bool:
    """A title read without the catalog that the page clearly reviews."""
    surface = _clean_surface(st)
    weak_kinds = ("allcaps", "headline_caps", "headline_part")
    if ev.headline_titles and all(g.source in weak_kinds for g in st.guesses):
        return False  # capitals or a headline fragment do not outrank a catalog title the headline names
    strong = [g for g in st.guesses if g.source in ("structured", "headline") or g.score >= 1.5
              or (ev.headline and surface and surface in ev.headline)]
    if not strong or st.salience < 2.5:
        return False
    if not surface or "review" in surface.lower() or surface.lower() == surface:
        return False
    return not any(p.name.lower() == surface.lower() for p in ev.people)


def _clean_surface(st: TitleStat) -> str:
    best: Guess | None = max(st.guesses, key=lambda g: g.score, default=None)
    surface = best.surface if best else st.surface
    return surface.strip(" .,;:'\"“”‘’")


def _contradicted(best: Match, proposal: Proposal, st: TitleStat, by_title: dict[str, list[Any]]) -> bool:
    """Every catalog film with the reviewed title is ruled out by the page itself."""
    if st.rel < 0.8 or st.absolute < 0.6:
        return False
    rivals = [m for m in proposal.matches if m.film_id in {c.film_id for c in by_title.get(st.norm, [])}]
    if not rivals:
        return False

    def ruled_out(m: Match) -> bool:
        d = m.distance
        return (d.penalty("year") >= 1.0 or d.penalty("relation") >= 0.7 or d.penalty("date") >= 1.0
                or (d.penalty("director") >= 1.0 and d.penalty("cast") >= 0.3))

    return all(ruled_out(m) for m in rivals)


def _named_directors(ev: PageEvidence, by_title: dict[str, list[Any]]) -> list[str]:
    credited = {n.lower() for cands in by_title.values() for c in cands for n in (c.directors or [])}
    names = [p.name for p in ev.people if p.role == "director" and not p.away and p.name.lower() not in credited]
    names += [n for n in ev.jsonld_directors + ev.named_directors if n.lower() not in credited]
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out[:3]
