"""What a report says about a week, a month or a year: the facts, gathered for drawing."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record
from pacer.schedule.periods import DayRange, counted_range
from pacer.service.absence import absence_title
from pacer.service.session import Session, _entries, planned_projection, projection_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Literal

    from pacer.calendar.days import Trip
    from pacer.plan.model import Plan
    from pacer.schedule.progress import LogEntry
    from pacer.schedule.review import PlanChange
    from pacer.schedule.status import MilestoneStatus

    Period = Literal["week", "month", "year"]
    DayState = Literal["outside", "future", "missed", "logged"]

PERIODS = ("week", "month", "year")


@record
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


@record
class MilestoneLine:
    status: MilestoneStatus
    planned: date | None  # when the plan as written finishes it


@record
class MetricLine:
    id: str
    title: str
    unit: str
    values: tuple[tuple[date, float], ...]
    road: tuple[tuple[date, float], ...]
    targets: tuple[tuple[date, float], ...] = ()  # the plan's target points, marked on charts


# What each day of a report's period was, for the heatmap and `report --json`:
# `outside` the plan's span, `future` (after the report's day: nothing counts yet), or a
# counted day that is `logged` (minutes logged) or `missed` (nothing logged).
DAY_STATES = ("outside", "future", "missed", "logged")


@record
class ReportNotice:
    """Something the reader of a report should know about its counts: a stable `code`
    (JSON) beside the message shown in the person's language."""

    code: str
    message: Message


@record
class ReportData:
    """The facts of one period. Only the `counted` days (inside the plan's span, not after
    `today`: schedule.periods.counted_range) count: `minutes` is 0 on every other day, and
    the done series, habit minutes, streaks and finished units leave them out."""

    period: str
    first: date
    last: date
    today: date  # the day the report stands on (its end: that day's log counts)
    days: tuple[date, ...]  # every day of the period, `first` to `last`
    minutes: tuple[int, ...]  # everything logged, per day (0 on days not counted)
    trip_days: frozenset[date]
    tracks: tuple[TrackSeries, ...]
    milestones: tuple[MilestoneLine, ...]
    metrics: tuple[MetricLine, ...]
    trips: tuple[tuple[Trip, tuple[tuple[str, int], ...]], ...]  # each trip and what it moved
    units_finished: tuple[str, ...]
    best_streak: int  # the longest run of days with something logged, in the period
    habit_streaks: tuple[tuple[str, int], ...]  # per habit track, the longest run of days
    counted: DayRange | None = None  # the days that count (None: none does)
    states: tuple[DayState, ...] = ()  # per day of `days`, one of DAY_STATES
    notices: tuple[ReportNotice, ...] = ()
    plan_changes: tuple[PlanChange, ...] = ()  # plan versions first seen in the period
    kinds: tuple[tuple[str, str], ...] = ()  # each kind of absence in `trips` and its title

    def kind_title(self, kind: str) -> str:
        return dict(self.kinds).get(kind, kind)

    @property
    def travel_only(self) -> bool:
        """Every absence of the period is travel: its words are about trips."""
        return all(trip.kind == "travel" for trip, _ in self.trips)

    @property
    def logged_days(self) -> int:
        """Counted days with something logged (never more than `counted.days`)."""
        return sum(1 for s in self.states if s == "logged")

    def at_today(self, series: tuple[int, ...]) -> int:
        """A cumulative series' value at the end of `today` (0 when the period is ahead)."""
        upto = sum(1 for d in self.days if d <= self.today)
        return series[upto - 1] if upto else 0

    span: tuple[date, date] | None = None  # the plan's first and last day (None: the period)


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


def report_data(session: Session, period: str, day: date, today: date | None = None) -> ReportData:
    """The facts of the period holding `day`, standing at the end of `day` (or of the period,
    when it is over), never after `today` (the clock's day; None: `day` is today)."""
    from pacer.schedule.status import finished_on, milestone_status
    from pacer.service.planchanges import plan_changes
    from pacer.service.planned import habit_tallies, planned_unit_minutes
    from pacer.service.trips import trip_delays

    first, last = period_bounds(period, day)
    # Days before the clock's today go by the plan in force on each (issue 14).
    now = today if today is not None else day
    today = min(day, last, now)
    plan = session.plan
    counted = counted_range(first, last, plan, today)
    entries = _entries(session)
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    # Only entries on counted days count, in every figure below (one rule: counted_range).
    kept = [e for e in entries if e.day in counted] if counted is not None else []
    by_day: dict[date, int] = {}
    for e in kept:
        by_day[e.day] = by_day.get(e.day, 0) + e.minutes
    calendar = session.calendar()
    trip_days = frozenset(d for d in days if calendar.trip_on(d) is not None)

    planned_by_day = planned_unit_minutes(session, first, last, now)
    unit_track = {u.id: u.track for u in plan.units()}
    done_by_day: dict[tuple[str, date], int] = {}
    habit_days: dict[str, set[date]] = {}
    for e in kept:
        if e.kind == "unit" and e.target in unit_track:
            key = (unit_track[e.target], e.day)
            done_by_day[key] = done_by_day.get(key, 0) + e.minutes
        elif e.kind == "habit":
            habit_days.setdefault(e.target, set()).add(e.day)
    habits = habit_tallies(session, entries, first, today, now)
    tracks = []
    for track in plan.tracks:
        p_total = d_total = 0
        p_series, d_series = [], []
        for d in days:
            p_total += planned_by_day.get((track.id, d), 0)
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
    # When the plan as written finishes a milestone is not bounded by the period: a week's
    # report still says when its later milestones were planned.
    whole = planned_projection(session)
    milestones = tuple(
        MilestoneLine(s, whole.finish_of(m.needs))
        for s, m in zip(statuses, plan.milestones, strict=True)
    )
    trips = tuple(
        (t, tuple(trip_delays(session, t, calendar.trips, today)))
        for t in calendar.trips
        if t.start <= last and t.end >= first
    )
    units_finished = tuple(
        sorted(u for u, d in finished.items() if counted is not None and d in counted)
    )
    from pacer.schedule.metrics import road
    from pacer.store.metrics import list_values

    readings = [r for r in list_values(session.store) if r.day <= today]
    metric_lines = []
    for m in plan.metrics:
        own = [r for r in readings if r.metric == m.id]
        points = [(p.day, p.value) for p in road(m, own)]
        if points and points[-1][0] < last:
            points.append((last, points[-1][1]))  # the road stays level after its last target
        targets = tuple(sorted((p.day, p.value) for p in m.targets))
        metric_lines.append(
            MetricLine(
                m.id, m.title, m.unit, tuple((r.day, r.value) for r in own), tuple(points), targets
            )
        )
    metrics = tuple(metric_lines)
    logged_days = set(by_day)
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
        counted=counted,
        states=tuple(_state(d, plan, today, d in logged_days) for d in days),
        notices=_notices(first, last, plan, today, entries),
        span=(plan.start, plan.end),
        # Up to the day the report stands on, as everything it counts.
        plan_changes=plan_changes(session, first, today),
        kinds=tuple((k, absence_title(plan, k)) for k in dict.fromkeys(tr.kind for tr, _ in trips)),
    )


