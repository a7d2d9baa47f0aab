"""Pipeline stage ``verdict``: writes ``doc.ext["verdict"]`` and sentence ``p_positive``.

``doc.ext["verdict"]``::

    {"verdict", "source",            # "rating" when an explicit rating decides, else "model"
     "p_positive", "model_verdict",  # the model's own reading, kept beside a rating's verdict
     "estimated_score", "estimated", # model's 0-100 estimate; estimated is True when no rating
     "disagreement",                 # rating and model verdicts differ
     "rating_score",                 # the rating's 0-100 score, or None
     "audience": [{"index", "p_positive", "verdict"}...]}   # reader comments, apart

Reader comments get their own verdicts and never enter the critic's figures.
"""

from __future__ import annotations

from typing import Any

from criticscope.config import Settings
from criticscope.pipeline import ReviewDoc
from criticscope.verdicts.model import VerdictModel, load_model
from criticscope.verdicts.rating import rating_verdict


class VerdictComponent:
    name = "verdict"
    requires: tuple[str, ...] = ("sentences", "ratings")
    assigns: tuple[str, ...] = ("verdict",)

    def __init__(self, settings: Settings, model: VerdictModel | None = None):
        self.settings = settings
        self._model = model

    @property
    def model(self) -> VerdictModel:
        if self._model is None:  # loaded (or trained) once, on the first document
            self._model = load_model(self.settings)
        return self._model

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        sentences = [s for s in doc.sentences() if (s.get("text") or "").strip()]
        result = self.model.review(doc.text or "", sentences if sentences else None)
        if sentences:
            for sent, p in zip(sentences, result["sentence_p"], strict=True):
                sent["p_positive"] = p
        best = (doc.ext.get("ratings") or {}).get("best")
        from_rating = rating_verdict(best, self.settings.verdicts)
        model_verdict = result["verdict"]
        verdict = from_rating or model_verdict
        doc.ext["verdict"] = {
            "verdict": verdict,
            "source": "rating" if from_rating else ("model" if model_verdict else None),
            "p_positive": result["p_positive"],
            "model_verdict": model_verdict,
            "estimated_score": result["estimated_score"],
            "estimated": from_rating is None and result["estimated_score"] is not None,
            "disagreement": bool(from_rating and model_verdict and from_rating != model_verdict),
            "rating_score": best.get("score") if from_rating else None,
            "audience": self._audience(doc),
        }
        return doc

    def _audience(self, doc: ReviewDoc) -> list[dict[str, Any]]:
        texts = [(i, c.text) for i, c in enumerate(doc.comments) if (c.text or "").strip()]
        if not texts:
            return []
        results = self.model.reviews([t for _, t in texts])
        return [{"index": i, "p_positive": r["p_positive"], "verdict": r["verdict"]}
                for (i, _), r in zip(texts, results, strict=True)]


def create_component(settings: Settings, **resources: Any) -> VerdictComponent:
    """``resources["verdict_model"]`` may supply a loaded model (shared between workers or tests)."""
    return VerdictComponent(settings, model=resources.get("verdict_model"))
