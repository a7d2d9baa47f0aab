"""Write film records into the catalog, merging them with films already there.

A record matches an existing film by IMDb id, else by normalized title + year +
director (a film without directors on either side matches on title + year only when
exactly one film has them).  A match fills the film's missing fields and adds titles
and credits; everything else is inserted.  All of it runs in the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.engine import Connection

from .db import CREDITS, FILMS, PEOPLE, TITLES, allocate_ids, chunks, join_keys, raw_insert
from .normalize import FULL, name_analysis, normalize_name, normalize_title, variant_forms
from .records import FilmRecord, dedupe_records

_LIST_FIELDS = ("countries", "languages", "genres")
_SCALAR_FIELDS = ("original_title", "runtime", "platform", "imdb_id", "wikidata_id", "votes")
_VARIANT_CODES = {"short": "s", "tail": "t", "head": "h"}
TITLE_COLUMNS = ("film_id", "title", "norm_title", "region", "language", "kind", "variants")
PERSON_COLUMNS = ("id", "name", "norm_name", "imdb_id", "name_keys")


def encode_variants(title: str) -> str | None:
    """The stored form of a title's derived keys: ``"s:saw 4|h:saw"``."""
    return join_keys(f"{_VARIANT_CODES[kind]}:{key}" for key, kind in variant_forms(title) if kind != FULL)


def title_row(film_id: int, title: str, kind: str, region: str | None = None, language: str | None = None, *,
              keys: tuple[str, str | None] | None = None) -> dict[str, Any] | None:
    """A ``film_titles`` row; ``keys`` is (normalized title, encoded variants) when
    already computed."""
    norm, variants = keys if keys is not None else (normalize_title(title), encode_variants(title))
    if not norm:
        return None
    return {"film_id": film_id, "title": title, "norm_title": norm, "region": (region or None) and region[:8],
            "language": (language or None) and language[:8], "kind": kind, "variants": variants}


def person_row(name: str, imdb_id: str | None = None) -> dict[str, Any]:
    norm, keys = name_analysis(name)
    return {"name": name, "norm_name": norm, "imdb_id": imdb_id, "name_keys": join_keys(sorted(keys - {norm}))}


@dataclass
class WriteCounts:
    films_added: int = 0
    films_updated: int = 0


