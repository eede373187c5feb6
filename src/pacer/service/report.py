"""What a report says about a week, a month or a year: the facts, gathered for drawing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.service.session import Session, _entries, planned_projection, projection_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Literal

    from pacer.calendar.days import Trip
    from pacer.schedule.status import MilestoneStatus

    Period = Literal["week", "month", "year"]

PERIODS = ("week", "month", "year")


@dataclass(frozen=True, slots=True)
class TrackSeries:
    """Cumulative unit minutes per day of the period: planned, and done."""

    id: str
    title: str
    planned: tuple[int, ...]
    done: tuple[int, ...]
    habit_done: int  # habit minutes logged in the period (to its report day)
    habit_planned: int = 0  # habit minutes the day templates ask for (to its report day)
    habit_kept: int = 0  # days with a habit entry, among the days that ask for it
    habit_days: int = 0  # days inside the plan (to the report day) that ask for the habit
    has_habit: bool = False


@dataclass(frozen=True, slots=True)
class MilestoneLine:
    status: MilestoneStatus
    planned: date | None  # when the plan as written finishes it


@dataclass(frozen=True, slots=True)
class MetricLine:
    id: str
    title: str
    unit: str
    values: tuple[tuple[date, float], ...]
    road: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    period: str
    first: date
    last: date
    today: date
    days: tuple[date, ...]
    minutes: tuple[int, ...]  # everything logged, per day
    trip_days: frozenset[date]
    tracks: tuple[TrackSeries, ...]
    milestones: tuple[MilestoneLine, ...]
    metrics: tuple[MetricLine, ...]
    trips: tuple[tuple[Trip, tuple[tuple[str, int], ...]], ...]  # each trip and what it moved
    units_finished: tuple[str, ...]
    best_streak: int  # the longest run of days with something logged, in the period
    habit_streaks: tuple[tuple[str, int], ...]  # per habit track, the longest run of days


def period_bounds(period: str, day: date) -> tuple[date, date]:
    if period == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if period == "month":
        first = day.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise PacerError(Message("report.bad_period", raw=period, choices=", ".join(PERIODS)))


def _longest_run(days: set[date]) -> int:
    best = run = 0
    previous: date | None = None
    for d in sorted(days):
        run = run + 1 if previous is not None and d - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = d
    return best


def report_data(session: Session, period: str, day: date) -> ReportData:
    """The facts of the period holding `day`, standing at the end of `day` (or of the period,
    when it is over)."""
    from pacer.schedule.status import finished_on, milestone_status
    from pacer.service.trips import trip_delays

    first, last = period_bounds(period, day)
    today = min(day, last) if day <= last else last
    plan = session.plan
    entries = _entries(session)
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    by_day: dict[date, int] = {}
    for e in entries:
        if first <= e.day <= last:
            by_day[e.day] = by_day.get(e.day, 0) + e.minutes
    calendar = session.calendar()
    trip_days = frozenset(d for d in days if calendar.trip_on(d) is not None)

    planned = planned_projection(session, until=last)
    unit_track = {u.id: u.track for u in plan.units()}
    planned_by_day: dict[tuple[str, date], int] = {}
    for dp in planned.days:
        for bp in dp.blocks:
            for p in bp.items:
                key = (unit_track[p.unit], dp.info.day)
                planned_by_day[key] = planned_by_day.get(key, 0) + p.minutes
    done_by_day: dict[tuple[str, date], int] = {}
    habit_days: dict[str, set[date]] = {}
    for e in entries:
        if not first <= e.day <= last:
            continue
        if e.kind == "unit" and e.target in unit_track:
            key = (unit_track[e.target], e.day)
            done_by_day[key] = done_by_day.get(key, 0) + e.minutes
        elif e.kind == "habit":
            habit_days.setdefault(e.target, set()).add(e.day)
    from pacer.schedule.habits import tally

    habits = tally(plan, calendar, entries, first, today)
    tracks = []
    for track in plan.tracks:
        p_total = d_total = 0
        p_series, d_series = [], []
        for d in days:
            p_total += planned_by_day.get((track.id, d), 0)
            if d <= today:
                d_total += done_by_day.get((track.id, d), 0)
            p_series.append(p_total)
            d_series.append(d_total)
        habit = habits.habit(track.id)
        tracks.append(
            TrackSeries(
                track.id,
                track.title,
                tuple(p_series),
                tuple(d_series),
                *(
                    (habit.done, habit.planned, habit.kept, habit.days, True)
                    if habit is not None
                    else (0, 0, 0, 0, False)
                ),
            )
        )

    projection = projection_at(session, today, entries)
    finished = finished_on(plan, entries, today)
    # Judged as `status` judges them: with the acceptance checks (every screen agrees).
    from pacer.service.milestones import all_checks

    checks = all_checks(session)
    statuses = milestone_status(plan, projection, finished, today, session.due_moves(), checks)
    milestones = tuple(
        MilestoneLine(s, planned.finish_of(m.needs))
        for s, m in zip(statuses, plan.milestones, strict=True)
    )
    trips = tuple(
        (t, tuple(trip_delays(session, t, calendar.trips, today)))
        for t in calendar.trips
        if t.start <= last and t.end >= first
    )
    units_finished = tuple(sorted(u for u, d in finished.items() if first <= d <= last))
    from pacer.schedule.metrics import road
    from pacer.store.metrics import list_values

    readings = [r for r in list_values(session.store) if r.day <= today]
    metric_lines = []
    for m in plan.metrics:
        own = [r for r in readings if r.metric == m.id]
        points = [(p.day, p.value) for p in road(m, own)]
        if points and points[-1][0] < last:
            points.append((last, points[-1][1]))  # the road stays level after its last target
        metric_lines.append(
            MetricLine(m.id, m.title, m.unit, tuple((r.day, r.value) for r in own), tuple(points))
        )
    metrics = tuple(metric_lines)
    logged_days = {d for d in days if by_day.get(d, 0) > 0}
    return ReportData(
        period=period,
        first=first,
        last=last,
        today=today,
        days=days,
        minutes=tuple(by_day.get(d, 0) for d in days),
        trip_days=trip_days,
        tracks=tuple(tracks),
        milestones=milestones,
        metrics=metrics,
        trips=trips,
        units_finished=units_finished,
        best_streak=_longest_run(logged_days),
        habit_streaks=tuple(sorted((k, _longest_run(v)) for k, v in habit_days.items())),
    )


def month_charts(session: Session, day: date, folder: Path) -> dict[str, list[Path]]:
    """The charts of `pacer report month` for the month holding `day`, drawn into `folder`
    (replacing what an earlier call drew there)."""
    return draw_month_charts(month_chart_data(session, day), folder)


def month_chart_data(session: Session, day: date) -> ReportData:
    """What the month's charts show (quick: the database's part of drawing them)."""
    return report_data(session, "month", day)


def draw_month_charts(data: ReportData, folder: Path) -> dict[str, list[Path]]:
    """Draw the month's charts from their data (slow: matplotlib; needs no database)."""
    from pacer.report.charts import draw_all

    return draw_all(data, folder, f"month-{data.first.year}-{data.first.month:02d}")
