"""The metric_values table: self-reported numbers, each on a local date."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.schedule.metrics import Reading
from pacer.store.audit import delete_row, insert_row, read_row, update_row
from pacer.store.db import Store

_COLUMNS = "id, metric, local_date, value, note, logged_at"


def _reading(row: tuple[object, ...]) -> Reading:
    id_, metric, day, value, note, logged_at = row
    return Reading(
        int(str(id_)),
        str(metric),
        date.fromisoformat(str(day)),
        float(str(value)),
        str(note),
        str(logged_at),
    )


def add_value(store: Store, metric: str, day: date, value: float, note: str) -> Reading:
    with store.write() as tx:
        row = insert_row(
            tx,
            "metric_values",
            {
                "metric": metric,
                "local_date": day.isoformat(),
                "value": value,
                "note": note,
                "logged_at": now_utc().isoformat(timespec="seconds"),
            },
        )
    return reading_of(row)


def reading_of(row: dict[str, object]) -> Reading:
    return _reading(tuple(row[c] for c in _COLUMNS.split(", ")))


def get_value(store: Store, value_id: int) -> Reading | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM metric_values WHERE id = ?", (value_id,)
    ).fetchone()
    return None if row is None else _reading(row)


def edit_value(store: Store, value_id: int, day: date, value: float) -> tuple[Reading, Reading]:
    """Change a value's number and date (recorded in the audit); (before, after)."""
    with store.write() as tx:
        if read_row(tx, "metric_values", value_id) is None:
            raise PacerError(Message("logfix.no_metric_value", id=value_id))
        before, after = update_row(
            tx, "metric_values", value_id, {"local_date": day.isoformat(), "value": value}
        )
    return reading_of(before), reading_of(after)


def remove_value(store: Store, value_id: int) -> Reading:
    """Remove a value; the audit keeps it (`undo` brings it back)."""
    with store.write() as tx:
        if read_row(tx, "metric_values", value_id) is None:
            raise PacerError(Message("logfix.no_metric_value", id=value_id))
        return reading_of(delete_row(tx, "metric_values", value_id))


def list_values(store: Store, metric: str | None = None) -> list[Reading]:
    """Values oldest first (by date, then as recorded), of one metric when given."""
    if metric is None:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM metric_values ORDER BY local_date, id"
        ).fetchall()
    else:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM metric_values WHERE metric = ? ORDER BY local_date, id",
            (metric,),
        ).fetchall()
    return [_reading(r) for r in rows]
