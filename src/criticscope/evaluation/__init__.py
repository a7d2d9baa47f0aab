"""Evaluation commands and the CI gate.

Each evaluation lives in ``criticscope.evaluation.<name>`` and exposes
``evaluate(settings, *, quick=False) -> EvalResult``.  Its labelled data is in
``eval/<name>*.jsonl`` at the repository root, and its pinned floors in
``eval/floors/<name>.json`` (``{"metric": floor, ...}``).  ``criticscope eval
NAME --gate`` fails when any metric drops below its floor.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path

EVALUATIONS = ("ratings", "verdicts", "linking", "aspects", "spoilers", "pullquote", "cleaning", "end_to_end")


@dataclass
class EvalResult:
    name: str
    metrics: dict[str, float]
    table: str = ""  # human-readable report printed by the CLI
    details: dict = field(default_factory=dict)


def eval_dir(start: Path | None = None) -> Path:
    """The ``eval/`` folder of the checkout (searched upwards from ``start`` or the CWD)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "eval" / "floors").is_dir():
            return folder / "eval"
    pkg_root = Path(__file__).resolve().parents[3]
    if (pkg_root / "eval").is_dir():
        return pkg_root / "eval"
    raise FileNotFoundError("no eval/ folder found: run from a criticscope checkout")


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc
    return rows


def floors_for(name: str, folder: Path | None = None) -> dict[str, float]:
    path = (folder or eval_dir()) / "floors" / f"{name}.json"
    if not path.is_file():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text()).items() if not k.startswith("_")}


def gate(result: EvalResult, floors: dict[str, float]) -> list[str]:
    """Return one message per metric below its floor (empty: the gate passes)."""
    failures = []
    for metric, floor in floors.items():
        value = result.metrics.get(metric)
        if value is None:
            failures.append(f"{result.name}.{metric}: missing (floor {floor})")
        elif value + 1e-9 < floor:
            failures.append(f"{result.name}.{metric}: {value:.4f} < floor {floor:.4f}")
    return failures


def run(name: str, settings, *, quick: bool = False) -> EvalResult:
    if name not in EVALUATIONS:
        raise KeyError(f"unknown evaluation {name!r}; choose from {', '.join(EVALUATIONS)}")
    module = importlib.import_module(f"criticscope.evaluation.{name}")
    return module.evaluate(settings, quick=quick)
