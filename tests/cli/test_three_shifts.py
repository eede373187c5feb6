"""Issue 13's life, end to end: a three-shift rota in Berlin (tests/fixtures/plan-three-shifts.yaml,
written without one per-day override) through `today`, `week`, `status`, `forecast`,
`export ics` and the dashboard's Today page in a real browser — the real `pacer` command each
time, on the person's clock (Europe/Berlin) with the study day ending at 04:00."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import PACER, Run, day_lines, free_port
from tests.web.test_browser import _shot

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plan-three-shifts.yaml"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = "2026-03-10T21:00:00+01:00"  # a Tuesday evening of an early week


def env_at(home: Path, now: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(home), LANG="C.UTF-8", PACER_NOW=now, TZ="Europe/Berlin")
    return env


def run(home: Path, *args: str, now: str = NOW) -> Run:
    proc = subprocess.run(
        [str(PACER), "--plan", str(PLAN), *args],
        env=env_at(home, now),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def ok(result: Run) -> Run:
    assert result.code == 0, result.err
    return result


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder with the year's two absences recorded."""
    folder = tmp_path / "home"
    folder.mkdir()
    ok(run(folder, "trip", "add", "2026-04-20", "2026-04-22", "--kind", "conference"))
    ok(run(folder, "trip", "add", "2026-07-06", "2026-07-17", "--kind", "vacation"))
    return folder


