"""Catch-up as a choice: recorded choices as adjustments, options and their effects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from pacer.plan.model import Milestone, Plan
from pacer.schedule.capacity import Stretch
from pacer.schedule.catchup import (
    CatchupChoice,
    Effect,
    Option,
    adjustments_of,
    milestone_dates,
    options_for,
    stale_ids,
)
from pacer.schedule.progress import LogEntry
from pacer.schedule.projection import Adjustments, Projection
from tests.schedule.handmade import START, curriculum, entry, plan, run, unit, units, work


def day(n: int, month: int = 3) -> date:
    return date(2026, month, n)


DUE = day(16)


# adjustments_of


def recorded() -> Plan:
    """A plan with the ids the recorded choices below name: m1, m2; o1..o3 optional."""
    members = [*units("r", 2, 300), *units("o", 3, 60, optional=True)]
    return plan(
        (curriculum("c", members),),
        milestones=(
            Milestone("m1", "M1", DUE, ("r1", "r2")),
            Milestone("m2", "M2", day(30, 4), ("o1",)),
        ),
    )


def test_no_choices_change_nothing() -> None:
    assert adjustments_of(recorded(), []) == (Adjustments(), {})


def test_recorded_choices_become_adjustments_and_due_moves() -> None:
    choices = [
        CatchupChoice("stretch", "m1", day(2), day(15), id=1),
        CatchupChoice("defer", "m1", units=("o1", "o2"), id=2),
        CatchupChoice("move_due", "m2", due=day(1, 4), id=3),
        CatchupChoice("stretch", "m2", day(20), day(26), id=4),
        CatchupChoice("defer", "m2", units=("o2", "o3"), id=5),
        CatchupChoice("move_due", "m2", due=day(15, 4), id=6),  # the later one stands
    ]
    adjustments, moves = adjustments_of(recorded(), choices)
    assert adjustments == Adjustments(
        stretches=(Stretch(day(2), day(15)), Stretch(day(20), day(26))),
        deferred=frozenset({"o1", "o2", "o3"}),
    )
    assert moves == {"m2": day(15, 4)}


def test_incomplete_choices_are_ignored() -> None:
    choices = [
        CatchupChoice("stretch", "m1", start=day(2)),
        CatchupChoice("stretch", "m1", end=day(9)),
        CatchupChoice("move_due", "m1"),
    ]
    assert adjustments_of(recorded(), choices) == (Adjustments(), {})


def test_ids_the_edited_plan_no_longer_has_are_ignored_the_rest_holds() -> None:
    """A choice is a stored row; the plan may have been edited since it was recorded."""
    choices = [
        CatchupChoice("defer", "m1", units=("o1", "gone", "o3"), id=1),
        CatchupChoice("move_due", "renamed", due=day(1, 4), id=2),
        CatchupChoice("stretch", "renamed", day(2), day(15), id=3),
        CatchupChoice("move_due", "m2", due=day(15, 4), id=4),
    ]
    p = recorded()
    adjustments, moves = adjustments_of(p, choices)
    assert adjustments == Adjustments(
        stretches=(Stretch(day(2), day(15)),),  # capacity, whatever it was chosen for
        deferred=frozenset({"o1", "o3"}),
    )
    assert moves == {"m2": day(15, 4)}
    assert [stale_ids(p, c) for c in choices] == [
        [("unit", "gone")],
        [("milestone", "renamed")],
        [("milestone", "renamed")],
        [],
    ]
    # And the projection runs with them: nothing deferred that the plan lacks.
    projection = run(p, adjustments=adjustments)
    assert {"o1", "o3"} <= projection.done and "gone" not in projection.done


def test_a_deferred_id_the_plan_lacks_defers_nothing_in_the_projection() -> None:
    p = recorded()
    assert run(p, adjustments=Adjustments(deferred=frozenset({"gone"}))) == run(p)


# options_for


def slipping(due: date = DUE, optional: bool = True) -> Plan:
    """One 60-minute block a day (120 at most) from Monday March 2; r1..r4 of 300 minutes
    (m1 needs them; 1200 minutes: twenty days, so they finish March 21) and, after them,
    the optional o1 of 120 minutes (m2, due April 30)."""
    members = units("r", 4, 300)
    if optional:
        members.append(unit("o1", 120, optional=True))
    return plan(
        (curriculum("c", members),),
        blocks=(work("main", 60, 120),),
        milestones=(
            Milestone("m1", "M1", due, tuple(u.id for u in members if not u.optional)),
            Milestone("m2", "M2", day(30, 4), ("o1",) if optional else ("r1",)),
        ),
    )


def runner(p: Plan) -> Callable[[Adjustments], Projection]:
    def run_it(adjustments: Adjustments) -> Projection:
        return run(p, adjustments=adjustments)

    return run_it


def options(
    p: Plan,
    current: Adjustments | None = None,
    moves: dict[str, date] | None = None,
    target: str = "m1",
) -> list[Option]:
    milestone = next(m for m in p.milestones if m.id == target)
    return options_for(p, milestone, START, current or Adjustments(), moves or {}, runner(p))


def by_kind(found: list[Option]) -> list[tuple[str, date | None, date | None]]:
    return [(o.choice.kind, o.choice.end, o.choice.due) for o in found]


def test_the_base_projection_misses_the_due_date() -> None:
    p = slipping()
    assert milestone_dates(p, run(p)) == {"m1": day(21), "m2": day(23)}


def test_options_stretch_two_and_four_weeks_and_until_the_due_date() -> None:
    found = options(slipping())
    assert by_kind(found) == [
        ("stretch", day(15), None),  # two weeks: March 2 to 15
        ("stretch", day(16), None),  # until the due date
        ("stretch", day(29), None),  # four weeks
        ("defer", None, None),
        ("move_due", None, day(21)),
    ]
    assert all(o.choice.start == START for o in found if o.choice.kind == "stretch")
    assert all(o.choice.milestone == "m1" and o.choice.id == 0 for o in found)


def test_stretch_effects_come_from_running_the_projection_with_them() -> None:
    p = slipping()
    found = options(p)
    two_weeks = found[0]
    # 120 minutes a day: the 1200 minutes of r1..r4 take ten days, o1 one more.
    assert two_weeks.effects == (
        Effect("m1", day(21), day(11), day(16)),
        Effect("m2", day(23), day(12), day(30, 4)),
    )
    for option in found[:3]:
        stretched = Adjustments(stretches=(Stretch(START, option.choice.end),))  # type: ignore[arg-type]
        after = milestone_dates(p, run(p, adjustments=stretched))
        for effect in option.effects:
            assert effect.after == after[effect.milestone]
            assert effect.before is not None and effect.after is not None
            assert effect.after <= effect.before  # a stretch never makes a milestone later


def test_a_short_stretch_helps_by_what_it_adds() -> None:
    p = slipping(due=day(5))
    found = options(p)
    # Until March 5: four days at 120 add 240 minutes, four days earlier.
    assert by_kind(found)[0] == ("stretch", day(5), None)
    assert found[0].effects[0] == Effect("m1", day(21), day(17), day(5))


def test_defer_sets_the_optional_units_aside() -> None:
    p = slipping()
    defer = next(o for o in options(p) if o.choice.kind == "defer")
    assert defer.choice.units == ("o1",)
    # The optional work comes after m1's: deferring it does not help m1; m2, needing only
    # o1, counts as done the day before the projection starts.
    assert defer.effects == (
        Effect("m1", day(21), day(21), day(16)),
        Effect("m2", day(23), day(1), day(30, 4)),
    )


def test_no_defer_without_optional_units_left() -> None:
    assert "defer" not in [o.choice.kind for o in options(slipping(optional=False))]
    deferred = Adjustments(deferred=frozenset({"o1"}))
    assert "defer" not in [o.choice.kind for o in options(slipping(), current=deferred)]


def test_defer_offers_only_optional_units_still_ahead() -> None:
    p = plan(
        (
            curriculum(
                "c",
                [
                    *units("r", 4, 300),
                    unit("o1", 120, optional=True),
                    unit("o2", 120, optional=True),
                    unit("o3", 60, optional=True),
                ],
            ),
        ),
        blocks=(work("main", 60, 120),),
        milestones=(Milestone("m1", "M1", DUE, ("r1", "r2", "r3", "r4")),),
        covers=("o3",),
    )
    finished = [entry("o1", 120, START - timedelta(days=1))]

    def deferrable(log: list[LogEntry]) -> list[tuple[str, ...]]:
        found = options_for(
            p,
            p.milestones[0],
            START,
            Adjustments(),
            {},
            lambda adj: run(p, log, adjustments=adj),
        )
        return [o.choice.units for o in found if o.choice.kind == "defer"]

    # o1 is finished, o3 covered by the baseline: only o2 is still ahead.
    assert deferrable(finished) == [("o2",)]
    # Started is not finished: 60 of o2's 120 minutes logged, it can still be set aside.
    assert deferrable([*finished, entry("o2", 60, START - timedelta(days=1))]) == [("o2",)]
    # Nothing optional left to do: no defer option at all.
    done_too = [*finished, entry("o2", 0, START - timedelta(days=1), done=True)]
    assert deferrable(done_too) == []


def test_move_due_changes_only_the_targets_due_date() -> None:
    p = slipping()
    move = next(o for o in options(p) if o.choice.kind == "move_due")
    assert move.choice.due == day(21)
    assert move.effects == (
        Effect("m1", day(21), day(21), day(21)),
        Effect("m2", day(23), day(23), day(30, 4)),
    )


def test_no_move_due_when_projected_on_the_due_date() -> None:
    found = options(slipping(due=day(21)))
    assert "move_due" not in [o.choice.kind for o in found]


def test_a_recorded_move_is_the_due_date_options_start_from() -> None:
    found = options(slipping(), moves={"m1": day(21)})
    # The due date in force is March 21: no move, and a stretch until then is offered.
    assert by_kind(found) == [
        ("stretch", day(15), None),
        ("stretch", day(21), None),
        ("stretch", day(29), None),
        ("defer", None, None),
    ]
    assert found[0].effects[0] == Effect("m1", day(21), day(11), day(21))


def test_no_extra_stretch_when_the_due_date_is_an_end_already_or_past() -> None:
    kinds = by_kind(options(slipping(due=day(15))))
    assert [k for k in kinds if k[0] == "stretch"] == [
        ("stretch", day(15), None),
        ("stretch", day(29), None),
    ]
    past = by_kind(options(slipping(due=START - timedelta(days=1))))
    assert [k for k in past if k[0] == "stretch"] == [
        ("stretch", day(15), None),
        ("stretch", day(29), None),
    ]


def test_options_build_on_the_adjustments_already_recorded() -> None:
    p = slipping()
    current = Adjustments(stretches=(Stretch(START, day(8)),))  # a week at 120 already
    found = options(p, current=current)
    # Base: 840 minutes in the first week, 360 more at 60 a day: March 14.
    assert found[0].effects[0].before == day(14)
    assert found[0].effects[0].after == day(11)
    move = next(o for o in found if o.choice.kind == "move_due")
    assert move.choice.due == day(14)
