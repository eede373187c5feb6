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


def test_warm_today_of_a_regional_plan_imports_no_holiday_library(
    home: Path, regions: Callable[..., Path]
) -> None:
    """The subdivision is checked when the plan is compiled; a warm `today` reads the cache."""
    import subprocess
    import sys

    from tests.helpers import pacer_env

    env = {**pacer_env(home, BERLIN_NOW["PACER_NOW"]), "PACER_TZ": "Europe/Berlin"}
    cmd = [sys.executable, "-X", "importtime", "-m", "pacer", "--plan", str(regions()), "today"]
    subprocess.run(cmd, env=env, capture_output=True, check=True)  # compiles: imports holidays
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    imported = {
        line.split("|")[-1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "pacer.cli" in imported  # importtime did report
    assert not {"holidays", "pacer.plan.regions", "pacer.plan.loader", "yaml"} & imported


def test_plan_show_json_names_the_region(pacer: Pacer, regions: Callable[..., Path]) -> None:
    run = pacer("--plan", str(regions()), "plan", "show", "--json", env=BERLIN_NOW)
    assert run.code == 0, run.err
    shown = run.json()
    assert (shown["country"], shown["subdivision"], shown["holidays_off"]) == ("DE", "BE", False)
    builtin = pacer("plan", "show", "--json").json()
    assert (builtin["country"], builtin["subdivision"], builtin["holidays_off"]) == (
        "CN",
        None,
        True,
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "  country: DE\n  subdivision: BE\n",
            "  country: DE-BE\n",
            ":63:12: country 'DE-BE' names a region: write country: DE and subdivision: BE",
        ),
        ("subdivision: BE", "subdivision: ZZ", ":64:16: subdivision 'ZZ' is not one of DE's: "),
        ("from: 2026-03-16", "from: 2026-02-16", ":78:11: date 2026-02-16 is outside the plan"),
    ],
)
def test_plan_check_refuses_with_path_line_col(
    pacer: Pacer, regions: Callable[..., Path], old: str, new: str, said: str
) -> None:
    plan = regions((old, new))
    run = pacer("--plan", str(plan), "plan", "check", env=BERLIN_NOW)
    assert run.code != 0
    (line,) = run.err.strip().splitlines()
    assert line.startswith(f"{plan}{said}")
    today = pacer("--plan", str(plan), "today", env=BERLIN_NOW)  # the same line, no traceback
    assert today.code != 0 and "Traceback" not in today.err and said in today.err
