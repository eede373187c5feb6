"""Habit streaks (issue 15, item 2) through the real `pacer` command: `habit list` as text and
JSON, the streak under each habit of `today`; on the Berlin plan, the built-in one and a
plan with a flexible (`per_week`) habit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import OTHER_PLAN
from tests.helpers import Run

Pacer = Callable[..., Run]
BERLIN = ("--plan", str(OTHER_PLAN))
# Thursday 9 April 2026, in the evening; the piano (Monday to Thursday) not logged yet today.
APRIL_9 = {"PACER_NOW": "2026-04-09T20:00:00+02:00", "PACER_TZ": "Europe/Berlin"}
# Mon–Thu 16–19 March kept; Monday 23rd missed; then every day that asks, to Wednesday
# 8 April. Easter Monday (6 April, a holiday: no piano that day) keeps the run.
KEPT = ["2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-24", "2026-03-25"]
KEPT += ["2026-03-26", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"]
KEPT += ["2026-04-07", "2026-04-08"]
# 11 March to 9 April, oldest first.
MARKS = "××···●●●●···×●●●···●●●●····●●○"
STATES = {"●": "kept", "×": "missed", "·": "not_asked", "○": "open"}


def log_piano(pacer: Pacer) -> None:
    for day in KEPT:
        run = pacer(*BERLIN, "log", "20", "piano", "--date", day, env=APRIL_9)
        assert run.code == 0, run.err


def test_habit_list_text_on_the_berlin_plan(pacer: Pacer) -> None:
    log_piano(pacer)
    run = pacer(*BERLIN, "habit", "list", env=APRIL_9)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "Piano [piano]  streak 9 days, best 9",
        "  " + MARKS,
        "last 30 days, oldest first: ● kept  × missed  · not asked  ○ open",
    ]
    zh = pacer(*BERLIN, "habit", "list", env=APRIL_9, lang="zh")
    assert zh.out.splitlines()[0] == "Piano [piano]  连续 9 天，最长 9 天"
    assert zh.out.splitlines()[2].startswith("最近 30 天")


def test_habit_list_json_shape(pacer: Pacer) -> None:
    log_piano(pacer)
    run = pacer(*BERLIN, "habit", "list", "--json", env=APRIL_9)
    assert run.code == 0, run.err
    first = date(2026, 3, 11)
    recent = [
        {"date": (first + timedelta(days=i)).isoformat(), "state": STATES[mark]}
        for i, mark in enumerate(MARKS)
    ]
    assert run.json() == {
        "date": "2026-04-09",
        "habits": [
            {
                "track": "piano",
                "title": "Piano",
                "per_week": None,
                "unit": "days",
                "current": 9,
                "best": 9,
                "recent": recent,
            }
        ],
    }


def test_a_missed_day_breaks_the_streak_and_best_stays(pacer: Pacer) -> None:
    log_piano(pacer)
    # Friday 10 April is a free day (no piano); Monday 13 April: Thursday the 9th was missed.
    monday = {**APRIL_9, "PACER_NOW": "2026-04-13T21:00:00+02:00"}
    run = pacer(*BERLIN, "habit", "list", "--json", env=monday)
    piano = run.json()["habits"][0]
    assert (piano["current"], piano["best"]) == (0, 9)
    assert [d["state"] for d in piano["recent"][-5:]] == [
        "missed",
        "not_asked",
        "not_asked",
        "not_asked",
        "open",
    ]


def test_today_shows_the_streak_under_the_habit(pacer: Pacer) -> None:
    log_piano(pacer)
    lines = pacer(*BERLIN, "today", env=APRIL_9).out.splitlines()
    at = lines.index("  [habit] Piano scales  20 min")
    assert lines[at + 1] == "      ↻ streak 9 days, best 9"
    zh = pacer(*BERLIN, "today", env=APRIL_9, lang="zh").out.splitlines()
    assert "      ↻ 连续 9 天，最长 9 天" in zh
    shown = pacer(*BERLIN, "today", "--json", env=APRIL_9).json()
    assert shown["streaks"] == [
        {
            "track": "piano",
            "title": "Piano",
            "per_week": None,
            "unit": "days",
            "current": 9,
            "best": 9,
        }
    ]


def test_the_built_in_plan(pacer: Pacer) -> None:
    # The built-in plan asks for English listening every day; today is Monday 9 March.
    for n in (2, 3, 5, 6, 7, 8):
        run = pacer("log", "30", "english", "--date", f"2026-03-0{n}")
        assert run.code == 0, run.err
    habits = pacer("habit", "list", "--json").json()["habits"]
    english = next(h for h in habits if h["track"] == "english")
    assert (english["unit"], english["current"], english["best"]) == ("days", 4, 4)
    assert [d["state"] for d in english["recent"][-8:]] == (
        ["missed", "kept", "kept", "missed", "kept", "kept", "kept", "kept", "open"][-8:]
    )
    assert "      ↻ streak 4 days, best 4" in pacer("today").out.splitlines()


WEEKLY = Path(__file__).resolve().parents[1] / "fixtures" / "plan-weekly.yaml"


def test_a_flexible_habit_counts_weeks_met(pacer: Pacer) -> None:
    # Running three times a week: weeks 1 and 2 met, week 3 (running) has two so far.
    vienna = {"PACER_NOW": "2026-03-18T20:00:00+01:00", "PACER_TZ": "Europe/Vienna"}
    plan = ("--plan", str(WEEKLY))
    for day in ["2026-03-02", "2026-03-04", "2026-03-07", "2026-03-09", "2026-03-10"]:
        assert pacer(*plan, "log", "30", "running", "--date", day, env=vienna).code == 0
    for day in ["2026-03-13", "2026-03-16", "2026-03-18"]:
        assert pacer(*plan, "log", "30", "running", "--date", day, env=vienna).code == 0
    habits = pacer(*plan, "habit", "list", "--json", env=vienna).json()["habits"]
    running = next(h for h in habits if h["track"] == "running")
    assert (running["per_week"], running["unit"]) == (3, "weeks")
    assert (running["current"], running["best"]) == (2, 2)
    text = pacer(*plan, "habit", "list", env=vienna).out
    assert "streak 2 weeks met, best 2" in text


def test_a_day_ahead_shows_the_streak_standing_today(pacer: Pacer) -> None:
    """`today --date` a week ahead: no day between is over, so the streak is today's."""
    log_piano(pacer)
    for day in ("2026-04-09", "2026-04-16"):
        run = pacer(*BERLIN, "today", "--date", day, env=APRIL_9)
        assert run.code == 0, run.err
        assert "      ↻ streak 9 days, best 9" in run.out.splitlines(), (day, run.out)


def test_a_habit_never_kept_shows_no_streak_line(pacer: Pacer) -> None:
    run = pacer(*BERLIN, "today", env=APRIL_9)
    assert run.code == 0, run.err
    assert "  [habit] Piano scales  20 min" in run.out.splitlines()
    assert "↻" not in run.out
    listed = pacer(*BERLIN, "habit", "list", env=APRIL_9)  # the list still says it
    assert listed.out.splitlines()[0] == "Piano [piano]  streak 0 days, best 0"
