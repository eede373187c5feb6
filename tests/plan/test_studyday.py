"""plan.day_starts: its default, and one exact PATH:LINE:COL message per wrong value."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import OTHER_PLAN
from tests.plan.test_loader import loc

from pacer.i18n import set_lang
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import PlanInvalid, load_plan_file, load_plan_text

NIGHTS = OTHER_PLAN.with_name("plan-nights.yaml")
LINE = '  day_starts: "04:00"\n'


def nights_with(line: str) -> str:
    text = NIGHTS.read_text(encoding="utf-8")
    assert text.count(LINE) == 1
    return text.replace(LINE, line)


def at_value(text: str) -> str:
    """LINE:COL of the value of day_starts."""
    line, col = loc(text, "day_starts:").split(":")
    return f"{line}:{int(col) + len('day_starts: ')}"


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, "p.yaml")
    return info.value.problems


def test_day_starts_is_read_as_written() -> None:
    assert load_plan_file(NIGHTS).day_starts == "04:00"
    assert load_plan_text(nights_with('  day_starts: "12:00"\n'), "p.yaml").day_starts == "12:00"


@pytest.mark.parametrize("plan", [builtin_plan_path(), OTHER_PLAN], ids=["builtin", "berlin"])
def test_without_day_starts_the_day_starts_at_midnight(plan: Path) -> None:
    assert "day_starts" not in plan.read_text(encoding="utf-8")
    assert load_plan_file(plan).day_starts == "00:00"
    assert load_plan_text(nights_with(""), "p.yaml").day_starts == "00:00"


EXPECTED = (
    'expected a quoted time from "00:00" to "12:00", got \'{raw}\';'
    ' write e.g. day_starts: "04:00" (before it, it is still yesterday; past noon most of the'
    " day would count for the day before)"
)


@pytest.mark.parametrize(
    ("value", "raw"),
    [
        ('"4:00"', "4:00"),  # one digit for the hour
        ('"13:00"', "13:00"),  # past noon
        ('"24:00"', "24:00"),  # not a time of day
        ('"04:60"', "04:60"),
        ("4", "4"),  # a number
        ("night", "night"),
        ('"04:00:00"', "04:00:00"),
    ],
)
def test_a_wrong_day_starts_says_what_to_write(value: str, raw: str) -> None:
    text = nights_with(f"  day_starts: {value}\n")
    assert problems_of(text) == [
        f"p.yaml:{at_value(text)}: plan.day_starts: " + EXPECTED.format(raw=raw)
    ]


def test_an_unquoted_day_starts() -> None:
    # YAML 1.1 reads 04:00 as text (a leading 0 is no base-60 number), 10:30 as 630.
    assert load_plan_text(nights_with("  day_starts: 04:00\n"), "p.yaml").day_starts == "04:00"
    text = nights_with("  day_starts: 10:30\n")
    assert problems_of(text) == [
        f'p.yaml:{at_value(text)}: unquoted time 10:30 reads as a number; write it quoted: "10:30"'
    ]


def test_the_message_in_chinese() -> None:
    set_lang("zh")  # the autouse fixture restores the language afterwards
    text = nights_with('  day_starts: "13:00"\n')
    assert problems_of(text) == [
        f'p.yaml:{at_value(text)}: plan.day_starts：应为加引号的时间，从 "00:00" 到'
        ' "12:00"，实际为 \'13:00\'；例如写 day_starts: "04:00"（此时刻之前仍算前一天；'
        "晚于中午则一天的大半会算到前一天）"
    ]
