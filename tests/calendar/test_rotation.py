"""Which template a day gets (issue 13, item 1): rotation, periods, roster entries and the
documented order of precedence, on the Berlin rota plan (DE holidays) and the built-in plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from pacer.calendar.days import Calendar, RosterEntry, Trip
from pacer.calendar.source import load_holiday_table
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from pacer.plan.model import CalendarOverride, Plan, Rotation

ROTA = Path(__file__).resolve().parents[1] / "fixtures" / "plan-rota.yaml"


@pytest.fixture(scope="module")
def rota() -> Plan:
    return load_plan_file(ROTA)


def calendar_of(plan: Plan, *trips: Trip, roster: tuple[RosterEntry, ...] = ()) -> Calendar:
    table = load_holiday_table(plan.calendar.country, range(2026, 2027))
    return Calendar(plan, table, trips, "en", roster)


def test_three_week_rota_cycles_from_its_start(rota: Plan) -> None:
    cal = calendar_of(rota)
    monday = date(2026, 1, 5)
    for week, shape in enumerate(["early", "late", "night"] * 4):
        for i, template in enumerate(rota.shape(shape).days):
            info = cal.resolve(monday + timedelta(weeks=week, days=i))
            assert (info.template, info.shape, info.why) == (template, shape, "rotation")
    # Before the start the normal shape applies (Friday 2 January: a late day, not early).
    before = cal.resolve(date(2026, 1, 2))
    assert (before.template, before.shape, before.why) == ("late", "", "")


def test_a_day_based_rotation(rota: Plan) -> None:
    cycle = ("early", "early", "late", "late", "night", "night", "off", "off")
    plan = replace(
        rota, calendar=replace(rota.calendar, rotation=Rotation(date(2026, 1, 1), (), cycle))
    )
    cal = calendar_of(plan)
    start = date(2026, 1, 2)  # the 1st is New Year's Day: a holiday first
    got = [cal.resolve(start + timedelta(days=i)).template for i in range(16)]
    assert got == [*cycle[1:], *cycle, cycle[0]]
    assert cal.resolve(date(2026, 1, 1)).template == "holiday"


def test_order_of_precedence_on_one_day(rota: Plan) -> None:
    """Ascension Day 2026 (Thursday 14 May) is a holiday inside the exam fortnight of a rota
    week: each rule in turn is added and takes the day from the one below it."""
    d = date(2026, 5, 14)
    assert calendar_of(rota).resolve(date(2026, 5, 7)).template == "night"  # rotation
    info = calendar_of(rota).resolve(date(2026, 5, 13))  # a period beats the rotation
    assert (info.template, info.why, info.note, info.shape) == (
        "exam",
        "period",
        "exam fortnight",
        "exams",
    )
    info = calendar_of(rota).resolve(d)
    assert (info.kind, info.template, info.holiday) == ("holiday", "holiday", "Ascension Day")
    roster = (RosterEntry(1, d, d, "standby", "Bereitschaft"),)
    info = calendar_of(rota, roster=roster).resolve(d)
    assert (info.kind, info.template, info.note) == ("roster", "standby", "Bereitschaft")
    overridden = replace(
        rota,
        calendar=replace(rota.calendar, overrides=(CalendarOverride(d, "", "swap", "early"),)),
    )
    info = calendar_of(overridden, roster=roster).resolve(d)
    assert (info.kind, info.template, info.shape, info.note) == (
        "override",
        "early",
        "early",
        "swap",
    )
    info = calendar_of(overridden, Trip(1, d, d), roster=roster).resolve(d)
    assert (info.kind, info.template) == ("trip", "away")


def test_roster_entries_later_start_wins_and_unknown_templates_decide_nothing(
    rota: Plan,
) -> None:
    block = RosterEntry(1, date(2026, 3, 2), date(2026, 3, 8), "night", "Nacht")
    swap = RosterEntry(2, date(2026, 3, 4), date(2026, 3, 4), "early", "Früh")
    gone = RosterEntry(3, date(2026, 3, 5), date(2026, 3, 5), "no-such-template", "X")
    cal = calendar_of(rota, roster=(swap, block, gone))
    got = [cal.resolve(date(2026, 3, day)).template for day in range(2, 9)]
    assert got == ["night", "night", "early", "night", "night", "night", "night"]


def test_nothing_changes_for_the_built_in_plan() -> None:
    """The built-in plan has no rotation, period or roster: every day is what its normal week
    shape, holidays and overrides made it before."""
    plan = load_plan_file(builtin_plan_path())
    assert (plan.calendar.rotation, plan.calendar.periods) == (None, ())
    cal = calendar_of(plan)
    normal = plan.shape("normal").days
    d = plan.start
    while d <= plan.end:
        info = cal.resolve(d)
        assert (info.shape, info.why) == ("", "")
        if info.kind in ("weekday", "weekend"):
            assert info.template == normal[d.weekday()]
        d += timedelta(days=1)
