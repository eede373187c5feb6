"""status, plan timeline, catchup and the trip effect, end to end through `pacer`."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pacer import clock
from pacer.service import Session, day_json, week
from tests.helpers import Run, pacer_env

ROOT = Path(__file__).resolve().parents[2]

Pacer = Callable[..., Run]
EARLY = {"PACER_NOW": "2026-03-01T09:00:00+08:00"}
TRACK_KEYS = {
    "id",
    "title",
    "planned_to_date",
    "done",
    "remaining",
    "projected_finish",
    "habit_planned_to_date",
    "habit_done",
    "habit_days_kept",
    "habit_days",
    "habit_per_week",
    "habit_week_count",
    "habit_streak_weeks",
}
MILESTONE_KEYS = {
    "id",
    "title",
    "due",
    "original_due",
    "projected",
    "slip_days",
    "status",
    "criteria",
    "open_units",
}


def test_status_gives_every_milestone_a_projected_date(pacer: Pacer) -> None:
    run = pacer("status", "--date", "2026-03-01", "--json")
    assert run.code == 0, run.err
    status = run.json()
    assert set(status) == {"date", "tracks", "milestones", "not_in_plan", "trips", "ritual"}
    assert status["not_in_plan"] == {"entries": 0, "minutes": 0, "targets": []}
    assert status["date"] == "2026-03-01"
    assert [t["id"] for t in status["tracks"]] == [
        "math",
        "eng",
        "english",
        "japanese",
        "output",
        "life",
    ]
    for track in status["tracks"]:
        assert set(track) == TRACK_KEYS
        assert track["done"] == 0 and track["remaining"] > 0
    assert len(status["milestones"]) == 15
    for m in status["milestones"]:
        assert set(m) == MILESTONE_KEYS
        assert m["projected"] is not None, m
        slip = (date.fromisoformat(m["projected"]) - date.fromisoformat(m["due"])).days
        assert m["slip_days"] == slip
        assert m["status"] in {"on_track", "at_risk", "late", "missed"}
        assert m["criteria"]["checked"] == 0 and m["criteria"]["total"] >= 1
    # Nothing logged in February: its milestone is missed, the year still closes in time.
    by_id = {m["id"]: m for m in status["milestones"]}
    assert by_id["listening-p1"]["status"] == "missed"
    assert by_id["phase-a"]["criteria"] == {"checked": 0, "total": 4}
    assert by_id["year-end"]["status"] in {"on_track", "at_risk"}


def test_a_two_week_april_trip_moves_june_by_no_more_than_its_blocks_lost(
    pacer: Pacer, home: Path
) -> None:
    before = {
        m["id"]: m for m in pacer("status", "--date", "2026-03-01", "--json").json()["milestones"]
    }
    # The recovery bound of each milestone (docs/scheduling.md), printed by the script that
    # compares the projections with and without the trip.
    bounds = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "trip_bound.py"),
            "2026-03-01",
            "2026-04-06",
            "2026-04-19",
        ],
        env=pacer_env(home, "2026-03-01T20:00:00+08:00"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    allowed = {
        row.split()[0]: int(row.split()[4])
        for row in bounds.splitlines()[1:]
        if "placed" not in row
    }
    assert pacer("trip", "add", "2026-04-06", "2026-04-19").code == 0
    after = {
        m["id"]: m for m in pacer("status", "--date", "2026-03-01", "--json").json()["milestones"]
    }
    june_before = date.fromisoformat(before["june-acceptance"]["projected"])
    june_after = date.fromisoformat(after["june-acceptance"]["projected"])
    assert june_after >= june_before
    assert (june_after - june_before).days <= allowed["june-acceptance"]
    for mid, m in after.items():
        assert m["projected"] >= before[mid]["projected"], mid
        slip = date.fromisoformat(m["projected"]) - date.fromisoformat(before[mid]["projected"])
        assert slip.days <= allowed[mid], (mid, slip, allowed[mid])


def test_no_day_of_any_week_exceeds_its_template(
    pacer: Pacer, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pacer("trip", "add", "2026-04-06", "2026-04-19").code == 0
    assert pacer("log", "2h", "m1801-improper-1", "--date", "2026-02-12").code == 0
    monkeypatch.setenv("PACER_HOME", str(home))
    clock.set_now(datetime(2026, 2, 20, tzinfo=UTC))
    session = Session()
    try:
        day = date(2026, 2, 9)
        while day <= date(2026, 12, 31):
            for view in week(session, day):
                shown = day_json(session, view)
                for block in shown["blocks"]:
                    assert sum(i["minutes"] for i in block["items"]) <= block["minutes"]
                    if shown["reason"] == "trip":
                        assert all(i["kind"] not in ("code", "experiment") for i in block["items"])
            day += timedelta(days=7)
    finally:
        session.close()
    # And through the command itself, for a trip week and a normal one.
    for d in ("2026-04-08", "2026-05-13"):
        for shown in pacer("week", "--date", d, "--json", env=EARLY).json()["days"]:
            for block in shown["blocks"]:
                assert sum(i["minutes"] for i in block["items"]) <= block["minutes"]


def test_timeline_draws_curricula_and_milestones(pacer: Pacer) -> None:
    run = pacer("plan", "timeline", "--date", "2026-05-01", lang="zh")
    assert run.code == 0, run.err
    assert "MIT 18.06" in run.out and "阶段验收" in run.out
    assert "◆" in run.out and "●" in run.out and "▼" in run.out
    rows = [line for line in run.out.splitlines() if "░" in line or "▓" in line or "█" in line]
    assert len(rows) >= 20


def test_catchup_lists_options_and_records_only_what_is_chosen(pacer: Pacer) -> None:
    before = pacer("status", "--date", "2026-03-01", "--json").json()
    options = pacer("catchup", "phase-a", "--date", "2026-03-01")
    assert options.code == 0, options.err
    four_weeks = re.search(
        r"^  (\d+)\. stretch work blocks to their max from 2026-03-01 to 2026-03-28",
        options.out,
        re.M,
    )
    assert four_weeks is not None, options.out
    assert "move the due date of phase-a" in options.out
    assert pacer("catchup", "--list").out.strip() == "no catch-up choices recorded"
    assert pacer("status", "--date", "2026-03-01", "--json").json() == before

    applied = pacer("catchup", "phase-a", "--date", "2026-03-01", "--apply", four_weeks.group(1))
    assert applied.code == 0, applied.err
    assert (
        "recorded choice 1: stretch work blocks to their max from 2026-03-01 to 2026-03-28"
        in applied.out
    )
    after = pacer("status", "--date", "2026-03-01", "--json").json()
    phase_a = {m["id"]: m for m in after["milestones"]}["phase-a"]
    was = {m["id"]: m for m in before["milestones"]}["phase-a"]
    assert phase_a["projected"] < was["projected"]

    assert "1  stretch" in pacer("catchup", "--list").out
    dropped = pacer("catchup", "--drop", "1")
    assert dropped.code == 0 and "dropped choice 1" in dropped.out
    assert pacer("status", "--date", "2026-03-01", "--json").json() == before


def test_moving_a_due_date_needs_a_reason_and_is_shown(pacer: Pacer) -> None:
    out = pacer("catchup", "phase-a", "--date", "2026-03-01").out
    move = next(line for line in out.splitlines() if "move the due date" in line)
    number = move.strip().split(".")[0]
    refused = pacer("catchup", "phase-a", "--date", "2026-03-01", "--apply", number)
    assert refused.code == 1 and "needs a reason" in refused.err
    ok = pacer(
        "catchup", "phase-a", "--date", "2026-03-01", "--apply", number, "--reason", "出差太多"
    )
    assert ok.code == 0, ok.err
    phase_a = {
        m["id"]: m for m in pacer("status", "--date", "2026-03-01", "--json").json()["milestones"]
    }["phase-a"]
    assert phase_a["original_due"] == "2026-03-31"
    assert phase_a["due"] == phase_a["projected"]
    assert phase_a["status"] != "late"
    assert "出差太多" in pacer("catchup", "--list").out


def test_catchup_errors_are_one_line(pacer: Pacer) -> None:
    for args, message in (
        (("catchup", "phase-x"), "unknown milestone 'phase-x'; did you mean"),
        (("catchup", "phase-a", "--date", "2026-03-01", "--apply", "9"), "there is no option 9"),
        (("catchup", "--drop", "5"), "no catch-up choice 5"),
        (("catchup", "--drop", "x"), "'x' is not a choice id"),
        (("catchup", "--drop", "9" * 30), "is not a choice id"),
    ):
        run = pacer(*args)
        assert run.code == (2 if "is not a choice id" in message else 1)  # bad input: EX_USAGE
        lines = [ln for ln in run.err.splitlines() if "built-in" not in ln]
        assert len(lines) == 1 and message in lines[0], run.err


def test_today_on_a_trip_says_how_far_it_moves_each_milestone(pacer: Pacer) -> None:
    assert pacer("trip", "add", "2026-04-06", "2026-04-19").code == 0
    on_trip = {"PACER_NOW": "2026-04-08T21:00:00+08:00"}
    day = pacer("today", "--json", env=on_trip).json()
    assert day["reason"] == "trip"
    moved = {e["milestone"]: e["days"] for e in day["trip_effect"]}
    assert moved and all(days > 0 for days in moved.values())
    assert "june-acceptance" in moved and moved["june-acceptance"] <= 14
    text = pacer("today", env=on_trip).out
    biggest = max(moved.items(), key=lambda e: e[1])
    assert "this trip moves:" in text and f"{biggest[0]} +{biggest[1]} d" in text
    if len(moved) > 5:
        assert f"and {len(moved) - 5} more (pacer status)" in text
    zh = pacer("today", env=on_trip, lang="zh").out
    assert f"{biggest[0]} +{biggest[1]} 天" in zh  # days in Chinese, here and in every table
    for args in (
        ("today",),
        ("status",),
        ("milestone", "list"),
        ("plan", "timeline"),
        ("report", "month"),
    ):
        shown = pacer(*args, env=on_trip, lang="zh").out
        assert not re.search(r"[+-]\d+ d\b", shown), args
    # The week after the trip: the normal template, no extra load, and the effect still said.
    back = pacer("today", "--json", env={"PACER_NOW": "2026-04-21T21:00:00+08:00"}).json()
    assert back["template"] == "workday"
    assert sum(i["minutes"] for i in back["blocks"][1]["items"]) <= 60
    assert back["trip_effect"]
    # A month later, nothing more is said.
    later = pacer("today", "--json", env={"PACER_NOW": "2026-05-20T21:00:00+08:00"}).json()
    assert later["trip_effect"] == []


def test_planned_habit_minutes_count_every_day_to_the_date(
    pacer: Pacer, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also after the plan's work runs out (early December): habits go on to the end."""
    status = pacer("status", "--date", "2026-12-31", "--json").json()
    english = next(t for t in status["tracks"] if t["id"] == "english")
    monkeypatch.setenv("PACER_HOME", str(home))
    with Session() as session:
        calendar, plan = session.calendar(), session.plan
        expected = 0
        day = plan.start
        while day <= date(2026, 12, 31):
            template = plan.template(calendar.resolve(day).template)
            expected += sum(
                b.minutes for b in template.blocks if b.type == "habit" and b.track == "english"
            )
            day += timedelta(days=1)
    assert english["habit_planned_to_date"] == expected
