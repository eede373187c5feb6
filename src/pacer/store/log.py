"""The log table: what was done, on which local date, for which target."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.errors import AlreadyDone, PacerError
from pacer.i18n import Message
from pacer.schedule.progress import LogEntry
from pacer.store.db import Store

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.schedule.progress import TargetKind

DAY_MINUTES = 24 * 60
_COLUMNS = "id, local_date, logged_at, target_kind, target, minutes, done, note"


def _entry(row: tuple[object, ...]) -> LogEntry:
    id_, day, logged_at, kind, target, minutes, done, note = row
    return LogEntry(
        int(str(id_)),
        date.fromisoformat(str(day)),
        str(logged_at),
        kind,  # type: ignore[arg-type]
        str(target),
        int(str(minutes)),
        bool(done),
        str(note),
    )


def check_day_total(day: date, total: int, minutes: int) -> None:
    """A day never holds more than 24 hours of entries: `total` logged, `minutes` more."""
    if total + minutes > DAY_MINUTES:
        raise PacerError(
            Message("log.day_full", day=day, total=total, minutes=minutes, limit=DAY_MINUTES)
        )


def add_entry(
    store: Store, day: date, kind: TargetKind, target: str, minutes: int, note: str, done: bool
) -> LogEntry:
    """Record minutes for a target; a day never holds more than 24 hours of entries, and a
    target is marked done once (AlreadyDone, nothing written)."""
    logged_at = now_utc().isoformat(timespec="seconds")
    with store.write() as tx:
        if done:
            # In the writing transaction: two `done`s at once still write one.
            first = tx.execute(
                f"SELECT {_COLUMNS} FROM log WHERE target = ? AND target_kind = ? AND done = 1"
                " ORDER BY local_date, id LIMIT 1",
                (target, kind),
            ).fetchone()
            if first is not None:
                was = _entry(first)
                raise AlreadyDone(Message("log.already_done", target=target, day=was.day))
        (total,) = tx.execute(
            "SELECT coalesce(sum(minutes), 0) FROM log WHERE local_date = ?", (day.isoformat(),)
        ).fetchone()
        check_day_total(day, int(total), minutes)
        tx.execute(
            "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, done, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (day.isoformat(), logged_at, kind, target, minutes, int(done), note),
        )
        row = tx.execute(
            f"SELECT {_COLUMNS} FROM log WHERE id = ?", (tx.last_insert_rowid(),)
        ).fetchone()
    return _entry(row)


def has_entries(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM log LIMIT 1").fetchone() is not None


def all_entries(store: Store) -> list[LogEntry]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM log ORDER BY local_date, id").fetchall()
    return [_entry(r) for r in rows]


def entries_between(store: Store, first: date, last: date) -> list[LogEntry]:
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM log WHERE local_date BETWEEN ? AND ? ORDER BY local_date, id",
        (first.isoformat(), last.isoformat()),
    ).fetchall()
    return [_entry(r) for r in rows]


def remove_newest(store: Store) -> LogEntry | None:
    """Delete the most recently written entry and return it (None when the log is empty)."""
    with store.write() as tx:
        row = tx.execute(f"SELECT {_COLUMNS} FROM log ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        tx.execute("DELETE FROM log WHERE id = ?", (row[0],))
    return _entry(row)
