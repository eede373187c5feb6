"""Calendars out and in: the coming days as an iCalendar file; trips from a calendar file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacer import clock
from pacer.calendar.days import Trip
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.plan.model import Plan
from pacer.record import record
from pacer.service.session import Session

# typing and the iCalendar code cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from pacer.interop.ics_read import FoundTrip, SkippedEvent

DEFAULT_DAYS = 28
MAX_DAYS = 366
MAX_FILE_MB = 64


@record
class IcsExport:
    data: bytes
    events: int
    first: date
    days: int


def export_ics(session: Session, days: int, alarms: bool = True) -> IcsExport:
    """The `days` days from today as an iCalendar file: each day's blocks (the projection
    `today` and `week` show, inside the plan's span) at the plan's block times, each with a
    reminder the plan's `alarm` minutes before unless not `alarms`, and the trips that touch
    those days as all-day events."""
    from pacer.interop.ics import calendar_ics
    from pacer.service.days import day_views
    from pacer.store.trips import imported_uids, list_trips

    if not 1 <= days <= MAX_DAYS:
        raise PacerError(Message("ics.export.bad_days", raw=days, limit=MAX_DAYS))
    today = clock.today(session.plan)
    last = today + timedelta(days=days - 1)
    plan = session.plan
    views = day_views(session, today, days, today)
    plans = [v.plan for v in views if plan.start <= v.plan.info.day <= plan.end]
    uids = imported_uids(session.store)
    trips = [
        (trip, uids.get(trip.id))
        for trip in list_trips(session.store)
        if trip.start <= last and trip.end >= today
    ]
    data = calendar_ics(plan, plans, trips, clock.now_utc(), alarms)
    return IcsExport(data, data.count(b"BEGIN:VEVENT"), today, days)


@record
class TripImport:
    """What one import did: the trips added, those already there (with what the calendar
    says now), the events skipped and why, and how many events the file held."""

    added: tuple[Trip, ...]
    known: tuple[tuple[Trip, FoundTrip], ...]
    skipped: tuple[SkippedEvent, ...]
    events: int


def _read(path: Path, command: str = "trip import") -> bytes:
    from pacer.bounds import refuse_special_file

    refuse_special_file(path, command)  # before opening: a FIFO would block
    limit = MAX_FILE_MB * 1024 * 1024
    try:
        size = path.stat().st_size
        if size > limit:
            raise PacerError(
                Message(
                    "ics.import.too_big",
                    path=path,
                    size=round(size / 1024 / 1024),
                    limit=MAX_FILE_MB,
                )
            )
        with path.open("rb") as fh:
            return fh.read(limit + 1)
    except IsADirectoryError:
        raise PacerError(
            Message("ics.import.cannot_read", path=path, detail="a directory")
        ) from None
    except OSError as exc:
        raise PacerError(
            Message("ics.import.cannot_read", path=path, detail=exc.strerror or exc)
        ) from None


def match_kinds(plan: Plan, words: Sequence[str]) -> list[tuple[str, str]]:
    """`--match` values as (word, kind): `WORD` is a trip (`travel`), `WORD=KIND` an absence
    of one of the plan's kinds. An empty word or kind, or an unknown kind, is refused."""
    from pacer.errors import InputError
    from pacer.service.absence import check_kind

    out = []
    for raw in words:
        word, eq, kind = raw.partition("=")
        word, kind = word.strip(), kind.strip()
        if not word:
            raise PacerError(Message("ics.import.empty_word"))
        if eq and not kind:
            raise InputError(Message("absence.bad_match", raw=raw))
        out.append((word, check_kind(plan, kind) if eq else "travel"))
    return out


def kind_of(summary: str, matches: Sequence[tuple[str, str]]) -> str:
    """The kind of the first `--match` whose word the summary has (as the scan matched it);
    `travel` for the default words."""
    from pacer.interop.ics_read import summary_pattern

    for word, kind in matches:
        if summary_pattern([word]).search(summary):
            return kind
    return "travel"


def import_trips(session: Session, path: Path, words: Sequence[str] = ()) -> TripImport:
    """Trips from the calendar at `path`: all-day or multi-day events whose summary has one of
    `words` (default: 出差, trip, travel; `WORD=KIND` makes an absence of that kind, the
    first such word in the summary deciding), dated where they happen — UTC and floating times
    in the plan's zone, never the machine's; a repeating event one trip per occurrence up to
    the plan's end. Events already imported (by UID, and recurrence id) change nothing; one
    overlapping a trip is skipped. All the trips go in in one transaction. A file that
    cannot be read, or is no calendar, imports nothing and raises."""
    from zoneinfo import ZoneInfo

    from pacer.interop.ics_read import DEFAULT_WORDS, NotACalendar, SkippedEvent, scan_trips
    from pacer.store.trips import import_trips as store_import

    plan = session.plan
    matches = match_kinds(plan, words)
    chosen = [word for word, _ in matches]
    data = _read(path)
    try:
        span = (plan.start, plan.end)
        scan = scan_trips(data, chosen or DEFAULT_WORDS, ZoneInfo(plan.timezone), span)
    except NotACalendar:
        raise PacerError(Message("ics.import.not_calendar", path=path)) from None
    outcomes = store_import(
        session.store,
        [(f.uid, f.start, f.end, f.summary, kind_of(f.summary, matches)) for f in scan.found],
    )
    added: list[Trip] = []
    known: list[tuple[Trip, FoundTrip]] = []
    skipped = list(scan.skipped)
    for found, (what, trip) in zip(scan.found, outcomes, strict=True):
        if what == "added":
            added.append(trip)
        elif what == "known":
            known.append((trip, found))
        else:
            reason = Message("ics.skip.overlaps", id=trip.id, start=trip.start, end=trip.end)
            skipped.append(SkippedEvent(found.line, found.summary, reason))
    skipped.sort(key=lambda s: s.line)
    return TripImport(tuple(added), tuple(known), tuple(skipped), scan.events)
