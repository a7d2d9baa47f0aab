"""The verdict an explicit rating carries.

A rating's 0-100 score is read against ``settings.verdicts.positive_min`` /
``mixed_min`` (60 / 40): 7/10 is positive, 5/10 mixed, B- positive, C mixed.

Small scales are different: on a scale of five points or fewer (stars, "3/5",
"3 out of 4", thumbs) a rating sits on a few coarse steps and the middle step is
the critic's "mixed".  3 of 5 stars is 60 on 0-100 but means "fair, with
reservations", so ratings on scales up to ``small_scale_max`` (5) are read against
``small_scale_positive_min`` / ``small_scale_mixed_min`` (70 / 50): 3.5/5 and 3/4
are positive, 3/5, 2.5/5, 2.5/4 and 2/4 mixed, 2/5 and 1.5/4 negative.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Fallbacks for settings that older configurations do not carry.
SMALL_SCALE_MAX = 5.0
SMALL_SCALE_POSITIVE_MIN = 70.0
SMALL_SCALE_MIXED_MIN = 50.0


def thresholds(verdict_settings: Any, scale: float | None) -> tuple[float, float]:
    """(positive_min, mixed_min) on 0-100 for a rating given on ``scale`` (None: no numeric scale)."""
    small_max = float(getattr(verdict_settings, "small_scale_max", SMALL_SCALE_MAX))
    if scale is not None and 0 < scale <= small_max:
        return (float(getattr(verdict_settings, "small_scale_positive_min", SMALL_SCALE_POSITIVE_MIN)),
                float(getattr(verdict_settings, "small_scale_mixed_min", SMALL_SCALE_MIXED_MIN)))
    return float(verdict_settings.positive_min), float(verdict_settings.mixed_min)


def rating_verdict(rating: Mapping[str, Any] | None, verdict_settings: Any) -> str | None:
    """positive / mixed / negative for a rating dict (``score`` 0-100, ``scale``), or None."""
    if not rating or rating.get("score") is None:
        return None
    score = float(rating["score"])
    scale = rating.get("scale")
    try:
        scale = float(scale) if scale is not None else None
    except (TypeError, ValueError):
        scale = None
    positive_min, mixed_min = thresholds(verdict_settings, scale)
    if score >= positive_min:
        return "positive"
    if score >= mixed_min:
        return "mixed"
    return "negative"
