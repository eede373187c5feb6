"""Habits count (issue 12, item 1): a habit track's minutes (planned by the day templates,
done by the log) and its days kept, in `status`, the weekly review, the reports and the web;
the review's minutes as the review's (item 2). End to end through `pacer`, on a plan whose
habits are tracks of their own (piano, running), on the Berlin plan and on the built-in one."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from pacer.plan.model import Plan
from pacer.service import Session
from tests.helpers import Run, complete_review

Pacer = Callable[..., Run]
HABITS_PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plan-habits.yaml"
CHICAGO = {"PACER_NOW": "2026-03-20T20:00:00-05:00", "PACER_TZ": "America/Chicago"}

# The issue's numbers: 345 min of piano and 380 min of running, and one weekly check-in.
PIANO = [("2026-03-09", 45), ("2026-03-10", 45), ("2026-03-11", 45), ("2026-03-12", 45)]
PIANO += [("2026-03-13", 45), ("2026-03-16", 45), ("2026-03-17", 45), ("2026-03-18", 30)]
RUNNING = [("2026-03-07", 95), ("2026-03-08", 95), ("2026-03-14", 95), ("2026-03-15", 95)]


def log_the_issues_weeks(pacer: Pacer) -> None:
    plan = ("--plan", str(HABITS_PLAN))
    for target, days in (("piano", PIANO), ("running", RUNNING), ("review", [("2026-03-15", 30)])):
        for day, minutes in days:
            run = pacer(*plan, "log", str(minutes), target, "--date", day, env=CHICAGO)
            assert run.code == 0, run.err
    assert sum(m for _, m in PIANO) == 345 and sum(m for _, m in RUNNING) == 380


def test_status_json_shows_habit_minutes_and_days_kept(pacer: Pacer) -> None:
    log_the_issues_weeks(pacer)
    run = pacer("--plan", str(HABITS_PLAN), "status", "--json", env=CHICAGO)
    assert run.code == 0, run.err
    status = run.json()
    tracks = {t["id"]: t for t in status["tracks"]}
    # Piano: 15 weekdays from Mon 2 March to Fri 20 March, 30 min each; 8 of them logged.
    piano = tracks["piano"]
    assert (piano["habit_planned_to_date"], piano["habit_done"]) == (450, 345)
    assert (piano["habit_days_kept"], piano["habit_days"]) == (8, 15)
    # Running: Saturdays 60 min and Sundays 30 min; all four weekend days run.
    running = tracks["running"]
    assert (running["habit_planned_to_date"], running["habit_done"]) == (180, 380)
    assert (running["habit_days_kept"], running["habit_days"]) == (4, 4)
    # The check-in is the review's: counted as the ritual, not "not in the plan".
    assert status["ritual"] == {
        "id": "review",
        "title": "Sunday check-in",
        "track": None,
        "planned_to_date": 60,
        "done": 30,
        "days_kept": 1,
        "days": 2,
    }
    assert status["not_in_plan"] == {"entries": 0, "minutes": 0, "targets": []}
    # Every minute logged up to the date is somewhere.
    counted = sum(t["done"] + t["habit_done"] for t in status["tracks"])
    assert counted + status["ritual"]["done"] == 345 + 380 + 30


def test_status_text_lists_habits_with_hours_and_days(pacer: Pacer) -> None:
    log_the_issues_weeks(pacer)
    run = pacer("--plan", str(HABITS_PLAN), "status", env=CHICAGO)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "  Habit                     Planned     Done        Days kept" in lines
    assert "  Piano (piano)             7.5 h       5.8 h       8 of 15 days" in lines
    assert "  Running (running)         3.0 h       6.3 h       4 of 4 days" in lines
    assert "  Sunday check-in (review)  1.0 h       0.5 h       1 of 2 days" in lines
    assert "not in the plan" not in run.out
    # A habit-only track has no unit line of zeros; the curriculum's track has one.
    assert not [line for line in lines if line.startswith("  Piano (piano)") and "0.0 h" in line]
    assert any(line.startswith("  CPA exam (cpa)") for line in lines)
    zh = pacer("--plan", str(HABITS_PLAN), "status", lang="zh", env=CHICAGO)
    assert "  Piano (piano)             7.5 小时    5.8 小时    15 天中 8 天" in zh.out.splitlines()


def test_status_on_an_earlier_date_counts_to_that_date(pacer: Pacer) -> None:
    log_the_issues_weeks(pacer)
    at = pacer("--plan", str(HABITS_PLAN), "status", "--date", "2026-03-13", "--json", env=CHICAGO)
    piano = next(t for t in at.json()["tracks"] if t["id"] == "piano")
    # 10 weekdays to Friday 13 March; the five logged that week; none of the next week's.
    assert (piano["habit_planned_to_date"], piano["habit_done"]) == (300, 225)
    assert (piano["habit_days_kept"], piano["habit_days"]) == (5, 10)


def test_a_habit_logged_on_a_day_without_it_counts_minutes_not_a_kept_day(pacer: Pacer) -> None:
    plan = ("--plan", str(HABITS_PLAN))
    assert pacer(*plan, "log", "40", "piano", "--date", "2026-03-14", env=CHICAGO).code == 0
    assert pacer(*plan, "log", "20", "piano", "--date", "2026-03-16", env=CHICAGO).code == 0
    status = pacer(*plan, "status", "--json", env=CHICAGO).json()
    piano = next(t for t in status["tracks"] if t["id"] == "piano")
    assert piano["habit_done"] == 60
    assert (piano["habit_days_kept"], piano["habit_days"]) == (1, 15)  # Saturday asks none


def days_asked(plan: Plan, session: Session, track: str, until: date) -> tuple[int, int]:
    """(minutes, days) the templates ask for a habit from the plan's start to `until`."""
    calendar = session.calendar()
    minutes = days = 0
    d = plan.start
    while d <= until:
        blocks = plan.template(calendar.resolve(d).template).blocks
        asked = [b.minutes for b in blocks if b.type == "habit" and b.track == track]
        minutes += sum(asked)
        days += bool(asked)
        d += timedelta(days=1)
    return minutes, days


