"""Spoiler detection on ``eval/spoilers.jsonl`` (single sentences) and
``eval/spoiler_reviews.jsonl`` (whole reviews with gold spoiler sentences).

Prints sentence-level and review-level ROC AUC, precision/recall/F1 at the stage's
thresholds, sentence-level AUC and recall inside reviews (a split sentence is gold when
it overlaps a gold spoiler sentence), and coverage: the share of spoiler reviews where
at least one gold spoiler sentence is flagged.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from criticscope.evaluation import EvalResult, eval_dir, load_jsonl
from criticscope.sentences import split_sentences
from criticscope.spoilers import SpoilerDetector, score_sentences


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    from sklearn.metrics import roc_auc_score

    if len(set(labels)) < 2:
        return float("nan")
    return float(roc_auc_score([int(x) for x in labels], list(scores)))


def prf(labels: Sequence[bool], predicted: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _gold_spans(text: str, gold: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for g in gold:
        at = text.find(g)
        if at >= 0:
            spans.append((at, at + len(g)))
    return spans


def review_predictions(detector: SpoilerDetector, reviews: Sequence[dict]) -> list[dict[str, Any]]:
    out = []
    for review in reviews:
        sentences = split_sentences(review["text"])
        result = detector.analyse(sentences)
        scores = {s.index: s.score for s in score_sentences(sentences)}
        gold = _gold_spans(review["text"], review.get("spoiler_sentences", []))
        labels = [any(s["start"] < e and b < s["end"] for b, e in gold) for s in sentences]
        out.append({"review": review, "result": result, "sentences": sentences,
                    "scores": [scores[i] for i in range(len(sentences))], "labels": labels})
    return out


def evaluate(settings: Any = None, *, quick: bool = False) -> EvalResult:
    detector = SpoilerDetector()
    folder = eval_dir()
    rows = load_jsonl(folder / "spoilers.jsonl")
    reviews = load_jsonl(folder / "spoiler_reviews.jsonl")
    if quick:  # the held-out halves (thresholds and cues were tuned on the other)
        rows, reviews = rows[1::2], reviews[1::2]

    sent_scores = [score_sentences([{"text": r["text"], "paragraph": 0}])[0].score for r in rows]
    sent_labels = [bool(r["spoiler"]) for r in rows]
    s_p, s_r, s_f = prf(sent_labels, [s >= detector.sentence_threshold for s in sent_scores])

    preds = review_predictions(detector, reviews)
    rev_labels = [bool(p["review"]["spoiler"]) for p in preds]
    rev_conf = [p["result"]["confidence"] for p in preds]
    r_p, r_r, r_f = prf(rev_labels, [p["result"]["spoiler"] for p in preds])
    in_labels = [y for p in preds for y in p["labels"]]
    in_scores = [s for p in preds for s in p["scores"]]
    in_p, in_r, _ = prf(in_labels, [s >= detector.sentence_threshold for s in in_scores])
    spoiler_reviews = [p for p in preds if p["review"]["spoiler"]]
    covered = sum(1 for p in spoiler_reviews
                  if any(y and s >= detector.sentence_threshold for y, s in zip(p["labels"], p["scores"], strict=True)))
    metrics = {
        "sentence_auc": auc(sent_labels, sent_scores),
        "sentence_precision": s_p,
        "sentence_recall": s_r,
        "sentence_f1": s_f,
        "review_auc": auc(rev_labels, rev_conf),
        "precision": r_p,
        "recall": r_r,
        "review_f1": r_f,
        "in_review_sentence_auc": auc(in_labels, in_scores),
        "in_review_sentence_precision": in_p,
        "in_review_sentence_recall": in_r,
        "coverage": covered / len(spoiler_reviews) if spoiler_reviews else 0.0,
    }
    for split in ("dev", "test"):
        idx = [i for i, p in enumerate(preds) if p["review"].get("split") == split]
        if idx:
            metrics[f"review_auc_{split}"] = auc([rev_labels[i] for i in idx], [rev_conf[i] for i in idx])
        sidx = [i for i, r in enumerate(rows) if r.get("split") == split]
        if sidx:
            metrics[f"sentence_auc_{split}"] = auc([sent_labels[i] for i in sidx], [sent_scores[i] for i in sidx])
    table = "\n".join([
        f"thresholds: sentence {detector.sentence_threshold}, review {detector.review_threshold}",
        f"sentences ({len(rows)}): AUC {metrics['sentence_auc']:.3f}  P {s_p:.3f}  R {s_r:.3f}  F1 {s_f:.3f}",
        f"reviews ({len(reviews)}): AUC {metrics['review_auc']:.3f}  P {r_p:.3f}  R {r_r:.3f}  F1 {r_f:.3f}",
        f"sentences inside reviews ({len(in_labels)}): AUC {metrics['in_review_sentence_auc']:.3f}"
        f"  P {in_p:.3f}  R {in_r:.3f}",
        f"coverage (spoiler reviews with a gold spoiler sentence flagged): {metrics['coverage']:.3f}",
        "per split: " + "  ".join(f"{k} {v:.3f}" for k, v in metrics.items() if k.endswith(("_dev", "_test"))),
    ])
    return EvalResult("spoilers", {k: round(v, 4) for k, v in metrics.items()}, table)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--split", choices=("dev", "test"))
    args = parser.parse_args(argv)
    result = evaluate()
    print(result.table)
    if not args.errors:
        return
    detector = SpoilerDetector()
    rows = [r for r in load_jsonl(eval_dir() / "spoilers.jsonl") if not args.split or r.get("split") == args.split]
    for r in rows:
        s = score_sentences([{"text": r["text"], "paragraph": 0}])[0]
        if (s.score >= detector.sentence_threshold) != r["spoiler"]:
            print(f"- [{r['spoiler']}] {s.score:.2f} {s.cues} {r['text']}")
    reviews = [r for r in load_jsonl(eval_dir() / "spoiler_reviews.jsonl")
               if not args.split or r.get("split") == args.split]
    for p in review_predictions(detector, reviews):
        res = p["result"]
        if res["spoiler"] != p["review"]["spoiler"]:
            print(f"* review {p['review']['id']} {p['review']['film']}: gold {p['review']['spoiler']}"
                  f" conf {res['confidence']:.2f}")
        for sent, y, sc in zip(p["sentences"], p["labels"], p["scores"], strict=True):
            if (sc >= detector.sentence_threshold) != y:
                print(f"    [{y}] {sc:.2f} {sent['text'][:120]}")


if __name__ == "__main__":
    main()
