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
from pacer.schedule.projection import Adjustments, Focus, Projection
from tests.schedule.handmade import (
    APRIL,
    MARCH,
    START,
    curriculum,
    entry,
    placed,
    plan,
    run,
    unit,
    units,
    work,
)


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
        CatchupChoice("focus", "m1", day(2), day(15), units=("r2", "r1"), id=7),
    ]
    adjustments, moves = adjustments_of(recorded(), choices)
    assert adjustments == Adjustments(
        stretches=(Stretch(day(2), day(15)), Stretch(day(20), day(26))),
        deferred=frozenset({"o1", "o2", "o3"}),
        focus=(Focus(day(2), day(15), frozenset({"r1", "r2"})),),
    )
    assert moves == {"m2": day(15, 4)}


def test_incomplete_choices_are_ignored() -> None:
    choices = [
        CatchupChoice("stretch", "m1", start=day(2)),
        CatchupChoice("stretch", "m1", end=day(9)),
        CatchupChoice("move_due", "m1"),
        CatchupChoice("focus", "m1", day(2), units=("r1",)),
        CatchupChoice("focus", "m1", day(2), day(15)),  # no units: nothing to put first
    ]
    assert adjustments_of(recorded(), choices) == (Adjustments(), {})


def test_ids_the_edited_plan_no_longer_has_are_ignored_the_rest_holds() -> None:
    """A choice is a stored row; the plan may have been edited since it was recorded."""
    choices = [
        CatchupChoice("defer", "m1", units=("o1", "gone", "o3"), id=1),
        CatchupChoice("move_due", "renamed", due=day(1, 4), id=2),
        CatchupChoice("stretch", "renamed", day(2), day(15), id=3),
        CatchupChoice("move_due", "m2", due=day(15, 4), id=4),
        CatchupChoice("focus", "renamed", day(2), day(8), units=("r1", "gone"), id=5),
    ]
    p = recorded()
    adjustments, moves = adjustments_of(p, choices)
    assert adjustments == Adjustments(
        stretches=(Stretch(day(2), day(15)),),  # capacity, whatever it was chosen for
        deferred=frozenset({"o1", "o3"}),
        focus=(Focus(day(2), day(8), frozenset({"r1"})),),  # its units, whatever the name
    )
    assert moves == {"m2": day(15, 4)}
    assert [stale_ids(p, c) for c in choices] == [
        [("unit", "gone")],
        [("milestone", "renamed")],
        [("milestone", "renamed")],
        [],
        [("milestone", "renamed"), ("unit", "gone")],
    ]
    # And the projection runs with them: nothing deferred that the plan lacks.
    projection = run(p, adjustments=adjustments)
    assert {"o1", "o3"} <= projection.done and "gone" not in projection.done


def test_a_deferred_id_the_plan_lacks_defers_nothing_in_the_projection() -> None:
    p = recorded()
    assert run(p, adjustments=Adjustments(deferred=frozenset({"gone"}))) == run(p)


# the engine's side of a focus choice: a recorded reorder


def two_curricula() -> Plan:
    """A and B, one 120-minute unit each, one 60-minute block a day: the stream is
    a1 60, b1 60, a1 60, b1 60."""
    return plan((curriculum("A", [unit("a1", 120, "A")]), curriculum("B", [unit("b1", 120, "B")])))


def test_a_focus_puts_its_units_first_inside_its_dates_only() -> None:
    p = two_curricula()
    mon, tue, wed, thu = (START + timedelta(days=i) for i in range(4))
    assert run(p).finish == {"a1": wed, "b1": thu}
    first_days = run(p, adjustments=Adjustments(focus=(Focus(mon, tue, frozenset({"b1"})),)))
    assert [placed(first_days, d) for d in (mon, tue, wed, thu)] == [
        [("main", "b1", 60)],
        [("main", "b1", 60)],
        [("main", "a1", 60)],
        [("main", "a1", 60)],
    ]
    later = run(p, adjustments=Adjustments(focus=(Focus(wed, thu, frozenset({"b1"})),)))
    # Monday and Tuesday keep the stream's order; from Wednesday b1 goes first.
    assert [placed(later, d) for d in (mon, tue, wed, thu)] == [
        [("main", "a1", 60)],
        [("main", "b1", 60)],
        [("main", "b1", 60)],
        [("main", "a1", 60)],
    ]


