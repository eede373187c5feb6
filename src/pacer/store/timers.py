"""The timers table: the one running timer (`pacer start`/`stop`, the web's Start/Stop)."""

from __future__ import annotations

from datetime import date, datetime

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record
from pacer.store.db import Connection, Store
from pacer.store.log import insert_entry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.schedule.progress import LogEntry, TargetKind

_COLUMNS = "target_kind, target, local_date, started_at, note"


@record
class Timer:
    """A running timer: what it times, the study day it started on (its minutes are logged
    on that day), when it started (UTC) and the note given at its start."""

    kind: TargetKind
    target: str
    day: date
    started_at: datetime
    note: str


class TimerRunning(PacerError):
    """A timer is already running (`pacer start` refuses to start a second): `found`."""

    def __init__(self, found: Timer, message: Message | None = None) -> None:
        super().__init__(message or Message("timer.already_plain", target=found.target))
        self.found = found


class NoTimer(PacerError):
    """No timer is running (or another device stopped it meanwhile)."""


def _timer(row: tuple[object, ...]) -> Timer:
    kind, target, day, started, note = row
    return Timer(
        kind,  # type: ignore[arg-type]
        str(target),
        date.fromisoformat(str(day)),
        datetime.fromisoformat(str(started)),
        str(note),
    )


def _read(conn: Connection) -> Timer | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM timers WHERE id = 1").fetchone()
    return None if row is None else _timer(row)


def running_timer(store: Store) -> Timer | None:
    return _read(store.conn)


def _insert(tx: Connection, timer: Timer) -> None:
    tx.execute(
        f"INSERT INTO timers (id, {_COLUMNS}) VALUES (1, ?, ?, ?, ?, ?)",
        (
            timer.kind,
            timer.target,
            timer.day.isoformat(),
            timer.started_at.isoformat(timespec="seconds"),
            timer.note,
        ),
    )


def _take(tx: Connection, expected: Timer) -> None:
    """Remove the running timer, which must be `expected`: a timer stopped (or replaced) by
    another device since it was read is not stopped, nor logged, twice."""
    if _read(tx) != expected:
        raise NoTimer(Message("timer.gone"))
    tx.execute("DELETE FROM timers WHERE id = 1")


def start_timer(store: Store, timer: Timer) -> Timer:
    """Start `timer`; TimerRunning (nothing written) while another runs."""
    with store.write() as tx:
        if (found := _read(tx)) is not None:
            raise TimerRunning(found)
        _insert(tx, timer)
    return timer


def stop_timer(
    store: Store,
    expected: Timer,
    entry: tuple[TargetKind, str, int, str] | None,
    then: Timer | None = None,
) -> LogEntry | None:
    """End the running timer (`expected`), logging `entry` (kind, target, minutes, note;
    None: nothing) on its day, and start `then` if given: all in one transaction, so that
    the entry, the end of the timer and the next one are written together or not at all.
    The entry is written as `pacer log` writes one (the audit records it; `undo` takes it
    back)."""
    with store.write() as tx:
        _take(tx, expected)
        logged = None
        if entry is not None:
            kind, target, minutes, note = entry
            logged = insert_entry(tx, expected.day, kind, target, minutes, note, done=False)
        if then is not None:
            _insert(tx, then)
    return logged
