"""The counted days of a period: inside the plan's span, never after today (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from pacer.plan.model import Plan
from pacer.schedule.periods import counted_range
from tests.conftest import OTHER_PLAN

PLANS = {"builtin": load_plan_file(builtin_plan_path()), "berlin": load_plan_file(OTHER_PLAN)}
DAYS = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@pytest.mark.parametrize("which", sorted(PLANS))
@given(a=DAYS, b=DAYS, today=DAYS)
def test_counted_days_are_the_period_inside_the_plan_up_to_today(
    which: str, a: date, b: date, today: date
) -> None:
    plan: Plan = PLANS[which]
    first, last = min(a, b), max(a, b)
    counted = counted_range(first, last, plan, today)
    expected = [
        first + timedelta(days=i)
        for i in range((last - first).days + 1)
        if plan.start <= first + timedelta(days=i) <= min(plan.end, today)
    ]
    if not expected:
        assert counted is None
        return
    assert counted is not None
    assert list(counted.dates()) == expected
    assert counted.days == len(expected)
    assert expected[0] in counted and expected[-1] in counted
    assert expected[0] - timedelta(days=1) not in counted
    assert expected[-1] + timedelta(days=1) not in counted


@pytest.mark.parametrize(
    ("which", "days"),
    # The case: a year report on 2026-04-30 of a plan begun 2026-03-02 counts 60 days
    # (not 120); the built-in plan began 2026-02-09: 81 days.
    [("berlin", 60), ("builtin", 81)],
)
def test_a_year_counts_from_the_plans_first_day(which: str, days: int) -> None:
    counted = counted_range(date(2026, 1, 1), date(2026, 12, 31), PLANS[which], date(2026, 4, 30))
    assert counted is not None and counted.days == days
    assert counted.first == PLANS[which].start and counted.last == date(2026, 4, 30)


def test_a_period_after_the_plan_counts_nothing(tmp_path: Path) -> None:
    berlin = PLANS["berlin"]
    after = berlin.end + timedelta(days=10)
    assert counted_range(after, after + timedelta(days=6), berlin, after) is None
