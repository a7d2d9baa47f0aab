"""Provisional films in a distributed run.

In a single-process run the linking stage sees the reviews in input order: the first review
of a film the catalog lacks creates a provisional film, the index learns it, and later
reviews link to it.  Workers each keep their own index, so they see other workers'
provisional films late or not at all.  This pass restores the single-process outcome:

1. the films and people the run created are those with ids above the marks taken when the
   run was planned;
2. the workers pick the run's reviews that could involve them: a linking output that names
   one of those films, an abstention, or a text that contains one of their titles or
   people's names;
3. one task re-links those reviews in input order with the catalog index as it was when the
   run started, creating (that is, finding again) provisional films as it goes, exactly as
   the local engine does;
4. provisional films and people the run created that no review needs any more are removed.

Residual difference: credits a later review adds to a provisional film are already known
when an earlier review is re-linked; a misspelt title (a fuzzy match with no shared words)
of a film created during the run is not picked in step 2.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, delete, func, select

from ..catalog.db import CREDITS, FILMS, PEOPLE, TITLES
from ..catalog.index import CatalogIndex
from ..models import Analysis, LinkDecision, Mention, Review
from ..store import Store
from .worker import _RUN_LOCK, _chunks, retrying, save_docs, worker_library

LINKS = "~links"
ABSTAINED = ("not_in_catalog", "ambiguous")


def catalog_marks(store: Store) -> dict[str, int]:
    """The highest film and person ids now: anything above was created later."""
    with store.engine.connect() as conn:
        return {"films": conn.scalar(select(func.max(FILMS.c.id))) or 0,
                "people": conn.scalar(select(func.max(PEOPLE.c.id))) or 0}


def created_since(store: Store, marks: dict[str, int]) -> tuple[list[int], list[str]]:
    """Provisional films created since ``marks`` and the words to look for: their titles
    and the names of their people (casefolded)."""
    with store.engine.connect() as conn:
        films = conn.execute(select(FILMS.c.id, FILMS.c.title, FILMS.c.norm_title)
                             .where(and_(FILMS.c.id > marks["films"], FILMS.c.provisional.is_(True)))).all()
        ids = [f.id for f in films]
        names: list[str] = []
        for chunk in _chunks(ids, 500):
            names += conn.scalars(select(PEOPLE.c.name).join(CREDITS, CREDITS.c.person_id == PEOPLE.c.id)
                                  .where(CREDITS.c.film_id.in_(chunk))).all()
    needles = {n.casefold() for f in films for n in (f.title, f.norm_title) if n}
    needles |= {n.casefold() for n in names if n}
    return ids, sorted(needles)


def index_as_of(store: Store, marks: dict[str, int]) -> CatalogIndex:
    """The catalog index without the films and people created after ``marks``."""
    index = CatalogIndex()
    nf, npl = marks["films"], marks["people"]
    with store.engine.connect() as conn:
        index._add_films(conn.execute(select(FILMS.c.id, FILMS.c.title, FILMS.c.norm_title, FILMS.c.year,
                                             FILMS.c.kind, FILMS.c.countries, FILMS.c.languages, FILMS.c.platform,
                                             FILMS.c.imdb_id, FILMS.c.provisional, FILMS.c.votes)
                                      .where(and_(FILMS.c.merged_into.is_(None), FILMS.c.id <= nf))).all())
        index._add_titles(conn.execute(select(TITLES.c.film_id, TITLES.c.title, TITLES.c.norm_title,
                                              TITLES.c.variants).where(TITLES.c.film_id <= nf)
                                       .order_by(TITLES.c.film_id, TITLES.c.id)).all())
        index._add_people(conn.execute(select(PEOPLE.c.id, PEOPLE.c.name, PEOPLE.c.norm_name, PEOPLE.c.name_keys)
                                       .where(PEOPLE.c.id <= npl)).all())
        index._add_credits(conn.execute(select(CREDITS.c.film_id, CREDITS.c.person_id, CREDITS.c.role)
                                        .where(and_(CREDITS.c.film_id <= nf, CREDITS.c.person_id <= npl))
                                        .order_by(CREDITS.c.film_id, CREDITS.c.ord, CREDITS.c.role)).all())
    return index


def _names_film(data: Any, films: set[int]) -> bool:
    if isinstance(data, dict):
        return any((k == "film_id" and v in films) or _names_film(v, films) for k, v in data.items())
    if isinstance(data, list):
        return any(_names_film(v, films) for v in data)
    return False


def _contains_any(text: str, by_first: dict[str, list[str]]) -> bool:
    low = text.casefold()
    words = set(low.split())
    return any(n in low for w in words & by_first.keys() for n in by_first[w])


def link_candidates(ctx: dict[str, Any], review_ids: list[str], films: list[int], needles: list[str]) -> list[str]:
    """Which of these reviews could involve the run's provisional films (a Dask task)."""
    lib = worker_library(ctx)
    film_set = set(films)
    by_first: dict[str, list[str]] = {}
    for n in needles:
        if n.split():
            by_first.setdefault(n.split()[0], []).append(n)
    found: list[str] = []
    with lib.store.session() as s:
        for chunk in _chunks(review_ids, 500):
            links = dict(s.execute(select(Analysis.review_id, Analysis.data)
                                   .where(Analysis.review_id.in_(chunk), Analysis.stage == "linking")).all())
            for rid, text, headline in s.execute(select(Review.id, Review.text, Review.headline)
                                                 .where(Review.id.in_(chunk))):
                data = links.get(rid) or {}
                if (data.get("status") in ABSTAINED or _names_film(data, film_set)
                        or _contains_any(f"{headline or ''}\n{text}", by_first)):
                    found.append(rid)
    return found


