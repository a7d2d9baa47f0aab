"""A distance between a review and a catalog film, built from named penalties.

Each penalty is a value between 0 (the evidence agrees) and 1 (it contradicts),
weighted by its key.  The total is normalised by the largest total the added
penalties could reach, so it stays between 0 and 1 however many kinds of
evidence a page happens to carry, and a :class:`Distance` sorts like a float.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import total_ordering

DEFAULT_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "year": 2.0,
    "director": 3.0,
    "cast": 2.0,
    "country": 0.7,
    "language": 0.5,
    "platform": 0.5,
    "date": 1.0,
    "relation": 2.5,
    "url": 1.0,
    "kind": 0.5,
}

# Short labels for the penalties that fired, shown as "≠ year, director".
LABELS: dict[str, str] = {
    "title": "title",
    "year": "year",
    "director": "director",
    "cast": "cast",
    "country": "country",
    "language": "language",
    "platform": "platform",
    "date": "review date",
    "relation": "points elsewhere",
    "url": "url",
    "kind": "kind",
}


@total_ordering
class Distance:
    """Named, weighted penalties; ``float(d)`` is the normalised total."""

    __slots__ = ("_weights", "_penalties")

    def __init__(self, weights: Mapping[str, float] | None = None):
        self._weights = dict(DEFAULT_WEIGHTS)
        if weights:
            self._weights.update(weights)
        self._penalties: dict[str, list[float]] = {}

    def weight(self, key: str) -> float:
        return self._weights.get(key, 1.0)

    def add(self, key: str, dist: float) -> None:
        """Add one penalty (clamped to 0..1) under ``key``."""
        self._penalties.setdefault(key, []).append(min(1.0, max(0.0, float(dist))))

    def add_ratio(self, key: str, number: float, total: float) -> None:
        """Add ``number / total`` (0 when ``total`` is 0)."""
        self.add(key, number / total if total else 0.0)

    def add_equality(self, key: str, value: object, options: object) -> None:
        """0 when ``value`` equals ``options`` (or is one of them when it is a collection), else 1."""
        if isinstance(options, (list, tuple, set, frozenset)):
            self.add(key, 0.0 if value in options else 1.0)
        else:
            self.add(key, 0.0 if value == options else 1.0)

    def update(self, other: Distance) -> None:
        for key, values in other._penalties.items():
            self._penalties.setdefault(key, []).extend(values)

    def __contains__(self, key: str) -> bool:
        return key in self._penalties

    def __getitem__(self, key: str) -> float:
        """The weighted, normalised share of the total that ``key`` contributes."""
        return self._weighted(key) / self.max_distance if self.max_distance else 0.0

    def keys(self) -> list[str]:
        return list(self._penalties)

    def _weighted(self, key: str) -> float:
        return sum(self._penalties.get(key, ())) * self.weight(key)

    @property
    def raw_distance(self) -> float:
        return sum(self._weighted(k) for k in self._penalties)

    @property
    def max_distance(self) -> float:
        return sum(len(v) * self.weight(k) for k, v in self._penalties.items())

    @property
    def distance(self) -> float:
        top = self.max_distance
        return self.raw_distance / top if top else 0.0

    def penalty(self, key: str) -> float:
        """The mean raw penalty (0..1) under ``key``; 0 when it was never added."""
        values = self._penalties.get(key)
        return sum(values) / len(values) if values else 0.0

    def items(self) -> list[tuple[str, float]]:
        """Penalties that fired (non-zero), largest contribution first."""
        out = [(k, self[k]) for k in self._penalties if self._weighted(k) > 0]
        return sorted(out, key=lambda kv: (-kv[1], kv[0]))

    def penalties(self) -> dict[str, float]:
        """Every penalty added, as its mean raw value (0..1), rounded for display."""
        return {k: round(self.penalty(k), 3) for k in self._penalties}

    def fired(self, min_penalty: float = 0.5) -> list[str]:
        """Keys whose raw penalty reaches ``min_penalty``: the "≠ year, director" list."""
        return [k for k, _ in self.items() if self.penalty(k) >= min_penalty]

    def __iter__(self) -> Iterator[tuple[str, float]]:
        return iter(self.items())

    def __float__(self) -> float:
        return self.distance

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Distance, int, float)):
            return self.distance == float(other)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, (Distance, int, float)):
            return self.distance < float(other)
        return NotImplemented

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"Distance({self.distance:.3f}, {self.penalties()})"


def describe(distance: Distance, min_penalty: float = 0.5) -> str:
    """``"≠ year, director"`` for the penalties that fired, or ``""``."""
    keys = distance.fired(min_penalty)
    return ("≠ " + ", ".join(LABELS.get(k, k) for k in keys)) if keys else ""
