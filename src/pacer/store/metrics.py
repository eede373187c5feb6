"""The metric_values table: self-reported numbers, each on a local date."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.schedule.metrics import Reading
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
        tx.execute(
            "INSERT INTO metric_values (metric, local_date, value, note, logged_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (metric, day.isoformat(), value, note, now_utc().isoformat(timespec="seconds")),
        )
        row = tx.execute(
            f"SELECT {_COLUMNS} FROM metric_values WHERE id = ?", (tx.last_insert_rowid(),)
        ).fetchone()
    return _reading(row)


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
