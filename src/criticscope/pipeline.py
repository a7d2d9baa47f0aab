"""The analysis pipeline: a review document and the components that annotate it.

Each component is a small object with a ``name``, the names of the ``requires``
it reads from ``doc.ext`` and the ``assigns`` it writes there, and a
``__call__(doc) -> doc``.  Everything a component assigns is JSON-serialisable so
the store can keep it and a single stage can be re-run later on stored reviews
(``criticscope reprocess --stage NAME``).

Default stage order (see ``defaults.toml``)::

    sentences -> ratings -> verdict -> linking -> aspects -> spoilers -> pullquote

Contract of ``doc.ext`` keys (each stage writes exactly its own key):

* ``sentences``: list of ``{"start", "end", "text", "paragraph", "heading"}`` over
  ``doc.text``; the verdict stage adds ``"p_positive"`` to each.
* ``ratings``: ``{"best": Rating|None, "mentions": [Rating...]}`` where a Rating is
  ``{"text", "start", "end", "scale", "value", "score", "kind", "source"}``
  (``score`` is 0-100; ``source`` is ``"text"`` or ``"structured"``).
* ``verdict``: ``{"verdict", "source", "p_positive", "model_verdict",
  "estimated_score", "rating_score", "audience": [{"index", "p_positive", "verdict"}...]}``.
* ``linking``: ``{"status", "film_id", "confidence", "recommendation",
  "candidates": [...], "evidence": [...], "mentions": [...]}``.
* ``aspects``: ``{"items": [{"aspect", "polarity", "score", "start", "end", "text", "sentence"}...],
  "summary": {aspect: {"polarity", "positive", "negative", "evidence"}}}``.
* ``spoilers``: ``{"spoiler", "confidence", "sentences": [{"index", "start", "end", "score", "cues"}...],
  "scores": {index: score}}`` (``sentences`` lists those above the threshold).
* ``pullquote``: ``{"text", "start", "end", "alternates": [...]}``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

log = logging.getLogger(__name__)


@dataclass
class Comment:
    """A reader comment split off a review page; never part of the critic's text."""

    text: str
    author: str | None = None
    posted_at: str | None = None  # ISO 8601 when parsed
    header: str | None = None  # the line as written, e.g. "June 12th, 2025 at 1:57 pm"


@dataclass
class ReviewDoc:
    """One critic review as the pipeline sees it.

    ``text`` is the clean critic text: paragraphs joined by blank lines, headings
    kept on their own lines.  Character offsets in every stage refer to it.
    """

    review_id: str
    text: str
    headline: str | None = None
    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    critic: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None  # path or URL the page came from
    language: str | None = None
    comments: list[Comment] = field(default_factory=list)
    structured: dict[str, Any] = field(default_factory=dict)  # JSON-LD Review data
    ext: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def sentences(self) -> list[dict[str, Any]]:
        return self.ext.get("sentences") or []


@runtime_checkable
class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: ReviewDoc) -> ReviewDoc: ...


class PipelineError(RuntimeError):
    pass


@dataclass
class StageFailure:
    stage: str
    review_id: str
    error: str


class Pipeline:
    """An ordered list of components with per-component error isolation.

    A component that raises on one document records the error on that document
    (``doc.errors``) and the document continues through the stages whose
    requirements are still met.
    """

    def __init__(self, components: Sequence[Component]):
        self.components = list(components)
        self.check()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def check(self, available: Iterable[str] = ()) -> None:
        """Raise if a component requires something no earlier component assigns."""
        have = set(available)
        for comp in self.components:
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {comp.name!r} requires {missing} which no earlier stage assigns")
            have.update(comp.assigns)

    def get(self, name: str) -> Component:
        for comp in self.components:
            if comp.name == name:
                return comp
        raise KeyError(name)

    def __call__(self, doc: ReviewDoc, only: Sequence[str] | None = None) -> ReviewDoc:
        for comp in self.components:
            if only is not None and comp.name not in only:
                continue
            missing = [r for r in comp.requires if r not in doc.ext]
            if missing:
                doc.errors.append(f"{comp.name}: skipped, missing {', '.join(missing)}")
                continue
            try:
                result = comp(doc)
            except Exception as exc:  # isolate one stage's failure to one document
                log.exception("stage %s failed on %s", comp.name, doc.review_id)
                doc.errors.append(f"{comp.name}: {type(exc).__name__}: {exc}")
                continue
            if not isinstance(result, ReviewDoc):
                raise PipelineError(f"stage {comp.name!r} returned {type(result).__name__}, not ReviewDoc")
            doc = result
        return doc

    def pipe(self, docs: Iterable[ReviewDoc], only: Sequence[str] | None = None) -> Iterator[ReviewDoc]:
        for doc in docs:
            yield self(doc, only=only)


ComponentFactory = Callable[..., Component]
