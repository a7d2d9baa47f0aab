"""Evaluation of page cleaning (extraction) on ``tests/data/pages``, ``eval/cleaning*.jsonl`` and the seeds.

Each page ``NAME.txt``/``NAME.html`` has ``NAME.expected.json`` with the strings that must
survive (every critic paragraph, or a distinctive sentence from each), the strings that must
not (furniture, captions, comment text), the captions, the comments and the metadata.  Seed
pages (``$CRITICSCOPE_SEEDS`` or ``../shared/seeds`` next to the checkout) are turned into the
same kind of case from their ``labels.jsonl``.  ``eval/cleaning*.jsonl`` holds held-out pages
(raw page inline) that the test suite does not use; they are the fairest measure: every raw line that is not boilerplate, caption,
heading, byline or reader comment must survive; boilerplate lines must not be lines of the text.

Metrics:

* ``must_contain_recall`` (also ``recall``): share of must-contain strings found in the text;
* ``must_not_contain_precision`` (also ``precision``): share of forbidden strings absent;
* ``comment_split_accuracy``: share of pages whose comments match (count, authors, times, text);
* ``metadata_accuracy``: share of expected headline/critic/outlet/published values found exactly;
* ``coverage``: share of pages extracted without an error.

The corpus is small and fast, so ``quick`` runs it whole.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from criticscope.evaluation import EvalResult, eval_dir, load_jsonl
from criticscope.extract import ExtractedPage, ExtractionError, extract

META_FIELDS = ("headline", "critic", "outlet", "published")


@dataclass
class Case:
    name: str
    path: Path  # the file name tells extraction the format
    data: bytes = b""
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)  # substrings of the text
    forbidden_lines: list[str] = field(default_factory=list)  # whole paragraphs of the text
    comments: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def norm(s: str) -> str:
    s = " ".join(s.replace("\u00a0", " ").split())
    return re.sub(r"^[•·▪●◦]\s*", "", s)


def pages_dir() -> Path:
    return eval_dir().parent / "tests" / "data" / "pages"


def seeds_dir() -> Path | None:
    env = os.environ.get("CRITICSCOPE_SEEDS")
    folder = Path(env) if env else eval_dir().parent.parent / "shared" / "seeds"
    return folder if (folder / "labels.jsonl").is_file() else None


def page_cases(folder: Path) -> list[Case]:
    cases = []
    for exp_path in sorted(folder.glob("*.expected.json")):
        stem = exp_path.name[: -len(".expected.json")]
        page = next((folder / f"{stem}{s}" for s in (".txt", ".html") if (folder / f"{stem}{s}").is_file()), None)
        if page is None:
            continue
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        cases.append(Case(
            name=page.name, path=page, data=page.read_bytes(), must_contain=exp["must_contain"],
            must_not_contain=exp["must_not_contain"],
            comments=exp["comments"], meta={k: exp[k] for k in META_FIELDS if k in exp},
        ))
    return cases


def _strptime_iso(header: str) -> str | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", norm(header))
    for fmt in ("%B %d, %Y at %I:%M %p", "%d %B %Y at %H:%M", "%B %d, %Y at %H:%M"):
        try:
            return datetime.strptime(cleaned, fmt).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            continue
    return None


def seed_cases(folder: Path) -> list[Case]:
    cases = []
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        path = folder / label["file"]
        raw = [norm(x) for x in path.read_text(encoding="utf-8").splitlines()]
        header = label.get("reader_comment_header")
        start = raw.index(norm(header)) if header and norm(header) in raw else len(raw)
        skip = {norm(x) for x in label["boilerplate_lines"] + label["caption_lines"] + label["heading_lines"]}
        author = norm(label["author"]) if label.get("author") else None
        keep = [x for x in raw[:start] if x and x not in skip and x != author]
        comment_lines = [x for x in raw[start + 1:] if x]
        comments = []
        if label.get("reader_comments"):
            comments.append({"author": None, "posted_at": _strptime_iso(header or ""),
                             "text_startswith": comment_lines[0][:40] if comment_lines else ""})
            comments.extend({} for _ in range(label["reader_comments"] - 1))
        cases.append(Case(
            name=f"seed:{label['file']}", path=path, data=path.read_bytes(), must_contain=keep,
            must_not_contain=[norm(c) for c in label["caption_lines"]] + comment_lines,
            forbidden_lines=[norm(b) for b in label["boilerplate_lines"]],
            comments=comments, meta={"critic": label.get("author"), "outlet": label.get("outlet")},
        ))
    return cases


def holdout_cases(folder: Path) -> list[Case]:
    """Pages kept out of the test suite: ``eval/cleaning*.jsonl`` rows ``{"id", "format", "page", ...expected}``."""
    cases = []
    for path in sorted(folder.glob("cleaning*.jsonl")):
        for row in load_jsonl(path):
            suffix = ".html" if row["format"] == "html" else ".txt"
            cases.append(Case(
                name=f"holdout:{row['id']}", path=Path(row["id"] + suffix), data=row["page"].encode("utf-8"),
                must_contain=row["must_contain"], must_not_contain=row["must_not_contain"], comments=row["comments"],
                meta={k: row[k] for k in META_FIELDS if k in row},
            ))
    return cases


def _comments_ok(page: ExtractedPage, expected: list[dict[str, Any]]) -> bool:
    if len(page.comments) != len(expected):
        return False
    for got, want in zip(page.comments, expected, strict=True):
        if not want:
            continue
        if "author" in want and want["author"] is not None and got.author != want["author"]:
            return False
        if "posted_at" in want and got.posted_at != want["posted_at"]:
            return False
        if not got.text.startswith(want.get("text_startswith", "")):
            return False
    return True


def score_case(case: Case) -> dict[str, Any]:
    try:
        items = extract(case.data, name=case.path.name)
    except ExtractionError as exc:
        items = [exc]
    page = items[0] if items else None
    row: dict[str, Any] = {"name": case.name, "extracted": isinstance(page, ExtractedPage)}
    if not isinstance(page, ExtractedPage):
        row.update(contain=(0, len(case.must_contain)),
                   forbid=(0, len(case.must_not_contain) + len(case.forbidden_lines)),
                   comments_ok=False, meta=(0, len(case.meta)), error=str(page))
        return row
    text = norm(page.text)
    paras = {norm(p) for p in page.text.split("\n\n")}
    found = sum(1 for s in case.must_contain if norm(s) in text)
    absent = sum(1 for s in case.must_not_contain if norm(s) not in text)
    absent += sum(1 for s in case.forbidden_lines if norm(s) not in paras)
    meta_hits = sum(1 for k, v in case.meta.items() if getattr(page, k) == v)
    row.update(contain=(found, len(case.must_contain)),
               forbid=(absent, len(case.must_not_contain) + len(case.forbidden_lines)),
               comments_ok=_comments_ok(page, case.comments), meta=(meta_hits, len(case.meta)))
    return row


def _ratio(rows: list[dict[str, Any]], key: str) -> float:
    hit = sum(r[key][0] for r in rows)
    total = sum(r[key][1] for r in rows)
    return hit / total if total else 1.0


def evaluate(settings: Any = None, *, quick: bool = False) -> EvalResult:
    cases = page_cases(pages_dir()) + holdout_cases(eval_dir())
    seeds = seeds_dir()
    if seeds is not None:
        cases += seed_cases(seeds)
    rows = [score_case(case) for case in cases]
    n = len(rows) or 1
    recall = _ratio(rows, "contain")
    precision = _ratio(rows, "forbid")
    metrics = {
        "must_contain_recall": round(recall, 4),
        "must_not_contain_precision": round(precision, 4),
        "comment_split_accuracy": round(sum(1 for r in rows if r["comments_ok"]) / n, 4),
        "metadata_accuracy": round(_ratio(rows, "meta"), 4),
        "coverage": round(sum(1 for r in rows if r["extracted"]) / n, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "pages": float(len(rows)),
    }
    held = [r for r in rows if r["name"].startswith("holdout:")]
    if held:
        metrics["holdout_must_contain_recall"] = round(_ratio(held, "contain"), 4)
        metrics["holdout_must_not_contain_precision"] = round(_ratio(held, "forbid"), 4)
        metrics["holdout_comment_split_accuracy"] = round(sum(1 for r in held if r["comments_ok"]) / len(held), 4)
    lines = [f"{'page':42} {'kept':>9} {'dropped':>9} {'comments':>9} {'meta':>6}"]
    for r in rows:
        lines.append(f"{r['name'][:42]:42} {r['contain'][0]:>4}/{r['contain'][1]:<4} {r['forbid'][0]:>4}/{r['forbid'][1]:<4}"
                     f" {'ok' if r['comments_ok'] else 'WRONG':>9} {r['meta'][0]:>3}/{r['meta'][1]:<2}")
    lines.append("")
    lines.extend(f"{k:36} {v:.4f}" if k != "pages" else f"{k:36} {int(v)}" for k, v in metrics.items())
    return EvalResult(name="cleaning", metrics=metrics, table="\n".join(lines),
                      details={"failures": [r for r in rows if not r["extracted"] or r["contain"][0] < r["contain"][1]
                                            or r["forbid"][0] < r["forbid"][1] or not r["comments_ok"]]})
