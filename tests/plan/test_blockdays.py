"""A block's `days:` and a habit's `per_week:`: what they load to, the one rule of a day's
blocks, and one exact PATH:LINE:COL line per mistake (in English and Chinese)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.plan.test_loader import loc, problems_of

from pacer.i18n import set_lang
from pacer.plan.loader import load_plan_file, load_plan_text
from pacer.plan.model import WEEKDAYS

WEEKLY = Path(__file__).resolve().parents[1] / "fixtures" / "plan-weekly.yaml"
TEXT = WEEKLY.read_text(encoding="utf-8")
RUN = "per_week: 3, days: [mon, wed, fri, sat]"


def at_value(text: str, token: str, nth: int | None = None) -> str:
    """LINE:COL of the value of `key: value` written as `token` (errors point at values)."""
    line, col = loc(text, token, nth).split(":")
    return f"{line}:{int(col) + token.index(': ') + 2}"


def _with(old: str, new: str, count: int = -1) -> str:
    assert old in TEXT
    return TEXT.replace(old, new, count)


def test_the_keys_load_and_default() -> None:
    plan = load_plan_file(WEEKLY)
    weekday = plan.template("weekday")
    run = next(b for b in weekday.blocks if b.id == "run")
    assert (run.days, run.per_week) == ((0, 2, 4, 5), 3)
    piano = next(b for b in weekday.blocks if b.id == "piano")
    assert (piano.days, piano.per_week) == ((), None)  # the defaults: every day, every day
    assert plan.habit_per_week("running") == 3
    assert plan.habit_per_week("piano") is None


def test_blocks_on_is_the_one_rule_of_a_days_blocks() -> None:
    weekday = load_plan_file(WEEKLY).template("weekday")
    # 2026-03-02 is a Monday.
    ids = {WEEKDAYS[i]: [b.id for b in weekday.blocks_on(date(2026, 3, 2 + i))] for i in range(5)}
    assert ids == {
        "mon": ["piano", "run", "study"],
        "tue": ["piano", "class", "study"],
        "wed": ["piano", "run", "study"],
        "thu": ["piano", "class", "study"],
        "fri": ["piano", "run", "study"],
    }


def test_a_plan_without_days_keeps_its_blocks(other_plan: Path) -> None:
    plan = load_plan_file(other_plan)
    for t in plan.day_templates:
        assert all(t.blocks_on(date(2026, 3, 2 + i)) == t.blocks for i in range(7))


@pytest.mark.parametrize(
    ("old", "new", "token", "message"),
    [
        (
            "days: [mon, wed, fri, sat]}",
            "days: [mon, wed, fry, sat]}",
            "fry",
            "'fry' is not a weekday; did you mean 'fri'? (write mon, tue, wed, thu, fri, sat, sun)",
        ),
        (
            "days: [tue, thu]",
            "days: [TUE, thu]",
            "TUE",
            "'TUE' is not a weekday; did you mean 'tue'? (write mon, tue, wed, thu, fri, sat, sun)",
        ),
        (
            "days: [tue, thu]",
            "days: [xyz, thu]",
            "xyz",
            "'xyz' is not a weekday; write one of mon, tue, wed, thu, fri, sat, sun",
        ),
        (
            "days: [tue, thu]",
            "days: []",
            "[]",
            "day_templates.weekday.blocks[].days: list at least one weekday, e.g. [mon, wed, fri],"
            " or leave 'days' out for every day",
        ),
        (
            "days: [tue, thu]",
            "days: tue",
            "tue}",
            "day_templates.weekday.blocks[].days: expected a list",
        ),
        (
            "title: Evening class, minutes: 90,",
            "title: Evening class, minutes: 90, per_week: 2,",
            "per_week: 2",
            "'per_week' does not apply to a work block",
        ),
    ],
    ids=["did-you-mean", "long-name", "no-guess", "empty", "not-a-list", "per-week-on-work"],
)
def test_days_and_per_week_mistakes_are_one_located_line(
    old: str, new: str, token: str, message: str
) -> None:
    text = _with(old, new, 1)
    at = at_value(text, token) if token.startswith("per_week") else loc(text, token)
    assert problems_of(text) == [f"p.yaml:{at}: {message}"]


@pytest.mark.parametrize("value", ["0", "8", "three"])
def test_per_week_is_one_to_seven(value: str) -> None:
    text = _with(RUN, RUN.replace("per_week: 3", f"per_week: {value}"))
    first = loc(text, f"per_week: {value}", 0).split(":")
    col = int(first[1]) + len("per_week: ")
    problems = problems_of(text)
    expected = (
        f"day_templates.weekday.blocks[].per_week: {value} is outside 1..7"
        if value.isdigit()
        else f"day_templates.weekday.blocks[].per_week: expected a whole number, got '{value}'"
    )
    assert problems[0] == f"p.yaml:{first[0]}:{col}: {expected}"


def test_per_week_above_the_days_the_habit_can_occur() -> None:
    text = _with(RUN, "per_week: 3, days: [mon, sat]")
    assert problems_of(text) == [
        f"p.yaml:{at_value(text, 'per_week: 3', 0)}: per_week: 3 is more than the 2 days this block"
        " can occur in a week (mon, sat); lower per_week or add days"
    ]


def test_per_week_counts_the_days_of_every_block_of_the_track() -> None:
    # Weekday runs on Mon/Wed, the weekend's on Sat: three days between them, so 3 is fine.
    text = _with(RUN, "per_week: 3, days: [mon, wed]", 1).replace(RUN, "per_week: 3, days: [sat]")
    assert load_plan_text(text).habit_per_week("running") == 3


def test_the_blocks_of_a_track_agree_on_per_week() -> None:
    text = _with(RUN, "per_week: 2, days: [mon, wed, fri, sat]", 1)
    assert problems_of(text) == [
        f"p.yaml:{at_value(text, 'per_week: 3')}: per_week: the habit blocks of track"
        f" 'running' must agree; line {loc(text, 'per_week: 2').split(':')[0]} says 2"
    ]


def test_the_mistakes_read_in_chinese() -> None:
    set_lang("zh")
    text = _with("days: [tue, thu]", "days: [tues, thu]", 1)
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'tues')}: 'tues' 不是星期几；是不是 'tue'？"
        "（请写 mon、tue、wed、thu、fri、sat、sun）"
    ]
    text = _with(RUN, "per_week: 3, days: [mon, sat]")
    assert problems_of(text)[0].endswith(
        "per_week: 3 超过了此块每周可出现的 2 天（mon, sat）；请调低 per_week 或增加 days"
    )


def test_misspelt_weekdays_are_the_error_not_the_weekly_count_they_shrink() -> None:
    """Two of four days misspelt leave two: `per_week: 3` is not reported as too many on
    top of the two lines that say what to write."""
    text = WEEKLY.read_text(encoding="utf-8").replace(
        "days: [mon, wed, fri, sat]}", "days: [mon, wedn, frid, sat]}"
    )
    hint = "(write mon, tue, wed, thu, fri, sat, sun)"
    found = [(p.split(": ", 1)[1]) for p in problems_of(text)]
    assert (
        found
        == [
            f"'wedn' is not a weekday; did you mean 'wed'? {hint}",
            f"'frid' is not a weekday; did you mean 'fri'? {hint}",
        ]
        * 2
    )
