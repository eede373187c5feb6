"""Habit streaks: each day (or week, for `per_week` habits) kept, missed, not asked or still
open, and the current and best runs of kept ones — a day that does not ask keeps the run."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from pacer.record import record
from pacer.schedule.weekly import HabitWeek, monday_of

# The states of a day (or a week) for one habit. The JSON of `habit list` uses these words.
KEPT = "kept"  # asked for, and logged
MISSED = "missed"  # asked for, not logged, and over
NOT_ASKED = "not_asked"  # its template has no such habit (a trip, a holiday, another weekday)
OPEN = "open"  # asked for, not logged yet, and not over (today; a flexible habit's week)
STATES = (KEPT, MISSED, NOT_ASKED, OPEN)


@record
class Streak:
    """Kept days (or weeks) in a row: `current` back from the last one, `best` ever."""

    current: int = 0
    best: int = 0


def runs(states: Iterable[str]) -> Streak:
    """The streak of a habit's states, oldest first. A kept one extends the run, a missed one
    ends it; one not asked, or still open, neither extends nor ends it."""
    run = best = 0
    for state in states:
        if state == KEPT:
            run += 1
            best = max(best, run)
        elif state == MISSED:
            run = 0
    return Streak(run, best)


def day_state(asked: bool, logged: bool, over: bool) -> str:
    """A daily habit's state on a day: logged on a day that does not ask for it is still
    "not asked" (as in the tally, kept never exceeds asked, and a skip keeps the run)."""
    if not asked:
        return NOT_ASKED
    if logged:
        return KEPT
    return MISSED if over else OPEN


def day_states(
    asked: Collection[date], logged: Collection[date], first: date, last: date, today: date
) -> tuple[str, ...]:
    """A daily habit's state on each day from `first` to `last`; days from `today` on are
    not over (today not logged yet is still running, not missed)."""
    out: list[str] = []
    d = first
    while d <= last:
        out.append(day_state(d in asked, d in logged, d < today))
        d += timedelta(days=1)
    return tuple(out)


def week_state(week: HabitWeek, over: bool) -> str:
    """A flexible habit's week: met, missed, asking nothing, or running."""
    if week.target == 0:
        return NOT_ASKED
    if week.met:
        return KEPT
    return MISSED if over else OPEN


def week_states(weeks: Sequence[HabitWeek], today: date) -> tuple[str, ...]:
    """The state of each week (oldest first); a week is over once its Sunday is behind
    `today` (the week holding today is still running)."""
    return tuple(week_state(w, w.monday + timedelta(days=6) < today) for w in weeks)


def flexible_day_states(
    offering: Collection[date],
    logged: Collection[date],
    weeks: Sequence[HabitWeek],
    first: date,
    last: date,
    today: date,
) -> tuple[str, ...]:
    """A flexible habit's state on each day from `first` to `last`: a logged day is kept; a
    day whose template lacks it, or in a week already met, was not asked; else the day is
    missed when its week ended short, open while its week runs."""
    by_monday = {w.monday: w for w in weeks}
    out: list[str] = []
    d = first
    while d <= last:
        week = by_monday.get(monday_of(d))
        if d not in offering:
            out.append(NOT_ASKED)
        elif d in logged:
            out.append(KEPT)
        elif week is None or week.met:
            out.append(NOT_ASKED)
        else:
            out.append(MISSED if week.monday + timedelta(days=6) < today else OPEN)
        d += timedelta(days=1)
    return tuple(out)