def test_the_plan_is_written_without_a_per_day_override() -> None:
    text = PLAN.read_text(encoding="utf-8")
    assert "overrides" not in text and "rotation:" in text and "per_week: 3" in text
    checked = subprocess.run(
        [str(PACER), "plan", "check", str(PLAN)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert "warning" not in checked.stdout + checked.stderr


def test_today_follows_the_rota_the_holidays_worked_and_the_absences(home: Path) -> None:
    def head(day: str) -> str:
        return ok(run(home, "today", "--date", day)).out.splitlines()[0]

    # Three Wednesdays: the cycle early, late, night from the rotation's start.
    assert (
        head("2026-01-07")
        == "2026-01-07 Wednesday · Early shift day (weekday · rotation: normal week)"
    )
    assert (
        head("2026-01-14")
        == "2026-01-14 Wednesday · Late shift day (weekday · rotation: late week)"
    )
    assert (
        head("2026-01-21")
        == "2026-01-21 Wednesday · Night shift day (weekday · rotation: night week)"
    )
    # And again three weeks on.
    assert head("2026-02-11").startswith("2026-02-11 Wednesday · Night shift day ")
    # Good Friday and Berlin's own Women's Day are worked: named, the shift kept.
    assert head("2026-04-03") == (
        "2026-04-03 Friday · Early shift day (weekday · Good Friday · rotation: normal week)"
    )
    assert "Women's Day" in head("2027-03-08") and "Late shift day" in head("2027-03-08")
    # A conference and a vacation: different templates, different words.
    congress = ok(run(home, "today", "--date", "2026-04-21")).out.splitlines()
    assert congress[0] == "2026-04-21 Tuesday · Congress day (at a congress)"
    assert congress[1] == (
        "  ○ at a congress: day 2 of 3 (2026-04-20 → 2026-04-22)"
        " — read the papers of the talks you heard"
    )
    vacation = ok(run(home, "today", "--date", "2026-07-08")).out.splitlines()
    assert vacation[0] == "2026-07-08 Wednesday · Rest (on vacation)"
    assert "nothing planned - enjoy it" in vacation[1]
    assert not any(line.startswith("  [") for line in vacation)  # no block at all


def test_after_a_night_shift_two_in_the_morning_is_still_the_night_before(home: Path) -> None:
    night = "2026-01-22T02:00:00+01:00"
    shown = day_lines(ok(run(home, "today", now=night)).out)
    assert shown[0].startswith("2026-01-21 Wednesday · Night shift day")
    logged = ok(run(home, "log", "15", "piano", now=night))
    assert logged.out == "logged 15 min for piano on 2026-01-21\n"
    after = ok(run(home, "today", "--json", now="2026-01-22T04:00:00+01:00")).json()
    assert after["date"] == "2026-01-22"


def test_week_status_and_forecast_on_the_rota(home: Path) -> None:
    # The running habit: three of four days, offered until met.
    thursday = "2026-03-12T20:00:00+01:00"
    for day in ("2026-03-10", "2026-03-12"):
        ok(run(home, "log", "40", "running", "--date", day, now=thursday))
    week = ok(run(home, "week", "--date", "2026-03-02", "--json")).json()
    assert [d["template"] for d in week["days"]] == ["night"] * 6 + ["off"]
    week = ok(run(home, "week", "--date", "2026-03-09", "--json")).json()
    assert [d["template"] for d in week["days"]] == ["early"] * 5 + ["off", "off"]
    status = ok(run(home, "status", "--json", now=thursday)).json()
    running = next(t for t in status["tracks"] if t["id"] == "running")
    assert (running["habit_per_week"], running["habit_week_count"]) == (3, 2)
    # The Spanish course opens on the 16th: nothing of it is placed before.
    shown = ok(run(home, "week", "--date", "2026-03-09", "--json")).json()
    placed = [
        (d["date"], i["unit"])
        for d in shown["days"]
        for b in d["blocks"]
        for i in b.get("items", [])
        if i["unit"].startswith("es-")
    ]
    assert placed == []
    forecast = ok(run(home, "forecast", "--json", "--runs", "60")).json()
    assert forecast["date"] == "2026-03-10"
    assert [m["id"] for m in forecast["milestones"]] == ["exam"]


def test_export_ics_puts_each_shifts_blocks_at_its_hours(home: Path, tmp_path: Path) -> None:
    import icalendar

    out = tmp_path / "rota.ics"
    ok(run(home, "export", "ics", "--days", "28", "-o", str(out), now="2026-01-19T08:00:00+01:00"))
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    starts: dict[date, list[tuple[str, datetime]]] = {}
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            local = start.astimezone(BERLIN)
            starts.setdefault(local.date(), []).append((str(event["SUMMARY"]), local))
    # Night week (19–25 January): the day's study begins at 15:00; the early week after, 16:00.
    night = sorted(starts[date(2026, 1, 21)], key=lambda e: e[1])
    early = sorted(starts[date(2026, 1, 28)], key=lambda e: e[1])
    assert night[0][1].strftime("%H:%M") == "15:00" and "Piano" in night[0][0]
    assert early[0][1].strftime("%H:%M") == "16:00"
    # Running exists only on its weekdays: Tuesday the 27th has it, Wednesday the 28th not.
    assert any("Run" in s for s, _ in starts[date(2026, 1, 27)])
    assert not any("Run" in s for s, _ in starts[date(2026, 1, 28)])


@pytest.fixture
def served(home: Path) -> Iterator[str]:
    """`pacer serve` on the rota plan, at 02:00 after a night shift."""
    port = free_port()
    env = env_at(home, "2026-01-22T02:00:00+01:00") | {"PACER_TZ": "Europe/Berlin"}
    proc = subprocess.Popen(
        [str(PACER), "--plan", str(PLAN), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"pacer serve stopped: {proc.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                urllib.request.urlopen(base + "/login", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stderr is not None:
            proc.stderr.close()


def test_the_dashboards_today_page_is_the_night_shift(browser: Any, served: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(served + "/?lang=en")
    text = page.locator("body").inner_text()
    assert "2026-01-21" in text and "Night shift day" in text
    assert "rotation: night week" in text
    assert "Short study" in text and "Run" not in text
    _shot(page, "today-three-shifts-night.png")
    page.close()


def test_plan_show_says_the_absences_and_when_the_day_starts(home: Path) -> None:
    shown = ok(run(home, "plan", "show")).out.splitlines()
    start = shown.index("Absences (trip add --kind KIND, pacer sick)")
    assert shown[start + 1 : start + 5] == [
        "  conference  at a congress: week shape congress — read the papers of the talks you heard",
        "  vacation  on vacation: template rest every day — nothing planned - enjoy it",
        "  travel  trip: week shape travel",
        "  sick  sick: nothing planned",
    ]
    assert "The study day begins at 04:00: before it, it is still the day before" in shown
    data = ok(run(home, "plan", "show", "--json")).json()
    assert data["day_starts"] == "04:00"
    assert [(a["kind"], a["shape"], a["template"]) for a in data["absences"]] == [
        ("conference", "congress", None),
        ("vacation", None, "rest"),
        ("travel", "travel", None),
        ("sick", None, None),
    ]
