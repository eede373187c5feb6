"""The weekly review: which day of a week holds it, and the week's facts (planned vs done,
habits, finished units, milestones that moved, trips) — from the plan, the log and
projections, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from pacer.calendar.days import Calendar, DayInfo, Trip
from pacer.plan.diff import Change
from pacer.plan.model import WEEKDAYS, Block, Plan
from pacer.record import record, replace
from pacer.schedule.progress import LogEntry, LogTargets
from pacer.schedule.projection import BlockPlan, DayPlan, Projection
from pacer.schedule.status import finish_date, finished_on
from pacer.schedule.weeks import IsoWeek

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.habits import Tallies


# -- where the week's review goes ---------------------------------------------------------------
# The review belongs to the plan's review day (`review.day`), as a ritual block of the template
# an ordinary week gives that day. When the calendar turns that day into one without it — a
# weekend day worked to make up for a public holiday (China's 调休), an override, a trip whose
# template has none — the review is not dropped: it goes to the nearest day off of the same
# ISO week, later days first, and when the week has none it stays on its day.
_DAYS_OFF = ("weekend", "holiday")


def review_ritual(plan: Plan) -> tuple[Block, ...]:
    """The review's ritual blocks: those of the template the `normal` week shape gives the
    review day (none: the plan keeps its review as a notice only, and nothing moves)."""
    weekday = WEEKDAYS.index(plan.review.day)
    template = plan.template(plan.shape("normal").days[weekday])
    return tuple(b for b in template.blocks_on_weekday(weekday) if b.type == "ritual")


def _has_ritual(plan: Plan, info: DayInfo) -> bool:
    return any(b.type == "ritual" for b in plan.template(info.template).blocks_on(info.day))


def review_day(plan: Plan, calendar: Calendar, week: IsoWeek) -> date:
    """The day of `week` that holds its review: the review day, unless that day has no room
    for it (its template has no ritual and it is not a day off), then the nearest day of the
    week that has (one with a ritual, a weekend day or a public holiday), later days first;
    the review day itself when the week has no such day."""
    usual = week.day(plan.review.day)
    if not review_ritual(plan):
        return usual
    info = calendar.resolve(usual)
    if _has_ritual(plan, info) or info.kind in _DAYS_OFF:
        return usual
    later = [d for d in week.days() if d > usual]
    earlier = [d for d in reversed(week.days()) if d < usual]
    for d in later + earlier:
        other = calendar.resolve(d)
        if _has_ritual(plan, other) or other.kind in _DAYS_OFF:
            return d
    return usual


def due_week_on(plan: Plan, calendar: Calendar, day: date) -> IsoWeek:
    """The week whose review is due on `day`: this week from its review's day on, else the
    previous week."""
    week = IsoWeek.of(day)
    return week if day >= review_day(plan, calendar, week) else week.previous()


def with_review(plan: Plan, calendar: Calendar, days: Iterable[DayPlan]) -> list[DayPlan]:
    """The days as shown: a week's review day whose template has no ritual (it moved there,
    or its own day has no room for it) gets the review's ritual block after its blocks."""
    ritual = review_ritual(plan)
    first, last = IsoWeek.of(plan.start), IsoWeek.of(plan.end)
    slots: dict[IsoWeek, date] = {}
    out: list[DayPlan] = []
    for dp in days:
        week = IsoWeek.of(dp.info.day)
        if (
            ritual
            and first <= week <= last
            and not any(bp.block.type == "ritual" for bp in dp.blocks)
        ):
            if week not in slots:
                slots[week] = review_day(plan, calendar, week)
            if slots[week] == dp.info.day:
                dp = replace(dp, blocks=(*dp.blocks, *(BlockPlan(b) for b in ritual)))
        out.append(dp)
    return out


@record
class TrackWeek:
    id: str
    title: str
    planned: int  # unit minutes the plan placed in the week (poured from its start, trips in)
    done: int  # unit minutes logged in the week


@record
class HabitWeek:
    """A habit's week (`track` its track), or the weekly review's (`track` "review")."""

    track: str
    title: str
    kept: int  # days with an entry for the habit, among the days that have it
    days: int  # days of the week (inside the plan, to the day written) that have it
    # Minutes those days' templates ask for, and minutes logged in the week; None in a
    # snapshot stored before pacer counted them.
    planned: int | None = None
    done: int | None = None


@record
class FinishedUnit:
    id: str
    title: str
    track: str
    day: date


