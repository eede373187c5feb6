"""The catchup table: catch-up choices the person recorded (the plan file is never touched)."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.audit import mark
from pacer.store.db import Connection, Store

TYPE_CHECKING = False  # the domain class is only needed once a row exists
if TYPE_CHECKING:
    from pacer.schedule.catchup import CatchupChoice

_COLUMNS = "id, kind, milestone, start_date, end_date, units, due_date, reason"


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _choice(row: tuple[object, ...]) -> CatchupChoice:
    from pacer.schedule.catchup import CatchupChoice

    id_, kind, milestone, start, end, units, due, reason = row
    return CatchupChoice(
        kind=kind,  # type: ignore[arg-type]
        milestone=str(milestone),
        start=_day(start),
        end=_day(end),
        units=tuple(str(units).split()) if units else (),
        due=_day(due),
        reason=str(reason),
        id=int(str(id_)),
    )


def add_choice(store: Store, choice: CatchupChoice) -> CatchupChoice:
    with store.write() as tx:
        return insert_choice(tx, choice)


def insert_choice(tx: Connection, choice: CatchupChoice) -> CatchupChoice:
    """Record a choice inside the transaction `tx` (a review records its decisions with it)."""
    tx.execute(
        "INSERT INTO catchup (kind, milestone, start_date, end_date, units, due_date,"
        " reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            choice.kind,
            choice.milestone,
            choice.start.isoformat() if choice.start else None,
            choice.end.isoformat() if choice.end else None,
            " ".join(choice.units),
            choice.due.isoformat() if choice.due else None,
            choice.reason,
            now_utc().isoformat(timespec="seconds"),
        ),
    )
    row = tx.execute(
        f"SELECT {_COLUMNS} FROM catchup WHERE id = ?", (tx.last_insert_rowid(),)
    ).fetchone()
    # undo does not revert a choice (`--drop` does): it stops here, naming it
    mark(tx, "catchup", "add", {"kind": "catchup_apply", "id": row[0], "milestone": row[2]})
    return _choice(row)


def list_choices(store: Store) -> list[CatchupChoice]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM catchup ORDER BY id").fetchall()
    return [_choice(r) for r in rows]


def remove_choice(store: Store, choice_id: int) -> CatchupChoice:
    with store.write() as tx:
        row = tx.execute(f"SELECT {_COLUMNS} FROM catchup WHERE id = ?", (choice_id,)).fetchone()
        if row is None:
            raise PacerError(Message("catchup.no_such", id=choice_id))
        tx.execute("DELETE FROM catchup WHERE id = ?", (choice_id,))
        mark(tx, "catchup", "remove", {"kind": "catchup_drop", "id": row[0], "milestone": row[2]})
    return _choice(row)
