"""Migration 0002 (catalog) goes up and down on SQLite and PostgreSQL and matches the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from criticscope.models import Base
from criticscope.store import Store, alembic_config

CATALOG_TABLES = {"films", "film_titles", "people", "credits", "import_progress"}


def _migrate(store: Store, target: str) -> None:
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if target == "head":
            command.upgrade(cfg, target)
        else:
            command.downgrade(cfg, target)


def _table_of(op) -> str | None:
    """The table an autogenerate difference is about (ops are tuples, or lists of them)."""
    item = op[0] if isinstance(op, list) else op
    for obj in item[1:]:
        if isinstance(obj, str) and obj in CATALOG_TABLES:
            return obj
        table = getattr(obj, "table", None)
        if table is not None:
            return table.name
        if getattr(obj, "name", None) in CATALOG_TABLES:
            return obj.name
    return None


def _catalog_diff(store: Store) -> list:
    """Differences between the models and the database on the catalog tables, leaving
    out the full-text indexes the search feature adds on its own."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    return [op for op in diff if _table_of(op) in CATALOG_TABLES and "tsv" not in repr(op) and "fts" not in repr(op)]


def test_catalog_migration_up_down_up(db_url) -> None:
    store = Store.open(db_url)
    try:
        columns = {c["name"] for c in inspect(store.engine).get_columns("film_titles")}
        assert {"kind", "variants"} <= columns
        assert _catalog_diff(store) == []
        _migrate(store, "0001")
        insp = inspect(store.engine)
        assert "variants" not in {c["name"] for c in insp.get_columns("film_titles")}
        assert "name_keys" not in {c["name"] for c in insp.get_columns("people")}
        assert "ix_film_titles_film_id" in {i["name"] for i in insp.get_indexes("film_titles")}
        _migrate(store, "head")
        insp = inspect(store.engine)
        assert "ux_film_titles_film_norm" in {i["name"] for i in insp.get_indexes("film_titles")}
        role = next(c for c in insp.get_columns("credits") if c["name"] == "role")
        assert role["type"].length == 20
        assert _catalog_diff(store) == []
    finally:
        store.close()
