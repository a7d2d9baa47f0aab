"""The interface every catalog source implements, and what an import reports."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select

from ...config import Settings
from ...store import Store
from ..db import CREDITS, FILMS, PEOPLE, TITLES

MAX_BAD_ROW_SAMPLES = 50


class CatalogImportError(Exception):
    """An input a source cannot read at all; names the file (and row, when known)."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None):
        where = file or ""
        if row is not None:
            where += f", row {row}" if where else f"row {row}"
        super().__init__(f"{where}: {message}" if where else message)
        self.message, self.file, self.row = message, file, row


@dataclass
class BadRow:
    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}: {self.reason}"


@dataclass
class FileStats:
    file: str
    rows: int = 0          # data rows read in this run
    kept: int = 0          # rows that passed the filters and were written
    bad_rows: int = 0
    resumed_from: int = 0  # rows a previous, interrupted run had already done
    skipped: bool = False  # finished earlier with the same file and options


@dataclass
class ImportStats:
    source: str
    films_added: int = 0
    films_updated: int = 0
    titles_added: int = 0
    people_added: int = 0
    credits_added: int = 0
    bad_row_count: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)  # the first MAX_BAD_ROW_SAMPLES
    files: dict[str, FileStats] = field(default_factory=dict)
    merged_provisional: int = 0
    merged_people: int = 0
    seconds: float = 0.0

    def bad_row(self, file: str, row: int, reason: str) -> None:
        self.bad_row_count += 1
        if self.files.get(file) is not None:
            self.files[file].bad_rows += 1
        if len(self.bad_rows) < MAX_BAD_ROW_SAMPLES:
            self.bad_rows.append(BadRow(file, row, reason))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(table)) or 0
                for name, table in (("films", FILMS), ("titles", TITLES), ("people", PEOPLE), ("credits", CREDITS))}


class CatalogSource(ABC):
    """A source of films and people.  ``import_into`` is idempotent: importing the same
    input twice updates rows and never duplicates them."""

    name: str = ""

    @abstractmethod
    def _import(self, store: Store, settings: Settings | None, stats: ImportStats, **options: Any) -> None:
        """Write the source into ``store``, filling ``stats`` (files, bad rows)."""

    def import_into(self, store: Store, settings: Settings | None = None, **options: Any) -> ImportStats:
        from ..provisional import merge_provisional

        started = time.perf_counter()
        stats = ImportStats(source=self.name)
        before = table_counts(store)
        self._import(store, settings, stats, **options)
        stats.merged_provisional = merge_provisional(store)
        after = table_counts(store)
        stats.films_added = max(0, after["films"] - before["films"] + stats.merged_provisional)
        stats.titles_added = max(0, after["titles"] - before["titles"])
        stats.people_added = max(0, after["people"] - before["people"])
        stats.credits_added = max(0, after["credits"] - before["credits"])
        stats.seconds = time.perf_counter() - started
        return stats
