"""The weekly review's facts: one ISO week's planned vs done, habits, finished units,
milestones that moved, trips — computed from the plan, the log and projections, no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pacer.calendar.days import Calendar, Trip
from pacer.plan.model import Plan
from pacer.schedule.progress import LogEntry
from pacer.schedule.projection import Projection
from pacer.schedule.status import finish_date, finished_on
from pacer.schedule.weeks import IsoWeek

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class TrackWeek:
    id: str
    title: str
    planned: int  # unit minutes the plan placed in the week (poured from its start, trips in)
    done: int  # unit minutes logged in the week


@dataclass(frozen=True, slots=True)
class HabitWeek:
    track: str
    title: str
    kept: int  # days with an entry for the habit, among the days that have it
    days: int  # days of the week (inside the plan) whose template has the habit


@dataclass(frozen=True, slots=True)
class FinishedUnit:
    id: str
    title: str
    track: str
    day: date


@dataclass(frozen=True, slots=True)
class MilestoneMove:
    id: str
    title: str
    before: date | None  # projected at the end of the previous week (None: not in the horizon)
    after: date | None  # projected at the end of this week
    days: int | None  # after − before; None when either is None


@dataclass(frozen=True, slots=True)
class WeekFacts:
    week: IsoWeek
    tracks: tuple[TrackWeek, ...]
    habits: tuple[HabitWeek, ...]
    finished: tuple[FinishedUnit, ...]
    milestones: tuple[MilestoneMove, ...]
    trips: tuple[Trip, ...]


@dataclass(frozen=True, slots=True)
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
    planned: Projection,
    before: Projection,
    after: Projection,
) -> WeekFacts:
    """The facts of `week`.

    `planned` is the plan poured from its start (with the trips) through the week; `before`
    and `after` are the projections at the end of the previous week and of this one. A
    milestone's date is when its last needed unit finishes, by the log or projected (what
    `pacer status` says on those two Sundays); it moved when the two differ.
    """
    first, last = week.monday, week.sunday
    unit_track = {u.id: u.track for u in plan.units()}

    planned_minutes: dict[str, int] = {}
    for d in week.days():
        dp = planned.day(d)
        if dp is None:
            continue
        for bp in dp.blocks:
            for p in bp.items:
                tid = unit_track[p.unit]
                planned_minutes[tid] = planned_minutes.get(tid, 0) + p.minutes
    done: dict[str, int] = {}
    for e in entries:
        if e.kind == "unit" and first <= e.day <= last and e.target in unit_track:
            tid = unit_track[e.target]
            done[tid] = done.get(tid, 0) + e.minutes
    tracks = tuple(
        TrackWeek(t.id, t.title, planned_minutes.get(t.id, 0), done.get(t.id, 0))
        for t in plan.tracks
    )

    habit_days: dict[str, set[date]] = {}
    for d in week.days():
        if not plan.start <= d <= plan.end:
            continue
        template = plan.template(calendar.resolve(d).template)
        for b in template.blocks:
            if b.type == "habit" and b.track:
                habit_days.setdefault(b.track, set()).add(d)
    logged_days: dict[str, set[date]] = {}
    for e in entries:
        if e.kind == "habit" and e.minutes > 0:
            logged_days.setdefault(e.target, set()).add(e.day)
    habits = tuple(
        HabitWeek(
            t.id,
            t.title,
            len(habit_days[t.id] & logged_days.get(t.id, set())),
            len(habit_days[t.id]),
        )
        for t in plan.tracks
        if t.id in habit_days
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
    return WeekFacts(week, tracks, habits, finished, tuple(moves), trips)
