"""Scanning large dataset files for the lines an import keeps, in this process or in a
forked scanner process, plus the per-file progress bars.

Most lines of ``title.akas``, ``title.principals``, ``title.crew`` and ``name.basics``
belong to titles or people an import does not keep.  Finding the few that matter is a
dict lookup per line; on large inputs a scanner process does it (with gzip in another
process still) and hands the importer only the hits, so the importer's core is left for
parsing and writing.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .base import CatalogImportError
from .tsv import NULL_B, TsvFile

Hit = tuple[int, bytes, Any]   # (line number, line, value the key maps to)
MESSAGE_LINES = 200_000        # a scanner reports at least this often (in lines read)


@dataclass
class ScanStep:
    """What a stretch of a file gave: its last line number, how many lines were read
    (after resuming), the kept lines, and the file position for progress bars."""

    last_line: int
    rows: int
    hits: list[Hit]
    position: int


def _steps(path: Path, header: tuple[str, ...], start_after: int, keys: Mapping[bytes, Any] | None,
           every: int) -> Iterator[ScanStep]:
    with TsvFile(path, header) as tsv:
        line_no = 1
        hits: list[Hit] = []
        rows = 0
        reported = start_after
        for block in tsv.blocks():
            first = line_no + 1
            line_no += len(block)
            if line_no <= start_after:
                continue
            if first <= start_after:
                block = block[start_after - first + 1:]
                first = start_after + 1
            rows += len(block)
            if keys is None:
                hits.extend((first + i, ln, None) for i, ln in enumerate(block))
            else:  # the hot loop: one dict lookup per line, in a comprehension
                hits.extend((first + i, ln, v) for i, ln in enumerate(block)
                            if (v := keys.get(ln.partition(b"\t")[0])) is not None)
            if line_no - reported >= every or len(hits) >= every // 10:
                yield ScanStep(line_no, rows, hits, tsv.position)
                hits, rows, reported = [], 0, line_no
        yield ScanStep(line_no, rows, hits, tsv.size)


def scan(path: Path, header: tuple[str, ...], start_after: int, keys: Mapping[bytes, Any] | None, *,
         in_process: bool, every: int = MESSAGE_LINES) -> Iterator[ScanStep]:
    """The kept lines of ``path`` after line ``start_after``, stretch by stretch
    (``every`` lines at most between steps)."""
    if in_process:
        yield from _steps(path, header, start_after, keys, every)
        return
    ctx = multiprocessing.get_context("fork")
    channel = ctx.Queue(maxsize=8)
    proc = ctx.Process(target=_scanner, args=(path, header, start_after, keys, every, channel),
                       name=f"scan-{path.name}", daemon=True)
    proc.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=1.0)
            except queue_module.Empty:
                if not proc.is_alive():
                    raise CatalogImportError(f"the scanner process stopped (exit code {proc.exitcode})",
                                             file=path.name) from None
                continue
            if kind == "step":
                yield payload
            elif kind == "error":
                message, file, row = payload
                raise CatalogImportError(message, file=file, row=row)
            else:
                return
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(timeout=10)
        channel.close()


def _scanner(path: Path, header: tuple[str, ...], start_after: int, keys: Mapping[bytes, Any] | None,
             every: int, channel: Any) -> None:
    try:
        for step in _steps(path, header, start_after, keys, every):
            channel.put(("step", step))
        channel.put(("end", None))
    except CatalogImportError as exc:
        channel.put(("error", (exc.message, exc.file, exc.row)))
    except BaseException as exc:  # noqa: BLE001 - reported to the importer, which raises
        channel.put(("error", (f"scanner failed: {exc!r}", path.name, None)))
    finally:
        channel.close()
        channel.join_thread()


def credited_people(files: Mapping[str, Path], headers: Mapping[str, tuple[str, ...]],
                    films: Mapping[bytes, int]) -> set[bytes]:
    """nconsts credited in ``title.crew`` and ``title.principals`` on ``films``."""
    needed: set[bytes] = set()
    for stem in ("title.crew", "title.principals"):
        path = files.get(stem)
        if path is None:
            continue
        crew = stem == "title.crew"
        for step in _steps(path, headers[stem], 0, films, MESSAGE_LINES):
            for _, line, _ in step.hits:
                parts = line.split(b"\t")
                if crew:
                    for field in parts[1:3]:
                        if field != NULL_B:
                            needed.update(field.split(b","))
                elif len(parts) > 2:
                    needed.add(parts[2])
    return needed


class CreditedScan:
    """:func:`credited_people` in a forked process, started early and collected later."""

    def __init__(self, files: Mapping[str, Path], headers: Mapping[str, tuple[str, ...]],
                 films: Mapping[bytes, int], *, in_process: bool):
        self._result: set[bytes] | None = None
        self._proc = None
        if in_process:
            self._result = credited_people(files, headers, films)
            return
        ctx = multiprocessing.get_context("fork")
        self._channel = ctx.Queue(maxsize=1)
        self._proc = ctx.Process(target=_credited_worker, args=(files, headers, films, self._channel),
                                 name="scan-credited", daemon=True)
        self._proc.start()

    def result(self) -> set[bytes]:
        if self._result is not None:
            return self._result
        assert self._proc is not None
        while True:
            try:
                kind, payload = self._channel.get(timeout=1.0)
                break
            except queue_module.Empty:
                if not self._proc.is_alive():
                    raise CatalogImportError(f"the credit scanner stopped (exit code {self._proc.exitcode})") \
                        from None
        self._proc.join(timeout=10)
        if kind == "error":
            message, file, row = payload
            raise CatalogImportError(message, file=file, row=row)
        self._result = payload
        return payload

    def cancel(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=10)


def _credited_worker(files: Mapping[str, Path], headers: Mapping[str, tuple[str, ...]],
                     films: Mapping[bytes, int], channel: Any) -> None:
    try:
        channel.put(("ok", credited_people(files, headers, films)))
    except CatalogImportError as exc:
        channel.put(("error", (exc.message, exc.file, exc.row)))
    except BaseException as exc:  # noqa: BLE001 - reported to the importer, which raises
        channel.put(("error", (f"credit scanner failed: {exc!r}", None, None)))
    finally:
        channel.close()
        channel.join_thread()


class Progress:
    """A rich progress bar per file, or nothing.  Refreshed by hand (no refresh thread),
    so scanner processes can be forked safely."""

    def __init__(self, enabled: bool):
        self.bar = None
        self._last = 0.0
        if enabled:
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("{task.description:<24}"), BarColumn(), DownloadColumn(),
                                TextColumn("{task.fields[rows]:>12,} rows"), TimeElapsedColumn(),
                                TimeRemainingColumn(), transient=False, auto_refresh=False)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.refresh()
            self.bar.__exit__(*exc)

    def add(self, name: str, total: int) -> Any:
        return self.bar.add_task(name, total=total, completed=0, rows=0) if self.bar is not None else None

    def update(self, task: Any, position: int, rows: int, *, force: bool = False) -> None:
        if self.bar is None or task is None:
            return
        self.bar.update(task, completed=position, rows=rows)
        now = time.monotonic()
        if force or now - self._last > 0.2:
            self._last = now
            self.bar.refresh()
