"""The notes table: material for blog posts (Sundays' 博客素材), each on a local date."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.schedule.blog import Note
from pacer.store.audit import delete_row, insert_row, read_row, update_row
from pacer.store.db import Store

_COLUMNS = "id, post, local_date, text, logged_at"


def _note(row: tuple[object, ...]) -> Note:
    id_, post, day, text, logged_at = row
    return Note(int(str(id_)), str(post), date.fromisoformat(str(day)), str(text), str(logged_at))


def add_note(store: Store, post: str, day: date, text: str) -> Note:
    with store.write() as tx:
        row = insert_row(
            tx,
            "notes",
            {
                "post": post,
                "local_date": day.isoformat(),
                "text": text,
                "logged_at": now_utc().isoformat(timespec="seconds"),
            },
        )
    return note_of(row)


def note_of(row: dict[str, object]) -> Note:
    return _note(tuple(row[c] for c in _COLUMNS.split(", ")))


def get_note(store: Store, note_id: int) -> Note | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
    return None if row is None else _note(row)


def edit_note(store: Store, note_id: int, text: str) -> tuple[Note, Note]:
    """Change a note's text (recorded in the audit); (before, after)."""
    with store.write() as tx:
        if read_row(tx, "notes", note_id) is None:
            raise PacerError(Message("logfix.no_note", id=note_id))
        before, after = update_row(tx, "notes", note_id, {"text": text})
    return note_of(before), note_of(after)


def remove_note(store: Store, note_id: int) -> Note:
    """Remove a note; the audit keeps it (`undo` brings it back)."""
    with store.write() as tx:
        if read_row(tx, "notes", note_id) is None:
            raise PacerError(Message("logfix.no_note", id=note_id))
        return note_of(delete_row(tx, "notes", note_id))


def list_notes(store: Store, post: str | None = None) -> list[Note]:
    """Notes oldest first (by date, then as written), of one post when given."""
    if post is None:
        rows = store.conn.execute(f"SELECT {_COLUMNS} FROM notes ORDER BY local_date, id")
    else:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE post = ? ORDER BY local_date, id", (post,)
        )
    return [_note(r) for r in rows.fetchall()]
