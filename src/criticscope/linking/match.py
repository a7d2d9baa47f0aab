"""Ranked candidates and how far to trust the best one.

A :class:`Proposal` holds candidate films sorted by distance and a
:class:`Recommendation` (none, low, medium, strong).  The recommendation comes
from the best candidate's confidence, which mixes how well it fits (``1 -
distance``) with how clearly it beats the runner-up: two equally good films
with one title leave the choice to a person.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from .distance import Distance, describe


class Recommendation(IntEnum):
    none = 0
    low = 1
    medium = 2
    strong = 3


@dataclass
class Thresholds:
    """Confidence thresholds (0..1) for each recommendation level."""

    strong: float = 0.80
    medium: float = 0.60
    low: float = 0.40
    gap: float = 0.15
    sharpness: float = 0.06  # how fast a runner-up's closeness erodes confidence
    max_rec: Mapping[str, str] = field(default_factory=dict)  # penalty key -> highest level allowed

    @classmethod
    def from_settings(cls, linking: Any) -> Thresholds:
        return cls(strong=linking.strong_threshold, medium=linking.medium_threshold,
                   low=linking.low_threshold, gap=linking.gap_threshold,
                   sharpness=getattr(linking, "sharpness", 0.06),
                   max_rec=dict(getattr(linking, "max_rec", {}) or {}))


@dataclass
class Match:
    """One candidate film with its distance from the page's evidence."""

    film_id: int
    title: str
    year: int | None
    directors: list[str]
    distance: Distance
    candidate: Any = None  # the catalog candidate it came from
    confidence: float = 0.0

    @property
    def similarity(self) -> float:
        return 1.0 - self.distance.distance

    def as_dict(self) -> dict[str, Any]:
        return {
            "film_id": self.film_id,
            "title": self.title,
            "year": self.year,
            "directors": list(self.directors),
            "distance": round(self.distance.distance, 4),
            "confidence": round(self.confidence, 4),
            "penalties": self.distance.penalties(),
            "fired": describe(self.distance),
        }


@dataclass
class Proposal:
    matches: list[Match]
    recommendation: Recommendation

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def confidence(self) -> float:
        return self.matches[0].confidence if self.matches else 0.0


def assign_confidence(matches: Sequence[Match], sharpness: float) -> None:
    """Confidence = fit x share: ``(1 - distance)`` times a softmax share of the
    similarities, so a close runner-up pulls the best one's confidence down."""
    if not matches:
        return
    sims = [m.similarity for m in matches]
    top = max(sims)
    temp = max(sharpness, 1e-6)
    exps = [math.exp((s - top) / temp) for s in sims]
    total = sum(exps)
    for m, s, e in zip(matches, sims, exps, strict=True):
        m.confidence = max(0.0, s) * (e / total)


def recommend(matches: Sequence[Match], thresholds: Thresholds) -> Recommendation:
    """beets-style: the level the best confidence reaches; a wide gap to the
    runner-up lifts a low one to medium; some penalties cap the level."""
    if not matches:
        return Recommendation.none
    best = matches[0]
    conf = best.confidence
    if conf >= thresholds.strong:
        rec = Recommendation.strong
    elif conf >= thresholds.medium:
        rec = Recommendation.medium
    elif conf >= thresholds.low:
        rec = Recommendation.low
    else:
        rec = Recommendation.none
    if rec == Recommendation.low and len(matches) > 1:
        gap = best.similarity - matches[1].similarity
        if gap >= thresholds.gap and best.similarity >= thresholds.medium:
            rec = Recommendation.medium
    for key, level in thresholds.max_rec.items():
        if key in best.distance and best.distance.penalty(key) >= 0.95:
            rec = min(rec, Recommendation[level])
    return rec


def propose(matches: Sequence[Match], thresholds: Thresholds) -> Proposal:
    """Sort by distance (ties: film id), set confidences and the recommendation."""
    ordered = sorted(matches, key=lambda m: (m.distance.distance, m.film_id))
    assign_confidence(ordered, thresholds.sharpness)
    return Proposal(ordered, recommend(ordered, thresholds))
