"""The study day (plan.day_starts) through the real `pacer` command: before the plan's
day_starts it is still yesterday for `log`, `done`, `today`, streaks and the weekly review.

Each run is a `pacer` process with a fixed PACER_NOW, no PACER_TZ and the machine's zone
that of the plan's person: the machine's clock is the person's."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run, complete_review, day_lines

NIGHTS = OTHER_PLAN.with_name("plan-nights.yaml")
DAY_STARTS = '  day_starts: "04:00"\n'


def on(home: Path, plan: Path | None, now: str) -> Callable[..., Run]:
    """`run` as complete_review calls it."""
    return lambda *args, stdin="", env=None: run(home, plan, now, *args, stdin=stdin)


def run(home: Path, plan: Path | None, now: str, *args: str, stdin: str = "") -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    # The machine's clock is where the plan's person is: Berlin, or Shanghai for the built-in.
    zone = "Asia/Shanghai" if plan is None else "Europe/Berlin"
    env.update(PACER_HOME=str(home), LANG="C.UTF-8", PACER_NOW=now, TZ=zone)
    where = ("--plan", str(plan)) if plan is not None else ()
    proc = subprocess.run(
        [str(PACER), *where, *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def ok(result: Run) -> Run:
    assert result.code == 0, result.err
    return result


@pytest.fixture
def midnight(tmp_path: Path) -> Path:
    """The nights plan without day_starts: its day ends at midnight."""
    text = NIGHTS.read_text(encoding="utf-8")
    assert text.count(DAY_STARTS) == 1
    path = tmp_path / "plan-midnight.yaml"
    path.write_text(text.replace(DAY_STARTS, ""), encoding="utf-8")
    return path


# Tuesday 10 March 2026, 02:00 and 04:00 in Berlin (CET).
TWO = "2026-03-10T02:00:00+01:00"
FOUR = "2026-03-10T04:00:00+01:00"


def test_a_log_at_two_in_the_night_is_for_the_day_before(home: Path) -> None:
    logged = ok(run(home, NIGHTS, TWO, "log", "20", "cards"))
    assert logged.out == "logged 20 min for cards on 2026-03-09\n"
    assert ok(run(home, NIGHTS, TWO, "done", "skull")).out == "skull is done (2026-03-09)\n"
    today = day_lines(ok(run(home, NIGHTS, TWO, "today")).out)
    assert today[0] == "2026-03-09 Monday · Night shift (weekday)"
    assert "  [habit] Flashcard deck  20 min  ✓ 20" in today
    assert today[today.index("  Logged today:") + 1] == "      Flashcards [cards] 20 min"
    # The entry keeps its study date; its timestamp is the real moment, in UTC.
    ok(run(home, NIGHTS, TWO, "export", "json", "-o", str(home / "out.json")))
    rows = json.loads((home / "out.json").read_text(encoding="utf-8"))["tables"]["log"]
    assert [(r["target"], r["local_date"], r["logged_at"]) for r in rows] == [
        ("cards", "2026-03-09", "2026-03-10T01:00:00+00:00"),
        ("skull", "2026-03-09", "2026-03-10T01:00:00+00:00"),
    ]
    # From 04:00 it is Tuesday: Monday's entries are yesterday's.
    later = day_lines(ok(run(home, NIGHTS, FOUR, "today")).out)
    assert later[0] == "2026-03-10 Tuesday · Night shift (weekday)"
    assert "  Nothing logged yet today." in later
    assert ok(run(home, NIGHTS, FOUR, "log", "10", "cards")).out.endswith("on 2026-03-10\n")


def test_at_two_the_days_relative_names_count_from_the_study_day(home: Path) -> None:
    assert ok(run(home, NIGHTS, TWO, "log", "5", "cards", "--date", "yesterday")).out.endswith(
        "on 2026-03-08\n"
    )
    # Tuesday has not begun: an entry for it is refused, as for any day still ahead.
    refused = run(home, NIGHTS, TWO, "log", "5", "cards", "--date", "2026-03-10")
    assert refused.code != 0 and "2026-03-10" in refused.err


def habit_streak(home: Path, plan: Path) -> int:
    """Flashcards on Monday evening, in the night after Tuesday's shift (01:30 on Wednesday),
    and on Wednesday evening; the week's longest run of flashcard days on Thursday."""
    for now in (
        "2026-03-09T21:00:00+01:00",
        "2026-03-11T01:30:00+01:00",
        "2026-03-11T22:00:00+01:00",
    ):
        ok(run(home, plan, now, "log", "20", "cards"))
    report = ok(run(home, plan, "2026-03-12T12:00:00+01:00", "report", "week", "--json")).json()
    return int({s["track"]: s["days"] for s in report["habit_streaks"]}["cards"])


def test_a_night_time_entry_does_not_break_a_habits_streak(home: Path, midnight: Path) -> None:
    assert habit_streak(home / "nights", NIGHTS) == 3
    # The same entries where the day ends at midnight: Tuesday has none.
    assert habit_streak(home / "midnight", midnight) == 1


