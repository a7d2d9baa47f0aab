from __future__ import annotations

from sqlalchemy import inspect

from criticscope.store import Store


def test_migrations_create_schema_and_are_idempotent(db_url):
    store = Store.open(db_url)
    store.migrate()  # a second upgrade is a no-op
    tables = set(inspect(store.engine).get_table_names())
    assert {"raw_inputs", "reviews", "comments", "journal", "analyses", "link_decisions", "films",
            "film_titles", "people", "credits", "mentions", "aspects", "jobs"} <= tables
    store.close()


def test_sqlite_uses_wal(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()
