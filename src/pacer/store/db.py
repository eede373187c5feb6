"""SQLite connections: WAL, busy timeout, one BEGIN IMMEDIATE transaction per write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.migrations import migrate

BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Store:
    """One open database; every write goes through `write()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front, so that two writers queue instead of failing
        halfway with "database is locked"."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def open_store(path: Path) -> Store:
    """Open (creating if needed) and migrate the database at `path`."""
    _refuse_foreign_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise PacerError(Message("store.cannot_open", path=path, detail=str(exc))) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(conn, path)
        migrate(store)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise PacerError(Message("store.not_sqlite", path=path, detail=str(exc))) from None
    except BaseException:
        conn.close()
        raise
    return store


def _refuse_foreign_file(path: Path) -> None:
    """A non-empty file without SQLite's header is someone else's: never write to it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise PacerError(Message("store.not_sqlite", path=path, detail="a directory")) from None
    except OSError as exc:
        raise PacerError(Message("store.cannot_open", path=path, detail=str(exc))) from None
    if head and head != _SQLITE_MAGIC:
        raise PacerError(Message("store.not_sqlite", path=path, detail="no SQLite header"))
