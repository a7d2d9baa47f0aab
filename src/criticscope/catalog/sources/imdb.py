"""IMDb's non-commercial TSV datasets, imported as a stream with bounded memory.

Files are read in this order, each as a stream of batches (about ``batch_size`` kept
rows, written with one ``executemany`` per table in one transaction together with the
file's :class:`~criticscope.models.ImportProgress` row):

1. ``title.ratings``: votes per title, held in memory for the filters (no writes);
2. ``title.basics``: films of the chosen kinds/years/votes, upserted on ``imdb_id``
   (a film already in the catalog without an IMDb id, same title and year, gets it);
3. ``title.akas``: alternative titles of known films;
4. ``name.basics``: the people credited on those films (found by a read-only pass over
   the two credit files), upserted on ``imdb_id``;
5. ``title.crew`` and ``title.principals``: credits (someone missing from name.basics
   gets a placeholder named by the ``nconst``).

Re-importing is idempotent (upserts and insert-or-ignore on natural keys).  A crash
loses at most the batch in flight: a re-run skips the lines each file's progress row
says are done, as long as the file and every file before it (and the filters) are
unchanged; otherwise that file starts over, harmlessly.  Unreadable lines (wrong column
count, a year that is no number, bad UTF-8) are counted and reported with their file
and line number, and the import goes on; an unreadable file (wrong header, not TSV,
truncated gzip) stops it with an error naming the file and line.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.engine import Connection

from ...config import Settings
from ...models import utcnow
from ...store import Store
from ..db import CREDITS, FILMS, PEOPLE, PROGRESS, TITLES, allocate_ids, chunks, join_keys, raw_insert, upsert
from ..normalize import name_analysis, normalize_title
from ..people import merge_duplicate_people
from ..writer import PERSON_COLUMNS, TITLE_COLUMNS, encode_variants, title_row
from .base import CatalogImportError, CatalogSource, FileStats, ImportStats
from .scan import CreditedScan, Progress, scan
from .tsv import IMDB_HEADERS, NULL_B, TsvFile, file_fingerprint, find_dataset_file

SOURCE = "imdb"
FILE_ORDER = ("title.ratings", "title.basics", "title.akas", "title.crew", "title.principals", "name.basics")
# name.basics is imported before the credits of crew and principals (after a read-only
# pass over them finds who is credited), so each person is written once, with a name.
DEFAULT_KINDS = ("movie", "tvMovie")
DEFAULT_BATCH = 10_000
SCAN_FACTOR = 20  # also commit progress after this many batches' worth of lines read but filtered out
AUTO_WORKER_BYTES = 64 << 20  # inputs at least this large get a worker process for normalization
WAL_CHECKPOINT_PAGES = 65_536  # SQLite: checkpoint the WAL every ~256 MB during an import
ROLE_OF_CATEGORY = {
    "actor": "actor", "actress": "actor", "self": "self", "director": "director", "writer": "writer",
    "producer": "producer", "composer": "composer", "cinematographer": "cinematographer", "editor": "editor",
}
_FILM_UPDATE = ("title", "original_title", "norm_title", "year", "kind", "runtime", "genres", "votes")

BatchHook = Callable[[str, int], None]


@dataclass(frozen=True)
class ImdbOptions:
    kinds: tuple[str, ...] = DEFAULT_KINDS
    min_votes: int = 0
    year_from: int | None = None
    year_to: int | None = None
    include_adult: bool = False

    def key(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def parse_years(text: str | None) -> tuple[int | None, int | None]:
    """"1990-2026", "1990-", "-1999" or "2001" -> (from, to)."""
    if not text:
        return None, None
    lo, sep, hi = text.strip().partition("-")
    try:
        start = int(lo) if lo.strip() else None
        end = int(hi) if hi.strip() else (None if sep else start)
    except ValueError:
        raise ValueError(f"years must look like 1990-2026, 1990-, -1999 or 2001, not {text!r}") from None
    return start, end


def parse_kinds(text: str | Iterable[str] | None) -> tuple[str, ...]:
    if not text:
        return DEFAULT_KINDS
    items = text.split(",") if isinstance(text, str) else list(text)
    return tuple(k.strip() for k in items if k.strip())


# --- the CPU-heavy part of a batch, run in a worker process on large imports --------------


def prepare_titles(titles: Sequence[str]) -> list[tuple[str, str | None]]:
    """(normalized title, encoded variants) for each title."""
    return [(normalize_title(t), encode_variants(t)) for t in titles]


def prepare_names(names: Sequence[str]) -> list[tuple[str, str | None]]:
    """(normalized name, other name keys) for each name."""
    out = []
    for name in names:
        norm, keys = name_analysis(name)
        out.append((norm, join_keys(sorted(keys - {norm}))))
    return out


def _prepare_basics(rows: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return prepare_titles([r["title"] for r in rows] + [r["original_title"] or "" for r in rows])


def _prepare_akas(rows: list[tuple[int, str, str | None, str | None, str]]) -> list[tuple[str, str | None]]:
    return prepare_titles([r[1] for r in rows])


def _prepare_names(rows: list[tuple[bytes, str]]) -> list[tuple[str, str | None]]:
    return prepare_names([r[1] for r in rows])


Prepare = Callable[[list[Any]], Any]
Write = Callable[[Connection, list[Any], Any], None]


@dataclass
class _Batch:
    stem: str
    name: str
    write: Write
    prepare: Prepare | None
    items: list[Any]
    line: int
    bad: int
    finished: bool
    future: Future | None = None


class ImdbImport:
    """One run of an IMDb import (see the module docstring).

    Batches flow through two stages: ``prepare`` (normalizing titles and names: pure
    CPU, done in a worker process when ``workers`` > 0, while the next batch is read)
    and ``write`` (one transaction with the file's progress row)."""

    def __init__(self, store: Store, folder: Path, options: ImdbOptions, stats: ImportStats, *,
                 batch_size: int = DEFAULT_BATCH, progress: bool = False, force: bool = False,
                 require_all: bool = True, on_batch: BatchHook | None = None, workers: int | None = None):
        self.store, self.folder, self.options, self.stats = store, folder, options, stats
        self.batch_size = max(1, batch_size)
        self.force, self.require_all, self.on_batch = force, require_all, on_batch
        self.workers = workers
        self.progress = Progress(progress)
        self.files: dict[str, Path] = {}
        self.fingerprints: dict[str, str] = {}
        self.votes: dict[bytes, int] = {}
        self.person_ids: dict[bytes, int] = {}
        self.pool: ProcessPoolExecutor | None = None
        self._inflight: _Batch | None = None
        self._writer: Connection | None = None

    # --- setup -------------------------------------------------------------------

    def locate(self) -> None:
        folder = self.folder
        if not folder.exists():
            raise CatalogImportError("no such folder", file=str(folder))
        if not folder.is_dir():
            raise CatalogImportError("not a folder (give the folder holding the IMDb .tsv.gz files)",
                                     file=str(folder))
        for stem in FILE_ORDER:
            path = find_dataset_file(folder, stem)
            if path is not None:
                self.files[stem] = path
        expected = ", ".join(f"{s}.tsv.gz" for s in FILE_ORDER)
        if not self.files:
            raise CatalogImportError(f"no IMDb dataset files in this folder (expected {expected})", file=str(folder))
        missing = [f"{s}.tsv.gz" for s in FILE_ORDER if s not in self.files]
        if "title.basics" not in self.files or (missing and self.require_all):
            raise CatalogImportError(f"missing IMDb dataset file(s): {', '.join(missing)}"
                                     + ("" if "title.basics" not in self.files else
                                        " (import the others alone with --partial)"), file=str(folder))
        for stem, path in self.files.items():  # every header is checked before anything is written
            with TsvFile(path, IMDB_HEADERS[stem]):
                pass
        chain = hashlib.sha256(self.options.key().encode())
        for stem in FILE_ORDER:
            chain.update(stem.encode())
            chain.update(file_fingerprint(self.files[stem]).encode() if stem in self.files else b"missing")
            self.fingerprints[stem] = chain.hexdigest()

    @property
    def scan_apart(self) -> bool:
        """Scan files in forked scanner processes (large imports, where fork exists)."""
        return self.pool is not None and "fork" in multiprocessing.get_all_start_methods()

    def _start_pool(self) -> None:
        workers = self.workers
        if workers is None:  # worth a process start only for large inputs
            size = sum(p.stat().st_size for p in self.files.values())
            workers = 1 if size >= AUTO_WORKER_BYTES else 0
        if workers > 0:
            # fork (where there is one) before any other thread runs: the pool forks its
            # workers on the first submit, so submit a no-op now, before the progress bars
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
            self.pool.submit(int).result()

    def _open_writer(self) -> None:
        """One connection writes every batch of the run, tuned for bulk writes on SQLite."""
        conn = self._writer = self.store.engine.connect()
        if conn.dialect.name == "sqlite":
            # a bigger page cache for index-heavy bulk writes, and fewer WAL checkpoints:
            # index pages written by many batches reach the database file once
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            conn.commit()

    def _close_writer(self) -> None:
        conn, self._writer = self._writer, None
        if conn is None:
            return
        try:
            conn.rollback()
            if conn.dialect.name == "sqlite":  # back to the pool with the usual settings
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
                conn.exec_driver_sql("PRAGMA wal_autocheckpoint=1000")
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.commit()
        finally:
            conn.close()

    # --- progress rows -----------------------------------------------------------

    def _progress_row(self, name: str) -> Any:
        with self.store.engine.connect() as conn:
            return conn.execute(select(PROGRESS).where(and_(PROGRESS.c.source == SOURCE,
                                                            PROGRESS.c.file == name))).first()

    def _save_progress(self, conn: Connection, name: str, stem: str, line: int, bad: int, finished: bool) -> None:
        upsert(conn, PROGRESS, [{"source": SOURCE, "file": name, "rows_done": line, "bad_rows": bad,
                                 "finished": finished, "fingerprint": self.fingerprints[stem],
                                 "updated_at": utcnow()}],
               ("source", "file"), ("rows_done", "bad_rows", "finished", "fingerprint", "updated_at"))

    # --- the generic file loop ---------------------------------------------------

    def _run_file(self, stem: str, parse: Callable[[int, bytes, Any, FileStats], Any], write: Write,
                  keys: Mapping[bytes, Any] | None = None, prepare: Prepare | None = None) -> None:
        """Stream one file through ``parse`` (only lines whose first field is in ``keys``,
        when given) and batches through ``prepare`` and ``write``, resuming after the
        lines a previous run did."""
        path = self.files.get(stem)
        if path is None:
            return
        name = path.name
        fstats = FileStats(file=name)
        self.stats.files[name] = fstats
        state = self._progress_row(name)
        start_after, prior_bad = 0, 0
        if state is not None and state.fingerprint == self.fingerprints[stem] and not self.force:
            if state.finished:
                fstats.skipped = True
                fstats.resumed_from = state.rows_done
                return
            start_after, prior_bad = state.rows_done, state.bad_rows
            fstats.resumed_from = start_after
        pending: list[Any] = []
        limit, scan_limit = self.batch_size, self.batch_size * SCAN_FACTOR
        flushed_at = start_after

        def submit(line: int, finished: bool) -> None:
            nonlocal pending, flushed_at
            self._submit(_Batch(stem, name, write, prepare, pending, line, prior_bad + fstats.bad_rows, finished))
            pending, flushed_at = [], line

        task = self.progress.add(name, path.stat().st_size)
        last_line = start_after
        try:
            for step in scan(path, IMDB_HEADERS[stem], start_after, keys,
                             in_process=keys is None or not self.scan_apart):
                fstats.rows += step.rows
                for line_no, line, value in step.hits:
                    item = parse(line_no, line, value, fstats)
                    if item is None:
                        continue
                    if isinstance(item, list):
                        pending.extend(item)
                    else:
                        pending.append(item)
                    if len(pending) >= limit:
                        submit(line_no, False)
                last_line = step.last_line
                if last_line - flushed_at >= scan_limit:
                    submit(last_line, False)
                self.progress.update(task, step.position, fstats.rows)
            submit(last_line, True)
            self._drain()
            self.progress.update(task, path.stat().st_size, fstats.rows, force=True)
        except BaseException:
            if self._inflight is not None and self._inflight.future is not None:
                self._inflight.future.cancel()
            self._inflight = None  # like a crash: the batch in flight is not written
            raise

    def _submit(self, batch: _Batch) -> None:
        if self.pool is not None and batch.prepare is not None and batch.items:
            batch.future = self.pool.submit(batch.prepare, batch.items)
        self._drain()
        self._inflight = batch
        if self.pool is None:
            self._drain()

    def _drain(self) -> None:
        """Write the batch in flight (waiting for its prepare step), with its progress row."""
        batch, self._inflight = self._inflight, None
        if batch is None:
            return
        prepared = None
        if batch.items and batch.prepare is not None:
            prepared = batch.future.result() if batch.future is not None else batch.prepare(batch.items)
        conn = self._writer
        assert conn is not None, "batches are written only during run()"
        with conn.begin():
            if batch.items:
                batch.write(conn, batch.items, prepared)
            self._save_progress(conn, batch.name, batch.stem, batch.line, batch.bad, batch.finished)
        if self.on_batch is not None:
            self.on_batch(batch.name, batch.line)

    def _bad(self, fstats: FileStats, line: int, reason: str) -> None:
        self.stats.bad_row(fstats.file, line, reason)

    # --- title.ratings -----------------------------------------------------------

    def read_ratings(self) -> None:
        path = self.files.get("title.ratings")
        if path is None:
            return
        fstats = FileStats(file=path.name)
        self.stats.files[path.name] = fstats
        min_votes = self.options.min_votes
        votes = self.votes
        with TsvFile(path, IMDB_HEADERS["title.ratings"]) as tsv:
            task = self.progress.add(path.name, tsv.size)
            line_no = 1
            for block in tsv.blocks():
                for line in block:
                    line_no += 1
                    parts = line.split(b"\t")
                    if len(parts) != 3:
                        self._bad(fstats, line_no, f"expected 3 columns, found {len(parts)}")
                    elif not parts[2].isdigit():
                        self._bad(fstats, line_no, f"numVotes {parts[2][:20]!r} is not a number")
                    elif int(parts[2]) >= min_votes:
                        votes[parts[0]] = int(parts[2])
                        fstats.kept += 1
                fstats.rows += len(block)
                self.progress.update(task, tsv.position, fstats.rows)

    # --- title.basics ------------------------------------------------------------

    def import_basics(self) -> None:
        opts = self.options
        kinds = {k.encode() for k in opts.kinds}
        votes, min_votes = self.votes, opts.min_votes
        lo, hi = opts.year_from, opts.year_to
        idless = self._idless_films()

        def parse(line_no: int, line: bytes, _: Any, fstats: FileStats) -> Any:
            parts = line.split(b"\t")
            if len(parts) != 9:
                self._bad(fstats, line_no, f"expected 9 columns, found {len(parts)}")
                return None
            y = parts[5]
            if y == NULL_B:
                year = None
            elif y.isdigit():
                year = int(y)
            else:
                self._bad(fstats, line_no, f"startYear {y[:20].decode('utf-8', 'replace')!r} is not a number")
                return None
            if parts[1] not in kinds or (parts[4] == b"1" and not opts.include_adult):
                return None
            if (lo is not None or hi is not None) and (year is None or (lo is not None and year < lo)
                                                       or (hi is not None and year > hi)):
                return None
            n = votes.get(parts[0], 0)
            if n < min_votes:
                return None
            try:
                tconst, kind, title, original = (parts[0].decode("ascii"), parts[1].decode("ascii"),
                                                 parts[2].decode("utf-8"), parts[3].decode("utf-8"))
            except UnicodeDecodeError as exc:
                self._bad(fstats, line_no, f"not UTF-8 ({exc.reason})")
                return None
            if not tconst.startswith("tt") or not title or title == "\\N":
                self._bad(fstats, line_no, f"no usable tconst/primaryTitle ({tconst[:20]!r})")
                return None
            fstats.kept += 1
            runtime = int(parts[7]) if parts[7].isdigit() else None
            genres = parts[8].decode("utf-8", "replace").split(",") if parts[8] != NULL_B else []
            return {"imdb_id": tconst[:12], "title": title, "original_title": original if original != title and
                    original != "\\N" else None, "year": year, "kind": kind[:16], "runtime": runtime,
                    "genres": genres, "votes": n or None, "countries": [], "languages": [], "source": SOURCE,
                    "provisional": False}

        def write(conn: Connection, rows: list[dict[str, Any]], prepared: list[tuple[str, str | None]]) -> None:
            n = len(rows)
            keys_of = {r["imdb_id"]: (prepared[i], prepared[n + i]) for i, r in enumerate(rows)}
            rows = list({r["imdb_id"]: r for r in rows}.values())
            for r in rows:
                r["norm_title"] = keys_of[r["imdb_id"]][0][0]
            self._claim(conn, rows, idless)
            upsert(conn, FILMS, rows, ("imdb_id",), _FILM_UPDATE)
            ids: dict[str, int] = {}
            for chunk in chunks([r["imdb_id"] for r in rows], 5000):
                ids.update((imdb, fid) for fid, imdb in conn.execute(
                    select(FILMS.c.id, FILMS.c.imdb_id).where(FILMS.c.imdb_id.in_(chunk))))
            titles = []
            for r in rows:
                fid = ids[r["imdb_id"]]
                primary, original = keys_of[r["imdb_id"]]
                titles.append(title_row(fid, r["title"], "primary", keys=primary))
                if r["original_title"]:
                    titles.append(title_row(fid, r["original_title"], "original", keys=original))
            _insert_titles(conn, titles)

        self._run_file("title.basics", parse, write, prepare=_prepare_basics)

    def _idless_films(self) -> dict[tuple[str, int | None], int]:
        """Films the catalog has without an IMDb id, by (normalized title, year), when unique."""
        seen: dict[tuple[str, int | None], int | None] = {}
        with self.store.engine.connect() as conn:
            for fid, norm, year in conn.execute(select(FILMS.c.id, FILMS.c.norm_title, FILMS.c.year).where(
                    and_(FILMS.c.imdb_id.is_(None), FILMS.c.provisional.is_(False)))):
                seen[(norm, year)] = None if (norm, year) in seen else fid
        return {k: v for k, v in seen.items() if v is not None}

    def _claim(self, conn: Connection, rows: list[dict[str, Any]], idless: dict[tuple[str, int | None], int]) -> None:
        """Give IMDb ids to films that lack one and have the same title and year."""
        if not idless:
            return
        wanted = {r["imdb_id"]: idless[(r["norm_title"], r["year"])] for r in rows
                  if (r["norm_title"], r["year"]) in idless}
        if not wanted:
            return
        taken = set(conn.scalars(select(FILMS.c.imdb_id).where(FILMS.c.imdb_id.in_(list(wanted)))))
        for imdb, fid in wanted.items():
            if imdb not in taken:
                conn.execute(update(FILMS).where(and_(FILMS.c.id == fid, FILMS.c.imdb_id.is_(None)))
                             .values(imdb_id=imdb))
        for r in rows:
            idless.pop((r["norm_title"], r["year"]), None)

    # --- title.akas --------------------------------------------------------------

    def _known_films(self) -> dict[bytes, int]:
        with self.store.engine.connect() as conn:
            return {imdb.encode(): fid for fid, imdb in conn.execute(
                select(FILMS.c.id, FILMS.c.imdb_id).where(FILMS.c.imdb_id.is_not(None)))}

    def import_akas(self, films: dict[bytes, int]) -> None:
        current: dict[str, Any] = {"film": None, "titles": set()}  # akas come grouped by title

        def parse(line_no: int, line: bytes, fid: int, fstats: FileStats) -> Any:
            parts = line.split(b"\t")
            if len(parts) != 8:
                self._bad(fstats, line_no, f"expected 8 columns, found {len(parts)}")
                return None
            try:
                title = parts[2].decode("utf-8")
            except UnicodeDecodeError as exc:
                self._bad(fstats, line_no, f"not UTF-8 ({exc.reason})")
                return None
            fstats.kept += 1
            if current["film"] != fid:
                current["film"], current["titles"] = fid, set()
            elif title in current["titles"]:  # the same title again, for another region
                return None
            current["titles"].add(title)
            region = parts[3].decode("ascii", "replace") if parts[3] != NULL_B else None
            language = parts[4].decode("ascii", "replace") if parts[4] != NULL_B else None
            return (fid, title, region, language, "original" if parts[7] == b"1" else "aka")

        def write(conn: Connection, rows: list[tuple[int, str, str | None, str | None, str]],
                  prepared: list[tuple[str, str | None]]) -> None:
            _insert_titles(conn, [title_row(fid, title, kind, region, language, keys=keys)
                                  for (fid, title, region, language, kind), keys in zip(rows, prepared, strict=True)])

        self._run_file("title.akas", parse, write, films, prepare=_prepare_akas)

    # --- people and credits ------------------------------------------------------

    def _load_people(self) -> None:
        with self.store.engine.connect() as conn:
            self.person_ids = {imdb.encode(): pid for pid, imdb in conn.execute(
                select(PEOPLE.c.id, PEOPLE.c.imdb_id).where(PEOPLE.c.imdb_id.is_not(None)))}

    def import_names(self, needed: set[bytes]) -> None:
        people = self.person_ids

        def parse(line_no: int, line: bytes, _: Any, fstats: FileStats) -> Any:
            parts = line.split(b"\t")
            if len(parts) != 6:
                self._bad(fstats, line_no, f"expected 6 columns, found {len(parts)}")
                return None
            try:
                name = parts[1].decode("utf-8")
            except UnicodeDecodeError as exc:
                self._bad(fstats, line_no, f"not UTF-8 ({exc.reason})")
                return None
            if not name or name == "\\N":
                return None
            fstats.kept += 1
            return (parts[0], name)

        def write(conn: Connection, rows: list[tuple[bytes, str]], prepared: list[tuple[str, str | None]]) -> None:
            latest = {n: (n, name, keys) for (n, name), keys in zip(rows, prepared, strict=True)}
            new = [n for n in latest if n not in people]
            people.update(zip(new, allocate_ids(conn, PEOPLE, len(new)), strict=True))
            out = [(people[n], name, norm, n.decode("ascii"), extra) for n, name, (norm, extra) in latest.values()]
            raw_insert(conn, PEOPLE, PERSON_COLUMNS, out, conflict=("imdb_id",),
                       update=("name", "norm_name", "name_keys"))

        self._run_file("name.basics", parse, write, dict.fromkeys(needed, True), prepare=_prepare_names)

    def _write_credits(self, conn: Connection, rows: list[tuple[int, bytes, str, int]], _: Any = None) -> None:
        people = self.person_ids
        new = list(dict.fromkeys(n for _, n, _, _ in rows if n not in people))
        if new:  # credited but absent from name.basics: a placeholder named by its nconst
            ids = allocate_ids(conn, PEOPLE, len(new))
            placeholders = [(pid, n.decode("ascii", "replace"), "", n.decode("ascii", "replace"), None)
                            for pid, n in zip(ids, new, strict=True)]
            raw_insert(conn, PEOPLE, PERSON_COLUMNS, placeholders, conflict=("imdb_id",))
            people.update(zip(new, ids, strict=True))
        credits = {(fid, people[n], role): o for fid, n, role, o in rows}
        raw_insert(conn, CREDITS, ("film_id", "person_id", "role", "ord"),
                   [(f, p, r, o) for (f, p, r), o in credits.items()],
                   conflict=("film_id", "person_id", "role"), update=("ord",))

    def import_crew(self, films: dict[bytes, int]) -> None:
        def parse(line_no: int, line: bytes, fid: int, fstats: FileStats) -> Any:
            parts = line.split(b"\t")
            if len(parts) != 3:
                self._bad(fstats, line_no, f"expected 3 columns, found {len(parts)}")
                return None
            fstats.kept += 1
            out = []
            for field, role in ((parts[1], "director"), (parts[2], "writer")):
                if field != NULL_B:
                    out.extend((fid, n, role, i) for i, n in enumerate(field.split(b",")) if n.startswith(b"nm"))
            return out

        self._run_file("title.crew", parse, self._write_credits, films)

    def import_principals(self, films: dict[bytes, int]) -> None:
        roles = {k.encode(): v for k, v in ROLE_OF_CATEGORY.items()}

        def parse(line_no: int, line: bytes, fid: int, fstats: FileStats) -> Any:
            parts = line.split(b"\t")
            if len(parts) != 6:
                self._bad(fstats, line_no, f"expected 6 columns, found {len(parts)}")
                return None
            role = roles.get(parts[3])
            if role is None:
                return None
            if not parts[1].isdigit() or not parts[2].startswith(b"nm"):
                self._bad(fstats, line_no, f"bad ordering/nconst ({parts[1][:10]!r}, {parts[2][:12]!r})")
                return None
            fstats.kept += 1
            return (fid, parts[2], role, int(parts[1]))

        self._run_file("title.principals", parse, self._write_credits, films)

    # --- the whole run -----------------------------------------------------------

    def _done(self, stem: str) -> bool:
        path = self.files.get(stem)
        if path is None or self.force:
            return path is None
        row = self._progress_row(path.name)
        return row is not None and row.finished and row.fingerprint == self.fingerprints[stem]

    def run(self) -> None:
        self.locate()
        if self.force:
            with self.store.engine.begin() as conn:
                conn.execute(PROGRESS.delete().where(PROGRESS.c.source == SOURCE))
        self._start_pool()
        self._open_writer()
        try:
            with self.progress:
                if not self._done("title.basics"):
                    self.read_ratings()
                self.import_basics()
                self.votes = {}
                films = self._known_films()
                credited = None
                if not self._done("name.basics"):  # who is credited: scanned while akas are imported
                    credited = CreditedScan(self.files, IMDB_HEADERS, films, in_process=not self.scan_apart)
                try:
                    self.import_akas(films)
                except BaseException:
                    if credited is not None:
                        credited.cancel()
                    raise
                self._load_people()
                if credited is not None:
                    self.import_names(credited.result())
                self.import_crew(films)
                self.import_principals(films)
        finally:
            self._close_writer()
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
                self.pool = None
        with self.store.engine.begin() as conn:
            self.stats.merged_people = merge_duplicate_people(conn)


def _insert_titles(conn: Connection, rows: Sequence[dict[str, Any] | None]) -> None:
    seen: set[tuple[int, str]] = set()
    out = []
    for r in rows:
        if r is not None and (r["film_id"], r["norm_title"]) not in seen:
            seen.add((r["film_id"], r["norm_title"]))
            out.append([r[c] for c in TITLE_COLUMNS])
    raw_insert(conn, TITLES, TITLE_COLUMNS, out, conflict=("film_id", "norm_title"))


class ImdbSource(CatalogSource):
    """``catalog import imdb DIR [--min-votes N] [--kinds movie,tvMovie] [--years 1990-2026]``.

    Options: ``path`` (the folder), ``kinds``, ``min_votes``, ``years`` ("1990-2026"),
    ``include_adult``, ``batch_size``, ``progress``, ``force`` (ignore saved progress),
    ``require_all`` (default True: all six files must be there), ``on_batch`` (called
    with file name and line after each committed batch), ``workers`` (processes that
    normalize titles and names while the next batch is read; default: one for inputs
    of 64 MB or more, none below)."""

    name = SOURCE

    def _import(self, store: Store, settings: Settings | None, stats: ImportStats, **options: Any) -> None:
        path = options.get("path")
        if not path:
            raise CatalogImportError("give the folder holding the IMDb dataset files")
        year_from, year_to = parse_years(options.get("years"))
        opts = ImdbOptions(kinds=parse_kinds(options.get("kinds")), min_votes=int(options.get("min_votes") or 0),
                           year_from=year_from, year_to=year_to, include_adult=bool(options.get("include_adult")))
        ImdbImport(store, Path(path), opts, stats, batch_size=int(options.get("batch_size") or DEFAULT_BATCH),
                   progress=bool(options.get("progress")), force=bool(options.get("force")),
                   require_all=options.get("require_all", True), on_batch=options.get("on_batch"),
                   workers=options.get("workers")).run()
