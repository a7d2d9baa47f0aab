"""Film linking: which exact film a review is about, with evidence, confidence
and abstention, plus the other films and people it mentions.

The pipeline stage (``create_component``) writes ``doc.ext["linking"]``::

    {"status": "linked" | "ambiguous" | "not_in_catalog" | "none",
     "film_id", "confidence", "recommendation", "source": "auto" | "user",
     "candidates": [{"film_id", "title", "year", "directors", "distance",
                     "confidence", "penalties", "fired"}...],   # best five
     "evidence": [{"kind", "text", "start", "end", "detail"}...],
     "mentions": [{"kind": "film" | "person", "text", "start", "end",
                   "sentence", "film_id" | "person_id", "confidence"}...],
     "cast": [names of the linked film's cast found in the text],
     "notes": [why it abstained, provisional films created]}
"""

from __future__ import annotations

from typing import Any

from criticscope.config import Settings
from criticscope.pipeline import ReviewDoc

from .distance import Distance, describe
from .linker import Linker
from .match import Match, Proposal, Recommendation, Thresholds, propose

__all__ = [
    "Distance",
    "LinkingComponent",
    "Linker",
    "Match",
    "Proposal",
    "Recommendation",
    "Thresholds",
    "create_component",
    "describe",
    "propose",
]


class LinkingComponent:
    """Pipeline stage ``linking``; loads the catalog index once, on first use."""

    name = "linking"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("linking",)

    def __init__(self, settings: Settings, *, store: Any = None, index: Any = None):
        self.settings = settings
        self.store = store
        self._index = index
        self._linker: Linker | None = None

    @property
    def index(self) -> Any:
        if self._index is None:
            if self.store is None:
                raise RuntimeError("the linking stage needs a store (or an index) to read the catalog from")
            from criticscope.catalog import CatalogIndex

            self._index = CatalogIndex.load(self.store)
        return self._index

    @property
    def linker(self) -> Linker:
        if self._linker is None:
            self._linker = Linker(self.index, self.settings.linking, provisional=self._provisional_factory())
        return self._linker

    def _provisional_factory(self):
        if self.store is None or not getattr(self.settings.linking, "create_provisional", True):
            return None
        from criticscope.catalog import create_provisional

        store = self.store

        def make(*, title: str, year: int | None, directors: list[str]) -> int | None:
            film_id = create_provisional(store, title=title, year=year, directors=directors)
            if hasattr(self._index, "add_films"):
                self._index.add_films(store, [film_id])  # later reviews of it find it
            return film_id

        return make

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        doc.ext["linking"] = self.linker.link(doc)
        return doc


def create_component(settings: Settings, *, store: Any = None, index: Any = None, **resources: Any
                     ) -> LinkingComponent:
    return LinkingComponent(settings, store=store, index=index)
