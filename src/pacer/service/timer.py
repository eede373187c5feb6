"""The timer: `pacer start`/`stop` and the web's Start/Stop, logged as `pacer log` logs.

A running timer is a row of the database (store/timers.py), so that it can be started on
one device and stopped on another, and outlives any process. Its minutes are logged on the
study day it started (clock.study_date), rounded to the nearest minute; under a minute logs
nothing. A timer past MAX_UNCONFIRMED_MINUTES, or one that ran into the next study day, is
not logged until the person says how many minutes they studied (`--minutes`): a timer left
running overnight must not put ten hours into the record.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from pacer import clock
from pacer.bounds import check_text
from pacer.errors import PacerError
from pacer.i18n import Message, minutes_text, t
from pacer.record import record
from pacer.store.timers import NoTimer, Timer, TimerRunning

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal

    from pacer.schedule.progress import LogEntry
    from pacer.service.session import Session

    Confirm = Literal["long", "next_day", "clock"]

MAX_UNCONFIRMED_MINUTES = 4 * 60
NOTE_JOINER = "; "


class NeedsMinutes(PacerError):
    """A timer too long (or crossing a day) to log unconfirmed; `running` is it."""

    def __init__(self, message: Message, running: Running) -> None:
        super().__init__(message)
        self.running = running


@record
class Running:
    """A running timer as of now: elapsed seconds (negative when this clock is behind the
    one that started it), the minutes a stop would log, and why it needs confirming."""

    timer: Timer
    seconds: int
    minutes: int
    confirm: Confirm | None


@record
class Stopped:
    """A stopped timer: the entry it logged (None: nothing, too short or discarded)."""

    timer: Timer
    seconds: int
    entry: LogEntry | None
    discarded: bool = False


def logged_minutes(seconds: int) -> int:
    """What a timer of `seconds` logs: nothing under a minute, else the nearest whole minute
    (half a minute rounds up: 90 s is 2 min)."""
    return 0 if seconds < 60 else (seconds + 30) // 60


def running(session: Session) -> Running | None:
    from pacer.store.timers import running_timer

    timer = running_timer(session.store)
    return None if timer is None else _measured(session, timer)


def _measured(session: Session, timer: Timer) -> Running:
    seconds = math.floor((clock.now_utc() - timer.started_at).total_seconds())
    minutes = logged_minutes(seconds)
    confirm: Confirm | None = None
    if seconds < 0:
        confirm = "clock"
    elif clock.today(session.plan) > timer.day:
        confirm = "next_day"
    elif minutes > MAX_UNCONFIRMED_MINUTES:
        confirm = "long"
    return Running(timer, seconds, minutes, confirm)


def started_text(session: Session, moment: datetime) -> str:
    """A moment as the person reads it: "21:03" today, "2026-03-09 21:03" another day."""
    zone = session.plan.timezone
    shown = clock.shown_at(moment, zone)
    now = clock.shown_at(clock.now_utc(), zone)
    return shown.strftime("%H:%M" if shown.date() == now.date() else "%Y-%m-%d %H:%M")


def why_text(session: Session, running: Running) -> Message:
    if running.confirm == "long":
        return Message("timer.why.long", hours=MAX_UNCONFIRMED_MINUTES // 60)
    if running.confirm == "next_day":
        return Message("timer.why.next_day", day=clock.today(session.plan))
    return Message("timer.why.clock")


def elapsed_text(running: Running) -> str:
    return minutes_text(max(running.seconds, 0) // 60)


def _checked_target(session: Session, target: str) -> tuple[Any, str]:
    """(kind, id) of a target as `pacer log` takes it (an old id counts as its new one)."""
    from pacer.plan.renames import current_id
    from pacer.service.session import resolve_target

    target = current_id(session.plan, target)
    return resolve_target(session.plan, target), target


def start(
    session: Session, target: str, note: str, switch: bool = False
) -> tuple[Timer, Stopped | None]:
    """Start a timer for `target` now, on today's study day. With `switch`, the running one
    (if any) is stopped and logged in the same transaction; without, a running one refuses."""
    from pacer.service.entries import check_entry_day
    from pacer.store.timers import start_timer

    plan = session.plan
    kind, target = _checked_target(session, target)
    today = clock.today(plan)
    # A day that takes no entry takes no timer either: refused now, not at its stop.
    check_entry_day(plan, today, today)
    check_text(note, t("input.what.note"))
    timer = Timer(kind, target, today, clock.now_utc().replace(microsecond=0), note)
    was = running(session) if switch else None
    if was is not None:
        stopped = _stop(session, was, "", None, then=timer, how=Message("timer.how.switch"))
        return timer, stopped
    try:
        start_timer(session.store, timer)
    except TimerRunning as exc:
        found = _measured(session, exc.found)
        message = Message(
            "timer.already",
            target=found.timer.target,
            started=started_text(session, found.timer.started_at),
            elapsed=elapsed_text(found),
            new=target,
        )
        raise TimerRunning(exc.found, message) from None
    return timer, None


def stop(
    session: Session, note: str = "", minutes: int | None = None, discard: bool = False
) -> Stopped:
    """Stop the running timer and log its minutes on the day it started (`minutes`, when
    given, instead of the time measured); `discard` logs nothing."""
    from pacer.store.timers import stop_timer

    found = running(session)
    if found is None:
        raise NoTimer(Message("timer.none"))
    if discard:
        stop_timer(session.store, found.timer, None)
        return Stopped(found.timer, found.seconds, None, discarded=True)
    return _stop(session, found, note, minutes, None, Message("timer.how.cli"))


def _stop(
    session: Session,
    found: Running,
    note: str,
    minutes: int | None,
    then: Timer | None,
    how: Message,
) -> Stopped:
    from pacer.service.entries import check_entry_day
    from pacer.store.timers import stop_timer

    if minutes is None and found.confirm is not None:
        message = Message(
            "timer.confirm",
            target=found.timer.target,
            started=started_text(session, found.timer.started_at),
            elapsed=elapsed_text(found),
            why=why_text(session, found),
            how=how,
        )
        raise NeedsMinutes(message, found)
    logged = found.minutes if minutes is None else minutes
    timer = found.timer
    note = NOTE_JOINER.join(n for n in (timer.note, note.strip()) if n)
    entry = None
    if logged > 0:
        # The checks of `pacer log`, as of now: the plan may have changed since the start.
        kind, target = _checked_target(session, timer.target)
        check_entry_day(session.plan, timer.day, clock.today(session.plan))
        check_text(note, t("input.what.note"))
        entry = (kind, target, logged, note)
    written = stop_timer(session.store, timer, entry, then)
    return Stopped(timer, found.seconds, written)


def stopped_message(session: Session, stopped: Stopped) -> Message:
    """What `pacer stop` prints (and the web says): what was logged, or why nothing was."""
    timer = stopped.timer
    started = started_text(session, timer.started_at)
    if stopped.discarded:
        return Message("timer.discarded", target=timer.target, started=started)
    if stopped.entry is None:
        return Message("timer.too_short", target=timer.target, seconds=max(stopped.seconds, 0))
    ended = clock.now_utc()
    if stopped.entry.minutes == logged_minutes(stopped.seconds):
        # Measured minutes: the span shown is as long as what was logged (the start as shown,
        # to the minute, plus the rounded minutes), not a clock time cut off that disagrees.
        begun = timer.started_at.replace(second=0, microsecond=0)
        ended = begun + timedelta(minutes=stopped.entry.minutes)
    return Message(
        "timer.stopped",
        minutes=minutes_text(stopped.entry.minutes),
        target=stopped.entry.target,
        day=stopped.entry.day,
        started=started,
        ended=started_text(session, ended),
    )


def started_message(session: Session, timer: Timer, switched: bool = False) -> Message:
    return Message(
        "timer.switched" if switched else "timer.started",
        target=timer.target,
        time=started_text(session, timer.started_at),
        day=timer.day,
    )


def timer_json(session: Session, found: Running | None) -> dict[str, Any] | None:
    """The running timer as `today --json` and the web show it (docs/json.md)."""
    if found is None:
        return None
    from pacer.service.days import target_titles

    timer = found.timer
    return {
        "target": timer.target,
        "kind": timer.kind,
        "title": target_titles(session, [timer.target])[timer.target],
        "day": timer.day.isoformat(),
        "started_at": timer.started_at.isoformat(timespec="seconds"),
        "started": clock.shown_at(timer.started_at, session.plan.timezone).isoformat(
            timespec="seconds"
        ),
        "elapsed_seconds": found.seconds,
        "minutes": found.minutes,
        "confirm": found.confirm,
        "note": timer.note,
    }


def today_line(session: Session, found: Running) -> str:
    """The running timer as `today` says it: one line under the day's heading."""
    from pacer.service.days import target_titles

    timer = found.timer
    title = target_titles(session, [timer.target])[timer.target]
    name = timer.target if title == timer.target else f"{title} [{timer.target}]"
    started = started_text(session, timer.started_at)
    if found.confirm is not None:
        why = why_text(session, found)
        return t(
            "timer.today.confirm", name=name, started=started, elapsed=elapsed_text(found), why=why
        )
    return t("timer.today", name=name, started=started, elapsed=elapsed_text(found))
