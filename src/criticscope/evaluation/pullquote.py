"""Pull quotes on ``eval/spoiler_reviews.jsonl`` (reviews with a gold verdict and gold spoiler sentences).

Each review runs through the sentence, spoiler and pull-quote stages with its gold
verdict standing in for the verdict stage, so this measures the selection itself.  The
quote's polarity is judged by the trained verdict model when ``criticscope.verdicts``
provides one (an independent judge), else by the lexicon the selector also uses; the
table says which.  Metrics:

* ``agreement``: the quote's polarity carries the gold verdict (mixed: it weighs both
  sides, or judges with reserve, ``0.1 < |polarity| <= 0.6``);
* ``spoiler_rate``: the quote overlaps a gold spoiler sentence (target 0);
* ``length_ok``: the quote has at most 30 words (target 1);
* ``precision``: agreement among reviews with a quote; ``recall``: reviews with an
  agreeing quote among all; ``coverage``: reviews with a quote.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from criticscope.evaluation import EvalResult, eval_dir, load_jsonl
from criticscope.evaluation.aspects import sentence_probabilities
from criticscope.pipeline import ReviewDoc
from criticscope.pullquote import PullQuoteSelector, agrees, is_contrastive
from criticscope.sentences import split_sentences
from criticscope.spoilers import SpoilerDetector


def run_reviews(reviews: Sequence[dict], settings: Any = None) -> list[dict[str, Any]]:
    detector = SpoilerDetector()
    selector = PullQuoteSelector()
    out = []
    for review in reviews:
        doc = ReviewDoc(review_id=review["id"], text=review["text"])
        doc.ext["sentences"] = split_sentences(doc.text)
        # sentence polarity as the verdict stage gives it in the pipeline (when the model is available)
        probs = sentence_probabilities(settings, [x["text"] for x in doc.ext["sentences"]]) \
            if settings is not None and doc.ext["sentences"] else None
        if probs is not None:
            for sent, prob in zip(doc.ext["sentences"], probs, strict=True):
                sent["p_positive"] = float(prob)
        doc.ext["verdict"] = {"verdict": review["verdict"], "source": "gold"}
        detector(doc)
        selector(doc)
        out.append({"review": review, "doc": doc, "quote": doc.ext["pullquote"]})
    return out


def evaluate(settings: Any = None, *, quick: bool = False) -> EvalResult:
    reviews = load_jsonl(eval_dir() / "spoiler_reviews.jsonl")
    if quick:  # the held-out half
        reviews = reviews[1::2]
    runs = run_reviews(reviews, settings)
    selector = PullQuoteSelector()
    quotes = [r["quote"] for r in runs]
    texts = [q["text"] or "" for q in quotes]
    probs = sentence_probabilities(settings, texts) if any(texts) else None
    judge = "verdict model" if probs is not None else "lexicon"
    agree_flags, spoiler_flags, length_flags = [], [], []
    for i, run in enumerate(runs):
        q = run["quote"]
        if not q["text"]:
            continue
        value = 2 * probs[i] - 1 if probs is not None else selector.lexicon.score(q["text"])
        verdict = run["review"]["verdict"]
        contrastive = verdict == "mixed" and is_contrastive(q["text"], selector.lexicon)
        agree_flags.append(agrees(verdict, value, contrastive))
        text = run["review"]["text"]
        gold = [(text.find(g), text.find(g) + len(g)) for g in run["review"].get("spoiler_sentences", [])
                if text.find(g) >= 0]
        spoiler_flags.append(any(q["start"] < e and b < q["end"] for b, e in gold))
        length_flags.append(len(q["text"].split()) <= 30)
    n = len(runs)
    quoted = len(agree_flags)
    metrics = {
        "agreement": sum(agree_flags) / quoted if quoted else 0.0,
        "spoiler_rate": sum(spoiler_flags) / quoted if quoted else 0.0,
        "length_ok": sum(length_flags) / quoted if quoted else 0.0,
        "precision": sum(agree_flags) / quoted if quoted else 0.0,
        "recall": sum(agree_flags) / n if n else 0.0,
        "coverage": quoted / n if n else 0.0,
    }
    by_verdict = {}
    for verdict in ("positive", "mixed", "negative"):
        flags = [a for a, r in zip(agree_flags, [r for r in runs if r["quote"]["text"]], strict=True)
                 if r["review"]["verdict"] == verdict]
        if flags:
            by_verdict[verdict] = sum(flags) / len(flags)
    table = "\n".join([
        f"pull quotes on {n} reviews (gold verdict as input; polarity judged by the {judge})",
        f"agreement {metrics['agreement']:.3f}  spoiler rate {metrics['spoiler_rate']:.3f}"
        f"  length<=30 {metrics['length_ok']:.3f}  coverage {metrics['coverage']:.3f}",
        "agreement by verdict: " + "  ".join(f"{k} {v:.3f}" for k, v in by_verdict.items()),
    ])
    metrics = {k: round(v, 4) for k, v in metrics.items()}
    # the spoiler rate must stay at zero: the gate reads floors as minimums, so expose its complement
    metrics["spoiler_free"] = round(1.0 - metrics["spoiler_rate"], 4)
    return EvalResult("pullquote", metrics, table, details={"judge": judge})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print every quote")
    args = parser.parse_args(argv)
    print(evaluate().table)
    if args.show:
        for run in run_reviews(load_jsonl(eval_dir() / "spoiler_reviews.jsonl")):
            q = run["quote"]
            print(f"- [{run['review']['verdict']}] {run['review']['film']}: {q['text']}")


if __name__ == "__main__":
    main()
