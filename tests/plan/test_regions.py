"""`calendar.country`/`subdivision`/`holidays_off` and curriculum windows to the day: the
values read, and one exact PATH:LINE:COL message per problem (on the regions fixture)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.plan.test_loader import loc, problems_of

from pacer.i18n import set_lang
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file, load_plan_text
from pacer.plan.model import Month

REGIONS = Path(__file__).resolve().parents[1] / "fixtures" / "plan-regions.yaml"
Edit = Callable[..., str]


@pytest.fixture
def edit() -> Edit:
    """The regions fixture with (old, new) pairs replaced, each `old` occurring once."""

    def make(*pairs: tuple[str, str]) -> str:
        text = REGIONS.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        return text

    return make


def test_the_fixture_reads_region_and_day_windows() -> None:
    p = load_plan_file(REGIONS)
    assert (p.calendar.country, p.calendar.subdivision, p.calendar.holidays_off) == (
        "DE",
        "BE",
        False,
    )
    course = p.curriculum("course")
    assert (course.start, course.end) == (Month(2026, 3), Month(2026, 6))  # shown as months
    assert (course.opens, course.closes) == (date(2026, 3, 16), date(2026, 6, 30))
    grammar = p.curriculum("grammar")
    assert (grammar.start_day, grammar.end_day) == (None, None)
    assert (grammar.opens, grammar.closes) == (date(2026, 3, 1), date(2026, 12, 31))


def test_the_builtin_plan_keeps_its_defaults() -> None:
    p = load_plan_file(builtin_plan_path())
    assert (p.calendar.country, p.calendar.subdivision, p.calendar.holidays_off) == (
        "CN",
        None,
        True,
    )
    assert all(c.start_day is None and c.end_day is None for c in p.curricula)


def test_subdivision_by_name_or_lower_case_is_its_code(edit: Edit) -> None:
    for written in ("Berlin", "be"):
        p = load_plan_text(edit(("subdivision: BE", f"subdivision: {written}")))
        assert p.calendar.subdivision == "BE"


def test_country_with_a_region_says_how_to_write_it(edit: Edit) -> None:
    text = edit(("  country: DE\n  subdivision: BE\n", "  country: DE-BE\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'DE-BE')}: country 'DE-BE' names a region:"
        " write country: DE and subdivision: BE"
    ]


def test_unknown_country_with_did_you_mean(edit: Edit) -> None:
    text = edit(("  country: DE\n  subdivision: BE\n", "  country: Germny\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'Germny')}: country 'Germny' is not a country the holiday library"
        " knows; did you mean DE (Germany)?"
    ]
    text = edit(("  country: DE\n  subdivision: BE\n", "  country: DEU\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'DEU')}: country 'DEU' is not a country the holiday library"
        " knows; did you mean DE (Germany)?"
    ]


def test_unknown_country_without_a_close_one(edit: Edit) -> None:
    text = edit(("  country: DE\n  subdivision: BE\n", "  country: XX\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'XX')}: country 'XX' is not a country the holiday library knows;"
        " write a two-letter code such as DE or CN, or none"
    ]


def test_unknown_subdivision_with_did_you_mean(edit: Edit) -> None:
    text = edit(("subdivision: BE", "subdivision: Berln"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'Berln')}: subdivision 'Berln' is not one of DE's;"
        " did you mean BE (Berlin)?"
    ]


def test_unknown_subdivision_lists_the_codes(edit: Edit) -> None:
    text = edit(("subdivision: BE", "subdivision: ZZ"))
    (problem,) = problems_of(text)
    assert problem.startswith(f"p.yaml:{loc(text, 'ZZ')}: subdivision 'ZZ' is not one of DE's: ")
    assert "BB, BE, BW" in problem


def test_subdivision_of_a_country_without_any(edit: Edit) -> None:
    text = edit(("country: DE", "country: CN"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'BE')}: subdivision 'BE': the holiday library has no subdivisions"
        " for CN; remove the line"
    ]


def test_subdivision_without_a_country(edit: Edit) -> None:
    text = edit(("country: DE", "country: none"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'BE')}: subdivision 'BE' needs a country: write country: first"
    ]


def test_holidays_off_wants_a_boolean(edit: Edit) -> None:
    text = edit(("holidays_off: false", "holidays_off: sometimes"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'sometimes')}: holidays_off: expected true or false, got 'sometimes'"
    ]


def test_region_messages_in_chinese(edit: Edit) -> None:
    set_lang("zh")
    text = edit(("  country: DE\n  subdivision: BE\n", "  country: DE-BE\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'DE-BE')}: country 'DE-BE' 含有地区："
        "请写 country: DE 和 subdivision: BE"
    ]


# -- curricula[].from / to -------------------------------------------------------------------


def test_window_ending_before_it_starts(edit: Edit) -> None:
    text = edit(("to: 2026-06-30", "to: 2026-03-10"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-03-10')}: window ends (2026-03-10) before it starts (2026-03-16)"
    ]
    text = edit(("from: 2026-03-16", "from: 2026-04-16"), ("to: 2026-06-30", "to: 2026-03"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-03', nth=2)}: window ends (2026-03) before it starts (2026-04-16)"
    ]


def test_a_month_after_a_day_of_the_same_month_is_fine(edit: Edit) -> None:
    p = load_plan_text(edit(("to: 2026-06-30", "to: 2026-03")))
    assert p.curriculum("course").closes == date(2026, 3, 31)


def test_window_day_outside_the_plan_span(edit: Edit) -> None:
    text = edit(("from: 2026-03-16", "from: 2026-03-01"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-03-01')}: date 2026-03-01 is outside the plan span"
        " 2026-03-02..2027-03-14"
    ]
    text = edit(("to: 2026-06-30", "to: 2027-03-20"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2027-03-20')}: date 2027-03-20 is outside the plan span"
        " 2026-03-02..2027-03-14"
    ]


def test_window_neither_month_nor_date(edit: Edit) -> None:
    text = edit(("from: 2026-03-16", "from: mid-March"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'mid-March')}: from: expected a month YYYY-MM or a date YYYY-MM-DD,"
        " got 'mid-March'"
    ]
    text = edit(("from: 2026-03-16", "from: 2026-02-30"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-02-30')}: from: 2026-02-30 is not a real date"
    ]