def test_a_focused_unit_still_waits_for_its_block_and_its_prerequisites() -> None:
    p = plan(
        (
            curriculum("A", [unit("a1", 60, "A"), unit("a2", 60, "A")]),
            curriculum("B", [unit("b1", 60, "B", track="b"), unit("b2", 60, "B", after=("a2",))]),
        ),
        blocks=(work("main", 60, tracks=("a",)),),
    )
    focus = Adjustments(focus=(Focus(START, START + timedelta(days=6), frozenset({"b1", "b2"})),))
    projection = run(p, adjustments=focus)
    # b1 (track b) never fits the block; b2 waits for a2.
    assert "b1" not in projection.finish
    days = [placed(projection, START + timedelta(days=i)) for i in range(3)]
    units_by_day = [[uid for _, uid, _ in day] for day in days]
    assert projection.finish["a2"] < projection.finish["b2"] <= START + timedelta(days=2)
    assert sorted(uid for day in units_by_day for uid in day) == ["a1", "a2", "b2"]


def test_a_focus_on_ids_the_plan_lacks_changes_nothing() -> None:
    p = two_curricula()
    gone = Adjustments(focus=(Focus(START, START + timedelta(days=6), frozenset({"gone"})),))
    assert run(p, adjustments=gone) == run(p)


# options_for


def slipping(due: date = DUE, optional: bool = True, n: int = 4) -> Plan:
    """One 60-minute block a day (120 at most) from Monday March 2; r1..r4 of 300 minutes
    (m1 needs them; 1200 minutes: twenty days, so they finish March 21) and, after them,
    the optional o1 of 120 minutes (m2, due April 30)."""
    members = units("r", n, 300)
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


def shared() -> Plan:
    """Two curricula share each day: "deep" (60 minutes, 120 at most) takes only track a,
    "side" (60) takes any unit. big (track a, weight 3): b1..b6 of 120 minutes and the
    optional bo1; small (track b, weight 1): s1..s3 and the optional so1 of 60 minutes. ms
    needs all of small (as `needs: [small]` expands), due March 6; mb needs big's required
    units, due June 30. small gets every other side block: ms lands on March 9, late."""
    big = [*units("b", 6, 120, curriculum="big"), unit("bo1", 60, "big", optional=True)]
    small = [
        *units("s", 3, 60, curriculum="small", track="b"),
        unit("so1", 60, "small", track="b", optional=True),
    ]
    return plan(
        (curriculum("big", big), curriculum("small", small, track="b")),
        blocks=(work("deep", 60, 120, tracks=("a",)), work("side", 60)),
        weights={MARCH: {"big": 3, "small": 1}, APRIL: {"big": 3, "small": 1}},
        milestones=(
            Milestone("ms", "MS", day(6), tuple(u.id for u in small)),
            Milestone("mb", "MB", day(30, 6), tuple(u.id for u in big if not u.optional)),
        ),
    )


