"""The trips table: date ranges during which the travel week shape applies."""

from __future__ import annotations

from datetime import date

from pacer.calendar.days import Trip
from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Store


def _trip(row: tuple[object, ...]) -> Trip:
    id_, start, end, note = row
    return Trip(
        int(str(id_)), date.fromisoformat(str(start)), date.fromisoformat(str(end)), str(note)
    )


def add_trip(store: Store, start: date, end: date, note: str, uid: str | None = None) -> Trip:
    """Record a trip; trips may not overlap (one trip at a time decides a day)."""
    with store.write() as tx:
        clash = tx.execute(
            "SELECT id, start_date, end_date, note FROM trips"
            " WHERE start_date <= ? AND end_date >= ? ORDER BY start_date LIMIT 1",
            (end.isoformat(), start.isoformat()),
        ).fetchone()
        if clash is not None:
            other = _trip(clash)
            raise PacerError(
                Message("trip.overlaps", id=other.id, start=other.start, end=other.end)
            )
        cur = tx.execute(
            "INSERT INTO trips (start_date, end_date, note, uid, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                start.isoformat(),
                end.isoformat(),
                note,
                uid,
                now_utc().isoformat(timespec="seconds"),
            ),
        )
    return Trip(int(cur.lastrowid or 0), start, end, note)


def list_trips(store: Store) -> list[Trip]:
    rows = store.conn.execute(
        "SELECT id, start_date, end_date, note FROM trips ORDER BY start_date, id"
    ).fetchall()
    return [_trip(r) for r in rows]


def remove_trip(store: Store, trip_id: int) -> Trip:
    with store.write() as tx:
        row = tx.execute(
            "SELECT id, start_date, end_date, note FROM trips WHERE id = ?", (trip_id,)
        ).fetchone()
        if row is None:
            raise PacerError(Message("trip.no_such", id=trip_id))
        tx.execute("DELETE FROM trips WHERE id = ?", (trip_id,))
    return _trip(row)