# plan (None: built-in), its habit track, the days logged, the moment "now"
OTHER_PLANS = {
    "builtin": (None, "english", "2026-03-20T21:00:00+08:00", {}),
    "berlin": ("berlin", "piano", "2026-03-20T21:00:00+01:00", {"PACER_TZ": "Europe/Berlin"}),
}


@pytest.mark.parametrize("which", list(OTHER_PLANS))
def test_habit_minutes_and_days_on_the_other_plans(
    pacer: Pacer, other_plan: Path, home: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    name, track, now, env = OTHER_PLANS[which]
    env = {"PACER_NOW": now, **env}
    plan_args = ("--plan", str(other_plan)) if name else ()
    for day in ("2026-03-16", "2026-03-17", "2026-03-19"):
        assert pacer(*plan_args, "log", "25", track, "--date", day, env=env).code == 0
    status = pacer(*plan_args, "status", "--json", env=env).json()
    shown = next(t for t in status["tracks"] if t["id"] == track)
    monkeypatch.setenv("PACER_HOME", str(home))
    with Session(other_plan if name else None) as session:
        minutes, days = days_asked(session.plan, session, track, date(2026, 3, 20))
    assert minutes > 0 and days > 0
    assert shown["habit_planned_to_date"] == minutes
    assert (shown["habit_done"], shown["habit_days_kept"], shown["habit_days"]) == (75, 3, days)
    text = pacer(*plan_args, "status", env=env).out
    assert f"({track})" in text.split("  Habit ")[1]


@pytest.mark.parametrize("which", ["habits", "berlin", "builtin"])
def test_logging_the_review_counts_as_the_review_and_doctor_agrees(
    pacer: Pacer, other_plan: Path, which: str
) -> None:
    """`pacer log 30 review` — with a ritual without a track (habits, Berlin) or with one
    (built-in) — is the review's, in status and in doctor alike."""
    plan_args = {
        "habits": ("--plan", str(HABITS_PLAN)),
        "berlin": ("--plan", str(other_plan)),
        "builtin": (),
    }[which]
    env = {"PACER_NOW": "2026-03-15T21:00:00+01:00", "PACER_TZ": "Europe/Berlin"}
    assert pacer(*plan_args, "log", "30", "review", env=env).code == 0
    status = pacer(*plan_args, "status", "--json", env=env).json()
    assert status["not_in_plan"] == {"entries": 0, "minutes": 0, "targets": []}
    assert status["ritual"]["done"] == 30 and status["ritual"]["days_kept"] == 1
    text = pacer(*plan_args, "status", env=env).out
    assert "not in the plan" not in text and "doctor" not in text
    ritual_line = next(line for line in text.splitlines() if "(review)" in line)
    assert "0.5 h" in ritual_line
    doctor = pacer(*plan_args, "doctor", "--json", env=env).json()
    assert doctor["not_in_plan"] == []


def review_facts(pacer: Pacer, week: str) -> dict[str, object]:
    shown = pacer("--plan", str(HABITS_PLAN), "review", "--show", "--week", week, "--json")
    assert shown.code == 0, shown.err
    facts: dict[str, object] = shown.json()["facts"]
    return facts


def test_the_weekly_review_counts_habit_minutes_and_the_check_in(pacer: Pacer) -> None:
    log_the_issues_weeks(pacer)
    run = complete_review(
        pacer, "--plan", str(HABITS_PLAN), "review", "--week", "2026-W11", "--answers", "-",
        env=CHICAGO,
    )  # fmt: skip
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    # Habit-only tracks have no row of unit minutes ("0 / 0"); their minutes are the habit's.
    assert not [line for line in lines if line.startswith("  Piano (piano) ")]
    assert "      Piano (piano)  kept 5 of 5 days · 150 min planned, 225 min done" in lines
    assert "      Running (running)  kept 2 of 2 days · 90 min planned, 190 min done" in lines
    assert "      Sunday check-in (review)  kept 1 of 1 day · 30 min planned, 30 min done" in lines
    facts = review_facts(pacer, "2026-W11")
    assert facts["habits"] == [
        {"track": "piano", "title": "Piano", "kept": 5, "days": 5, "planned": 150, "done": 225},
        {"track": "running", "title": "Running", "kept": 2, "days": 2, "planned": 90, "done": 190},
    ]
    assert facts["ritual"] == {
        "id": "review", "title": "Sunday check-in", "kept": 1, "days": 1, "planned": 30, "done": 30
    }  # fmt: skip
    md = pacer("--plan", str(HABITS_PLAN), "review", "--show", "--week", "2026-W11",
               "--format", "md").out  # fmt: skip
    assert "| Piano (piano) | 5 of 5 days | 150 | 225 |" in md
    assert "| Sunday check-in (review) | 1 of 1 day | 30 | 30 |" in md
    zh = pacer("--plan", str(HABITS_PLAN), "review", "--show", "--week", "2026-W11", lang="zh")
    assert "      Piano (piano)  5 天中坚持 5 天 · 计划 150 分钟，完成 225 分钟" in zh.out


def test_a_review_stored_before_habit_minutes_still_shows(pacer: Pacer, home: Path) -> None:
    """Snapshots written by an earlier pacer have no habit minutes and no ritual."""
    import sqlite3

    log_the_issues_weeks(pacer)
    write = ("--plan", str(HABITS_PLAN), "review", "--week", "2026-W11", "--answers", "-")
    assert complete_review(pacer, *write, env=CHICAGO).code == 0
    conn = sqlite3.connect(home / "pacer.db")
    (facts_text,) = conn.execute("SELECT facts FROM reviews").fetchone()
    old = json.loads(facts_text)
    del old["ritual"]
    for h in old["habits"]:
        del h["planned"], h["done"]
    with conn:
        conn.execute("UPDATE reviews SET facts = ?", (json.dumps(old),))
    conn.close()
    shown = pacer("--plan", str(HABITS_PLAN), "review", "--show", "--week", "2026-W11")
    assert shown.code == 0, shown.err
    assert "      Piano (piano)  kept 5 of 5 days" in shown.out.splitlines()


def test_week_report_lines_carry_habit_minutes_and_days(pacer: Pacer) -> None:
    log_the_issues_weeks(pacer)
    report = pacer(
        "--plan", str(HABITS_PLAN), "report", "week", "--date", "2026-03-15", env=CHICAGO
    )
    assert report.code == 0, report.err
    piano = next(line for line in report.out.splitlines() if line.startswith("  Piano:"))
    assert piano == "  Piano: habit: 2.5 h planned, 3.8 h done, kept 5 of 5 days"
    md = pacer(
        "--plan", str(HABITS_PLAN), "report", "week", "--date", "2026-03-15", "--format", "md",
        env=CHICAGO,
    ).out  # fmt: skip
    assert "| 1.5 h planned, 3.2 h done, kept 2 of 2 days |" in md  # running
    cpa = next(line for line in report.out.splitlines() if line.startswith("  CPA exam:"))
    assert cpa.endswith("(0 %)")  # a track without a habit has no habit part
