"""The plan's `absences:`: kinds of absence, their defaults and their PATH:LINE:COL errors."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import OTHER_PLAN
from tests.plan.test_loader import loc

from pacer.calendar.days import Calendar, HolidayTable, Trip
from pacer.plan.loader import PlanInvalid, load_plan_file, load_plan_text
from pacer.plan.model import REST_TEMPLATE, Absence

ABSENCE_PLAN = OTHER_PLAN.with_name("plan-absence.yaml")


def april(day: int) -> date:
    return date(2026, 4, day)


def with_absences(example_text: str, section: str) -> str:
    return example_text.rstrip("\n") + "\n" + section


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, "p.yaml")
    return info.value.problems


def test_without_absences_a_plan_has_travel_and_sick(example_text: str) -> None:
    plan = load_plan_text(example_text)
    assert plan.absences == ()
    assert plan.absence_kinds() == ("travel", "sick")
    assert plan.absence_days("travel") == plan.shape("travel").days
    assert plan.absence_days("sick") == (REST_TEMPLATE,) * 7  # nothing planned
    assert plan.template(REST_TEMPLATE).blocks == ()
    assert plan.absence("vacation") is None
    assert plan.absence_days("vacation") == plan.shape("travel").days  # a kind since removed


def test_absences_name_a_shape_or_a_template(example_text: str) -> None:
    text = with_absences(
        example_text,
        "absences:\n"
        "  travel: {shape: travel, banner: 不写代码}\n"
        "  vacation: {template: weekend, title: 休假, banner: 什么都不做}\n",
    )
    plan = load_plan_text(text)
    assert plan.absences == (
        Absence("travel", shape="travel", banner="不写代码"),
        Absence("vacation", template="weekend", title="休假", banner="什么都不做"),
    )
    assert plan.absence_kinds() == ("travel", "vacation", "sick")
    assert plan.absence_days("vacation") == ("weekend",) * 7


def test_the_absence_fixture_gives_each_kind_its_own_days() -> None:
    plan = load_plan_file(ABSENCE_PLAN)
    assert plan.absence_kinds() == ("travel", "conference", "vacation", "sick")
    trips = (
        Trip(1, april(6), april(10), "", "conference"),
        Trip(2, april(13), april(17), "", "vacation"),
        Trip(3, april(20), april(20), "", "sick"),
        Trip(4, april(21), april(21), ""),  # a trip: travel
    )
    calendar = Calendar(plan, HolidayTable(None), trips, "en")
    assert [calendar.resolve(april(n)).template for n in (7, 14, 20, 21, 22)] == [
        "papers",
        "rest",
        "rest",
        "away",
        "shift",
    ]
    assert plan.template("rest").blocks == ()  # the plan's own "nothing": `blocks: []`


@pytest.mark.parametrize(
    ("section", "token", "message"),
    [
        (
            "absences:\n  conference: {shape: travl}\n",
            "travl",
            "unknown week shape 'travl'; did you mean 'travel'?",
        ),
        (
            "absences:\n  vacation: {template: wekend}\n",
            "wekend",
            "unknown day template 'wekend'; did you mean 'weekend'?",
        ),
        (
            "absences:\n  vacation: {title: 休假}\n",
            "{title: 休假}",
            "absences.vacation: give a week shape (shape: SHAPE) or one day template"
            " (template: TEMPLATE), one of the two",
        ),
        (
            "absences:\n  vacation: {shape: travel, template: weekend}\n",
            "{shape: travel, template",
            "absences.vacation: give a week shape (shape: SHAPE) or one day template"
            " (template: TEMPLATE), one of the two",
        ),
        (
            "absences:\n  vacation: {template: weekend, baner: 休息}\n",
            "baner",
            "unknown key 'baner' in absences.vacation; did you mean 'banner'?",
        ),
        (
            "absences:\n  on leave: {template: weekend}\n",
            "on leave",
            "absences: 'on leave' is not an id (letters, digits, - _ .)",
        ),
        ("absences: [travel]\n", "[travel]", "absences: expected a mapping (key: value)"),
        (
            "absences:\n  travel: {shape: travel, banner: [a, b]}\n",
            "[a, b]",
            "absences.travel.banner: expected text",
        ),
    ],
)
def test_absence_errors_are_located(
    example_text: str, section: str, token: str, message: str
) -> None:
    text = with_absences(example_text, section)
    assert problems_of(text) == [f"p.yaml:{loc(text, token)}: {message}"]
