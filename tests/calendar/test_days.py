"""Date to day kind, with the docs example plan and real CN holiday data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from pacer.calendar.days import Calendar, DayInfo, HolidayTable, Trip
from pacer.calendar.source import load_holiday_table
from pacer.plan.model import CalendarOverride, Plan

SPRING_FESTIVAL_EN = "Chinese New Year (Spring Festival)"

MakeCalendar = Callable[..., Calendar]


@pytest.fixture
def make_calendar(example_plan: Plan, cn_table: HolidayTable) -> MakeCalendar:
    def make(
        *trips: Trip, lang: str = "en", plan: Plan | None = None, table: HolidayTable | None = None
    ) -> Calendar:
        return Calendar(plan or example_plan, table or cn_table, trips, lang)

    return make


def test_makeup_saturday_uses_the_makeup_template(make_calendar: MakeCalendar) -> None:
    d = date(2026, 2, 14)  # a Saturday worked to pay for the Spring Festival break
    assert make_calendar().resolve(d) == DayInfo(d, "makeup", "workday", "sat", SPRING_FESTIVAL_EN)


def test_makeup_day_name_in_chinese(make_calendar: MakeCalendar) -> None:
    d = date(2026, 2, 14)
    assert make_calendar(lang="zh").resolve(d) == DayInfo(d, "makeup", "workday", "sat", "春节")


def test_public_holiday_uses_the_holiday_template(make_calendar: MakeCalendar) -> None:
    d = date(2026, 2, 17)  # Tuesday, Spring Festival
    # The example has no `holiday` template, so holidays use its Sunday template.
    assert make_calendar().resolve(d) == DayInfo(d, "holiday", "weekend", "tue", SPRING_FESTIVAL_EN)
    assert make_calendar(lang="zh").resolve(d).holiday == "春节"


def test_substituted_day_off_is_a_holiday(make_calendar: MakeCalendar) -> None:
    info = make_calendar().resolve(date(2026, 2, 20))  # Friday off, paid for by 2026-02-14
    assert (info.kind, info.template, info.weekday) == ("holiday", "weekend", "fri")


def test_saturday_inside_the_break_is_a_plain_weekend(make_calendar: MakeCalendar) -> None:
    d = date(2026, 2, 21)
    assert make_calendar().resolve(d) == DayInfo(d, "weekend", "weekend", "sat")


def test_ordinary_weekday(make_calendar: MakeCalendar) -> None:
    d = date(2026, 3, 10)
    assert make_calendar().resolve(d) == DayInfo(d, "weekday", "workday", "tue")


def test_trip_wins_over_a_holiday_and_carries_the_trip(make_calendar: MakeCalendar) -> None:
    trip = Trip(7, date(2026, 2, 16), date(2026, 2, 22), "深圳")
    d = date(2026, 2, 17)
    info = make_calendar(trip).resolve(d)
    assert info == DayInfo(d, "trip", "travel", "tue", SPRING_FESTIVAL_EN, trip)
    assert info.trip is trip


def test_trip_wins_over_a_makeup_day(make_calendar: MakeCalendar) -> None:
    trip = Trip(1, date(2026, 2, 13), date(2026, 2, 14))
    info = make_calendar(trip).resolve(date(2026, 2, 14))
    assert (info.kind, info.template, info.trip) == ("trip", "travel", trip)


def test_trip_wins_over_an_override(make_calendar: MakeCalendar) -> None:
    trip = Trip(2, date(2026, 4, 3), date(2026, 4, 5))
    info = make_calendar(trip).resolve(date(2026, 4, 4))
    assert (info.kind, info.template, info.trip, info.note) == ("trip", "travel", trip, "")


def test_trip_bounds_are_inclusive(make_calendar: MakeCalendar) -> None:
    trip = Trip(3, date(2026, 3, 9), date(2026, 3, 11))
    cal = make_calendar(trip)
    kinds = [cal.resolve(date(2026, 3, day)).kind for day in range(8, 13)]
    assert kinds == ["weekend", "trip", "trip", "trip", "weekday"]
    assert cal.trip_on(date(2026, 3, 11)) is trip
    assert cal.trip_on(date(2026, 3, 12)) is None


def test_trips_are_kept_in_start_order(make_calendar: MakeCalendar) -> None:
    late = Trip(1, date(2026, 4, 1), date(2026, 4, 2))
    early = Trip(2, date(2026, 3, 1), date(2026, 3, 2))
    assert make_calendar(late, early).trips == (early, late)


def test_override_applies(make_calendar: MakeCalendar) -> None:
    d = date(2026, 4, 4)  # a Saturday the plan turns into a workday
    assert make_calendar().resolve(d) == DayInfo(d, "override", "workday", "sat", note="自定调休")


def test_override_wins_over_a_holiday(make_calendar: MakeCalendar, example_plan: Plan) -> None:
    d = date(2026, 4, 6)  # Monday, Tomb-Sweeping Day (observed)
    assert make_calendar().resolve(d).kind == "holiday"
    rules = replace(example_plan.calendar, overrides=(CalendarOverride(d, "travel", "加班"),))
    plan = replace(example_plan, calendar=rules)
    assert make_calendar(plan=plan).resolve(d) == DayInfo(
        d, "override", "travel", "mon", note="加班"
    )


def test_holiday_table_marks_2027_as_without_data(cn_table: HolidayTable) -> None:
    assert cn_table.country == "CN"
    assert cn_table.years == (2026, 2027)
    assert cn_table.years_without_data == (2027,)
    assert all(d.year == 2026 for d, _, _ in cn_table.makeup_workdays)


def test_no_country_means_no_holidays(make_calendar: MakeCalendar) -> None:
    table = load_holiday_table(None, range(2026, 2028))
    assert table == HolidayTable(None, years=(2026, 2027))
    cal = make_calendar(table=table)
    assert cal.resolve(date(2026, 2, 17)) == DayInfo(date(2026, 2, 17), "weekday", "workday", "tue")
    assert cal.resolve(date(2026, 2, 14)) == DayInfo(date(2026, 2, 14), "weekend", "weekend", "sat")


def test_trip_length_in_days() -> None:
    assert Trip(1, date(2026, 2, 16), date(2026, 2, 22)).days == 7
    assert Trip(1, date(2026, 2, 16), date(2026, 2, 16)).days == 1


@pytest.mark.parametrize("country", ["DE", "US", "GB", "JP", "FR"])
def test_countries_with_fixed_rules_never_lack_a_year(country: str) -> None:
    """Their holidays follow rules the library knows for every year: no "no data" notice.
    (The last year of the library's special days is not where their data ends.)"""
    table = load_holiday_table(country, range(2026, 2029))
    assert table.years_without_data == ()
    assert table.provisional == ()
    assert {d.year for d, _, _ in table.holidays} == {2026, 2027, 2028}


def test_a_year_not_announced_yet_has_its_computed_days_off_marked_provisional(
    cn_table: HolidayTable, make_calendar: MakeCalendar
) -> None:
    assert cn_table.years_without_data == (2027,)
    assert date(2027, 2, 9) in cn_table.provisional  # 春节（补假）, computed by rule
    assert all(d.year == 2027 for d in cn_table.provisional)
    cal = make_calendar(table=cn_table)
    computed = cal.resolve(date(2027, 2, 9))
    assert (computed.kind, computed.provisional) == ("holiday", True)
    assert cal.resolve(date(2027, 2, 6)).provisional is False  # 春节 itself is by law
    announced = cal.resolve(date(2026, 2, 17))
    assert (announced.kind, announced.provisional) == ("holiday", False)


def test_dates_inside_holiday_names_are_iso(cn_table: HolidayTable) -> None:
    names = {d: en for d, en, _ in cn_table.holidays}
    assert names[date(2026, 1, 2)] == "Day off (substituted from 2026-01-04)"
    assert not any("/" in en for _, en, _ in cn_table.holidays)
    makeup = {d: en for d, en, _ in cn_table.makeup_workdays}
    assert makeup[date(2026, 2, 14)] == "Chinese New Year (Spring Festival)"
