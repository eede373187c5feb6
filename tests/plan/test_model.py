"""The plan's domain objects: month arithmetic, block filters and plan lookups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from pacer.plan.model import (
    Baseline,
    Block,
    Curriculum,
    DayTemplate,
    Month,
    MonthPlan,
    Plan,
    Track,
    Unit,
    WeekShape,
)

# -- Month --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "after"),
    [
        (Month(2026, 1), Month(2026, 2)),
        (Month(2026, 11), Month(2026, 12)),
        (Month(2026, 12), Month(2027, 1)),
    ],
)
def test_month_next(month: Month, after: Month) -> None:
    assert month.next() == after


@pytest.mark.parametrize(
    ("month", "last"),
    [
        (Month(2026, 1), date(2026, 1, 31)),
        (Month(2026, 2), date(2026, 2, 28)),
        (Month(2028, 2), date(2028, 2, 29)),  # leap year
        (Month(2100, 2), date(2100, 2, 28)),  # divisible by 100, not by 400
        (Month(2000, 2), date(2000, 2, 29)),  # divisible by 400
        (Month(2026, 4), date(2026, 4, 30)),
        (Month(2026, 12), date(2026, 12, 31)),
    ],
)
def test_month_last_day(month: Month, last: date) -> None:
    assert month.last_day() == last


def test_month_of_first_day_and_text() -> None:
    m = Month.of(date(2026, 3, 17))
    assert m == Month(2026, 3)
    assert m.first_day() == date(2026, 3, 1)
    assert str(m) == "2026-03"
    assert str(Month(987, 1)) == "0987-01"


def test_months_order_by_year_then_month() -> None:
    assert Month(2026, 12) < Month(2027, 1) < Month(2027, 2)
    assert sorted([Month(2027, 1), Month(2026, 3), Month(2026, 12)]) == [
        Month(2026, 3),
        Month(2026, 12),
        Month(2027, 1),
    ]


# -- Block.admits -------------------------------------------------------------------------


@pytest.fixture
def make_block() -> Callable[..., Block]:
    def make(**kw: Any) -> Block:
        base: dict[str, Any] = {
            "id": "b",
            "type": "work",
            "title": "主线",
            "minutes": 60,
            "max_minutes": 60,
        }
        return Block(**{**base, **kw})

    return make


def test_block_without_filters_admits_everything(make_block: Callable[..., Block]) -> None:
    block = make_block()
    assert block.admits("math", "code")
    assert block.admits("anything", "review")


def test_block_with_track_filter(make_block: Callable[..., Block]) -> None:
    block = make_block(tracks=("math", "eng"))
    assert block.admits("math", "study")
    assert block.admits("eng", "code")
    assert not block.admits("english", "study")


def test_block_with_kind_filter(make_block: Callable[..., Block]) -> None:
    block = make_block(kinds=("study", "reading"))
    assert block.admits("math", "reading")
    assert not block.admits("math", "code")


def test_block_with_both_filters_needs_both(make_block: Callable[..., Block]) -> None:
    block = make_block(tracks=("math",), kinds=("study",))
    assert block.admits("math", "study")
    assert not block.admits("math", "code")
    assert not block.admits("eng", "study")


# -- Plan lookups -------------------------------------------------------------------------


@pytest.fixture
def plan() -> Plan:
    def unit(uid: str, cid: str, track: str, after: tuple[str, ...] = ()) -> Unit:
        return Unit(uid, uid.upper(), track, cid, 60, after=after)

    habit = Block("listen", "habit", "听力", 30, 30, track="english")
    ritual = Block("review", "ritual", "复盘", 30, 30)
    work = Block("main", "work", "主线", 60, 90)
    return Plan(
        id="p",
        title="计划",
        start=date(2026, 3, 1),
        end=date(2026, 6, 30),
        tracks=(Track("math", "数学"), Track("english", "英语"), Track("eng", "工程")),
        day_templates=(
            DayTemplate("workday", "工作日", (habit, work)),
            DayTemplate("weekend", "周末", (work, ritual)),
        ),
        week_shapes=(
            WeekShape("normal", ("workday",) * 5 + ("weekend",) * 2),
            WeekShape("travel", ("workday",) * 7),
        ),
        curricula=(
            Curriculum(
                "calc",
                "微积分",
                "math",
                Month(2026, 3),
                Month(2026, 4),
                (unit("c1", "calc", "math"), unit("c2", "calc", "math", ("c1",))),
            ),
            Curriculum(
                "jetson",
                "Jetson",
                "eng",
                Month(2026, 4),
                Month(2026, 6),
                (unit("j1", "jetson", "eng"),),
            ),
        ),
        baseline=(
            Baseline("math", covers=("c1",)),
            Baseline("eng", covers=("j1", "c1")),
        ),
        months=(MonthPlan(Month(2026, 4), "四月"),),
    )


def test_plan_template_shape_track_lookups(plan: Plan) -> None:
    assert plan.template("weekend").title == "周末"
    assert plan.shape("travel").days == ("workday",) * 7
    assert plan.track("eng").title == "工程"


def test_plan_units_in_curriculum_order(plan: Plan) -> None:
    assert [u.id for u in plan.units()] == ["c1", "c2", "j1"]
    assert plan.unit("c2").after == ("c1",)
    assert plan.unit("j1").curriculum == "jetson"
    assert plan.curriculum("jetson").track == "eng"


@pytest.mark.parametrize(
    "lookup", ["template", "shape", "track", "unit", "curriculum"], ids=lambda s: s
)
def test_plan_lookup_of_unknown_id_raises_key_error(plan: Plan, lookup: str) -> None:
    with pytest.raises(KeyError, match="nope"):
        getattr(plan, lookup)("nope")


def test_plan_month_plan(plan: Plan) -> None:
    april = plan.month_plan(Month(2026, 4))
    assert april is not None
    assert april.title == "四月"
    assert plan.month_plan(Month(2026, 3)) is None


def test_plan_covered_units_across_baselines(plan: Plan) -> None:
    assert plan.covered_units() == frozenset({"c1", "j1"})


def test_plan_habit_tracks_only_from_habit_blocks(plan: Plan) -> None:
    assert plan.habit_tracks() == frozenset({"english"})


def test_template_work_minutes_counts_work_blocks_only(plan: Plan) -> None:
    assert plan.template("workday").work_minutes == 60
    assert plan.template("weekend").work_minutes == 60
