"""The heatmap's legend names the days of an absence that is not travel "absence", not
"trip" (issue 15's tryout); a plan's trips keep "trip"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pacer import clock
from pacer.i18n import t
from pacer.report.charts import HeatDays
from pacer.service import Session, add_sick, add_trip
from pacer.service.report import report_data
from tests.conftest import OTHER_PLAN


def test_a_sick_day_is_an_absence_in_the_legend(tmp_path: Path) -> None:
    with Session(OTHER_PLAN.with_name("plan-absence.yaml"), tmp_path / "pacer.db") as s:
        add_sick(s, date(2026, 3, 9), 2)
        data = report_data(s, "month", date(2026, 3, 9), today=date(2026, 3, 9))
    clock.set_now(None)
    heat = HeatDays.of(data)
    assert not heat.travel_only and t("chart.absence") == "absence"


def test_the_builtin_plans_trip_is_a_trip_in_the_legend(tmp_path: Path) -> None:
    with Session(None, tmp_path / "pacer.db") as s:
        add_trip(s, date(2026, 3, 9), date(2026, 3, 10), "")
        data = report_data(s, "month", date(2026, 3, 9), today=date(2026, 3, 9))
    clock.set_now(None)
    assert HeatDays.of(data).travel_only
