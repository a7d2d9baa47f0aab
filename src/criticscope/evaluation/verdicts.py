"""Verdict evaluation: the model against held-out package data and critic-style reviews,
with VADER run beside it as the baseline.

* **IMDb** (held-out 15 % of the package's IMDb reviews; ``quick`` samples 2,000):
  review-level accuracy of ``p_positive >= 0.5``, and calibration error (ECE, 10 bins).
* **RT** (held-out Rotten Tomatoes critic sentences): accuracy of ``sentence_probs >= 0.5``.
* **Critic set** (``eval/verdicts.jsonl``: multi-paragraph critic-style reviews with a gold
  positive / mixed / negative label and a ``dev`` / ``test`` split): 3-way accuracy with
  the settings' thresholds, per-class precision / recall, coverage (share of reviews
  given a verdict).  Thresholds are tuned on ``dev`` only; the tuned pair and its
  ``test`` accuracy are printed as the recommendation.
* **VADER**: compound score of the whole text, 3-way with the standard +/-0.05 cut-offs
  and with cut-offs tuned on ``dev`` like the model's.

Run ``python -m criticscope.evaluation.verdicts --compare [--no-embeddings | --embeddings-only]``
for the model comparison (``criticscope.verdicts.compare``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from criticscope.evaluation import EvalResult, eval_dir, load_jsonl
from criticscope.verdicts import data
from criticscope.verdicts.model import VERDICTS, load_model

QUICK_SAMPLE = 2000
VADER_CUTOFF = 0.05


def load_critic_set() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(eval_dir().glob("verdicts*.jsonl")):
        rows.extend(load_jsonl(path))
    return rows


def three_way(scores: np.ndarray, lo: float, hi: float) -> list[str]:
    """negative at or below ``lo``, positive at or above ``hi``, mixed between."""
    return ["positive" if s >= hi else "negative" if s <= lo else "mixed" for s in scores]


def class_report(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, float]:
    out: dict[str, float] = {}
    covered = [p is not None for p in pred]
    out["coverage"] = sum(covered) / len(gold) if gold else 0.0
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    f1s = []
    for label in VERDICTS:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        out[f"precision_{label}"] = prec
        out[f"recall_{label}"] = rec
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    out["macro_f1"] = sum(f1s) / len(f1s)
    return out


def tune_thresholds(scores: np.ndarray, gold: Sequence[str]) -> tuple[float, float, float]:
    """(lo, hi, accuracy): the cut-offs between candidate midpoints that maximise accuracy on
    these reviews; ties go to the pair farthest from any review's score."""
    values = np.unique(scores)
    cands = np.concatenate([[values[0] - 1e-6], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-6]])
    best: tuple[float, float, float, float] = (-1.0, -1.0, 0.0, 1.0)
    for i, lo in enumerate(cands):
        for hi in cands[i:]:
            pred = three_way(scores, lo, hi)
            acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
            margin = min(np.min(np.abs(scores - lo)), np.min(np.abs(scores - hi)))
            if (acc, margin) > best[:2]:
                best = (acc, margin, float(lo), float(hi))
    return best[2], best[3], best[0]


def cross_validated_accuracy(scores: np.ndarray, gold: Sequence[str], folds: int = 5) -> float:
    """Accuracy when the cut-offs are tuned on the other folds (stratified, fixed order)."""
    fold_of = np.zeros(len(gold), dtype=int)
    for label in VERDICTS:
        idx = [i for i, g in enumerate(gold) if g == label]
        fold_of[idx] = np.arange(len(idx)) % folds
    hits = 0
    for f in range(folds):
        train = fold_of != f
        lo, hi, _ = tune_thresholds(scores[train], [g for g, t in zip(gold, train, strict=True) if t])
        pred = three_way(scores[~train], lo, hi)
        hits += sum(p == g for p, g in zip(pred, [g for g, t in zip(gold, train, strict=True) if not t],
                                            strict=True))
    return hits / len(gold)


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    err = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            err += mask.mean() * abs(p[mask].mean() - y[mask].mean())
    return float(err)


