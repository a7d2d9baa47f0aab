"""Reading IMDb's TSV dataset files as they really are: gzip or plain, a fixed header,
``\\N`` for null, tabs that are never quoted (a ``"`` in a title is just a character),
and lines of any length.  Rows come out as raw bytes so callers can filter on the
first field before paying for decoding."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .base import CatalogImportError

NULL = "\\N"
NULL_B = b"\\N"

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
    """One dataset file: header checked on open, then ``(line_number, fields_bytes)``
    for each data line (the header is line 1)."""

    def __init__(self, path: Path, header: tuple[str, ...]):
        self.path = path
        self.header = header
        self.name = path.name
        self._raw: BinaryIO | None = None
        self._stream: BinaryIO | None = None
        self.line = 0

    def __enter__(self) -> TsvFile:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        try:
            self._raw = self.path.open("rb")
        except OSError as exc:
            raise CatalogImportError(f"cannot open ({exc.strerror})", file=self.name) from exc
        magic = self._raw.read(2)
        self._raw.seek(0)
        if magic == GZIP_MAGIC:
            self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb")  # type: ignore[assignment]
        else:
            self._stream = self._raw
        self._check_header()

    def close(self) -> None:
        for fh in (self._stream, self._raw):
            if fh is not None:
                fh.close()
        self._stream = self._raw = None

    @property
    def position(self) -> int:
        """Bytes of the file on disk consumed so far (for progress bars)."""
        try:
            return self._raw.tell() if self._raw is not None else 0
        except (OSError, ValueError):
            return 0

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def _readline(self) -> bytes:
        assert self._stream is not None
        try:
            return self._stream.readline()
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise CatalogImportError(f"truncated or corrupt gzip data ({exc}); re-download the file",
                                     file=self.name, row=self.line + 1) from exc

    def _check_header(self) -> None:
        first = self._readline()
        self.line = 1
        if not first:
            raise CatalogImportError("empty file (no IMDb header)", file=self.name, row=1)
        try:
            found = tuple(first.decode("utf-8").rstrip("\r\n").split("\t"))
        except UnicodeDecodeError:
            raise CatalogImportError("not a TSV text file (the first line is not UTF-8 text)",
                                     file=self.name, row=1) from None
        if found != self.header:
            shown = "\t".join(found)[:120].replace("\t", " | ")
            raise CatalogImportError(
                f"not an IMDb {self.path.name.split('.tsv')[0]} file: expected the header "
                f"{' | '.join(self.header)!r}, found {shown!r}", file=self.name, row=1)

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        """``(line_number, line)`` with the line ending removed."""
        assert self._stream is not None
        n = self.line
        try:
            for line in self._stream:
                n += 1
                self.line = n
                if line[-1:] == b"\n":
                    line = line[:-2] if line[-2:] == b"\r\n" else line[:-1]
                yield n, line
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise CatalogImportError(f"truncated or corrupt gzip data ({exc}); re-download the file",
                                     file=self.name, row=self.line + 1) from exc
