"""The weekly review's facts on a small hand-built plan, ISO weeks, the due week, the streak."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest

from pacer.calendar.days import Calendar, Trip
from pacer.plan.model import Milestone, Plan, ReviewSpec
from pacer.schedule.habits import tally
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Projection, project
from pacer.schedule.review import (
    FinishedUnit,
    HabitWeek,
    MilestoneMove,
    TrackWeek,
    WeekFacts,
    due_week_on,
)
from pacer.schedule.review import week_facts as facts_from
from pacer.schedule.weeks import IsoWeek, streak
from tests.schedule.handmade import calendar, curriculum, entry, habit, plan, stream_of, unit, work


def week_facts(
    p: Plan,
    cal: Calendar,
    week: IsoWeek,
    entries: Sequence[LogEntry],
    planned: Projection,
    before: Projection,
    after: Projection,
    today: date | None = None,
) -> WeekFacts:
    """The facts with one plan throughout: the unit minutes `planned` placed in the week per
    track, the habits tallied to `today` (the whole week when None)."""
    tracks = {u.id: u.track for u in p.units()}
    minutes: dict[str, int] = {}
    for d in week.days():
        dp = planned.day(d)
        for bp in dp.blocks if dp is not None else ():
            for item in bp.items:
                minutes[tracks[item.unit]] = minutes.get(tracks[item.unit], 0) + item.minutes
    last = week.sunday if today is None else min(week.sunday, today)
    counted = tally(p, cal, entries, week.monday, last)
    return facts_from(p, cal, week, entries, minutes, counted, before, after)


def day(n: int) -> date:
    """March n, 2026."""
    return date(2026, 3, n)


W10, W11 = IsoWeek(2026, 10), IsoWeek(2026, 11)  # Mar 2–8, Mar 9–15
TRIP = Trip(1, day(12), day(13), "杭州")  # Thursday and Friday of W11
LATER_TRIP = Trip(2, day(30), date(2026, 4, 1))


def five_units() -> Plan:
    """Every day: a 20-minute habit of track b and a 60-minute work block; trip days have no
    blocks at all. u0 (60) then u1..u4 (120 each) then u5 (300), each after the one before."""
    units = [unit("u0", 60), *(unit(f"u{i}", 120) for i in range(1, 5)), unit("u5", 300)]
    return plan(
        (curriculum("c", units),),
        blocks=(habit("listen", "b", 20), work("main", 60)),
        milestones=(
            Milestone("m0", "u0 alone", day(31), ("u0",)),
            Milestone("m1", "first two", day(31), ("u1", "u2")),
            Milestone("m3", "u4", day(31), ("u4",)),
            Milestone("all", "everything", date(2026, 4, 30), ("u1", "u2", "u3", "u4", "u5")),
        ),
    )


# The log: u0 done in W10, 40 minutes of u3 on Saturday of W10; in W11 u1 to its estimate over
# two days and u2 marked done after 30 minutes; the habit on three W11 days (twice on the
# Monday), on a trip day (no habit there) and in W10; u3 finished in W12.
ENTRIES = [
    entry("u0", 60, day(3), done=True),
    entry("u3", 40, day(7)),
    entry("b", 20, day(8), kind="habit"),
    entry("u1", 60, day(9)),
    entry("b", 20, day(9), kind="habit"),
    entry("b", 10, day(9), kind="habit"),
    entry("u1", 60, day(10)),
    entry("b", 20, day(10), kind="habit"),
    entry("u2", 30, day(11), done=True),
    entry("b", 15, day(12), kind="habit"),
    entry("b", 20, day(14), kind="habit"),
    entry("u3", 80, day(16)),
]


def at(p: Plan, entries: Sequence[LogEntry], d: date, trips: Sequence[Trip]) -> Projection:
    """The re-flow at the end of `d`, as the service's projection_at computes it."""
    spent = sum(e.minutes for e in entries if e.day == d and e.kind == "unit")
    state = progress_of(p, entries, before=d + timedelta(days=1))
    return project(
        p, calendar(p, trips), stream_of(p), state, d, keep_days=False, spent_on_start=spent
    )


