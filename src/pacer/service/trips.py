"""How far a trip moves each milestone: the projection with it beside the same without."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.calendar.days import Trip
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import Projection, project
from pacer.service.session import Session, _calendar_with, _entries


def trip_effect(session: Session, day: date) -> list[tuple[str, int]]:
    """On a trip day, and in the week after one, how far that trip moved each milestone: the
    projection from the trip's first day with the trip, beside the same without it."""
    trips = tuple(session.calendar().trips)
    trip = next((t for t in trips if t.start <= day <= t.end + timedelta(days=7)), None)
    if trip is None:
        return []
    return trip_delays(session, trip, trips)


def trip_delays(session: Session, trip: Trip, trips: tuple[Trip, ...]) -> list[tuple[str, int]]:
    """Days each milestone moves because of `trip` (only those that move)."""
    plan = session.plan
    state = progress_of(plan, _entries(session), before=trip.start)
    adjustments = session.adjustments()

    def run(with_trips: tuple[Trip, ...]) -> Projection:
        calendar = _calendar_with(session, with_trips)
        return project(
            plan, calendar, session.compiled.stream, state, trip.start, adjustments=adjustments
        )

    with_trip = run(trips)
    without = run(tuple(t for t in trips if t != trip))
    moved = []
    for m in plan.milestones:
        a, b = with_trip.finish_of(m.needs), without.finish_of(m.needs)
        if b is None:
            continue
        after = a if a is not None else with_trip.last + timedelta(days=1)
        if after != b:
            moved.append((m.id, (after - b).days))
    return moved


def check_trip_span(start: date, end: date) -> None:
    """A trip ends on or after its first day and lasts at most a year (add, preview, import)."""
    from pacer.calendar.days import MAX_TRIP_DAYS
    from pacer.errors import PacerError
    from pacer.i18n import Message

    if end < start:
        raise PacerError(Message("trip.end_before_start", start=start, end=end))
    if (end - start).days > MAX_TRIP_DAYS:
        raise PacerError(Message("trip.too_long", start=start, end=end))


def preview_trip(session: Session, start: date, end: date, note: str) -> list[tuple[str, int]]:
    """What a trip not yet saved would do to the milestones (checked as `add_trip` checks)."""
    check_trip_span(start, end)
    trip = Trip(0, start, end, note)
    return trip_delays(session, trip, (*session.calendar().trips, trip))