def test_on_sunday_night_the_review_is_sundays(home: Path) -> None:
    # Monday 16 March, 02:00: still Sunday 15 March, the review day of 2026-W11.
    now = "2026-03-16T02:00:00+01:00"
    today = ok(run(home, NIGHTS, now, "today")).out.splitlines()
    assert today[:2] == [  # the week's review leads the day until it is done
        "2026-03-15 Sunday · Day off (weekend)",
        "  ! first: the weekly review for 2026-W11 — answer its prompts and decide each milestone"
        " that slipped: run 'pacer review'",
    ]
    assert "  [ritual] Weekly retro  20 min" in today
    assert ok(run(home, NIGHTS, now, "log", "20", "review")).out == (
        "logged 20 min for review on 2026-03-15\n"
    )
    wrote = ok(complete_review(on(home, NIGHTS, now), "review", "--answers", "-"))
    assert wrote.out.splitlines()[-1] == "saved the weekly review for 2026-W11"
    assert "Weekly retro (review)  kept 1 of" in wrote.out


@pytest.mark.parametrize(("which", "week"), [("nights", "2026-W10"), ("midnight", "2026-W11")])
def test_on_saturday_night_this_weeks_review_is_not_due_yet(
    home: Path, midnight: Path, which: str, week: str
) -> None:
    # Sunday 15 March, 02:00: with day_starts it is still Saturday, so the review due is
    # last week's; where the day ends at midnight it is Sunday, this week's review day.
    plan = NIGHTS if which == "nights" else midnight
    ok(run(home, plan, "2026-03-02T20:00:00+01:00", "today"))  # in use since week 10 began
    now = "2026-03-15T02:00:00+01:00"
    shown = ok(run(home, plan, now, "today")).out.splitlines()
    assert shown[1].startswith(f"  ! first: the weekly review for {week} — answer its prompts")
    wrote = ok(complete_review(on(home, plan, now), "review", "--answers", "-"))
    assert wrote.out.splitlines()[-1] == f"saved the weekly review for {week}"


# Plans without day_starts: the day still ends at midnight, on the plan's clock.
WITHOUT = {
    "builtin": (None, "2026-03-10T02:00:00+08:00", "english"),
    "berlin": (OTHER_PLAN, "2026-03-10T02:00:00+01:00", "piano"),
}


@pytest.mark.parametrize("which", WITHOUT)
def test_without_day_starts_two_in_the_night_is_the_new_day(home: Path, which: str) -> None:
    plan, now, habit = WITHOUT[which]
    assert day_lines(ok(run(home, plan, now, "today")).out)[0].startswith("2026-03-10 Tuesday · ")
    assert ok(run(home, plan, now, "log", "20", habit)).out == (
        f"logged 20 min for {habit} on 2026-03-10\n"
    )
    before = "2026-03-09T23:59:00+08:00" if plan is None else "2026-03-09T23:59:00+01:00"
    assert day_lines(ok(run(home, plan, before, "today")).out)[0].startswith("2026-03-09 Monday · ")


@pytest.mark.parametrize(
    ("now", "week", "day"),
    [
        ("2026-03-16T02:00:00+01:00", "2026-W11", "2026-03-15"),  # Sunday night
        ("2026-03-16T04:00:00+01:00", "2026-W12", "2026-03-16"),  # Monday morning
    ],
)
def test_week_status_and_forecast_stand_on_the_study_day(
    home: Path, now: str, week: str, day: str
) -> None:
    assert ok(run(home, NIGHTS, now, "week")).out.splitlines()[0] == f"Week {week}"
    assert ok(run(home, NIGHTS, now, "status", "--json")).json()["date"] == day
    assert ok(run(home, NIGHTS, now, "forecast", "--json")).json()["date"] == day


def test_a_block_after_midnight_is_exported_on_the_next_calendar_date(
    home: Path, tmp_path: Path
) -> None:
    """A night template starting at 02:00 with day_starts 04:00: its blocks run in the small
    hours after the study day's date, and the calendar gets them there."""
    import icalendar

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        NIGHTS.read_text(encoding="utf-8").replace('start: "22:00"', 'start: "02:00"'),
        encoding="utf-8",
    )
    out = tmp_path / "nights.ics"
    ok(run(home, plan, "2026-03-09T12:00:00+01:00", "export", "ics", "--days", "3", "-o", str(out)))
    starts = sorted(
        (str(e["SUMMARY"]), e.decoded("DTSTART"))
        for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
        if hasattr(e.decoded("DTSTART"), "hour") and e.decoded("DTSTART").hour < 4
    )
    assert starts, "the night template's blocks"
    # Study days 9, 10 and 11 March: their 02:00 blocks are on the 10th, 11th and 12th.
    assert sorted({s.date().isoformat() for _, s in starts}) == [
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
    ]
