"""Date to day kind: the day template a calendar date uses, and why."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pacer.plan.model import WEEKDAYS, Plan
from pacer.record import record, replace

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    DayKind = Literal["weekday", "weekend", "trip", "holiday", "makeup", "override", "roster"]


@record
class Trip:
    id: int
    start: date
    end: date  # inclusive
    note: str = ""
    kind: str = "travel"  # a kind of absence of the plan (`absences:`): picks the week shape
    tz: str | None = None  # the zone its days' block times are in; None: the plan's

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


MAX_TRIP_DAYS = 366  # a longer "trip" is a typo in a date, not travel


@record
class RosterEntry:
    """Days a roster (imported from a calendar file) gives one day template."""

    id: int
    start: date
    end: date  # inclusive
    template: str
    summary: str = ""  # the event's summary, as the calendar says it

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def overlap_of(start: date, end: date, trips: Iterable[Trip]) -> Trip | None:
    """The first of `trips` that shares a day with start..end (one trip decides a day)."""
    return next((t for t in trips if t.start <= end and start <= t.end), None)


@record
class HolidayTable:
    """Public holidays and makeup workdays (调休) of one country over some years."""

    country: str | None
    holidays: tuple[tuple[date, str, str], ...] = ()  # (date, English name, Chinese name)
    makeup_workdays: tuple[tuple[date, str, str], ...] = ()
    years: tuple[int, ...] = ()  # the years looked up
    years_without_data: tuple[int, ...] = ()  # looked up, but not announced yet (调休 years)
    provisional: tuple[date, ...] = ()  # days off computed by rule in such years: may change


@record
class DayInfo:
    """What one date resolves to."""

    day: date
    kind: DayKind
    template: str
    weekday: str  # mon..sun
    holiday: str = ""  # the holiday's name (in the plan's language) on holidays and makeup days
    trip: Trip | None = None
    note: str = ""  # an override's or a period's reason, a roster event's summary
    provisional: bool = False  # the holiday is computed, not announced yet: it may change
    shape: str = ""  # the week shape a rotation, a period or an override chose ("" otherwise)
    why: str = ""  # "rotation" or "period" when one of them chose the template


class Calendar:
    """Resolves dates for one plan, one holiday table, a set of trips and a roster."""

    def __init__(
        self,
        plan: Plan,
        table: HolidayTable,
        trips: tuple[Trip, ...],
        lang: str,
        roster: tuple[RosterEntry, ...] = (),
    ) -> None:
        self.plan = plan
        self.trips = tuple(sorted(trips, key=lambda t: t.start))
        zh = lang == "zh"
        self._holidays = {d: (zh_name if zh else en) for d, en, zh_name in table.holidays}
        self._makeup = {d: (zh_name if zh else en) for d, en, zh_name in table.makeup_workdays}
        self._provisional = frozenset(table.provisional)
        self._overrides = {o.day: o for o in plan.calendar.overrides}
        self._shapes = {s.id: s.days for s in plan.week_shapes}
        self._normal = plan.shape("normal").days
        self._travel = plan.shape("travel").days
        self.roster = roster
        self._roster = _roster_days(roster, {t.id for t in plan.day_templates})
        self._absent = {kind: plan.absence_days(kind) for kind in plan.absence_kinds()}

    def trip_on(self, d: date) -> Trip | None:
        for trip in self.trips:
            if trip.covers(d):
                return trip
        return None

    def resolve(self, d: date) -> DayInfo:
        info = self._resolve(d)
        if info.holiday and d in self._provisional:
            return replace(info, provisional=True)
        return info

    def _resolve(self, d: date) -> DayInfo:
        """The day's template, by the documented order (docs/plan-format.md, "Which template
        a day gets"): absence > per-date override > roster > holiday / makeup workday >
        period > rotation > the normal week shape."""
        weekday = WEEKDAYS[d.weekday()]
        trip = self.trip_on(d)
        if trip is not None:
            # An absence wins over everything: its kind's week shape is all there is.
            days = self._absent.get(trip.kind) or self._absent["travel"]
            return DayInfo(d, "trip", days[d.weekday()], weekday, self._holidays.get(d, ""), trip)
        override = self._overrides.get(d)
        if override is not None:
            if override.shape:
                template = self._shapes[override.shape][d.weekday()]
                return DayInfo(
                    d, "override", template, weekday, note=override.reason, shape=override.shape
                )
            return DayInfo(d, "override", override.template, weekday, note=override.reason)
        entry = self._roster.get(d)
        if entry is not None:
            holiday = self._holidays.get(d, "")
            return DayInfo(d, "roster", entry.template, weekday, holiday, note=entry.summary)
        # Who works on public holidays (holidays_off: false) keeps the week's template; the
        # holiday's name is still shown.
        if d in self._makeup and self.plan.calendar.holidays_off:
            return DayInfo(
                d, "makeup", self.plan.calendar.makeup_template, weekday, self._makeup[d]
            )
        if d in self._holidays and d.weekday() < 5 and self.plan.calendar.holidays_off:
            return DayInfo(
                d, "holiday", self.plan.calendar.holiday_template, weekday, self._holidays[d]
            )
        return self._patterned(d, weekday)

    def _patterned(self, d: date, weekday: str) -> DayInfo:
        """A day no absence, override, roster or holiday decides: a period's shape, else the
        rotation's week shape or day template, else the normal week shape."""
        kind: DayKind = "weekday" if d.weekday() < 5 else "weekend"
        holiday = self._holidays.get(d, "")
        rules = self.plan.calendar
        for period in rules.periods:
            if period.start <= d <= period.end:
                template = self._shapes[period.shape][d.weekday()]
                return DayInfo(
                    d,
                    kind,
                    template,
                    weekday,
                    holiday,
                    note=period.reason,
                    shape=period.shape,
                    why="period",
                )
        picked = rules.rotation.pick(d) if rules.rotation is not None else None
        if picked is not None:
            by, value = picked
            if by == "week":
                template = self._shapes[value][d.weekday()]
                return DayInfo(d, kind, template, weekday, holiday, shape=value, why="rotation")
            return DayInfo(d, kind, value, weekday, holiday, why="rotation")
        return DayInfo(d, kind, self._normal[d.weekday()], weekday, holiday)


def _roster_days(roster: tuple[RosterEntry, ...], templates: set[str]) -> dict[date, RosterEntry]:
    """Date -> the roster entry that decides it. Where entries share a day, the one that
    starts later wins (a one-day swap inside a longer block), then the later imported; an
    entry whose template the plan no longer has decides nothing."""
    out: dict[date, RosterEntry] = {}
    for entry in sorted(roster, key=lambda e: (e.start, e.id)):
        if entry.template not in templates:
            continue
        for i in range(min(entry.days, MAX_TRIP_DAYS + 1)):
            out[entry.start + timedelta(days=i)] = entry
    return out
