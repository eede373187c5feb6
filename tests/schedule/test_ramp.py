"""A gentle first week back (`ramp:`): which days are lighter, and what that costs (hypothesis)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.calendar.days import Calendar, HolidayTable, Trip
from pacer.plan.model import (
    Absence,
    Block,
    Curriculum,
    DayTemplate,
    Month,
    Plan,
    Ramp,
    Track,
    Unit,
    WeekShape,
)
from pacer.schedule.capacity import Timeline
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import project
from pacer.schedule.ramp import lighter, ramp_days
from pacer.schedule.stream import build_stream
from tests.schedule.planfactory import CHUNK, START, World, offered_by, placed_by, worlds

EXAMPLES = int(os.environ.get("PACER_EXAMPLES", "150"))
HALF = Ramp(after_days=5, days=3, share=0.5)


def with_ramp(plan: Plan, ramp: Ramp | None, *more: Absence) -> Plan:
    return replace(plan, absences=(Absence("travel", shape="travel", ramp=ramp), *more))


def days_off_on_sunday(plan: Plan) -> Plan:
    """Sundays keep the habit and have no work block (a day off the ramp must not use up)."""
    off = DayTemplate("off", "O", (Block("listen", "habit", "listen", 20, 20, track="b"),))
    normal = WeekShape("normal", ("workday",) * 5 + ("deep", "off"))
    shapes = (normal, *(s for s in plan.week_shapes if s.id != "normal"))
    return replace(plan, day_templates=(*plan.day_templates, off), week_shapes=shapes)


def lighter_days(plan: Plan, *trips: Trip) -> dict[date, tuple[int, int]]:
    calendar = Calendar(plan, HolidayTable(None), trips, "en")
    return {d: (r.n, r.days) for d, r in ramp_days(plan, calendar).items()}


def trip(n: int, first: date, days: int, kind: str = "travel") -> Trip:
    return Trip(n, first, first + timedelta(days=days - 1), kind=kind)


MON = date(2026, 3, 9)  # trips below start on this Monday


def _base() -> Plan:
    """Workdays of 60 minutes' work, a deep Saturday, a light Sunday, travel days without
    work; one curriculum of ten hour-long units."""
    listen = Block("listen", "habit", "listen", 20, 20, track="b")
    templates = tuple(
        DayTemplate(tid, tid, (listen, *((Block(tid, "work", tid, m, m),) if m else ())))
        for tid, m in (("workday", 60), ("deep", 180), ("light", 60), ("travel", 0))
    )
    return Plan(
        id="ramp",
        title="ramp",
        start=START,
        end=START + timedelta(days=118),
        tracks=(Track("a", "A"), Track("b", "B")),
        day_templates=templates,
        week_shapes=(
            WeekShape("normal", ("workday",) * 5 + ("deep", "light")),
            WeekShape("travel", ("travel",) * 7),
        ),
        curricula=(
            Curriculum(
                "c",
                "c",
                "a",
                Month(2026, 3),
                Month(2026, 6),
                tuple(Unit(f"u{i}", f"u{i}", "a", "c", 60) for i in range(10)),
            ),
        ),
        min_chunk=CHUNK,
    )


BASE = _base()


def test_lighter_rounds_down_to_five_minutes_and_never_rises() -> None:
    assert [lighter(m, 0.5) for m in (60, 45, 90, 120, 20, 5, 3)] == [30, 20, 45, 60, 10, 5, 3]
    assert lighter(100, 0.29) == 25 and lighter(60, 1.0) == 60 and lighter(60, 0.01) == 5


@given(st.integers(0, 600), st.floats(0.01, 1.0))
def test_a_lighter_block_never_offers_more_than_its_own(minutes: int, share: float) -> None:
    assert lighter(minutes, share) <= minutes


def test_the_first_days_back_after_a_long_trip_are_lighter() -> None:
    plan = days_off_on_sunday(with_ramp(BASE, HALF))
    away = trip(1, MON, 14)  # Monday 9 … Sunday 22 March
    assert lighter_days(plan, away) == {
        date(2026, 3, 23): (1, 3),
        date(2026, 3, 24): (2, 3),
        date(2026, 3, 25): (3, 3),
    }
    assert lighter_days(plan, trip(1, MON, 4)) == {}  # shorter than after_days
    assert lighter_days(with_ramp(plan, None), away) == {}  # no ramp for the kind


def test_days_off_do_not_use_up_the_ramp() -> None:
    plan = days_off_on_sunday(with_ramp(BASE, HALF))
    away = trip(1, MON, 12)  # back on Saturday 21 March; Sunday has no work block
    assert list(lighter_days(plan, away)) == [
        date(2026, 3, 21),
        date(2026, 3, 23),
        date(2026, 3, 24),
    ]


def test_absences_that_touch_are_one_time_away() -> None:
    sick = Absence("sick", template="travel")  # no ramp of its own
    plan = with_ramp(BASE, HALF, sick)
    # Three days away, then three days sick from the day after: six days away in all.
    days = lighter_days(plan, trip(1, MON, 3), trip(2, MON + timedelta(days=3), 3, "sick"))
    assert list(days) == [MON + timedelta(days=6 + i) for i in range(3)]
    assert lighter_days(plan, trip(1, MON, 3)) == {}


def test_a_short_absence_pauses_the_ramp_and_a_long_one_starts_it_again() -> None:
    plan = with_ramp(BASE, HALF)
    long_trip = trip(1, MON, 14)  # back on Monday 23 March
    short = trip(2, date(2026, 3, 24), 2)  # away again Tuesday and Wednesday
    assert lighter_days(plan, long_trip, short) == {
        date(2026, 3, 23): (1, 3),
        date(2026, 3, 26): (2, 3),
        date(2026, 3, 27): (3, 3),
    }
    again = trip(2, date(2026, 3, 24), 7)  # a second long trip: its own ramp, from day 1
    assert lighter_days(plan, long_trip, again) == {
        date(2026, 3, 23): (1, 3),
        date(2026, 3, 31): (1, 3),
        date(2026, 4, 1): (2, 3),
        date(2026, 4, 2): (3, 3),
    }


def test_the_projection_pours_less_into_the_first_days_back() -> None:
    plan = with_ramp(BASE, HALF)
    away = trip(1, MON, 14)
    calendar = Calendar(plan, HolidayTable(None), (away,), "en")
    stream = build_stream(plan, Calendar(plan, HolidayTable(None), (), "en"))
    run = project(plan, calendar, stream, progress_of(plan, ()), MON, until=date(2026, 3, 27))
    offered = {
        dp.info.day.day: [(bp.block.type, bp.capacity, bp.placed) for bp in dp.blocks]
        for dp in run.days
        if dp.info.day >= date(2026, 3, 23)
    }
    assert offered == {
        23: [("habit", 0, 0), ("work", 30, 30)],
        24: [("habit", 0, 0), ("work", 30, 30)],
        25: [("habit", 0, 0), ("work", 30, 30)],
        26: [("habit", 0, 0), ("work", 60, 60)],
        27: [("habit", 0, 0), ("work", 60, 60)],
    }
    assert [dp.ramp.n if dp.ramp else None for dp in run.days[-5:]] == [1, 2, 3, None, None]


# -- properties ---------------------------------------------------------------------------------
ramps = st.builds(
    Ramp, st.integers(1, 14), st.integers(1, 7), st.floats(0.01, 1.0, allow_nan=False)
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(worlds(), ramps, st.integers(0, 40), st.integers(1, 21))
def test_the_ramp_never_raises_a_day_above_its_template(
    world: World, ramp: Ramp, offset: int, length: int
) -> None:
    plan = world.plan
    trips = (*world.trips, trip(99, START + timedelta(days=offset), length))
    calendar = Calendar(plan, HolidayTable(None), trips, "en")
    plain = Timeline(plan, calendar, START)
    ramped = Timeline(with_ramp(plan, ramp), calendar, START)
    lighter_seen = 0
    for i in range(130):
        d = START + timedelta(days=i)
        before, after = plain.day(d), ramped.day(d)
        assert after.blocks == before.blocks  # habits and rituals untouched, no block added
        assert [b for b, _ in after.work] == [b for b, _ in before.work]
        for (block, was), (_, now) in zip(before.work, after.work, strict=True):
            assert now <= was == block.minutes
            if after.ramp is None:
                assert now == was
        lighter_seen += after.ramp is not None
    assert lighter_seen <= ramp.days * (len(trips) + 1)


def chunked(world: World) -> World:
    """The world with each work block a whole even number of chunks: at half, a lighter
    block is still whole chunks, so no minute of it goes unused for want of a chunk."""

    def even(b: Block) -> Block:
        if b.type != "work":
            return b
        minutes = -(-b.minutes // (2 * CHUNK)) * 2 * CHUNK
        return replace(b, minutes=minutes, max_minutes=max(minutes, b.max_minutes))

    templates = tuple(
        replace(t, blocks=tuple(even(b) for b in t.blocks)) for t in world.plan.day_templates
    )
    return replace(world, plan=replace(world.plan, day_templates=templates))


@settings(max_examples=EXAMPLES + 50, deadline=None)
@given(
    worlds(uniform=True).map(chunked),
    st.integers(1, 14),
    st.integers(1, 7),
    st.integers(0, 40),
    st.integers(1, 21),
)
def test_the_ramp_costs_a_milestone_no_more_than_the_minutes_it_withheld(
    world: World, after_days: int, days: int, offset: int, length: int
) -> None:
    # Uniform worlds: every work block takes any unit, travel days have no work, all minutes
    # are whole chunks — and curricula keep their month windows. Capacity is not fungible
    # across a window (work pushed into May meets May's own), so the milestone's *date* may
    # move by more than the minutes say; the work done by that date may not: by any day, the
    # projection with the ramp has placed at most the withheld minutes less than without.
    ramp = Ramp(after_days, days, 0.5)
    trips = (*world.trips, trip(99, world.today + timedelta(days=offset), length))
    plan = world.plan
    stream = build_stream(plan, Calendar(plan, HolidayTable(None), (), "en"))
    calendar = Calendar(plan, HolidayTable(None), trips, "en")
    state = progress_of(plan, world.entries, before=world.today)
    last = plan.end + timedelta(days=60)
    without = project(plan, calendar, stream, state, world.today, until=last)
    ramped = with_ramp(plan, ramp)
    calendar = Calendar(ramped, HolidayTable(None), trips, "en")
    withramp = project(ramped, calendar, stream, state, world.today, until=last)
    withheld = offered_by(without, last) - offered_by(withramp, last)
    assert withheld >= 0
    for m in plan.milestones:
        before = without.finish_of(m.needs)
        if before is None or before < world.today:
            continue
        lost = placed_by(without, before) - placed_by(withramp, before)
        assert lost <= withheld, (m.id, before, lost, withheld)
    for dp in without.days:  # and by every day, the minutes withheld up to that day
        d = dp.info.day
        assert placed_by(without, d) - placed_by(withramp, d) <= offered_by(
            without, d
        ) - offered_by(withramp, d), d
