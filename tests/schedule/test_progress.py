"""Progress from the log: cut-off date, done and baseline units, order independence."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pacer.plan.model import (
    Baseline,
    Block,
    Curriculum,
    DayTemplate,
    Month,
    Plan,
    Track,
    Unit,
    WeekShape,
)
from pacer.schedule.progress import LogEntry, Progress, progress_of, remaining_minutes

_ids = count(1)


def make_plan() -> Plan:
    """Three math units of 60, 90 and 120 minutes; the baseline covers u1."""
    units = tuple(
        Unit(f"u{i}", f"单元 {i}", "math", "calc", minutes)
        for i, minutes in ((1, 60), (2, 90), (3, 120))
    )
    template = DayTemplate("day", "日", (Block("main", "work", "主线", 60, 60),))
    return Plan(
        id="p",
        title="计划",
        start=date(2026, 3, 1),
        end=date(2026, 4, 30),
        tracks=(Track("math", "数学"), Track("english", "英语")),
        day_templates=(template,),
        week_shapes=(WeekShape("normal", ("day",) * 7), WeekShape("travel", ("day",) * 7)),
        curricula=(Curriculum("calc", "微积分", "math", Month(2026, 3), Month(2026, 4), units),),
        baseline=(Baseline("math", covers=("u1",)),),
    )


PLAN = make_plan()
DAY = date(2026, 3, 10)


def entry(target: str, minutes: int, day: date = DAY, **kw: Any) -> LogEntry:
    fields: dict[str, Any] = {"kind": "unit", "done": False, "note": ""}
    fields.update(kw)
    return LogEntry(
        next(_ids), day, "2026-03-10T12:00:00+00:00", target=target, minutes=minutes, **fields
    )


def test_no_entries_leaves_only_the_baseline_done() -> None:
    progress = progress_of(PLAN, [])
    assert progress == Progress({}, frozenset({"u1"}))
    assert remaining_minutes(PLAN, progress) == {"u1": 0, "u2": 90, "u3": 120}


def test_minutes_add_up_per_unit() -> None:
    progress = progress_of(PLAN, [entry("u2", 30), entry("u3", 20), entry("u2", 15)])
    assert progress.logged == {"u2": 45, "u3": 20}
    assert progress.minutes("u2") == 45
    assert progress.minutes("u1") == 0
    assert remaining_minutes(PLAN, progress) == {"u1": 0, "u2": 45, "u3": 100}


def test_entries_on_or_after_before_are_ignored() -> None:
    entries = [
        entry("u2", 10, DAY - timedelta(days=1)),
        entry("u2", 20, DAY),
        entry("u3", 30, DAY + timedelta(days=1), done=True),
    ]
    progress = progress_of(PLAN, entries, before=DAY)
    assert progress.logged == {"u2": 10}
    assert progress.done == frozenset({"u1"})
    everything = progress_of(PLAN, entries)
    assert everything.logged == {"u2": 30, "u3": 30}
    assert everything.done == frozenset({"u1", "u3"})


def test_done_units_and_baseline_units_are_done() -> None:
    progress = progress_of(PLAN, [entry("u3", 10, done=True)])
    assert progress.done == frozenset({"u1", "u3"})
    assert remaining_minutes(PLAN, progress) == {"u1": 0, "u2": 90, "u3": 0}


def test_marking_done_with_zero_minutes_counts_as_started() -> None:
    progress = progress_of(PLAN, [entry("u2", 0, done=True)])
    assert progress.started("u2")
    assert not progress.started("u3")
    assert progress.started("u1")  # covered by the baseline


def test_habit_and_ritual_entries_are_not_unit_progress() -> None:
    entries = [
        entry("english", 30, kind="habit"),
        entry("review", 30, kind="ritual", done=True),
        entry("u2", 5),
    ]
    progress = progress_of(PLAN, entries)
    assert progress.logged == {"u2": 5}
    assert progress.done == frozenset({"u1"})


def test_entries_for_units_the_plan_no_longer_has_are_not_progress() -> None:
    """The log is a stored record: the plan may have been edited (a unit renamed) since.
    Such entries stay in the record (status counts them as not in the plan) but name no
    unit the engine knows."""
    progress = progress_of(PLAN, [entry("renamed", 40, done=True), entry("u2", 5)])
    assert progress.logged == {"u2": 5}
    assert progress.done == frozenset({"u1"})
    assert not progress.started("renamed")


def test_remaining_never_below_zero() -> None:
    progress = progress_of(PLAN, [entry("u2", 500), entry("u3", 119)])
    assert remaining_minutes(PLAN, progress) == {"u1": 0, "u2": 0, "u3": 1}


_ENTRIES = st.lists(
    st.builds(
        entry,
        target=st.sampled_from(["u1", "u2", "u3", "english", "review"]),
        minutes=st.integers(0, 300),
        day=st.dates(date(2026, 3, 1), date(2026, 4, 30)),
        kind=st.sampled_from(["unit", "unit", "habit", "ritual"]),
        done=st.booleans(),
    ),
    max_size=25,
)


@given(
    data=st.data(),
    entries=_ENTRIES,
    before=st.none() | st.dates(date(2026, 3, 1), date(2026, 5, 1)),
)
def test_order_of_entries_does_not_matter(
    data: st.DataObject, entries: list[LogEntry], before: date | None
) -> None:
    shuffled = data.draw(st.permutations(entries))
    assert progress_of(PLAN, shuffled, before) == progress_of(PLAN, entries, before)


@given(entries=_ENTRIES)
def test_remaining_stays_between_zero_and_the_estimate(entries: list[LogEntry]) -> None:
    remaining = remaining_minutes(PLAN, progress_of(PLAN, entries))
    assert set(remaining) == {"u1", "u2", "u3"}
    for unit in PLAN.units():
        assert 0 <= remaining[unit.id] <= unit.minutes
    assert remaining["u1"] == 0
