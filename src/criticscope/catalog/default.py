"""The default catalog: the bundled starter films plus the Wikidata sample, built on
first use when the catalog holds no real film yet."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..config import Settings
from ..store import Store
from .db import FILMS
from .provisional import merge_provisional
from .sources.base import CatalogImportError, ImportStats
from .sources.bundled import read_bundled
from .sources.wikidata import CAST_ORD_BASE, DEFAULT_MAX_CAST, movies_db_path, read_movies_db
from .writer import RecordWriter

log = logging.getLogger(__name__)


def catalog_is_empty(store: Store) -> bool:
    with store.engine.connect() as conn:
        return not conn.scalar(select(func.count()).select_from(FILMS).where(FILMS.c.provisional.is_(False)))


def build_default_catalog(store: Store, settings: Settings | None = None) -> ImportStats:
    """Bundled films first (curated: billing-ordered cast, platforms, alternative
    titles), then the Wikidata sample merged into them, in one transaction."""
    stats = ImportStats(source="default")
    bundled = read_bundled(None, stats)
    try:
        wikidata = read_movies_db(movies_db_path(), max_cast=DEFAULT_MAX_CAST, stats=stats)
    except CatalogImportError as exc:  # the package is an install-time dependency; keep going without it
        log.warning("default catalog without the Wikidata sample: %s", exc)
        wikidata = []
    with store.engine.begin() as conn:
        RecordWriter(conn, source="bundled").write(bundled)
        RecordWriter(conn, source="wikidata-sample").write(wikidata, cast_ord_base=CAST_ORD_BASE)
    stats.merged_provisional = merge_provisional(store)
    return stats


def ensure_default_catalog(store: Store, settings: Settings | None = None) -> bool:
    """Build the default catalog if the catalog has no real film; True if it built."""
    if not catalog_is_empty(store):
        return False
    try:
        stats = build_default_catalog(store, settings)
    except IntegrityError:  # another process built it at the same time
        if catalog_is_empty(store):
            raise
        return False
    for bad in stats.bad_rows:
        log.warning("default catalog: skipped %s", bad)
    return True
