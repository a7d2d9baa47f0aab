"""Core-level helpers for the catalog tables: dialect-aware upserts and chunked lookups.

Catalog writes go through SQLAlchemy Core with ``executemany`` (no ORM objects), so a
bulk import costs one round trip per batch, not per row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Insert

from ..models import Credit, Film, FilmTitle, ImportProgress, Person

FILMS: Table = Film.__table__  # type: ignore[assignment]
TITLES: Table = FilmTitle.__table__  # type: ignore[assignment]
PEOPLE: Table = Person.__table__  # type: ignore[assignment]
CREDITS: Table = Credit.__table__  # type: ignore[assignment]
PROGRESS: Table = ImportProgress.__table__  # type: ignore[assignment]

KEY_SEP = "|"  # separates stored lookup keys; normalized keys never contain it

T = TypeVar("T")


def dialect_insert(conn: Connection, table: Table) -> Insert:
    """``INSERT`` with ``on_conflict_*`` support for SQLite and PostgreSQL."""
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - criticscope supports these two
        raise NotImplementedError(f"catalog writes need SQLite or PostgreSQL, not {name}")
    return insert(table)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict: Sequence[str]) -> None:
    """Insert ``rows``, skipping those that collide on the unique columns ``conflict``."""
    if rows:
        conn.execute(dialect_insert(conn, table).on_conflict_do_nothing(index_elements=list(conflict)), rows)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict: Sequence[str],
           update: Sequence[str], returning: Sequence[str] = ()) -> list[Any]:
    """Insert ``rows``, updating the ``update`` columns of rows that collide on
    ``conflict``; with ``returning``, the named columns of every row written."""
    if not rows:
        return []
    stmt = dialect_insert(conn, table)
    stmt = stmt.on_conflict_do_update(index_elements=list(conflict),
                                      set_={c: stmt.excluded[c] for c in update})
    if returning:
        stmt = stmt.returning(*[table.c[c] for c in returning])
        return list(conn.execute(stmt, rows))
    conn.execute(stmt, rows)
    return []


def allocate_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` fresh primary keys for ``table``, so a bulk insert needs no RETURNING
    (which SQLite can only order row by row).  Call inside the writing transaction."""
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
        rows = conn.execute(text("SELECT nextval(:s) FROM generate_series(1, :n)"), {"s": seq, "n": n})
        return [r[0] for r in rows]
    start = conn.scalar(select(func.max(table.c.id))) or 0
    return list(range(start + 1, start + n + 1))


def raw_insert(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
               conflict: Sequence[str] = (), update: Sequence[str] = ()) -> None:
    """Bulk insert positional ``rows`` straight through the driver's ``executemany``
    (no per-row parameter processing: values must be plain str/int/float/None).  With
    ``conflict``: skip colliding rows, or update the ``update`` columns of them."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join([mark] * len(columns))})")
    if conflict and update:
        sets = ", ".join(f"{c} = excluded.{c}" for c in update)
        sql += f" ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {sets}"
    elif conflict:
        sql += f" ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
    conn.exec_driver_sql(sql, [tuple(r) for r in rows])


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def join_keys(keys: Iterable[str]) -> str | None:
    text = KEY_SEP.join(k for k in keys if k)
    return text or None


def split_keys(text: str | None) -> list[str]:
    return text.split(KEY_SEP) if text else []
