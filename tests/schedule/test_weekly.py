"""Flexible habits (`per_week`): the week's count, the days that still offer the habit, the
streak in weeks met (Loop Habit Tracker's rule), and the tally's days asked and kept."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.calendar.days import Calendar, HolidayTable, Trip
from pacer.plan.loader import load_plan_file, load_plan_text
from pacer.schedule.habits import tally
from pacer.schedule.progress import LogEntry
from pacer.schedule.weekly import (
    HabitWeek,
    habit_weeks,
    offered,
    week_count,
    week_habit,
    week_streak,
)

EXAMPLES = int(os.environ.get("PACER_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None)
WEEKLY = Path(__file__).resolve().parents[1] / "fixtures" / "plan-weekly.yaml"
PLAN = load_plan_file(WEEKLY)
MON = date(2026, 3, 2)  # the plan's first day, a Monday


def calendar(trips: tuple[Trip, ...] = ()) -> Calendar:
    return Calendar(PLAN, HolidayTable(None), trips, "en")


def runs(*days: date) -> list[LogEntry]:
    return [LogEntry(i, d, "", "habit", "running", 30) for i, d in enumerate(days, 1)]


def test_the_week_count_is_monday_first_and_stops_at_the_day() -> None:
    logged = {MON - timedelta(days=1), MON, MON + timedelta(days=2), MON + timedelta(days=7)}
    assert week_count(logged, MON) == 1  # the Sunday before belongs to the week before
    assert week_count(logged, MON + timedelta(days=1)) == 1
    assert week_count(logged, MON + timedelta(days=6)) == 2
    assert week_count(logged, MON + timedelta(days=7)) == 1


def test_a_day_offers_the_habit_until_the_weeks_count_is_met() -> None:
    logged = {MON, MON + timedelta(days=2), MON + timedelta(days=4)}  # Mon, Wed, Fri
    assert offered(3, logged, MON + timedelta(days=4))  # the day that met it keeps it
    assert not offered(3, logged, MON + timedelta(days=5))  # Saturday: met, not offered
    assert offered(3, logged, MON + timedelta(days=7))  # next Monday: a new week
    assert offered(4, logged, MON + timedelta(days=5))


def test_the_streak_counts_weeks_met_and_the_running_week_breaks_nothing() -> None:
    met, missed = HabitWeek(MON, 3, 3), HabitWeek(MON, 3, 1)
    assert week_streak([met, met, missed], running=True) == 2
    assert week_streak([met, met, missed], running=False) == 0
    assert week_streak([missed, met, met], running=True) == 2
    # A week that offered the habit on no day (a trip) neither counts nor breaks.
    assert week_streak([met, HabitWeek(MON, 0, 0), met], running=False) == 2


weeks_st = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 7)).map(
        lambda p: HabitWeek(MON, min(p[0], 7), p[1])
    ),
    max_size=30,
)


@FAST
@given(weeks_st, st.booleans())
def test_a_streak_never_exceeds_the_weeks(weeks: list[HabitWeek], running: bool) -> None:
    n = week_streak(weeks, running)
    assert 0 <= n <= len(weeks)
    assert n <= sum(1 for w in weeks if w.met)
    # Whole weeks: the running week adds at most itself.
    whole = len(weeks) - 1 if running and weeks else len(weeks)
    assert n <= whole + (1 if running and weeks and weeks[-1].met else 0)


@FAST
@given(weeks_st, st.booleans(), st.data())
def test_logging_more_never_lowers_the_streak(
    weeks: list[HabitWeek], running: bool, data: st.DataObject
) -> None:
    if not weeks:
        return
    i = data.draw(st.integers(0, len(weeks) - 1))
    more = [*weeks[:i], HabitWeek(MON, weeks[i].target, weeks[i].logged + 1), *weeks[i + 1 :]]
    assert week_streak(more, running) >= week_streak(weeks, running)


days_st = st.sets(st.integers(0, 55).map(lambda n: MON + timedelta(days=n)), max_size=30)


@FAST
@given(days_st, days_st, st.integers(0, 60))
def test_on_the_plan_more_logged_days_never_lower_the_streak(
    logged: set[date], extra: set[date], offset: int
) -> None:
    day = MON + timedelta(days=offset)
    cal = calendar()
    few = week_habit(PLAN, cal, runs(*logged), "running", day)
    many = week_habit(PLAN, cal, runs(*(logged | extra)), "running", day)
    assert few is not None and many is not None
    assert many.streak >= few.streak
    # Never more weeks than the plan has had up to the day, the running one included.
    assert few.streak <= offset // 7 + 1
    assert 0 <= few.this_week <= 7


def test_three_runs_a_week_on_the_plan() -> None:
    # Weeks 1 and 2 met (3 runs each, one on a Tuesday that has no run block), week 3 short.
    logged = runs(
        MON, MON + timedelta(days=1), MON + timedelta(days=4),
        MON + timedelta(days=7), MON + timedelta(days=9), MON + timedelta(days=12),
        MON + timedelta(days=14),
    )  # fmt: skip
    cal = calendar()
    mid = week_habit(PLAN, cal, logged, "running", MON + timedelta(days=16))  # Wed, week 3
    assert mid is not None and (mid.per_week, mid.this_week, mid.streak) == (3, 1, 2)
    after = week_habit(PLAN, cal, logged, "running", MON + timedelta(days=21))  # week 4
    assert after is not None and (after.this_week, after.streak) == (0, 0)
    assert week_habit(PLAN, cal, logged, "piano", MON) is None  # a daily habit


def test_a_trip_week_without_the_habit_neither_counts_nor_breaks() -> None:
    # A variant whose travel days use a template without the run; week 2 is all travel.
    text = (
        WEEKLY.read_text(encoding="utf-8")
        .replace(
            "travel: {mon: weekend, tue: weekend, wed: weekend, thu: weekend, fri: weekend,"
            " sat: weekend, sun: weekend}",
            "travel: {mon: away, tue: away, wed: away, thu: away, fri: away, sat: away, sun: away}",
        )
        .replace(
            "week_shapes:",
            "  away:\n    title: Away\n    blocks:\n"
            "      - {id: piano, type: habit, track: piano, title: Piano, minutes: 10}\n"
            "week_shapes:",
        )
    )
    plan = load_plan_text(text)
    trip = Trip(1, MON + timedelta(days=7), MON + timedelta(days=13))
    cal = Calendar(plan, HolidayTable(None), (trip,), "en")
    logged = runs(MON, MON + timedelta(days=2), MON + timedelta(days=4), MON + timedelta(days=14))
    weeks = habit_weeks(
        plan, cal, "running", 3, frozenset(e.day for e in logged), MON + timedelta(days=20)
    )
    assert [(w.target, w.logged) for w in weeks] == [(3, 3), (0, 0), (3, 1)]
    now = week_habit(plan, cal, logged, "running", MON + timedelta(days=20))
    assert now is not None and now.streak == 1  # week 1 met; the trip week skipped


def test_the_tally_asks_per_week_not_per_day() -> None:
    cal = calendar()
    logged = runs(MON, MON + timedelta(days=1), MON + timedelta(days=4), MON + timedelta(days=7))
    # Two whole weeks and Monday of the third: week 1 met (3 of 3), week 2 one of three.
    # Standing on the third week's Monday, nothing logged yet: that running week asks nothing.
    habits = tally(PLAN, cal, logged, MON, MON + timedelta(days=14))
    run = habits.habit("running")
    assert run is not None
    assert (run.days, run.kept) == (3 + 3 + 0, 3 + 1 + 0)
    assert run.planned == 6 * 40  # per_week x minutes per week, not every day's 40
    assert run.done == 4 * 30
    piano = habits.habit("piano")
    assert piano is not None and piano.days == 15  # a daily habit still asks each day
