"""service/entries.py: which days take entries, the day meant, metric ranges (properties)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacer.errors import InputError
from pacer.plan.loader import load_plan_file
from pacer.plan.model import Metric
from pacer.service.entries import check_metric_value, entry_refusal, meant_day
from tests.conftest import OTHER_PLAN

PLAN = load_plan_file(OTHER_PLAN)  # 2026-03-02 to 2026-08-30
DAYS = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@given(day=DAYS, today=DAYS)
def test_a_day_takes_entries_exactly_when_it_is_of_the_plan_and_not_after_today(
    day: date, today: date
) -> None:
    refusal = entry_refusal(PLAN, day, today)
    assert (refusal is None) == (PLAN.start <= day <= PLAN.end and day <= today)
    if refusal is not None:
        assert refusal.key == ("entry.future" if day > today else "entry.outside_plan")


@given(day=DAYS, today=DAYS)
def test_the_day_meant_is_one_that_takes_entries(day: date, today: date) -> None:
    meant = meant_day(PLAN, day, today)
    if meant is not None:
        assert meant != day
        assert entry_refusal(PLAN, meant, today) is None


@pytest.mark.parametrize(
    ("typed", "today", "meant"),
    [
        (date(2026, 9, 3), date(2026, 3, 9), date(2026, 3, 9)),  # day and month swapped
        (date(2027, 4, 2), date(2026, 4, 10), date(2026, 4, 2)),  # the year
        (date(2026, 5, 7), date(2026, 4, 10), date(2026, 4, 7)),  # the month
        (date(2026, 6, 25), date(2026, 4, 10), None),  # none of these is a day of the past
    ],
)
def test_the_day_meant(typed: date, today: date, meant: date | None) -> None:
    assert meant_day(PLAN, typed, today) == meant
    refusal = entry_refusal(PLAN, typed, today)
    assert refusal is not None
    hint = refusal.args["hint"]
    if meant is None:
        assert hint.key == "entry.hint.yesterday"
    else:
        assert (hint.key, hint.args) == ("entry.hint.meant", {"day": meant})
    tomorrow = entry_refusal(PLAN, today + timedelta(days=1), today)
    assert tomorrow is not None and tomorrow.args["hint"].key == "entry.hint.yesterday"


@given(
    low=st.one_of(st.none(), st.floats(-1e6, 1e6)),
    high=st.one_of(st.none(), st.floats(-1e6, 1e6)),
    value=st.floats(-2e6, 2e6),
)
def test_a_value_is_accepted_exactly_inside_the_range(
    low: float | None, high: float | None, value: float
) -> None:
    metric = Metric("m", "M", "kg", minimum=low, maximum=high)
    inside = (low is None or value >= low) and (high is None or value <= high)
    if inside:
        assert check_metric_value(metric, value) == value
    else:
        with pytest.raises(InputError) as refused:
            check_metric_value(metric, value)
        assert refused.value.message.key == "metric.out_of_range"
