"""Provisional films: a review names a film the catalog lacks, so linking creates a
placeholder; once an import brings the real film, the placeholder is merged into it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.engine import Connection

from ..models import Analysis, LinkDecision, Mention, Review
from ..store import Store
from .db import CREDITS, FILMS, PEOPLE, TITLES, chunks, insert_ignore
from .normalize import normalize_title
from .records import FilmRecord
from .writer import RecordWriter, title_row

SOURCE = "provisional"


def create_provisional(store: Store, *, title: str, year: int | None, directors: Sequence[str] = ()) -> int:
    """A provisional film for ``title`` (``year``), reusing one with the same normalized
    title and year; returns its id."""
    norm = normalize_title(title)
    if not norm:
        raise ValueError(f"not a usable title: {title!r}")
    with store.engine.begin() as conn:
        year_cond = FILMS.c.year.is_(None) if year is None else FILMS.c.year == year
        existing = conn.scalar(select(FILMS.c.id).where(and_(FILMS.c.provisional.is_(True),
                                                             FILMS.c.norm_title == norm, year_cond))
                               .order_by(FILMS.c.id).limit(1))
        writer = RecordWriter(conn, source=SOURCE)
        record = FilmRecord(title=title, year=year, directors=[d for d in directors if d.strip()])
        if existing is not None:
            if record.directors:  # a later review may name the director the first one did not
                writer._write_credits([existing], [record], cast_ord_base=0)
            return existing
        return writer.write([record], provisional=True)[0]


def _directors(conn: Connection, film_ids: Sequence[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(set(film_ids)), 500):
        q = (select(CREDITS.c.film_id, PEOPLE.c.norm_name).join(PEOPLE, PEOPLE.c.id == CREDITS.c.person_id)
             .where(and_(CREDITS.c.film_id.in_(chunk), CREDITS.c.role == "director")))
        for fid, norm in conn.execute(q):
            out[fid].add(norm)
    return out


def _find_real(conn: Connection, prov: Any, prov_directors: set[str]) -> int | None:
    if prov.imdb_id:
        fid = conn.scalar(select(FILMS.c.id).where(and_(FILMS.c.imdb_id == prov.imdb_id,
                                                        FILMS.c.provisional.is_(False))))
        if fid is not None:
            return fid
    q = (select(FILMS.c.id).distinct().join(TITLES, TITLES.c.film_id == FILMS.c.id)
         .where(and_(FILMS.c.provisional.is_(False),
                     or_(FILMS.c.norm_title == prov.norm_title, TITLES.c.norm_title == prov.norm_title))))
    if prov.year is not None:
        q = q.where(FILMS.c.year == prov.year)
    options = sorted(conn.scalars(q))
    if not options:
        return None
    if prov_directors:
        real_directors = _directors(conn, options)
        matched = [f for f in options if prov_directors & real_directors.get(f, set())]
        return matched[0] if len(matched) == 1 else None
    return options[0] if len(options) == 1 and prov.year is not None else None


def _replace_film_ids(data: Any, mapping: dict[int, int]) -> tuple[Any, bool]:
    """``data`` with every ``"film_id"`` value found in ``mapping`` replaced."""
    if isinstance(data, dict):
        changed = False
        out = {}
        for k, v in data.items():
            if k == "film_id" and isinstance(v, int) and v in mapping:
                out[k], changed = mapping[v], True
            else:
                out[k], c = _replace_film_ids(v, mapping)
                changed |= c
        return out, changed
    if isinstance(data, list):
        items = [_replace_film_ids(v, mapping) for v in data]
        return [v for v, _ in items], any(c for _, c in items)
    return data, False


def merge_provisional(store: Store) -> int:
    """Merge every provisional film that now has a real match (same IMDb id, or the same
    normalized title or alias + year + a shared director; without directors, the only
    film with that title and year): reviews, mentions, link decisions and stored linking
    analyses move to the real film, the provisional title becomes an alias of it, and
    the provisional row is deleted.  Returns how many were merged."""
    with store.engine.begin() as conn:
        provs = conn.execute(select(FILMS.c.id, FILMS.c.title, FILMS.c.norm_title, FILMS.c.year, FILMS.c.imdb_id)
                             .where(FILMS.c.provisional.is_(True))).all()
        if not provs:
            return 0
        directors = _directors(conn, [p.id for p in provs])
        mapping: dict[int, int] = {}
        for prov in provs:
            real = _find_real(conn, prov, directors.get(prov.id, set()))
            if real is not None:
                mapping[prov.id] = real
        if not mapping:
            return 0
        for old, new in mapping.items():
            for table in (Review.__table__, Mention.__table__, LinkDecision.__table__):
                conn.execute(update(table).where(table.c.film_id == old).values(film_id=new))
        analyses = Analysis.__table__
        for review_id, stage, data in conn.execute(select(analyses.c.review_id, analyses.c.stage, analyses.c.data)
                                                   .where(analyses.c.stage == "linking")).all():
            new_data, changed = _replace_film_ids(data, mapping)
            if changed:
                conn.execute(update(analyses).where(and_(analyses.c.review_id == review_id,
                                                         analyses.c.stage == stage)).values(data=new_data))
        titles = {p.id: p.title for p in provs}
        alias_rows = [row for old, new in mapping.items() if (row := title_row(new, titles[old], "alias"))]
        insert_ignore(conn, TITLES, alias_rows, ("film_id", "norm_title"))
        olds = list(mapping)
        for chunk in chunks(olds, 500):
            conn.execute(delete(CREDITS).where(CREDITS.c.film_id.in_(chunk)))
            conn.execute(delete(TITLES).where(TITLES.c.film_id.in_(chunk)))
            conn.execute(delete(FILMS).where(FILMS.c.id.in_(chunk)))
        return len(mapping)


