"""The example review pages bundled with criticscope (used by ``criticscope demo``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

EXAMPLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".gz")


def examples_dir() -> Path:
    return Path(str(resources.files("criticscope") / "examples"))


def example_paths() -> list[Path]:
    folder = examples_dir()
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in EXAMPLE_SUFFIXES)