def relink(ctx: dict[str, Any], review_ids: list[str], marks: dict[str, int]) -> dict[str, Any]:
    """Re-link these reviews in this order against the catalog as of ``marks`` (a Dask task);
    returns the provisional films the reviews created or found again."""
    from ..linking import create_component

    started = time.perf_counter()
    with _RUN_LOCK:
        lib = worker_library(ctx)
        comp = create_component(lib.settings, store=lib.store, index=index_as_of(lib.store, marks))
        used: list[int] = []
        make = comp._provisional_factory()
        if make is not None:
            def recording(**kw: Any) -> int | None:
                film_id = make(**kw)
                if film_id is not None:
                    used.append(film_id)
                return film_id

            comp._provisional_factory = lambda: recording  # type: ignore[method-assign]
        for chunk in _chunks(review_ids, 100):
            docs = [comp(lib.store.load_doc(rid)) for rid in chunk]
            retrying(lambda docs=docs: save_docs(lib.store, docs, stages=["linking"]))
    return {"reviews": len(review_ids), "films": sorted(set(used)), "seconds": time.perf_counter() - started}


def drop_unused(store: Store, marks: dict[str, int], films: Sequence[int], keep: set[int]) -> int:
    """Remove the run's provisional films no review uses, and people created with them."""
    unused = [f for f in films if f not in keep]
    with store.engine.begin() as conn:
        for chunk in _chunks(unused, 500):
            still = set(conn.scalars(select(Review.film_id).where(Review.film_id.in_(chunk))))
            still |= set(conn.scalars(select(Mention.film_id).where(Mention.film_id.in_(chunk))))
            still |= set(conn.scalars(select(LinkDecision.film_id).where(LinkDecision.film_id.in_(chunk))))
            gone = [f for f in chunk if f not in still]
            conn.execute(delete(CREDITS).where(CREDITS.c.film_id.in_(gone)))
            conn.execute(delete(TITLES).where(TITLES.c.film_id.in_(gone)))
            conn.execute(delete(FILMS).where(FILMS.c.id.in_(gone)))
        credited = select(CREDITS.c.person_id)
        mentioned = select(Mention.person_id).where(Mention.person_id.is_not(None))
        conn.execute(delete(PEOPLE).where(and_(PEOPLE.c.id > marks["people"], PEOPLE.c.id.not_in(credited),
                                               PEOPLE.c.id.not_in(mentioned))))
    return len(unused)
