"""Films from Wikidata as shipped by the ``bokeh-sampledata`` package
(``bokeh_sampledata/_data/movies.db``, table ``omdb``: about 17,000 films, 1940-2014).

Cast lists there are mostly alphabetical, not in billing order; the first
``max_cast`` names are kept, with an ``ord`` after any billing-ordered cast another
source gives the same film."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from pathlib import Path
from typing import Any

from ...config import Settings
from ...store import Store
from ..records import FilmRecord
from ..writer import RecordWriter
from .base import CatalogImportError, CatalogSource, FileStats, ImportStats

SOURCE = "wikidata-sample"
DEFAULT_MAX_CAST = 8
CAST_ORD_BASE = 100  # after billing-ordered cast from curated sources
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_COLUMNS = ("imdbID", "Title", "Year", "Runtime", "Genre", "Director", "Writer", "Cast", "Language", "Country",
            "imdbVotes")


def movies_db_path() -> Path:
    spec = importlib.util.find_spec("bokeh_sampledata")
    if spec is None or not spec.submodule_search_locations:
        raise CatalogImportError("the bokeh-sampledata package is not installed", file="movies.db")
    return Path(next(iter(spec.submodule_search_locations))) / "_data" / "movies.db"


def _split(value: Any) -> list[str]:
    if not value or value == "N/A":
        return []
    text = str(value)
    if "(" in text:
        text = _PAREN_RE.sub("", text)
    out: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


def read_movies_db(path: Path, *, max_cast: int = DEFAULT_MAX_CAST, stats: ImportStats | None = None,
                   ) -> list[FilmRecord]:
    if not path.is_file():
        raise CatalogImportError("file not found", file=str(path))
    fstats = FileStats(file=path.name)
    if stats is not None:
        stats.files[path.name] = fstats
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            cols = {row[1] for row in conn.execute("PRAGMA table_info(omdb)")}
            missing = [c for c in _COLUMNS if c not in cols]
            if missing:
                raise CatalogImportError(f"table omdb lacks column(s) {', '.join(missing)}", file=str(path))
            rows = conn.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in _COLUMNS)} FROM omdb "
                                "ORDER BY rowid").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CatalogImportError(f"not a readable SQLite database ({exc})", file=str(path)) from exc
    records = []
    for rowno, (imdb, title, year, runtime, genre, director, writer, cast, language, country, votes) \
            in enumerate(rows, 1):
        fstats.rows += 1
        if not title or not str(title).strip():
            if stats is not None:
                stats.bad_row(path.name, rowno, "no title")
            continue
        try:
            year = int(year) if year not in (None, "") else None
        except (TypeError, ValueError):
            if stats is not None:
                stats.bad_row(path.name, rowno, f"year {year!r} is not a number")
            continue
        imdb = str(imdb).strip() if imdb and str(imdb).startswith("tt") else None
        records.append(FilmRecord(
            title=str(title).strip(), year=year, kind="movie", runtime=int(runtime) if runtime else None,
            directors=_split(director), writers=_split(writer), cast=_split(cast)[:max_cast],
            languages=_split(language), countries=_split(country), genres=_split(genre),
            imdb_id=imdb, votes=int(votes) if votes else None, origin=f"{path.name}:{rowno}"))
        fstats.kept += 1
    return records


class WikidataSampleSource(CatalogSource):
    """``catalog import wikidata-sample [--path movies.db]``."""

    name = SOURCE

    def _import(self, store: Store, settings: Settings | None, stats: ImportStats, **options: Any) -> None:
        path = Path(options["path"]) if options.get("path") else movies_db_path()
        records = read_movies_db(path, max_cast=int(options.get("max_cast") or DEFAULT_MAX_CAST), stats=stats)
        with store.engine.begin() as conn:
            writer = RecordWriter(conn, source=SOURCE)
            writer.write(records, cast_ord_base=CAST_ORD_BASE)
            stats.films_updated = writer.counts.films_updated
