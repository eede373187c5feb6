"""Week patterns in the plan file (issue 13, item 1): `calendar.rotation`, `calendar.periods`,
`calendar.roster_templates` and overrides by shape, and each one's PATH:LINE:COL errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.plan.test_loader import loc

from pacer.plan.loader import PlanInvalid, load_plan_text
from pacer.plan.model import CalendarOverride, CalendarPeriod, Rotation

ROTA = Path(__file__).resolve().parents[1] / "fixtures" / "plan-rota.yaml"
ROTATION = "  rotation: {start: 2026-01-05, weeks: [early, late, night]}\n"


def rota_text() -> str:
    text = ROTA.read_text(encoding="utf-8")
    assert ROTATION in text
    return text


def problems(text: str) -> list[str]:
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, "rota.yaml")
    return info.value.problems


def with_calendar(lines: str) -> str:
    """The rota plan with its rotation line replaced by `lines` (under `calendar:`)."""
    return rota_text().replace(ROTATION, lines)


def test_the_rota_fixture_loads_its_week_patterns() -> None:
    plan = load_plan_text(rota_text(), "rota.yaml")
    rules = plan.calendar
    assert rules.rotation == Rotation(date(2026, 1, 5), ("early", "late", "night"))
    assert rules.periods == (
        CalendarPeriod(date(2026, 5, 11), date(2026, 5, 24), "exams", "exam fortnight"),
    )
    assert rules.roster_templates == ("standby",)
    assert rules.overrides == ()  # a whole rota without a single per-day line


def test_defaults_keep_a_plan_without_week_patterns_as_it_was() -> None:
    text = rota_text()
    for line in (ROTATION, "  roster_templates: [standby]\n"):
        text = text.replace(line, "")
    text = text.replace("  periods:\n" + PERIOD, "")
    rules = load_plan_text(text, "rota.yaml").calendar
    assert (rules.rotation, rules.periods, rules.roster_templates) == (None, (), ())


def test_a_day_rotation_and_an_override_by_shape() -> None:
    text = with_calendar(
        "  rotation:\n    start: 2026-01-01\n    days: [early, early, late, late, night, off]\n"
        "  overrides:\n    - {date: 2026-03-03, shape: night, reason: swapped}\n"
        "    - {date: 2026-03-04, template: off}\n"
    )
    rules = load_plan_text(text, "rota.yaml").calendar
    assert rules.rotation == Rotation(
        date(2026, 1, 1), (), ("early", "early", "late", "late", "night", "off")
    )
    assert rules.overrides == (
        CalendarOverride(date(2026, 3, 3), "", "swapped", "night"),
        CalendarOverride(date(2026, 3, 4), "off"),
    )


def test_a_week_rotation_must_start_on_a_monday() -> None:
    text = with_calendar("  rotation: {start: 2026-01-07, weeks: [early, late, night]}\n")
    assert problems(text) == [
        f"rota.yaml:{loc(text, '2026-01-07')}: calendar.rotation.start: 2026-01-07 is a"
        " Wednesday; a cycle of weeks starts on a Monday (e.g. 2026-01-05)"
    ]


def test_a_rotation_names_weeks_or_days_exactly_once() -> None:
    both = with_calendar("  rotation: {start: 2026-01-05, weeks: [early], days: [off]}\n")
    neither = with_calendar("  rotation: {start: 2026-01-05}\n")
    for text in (both, neither):
        assert problems(text) == [
            f"rota.yaml:{loc(text, '{start: 2026-01-05')}: calendar.rotation: give either"
            " 'weeks' (a cycle of week shapes) or 'days' (a cycle of day templates), exactly"
            " one of them"
        ]


def test_a_rotation_cycle_is_neither_empty_nor_unknown() -> None:
    empty = with_calendar("  rotation: {start: 2026-01-05, weeks: []}\n")
    assert problems(empty) == [
        f"rota.yaml:{loc(empty, '[]}')}: calendar.rotation.weeks: the cycle is empty;"
        " list at least one id"
    ]
    unknown = with_calendar("  rotation: {start: 2026-01-05, weeks: [early, lat]}\n")
    assert problems(unknown) == [
        f"rota.yaml:{loc(unknown, 'lat]')}: unknown week shape 'lat'; did you mean 'late'?"
    ]
    day = with_calendar("  rotation: {start: 2026-01-05, days: [early, nigth]}\n")
    assert problems(day) == [
        f"rota.yaml:{loc(day, 'nigth')}: unknown day template 'nigth'; did you mean 'night'?"
    ]
    missing = with_calendar("  rotation: {weeks: [early]}\n")
    assert problems(missing) == [
        f"rota.yaml:{loc(missing, '{weeks')}: calendar.rotation: missing required key 'start'"
    ]


PERIOD = "    - {from: 2026-05-11, to: 2026-05-24, shape: exams, reason: exam fortnight}\n"


def test_period_errors() -> None:
    backwards = rota_text().replace(
        PERIOD, "    - {from: 2026-05-11, to: 2026-05-01, shape: exams}\n"
    )
    assert problems(backwards) == [
        f"rota.yaml:{loc(backwards, '2026-05-01')}: calendar.periods[]: 'to' (2026-05-01) is"
        " before 'from' (2026-05-11)"
    ]
    overlap = rota_text().replace(
        PERIOD, PERIOD + "    - {from: 2026-05-20, to: 2026-05-31, shape: early}\n"
    )
    line = overlap.splitlines().index(PERIOD.rstrip("\n")) + 1
    assert problems(overlap) == [
        f"rota.yaml:{loc(overlap, '{from: 2026-05-20')}: calendar.periods[]: 2026-05-20 →"
        f" 2026-05-31 overlaps the period on line {line}; periods may not overlap"
    ]
    unknown = rota_text().replace(PERIOD, "    - {from: 2026-05-11, to: 2026-05-24, shape: exam}\n")
    assert problems(unknown) == [
        f"rota.yaml:{loc(unknown, 'exam}')}: unknown week shape 'exam'; did you mean 'exams'?"
    ]
    no_shape = rota_text().replace(PERIOD, "    - {from: 2026-05-11, to: 2026-05-24}\n")
    assert problems(no_shape) == [
        f"rota.yaml:{loc(no_shape, '{from: 2026-05-11')}: calendar.periods[]: missing required"
        " key 'shape'"
    ]


def test_an_override_names_a_shape_or_a_template_exactly_once() -> None:
    both = with_calendar("  overrides:\n    - {date: 2026-03-03, shape: night, template: off}\n")
    neither = with_calendar("  overrides:\n    - {date: 2026-03-03, reason: why}\n")
    for text in (both, neither):
        assert problems(text) == [
            f"rota.yaml:{loc(text, '{date: 2026-03-03')}: calendar.overrides[]: name a 'shape'"
            " (a week shape) or a 'template' (a day template), exactly one of them"
        ]
    unknown = with_calendar("  overrides:\n    - {date: 2026-03-03, shape: nights}\n")
    assert problems(unknown) == [
        f"rota.yaml:{loc(unknown, 'nights')}: unknown week shape 'nights'; did you mean 'night'?"
    ]


def test_roster_templates_are_day_templates() -> None:
    text = rota_text().replace("roster_templates: [standby]", "roster_templates: [stanby]")
    assert problems(text) == [
        f"rota.yaml:{loc(text, 'stanby')}: unknown day template 'stanby'; did you mean 'standby'?"
    ]


def test_errors_in_chinese() -> None:
    from pacer.i18n import set_lang

    text = with_calendar("  rotation: {start: 2026-01-07, weeks: [early, late, night]}\n")
    set_lang("zh")
    assert problems(text) == [
        f"rota.yaml:{loc(text, '2026-01-07')}: calendar.rotation.start：2026-01-07 是周三；"
        "按周循环须从周一开始（例如 2026-01-05）"
    ]
