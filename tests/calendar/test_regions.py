"""holidays_off and subdivisions: a worked holiday keeps the week's template and its name;
a subdivision's own holiday comes from the library (DE + BE: Women's Day)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pacer.calendar.days import Calendar, DayInfo, HolidayTable
from pacer.calendar.source import load_holiday_table
from pacer.plan.loader import load_plan_file
from pacer.plan.model import Plan

REGIONS = Path(__file__).resolve().parents[1] / "fixtures" / "plan-regions.yaml"
SPRING_FESTIVAL_EN = "Chinese New Year (Spring Festival)"


def _working(plan: Plan) -> Plan:
    return replace(plan, calendar=replace(plan.calendar, holidays_off=False))


def test_worked_chinese_holiday_and_makeup_day_keep_the_week(
    example_plan: Plan, cn_table: HolidayTable
) -> None:
    cal = Calendar(_working(example_plan), cn_table, (), "en")
    tue = date(2026, 2, 17)  # Spring Festival, a Tuesday
    assert cal.resolve(tue) == DayInfo(tue, "weekday", "workday", "tue", SPRING_FESTIVAL_EN)
    sat = date(2026, 2, 14)  # worked by others to pay for the break: a plain Saturday here
    assert cal.resolve(sat) == DayInfo(sat, "weekend", "weekend", "sat")


def test_berlin_womens_day_only_with_the_subdivision() -> None:
    plan = load_plan_file(REGIONS)
    monday = date(2027, 3, 8)
    berlin = load_holiday_table("DE", range(2026, 2028), "BE")
    germany = load_holiday_table("DE", range(2026, 2028))
    assert any(d == monday for d, _, _ in berlin.holidays)
    assert not any(d == monday for d, _, _ in germany.holidays)
    off = replace(plan, calendar=replace(plan.calendar, holidays_off=True))
    assert Calendar(off, berlin, (), "en").resolve(monday) == DayInfo(
        monday, "holiday", "holiday", "mon", "Women's Day"
    )
    assert Calendar(plan, berlin, (), "en").resolve(monday) == DayInfo(
        monday, "weekday", "shift", "mon", "Women's Day"
    )