class RecordWriter:
    """Merges records into the catalog over one connection (one transaction)."""

    def __init__(self, conn: Connection, *, source: str):
        self.conn = conn
        self.source = source
        self.counts = WriteCounts()
        self._person_ids: dict[str, int] = {}

    # --- films -----------------------------------------------------------------

    def _existing(self, records: Sequence[FilmRecord]) -> tuple[dict[str, int], dict[tuple[str, int | None],
                                                                                       list[tuple[int, str | None]]]]:
        by_imdb: dict[str, int] = {}
        ids = sorted({r.imdb_id for r in records if r.imdb_id})
        for chunk in chunks(ids, 500):
            for fid, imdb in self.conn.execute(select(FILMS.c.id, FILMS.c.imdb_id).where(FILMS.c.imdb_id.in_(chunk))):
                by_imdb[imdb] = fid
        by_title: dict[tuple[str, int | None], list[tuple[int, str | None]]] = defaultdict(list)
        norms = sorted({r.norm_title for r in records})
        for chunk in chunks(norms, 500):
            q = select(FILMS.c.id, FILMS.c.norm_title, FILMS.c.year, FILMS.c.imdb_id).where(
                and_(FILMS.c.norm_title.in_(chunk), FILMS.c.provisional.is_(False)))
            for fid, norm, year, imdb in self.conn.execute(q):
                by_title[(norm, year)].append((fid, imdb))
        return by_imdb, by_title

    def _directors(self, film_ids: Iterable[int]) -> dict[int, set[str]]:
        out: dict[int, set[str]] = defaultdict(set)
        for chunk in chunks(sorted(set(film_ids)), 500):
            q = (select(CREDITS.c.film_id, PEOPLE.c.norm_name)
                 .join(PEOPLE, PEOPLE.c.id == CREDITS.c.person_id)
                 .where(and_(CREDITS.c.film_id.in_(chunk), CREDITS.c.role == "director")))
            for fid, norm in self.conn.execute(q):
                out[fid].add(norm)
        return out

    def match(self, records: Sequence[FilmRecord]) -> list[int | None]:
        """The existing film each record describes, or None."""
        by_imdb, by_title = self._existing(records)
        directors = self._directors(fid for films in by_title.values() for fid, _ in films)
        out: list[int | None] = []
        for rec in records:
            fid = by_imdb.get(rec.imdb_id) if rec.imdb_id else None
            if fid is None:
                options = [(f, imdb) for f, imdb in by_title.get((rec.norm_title, rec.year), [])
                           if not (rec.imdb_id and imdb and imdb != rec.imdb_id)]
                mine = {normalize_name(d) for d in rec.directors}
                with_director = [f for f, _ in options if mine & directors.get(f, set())]
                if with_director:
                    fid = with_director[0]
                elif len(options) == 1 and (not mine or not directors.get(options[0][0])):
                    fid = options[0][0]
            out.append(fid)
        return out

    def write(self, records: Iterable[FilmRecord], *, cast_ord_base: int = 0, provisional: bool = False) -> list[int]:
        """Write ``records`` (merged among themselves first); returns the film id of each
        merged record, in order."""
        merged = dedupe_records(list(records))
        matches = self.match(merged) if not provisional else [None] * len(merged)
        self._update_films([(fid, rec) for fid, rec in zip(matches, merged, strict=True) if fid is not None])
        new = [rec for fid, rec in zip(matches, merged, strict=True) if fid is None]
        new_ids = iter(self._insert_films(new, provisional=provisional))
        film_ids = [fid if fid is not None else next(new_ids) for fid in matches]
        self._write_titles(film_ids, merged)
        self._write_credits(film_ids, merged, cast_ord_base=cast_ord_base)
        return film_ids

    def _film_values(self, rec: FilmRecord) -> dict[str, Any]:
        return {
            "title": rec.title, "original_title": rec.original_title, "norm_title": rec.norm_title,
            "year": rec.year, "kind": (rec.kind or "movie")[:16], "runtime": rec.runtime,
            "countries": list(rec.countries), "languages": list(rec.languages), "genres": list(rec.genres),
            "platform": rec.platform[:40] if rec.platform else None, "imdb_id": rec.imdb_id,
            "wikidata_id": rec.wikidata_id, "votes": rec.votes,
        }

    def _insert_films(self, records: Sequence[FilmRecord], *, provisional: bool) -> list[int]:
        ids = allocate_ids(self.conn, FILMS, len(records))
        rows = [{**self._film_values(r), "id": fid, "source": self.source, "provisional": provisional}
                for fid, r in zip(ids, records, strict=True)]
        for chunk in chunks(rows, 5000):
            self.conn.execute(FILMS.insert(), chunk)
        self.counts.films_added += len(ids)
        return ids

    def _update_films(self, pairs: Sequence[tuple[int, FilmRecord]]) -> None:
        if not pairs:
            return
        current: dict[int, Any] = {}
        for chunk in chunks(sorted({fid for fid, _ in pairs}), 500):
            for row in self.conn.execute(select(FILMS).where(FILMS.c.id.in_(chunk))):
                current[row.id] = row
        updates = []
        for fid, rec in pairs:
            row = current[fid]
            values = self._film_values(rec)
            new: dict[str, Any] = {}
            for name in (*_SCALAR_FIELDS, "year"):
                if getattr(row, name) in (None, "") and values[name] not in (None, ""):
                    new[name] = values[name]
            for name in _LIST_FIELDS:
                have = list(getattr(row, name) or [])
                lower = {str(v).lower() for v in have}
                extra = [v for v in values[name] if str(v).lower() not in lower]
                if extra:
                    new[name] = have + extra
            if new:
                updates.append((fid, new))
        columns = sorted({c for _, new in updates for c in new})
        for fid, new in updates:  # few rows: a film gains missing facts from a second source
            full = {c: new.get(c, getattr(current[fid], c)) for c in columns}
            self.conn.execute(update(FILMS).where(FILMS.c.id == bindparam("_id")), [{"_id": fid, **full}])
        self.counts.films_updated += len(pairs)

    def _write_titles(self, film_ids: Sequence[int], records: Sequence[FilmRecord]) -> None:
        rows = []
        for fid, rec in zip(film_ids, records, strict=True):
            candidates = [title_row(fid, rec.title, "primary")]
            if rec.original_title:
                candidates.append(title_row(fid, rec.original_title, "original"))
            candidates += [title_row(fid, a.title, "aka", a.region, a.language) for a in rec.akas]
            seen: set[str] = set()
            for row in candidates:
                if row and row["norm_title"] not in seen:
                    seen.add(row["norm_title"])
                    rows.append(row)
        for chunk in chunks(rows, 10_000):
            raw_insert(self.conn, TITLES, TITLE_COLUMNS, [[r[c] for c in TITLE_COLUMNS] for r in chunk],
                       conflict=("film_id", "norm_title"))

    # --- people and credits ----------------------------------------------------

    def person_ids(self, names: Iterable[str]) -> dict[str, int]:
        """norm_name -> person id for ``names``, creating people the catalog lacks."""
        wanted: dict[str, str] = {}
        for name in set(names):
            norm = normalize_name(name)
            if norm and norm not in self._person_ids:
                wanted.setdefault(norm, name)
        for chunk in chunks(sorted(wanted), 500):
            q = (select(PEOPLE.c.norm_name, func.min(PEOPLE.c.id))
                 .where(PEOPLE.c.norm_name.in_(chunk)).group_by(PEOPLE.c.norm_name))
            for norm, pid in self.conn.execute(q):
                self._person_ids[norm] = pid
        missing = [wanted[n] for n in wanted if n not in self._person_ids]
        rows = [{**person_row(name), "id": pid}
                for pid, name in zip(allocate_ids(self.conn, PEOPLE, len(missing)), missing, strict=True)]
        for chunk in chunks(rows, 10_000):
            raw_insert(self.conn, PEOPLE, PERSON_COLUMNS, [[r[c] for c in PERSON_COLUMNS] for r in chunk])
        self._person_ids.update((row["norm_name"], row["id"]) for row in rows)
        return self._person_ids

    def _write_credits(self, film_ids: Sequence[int], records: Sequence[FilmRecord], *, cast_ord_base: int) -> None:
        names = {n for r in records for n in (*r.directors, *r.writers, *r.cast)}
        ids = self.person_ids(names)
        pid_of = {n: ids.get(normalize_name(n)) for n in names}
        rows: list[tuple[int, int, str, int]] = []
        for fid, rec in zip(film_ids, records, strict=True):
            seen: set[tuple[int, str]] = set()
            for role, names, base in (("director", rec.directors, 0), ("writer", rec.writers, 0),
                                      ("actor", rec.cast, cast_ord_base)):
                for i, name in enumerate(names):
                    pid = pid_of.get(name)
                    if pid is not None and (pid, role) not in seen:
                        seen.add((pid, role))
                        rows.append((fid, pid, role, base + i))
        for chunk in chunks(rows, 10_000):
            raw_insert(self.conn, CREDITS, ("film_id", "person_id", "role", "ord"), chunk,
                       conflict=("film_id", "person_id", "role"))
