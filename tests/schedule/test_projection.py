"""Pouring the remaining stream into real capacity, on small hand-built plans."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pacer.plan.model import Plan
from pacer.schedule.capacity import Stretch
from pacer.schedule.progress import progress_of, remaining_minutes
from pacer.schedule.projection import Adjustments, Projection, project, remaining_stream
from pacer.schedule.stream import Stream
from tests.schedule.handmade import (
    APRIL,
    START,
    calendar,
    curriculum,
    entry,
    minutes_by_unit,
    placed,
    plan,
    run,
    stream_of,
    trip,
    unit,
    units,
    work,
)

MON, TUE, WED, THU, FRI, SAT, SUN = (START + timedelta(days=i) for i in range(7))
BEFORE = START - timedelta(days=1)


def alternating() -> Plan:
    """A and B, one 120-minute unit each, one 60-minute block a day: the stream is
    a1 60, b1 60, a1 60, b1 60."""
    return plan((curriculum("A", [unit("a1", 120, "A")]), curriculum("B", [unit("b1", 120, "B")])))


def sixties(n: int = 5, **kw: Any) -> Plan:
    """One curriculum of `n` 60-minute units, u1 .. un."""
    return plan((curriculum("c", units("u", n)),), **kw)


def test_nothing_logged_pours_the_stream_in_order() -> None:
    p = alternating()
    assert stream_of(p).pieces == (("a1", 60), ("b1", 60), ("a1", 60), ("b1", 60))
    projection = run(p)
    assert [placed(projection, d) for d in (MON, TUE, WED, THU)] == [
        [("main", "a1", 60)],
        [("main", "b1", 60)],
        [("main", "a1", 60)],
        [("main", "b1", 60)],
    ]
    assert projection.finish == {"a1": WED, "b1": THU}
    assert projection.last == THU  # stops once everything is placed
    assert projection.left == {}


def test_logged_minutes_come_off_the_units_first_pieces() -> None:
    p = alternating()
    projection = run(p, [entry("a1", 60, MON)], start=TUE)
    assert [placed(projection, d) for d in (TUE, WED, THU)] == [
        [("main", "b1", 60)],
        [("main", "a1", 60)],
        [("main", "b1", 60)],
    ]
    assert projection.finish == {"a1": WED, "b1": THU}


def test_a_done_unit_disappears() -> None:
    p = alternating()
    projection = run(p, [entry("a1", 0, MON, done=True)], start=TUE)
    assert minutes_by_unit(projection) == {"b1": 120}
    assert projection.finish == {"b1": WED}
    assert "a1" in projection.done
    assert projection.finish_of(["a1"]) == MON


def test_spent_on_start_uses_up_the_first_days_blocks_in_order() -> None:
    p = sixties(blocks=(work("main", 60), work("extra", 40)))
    projection = run(p, spent_on_start=70)
    assert placed(projection, MON) == [("extra", "u1", 30)]
    monday = projection.day(MON)
    assert monday is not None
    assert [bp.capacity for bp in monday.blocks] == [60, 40]  # what the blocks offered
    # Tuesday is a whole day again (its last 10 minutes too short for a piece of u3).
    assert placed(projection, TUE) == [("main", "u1", 30), ("main", "u2", 30), ("extra", "u2", 30)]


def test_spent_on_start_beyond_the_day_does_not_carry_over() -> None:
    p = sixties(blocks=(work("main", 60), work("extra", 40)))
    projection = run(p, spent_on_start=500)
    assert placed(projection, MON) == []
    assert sum(m for _, _, m in placed(projection, TUE)) == 100
    assert run(p, spent_on_start=0).finish["u5"] == WED
    assert projection.finish["u5"] == THU


def test_until_stops_early_and_reports_what_is_left() -> None:
    projection = run(sixties(), until=WED)
    assert [d.info.day for d in projection.days] == [MON, TUE, WED]
    assert projection.last == WED
    assert projection.finish == {"u1": MON, "u2": TUE, "u3": WED}
    assert projection.left == {"u4": 60, "u5": 60}
    assert projection.finish_of(["u1", "u3"]) == WED
    assert projection.finish_of(["u1", "u4"]) is None


def test_keep_days_false_keeps_no_days_but_the_same_finish() -> None:
    full = run(sixties())
    lean = run(sixties(), keep_days=False)
    assert lean.days == ()
    assert (
        lean.finish == full.finish == {f"u{i}": START + timedelta(days=i - 1) for i in range(1, 6)}
    )


def travelling() -> Plan:
    """A code unit, then two study units; trip days have a continuation-only reading block
    before an ordinary one."""
    return plan(
        (
            curriculum(
                "c",
                [unit("code1", 120, kind="code"), unit("st1", 90), unit("st2", 60)],
            ),
        ),
        travel=(work("read", 30, new_units=False), work("road", 60)),
    )


def test_a_trip_day_uses_the_travel_template_and_places_no_desk_work() -> None:
    p = travelling()
    assert stream_of(p).pieces == (("code1", 120), ("st1", 90), ("st2", 60))
    projection = run(p, trips=[trip(TUE, WED)])
    tuesday = projection.day(TUE)
    assert tuesday is not None
    assert tuesday.info.kind == "trip"
    assert tuesday.template.id == "travel"
    assert [bp.block.id for bp in tuesday.blocks] == ["read", "road"]
    assert placed(projection, MON) == [("main", "code1", 60)]
    # Tuesday: code1 has started but is desk work; st1 has not started, so the reading
    # block (new_units: false) stays empty and st1 starts in the ordinary block.
    assert placed(projection, TUE) == [("road", "st1", 60)]
    # Wednesday: st1 has started, so the reading block continues it.
    assert placed(projection, WED) == [("read", "st1", 30), ("road", "st2", 60)]
    assert placed(projection, THU) == [("main", "code1", 60)]
    assert projection.finish == {"st1": WED, "st2": WED, "code1": THU}


def test_a_continuation_block_continues_a_unit_started_in_the_log() -> None:
    p = travelling()
    projection = run(p, [entry("st2", 10, MON)], start=TUE, trips=[trip(TUE, WED)])
    # st2 comes after st1 in the stream, but only st2 has been started.
    assert placed(projection, TUE) == [("read", "st2", 30), ("road", "st1", 60)]
    assert placed(projection, WED) == [("read", "st1", 30), ("road", "st2", 20)]


def test_without_the_trip_the_same_days_follow_the_stream() -> None:
    projection = run(travelling())
    assert placed(projection, TUE) == [("main", "code1", 60)]
    assert projection.finish == {"code1": TUE, "st1": THU, "st2": FRI}


def test_a_stretch_lets_blocks_run_to_their_max_only_inside_its_dates() -> None:
    p = sixties(8, blocks=(work("main", 60, 120),))
    adjustments = Adjustments(stretches=(Stretch(TUE, WED),))
    projection = run(p, adjustments=adjustments)
    days = projection.days[:4]
    assert [d.blocks[0].capacity for d in days] == [60, 120, 120, 60]
    assert [d.placed for d in days] == [60, 120, 120, 60]
    assert projection.finish["u6"] == THU
    assert run(p).finish["u6"] == SAT


def test_deferred_units_are_not_placed_and_count_as_done() -> None:
    p = plan(
        (
            curriculum(
                "c",
                [
                    unit("r1", 60),
                    unit("o1", 60, optional=True),
                    unit("r2", 60, after=("o1",)),
                ],
            ),
        )
    )
    assert run(p).finish == {"r1": MON, "o1": TUE, "r2": WED}
    projection = run(p, adjustments=Adjustments(deferred=frozenset({"o1"})))
    assert minutes_by_unit(projection) == {"r1": 60, "r2": 60}
    assert projection.finish == {"r1": MON, "r2": TUE}  # its prerequisite counts as done
    assert "o1" in projection.done
    assert "o1" not in projection.left
    assert projection.finish_of(["o1"]) == BEFORE


def test_no_sliver_is_placed_and_a_block_too_short_for_the_rest_stays_unfilled() -> None:
    p = sixties(2, blocks=(work("main", 50),))
    assert stream_of(p).pieces == (("u1", 60), ("u2", 60))
    projection = run(p)
    # 50 of u1 would leave 10: place 40 and keep a whole chunk of 20; the last 10 minutes
    # of the block are too short for u1's 20, so they stay empty.
    assert placed(projection, MON) == [("main", "u1", 40)]
    assert placed(projection, TUE) == [("main", "u1", 20), ("main", "u2", 30)]
    assert placed(projection, WED) == [("main", "u2", 30)]
    for day in projection.days:
        for bp in day.blocks:
            for item in bp.items:
                assert item.minutes >= p.min_chunk


def test_a_piece_shorter_than_the_chunk_is_placed_when_it_finishes_the_unit() -> None:
    p = sixties(2, blocks=(work("main", 50),))
    projection = run(p, [entry("u1", 50, MON)], start=TUE)
    assert placed(projection, TUE) == [("main", "u1", 10), ("main", "u2", 40)]
    assert projection.finish["u1"] == TUE


def test_a_window_not_yet_open_is_not_poured_into() -> None:
    p = plan(
        (
            curriculum("A", [unit("a1", 60, "A")]),
            curriculum("B", [unit("b1", 60, "B")], start=APRIL),
        )
    )
    projection = run(p)
    assert projection.finish == {"a1": MON, "b1": date(2026, 4, 1)}


def test_finish_of_everything_done_before_start_is_the_day_before() -> None:
    p = alternating()
    entries = [entry("a1", 120, MON), entry("b1", 0, MON, done=True)]
    projection = run(p, entries, start=WED)
    assert projection.days == ()
    assert projection.done == frozenset({"a1", "b1"})
    assert projection.finish_of(["a1", "b1"]) == TUE
    assert projection.finish_of([]) == TUE


def test_finish_of_is_the_latest_finish_and_none_when_one_is_unplaced() -> None:
    projection = Projection(
        start=WED,
        last=SUN,
        days=(),
        finish={"x": THU, "y": SAT},
        done=frozenset({"old"}),
        left={"z": 30},
    )
    assert projection.finish_of(["x", "y", "old"]) == SAT
    assert projection.finish_of(["old", "x"]) == THU
    assert projection.finish_of(["x", "z"]) is None


def pairs(p: Plan, stream: Stream, left: dict[str, int]) -> list[tuple[str, int]]:
    """The remaining stream's (unit, minutes), without the pools."""
    return [(uid, minutes) for uid, minutes, _ in remaining_stream(p, stream, left)]


