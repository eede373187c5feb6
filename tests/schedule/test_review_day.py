"""Which day holds a week's review: the plan's review day, or — when the calendar makes that
day a workday (a makeup workday, an override) — the nearest day off of the same week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pacer.calendar.days import Calendar, HolidayTable
from pacer.calendar.source import load_holiday_table
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file, load_plan_text
from pacer.plan.model import Plan
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import DayPlan, project
from pacer.schedule.review import due_week_on, review_day, review_ritual, with_review
from pacer.schedule.stream import build_stream
from pacer.schedule.weeks import IsoWeek
from tests.conftest import OTHER_PLAN

W10 = IsoWeek(2026, 10)  # Monday 2 March .. Sunday 8 March 2026


@pytest.fixture(scope="module")
def berlin() -> Plan:
    """The nurse's plan: Friday, Saturday and Sunday are free days, each with her retro."""
    return load_plan_file(OTHER_PLAN)


def worked(plan: Plan, *days: date) -> Calendar:
    """The plan's calendar with these days as makeup workdays (weekend days worked, as China's
    调休 has them; Germany has none, so the table is made by hand)."""
    table = HolidayTable("DE", makeup_workdays=tuple((d, "Workday", "调休") for d in days))
    return Calendar(plan, table, (), "en")


def shown(plan: Plan, calendar: Calendar, week: IsoWeek) -> dict[date, DayPlan]:
    stream = build_stream(plan, calendar)
    run = project(plan, calendar, stream, progress_of(plan, ()), plan.start, until=week.sunday)
    days = [dp for dp in run.days if week.monday <= dp.info.day]
    return {dp.info.day: dp for dp in with_review(plan, calendar, days)}


def rituals(dp: DayPlan) -> list[str]:
    return [bp.block.title for bp in dp.blocks if bp.block.type == "ritual"]


def test_an_ordinary_week_keeps_its_review_day(berlin: Plan) -> None:
    calendar = worked(berlin)
    assert review_day(berlin, calendar, W10) == date(2026, 3, 8)
    assert due_week_on(berlin, calendar, date(2026, 3, 7)) == W10.previous()
    assert due_week_on(berlin, calendar, date(2026, 3, 8)) == W10


def test_a_worked_sunday_moves_the_review_to_the_saturday_before(berlin: Plan) -> None:
    calendar = worked(berlin, date(2026, 3, 8))
    assert calendar.resolve(date(2026, 3, 8)).template == "shift"  # no retro on a shift day
    assert review_day(berlin, calendar, W10) == date(2026, 3, 7)
    # due from the Saturday on: the week can be reviewed the day the review is on
    assert due_week_on(berlin, calendar, date(2026, 3, 7)) == W10
    assert due_week_on(berlin, calendar, date(2026, 3, 6)) == W10.previous()
    days = shown(berlin, calendar, W10)
    assert rituals(days[date(2026, 3, 7)]) == ["Weekly retro"]
    assert rituals(days[date(2026, 3, 8)]) == []


def test_a_worked_weekend_moves_it_to_the_free_friday(berlin: Plan) -> None:
    calendar = worked(berlin, date(2026, 3, 7), date(2026, 3, 8))
    assert review_day(berlin, calendar, W10) == date(2026, 3, 6)


def test_a_week_without_a_day_off_keeps_the_review_on_its_day(berlin: Plan) -> None:
    calendar = worked(berlin, date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8))
    assert review_day(berlin, calendar, W10) == date(2026, 3, 8)
    # the shift day gets the retro: a week is never without its review
    days = shown(berlin, calendar, W10)
    assert days[date(2026, 3, 8)].template.id == "shift"
    assert rituals(days[date(2026, 3, 8)]) == ["Weekly retro"]


def test_a_later_day_off_comes_before_an_earlier_one(berlin: Plan) -> None:
    text = OTHER_PLAN.read_text(encoding="utf-8").replace(
        "review:\n  day: sun", "review:\n  day: fri"
    )
    # no makeup day in Germany: an override makes the Friday a shift day
    text = text.replace(
        "calendar:\n  country: DE\n",
        "calendar:\n  country: DE\n  overrides:\n    - {date: 2026-03-06, template: shift}\n",
    )
    worked_friday = load_plan_text(text, "friday.yaml")
    calendar = worked(worked_friday)
    assert calendar.resolve(date(2026, 3, 6)).kind == "override"
    assert review_day(worked_friday, calendar, W10) == date(2026, 3, 7)  # Saturday, not Thursday


def test_a_plan_without_a_review_ritual_moves_nothing(berlin: Plan) -> None:
    text = OTHER_PLAN.read_text(encoding="utf-8")
    start = text.index("      - id: retro")
    end = text.index("  away:")
    bare = load_plan_text(text[:start] + text[end:], "bare.yaml")
    assert review_ritual(bare) == ()
    calendar = worked(bare, date(2026, 3, 8))
    assert review_day(bare, calendar, W10) == date(2026, 3, 8)
    assert all(rituals(dp) == [] for dp in shown(bare, calendar, W10).values())


def test_the_built_in_plans_worked_sunday_reviews_on_saturday() -> None:
    plan = load_plan_file(builtin_plan_path())
    table = load_holiday_table("CN", range(2026, 2028))
    calendar = Calendar(plan, table, (), "zh")
    w38 = IsoWeek(2026, 38)
    assert calendar.resolve(w38.sunday).kind == "makeup"  # 2026-09-20, for the National Day
    assert review_day(plan, calendar, w38) == w38.sunday - timedelta(days=1)
    days = shown(plan, calendar, w38)
    assert days[w38.sunday - timedelta(days=1)].template.id == "deep"
    assert rituals(days[w38.sunday - timedelta(days=1)]) == ["周复盘（强制）"]
    assert rituals(days[w38.sunday]) == []
