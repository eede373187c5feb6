"""The audit table: every change to the record, and undoing the last.

Each change to a log entry, metric value, note, trip or milestone check writes one audit row
in the change's own transaction: the table, the row id (0 for a check, found by milestone and
criterion), the row as JSON before (NULL: added) and after (NULL: removed). `undo` reverts the
newest change that is neither an undo nor undone already, and records itself as an 'undo' row
naming that change (`undoes`): so each `undo` walks one change further back, and a removed
row is never lost (its last state stays in the audit). An undo is not itself undone (no redo).

Every other write (a catch-up choice, a review, accepted orphans, the roster, `plan use`,
`plan why`) writes a marker row (MARKS: after_json says what it was): undo
reverts none of them and never reaches past one, it names it instead.
"""

from __future__ import annotations

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record as frozen_record
from pacer.store.db import Connection, Store

TYPE_CHECKING = False  # typing costs start-up time (the log is read by `today`)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Literal, TypeVar

    T = TypeVar("T")

    Table = Literal[
        "log",
        "metric_values",
        "notes",
        "trips",
        "milestone_checks",
        "catchup",
        "reviews",
        "accepted_orphans",
        "roster",
        "plan",
    ]
    Action = Literal["add", "edit", "remove", "undo"]

Row = dict[str, object]

# Every column of each audited table, id first: what the JSON of a row holds.
COLUMNS: dict[str, tuple[str, ...]] = {
    "log": ("id", "local_date", "logged_at", "target_kind", "target", "minutes", "done", "note"),
    "metric_values": ("id", "metric", "local_date", "value", "note", "logged_at"),
    "notes": ("id", "post", "local_date", "text", "logged_at"),
    "trips": ("id", "start_date", "end_date", "note", "uid", "created_at", "kind", "tz"),
    "milestone_checks": ("milestone", "criterion", "evidence", "local_date", "checked_at"),
}
# The columns that find a row of a table without an id (its row_id in the audit is 0).
KEYS: dict[str, tuple[str, ...]] = {"milestone_checks": ("milestone", "criterion")}
# Writes undo does not revert: recorded so that undo knows it must stop there.
MARKS = ("catchup", "reviews", "accepted_orphans", "roster", "plan")
TABLES = (*COLUMNS, *MARKS)
ACTIONS = ("add", "edit", "remove", "undo")
_AUDIT = "id, table_name, row_id, action, before_json, after_json, undoes, changed_at"


@frozen_record
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
    parsed = (_loaded(before), _loaded(after))
    problem = problem_of(table, row_id, action, *parsed)
    if problem is not None:
        raise PacerError(Message("logfix.bad_audit_row", id=id_, field=problem))
    return Change(
        int(str(id_)),
        table,  # type: ignore[arg-type]
        int(str(row_id)),
        action,  # type: ignore[arg-type]
        parsed[0],  # type: ignore[arg-type]
        parsed[1],  # type: ignore[arg-type]
        None if undoes is None else int(str(undoes)),
        str(changed_at),
    )


_BAD = object()  # JSON text that does not parse


def _loaded(text: object) -> object:
    if text is None:
        return None
    try:
        import json  # not at import: `pacer today` reads no audit row

        return json.loads(str(text))
    except ValueError:
        return _BAD


def problem_of(
    table: object, row_id: object, action: object, before: object, after: object
) -> str | None:
    """The field of an audit row that undo could not use (None: it can): a table or action
    this pacer does not know, JSON that is not an object (or null where the action allows
    it), an object without the table's columns or whose id is not the row's id."""
    if table not in TABLES:
        return "table_name"
    if action not in ACTIONS:
        return "action"
    if not isinstance(row_id, int) or isinstance(row_id, bool) or row_id < 0:
        return "row_id"
    # (what before/after may be for this action: None, a dict, or either)
    shapes = {
        "add": (False, True),
        "edit": (True, True),
        "remove": (True, False),
        "undo": (None, None),
    }[str(action)]
    if table in MARKS:
        shapes = (False, True)
    for field, value, shape in (
        ("before_json", before, shapes[0]),
        ("after_json", after, shapes[1]),
    ):
        if value is None and shape is not True:
            continue
        if not isinstance(value, dict) or shape is False:
            return field
        if table in MARKS:
            continue
        columns = COLUMNS[str(table)]
        if set(value) != set(columns):
            return field
        if "id" in columns and value["id"] != row_id:
            return field
        if "id" not in columns and row_id != 0:
            return "row_id"
    if before is None and after is None:
        return "after_json"
    return None


