"""The log table: what was done, on which local date, for which target."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.errors import AlreadyDone, PacerError
from pacer.i18n import Message
from pacer.schedule.progress import LogEntry
from pacer.store.audit import COLUMNS, delete_row, insert_row, read_row, update_row
from pacer.store.db import Connection, Store

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
    store: Store,
    day: date,
    kind: TargetKind,
    target: str,
    minutes: int,
    note: str,
    done: bool,
    aliases: tuple[str, ...] = (),
) -> LogEntry:
    """Record minutes for a target; a day never holds more than 24 hours of entries, and a
    target is marked done once (AlreadyDone, nothing written), under its id or any of its
    `aliases` (the ids it had before a rename)."""
    with store.write() as tx:
        return insert_entry(tx, day, kind, target, minutes, note, done, aliases)


def insert_entry(
    tx: Connection,
    day: date,
    kind: TargetKind,
    target: str,
    minutes: int,
    note: str,
    done: bool,
    aliases: tuple[str, ...] = (),
) -> LogEntry:
    """add_entry inside a writing transaction the caller holds (the timer's stop writes its
    entry and ends the timer in one)."""
    logged_at = now_utc().isoformat(timespec="seconds")
    if done:
        # In the writing transaction: two `done`s at once still write one.
        ids = (target, *aliases)
        first = tx.execute(
            f"SELECT {_COLUMNS} FROM log WHERE target IN ({', '.join('?' * len(ids))})"
            " AND target_kind = ? AND done = 1 ORDER BY local_date, id LIMIT 1",
            (*ids, kind),
        ).fetchone()
        if first is not None:
            was = _entry(first)
            raise AlreadyDone(Message("log.already_done", target=target, day=was.day))
    (total,) = tx.execute(
        "SELECT coalesce(sum(minutes), 0) FROM log WHERE local_date = ?", (day.isoformat(),)
    ).fetchone()
    check_day_total(day, int(total), minutes)
    row = insert_row(
        tx,
        "log",
        {
            "local_date": day.isoformat(),
            "logged_at": logged_at,
            "target_kind": kind,
            "target": target,
            "minutes": minutes,
            "done": int(done),
            "note": note,
        },
    )
    return entry_of(row)


def entry_of(row: dict[str, object]) -> LogEntry:
    return _entry(tuple(row[c] for c in COLUMNS["log"]))


def get_entry(store: Store, entry_id: int) -> LogEntry | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM log WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(row)


def edit_entry(
    store: Store,
    entry_id: int,
    day: date,
    kind: TargetKind,
    target: str,
    minutes: int,
    note: str,
    aliases: tuple[str, ...] = (),
) -> tuple[LogEntry, LogEntry]:
    """Change an entry (recorded in the audit); (before, after). The same rules as a new
    entry, in the writing transaction: 24 hours a day at most, one `done` per target (under
    its id or its `aliases`, as add_entry)."""
    with store.write() as tx:
        found = read_row(tx, "log", entry_id)
        if found is None:
            raise PacerError(Message("logfix.no_entry", id=entry_id))
        was = entry_of(found)
        if was.done and target != was.target:
            ids = (target, *aliases)
            first = tx.execute(
                f"SELECT local_date FROM log WHERE target IN ({', '.join('?' * len(ids))})"
                " AND target_kind = ? AND done = 1 AND id != ? ORDER BY local_date, id LIMIT 1",
                (*ids, kind, entry_id),
            ).fetchone()
            if first is not None:
                raise AlreadyDone(Message("log.already_done", target=target, day=first[0]))
        (total,) = tx.execute(
            "SELECT coalesce(sum(minutes), 0) FROM log WHERE local_date = ? AND id != ?",
            (day.isoformat(), entry_id),
        ).fetchone()
        check_day_total(day, int(total), minutes)
        before, after = update_row(
            tx,
            "log",
            entry_id,
            {
                "local_date": day.isoformat(),
                "target_kind": kind,
                "target": target,
                "minutes": minutes,
                "note": note,
            },
        )
    return entry_of(before), entry_of(after)


def remove_entry(store: Store, entry_id: int) -> LogEntry:
    """Remove an entry; the audit keeps it (`undo` brings it back)."""
    with store.write() as tx:
        if read_row(tx, "log", entry_id) is None:
            raise PacerError(Message("logfix.no_entry", id=entry_id))
        return entry_of(delete_row(tx, "log", entry_id))


def target_logged(store: Store, target: str) -> bool:
    """Whether any entry (of any day) names `target`."""
    found = store.conn.execute("SELECT 1 FROM log WHERE target = ? LIMIT 1", (target,))
    return found.fetchone() is not None


def first_entry_day(store: Store) -> date | None:
    """The earliest day anything is logged on (None: nothing is)."""
    row = store.conn.execute("SELECT min(local_date) FROM log").fetchone()
    return None if row is None or row[0] is None else date.fromisoformat(str(row[0]))


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
