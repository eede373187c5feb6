"""The planned stream, on small hand-built plans: fair share, piece sizes, queue order."""

from __future__ import annotations

from collections import Counter
from datetime import date

from pacer.plan.model import Curriculum
from pacer.schedule.stream import FOCUS
from tests.schedule.handmade import (
    APRIL,
    MARCH,
    curriculum,
    order,
    plan,
    run,
    stream_of,
    unit,
    units,
    work,
)

MARCH_1 = date(2026, 3, 1)  # a Sunday: the plan starts on the first of its first month


def two_curricula(a: int = 60, b: int = 60, minutes: int = 60) -> tuple[Curriculum, ...]:
    return (
        curriculum("A", units("a", a, minutes, curriculum="A")),
        curriculum("B", units("b", b, minutes, curriculum="B")),
    )


def test_fair_share_follows_the_months_weights() -> None:
    # One 60-minute block a day and 60-minute units: piece i is day i's work.
    p = plan(two_curricula(), start=MARCH_1, weights={MARCH: {"A": 2, "B": 1}})
    march = order(stream_of(p).pieces)[:31]
    # Least served relative to its weight goes next; ties go to plan order.
    assert march[:8] == ["a1", "b1", "a2", "a3", "b2", "a4", "a5", "b3"]
    counts = Counter(uid[0] for uid in march)
    assert counts == {"a": 21, "b": 10}


def test_fair_share_is_kept_month_by_month() -> None:
    # March favours A two to one; April weighs them equally. Were March's minutes still
    # counted, B would take the first ten days of April alone.
    p = plan(
        two_curricula(), start=MARCH_1, weights={MARCH: {"A": 2, "B": 1}, APRIL: {"A": 1, "B": 1}}
    )
    april = order(stream_of(p).pieces)[31:39]
    assert april == ["a22", "b11", "a23", "b12", "a24", "b13", "a25", "b14"]


def test_curricula_without_weights_share_equally() -> None:
    p = plan(two_curricula(), start=MARCH_1)
    assert order(stream_of(p).pieces)[:6] == ["a1", "b1", "a2", "b2", "a3", "b3"]


def test_a_piece_is_at_most_focus_minutes_then_the_block_goes_round() -> None:
    assert FOCUS == 60
    p = plan(
        two_curricula(a=1, b=1, minutes=300),
        start=MARCH_1,
        blocks=(work("main", 150),),
    )
    # Day 1: a 60, b 60, and the 30 left go to A again; day 2 starts with B.
    assert stream_of(p).pieces[:6] == (
        ("a1", 60),
        ("b1", 60),
        ("a1", 30),
        ("b1", 60),
        ("a1", 60),
        ("b1", 30),
    )


def test_a_longer_piece_rather_than_a_sliver_of_the_unit() -> None:
    # a1 has 70 minutes: 60 would leave a 10-minute sliver, so it takes all 70.
    p = plan(
        (
            curriculum("A", [unit("a1", 70, "A"), unit("a2", 60, "A")]),
            curriculum("B", [unit("b1", 200, "B")]),
        ),
        start=MARCH_1,
        blocks=(work("main", 150),),
    )
    # B: 60, then the block's last 20 (B is the less served by then).
    assert stream_of(p).pieces[:3] == (("a1", 70), ("b1", 80), ("a2", 60))


def test_a_longer_piece_rather_than_a_sliver_of_the_block() -> None:
    # A 75-minute block: 60 would leave 15 minutes of it, too short for anything.
    p = plan(
        two_curricula(a=1, b=1, minutes=200),
        start=MARCH_1,
        blocks=(work("main", 75),),
    )
    assert stream_of(p).pieces == (
        ("a1", 75),
        ("b1", 75),
        ("a1", 75),
        ("b1", 75),
        ("a1", 50),
        ("b1", 50),
    )


def test_required_units_come_before_optional_ones() -> None:
    p = plan(
        (
            curriculum(
                "A",
                [
                    unit("a_opt", 60, "A", optional=True),
                    unit("a_req", 60, "A"),
                ],
            ),
            curriculum("B", [unit("b_req", 60, "B"), unit("b_opt", 60, "B", optional=True)]),
        ),
        start=MARCH_1,
    )
    assert order(stream_of(p).pieces) == ["a_req", "b_req", "a_opt", "b_opt"]


def test_a_curriculum_with_only_optional_work_waits_for_the_others_required_work() -> None:
    p = plan(
        (
            curriculum("A", [unit("a_opt", 60, "A", optional=True)]),
            curriculum("B", [unit("b1", 60, "B"), unit("b2", 60, "B")]),
        ),
        start=MARCH_1,
    )
    # Fair share and plan order alone would start with A.
    assert order(stream_of(p).pieces) == ["b1", "b2", "a_opt"]


def test_a_curriculum_whose_window_has_not_opened_gets_nothing() -> None:
    p = plan(
        (
            curriculum("A", units("a", 40, curriculum="A")),
            curriculum("B", units("b", 10, curriculum="B"), start=APRIL),
        ),
        start=MARCH_1,
    )
    pieces = order(stream_of(p).pieces)
    assert all(uid.startswith("a") for uid in pieces[:31])  # every March day
    assert pieces[31:35] == ["a32", "b1", "a33", "b2"]  # April 1 on: equal shares


