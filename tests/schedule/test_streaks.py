"""Habit streaks: a day not asked keeps the run, today open does not break it, current ≤ best."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pacer.schedule.streaks import (
    KEPT,
    MISSED,
    NOT_ASKED,
    OPEN,
    STATES,
    Streak,
    day_states,
    flexible_day_states,
    runs,
    week_states,
)
from pacer.schedule.weekly import HabitWeek, week_streak

closed_states = st.lists(st.sampled_from((KEPT, MISSED, NOT_ASKED)), max_size=60)


@given(st.lists(st.sampled_from(STATES), max_size=80))
def test_current_never_above_best(states: list[str]) -> None:
    streak = runs(states)
    assert 0 <= streak.current <= streak.best <= states.count(KEPT)


@given(closed_states, st.integers(min_value=0, max_value=60), st.sampled_from((NOT_ASKED, OPEN)))
def test_a_day_not_asked_or_open_never_changes_the_streak(
    states: list[str], where: int, neutral: str
) -> None:
    where = min(where, len(states))
    assert runs([*states[:where], neutral, *states[where:]]) == runs(states)


@given(closed_states)
def test_a_kept_day_extends_and_a_missed_one_ends_the_current_run(states: list[str]) -> None:
    before = runs(states)
    assert runs([*states, KEPT]).current == before.current + 1
    assert runs([*states, MISSED]) == Streak(0, before.best)


def test_runs_counts_across_skips() -> None:
    states = [KEPT, KEPT, MISSED, KEPT, NOT_ASKED, KEPT, KEPT, OPEN]
    assert runs(states) == Streak(3, 3)
    assert runs([KEPT, KEPT, KEPT, MISSED, KEPT]) == Streak(1, 3)


def test_day_states_today_open_and_days_not_asked() -> None:
    first = date(2026, 3, 2)
    days = [first + timedelta(days=i) for i in range(6)]
    asked = {days[0], days[1], days[3], days[4], days[5]}  # days[2] a holiday
    logged = {days[0], days[1], days[2], days[3]}  # days[2] logged though not asked
    states = day_states(asked, logged, first, days[5], today=days[4])
    assert states == (KEPT, KEPT, NOT_ASKED, KEPT, OPEN, OPEN)
    assert runs(states) == Streak(3, 3)


@given(
    st.sets(st.integers(min_value=0, max_value=40)),
    st.sets(st.integers(min_value=0, max_value=40)),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_removing_the_habit_from_a_day_not_logged_before_today_only_helps(
    asked_i: set[int], logged_i: set[int], today_i: int, extra: int
) -> None:
    """A trip day without the habit (the day no longer asks) never lowers the streak, and a
    day not asked at all changes nothing wherever it falls."""
    first = date(2026, 1, 1)
    asked = {first + timedelta(days=i) for i in asked_i}
    logged = {first + timedelta(days=i) for i in logged_i}
    today = first + timedelta(days=today_i)
    last = first + timedelta(days=40)
    base = runs(day_states(asked, logged, first, last, today))
    skip = first + timedelta(days=extra)
    without = runs(day_states(asked - {skip}, logged, first, last, today))
    if skip not in logged:
        assert without.current >= base.current
        assert without.best >= base.best
    if skip not in asked:
        assert without == base


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=7)),
        min_size=1,
        max_size=20,
    )
)
def test_week_states_agree_with_weekly_week_streak(raw: list[tuple[int, int]]) -> None:
    """The weeks' current streak is the one `pacer status` shows (schedule/weekly.py)."""
    monday = date(2026, 1, 5)
    weeks = [HabitWeek(monday + timedelta(weeks=i), t, k) for i, (t, k) in enumerate(raw)]
    today = weeks[-1].monday + timedelta(days=2)  # inside the last week: it runs
    streak = runs(week_states(weeks, today))
    assert streak.current == week_streak(weeks, running=True)
    assert streak.current <= streak.best


def test_flexible_days() -> None:
    monday = date(2026, 3, 2)
    weeks = [HabitWeek(monday, 2, 1), HabitWeek(monday + timedelta(weeks=1), 2, 2)]
    offering = {monday + timedelta(days=i) for i in (0, 2, 4, 7, 9)}
    logged = {monday, monday + timedelta(days=7), monday + timedelta(days=8)}
    today = monday + timedelta(days=10)
    states = flexible_day_states(offering, logged, weeks, monday, today, today)
    assert states[0] == KEPT
    assert states[1] == NOT_ASKED  # the template lacks it
    assert states[2] == MISSED  # the first week ended one short
    assert states[7] == KEPT
    assert states[8] == NOT_ASKED  # logged on a day not offering it
    assert states[9] == NOT_ASKED  # the second week is already met
