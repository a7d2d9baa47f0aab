"""The film catalog: films and people that reviews link to.

* :mod:`~criticscope.catalog.normalize`: title and name keys shared by every comparison.
* :mod:`~criticscope.catalog.index`: :class:`CatalogIndex`, in-memory candidate lookup.
* :mod:`~criticscope.catalog.sources`: import plugins (IMDb TSV datasets, the Wikidata
  sample, the bundled starter catalog) behind :class:`CatalogSource`.
* :mod:`~criticscope.catalog.provisional`: placeholder films and their later merge.
"""

from __future__ import annotations

from .default import build_default_catalog, ensure_default_catalog
from .index import Candidate, CatalogIndex
from .normalize import name_keys, name_tokens, normalize_name, normalize_title, title_tokens, title_variants
from .provisional import create_provisional, merge_provisional
from .sources import SOURCES, CatalogImportError, CatalogSource, ImportStats, get_source

__all__ = [
    "SOURCES",
    "Candidate",
    "CatalogImportError",
    "CatalogIndex",
    "CatalogSource",
    "ImportStats",
    "build_default_catalog",
    "create_provisional",
    "ensure_default_catalog",
    "get_source",
    "merge_provisional",
    "name_keys",
    "name_tokens",
    "normalize_name",
    "normalize_title",
    "title_tokens",
    "title_variants",
]