def test_work_carried_over_from_a_closed_window_yields_to_open_curricula() -> None:
    # A's window is March only and it has more work than March holds; from April 1, B (open)
    # goes first although A is the less served curriculum of the month.
    p = plan(
        (
            curriculum("A", units("a", 40, curriculum="A"), end=MARCH),
            curriculum("B", units("b", 5, curriculum="B"), start=APRIL),
        ),
        start=MARCH_1,
    )
    pieces = order(stream_of(p).pieces)
    assert pieces[:31] == [f"a{i}" for i in range(1, 32)]
    assert pieces[31:36] == ["b1", "b2", "b3", "b4", "b5"]
    assert pieces[36:] == [f"a{i}" for i in range(32, 41)]


def test_inside_a_curriculum_the_earliest_due_comes_first() -> None:
    p = plan(
        (
            curriculum(
                "A",
                [
                    unit("late", 60, "A", due=date(2026, 4, 30)),
                    unit("none", 60, "A"),
                    unit("soon", 60, "A", due=date(2026, 3, 20)),
                    unit("none2", 60, "A"),
                ],
            ),
        ),
        start=MARCH_1,
    )
    assert order(stream_of(p).pieces) == ["soon", "late", "none", "none2"]


def test_prerequisites_come_first_even_across_curricula() -> None:
    p = plan(
        (
            curriculum("A", [unit("a1", 60, "A"), unit("a2", 60, "A", after=("b2",))]),
            curriculum("B", [unit("b1", 120, "B"), unit("b2", 120, "B")]),
        ),
        start=MARCH_1,
    )
    pieces = stream_of(p).pieces
    # Fair share would give A the third day; a2 waits until b2 is finished.
    assert pieces == (("a1", 60), ("b1", 120), ("b2", 120), ("a2", 60))


def test_a_prerequisite_beats_an_earlier_due_date() -> None:
    p = plan(
        (
            curriculum(
                "A",
                [unit("a1", 60, "A"), unit("a2", 60, "A", due=date(2026, 3, 10), after=("a1",))],
            ),
        ),
        start=MARCH_1,
    )
    assert order(stream_of(p).pieces) == ["a1", "a2"]


def test_work_no_block_admits_ends_last_in_plan_order() -> None:
    p = plan(
        (
            curriculum("A", [unit("a_code", 60, "A", kind="code"), unit("a_study", 60, "A")]),
            curriculum("B", [unit("b_exp", 30, "B", kind="experiment"), unit("b_study", 60, "B")]),
        ),
        start=MARCH_1,
        blocks=(work("main", 60, kinds=("study", "reading")),),
    )
    assert stream_of(p).pieces == (
        ("a_study", 60),
        ("b_study", 60),
        ("a_code", 60),
        ("b_exp", 30),
    )


def test_a_curriculum_that_would_miss_its_due_date_at_fair_share_goes_first() -> None:
    due = date(2026, 3, 5)  # five 60-minute days from March 1: half of them is 150 minutes
    p = plan(
        (
            curriculum("A", units("a", 10, curriculum="A")),
            curriculum("B", [unit("b1", 240, "B", due=due)]),
        ),
        start=MARCH_1,
    )
    pieces = stream_of(p).pieces
    assert pieces[:2] == (("b1", 240), ("a1", 60))
    assert run(p).finish["b1"] == date(2026, 3, 4)  # by its due date


def test_a_due_date_fair_share_can_meet_does_not_jump_the_queue() -> None:
    p = plan(
        (
            curriculum("A", units("a", 10, curriculum="A")),
            curriculum("B", [unit("b1", 240, "B", due=date(2026, 3, 31))]),
        ),
        start=MARCH_1,
    )
    assert stream_of(p).pieces[:4] == (("a1", 60), ("b1", 60), ("a2", 60), ("b1", 60))
    assert run(p).finish["b1"] == date(2026, 3, 8)


def test_the_streams_minutes_per_unit_are_the_estimates_without_baseline_units() -> None:
    p = plan(
        (
            curriculum(
                "A",
                [
                    unit("a1", 95, "A"),
                    unit("a2", 130, "A"),
                    unit("a3", 45, "A", kind="code"),
                    unit("a4", 25, "A", optional=True),
                ],
            ),
            curriculum("B", [unit("b1", 210, "B"), unit("b2", 75, "B")], start=APRIL),
        ),
        start=MARCH_1,
        blocks=(work("main", 50, kinds=("study",)), work("extra", 35, kinds=("study",))),
        covers=("a2",),
    )
    totals: dict[str, int] = {}
    for uid, minutes in stream_of(p).pieces:
        assert minutes > 0
        totals[uid] = totals.get(uid, 0) + minutes
    # a3 (code) fits no block: it is still in the stream, at its full estimate.
    assert totals == {"a1": 95, "a3": 45, "a4": 25, "b1": 210, "b2": 75}


def test_urgency_ends_when_the_work_due_is_done() -> None:
    """Once the unit at risk is finished, its curriculum is back to its fair share at once,
    not at the next weekly check."""
    due = date(2026, 3, 5)  # a Thursday; March 1 is a Sunday, so the next check is March 2
    p = plan(
        (
            curriculum("A", units("a", 10, curriculum="A")),
            curriculum("B", [unit("b1", 240, "B", due=due), *units("bb", 4, curriculum="B")]),
        ),
        start=MARCH_1,
    )
    pieces = stream_of(p).pieces
    assert pieces[0] == ("b1", 240)
    # After b1, A and B share again: A, which was served nothing, first catches up to B's
    # 240 minutes (a tie goes to plan order), then they alternate. Were B still urgent until
    # the next weekly check, bb1..bb4 would have come first.
    assert [uid for uid, _ in pieces[1:7]] == ["a1", "a2", "a3", "a4", "a5", "bb1"]