def _state(d: date, plan: Plan, today: date, logged: bool) -> DayState:
    if not plan.start <= d <= plan.end:
        return "outside"
    if d > today:
        return "future"
    return "logged" if logged else "missed"


def _notices(
    first: date,
    last: date,
    plan: Plan,
    today: date,
    entries: list[LogEntry],
) -> tuple[ReportNotice, ...]:
    """Why the counted days are fewer than the period's, and what was logged but left out."""
    out = []
    if last < plan.start:
        out.append(
            ReportNotice("before_plan", Message("report.notice.all_before", start=plan.start))
        )
    elif first > plan.end:
        out.append(ReportNotice("after_plan", Message("report.notice.all_after", end=plan.end)))
    elif today < first:
        out.append(ReportNotice("period_ahead", Message("report.notice.ahead", first=first)))
    else:
        if first < plan.start:
            out.append(
                ReportNotice("before_plan", Message("report.notice.before", start=plan.start))
            )
        if plan.end < min(last, today):
            out.append(ReportNotice("after_plan", Message("report.notice.after", end=plan.end)))
    period = [e for e in entries if first <= e.day <= last]
    outside = sum(1 for e in period if not plan.start <= e.day <= plan.end)
    if outside:
        message = Message(
            "report.notice.outside_entries", n=outside, start=plan.start, end=plan.end
        )
        out.append(ReportNotice("entries_outside_plan", message))
    future = sum(1 for e in period if plan.start <= e.day <= plan.end and e.day > today)
    if future:
        message = Message("report.notice.future_entries", n=future, today=today)
        out.append(ReportNotice("entries_after_date", message))
    return tuple(out)


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


# -- JSON (documented in docs/json.md) ---------------------------------------------------------
def report_json(data: ReportData) -> dict[str, Any]:
    """`pacer report PERIOD --json`: the facts its text, Markdown and HTML are made from."""
    from pacer.service.milestones import milestone_json
    from pacer.service.planchanges import plan_change_json

    counted = data.counted
    titles = {tr.id: tr.title for tr in data.tracks}
    return {
        "period": data.period,
        "first": data.first.isoformat(),
        "last": data.last.isoformat(),
        "date": data.today.isoformat(),
        "counted": {
            "first": counted.first.isoformat() if counted else None,
            "last": counted.last.isoformat() if counted else None,
            "days": counted.days if counted else 0,
            "logged": data.logged_days,
        },
        "minutes": sum(data.minutes),
        "longest_run": data.best_streak,
        "tracks": [
            {
                "id": tr.id,
                "title": tr.title,
                "planned": data.at_today(tr.planned),
                "done": data.at_today(tr.done),
                "habit_planned": tr.habit_planned,
                "habit_done": tr.habit_done,
                "habit_days_kept": tr.habit_kept,
                "habit_days": tr.habit_days,
            }
            for tr in data.tracks
        ],
        "milestones": [
            {**milestone_json(m.status), "planned": m.planned.isoformat() if m.planned else None}
            for m in data.milestones
        ],
        "metrics": [
            {
                "id": m.id,
                "title": m.title,
                "unit": m.unit,
                "latest": (
                    {"date": m.values[-1][0].isoformat(), "value": m.values[-1][1]}
                    if m.values
                    else None
                ),
                "target": m.road[-1][1] if m.road else None,
            }
            for m in data.metrics
        ],
        "trips": [
            {
                "id": trip.id,
                "start": trip.start.isoformat(),
                "end": trip.end.isoformat(),
                "note": trip.note,
                "moves": [{"milestone": mid, "days": days} for mid, days in moved],
            }
            for trip, moved in data.trips
        ],
        "units_finished": list(data.units_finished),
        "habit_streaks": [
            {"track": track, "title": titles.get(track, track), "days": n}
            for track, n in data.habit_streaks
        ],
        "days": [
            {"date": d.isoformat(), "state": state, "minutes": m, "trip": d in data.trip_days}
            for d, state, m in zip(data.days, data.states, data.minutes, strict=True)
        ],
        "notices": [{"code": n.code, "text": str(n.message)} for n in data.notices],
        "plan_changes": [plan_change_json(c) for c in data.plan_changes],
    }