@record
class MilestoneMove:
    id: str
    title: str
    before: date | None  # projected at the end of the previous week (None: not in the horizon)
    after: date | None  # projected at the end of this week
    days: int | None  # after − before; None when either is None


@record
class PlanChange:
    """A plan version first seen in a period (a week, a year): what changed from the one
    before it, why, and the milestones whose projected date it moved."""

    version: int
    day: date  # the study day it was first seen
    reason: str  # "" when none was given
    changes: tuple[Change, ...] | None  # None: a version (or the one before) pacer cannot read
    milestones: tuple[MilestoneMove, ...] | None  # only those that moved; None as `changes`


@record
class WeekFacts:
    week: IsoWeek
    tracks: tuple[TrackWeek, ...]
    habits: tuple[HabitWeek, ...]
    finished: tuple[FinishedUnit, ...]
    milestones: tuple[MilestoneMove, ...]
    trips: tuple[Trip, ...]
    ritual: HabitWeek | None = None  # the weekly review's own minutes and day
    plan_changes: tuple[PlanChange, ...] = ()  # the plan versions first seen in the week

    def shown_tracks(self) -> tuple[TrackWeek, ...]:
        """The tracks a table of unit minutes shows: not a habit's own track with no unit
        minutes in the week (its minutes are the habit's, not "0 / 0")."""
        habits = {h.track for h in self.habits}
        return tuple(r for r in self.tracks if r.id not in habits or r.planned or r.done)

    def habit_rows(self) -> tuple[HabitWeek, ...]:
        """The habits of the week, then the review's own line."""
        return self.habits + ((self.ritual,) if self.ritual is not None else ())


@record
class Review:
    """One stored review: the answers per prompt id and the facts as they were (JSON)."""

    week: IsoWeek
    answers: tuple[tuple[str, str], ...]  # (prompt id, text), in the order written
    facts: Mapping[str, Any]
    created_at: str  # UTC, ISO 8601
    updated_at: str


def week_facts(
    plan: Plan,
    calendar: Calendar,
    week: IsoWeek,
    entries: Sequence[LogEntry],
    planned: Mapping[str, int],
    counted: Tallies,
    before: Projection,
    after: Projection,
) -> WeekFacts:
    """The facts of `week`.

    `planned` is the unit minutes per track that the plan as written (poured from its start,
    with the trips) placed in the week; `counted` the habits' and the review's tally over the
    week's days up to the day the facts are taken. `before` and `after` are the projections
    at the end of the previous week and of this one. A milestone's date is when its last
    needed unit finishes, by the log or projected (what `pacer status` says on those two
    Sundays); it moved when the two differ.
    """
    first, last = week.monday, week.sunday
    unit_track = {u.id: u.track for u in plan.units()}
    planned_minutes = planned
    done: dict[str, int] = {}
    targets = LogTargets.of(plan)
    for e in entries:
        place = targets.place(e)
        if first <= e.day <= last and place is not None and place.kind == "unit" and place.track:
            done[place.track] = done.get(place.track, 0) + e.minutes
    tracks = tuple(
        TrackWeek(t.id, t.title, planned_minutes.get(t.id, 0), done.get(t.id, 0))
        for t in plan.tracks
    )

    habits = tuple(
        HabitWeek(h.id, h.title, h.kept, h.days, h.planned, h.done)
        for h in counted.habits
        if h.days or h.done
    )
    r = counted.ritual
    ritual = (
        HabitWeek(r.id, r.title, r.kept, r.days, r.planned, r.done) if r.days or r.done else None
    )

    order = {u.id: i for i, u in enumerate(plan.units())}
    finished_by_end = finished_on(plan, entries, last)
    finished = tuple(
        FinishedUnit(uid, plan.unit(uid).title, unit_track[uid], d)
        for uid, d in sorted(finished_by_end.items(), key=lambda kv: (kv[1], order[kv[0]]))
        if first <= d <= last
    )

    finished_before = finished_on(plan, entries, first - timedelta(days=1))
    moves = []
    for m in plan.milestones:
        was, _ = finish_date(m.needs, finished_before, before)
        now, _ = finish_date(m.needs, finished_by_end, after)
        if was != now:
            days = (now - was).days if was is not None and now is not None else None
            moves.append(MilestoneMove(m.id, m.title, was, now, days))

    trips = tuple(t for t in calendar.trips if t.start <= last and t.end >= first)
    return WeekFacts(week, tracks, habits, finished, tuple(moves), trips, ritual)