def test_remaining_stream_takes_logged_minutes_off_the_first_pieces() -> None:
    p = alternating()
    stream = stream_of(p)
    left = remaining_minutes(p, progress_of(p, [entry("a1", 60, MON)]))
    assert pairs(p, stream, left) == [("b1", 60), ("a1", 60), ("b1", 60)]
    left = remaining_minutes(p, progress_of(p, [entry("a1", 30, MON), entry("b1", 90, MON)]))
    assert pairs(p, stream, left) == [("a1", 30), ("a1", 60), ("b1", 30)]


def test_remaining_stream_folds_a_sliver_into_the_units_next_piece() -> None:
    p = alternating()
    stream = stream_of(p)
    # 50 logged leaves 10 of a1's first piece: it joins a1's next piece.
    assert pairs(p, stream, {"a1": 70, "b1": 120}) == [
        ("b1", 60),
        ("a1", 70),
        ("b1", 60),
    ]
    # A sliver with no later piece of its unit stays: it finishes the unit.
    assert pairs(p, stream, {"a1": 10, "b1": 120}) == [
        ("b1", 60),
        ("a1", 10),
        ("b1", 60),
    ]


def test_remaining_stream_folds_a_chain_of_slivers() -> None:
    p = alternating()
    stream = Stream((("a1", 10), ("b1", 60), ("a1", 5), ("b1", 60), ("a1", 105)))
    assert pairs(p, stream, {"a1": 120, "b1": 120}) == [
        ("b1", 60),
        ("b1", 60),
        ("a1", 120),
    ]
    assert pairs(p, stream, {"a1": 0, "b1": 120}) == [("b1", 60), ("b1", 60)]


def test_a_units_pieces_in_one_block_make_one_line() -> None:
    # The stream a1 30, b1 30, a1 45 poured into one 120-minute block: a1 once, 75 minutes.
    p = plan(
        (curriculum("A", [unit("a1", 75, "A")]), curriculum("B", [unit("b1", 30, "B")])),
        blocks=(work("main", 120),),
    )
    stream = Stream((("a1", 30), ("b1", 30), ("a1", 45)))
    projection = project(p, calendar(p), stream, progress_of(p, ()), MON)
    assert placed(projection, MON) == [("main", "a1", 75), ("main", "b1", 30)]
