"""The trips table: absences (a trip, a vacation, a sick day …), each with its kind."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from pacer.calendar.days import Trip, overlap_of
from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.audit import delete_row, insert_row
from pacer.store.db import Store

_COLUMNS = "id, start_date, end_date, note, kind, tz"


def _trip(row: tuple[object, ...]) -> Trip:
    id_, start, end, note, kind, tz = row
    return Trip(
        int(str(id_)),
        date.fromisoformat(str(start)),
        date.fromisoformat(str(end)),
        str(note),
        str(kind),
        None if tz is None else str(tz),
    )


def add_trip(
    store: Store,
    start: date,
    end: date,
    note: str,
    uid: str | None = None,
    kind: str = "travel",
    tz: str | None = None,
) -> Trip:
    """Record a trip (an absence of `kind`); trips may not overlap (one decides a day)."""
    with store.write() as tx:
        rows = tx.execute(f"SELECT {_COLUMNS} FROM trips ORDER BY start_date").fetchall()
        other = overlap_of(start, end, (_trip(r) for r in rows))
        if other is not None:
            raise PacerError(
                Message("trip.overlaps", id=other.id, start=other.start, end=other.end)
            )
        row = insert_row(tx, "trips", _values(start, end, note, uid, kind, tz))
    return Trip(int(str(row["id"])), start, end, note, kind, tz)


def _values(
    start: date, end: date, note: str, uid: str | None, kind: str, tz: str | None
) -> dict[str, object]:
    return {
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "note": note,
        "uid": uid,
        "created_at": now_utc().isoformat(timespec="seconds"),
        "kind": kind,
        "tz": tz,
    }


def list_trips(store: Store) -> list[Trip]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM trips ORDER BY start_date, id").fetchall()
    return [_trip(r) for r in rows]


def remove_trip(store: Store, trip_id: int) -> Trip:
    with store.write() as tx:
        row = tx.execute(f"SELECT {_COLUMNS} FROM trips WHERE id = ?", (trip_id,)).fetchone()
        if row is None:
            raise PacerError(Message("trip.no_such", id=trip_id))
        delete_row(tx, "trips", trip_id)  # the audit keeps it: `undo` brings it back
    return _trip(row)


def imported_uids(store: Store) -> dict[int, str]:
    """Trip id -> the calendar UID it was imported with (imported trips only)."""
    rows = store.conn.execute("SELECT id, uid FROM trips WHERE uid IS NOT NULL").fetchall()
    return {int(id_): str(uid) for id_, uid in rows}


def import_trips(
    store: Store, trips: Sequence[tuple[str, date, date, str, str]]
) -> list[tuple[str, Trip]]:
    """Add (uid, start, end, note, kind) trips in one transaction: all of them or, on any
    error, none. Per trip, in order: ("added", the new trip), ("known", the trip already
    imported with that uid) or ("overlaps", the trip it would overlap, maybe one added just
    before)."""
    out: list[tuple[str, Trip]] = []
    with store.write() as tx:
        rows = tx.execute(f"SELECT {_COLUMNS}, uid FROM trips ORDER BY start_date").fetchall()
        known = {str(r[6]): _trip(r[:6]) for r in rows if r[6] is not None}
        # Trips never overlap, so ordered by start they are ordered by end too: the one a
        # new trip could overlap is the first that ends on or after its start.
        held = [_trip(r[:6]) for r in rows]
        ends = [t.end for t in held]
        for uid, start, end, note, kind in trips:
            if uid in known:
                out.append(("known", known[uid]))
                continue
            at = bisect.bisect_left(ends, start)
            if at < len(held) and held[at].start <= end:
                out.append(("overlaps", held[at]))
                continue
            added = insert_row(tx, "trips", _values(start, end, note, uid, kind, None))
            trip = Trip(int(str(added["id"])), start, end, note, kind)
            known[uid] = trip
            held.insert(at, trip)
            ends.insert(at, end)
            out.append(("added", trip))
    return out
