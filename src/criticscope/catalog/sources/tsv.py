"""Reading IMDb's TSV dataset files as they really are: gzip or plain, a fixed header,
``\\N`` for null, tabs that are never quoted (a ``"`` in a title is just a character),
lines of any length, ``\\n`` or ``\\r\\n`` endings.

Lines come out in blocks (lists of raw ``bytes`` lines, one list per megabyte
decompressed), so callers can filter on the first field with a dict lookup before
paying for decoding: the per-line cost stays a few hundred nanoseconds."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .base import CatalogImportError

NULL = "\\N"
NULL_B = b"\\N"
CHUNK = 1 << 20
# gzip files at least this large are decompressed by the gzip program in a separate
# process (on another core, while this one parses); smaller ones, and systems without
# gzip, use zlib in-process.
EXTERNAL_GZIP_MIN_BYTES = 8 << 20

IMDB_HEADERS: dict[str, tuple[str, ...]] = {
    "title.basics": ("tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear",
                     "runtimeMinutes", "genres"),
    "title.akas": ("titleId", "ordering", "title", "region", "language", "types", "attributes", "isOriginalTitle"),
    "title.crew": ("tconst", "directors", "writers"),
    "title.principals": ("tconst", "ordering", "nconst", "category", "job", "characters"),
    "name.basics": ("nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"),
    "title.ratings": ("tconst", "averageRating", "numVotes"),
}
GZIP_MAGIC = b"\x1f\x8b"


def find_dataset_file(folder: Path, stem: str) -> Path | None:
    """``stem.tsv.gz`` or ``stem.tsv`` in ``folder``."""
    for name in (f"{stem}.tsv.gz", f"{stem}.tsv"):
        path = folder / name
        if path.is_file():
            return path
    return None


def file_fingerprint(path: Path, sample: int = 1 << 20) -> str:
    """A cheap identity for a large file: its size and its first and last megabyte."""
    h = hashlib.sha256()
    size = path.stat().st_size
    h.update(str(size).encode())
    with path.open("rb") as fh:
        h.update(fh.read(sample))
        if size > sample:
            fh.seek(max(sample, size - sample))
            h.update(fh.read(sample))
    return h.hexdigest()


class TsvFile:
    """One dataset file: the header is checked on open, then :meth:`blocks` yields the
    data lines (the header is line 1; the caller counts lines from 2)."""

    def __init__(self, path: Path, header: tuple[str, ...]):
        self.path = path
        self.header = header
        self.name = path.name
        self.line = 0          # lines handed out so far, header included
        self.crlf = False
        self._raw: BinaryIO | None = None
        self._chunks: Iterator[bytes] | None = None
        self._rest = b""

    def __enter__(self) -> TsvFile:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def position(self) -> int:
        """Bytes of the file on disk consumed so far (for progress bars)."""
        try:
            return self._raw.tell() if self._raw is not None else 0
        except (OSError, ValueError):
            return 0

    def open(self) -> None:
        try:
            self._raw = self.path.open("rb")
        except OSError as exc:
            raise CatalogImportError(f"cannot open ({exc.strerror})", file=self.name) from exc
        gz = self._raw.read(2) == GZIP_MAGIC
        self._raw.seek(0)
        if not gz:
            self._chunks = self._plain()
        elif self.size >= EXTERNAL_GZIP_MIN_BYTES and shutil.which("gzip"):
            self._chunks = self._gunzip_external(shutil.which("gzip") or "gzip")
        else:
            self._chunks = self._gunzip()
        self._check_header()

    def close(self) -> None:
        if self._chunks is not None:
            self._chunks.close()  # stops a gzip process that is still running
        if self._raw is not None:
            self._raw.close()
        self._raw = self._chunks = None

    def _plain(self) -> Iterator[bytes]:
        assert self._raw is not None
        read = self._raw.read
        while chunk := read(CHUNK):
            yield chunk

    def _gunzip(self) -> Iterator[bytes]:
        assert self._raw is not None
        read = self._raw.read
        d = zlib.decompressobj(wbits=31)
        try:
            while chunk := read(CHUNK):
                out = d.decompress(chunk)
                while d.eof and d.unused_data:  # a file of several gzip members
                    rest = d.unused_data
                    d = zlib.decompressobj(wbits=31)
                    out += d.decompress(rest)
                if out:
                    yield out
        except zlib.error as exc:
            raise self._corrupt(str(exc)) from exc
        if not d.eof:
            raise self._corrupt("the file ends before the end of the compressed stream")

    def _gunzip_external(self, program: str) -> Iterator[bytes]:
        assert self._raw is not None
        raw = self._raw
        proc = subprocess.Popen([program, "-dc"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, bufsize=0)
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None

        def feed() -> None:  # from our own handle, so ``position`` follows the progress
            try:
                while chunk := raw.read(CHUNK):
                    proc.stdin.write(chunk)  # type: ignore[union-attr]
            except (OSError, ValueError):
                pass  # the reader stopped early and closed the pipe
            finally:
                try:
                    proc.stdin.close()  # type: ignore[union-attr]
                except OSError:
                    pass

        feeder = threading.Thread(target=feed, name=f"gzip-feed-{self.name}", daemon=True)
        feeder.start()
        try:
            read = proc.stdout.read
            while data := read(CHUNK):
                yield data
            feeder.join()
            err = proc.stderr.read().decode("utf-8", "replace").strip()
            if proc.wait() not in (0, 2):  # 2: a warning, such as trailing garbage
                raise self._corrupt(err or f"gzip exited with status {proc.returncode}")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for pipe in (proc.stdout, proc.stderr):
                pipe.close()
            feeder.join(timeout=5)

    def _corrupt(self, why: str) -> CatalogImportError:
        return CatalogImportError(f"truncated or corrupt gzip data ({why}); re-download the file",
                                  file=self.name, row=self.line + 1)

    def _check_header(self) -> None:
        assert self._chunks is not None
        buf = b""
        for chunk in self._chunks:
            buf += chunk
            if b"\n" in buf or len(buf) > 1 << 16:
                break
        first, _, self._rest = buf.partition(b"\n")
        self.line = 1
        if not buf:
            raise CatalogImportError("empty file (no IMDb header)", file=self.name, row=1)
        self.crlf = first.endswith(b"\r")
        try:
            found = tuple(first.decode("utf-8").rstrip("\r").split("\t"))
        except UnicodeDecodeError:
            raise CatalogImportError("not a TSV text file (the first line is not UTF-8 text)",
                                     file=self.name, row=1) from None
        if found != self.header:
            shown = " | ".join(found)[:120]
            raise CatalogImportError(
                f"not an IMDb {self.path.name.split('.tsv')[0]} file: expected the header "
                f"{' | '.join(self.header)!r}, found {shown!r}", file=self.name, row=1)

    def blocks(self) -> Iterator[list[bytes]]:
        """Lists of complete data lines, line endings removed, in file order."""
        assert self._chunks is not None
        rest = self._rest
        crlf = self.crlf
        for chunk in self._chunks:
            lines = (rest + chunk if rest else chunk).split(b"\n")
            rest = lines.pop()
            if crlf:
                lines = [ln[:-1] if ln[-1:] == b"\r" else ln for ln in lines]
            self.line += len(lines)
            yield lines
        if rest:
            lines = rest.split(b"\n")
            if not lines[-1]:
                lines.pop()
            if crlf:
                lines = [ln[:-1] if ln[-1:] == b"\r" else ln for ln in lines]
            self.line += len(lines)
            yield lines
