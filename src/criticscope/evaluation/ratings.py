"""Evaluation of explicit-rating extraction on ``eval/ratings*.jsonl``.

Each case is ``{"id", "text", "structured"?, "expected": null | {"text", "score"}}``;
traps (``expected: null``) hold rating-shaped text that is not the critic's rating.

Metrics:

* ``precision``: share of predicted ratings that are the gold rating (the predicted
  span overlaps an occurrence of the gold text; structured ratings match on text);
* ``recall``: share of gold ratings predicted correctly;
* ``coverage``: share of cases with a gold rating where any rating was predicted;
* ``normalization_exact``: share of correctly found ratings whose 0-100 score equals
  the gold score exactly;
* ``span_exact``: share of correctly found text ratings whose text equals the gold text;
* ``trap_false_positive_rate``: share of traps where a rating was predicted.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from criticscope.evaluation import EvalResult, eval_dir, load_jsonl
from criticscope.ratings import Rating, extract_ratings


def load_cases() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(eval_dir().glob("ratings*.jsonl")):
        rows.extend(load_jsonl(path))
    return rows


def _matches(pred: Rating, gold: dict[str, Any], text: str) -> bool:
    if pred.source == "structured" or pred.start is None:
        return pred.text == gold["text"]
    wanted = gold["text"]
    at = text.find(wanted)
    while at >= 0:
        if pred.start < at + len(wanted) and at < (pred.end or 0):
            return True
        at = text.find(wanted, at + 1)
    return False


def score_cases(cases: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]], dict[str, Counter]]:
    predicted = correct = gold_total = covered = exact = span_exact = text_correct = 0
    traps = trap_fp = 0
    errors: list[dict[str, Any]] = []
    by_tag: dict[str, Counter] = {}
    for case in cases:
        result = extract_ratings(case["text"], case.get("structured"))
        pred, gold = result.best, case.get("expected")
        tag = (case.get("tags") or ["untagged"])[0]
        tally = by_tag.setdefault(("trap:" if gold is None else "") + tag, Counter())
        tally["cases"] += 1
        if pred is not None:
            predicted += 1
        if gold is None:
            traps += 1
            if pred is not None:
                trap_fp += 1
                tally["errors"] += 1
                errors.append({"id": case["id"], "error": "rating on a trap", "predicted": pred.text})
            continue
        gold_total += 1
        if pred is None:
            tally["errors"] += 1
            errors.append({"id": case["id"], "error": "missed", "gold": gold["text"]})
            continue
        covered += 1
        if not _matches(pred, gold, case["text"]):
            tally["errors"] += 1
            errors.append({"id": case["id"], "error": "wrong rating", "gold": gold["text"], "predicted": pred.text})
            continue
        correct += 1
        if abs(pred.score - float(gold["score"])) < 1e-6:
            exact += 1
        else:
            tally["errors"] += 1
            errors.append({"id": case["id"], "error": "score", "gold": gold["score"], "predicted": pred.score})
        if pred.source == "text":
            text_correct += 1
            span_exact += pred.text == gold["text"] and case["text"][pred.start:pred.end] == pred.text
    metrics = {
        "precision": correct / predicted if predicted else 1.0,
        "recall": correct / gold_total if gold_total else 1.0,
        "coverage": covered / gold_total if gold_total else 1.0,
        "normalization_exact": exact / correct if correct else 1.0,
        "span_exact": span_exact / text_correct if text_correct else 1.0,
        "trap_false_positive_rate": trap_fp / traps if traps else 0.0,
        "cases": float(len(cases)),
        "traps": float(traps),
    }
    return metrics, errors, by_tag


def _table(metrics: dict[str, float], errors: list[dict[str, Any]], by_tag: dict[str, Counter]) -> str:
    lines = ["ratings evaluation", f"{'metric':<26}{'value':>10}"]
    for name, value in metrics.items():
        shown = f"{int(value)}" if name in ("cases", "traps") else f"{value:.4f}"
        lines.append(f"{name:<26}{shown:>10}")
    lines.append("")
    lines.append(f"{'group':<26}{'cases':>7}{'errors':>8}")
    for tag in sorted(by_tag):
        lines.append(f"{tag:<26}{by_tag[tag]['cases']:>7}{by_tag[tag]['errors']:>8}")
    if errors:
        lines.append("")
        lines.append("errors:")
        for e in errors[:40]:
            lines.append("  " + ", ".join(f"{k}={v!r}" for k, v in e.items()))
    return "\n".join(lines)


def evaluate(settings: Any, *, quick: bool = False) -> EvalResult:
    """Score the extractor on every labelled case (it is fast enough that ``quick``
    runs the full set too)."""
    cases = load_cases()
    if not cases:
        raise FileNotFoundError("no eval/ratings*.jsonl cases found")
    metrics, errors, by_tag = score_cases(cases)
    table = _table(metrics, errors, by_tag)
    print(table)
    return EvalResult(name="ratings", metrics=metrics, table=table, details={"errors": errors})
