"""Flexible habits (`per_week: 3`): the week's count, whether a day still offers the habit,
and the streak in weeks met (Loop Habit Tracker's frequency habits are the reference)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from pacer.calendar.days import Calendar
from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.progress import LogEntry

# Weeks are Monday-first, as the plan's week shapes and ISO weeks are.


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def habit_days(entries: Iterable[LogEntry], track: str) -> frozenset[date]:
    """The days with the habit of `track` logged (an entry of minutes above 0)."""
    return frozenset(
        e.day for e in entries if e.kind == "habit" and e.target == track and e.minutes > 0
    )


def week_count(logged: Iterable[date], day: date) -> int:
    """Days of `day`'s week, up to `day` itself, with the habit logged ("2 of 3 this week")."""
    monday = monday_of(day)
    return sum(1 for d in set(logged) if monday <= d <= day)


def offered(per_week: int, logged: Iterable[date], day: date) -> bool:
    """Whether a day whose template has the flexible habit still offers it: its week's count
    before the day is short of `per_week`, or the day itself has it logged (it stays shown,
    kept, on the day that met the count)."""
    days = set(logged)
    monday = monday_of(day)
    before = sum(1 for d in days if monday <= d < day)
    return day in days or before < per_week


@record
class HabitWeek:
    """One Monday-first week of a flexible habit.

    `target` = min(per_week, days of the week inside the plan whose template has the habit):
    a week that offers it on fewer days (a trip, a holiday) asks for fewer, and a week that
    offers it on none asks nothing and neither counts nor breaks a streak. `logged` = days
    of the week with it logged (any day of the week counts, up to the day stood on)."""

    monday: date
    target: int
    logged: int

    @property
    def met(self) -> bool:
        return self.target > 0 and self.logged >= self.target


def week_streak(weeks: Sequence[HabitWeek], running: bool) -> int:
    """Weeks met in a row, back from the last of `weeks` (oldest first). When `running`, the
    last week is not over: it counts once met and does not break the streak before."""
    count = 0
    for i, week in enumerate(reversed(weeks)):
        if week.target == 0:
            continue
        if week.met:
            count += 1
        elif not (i == 0 and running):
            break
    return count


@record
class WeekHabit:
    """A flexible habit standing on a day: its target, the week's count so far, the streak."""

    track: str
    per_week: int
    this_week: int  # days of the day's week with it logged, up to the day
    streak: int  # weeks met in a row (week_streak)


def week_habit(
    plan: Plan, calendar: Calendar, entries: Iterable[LogEntry], track: str, day: date
) -> WeekHabit | None:
    """The flexible habit of `track` on `day` (None: the track has no `per_week`). The streak
    looks at the plan's weeks up to `day`'s (the week of `day` is running: `day` is the day
    stood on, and a week is over only after its Sunday)."""
    per_week = plan.habit_per_week(track)
    if per_week is None:
        return None
    logged = habit_days(entries, track)
    weeks = habit_weeks(plan, calendar, track, per_week, logged, day)
    running = bool(weeks) and weeks[-1].monday == monday_of(day)
    return WeekHabit(track, per_week, week_count(logged, day), week_streak(weeks, running))


def habit_weeks(
    plan: Plan,
    calendar: Calendar,
    track: str,
    per_week: int,
    logged: frozenset[date],
    day: date,
) -> tuple[HabitWeek, ...]:
    """The plan's weeks from its first to the one holding `day` (or its last, when `day` is
    after the plan), oldest first; days logged after `day` are not counted."""
    if day < plan.start:
        return ()
    last = min(day, plan.end)
    out: list[HabitWeek] = []
    monday = monday_of(plan.start)
    while monday <= last:
        offering = 0
        for i in range(7):
            d = monday + timedelta(days=i)
            if not plan.start <= d <= plan.end:
                continue
            blocks = plan.template(calendar.resolve(d).template).blocks_on(d)
            if any(b.type == "habit" and b.track == track for b in blocks):
                offering += 1
        kept = sum(1 for d in logged if monday <= d <= monday + timedelta(days=6) and d <= day)
        out.append(HabitWeek(monday, min(per_week, offering), kept))
        monday += timedelta(days=7)
    return tuple(out)
