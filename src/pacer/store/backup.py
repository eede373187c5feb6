"""A copy of the database through SQLite's online backup API: a consistent snapshot taken
while other processes go on writing (WAL lets readers and one writer run side by side)."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

import apsw

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import FILE_MODE, Store, disk_full


def backup_into(store: Store, target: Path) -> None:
    """Copy the whole database into the new file `target` in one step (one read snapshot, so
    a write meanwhile is either all in the copy or not at all), as a single self-contained
    file (rollback journal, not WAL), readable by its owner only, and check the copy."""
    try:
        dest = apsw.Connection(str(target))
        # SQLite makes the file on open; the copy is as private as the database itself.
        with suppress(OSError):
            os.chmod(target, FILE_MODE)
    except apsw.Error as exc:
        raise PacerError(Message("backup.failed", path=target, detail=str(exc))) from None
    try:
        with dest.backup("main", store.conn.raw, "main") as copy:
            copy.step(-1)  # every page in one step: one snapshot of the source
        dest.execute("PRAGMA journal_mode = DELETE").fetchall()
        found = [str(r[0]) for r in dest.execute("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            raise PacerError(Message("backup.failed", path=target, detail="; ".join(found)))
    except apsw.Error as exc:
        if disk_full(target):  # SQLite's words for it vary ("disk I/O error", "not an error")
            raise PacerError(Message("store.full", path=target.parent)) from None
        raise PacerError(Message("backup.failed", path=target, detail=str(exc))) from None
    finally:
        dest.close()