def walled() -> Plan:
    """Like `shared`, but small's units are `write` units and only "side" (60, no stretch)
    takes them, and nothing else: no stretch and no reorder can make ms earlier (s1..s3,
    so1 on March 2..5, due March 4)."""
    big = [*units("b", 6, 120, curriculum="big"), unit("bo1", 60, "big", optional=True)]
    small = [
        *units("s", 3, 60, curriculum="small", track="b", kind="write"),
        unit("so1", 60, "small", track="b", kind="write", optional=True),
    ]
    return plan(
        (curriculum("big", big), curriculum("small", small, track="b")),
        blocks=(work("deep", 60, 120, kinds=("study",)), work("side", 60, kinds=("write",))),
        weights={MARCH: {"big": 3, "small": 1}},
        milestones=(
            Milestone("ms", "MS", day(4), tuple(u.id for u in small)),
            Milestone("mb", "MB", day(30, 6), tuple(u.id for u in big if not u.optional)),
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


def on_target(option: Option) -> Effect:
    return next(e for e in option.effects if e.milestone == option.choice.milestone)


def assert_every_option_serves_the_target(found: list[Option], due: date) -> None:
    """Every option makes the target earlier (a negative day delta), or moves its due date
    later; never a "+0 d" option, never a due date moved earlier."""
    assert found
    for option in found:
        effect = on_target(option)
        if option.choice.kind == "move_due":
            assert option.choice.due is not None and option.choice.due > due
            assert effect.due == option.choice.due
        else:
            assert effect.before is not None and effect.after is not None
            assert (effect.after - effect.before).days < 0, option


def test_the_shared_plan_leaves_the_low_weight_milestone_late() -> None:
    p = shared()
    assert milestone_dates(p, run(p)) == {"ms": day(9), "mb": day(9)}


def test_every_option_moves_the_late_low_weight_milestone_earlier() -> None:
    for p in (shared(), walled()):
        ms = p.milestones[0]
        assert_every_option_serves_the_target(options(p, target="ms"), ms.due)


def test_no_option_that_leaves_the_milestone_where_it_is() -> None:
    # Neither a stretch (the deep block never takes small's units) nor a reorder (small's
    # units are the only ones side takes) moves ms: only the defer and the due date remain.
    found = options(walled(), target="ms")
    assert by_kind(found) == [("defer", None, None), ("move_due", None, day(5))]
    assert on_target(found[0]) == Effect("ms", day(5), day(4), day(4))


def test_putting_the_milestones_units_first_is_an_option() -> None:
    p = shared()
    found = options(p, target="ms")
    focus = [o for o in found if o.choice.kind == "focus"]
    # Until the due date is enough: side takes s1, s2, s3, so1 on March 2..5. Two or four
    # weeks of it gain nothing more, so they are not offered.
    assert [(o.choice.start, o.choice.end, o.choice.units) for o in focus] == [
        (START, day(6), ("s1", "s2", "s3", "so1"))
    ]
    assert on_target(focus[0]) == Effect("ms", day(9), day(5), day(6))
    # Recorded, it is what the projection does.
    adjustments, _ = adjustments_of(p, [focus[0].choice])
    assert milestone_dates(p, run(p, adjustments=adjustments))["ms"] == day(5)


def test_a_focus_brings_the_prerequisites_its_units_wait_for() -> None:
    p = plan(
        (
            curriculum("big", units("b", 6, 120, curriculum="big")),
            curriculum("small", [unit("s1", 60, "small", after=("b2",)), unit("s2", 60, "small")]),
        ),
        milestones=(Milestone("ms", "MS", day(3), ("s1", "s2")),),
    )
    focus = [o for o in options(p, target="ms") if o.choice.kind == "focus"]
    # s1 waits for b2 (b2 waits for nothing here): b2 comes along, b1 does not.
    assert focus and all(o.choice.units == ("b2", "s1", "s2") for o in focus)


def test_defer_sets_aside_only_the_milestones_own_optional_units() -> None:
    p = shared()
    (defer,) = [o for o in options(p, target="ms") if o.choice.kind == "defer"]
    assert defer.choice.units == ("so1",)  # never big's bo1
    assert on_target(defer) == Effect("ms", day(9), day(6), day(6))
    small = {u.id for u in p.curriculum("small").units}
    for option in options(p, target="ms") + options(walled(), target="ms"):
        assert set(option.choice.units) <= small


def test_an_on_track_milestone_has_nothing_to_catch_up() -> None:
    p = shared()
    assert milestone_dates(p, run(p))["mb"] == day(9)  # due June 30
    assert options(p, target="mb") == []
    # On its due date is on time too: no "move the due date" to the same day, or earlier.
    assert options(slipping(due=day(21))) == []


def test_a_milestone_whose_units_are_finished_has_nothing_to_catch_up() -> None:
    p = slipping(due=day(1))
    log = [entry(f"r{i}", 300, START - timedelta(days=1)) for i in range(1, 5)]
    found = options_for(
        p, p.milestones[0], START, Adjustments(), {}, lambda adj: run(p, log, adjustments=adj)
    )
    assert found == []


def test_the_base_projection_misses_the_due_date() -> None:
    p = slipping()
    assert milestone_dates(p, run(p)) == {"m1": day(21), "m2": day(23)}


def test_a_longer_stretch_is_offered_only_when_it_gains_more() -> None:
    found = options(slipping())
    # Two weeks at 120 finish r1..r4 on March 11; until the due date (16th) or four weeks
    # would end the same day, so they are not offered. The reorder gains nothing (m1's units
    # are first already); o1 comes after m1, so deferring it would not help m1.
    assert by_kind(found) == [("stretch", day(15), None), ("move_due", None, day(21))]
    assert found[0].choice.start == START
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
    for option in found:
        if option.choice.kind != "stretch":
            continue
        stretched = Adjustments(stretches=(Stretch(START, option.choice.end),))  # type: ignore[arg-type]
        after = milestone_dates(p, run(p, adjustments=stretched))
        for effect in option.effects:
            assert effect.after == after[effect.milestone]
            assert effect.before is not None and effect.after is not None
            assert effect.after <= effect.before  # a stretch never makes a milestone later


def test_a_short_stretch_helps_by_what_it_adds() -> None:
    p = slipping(due=day(5))
    found = options(p)
    # Until March 5: four days at 120 add 240 minutes, four days earlier; two weeks finish
    # on the 11th, ten days earlier; four weeks gain nothing more.
    assert by_kind(found) == [
        ("stretch", day(5), None),
        ("stretch", day(15), None),
        ("move_due", None, day(21)),
    ]
    assert found[0].effects[0] == Effect("m1", day(21), day(17), day(5))
    assert found[1].effects[0] == Effect("m1", day(21), day(11), day(5))


def test_defer_offers_only_optional_units_still_ahead() -> None:
    members = [
        *units("r", 4, 300),
        unit("o1", 120, optional=True),
        unit("o2", 120, optional=True),
        unit("o3", 60, optional=True),
    ]
    p = plan(
        (curriculum("c", members),),
        blocks=(work("main", 60, 120),),
        # The whole curriculum, as `needs: [c]` expands: its optional units too.
        milestones=(Milestone("m1", "M1", DUE, tuple(u.id for u in members)),),
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


def test_no_defer_without_optional_units_left() -> None:
    p = shared()
    assert "defer" in [o.choice.kind for o in options(p, target="ms")]
    deferred = Adjustments(deferred=frozenset({"so1"}))
    assert "defer" not in [o.choice.kind for o in options(p, current=deferred, target="ms")]


def test_move_due_changes_only_the_targets_due_date() -> None:
    p = slipping()
    move = next(o for o in options(p) if o.choice.kind == "move_due")
    assert move.choice.due == day(21)
    assert move.effects == (
        Effect("m1", day(21), day(21), day(21)),
        Effect("m2", day(23), day(23), day(30, 4)),
    )


def test_a_recorded_move_is_the_due_date_options_start_from() -> None:
    # The due date in force is March 19: a stretch until then gains no more than two weeks.
    found = options(slipping(), moves={"m1": day(19)})
    assert by_kind(found) == [("stretch", day(15), None), ("move_due", None, day(21))]
    assert found[0].effects[0] == Effect("m1", day(21), day(11), day(19))
    # Moved to the projected date, it is on time: nothing to catch up.
    assert options(slipping(), moves={"m1": day(21)}) == []


def test_no_extra_stretch_when_the_due_date_is_an_end_already_or_past() -> None:
    # r1..r8: 2400 minutes. Two weeks at 120 leave 720 (March 27); four weeks finish it
    # on March 21.
    kinds = by_kind(options(slipping(due=day(15), n=8)))
    assert [k for k in kinds if k[0] == "stretch"] == [
        ("stretch", day(15), None),
        ("stretch", day(29), None),
    ]
    past = by_kind(options(slipping(due=START - timedelta(days=1), n=8)))
    assert [k for k in past if k[0] == "stretch"] == [
        ("stretch", day(15), None),
        ("stretch", day(29), None),
    ]


def test_options_build_on_the_adjustments_already_recorded() -> None:
    p = slipping(due=day(12))
    current = Adjustments(stretches=(Stretch(START, day(8)),))  # a week at 120 already
    found = options(p, current=current)
    # Base: 840 minutes in the first week, 360 more at 60 a day: March 14. Stretched until
    # the due date, March 12, it ends on the 11th.
    assert by_kind(found) == [("stretch", day(12), None), ("move_due", None, day(14))]
    assert found[0].effects[0].before == day(14)
    assert found[0].effects[0].after == day(11)
    move = next(o for o in found if o.choice.kind == "move_due")
    assert move.choice.due == day(14)
