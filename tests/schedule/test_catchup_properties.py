"""Catch-up on generated plans, logs and trips (hypothesis): every option offered serves the
milestone it was asked for, and a recorded focus only reorders the work."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.plan.model import DESK_KINDS
from pacer.schedule.catchup import adjustments_of, milestone_dates, options_for
from pacer.schedule.progress import progress_of, remaining_minutes
from pacer.schedule.projection import Adjustments, Focus, Projection, project
from pacer.schedule.stream import build_stream
from tests.schedule.planfactory import World, worlds

EXAMPLES = int(os.environ.get("PACER_EXAMPLES", "60"))  # each example runs ~10 projections
FAST = settings(max_examples=EXAMPLES, deadline=None)


def runner(world: World) -> Callable[[Adjustments], Projection]:
    plan = world.plan
    stream = build_stream(plan, world.calendar(()))
    state = progress_of(plan, world.entries, before=world.today)

    def run(adjustments: Adjustments) -> Projection:
        return project(plan, world.calendar(), stream, state, world.today, adjustments=adjustments)

    return run


@FAST
@given(worlds())
def test_every_option_serves_the_milestone_it_is_for(world: World) -> None:
    plan = world.plan
    run = runner(world)
    base = run(Adjustments())
    before = milestone_dates(plan, base)
    curriculum_of = {u.id: u.curriculum for u in plan.units()}
    optional = {u.id for u in plan.units() if u.optional}
    for target in plan.milestones:
        found = options_for(plan, target, world.today, Adjustments(), {}, run)
        projected = before[target.id]
        finished = all(u in base.done for u in target.needs)
        if finished or (projected is not None and projected <= target.due):
            assert found == [], target  # nothing to catch up: no option, no move
            continue
        own = {curriculum_of[u] for u in target.needs}
        for option in found:
            choice = option.choice
            assert choice.milestone == target.id
            (mine,) = [e for e in option.effects if e.milestone == target.id]
            if choice.kind == "move_due":
                assert choice.due is not None and choice.due > target.due
                assert choice.due == projected
                continue
            assert mine.before == projected
            assert mine.after is not None and (projected is None or mine.after < projected)
            if choice.kind == "defer":
                assert set(choice.units) <= optional
                assert {curriculum_of[u] for u in choice.units} <= own
            # Recorded, the choice does exactly what the option showed.
            adjustments, _ = adjustments_of(plan, [choice])
            assert milestone_dates(plan, run(adjustments)) == {
                e.milestone: e.after for e in option.effects
            }


@FAST
@given(worlds(), st.data())
def test_a_focus_only_reorders_the_work(world: World, data: st.DataObject) -> None:
    """Under any focus, no block holds more than it offers or what it may not take, and
    every minute placed is a minute of work left, none twice."""
    plan = world.plan
    ids = [u.id for u in plan.units()]
    units = data.draw(st.frozensets(st.sampled_from(ids), min_size=1))
    first = world.today + timedelta(days=data.draw(st.integers(0, 30)))
    last = first + timedelta(days=data.draw(st.integers(0, 40)))
    projection = runner(world)(Adjustments(focus=(Focus(first, last, units),)))
    by_id = {u.id: u for u in plan.units()}
    placed: dict[str, int] = {}
    for day in projection.days:
        for bp in day.blocks:
            assert bp.placed <= bp.capacity
            for p in bp.items:
                unit = by_id[p.unit]
                assert bp.block.admits(unit.track, unit.kind)
                assert not (day.info.kind == "trip" and unit.kind in DESK_KINDS)
                placed[p.unit] = placed.get(p.unit, 0) + p.minutes
    left = remaining_minutes(plan, progress_of(plan, world.entries, world.today))
    for uid, minutes in left.items():
        assert placed.get(uid, 0) + projection.left.get(uid, 0) == minutes