def facts_of(
    week: IsoWeek,
    entries: Sequence[LogEntry] = ENTRIES,
    trips: Sequence[Trip] = (TRIP, LATER_TRIP),
) -> WeekFacts:
    p = five_units()
    cal = calendar(p, trips)
    planned = project(p, cal, stream_of(p), progress_of(p, ()), p.start, until=week.sunday)
    before = at(p, entries, week.monday - timedelta(days=1), trips)
    after = at(p, entries, week.sunday, trips)
    return week_facts(p, cal, week, entries, planned, before, after)


def test_planned_minutes_are_the_plan_poured_from_its_start_with_the_trips() -> None:
    facts = facts_of(W11)
    # Five days of W11 have their 60-minute block; the trip's two days have none.
    assert facts.tracks == (TrackWeek("a", "A", 300, 150), TrackWeek("b", "B", 0, 0))


def test_done_counts_only_the_weeks_unit_minutes() -> None:
    # W11: u1 60 + 60 and u2 30; not u3's 40 on Saturday of W10, nor its 80 in W12.
    assert facts_of(W11).tracks[0].done == 150
    w10 = facts_of(W10)
    assert w10.tracks[0] == TrackWeek("a", "A", 420, 100)  # seven full days planned


def test_habits_are_days_with_an_entry_among_the_days_that_have_the_habit() -> None:
    # Trip days have no habit block: five days have it; kept on the 9th (twice), 10th and
    # 14th; the entry on the trip day and the one in W10 do not count as days kept. The
    # minutes are those days' 20 each, and every minute logged in the week (the trip day's
    # 15 too: done, if not asked for).
    assert facts_of(W11).habits == (HabitWeek("b", "B", 3, 5, 100, 85),)
    assert facts_of(W10).habits == (HabitWeek("b", "B", 1, 7, 140, 20),)


def test_habit_days_still_to_come_are_not_days_missed() -> None:
    p = five_units()
    cal = calendar(p, (TRIP,))
    planned = project(p, cal, stream_of(p), progress_of(p, ()), p.start, until=W11.sunday)
    before, after = at(p, ENTRIES, day(8), (TRIP,)), at(p, ENTRIES, day(15), (TRIP,))
    facts = week_facts(p, cal, W11, ENTRIES, planned, before, after, today=day(10))
    assert facts.habits == (HabitWeek("b", "B", 2, 2, 40, 50),)  # the 9th and the 10th


def test_units_finished_in_the_week_in_date_order() -> None:
    assert facts_of(W11).finished == (
        FinishedUnit("u1", "u1", "a", day(10)),
        FinishedUnit("u2", "u2", "a", day(11)),
    )
    assert facts_of(W10).finished == (FinishedUnit("u0", "u0", "a", day(3)),)


def test_milestones_that_moved_between_the_two_sundays() -> None:
    # At the end of Mar 8 the rest was projected from the 8th, 60 min a day but none on the
    # trip: u1 9th, u2 11th, u3 15th, u4 17th, u5 22nd. W11 did 150 minutes where the
    # projection had 300 (the rest of u1, u2, 80 of u3, 40 of u4); from the 15th: u3 16th,
    # u4 18th, u5 23rd. m1 (u1, u2) finished on the 11th as projected; m0 was done before.
    assert facts_of(W11).milestones == (
        MilestoneMove("m3", "u4", day(17), day(18), 1),
        MilestoneMove("all", "everything", day(22), day(23), 1),
    )


def test_a_milestone_done_long_ago_does_not_move() -> None:
    # Everything was finished in W10; in W11 nothing is left to project.
    entries = [entry(f"u{i}", 1, day(3), done=True) for i in range(6)]
    assert facts_of(W11, entries).milestones == ()