def _where(table: Table, row_id: int, row: Row | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause that finds the row: by id, or by KEYS taken from `row`."""
    keys = KEYS.get(table)
    if keys is None:
        return "id = ?", (row_id,)
    assert row is not None
    return " AND ".join(f"{k} = ?" for k in keys), tuple(row[k] for k in keys)


def read_row(tx: Connection, table: Table, row_id: int, key: Row | None = None) -> Row | None:
    """A row as the audit holds it: by id, or (a table without an id) by KEYS from `key`."""
    columns = COLUMNS[table]
    where, args = _where(table, row_id, key)
    found = tx.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", args).fetchone()
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


def mark(tx: Connection, table: Table, action: Action, what: Row) -> None:
    """Record a write undo does not revert (a MARKS table), inside its transaction `tx`."""
    record(tx, table, 0, action, None, what)


def _dumped(row: Row | None) -> str | None:
    import json

    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def update_row(
    tx: Connection, table: Table, row_id: int, values: Row, key: Row | None = None
) -> tuple[Row, Row]:
    """Set columns of one row and record the edit; (before, after). The row must exist."""
    before = read_row(tx, table, row_id, key)
    assert before is not None, (table, row_id)
    columns = [c for c in values if c != "id"]
    assigned = ", ".join(f"{c} = ?" for c in columns)
    where, args = _where(table, row_id, key)
    tx.execute(
        f"UPDATE {table} SET {assigned} WHERE {where}", (*(values[c] for c in columns), *args)
    )
    after = read_row(tx, table, row_id, key)
    assert after is not None
    if after != before:
        record(tx, table, row_id, "edit", before, after)
    return before, after


def delete_row(tx: Connection, table: Table, row_id: int, key: Row | None = None) -> Row:
    """Remove one row and record it (the audit keeps it); the row must exist."""
    before = read_row(tx, table, row_id, key)
    assert before is not None, (table, row_id)
    where, args = _where(table, row_id, key)
    tx.execute(f"DELETE FROM {table} WHERE {where}", args)
    record(tx, table, row_id, "remove", before, None)
    return before


def insert_row(tx: Connection, table: Table, values: Row) -> Row:
    """Insert a row under a new id (next_id; a table without an id: found by KEYS) and
    record it; the row as written."""
    has_id = table not in KEYS
    row_id = next_id(tx, table) if has_id else 0
    columns = [*(["id"] if has_id else []), *(c for c in values if c != "id")]
    given = [*([row_id] if has_id else []), *(values[c] for c in columns[int(has_id) :])]
    tx.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        given,
    )
    after = read_row(tx, table, row_id, values)
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


def undo_last(store: Store, check: Callable[[Change], T]) -> tuple[Change, T] | None:
    """Revert the newest change not yet undone, in one transaction, and record the undo;
    returns the change reverted and what `check` made of it (None: nothing left). `check`
    runs first and refuses by raising: a marker (a write undo does not revert) is never
    reached past. A row changed since without a record (an old database's rows) is refused,
    not overwritten."""
    with store.write() as tx:
        change = _last(tx)
        if change is None:
            return None
        said = check(change)
        if change.table in MARKS:  # `check` must have refused it
            raise PacerError(Message("logfix.bad_audit_row", id=change.id, field="table_name"))
        table, row_id = change.table, change.row_id
        key = change.after if change.after is not None else change.before
        now = read_row(tx, table, row_id, key)
        if now != change.after:
            raise PacerError(Message("logfix.undo_conflict", table=table, id=row_id))
        where, args = _where(table, row_id, key)
        if change.before is None:
            tx.execute(f"DELETE FROM {table} WHERE {where}", args)
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
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in kept)} WHERE {where}",
                (*(change.before[c] for c in kept), *args),
            )
        record(tx, table, row_id, "undo", now, change.before, undoes=change.id)
    return change, said


def changes(store: Store) -> list[Change]:
    """Every audit row, oldest first."""
    rows = store.conn.execute(f"SELECT {_AUDIT} FROM audit ORDER BY id").fetchall()
    return [_change(r) for r in rows]
