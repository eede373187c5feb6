"""The engine on real plan files: the built-in plan and the Berlin fixture, with their own
holidays — capacity kept, every minute placed once, a trip bounded by what its blocks lost."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pacer.calendar.days import Calendar, Trip
from pacer.calendar.source import load_holiday_table
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from pacer.plan.model import DESK_KINDS, Plan
from pacer.schedule.progress import progress_of, remaining_minutes
from pacer.schedule.projection import Projection, project
from pacer.schedule.stream import build_stream
from pacer.schedule.tripbound import recovery_bound
from tests.conftest import OTHER_PLAN

PLANS = {"builtin": builtin_plan_path(), "berlin": OTHER_PLAN}


def setting(which: str) -> tuple[Plan, object]:
    plan = load_plan_file(Path(PLANS[which]))
    table = load_holiday_table(plan.calendar.country, range(plan.start.year, plan.end.year + 2))
    return plan, table


def run(plan: Plan, table: object, trips: tuple[Trip, ...], start: date) -> Projection:
    calendar = Calendar(plan, table, trips, "en")  # type: ignore[arg-type]
    stream = build_stream(plan, Calendar(plan, table, (), "en"))  # type: ignore[arg-type]
    return project(plan, calendar, stream, progress_of(plan, ()), start)


@pytest.mark.parametrize("which", sorted(PLANS))
def test_every_day_keeps_to_its_blocks_and_every_minute_is_placed_once(which: str) -> None:
    plan, table = setting(which)
    start = plan.start + timedelta(days=20)
    trip = Trip(1, start + timedelta(days=10), start + timedelta(days=23))
    projection = run(plan, table, (trip,), start)
    placed: dict[str, int] = {}
    for day in projection.days:
        for bp in day.blocks:
            assert bp.placed <= bp.capacity or bp.block.type != "work", (day.info.day, bp)
            for p in bp.items:
                placed[p.unit] = placed.get(p.unit, 0) + p.minutes
                if day.info.kind == "trip":
                    unit = next(u for u in plan.units() if u.id == p.unit)
                    assert unit.kind not in DESK_KINDS, (day.info.day, unit.id)
            units = [p.unit for p in bp.items]
            assert len(units) == len(set(units)), (day.info.day, bp.block.id, units)
    left = remaining_minutes(plan, progress_of(plan, ()))
    assert placed == {u: m for u, m in left.items() if m > 0}


@pytest.mark.parametrize("which", sorted(PLANS))
@pytest.mark.parametrize("length", [1, 7, 14, 21])
def test_a_trip_moves_no_milestone_past_its_recovery_bound(which: str, length: int) -> None:
    plan, table = setting(which)
    start = plan.start + timedelta(days=30)
    first = start + timedelta(days=9)
    trip = Trip(1, first, first + timedelta(days=length - 1))
    stream = build_stream(plan, Calendar(plan, table, (), "en"))  # type: ignore[arg-type]
    without = run(plan, table, (), start)
    with_trip = run(plan, table, (trip,), start)
    for m in plan.milestones:
        bound = recovery_bound(plan, stream, without, with_trip, m.needs)
        after = with_trip.finish_of(m.needs)
        if bound is None:
            continue
        assert after is not None and after <= bound, (m.id, without.finish_of(m.needs), after)