def test_a_milestone_that_leaves_the_horizon_has_no_day_count() -> None:
    p = five_units()
    before = at(p, ENTRIES, day(8), ())
    gone = Projection(day(15), day(15), (), {}, frozenset())  # nothing placed in time
    cal = calendar(p, ())
    planned = project(p, cal, stream_of(p), progress_of(p, ()), p.start, until=day(15))
    facts = week_facts(p, cal, W11, ENTRIES, planned, before, gone)
    moves = {m.id: m for m in facts.milestones}
    assert moves["all"] == MilestoneMove("all", "everything", day(20), None, None)
    assert "m1" not in moves  # both its units were finished by the log


def test_trips_overlapping_the_week() -> None:
    edge = Trip(3, day(15), day(18))
    assert facts_of(W11).trips == (TRIP,)
    assert facts_of(W11, trips=(TRIP, edge, LATER_TRIP)).trips == (TRIP, edge)
    assert facts_of(W10).trips == ()


def test_days_outside_the_plan_have_no_habit() -> None:
    # The plan starts on Monday Mar 2; a plan starting on Thursday gives its first week four
    # habit days.
    late = replace(five_units(), start=day(5))
    cal = calendar(late, ())
    planned = project(late, cal, stream_of(late), progress_of(late, ()), late.start, until=day(8))
    none = at(late, (), day(8), ())
    facts = week_facts(late, cal, W10, (), planned, at(late, (), day(1), ()), none)
    assert facts.habits == (HabitWeek("b", "B", 0, 4, 80, 0),)
    assert facts.tracks[0].planned == 240


# ISO weeks, the due week, the streak


def test_iso_week_label_days_and_neighbours() -> None:
    assert str(W10) == "2026-W10"
    assert (W10.monday, W10.sunday) == (day(2), day(8))
    assert W10.day("sun") == day(8) and W10.day("wed") == day(4)
    assert W10.days() == [day(n) for n in range(2, 9)]
    assert W11.previous() == W10
    assert IsoWeek(2026, 1).previous() == IsoWeek(2025, 52)  # 2025 has 52 weeks
    assert IsoWeek.of(date(2027, 1, 3)) == IsoWeek(2026, 53)
    assert W10 < W11 < IsoWeek(2027, 1)


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("2026-W10", W10),
        ("2026w10", W10),
        (" 2026-W1 ", IsoWeek(2026, 1)),
        ("2026-W53", IsoWeek(2026, 53)),
        ("2026-W60", None),
        ("2025-W53", None),
        ("2026-W00", None),
        ("2026-10", None),
        ("W10", None),
        ("", None),
    ],
)
def test_parse_iso_week(text: str, week: IsoWeek | None) -> None:
    assert IsoWeek.parse(text) == week


@pytest.mark.parametrize(
    ("d", "review_day", "week"),
    [
        (day(8), "sun", W10),  # the review day: that week's
        (day(9), "sun", W10),  # Monday to Saturday: the previous week's
        (day(14), "sun", W10),
        (day(15), "sun", W11),
        (day(13), "fri", W11),
        (day(12), "fri", W10),
        (day(9), "mon", W11),
    ],
)
def test_due_week(d: date, review_day: str, week: IsoWeek) -> None:
    """On an ordinary calendar the week is due from its review day on (where the review goes
    when that day is a workday: tests/schedule/test_review_day.py)."""
    p = replace(five_units(), review=ReviewSpec(day=review_day))
    assert due_week_on(p, calendar(p), d) == week


def test_streak_counts_back_from_the_due_week() -> None:
    w9, w8, w7 = W10.previous(), W10.previous().previous(), IsoWeek(2026, 7)
    assert streak([w7, w8, w9, W10], W10) == 4
    assert streak([w7, w9, W10, W11], W10) == 2  # a gap ends it; later weeks do not count
    assert streak([w8, w9], W10) == 0  # the due week has no review yet
    assert streak([], W10) == 0
    new_year = [IsoWeek(2025, 52), IsoWeek(2026, 1)]
    assert streak(new_year, IsoWeek(2026, 1)) == 2
