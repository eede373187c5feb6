"""Reminders in the calendar: each block's event rings N minutes before (VALARM), N from the
plan (`alarm:` on the plan or a template); `--no-alarms` leaves them out. Both plans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import Run

Pacer = Callable[..., Run]


def block_events(data: str | bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return [e for e in cal.walk("VEVENT") if not str(e["UID"]).startswith("trip-")]


def alarms_of(event: icalendar.Event) -> list[icalendar.Alarm]:
    return [c for c in event.subcomponents if c.name == "VALARM"]


def export(pacer: Pacer, plan: tuple[str, ...], *extra: str) -> Run:
    run = pacer(*plan, "export", "ics", "--days", "7", *extra)
    assert run.code == 0, run.err
    return run


@pytest.mark.parametrize("plan", [(), ("--plan", str(OTHER_PLAN))], ids=["builtin", "berlin"])
def test_each_block_rings_ten_minutes_before_by_default(pacer: Pacer, plan: tuple[str]) -> None:
    run = export(pacer, plan)
    got = block_events(run.out)
    assert len(got) > 5
    for event in got:
        (alarm,) = alarms_of(event)
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert "TRIGGER:-PT10M" in run.out
    # A trip (all-day) rings nothing.
    trips = [e for e in icalendar.Calendar.from_ical(run.out).walk("VEVENT") if e not in got]
    assert all(not alarms_of(e) for e in trips)


@pytest.mark.parametrize("plan", [(), ("--plan", str(OTHER_PLAN))], ids=["builtin", "berlin"])
def test_no_alarms_leaves_them_out(pacer: Pacer, plan: tuple[str]) -> None:
    run = export(pacer, plan, "--no-alarms")
    assert block_events(run.out)
    assert "VALARM" not in run.out


def test_the_plan_and_its_templates_set_the_minutes(pacer: Pacer, tmp_path: Path) -> None:
    """Berlin: 15 minutes plan-wide, 30 before a free day's blocks, none on a shift day."""
    text = OTHER_PLAN.read_text(encoding="utf-8")
    text = text.replace("  min_chunk: 15\n", "  min_chunk: 15\n  alarm: 15\n", 1)
    text = text.replace('    start: "10:00"\n', '    start: "10:00"\n    alarm: 30\n', 1)
    text = text.replace('    start: "19:30"\n', '    start: "19:30"\n    alarm: 0\n', 1)
    path = tmp_path / "berlin-alarms.yaml"
    path.write_text(text, encoding="utf-8")
    run = export(pacer, ("--plan", str(path)), "--days", "14")
    ringing: dict[str, set[timedelta | None]] = {}
    for event in block_events(run.out):
        block = str(event["UID"]).split("-")[-1].split("@")[0]
        found = {a.decoded("TRIGGER") for a in alarms_of(event)} or {None}
        ringing.setdefault(block, set()).update(found)
    # shift: keys, study; free: deep, retro; away (no alarm of its own): the plan's 15.
    assert ringing["keys"] == {None} and ringing["study"] == {None}
    assert ringing["deep"] == {timedelta(minutes=-30)}
    assert ringing["retro"] == {timedelta(minutes=-30)}


@pytest.mark.parametrize(
    ("where", "raw"),
    [("plan", "-5"), ("plan", "soon"), ("template", "2000")],
)
def test_a_bad_alarm_is_refused_where_it_is(
    pacer: Pacer, tmp_path: Path, where: str, raw: str
) -> None:
    text = OTHER_PLAN.read_text(encoding="utf-8")
    if where == "plan":
        text = text.replace("  min_chunk: 15\n", f"  min_chunk: 15\n  alarm: {raw}\n", 1)
    else:
        text = text.replace('    start: "10:00"\n', f'    start: "10:00"\n    alarm: {raw}\n', 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    run = pacer("--plan", str(path), "export", "ics")
    assert run.code != 0 and run.out == ""
    (line,) = run.err.splitlines()
    assert "bad.yaml:" in line and "alarm" in line and raw in line