def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def evaluate(settings, *, quick: bool = False) -> EvalResult:
    model = load_model(settings)
    vader = _vader()
    rows = data.load_rows()
    imdb = data.split_rows(rows, "test", "imdb")
    if quick:
        imdb = data.subsample(imdb, QUICK_SAMPLE)
    rt = data.split_rows(rows, "test", "rotten_tomatoes")

    imdb_y = np.array([r.label for r in imdb])
    imdb_p = np.array([r["p_positive"] for r in model.reviews([r.text for r in imdb])], dtype=float)
    rt_y = np.array([r.label for r in rt])
    rt_p = model.sentence_probs([r.text for r in rt])
    imdb_v = np.array([vader.polarity_scores(r.text)["compound"] for r in imdb])
    rt_v = np.array([vader.polarity_scores(r.text)["compound"] for r in rt])

    critic = load_critic_set()
    gold = [c["label"] for c in critic]
    split = np.array([c.get("split", "test") for c in critic])
    results = model.reviews([c["text"] for c in critic])
    scores = np.array([r["p_positive"] if r["p_positive"] is not None else 0.5 for r in results])
    pred = [r["verdict"] for r in results]
    vader_c = np.array([vader.polarity_scores(c["text"])["compound"] for c in critic])
    vader_pred = three_way(vader_c, -VADER_CUTOFF, VADER_CUTOFF)

    def part(values: Sequence, name: str) -> list:
        return [v for v, s in zip(values, split, strict=True) if s == name]

    rep_all = class_report(gold, pred)
    rep_test = class_report(part(gold, "test"), part(pred, "test"))
    rep_dev = class_report(part(gold, "dev"), part(pred, "dev"))
    lo, hi, dev_acc = tune_thresholds(scores[split == "dev"], part(gold, "dev"))
    tuned_test = class_report(part(gold, "test"), part(three_way(scores, lo, hi), "test"))
    vlo, vhi, _ = tune_thresholds(vader_c[split == "dev"], part(gold, "dev"))
    vader_all = class_report(gold, vader_pred)
    vader_tuned_test = class_report(part(gold, "test"), part(three_way(vader_c, vlo, vhi), "test"))

    metrics = {
        "imdb_accuracy": float(((imdb_p >= 0.5) == imdb_y).mean()),
        "imdb_ece": expected_calibration_error(imdb_p, imdb_y),
        "rt_accuracy": float(((rt_p >= 0.5) == rt_y).mean()),
        "critic_accuracy": rep_all["accuracy"],
        "critic_test_accuracy": rep_test["accuracy"],
        "critic_dev_accuracy": rep_dev["accuracy"],
        "critic_macro_f1": rep_all["macro_f1"],
        "critic_coverage": rep_all["coverage"],
        **{f"critic_{k}": v for k, v in rep_all.items() if k.startswith(("precision_", "recall_"))},
        "critic_test_accuracy_tuned": tuned_test["accuracy"],
        "critic_cv_accuracy": cross_validated_accuracy(scores, gold),
        "vader_imdb_accuracy": float(((imdb_v >= 0) == imdb_y).mean()),
        "vader_rt_accuracy": float(((rt_v >= 0) == rt_y).mean()),
        "vader_critic_accuracy": vader_all["accuracy"],
        "vader_critic_test_accuracy_tuned": vader_tuned_test["accuracy"],
    }
    table = _table(metrics, rep_all, vader_all, len(imdb), len(rt), len(critic), settings, (lo, hi, dev_acc),
                   (vlo, vhi), _confusion(gold, pred))
    details = {"tuned_thresholds": {"p_negative_max": lo, "p_positive_min": hi, "dev_accuracy": dev_acc},
               "errors": [{"id": c.get("id"), "gold": g, "pred": p, "p_positive": float(s)}
                          for c, g, p, s in zip(critic, gold, pred, scores, strict=True) if g != p]}
    return EvalResult(name="verdicts", metrics=metrics, table=table, details=details)


def _confusion(gold: Sequence[str], pred: Sequence[str | None]) -> list[str]:
    lines = ["confusion (rows gold, columns predicted): " + " ".join(f"{v[:3]:>5}" for v in VERDICTS)]
    for g in VERDICTS:
        counts = [sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == p) for p in VERDICTS]
        lines.append(f"  {g:>8}  " + " ".join(f"{c:>5}" for c in counts))
    return lines


def _table(m: dict[str, float], rep: dict[str, float], vrep: dict[str, float], n_imdb: int, n_rt: int,
           n_critic: int, settings, tuned: tuple[float, float, float], vtuned: tuple[float, float],
           confusion: list[str]) -> str:
    vs = settings.verdicts
    lines = [
        f"verdicts: model vs VADER (thresholds p_negative_max={vs.p_negative_max}, "
        f"p_positive_min={vs.p_positive_min})",
        f"{'':34}{'model':>9}{'VADER':>9}",
        f"{'IMDb held-out reviews (' + str(n_imdb) + ')':34}{m['imdb_accuracy']:>9.3f}{m['vader_imdb_accuracy']:>9.3f}",
        f"{'RT held-out sentences (' + str(n_rt) + ')':34}{m['rt_accuracy']:>9.3f}{m['vader_rt_accuracy']:>9.3f}",
        f"{'critic set 3-way, all (' + str(n_critic) + ')':34}{m['critic_accuracy']:>9.3f}"
        f"{m['vader_critic_accuracy']:>9.3f}",
        f"{'critic set 3-way, test split':34}{m['critic_test_accuracy']:>9.3f}",
        f"{'critic test, dev-tuned cut-offs':34}{m['critic_test_accuracy_tuned']:>9.3f}"
        f"{m['vader_critic_test_accuracy_tuned']:>9.3f}",
        f"{'critic 5-fold CV (cut-offs in-fold)':34}{m['critic_cv_accuracy']:>9.3f}",
        f"{'critic coverage':34}{rep['coverage']:>9.3f}{vrep['coverage']:>9.3f}",
        f"{'critic macro-F1':34}{rep['macro_f1']:>9.3f}{vrep['macro_f1']:>9.3f}",
    ]
    for label in VERDICTS:
        lines.append(f"{'  ' + label + ' precision / recall':34}{rep['precision_' + label]:>9.3f}"
                     f"{rep['recall_' + label]:>7.3f}   VADER {vrep['precision_' + label]:.3f} "
                     f"{vrep['recall_' + label]:.3f}")
    lines += confusion
    lines.append(f"IMDb calibration error (ECE, 10 bins): {m['imdb_ece']:.3f}")
    lines.append(f"cut-offs tuned on dev: p_negative_max={tuned[0]:.3f} p_positive_min={tuned[1]:.3f} "
                 f"(dev accuracy {tuned[2]:.3f}); VADER dev-tuned {vtuned[0]:.3f} / {vtuned[1]:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from criticscope.config import load_settings

    args = list(sys.argv[1:] if argv is None else argv)
    settings = load_settings()
    if "--compare" in args:
        from criticscope.verdicts.compare import compare

        print(compare(settings, with_embeddings="--no-embeddings" not in args,
                      with_bow="--embeddings-only" not in args))
        return 0
    result = evaluate(settings, quick="--quick" in args)
    print(result.table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
