"""A copy of the database through SQLite's online backup API: a consistent snapshot taken
while other processes go on writing (WAL lets readers and one writer run side by side)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Store


def backup_into(store: Store, target: Path) -> None:
    """Copy the whole database into the new file `target` in one step (one read snapshot, so
    a write meanwhile is either all in the copy or not at all), as a single self-contained
    file (rollback journal, not WAL), and check the copy."""
    try:
        dest = sqlite3.connect(target, isolation_level=None)
    except sqlite3.Error as exc:
        raise PacerError(Message("backup.failed", path=target, detail=str(exc))) from None
    try:
        store.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        found = [str(r[0]) for r in dest.execute("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            raise PacerError(Message("backup.failed", path=target, detail="; ".join(found)))
    except sqlite3.Error as exc:
        raise PacerError(Message("backup.failed", path=target, detail=str(exc))) from None
    finally:
        dest.close()
