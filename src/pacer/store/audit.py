"""The audit table: every change to a log entry, metric value or note, and undoing the last.

Each change writes one audit row in the change's own transaction: the table, the row id, the
row as JSON before (NULL: added) and after (NULL: removed). `undo` reverts the newest change
that is neither an undo nor undone already, and records itself as an 'undo' row naming that
change (`undoes`): so each `undo` walks one change further back, and a removed row is never
lost (its last state stays in the audit). An undo is not itself undone (no redo).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Connection, Store

TYPE_CHECKING = False  # typing costs start-up time (the log is read by `today`)
if TYPE_CHECKING:
    from typing import Literal

    Table = Literal["log", "metric_values", "notes"]
    Action = Literal["add", "edit", "remove", "undo"]

Row = dict[str, object]

# Every column of each audited table, id first: what the JSON of a row holds.
COLUMNS: dict[str, tuple[str, ...]] = {
    "log": ("id", "local_date", "logged_at", "target_kind", "target", "minutes", "done", "note"),
    "metric_values": ("id", "metric", "local_date", "value", "note", "logged_at"),
    "notes": ("id", "post", "local_date", "text", "logged_at"),
}
_AUDIT = "id, table_name, row_id, action, before_json, after_json, undoes, changed_at"


@dataclass(frozen=True, slots=True)
class Change:
    """One audit row: a row of `table` added, edited, removed, or an undo of change `undoes`."""

    id: int
    table: Table
    row_id: int
    action: Action
    before: Row | None
    after: Row | None
    undoes: int | None
    changed_at: str


def _change(row: tuple[object, ...]) -> Change:
    id_, table, row_id, action, before, after, undoes, changed_at = row
    return Change(
        int(str(id_)),
        table,  # type: ignore[arg-type]
        int(str(row_id)),
        action,  # type: ignore[arg-type]
        None if before is None else json.loads(str(before)),
        None if after is None else json.loads(str(after)),
        None if undoes is None else int(str(undoes)),
        str(changed_at),
    )


def read_row(tx: Connection, table: Table, row_id: int) -> Row | None:
    columns = COLUMNS[table]
    found = tx.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (row_id,)
    ).fetchone()
    return None if found is None else dict(zip(columns, found, strict=True))


def next_id(tx: Connection, table: Table) -> int:
    """An id no row of `table` ever had, the audit's removed rows included: an id names one
    row for good (SQLite would hand a removed newest row's id to the next row)."""
    (live,) = tx.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    (audited,) = tx.execute(
        "SELECT coalesce(max(row_id), 0) FROM audit WHERE table_name = ?", (table,)
    ).fetchone()
    return max(int(live), int(audited)) + 1


def record(
    tx: Connection,
    table: Table,
    row_id: int,
    action: Action,
    before: Row | None,
    after: Row | None,
    undoes: int | None = None,
) -> Change:
    """Write the audit row of a change, inside the change's transaction `tx`."""
    changed_at = now_utc().isoformat(timespec="seconds")
    tx.execute(
        "INSERT INTO audit (table_name, row_id, action, before_json, after_json, undoes,"
        " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (table, row_id, action, _dumped(before), _dumped(after), undoes, changed_at),
    )
    return Change(tx.last_insert_rowid(), table, row_id, action, before, after, undoes, changed_at)


def _dumped(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def update_row(tx: Connection, table: Table, row_id: int, values: Row) -> tuple[Row, Row]:
    """Set columns of one row and record the edit; (before, after). The row must exist."""
    before = read_row(tx, table, row_id)
    assert before is not None, (table, row_id)
    columns = [c for c in values if c != "id"]
    assigned = ", ".join(f"{c} = ?" for c in columns)
    tx.execute(
        f"UPDATE {table} SET {assigned} WHERE id = ?", (*(values[c] for c in columns), row_id)
    )
    after = read_row(tx, table, row_id)
    assert after is not None
    if after != before:
        record(tx, table, row_id, "edit", before, after)
    return before, after


def delete_row(tx: Connection, table: Table, row_id: int) -> Row:
    """Remove one row and record it (the audit keeps it); the row must exist."""
    before = read_row(tx, table, row_id)
    assert before is not None, (table, row_id)
    tx.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    record(tx, table, row_id, "remove", before, None)
    return before


def insert_row(tx: Connection, table: Table, values: Row) -> Row:
    """Insert a row under a new id (next_id) and record it; the row as written."""
    row_id = next_id(tx, table)
    columns = ["id", *(c for c in values if c != "id")]
    tx.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        (row_id, *(values[c] for c in columns[1:])),
    )
    after = read_row(tx, table, row_id)
    assert after is not None
    record(tx, table, row_id, "add", None, after)
    return after


def last_change(store: Store) -> Change | None:
    """The change `undo` would revert now (None: nothing recorded is left to undo)."""
    return _last(store.conn)


def _last(conn: Connection) -> Change | None:
    found = conn.execute(
        f"SELECT {_AUDIT} FROM audit AS a WHERE action != 'undo'"
        " AND NOT EXISTS (SELECT 1 FROM audit AS u WHERE u.undoes = a.id)"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if found is None else _change(found)


def undo_last(store: Store) -> Change | None:
    """Revert the newest change not yet undone, in one transaction, and record the undo;
    returns the change reverted (None: nothing left). A row changed since without a record
    (an old database's rows) is refused, not overwritten."""
    with store.write() as tx:
        change = _last(tx)
        if change is None:
            return None
        table, row_id = change.table, change.row_id
        now = read_row(tx, table, row_id)
        if now != change.after:
            raise PacerError(Message("logfix.undo_conflict", table=table, id=row_id))
        if change.before is None:
            tx.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        elif now is None:
            columns = COLUMNS[table]
            tx.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                tuple(change.before[c] for c in columns),
            )
        else:
            kept = [c for c in COLUMNS[table] if c != "id"]
            tx.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in kept)} WHERE id = ?",
                (*(change.before[c] for c in kept), row_id),
            )
        record(tx, table, row_id, "undo", now, change.before, undoes=change.id)
    return change


def changes(store: Store) -> list[Change]:
    """Every audit row, oldest first."""
    rows = store.conn.execute(f"SELECT {_AUDIT} FROM audit ORDER BY id").fetchall()
    return [_change(r) for r in rows]
