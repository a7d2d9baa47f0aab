"""Named cross-process locks on a store: PostgreSQL session advisory locks, or POSIX record
locks on a file beside an SQLite database.  Both are released by the operating system or
the server when the holding process dies, so a killed worker never leaves a lock behind."""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from ..store import Store

# POSIX record locks belong to the process and closing any descriptor of the file drops them
# all, so each process keeps one descriptor per lock file open for its lifetime.
_FILES: dict[str, int] = {}
_FILES_LOCK = threading.Lock()


def lock_key(name: str) -> int:
    """A signed 64-bit key (what ``pg_advisory_lock`` takes) from a lock name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _sqlite_path(store: Store) -> Path:
    db = store.engine.url.database
    if not db or db == ":memory:":
        raise ValueError("an in-memory SQLite database cannot be shared with workers")
    return Path(db).expanduser().resolve()


def _lock_fd(path: Path) -> int:
    key = str(path)
    with _FILES_LOCK:
        if key not in _FILES:
            _FILES[key] = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
        return _FILES[key]


@contextmanager
def hold(store: Store, name: str) -> Iterator[None]:
    """Hold the lock ``name`` (blocking until it is free)."""
    key = lock_key(name)
    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
            conn.commit()  # the lock is held by the session, not by a transaction
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
        return
    if store.dialect == "sqlite":
        fd = _lock_fd(_sqlite_path(store).with_name(_sqlite_path(store).name + ".locks"))
        offset = key % (1 << 31)
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, offset)
        try:
            yield
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)
        return
    raise ValueError(f"no cross-process locks for the {store.dialect} dialect")
