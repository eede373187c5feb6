"""Kinds of absence: checking a kind and a zone, a sick day, and the words `today` shows."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.calendar.days import Trip
from pacer.errors import InputError
from pacer.i18n import Message, t
from pacer.plan.model import Plan
from pacer.service.session import Session

MAX_SICK_DAYS = 366  # as a trip: longer is a typo


def check_kind(plan: Plan, kind: str) -> str:
    """`kind` if the plan has it (its `absences:` or a default); else one clear line."""
    import difflib

    kinds = plan.absence_kinds()
    if kind in kinds:
        return kind
    close = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.6)
    listed = ", ".join(kinds)
    if close:
        raise InputError(
            Message("absence.unknown_kind_hint", kind=kind, hint=close[0], kinds=listed)
        )
    raise InputError(Message("absence.unknown_kind", kind=kind, kinds=listed))


def check_zone(name: str) -> str:
    """A time zone name as the clock checks PACER_TZ's (with a did-you-mean), said of --tz."""
    from pacer.clock import zone_named

    try:
        zone_named(name)
    except InputError as exc:
        key = "absence.bad_zone_hint" if "hint" in exc.message.args else "absence.bad_zone"
        raise InputError(Message(key, **exc.message.args)) from None
    return name


def add_sick(session: Session, first: date, days: int, note: str = "") -> Trip:
    """`days` sick days from `first`: an absence of the `sick` kind (the plan's, or pacer's
    default: days with nothing planned)."""
    from pacer.service.days import add_trip

    if not 1 <= days <= MAX_SICK_DAYS:
        raise InputError(Message("absence.bad_days", raw=days, limit=MAX_SICK_DAYS))
    return add_trip(session, first, first + timedelta(days=days - 1), note, kind="sick")


def absence_title(plan: Plan, kind: str) -> str:
    """What an absence of `kind` is called: the plan's `title`, the catalog's word for a
    default kind, else the kind's id."""
    absence = plan.absence(kind)
    if absence is not None and absence.title:
        return absence.title
    if kind in ("travel", "sick"):
        return t(f"absence.title.{kind}")
    return kind


def absence_banner(plan: Plan, trip: Trip, day: date) -> str:
    """The line `today` shows on a day of `trip`: the kind's title, which day of how many,
    then the plan's own banner for the kind, then the trip's note."""
    line = t(
        "today.trip_banner",
        title=absence_title(plan, trip.kind),
        n=(day - trip.start).days + 1,
        days=trip.days,
        start=trip.start,
        end=trip.end,
    )
    absence = plan.absence(trip.kind)
    if absence is not None and absence.banner:
        line += f" — {absence.banner}"
    if trip.tz:
        line += f" — {t('absence.in_zone', tz=trip.tz)}"
    if trip.note:
        line += f" — {trip.note}"
    return line


def absence_icon(kind: str) -> str:
    """The mark before an absence's lines: a plane for travel, a neutral circle otherwise."""
    return "✈" if kind == "travel" else "○"


def absence_name(plan: Plan, kind: str, trip_id: int, start: date, end: date) -> Message:
    """ "trip 3 (start → end)" for travel; "off sick 3 (start → end)" for another kind."""
    if kind == "travel":
        return Message("logfix.trip", id=trip_id, start=start, end=end)
    title = absence_title(plan, kind)
    return Message("logfix.absence", title=title, id=trip_id, start=start, end=end)
