"""Habits on given days and three times a week (issue 13, item 2), end to end through the
real `pacer` command on a Vienna plan (running `per_week: 3` on Mon/Wed/Fri/Sat, piano every
day, a class on Tuesdays and Thursdays), on the Berlin plan and on the built-in one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, day_lines

Pacer = Callable[..., Run]
WEEKLY = Path(__file__).resolve().parents[1] / "fixtures" / "plan-weekly.yaml"
# Wednesday of the plan's third week, in the evening.
VIENNA = {"PACER_NOW": "2026-03-18T20:00:00+01:00", "PACER_TZ": "Europe/Vienna"}
# Week 1: Mon, Wed, Sat (met). Week 2: Mon, Tue, Fri (met: a Tuesday run counts too).
# Week 3 so far: Mon, Wed.
RUNS = ["2026-03-02", "2026-03-04", "2026-03-07", "2026-03-09", "2026-03-10", "2026-03-13"]
RUNS += ["2026-03-16", "2026-03-18"]
PLAN = ("--plan", str(WEEKLY))


def log_runs(pacer: Pacer) -> None:
    for day in RUNS:
        run = pacer(*PLAN, "log", "30", "running", "--date", day, env=VIENNA)
        assert run.code == 0, run.err


def test_today_shows_the_weeks_count_of_a_flexible_habit(pacer: Pacer) -> None:
    log_runs(pacer)
    run = pacer(*PLAN, "today", env=VIENNA)
    assert run.code == 0, run.err
    lines = day_lines(run.out)
    assert lines[0] == "2026-03-18 Wednesday · Weekday (weekday)"
    assert "  [habit] Piano  20 min" in lines
    assert "  [habit] Run  40 min  ✓ 30  · 2 of 3 this week" in lines
    assert not any("Evening class" in line for line in lines)  # a Tuesday/Thursday block
    zh = pacer(*PLAN, "today", env=VIENNA, lang="zh")
    assert "  [习惯] Run  40 分钟  ✓ 30  · 本周 2/3 天" in zh.out.splitlines()


def test_the_habit_is_offered_until_the_week_is_met(pacer: Pacer) -> None:
    log_runs(pacer)
    # Friday of this week: still 2 of 3, so offered.
    friday = pacer(*PLAN, "today", "--date", "2026-03-20", env=VIENNA)
    assert "  [habit] Run  40 min  · 2 of 3 this week" in friday.out.splitlines()
    # Saturday of week 2: three runs by Friday, so the run is not offered that day.
    saturday = pacer(*PLAN, "today", "--date", "2026-03-14", env=VIENNA)
    assert saturday.code == 0, saturday.err
    assert "Run" not in saturday.out.split("Logged")[0]
    assert "  [habit] Piano  30 min" in saturday.out.splitlines()
    # The Thursday class exists on Thursdays only.
    thursday = pacer(*PLAN, "today", "--date", "2026-03-19", env=VIENNA)
    assert "  [work] Evening class  90 min" in thursday.out.splitlines()
    assert "Run" not in thursday.out


def test_today_json_blocks_carry_per_week_and_week_count(pacer: Pacer) -> None:
    log_runs(pacer)
    run = pacer(*PLAN, "today", "--json", env=VIENNA)
    assert run.code == 0, run.err
    blocks = run.json()["blocks"]
    assert [b["id"] for b in blocks] == ["piano", "run", "study"]
    assert blocks[1] == {
        "id": "run",
        "type": "habit",
        "track": "running",
        "minutes": 40,
        "max": 40,
        "title": "Run",
        "items": [],
        "steps": [],
        "per_week": 3,
        "week_count": 2,
    }
    assert (blocks[0]["per_week"], blocks[0]["week_count"]) == (None, None)
    assert "per_week" not in blocks[2]  # habit blocks only


def test_status_json_gives_the_week_count_and_the_streak_in_weeks(pacer: Pacer) -> None:
    log_runs(pacer)
    run = pacer(*PLAN, "status", "--json", env=VIENNA)
    assert run.code == 0, run.err
    tracks = {t["id"]: t for t in run.json()["tracks"]}
    # Two whole weeks asked 3 runs each (Mon/Wed/Fri blocks, 40 min); the running week
    # has offered Mon and Wed so far and asks only what it kept: 3 + 3 + 2 days.
    assert tracks["running"] == {
        "id": "running",
        "title": "Running",
        "planned_to_date": 0,
        "done": 0,
        "remaining": 0,
        "projected_finish": None,
        "habit_planned_to_date": 8 * 40,
        "habit_done": 8 * 30,
        "habit_days_kept": 8,
        "habit_days": 8,
        "habit_per_week": 3,
        "habit_week_count": 2,
        "habit_streak_weeks": 2,
    }
    piano = tracks["piano"]
    assert (piano["habit_per_week"], piano["habit_week_count"]) == (None, None)
    assert piano["habit_streak_weeks"] is None
    assert piano["habit_days"] == 17  # a daily habit: every day from 2 to 18 March


def test_status_text_says_the_week_and_the_streak(pacer: Pacer) -> None:
    log_runs(pacer)
    run = pacer(*PLAN, "status", env=VIENNA)
    assert run.code == 0, run.err
    assert (
        "  Running (running)         5.3 h       4.0 h       8 of 8 days"
        " · 2 of 3 this week · 2 weeks in a row met"
    ) in run.out.splitlines()
    zh = pacer(*PLAN, "status", env=VIENNA, lang="zh")
    assert any(
        line.startswith("  Running (running)")
        and line.endswith("8 天中 8 天 · 本周 2/3 天 · 连续 2 周达成")
        for line in zh.out.splitlines()
    )


def test_a_missed_week_ends_the_streak_only_when_it_is_over(pacer: Pacer) -> None:
    for day in RUNS[:3]:  # week 1 met, then nothing
        assert pacer(*PLAN, "log", "30", "running", "--date", day, env=VIENNA).code == 0
    monday = {**VIENNA, "PACER_NOW": "2026-03-09T20:00:00+01:00"}
    on_monday = pacer(*PLAN, "status", "--json", env=monday).json()["tracks"]
    assert [t["habit_streak_weeks"] for t in on_monday if t["id"] == "running"] == [1]
    later = pacer(*PLAN, "status", "--json", env=VIENNA).json()["tracks"]
    assert [t["habit_streak_weeks"] for t in later if t["id"] == "running"] == [0]


def test_plans_without_the_keys_show_no_weekly_fields(pacer: Pacer, other_plan: Path) -> None:
    for plan in ((), ("--plan", str(other_plan))):
        status = pacer(*plan, "status", "--json")
        assert status.code == 0, status.err
        for track in status.json()["tracks"]:
            assert track["habit_per_week"] is None
            assert track["habit_week_count"] is None
            assert track["habit_streak_weeks"] is None
        today = pacer(*plan, "today", "--json")
        for block in today.json()["blocks"]:
            if block["type"] == "habit":
                assert (block["per_week"], block["week_count"]) == (None, None)
        assert "this week" not in pacer(*plan, "today").out


def test_the_calendar_export_follows_the_same_days(pacer: Pacer, tmp_path: Path) -> None:
    log_runs(pacer)
    out = tmp_path / "week.ics"
    run = pacer(*PLAN, "export", "ics", "-o", str(out), "--days", "7", env=VIENNA)
    assert run.code == 0, run.err
    text = out.read_text(encoding="utf-8")
    # Wed 18 .. Tue 24: runs offered Wed, Fri, Sat (2 of 3 so far), Mon 23 (a new week).
    assert text.count("SUMMARY:Run") == 4
    assert text.count("SUMMARY:Evening class") == 2  # Thu 19, Tue 24


def test_the_web_today_page_says_the_weeks_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, datetime

    from starlette.testclient import TestClient

    from pacer import clock
    from pacer.service import Session, log_minutes
    from pacer.web.app import create_app
    from pacer.web.security import Generation, Guard, load_secret

    home = tmp_path / "web"
    home.mkdir()
    shutil.copy(WEEKLY, home / "plan.yaml")
    monkeypatch.setenv("PACER_HOME", str(home))
    monkeypatch.setenv("PACER_TZ", "Europe/Vienna")
    monkeypatch.delenv("PACER_NOW", raising=False)
    clock.set_now(datetime.fromisoformat(VIENNA["PACER_NOW"]))
    with Session() as s:
        for day in RUNS:
            log_minutes(s, 30, "running", "", date.fromisoformat(day))
    guard = Guard("127.0.0.1", load_secret(home), None, (), None, Generation(home))
    with TestClient(create_app(guard), base_url="http://127.0.0.1:8765") as client:
        page = client.get("/")
    assert page.status_code == 200, page.text
    assert '<p class="muted week-count">2 of 3 this week</p>' in page.text


def test_plan_show_says_a_blocks_days_and_a_habits_days_a_week(pacer: Pacer) -> None:
    run = pacer(*PLAN, "plan", "show", env=VIENNA)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert (
        "      [habit] Run  40 min · only on Monday / Wednesday / Friday / Saturday · 3 days a week"
    ) in lines
    assert "      [work] Evening class  90 min · only on Tuesday / Thursday" in lines
    zh = pacer(*PLAN, "plan", "show", env=VIENNA, lang="zh")
    assert "      [主线] Evening class  90 分钟 · 仅限 周二 / 周四" in zh.out.splitlines()
    shown = pacer(*PLAN, "plan", "show", "--json", env=VIENNA).json()
    weekday = next(t for t in shown["templates"] if t["id"] == "weekday")
    assert weekday["blocks"][1] == {
        "id": "run",
        "type": "habit",
        "title": "Run",
        "minutes": 40,
        "max": 40,
        "track": "running",
        "tracks": [],
        "kinds": [],
        "new_units": True,
        "days": ["mon", "wed", "fri", "sat"],
        "per_week": 3,
    }
