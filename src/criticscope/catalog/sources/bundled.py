"""The starter catalog shipped with criticscope: every ``*.jsonl`` file in
``criticscope/data/catalog`` (one film per line), duplicates merged by normalized
title, year and first director."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ...config import Settings
from ...store import Store
from ..records import Aka, FilmRecord
from ..writer import RecordWriter
from .base import CatalogImportError, CatalogSource, FileStats, ImportStats

SOURCE = "bundled"


def bundled_dir() -> Path:
    return Path(str(resources.files("criticscope") / "data" / "catalog"))


def bundled_files(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """The ``*.jsonl`` files of the bundled catalog (or of ``paths``: files or folders)."""
    found: list[Path] = []
    for p in [Path(x) for x in (paths or [bundled_dir()])]:
        if p.is_dir():
            found.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            found.append(p)
        else:
            raise CatalogImportError("no such file or folder", file=str(p))
    return found


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if v and str(v).strip()]


def _year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    year = int(value)
    if not 1870 <= year <= 2100:
        raise ValueError(f"year {value!r} out of range")
    return year


def parse_record(data: dict[str, Any], origin: str = "") -> FilmRecord:
    """A :class:`FilmRecord` from one line of a bundled file; raises ValueError when unusable."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    title = str(data.get("title") or "").strip()
    if not title:
        raise ValueError("no title")
    language = data.get("language")
    languages = _names(data.get("languages")) or ([str(language)] if language else [])
    akas = []
    for a in data.get("aka") or data.get("akas") or []:
        if isinstance(a, str):
            akas.append(Aka(a))
        elif isinstance(a, dict) and a.get("title"):
            akas.append(Aka(str(a["title"]), a.get("region"), a.get("language")))
    runtime = data.get("runtime")
    return FilmRecord(
        title=title, year=_year(data.get("year")), original_title=data.get("original_title") or None,
        kind=str(data.get("kind") or "movie"), runtime=int(runtime) if runtime else None,
        directors=_names(data.get("directors")), writers=_names(data.get("writers")), cast=_names(data.get("cast")),
        countries=_names(data.get("countries")), languages=languages, genres=_names(data.get("genres")),
        platform=data.get("platform") or None, imdb_id=data.get("imdb_id") or None,
        wikidata_id=data.get("wikidata_id") or None, akas=akas, origin=origin,
    )


def read_bundled(paths: Iterable[str | Path] | None = None, stats: ImportStats | None = None) -> list[FilmRecord]:
    """Every record of the bundled files; unusable lines are counted in ``stats``."""
    records: list[FilmRecord] = []
    for path in bundled_files(paths):
        fstats = FileStats(file=path.name)
        if stats is not None:
            stats.files[path.name] = fstats
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                fstats.rows += 1
                try:
                    records.append(parse_record(json.loads(line), f"{path.name}:{lineno}"))
                    fstats.kept += 1
                except (ValueError, TypeError) as exc:
                    if stats is not None:
                        stats.bad_row(path.name, lineno, str(exc))
    return records


class BundledSource(CatalogSource):
    """``catalog import bundled [--path FILE_OR_DIR ...]``."""

    name = SOURCE

    def _import(self, store: Store, settings: Settings | None, stats: ImportStats, **options: Any) -> None:
        records = read_bundled(options.get("paths"), stats)
        with store.engine.begin() as conn:
            writer = RecordWriter(conn, source=SOURCE)
            writer.write(records)
            stats.films_updated = writer.counts.films_updated
