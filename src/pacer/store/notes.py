"""The notes table: material for blog posts (Sundays' 博客素材), each on a local date."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.schedule.blog import Note
from pacer.store.db import Store

_COLUMNS = "id, post, local_date, text, logged_at"


def _note(row: tuple[object, ...]) -> Note:
    id_, post, day, text, logged_at = row
    return Note(int(str(id_)), str(post), date.fromisoformat(str(day)), str(text), str(logged_at))


def add_note(store: Store, post: str, day: date, text: str) -> Note:
    with store.write() as tx:
        tx.execute(
            "INSERT INTO notes (post, local_date, text, logged_at) VALUES (?, ?, ?, ?)",
            (post, day.isoformat(), text, now_utc().isoformat(timespec="seconds")),
        )
        row = tx.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (tx.last_insert_rowid(),)
        ).fetchone()
    return _note(row)


def list_notes(store: Store, post: str | None = None) -> list[Note]:
    """Notes oldest first (by date, then as written), of one post when given."""
    if post is None:
        rows = store.conn.execute(f"SELECT {_COLUMNS} FROM notes ORDER BY local_date, id")
    else:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE post = ? ORDER BY local_date, id", (post,)
        )
    return [_note(r) for r in rows.fetchall()]
