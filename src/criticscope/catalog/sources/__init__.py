"""Catalog sources, each a :class:`CatalogSource` plugin registered by name."""

from __future__ import annotations

from .base import BadRow, CatalogImportError, CatalogSource, FileStats, ImportStats
from .bundled import BundledSource
from .imdb import ImdbSource
from .wikidata import WikidataSampleSource

SOURCES: dict[str, type[CatalogSource]] = {
    ImdbSource.name: ImdbSource,
    WikidataSampleSource.name: WikidataSampleSource,
    BundledSource.name: BundledSource,
}


def get_source(name: str) -> CatalogSource:
    try:
        return SOURCES[name]()
    except KeyError:
        raise KeyError(f"unknown catalog source {name!r}; known: {', '.join(SOURCES)}") from None


__all__ = ["SOURCES", "BadRow", "BundledSource", "CatalogImportError", "CatalogSource", "FileStats",
           "ImdbSource", "ImportStats", "WikidataSampleSource", "get_source"]
