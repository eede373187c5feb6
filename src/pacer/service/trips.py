"""How far a trip moves each milestone: the projection with it beside the same without."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.calendar.days import Trip
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import Projection, project
from pacer.service.session import Session, _calendar_with, _entries, projection_at


def trip_effect(session: Session, day: date, today: date) -> list[tuple[str, int]]:
    """Seen on `today`: how far the trip on `day` (or the one that ended in the week before
    it) moves each milestone. `today --date`, the web's Today and `status` all say this."""
    trips = tuple(session.calendar().trips)
    trip = effect_trip(session, day)
    if trip is None:
        return []
    return trip_delays(session, trip, trips, today)


def effect_trip(session: Session, day: date) -> Trip | None:
    """The trip whose effect `trip_effect` says on `day` (its kind names it), or None."""
    trips = tuple(session.calendar().trips)
    return next((t for t in trips if t.start <= day <= t.end + timedelta(days=7)), None)


def trips_ahead(session: Session, today: date) -> list[tuple[Trip, list[tuple[str, int]]]]:
    """Each trip not yet over (or over less than a week ago) with what it moves, for status."""
    trips = tuple(session.calendar().trips)
    shown = [t for t in trips if t.end + timedelta(days=7) >= today]
    return [
        (t, trip_delays(session, t, trips, today)) for t in sorted(shown, key=lambda t: t.start)
    ]


def trip_delays(
    session: Session, trip: Trip, trips: tuple[Trip, ...], today: date
) -> list[tuple[str, int]]:
    """Days each milestone moves because of `trip` (only those that move), the biggest first.

    A trip still ahead is judged between the two projections `status` compares: from today,
    with everything logged so far, with and without the trip — so a milestone finished before
    the trip begins is not moved. A trip that has begun is judged from its first day, with
    what was logged before it: what it took, not what is left of it.
    """
    plan = session.plan
    entries = _entries(session)
    adjustments = session.adjustments()

    def run(with_trips: tuple[Trip, ...]) -> Projection:
        if trip.start > today:
            return projection_at(session, today, entries, adjustments, trips=with_trips)
        state = progress_of(plan, entries, before=trip.start)
        calendar = _calendar_with(session, with_trips)
        stream = session.compiled.stream
        return project(plan, calendar, stream, state, trip.start, adjustments=adjustments)

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
    # By size, so that every screen lists the same milestones first.
    return sorted(moved, key=lambda e: -abs(e[1]))


def check_trip_span(start: date, end: date) -> None:
    """A trip ends on or after its first day and lasts at most a year (add, preview, import)."""
    from pacer.calendar.days import MAX_TRIP_DAYS
    from pacer.errors import PacerError
    from pacer.i18n import Message

    if end < start:
        raise PacerError(Message("trip.end_before_start", start=start, end=end))
    if (end - start).days > MAX_TRIP_DAYS:
        raise PacerError(Message("trip.too_long", start=start, end=end))


def preview_trip(
    session: Session, start: date, end: date, note: str, today: date, kind: str = "travel"
) -> list[tuple[str, int]]:
    """What an absence not yet saved would do to the milestones (checked as `add_trip`
    checks): a vacation with nothing planned moves them more than a trip that keeps reading."""
    from pacer.service.absence import check_kind

    check_trip_span(start, end)
    trip = Trip(0, start, end, note, check_kind(session.plan, kind))
    return trip_delays(session, trip, (*session.calendar().trips, trip), today)
