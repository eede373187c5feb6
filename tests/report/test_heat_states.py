"""The heatmap draws each day in the state the report counts it in: one rule for both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pacer import clock
from pacer.report.charts import HeatDays
from pacer.service import Session
from pacer.service.report import report_data
from tests.report.homes import PLANS, seed


@pytest.mark.parametrize("which", sorted(PLANS))
@pytest.mark.parametrize("period", ["week", "month", "year"])
def test_the_heatmap_and_the_report_agree_on_every_day(
    tmp_path: Path, which: str, period: str
) -> None:
    # Entries before the plan, on counted days, and after today.
    days = [date(2026, 1, 5), date(2026, 3, 3), date(2026, 3, 9), date(2026, 3, 12)]
    seed(tmp_path, which, days)
    with Session(PLANS[which], tmp_path / "pacer.db") as s:
        data = report_data(s, period, date(2026, 3, 9), today=date(2026, 3, 9))
    clock.set_now(None)
    heat = HeatDays.of(data)
    drawn = tuple(heat.kind(d, m) for d, m in zip(data.days, data.minutes, strict=True))
    assert drawn == data.states
    assert {"logged", "future"} <= set(drawn)
