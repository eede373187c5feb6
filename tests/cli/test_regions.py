"""Regional holidays and windows to the day, end to end through the real `pacer` command: a
Berlin plan (DE + BE, holidays worked through, a course from the 16th) and the built-in plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import Run

Pacer = Callable[..., Run]
REGIONS = Path(__file__).resolve().parents[1] / "fixtures" / "plan-regions.yaml"
BERLIN_NOW = {"PACER_NOW": "2026-03-02T09:00:00+01:00", "PACER_TZ": "Europe/Berlin"}
WOMENS_DAY_MONDAY = "2027-03-08"  # Berlin's own holiday, on a weekday inside the plan
WOMENS_DAY_SUNDAY = "2026-03-08"


@pytest.fixture
def regions(tmp_path: Path) -> Callable[..., Path]:
    """The regions fixture, copied, with (old, new) edits."""

    def make(*edits: tuple[str, str]) -> Path:
        text = REGIONS.read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path = tmp_path / "plan-regions.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def test_worked_holiday_keeps_the_template_and_shows_the_name(
    pacer: Pacer, regions: Callable[..., Path]
) -> None:
    plan = str(regions())
    run = pacer("--plan", plan, "today", "--date", WOMENS_DAY_MONDAY, "--json", env=BERLIN_NOW)
    assert run.code == 0, run.err
    day = run.json()
    assert (day["template"], day["reason"], day["holiday"]) == ("shift", "weekday", "Women's Day")
    text = pacer("--plan", plan, "today", "--date", WOMENS_DAY_MONDAY, env=BERLIN_NOW)
    assert text.code == 0, text.err
    assert "Women's Day" in text.out
    assert "Shift day" in text.out
    # On the Sunday of 2026 the free day stays free, and the name is still said.
    sunday = pacer("--plan", plan, "today", "--date", WOMENS_DAY_SUNDAY, "--json", env=BERLIN_NOW)
    assert (sunday.json()["template"], sunday.json()["holiday"]) == ("free", "Women's Day")


def test_week_shows_the_worked_holiday(pacer: Pacer, regions: Callable[..., Path]) -> None:
    run = pacer(
        "--plan", str(regions()), "week", "--date", WOMENS_DAY_MONDAY, "--json", env=BERLIN_NOW
    )
    assert run.code == 0, run.err
    monday = next(d for d in run.json()["days"] if d["date"] == WOMENS_DAY_MONDAY)
    assert (monday["template"], monday["holiday"]) == ("shift", "Women's Day")
    text = pacer("--plan", str(regions()), "week", "--date", WOMENS_DAY_MONDAY, env=BERLIN_NOW)
    assert "Women's Day" in text.out


def test_holidays_off_gives_a_weekday_holiday_the_holiday_template(
    pacer: Pacer, regions: Callable[..., Path]
) -> None:
    plan = regions(("holidays_off: false", "holidays_off: true"))
    run = pacer("--plan", str(plan), "today", "--date", WOMENS_DAY_MONDAY, "--json", env=BERLIN_NOW)
    assert run.code == 0, run.err
    day = run.json()
    assert (day["template"], day["reason"], day["holiday"]) == ("holiday", "holiday", "Women's Day")


def test_without_the_subdivision_berlin_holiday_is_a_plain_workday(
    pacer: Pacer, regions: Callable[..., Path]
) -> None:
    plan = regions(("  subdivision: BE\n", ""), ("holidays_off: false", "holidays_off: true"))
    run = pacer("--plan", str(plan), "today", "--date", WOMENS_DAY_MONDAY, "--json", env=BERLIN_NOW)
    assert run.code == 0, run.err
    assert (run.json()["template"], run.json()["holiday"]) == ("shift", None)


def test_builtin_plan_keeps_its_holidays_and_makeup_days(pacer: Pacer) -> None:
    # 2026-10-01 (National Day, a Thursday) and 2026-10-10 (a Saturday worked for it).
    holiday = pacer("today", "--date", "2026-10-01", "--json").json()
    assert (holiday["template"], holiday["reason"]) == ("holiday", "holiday")
    makeup = pacer("today", "--date", "2026-10-10", "--json").json()
    assert (makeup["template"], makeup["reason"]) == ("workday", "makeup")


def _course_days(pacer: Pacer, plan: Path, week_of: str) -> list[str]:
    run = pacer("--plan", str(plan), "week", "--date", week_of, "--json", env=BERLIN_NOW)
    assert run.code == 0, run.err
    return [
        d["date"]
        for d in run.json()["days"]
        for b in d["blocks"]
        for item in b.get("items") or ()
        if item.get("curriculum") == "course"
    ]


def test_a_course_from_the_16th_is_never_placed_before_it(
    pacer: Pacer, regions: Callable[..., Path]
) -> None:
    plan = regions()
    assert _course_days(pacer, plan, "2026-03-09") == []  # 9..15 March: not yet
    placed = _course_days(pacer, plan, "2026-03-16")
    assert placed, "the course starts in its first week"
    assert min(placed) >= "2026-03-16"


def test_forecast_of_a_course_from_the_16th(pacer: Pacer, regions: Callable[..., Path]) -> None:
    plan = regions(
        (
            "review:\n",
            "milestones:\n  - {id: course-done, title: Course done, due: 2026-04-30,"
            " needs: [course]}\nreview:\n",
        )
    )
    run = pacer("--plan", str(plan), "forecast", "--json", "--runs", "50", env=BERLIN_NOW)
    assert run.code == 0, run.err
    (milestone,) = run.json()["milestones"]
    assert milestone["id"] == "course-done"
    assert date.fromisoformat(milestone["p50"]) >= date(2026, 3, 16)
