"""A gentle first week back end to end: `trip add` of 14 days, then `today` on the days after
it (the clock set to each), on the built-in plan and the Berlin fixture, each given a ramp."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import ROOT, Run

Pacer = Callable[..., Run]
BUILTIN = ROOT / "src" / "pacer" / "plan" / "builtin" / "plan-2026.yaml"
RAMP = "ramp: {after_days: 5, days: 3, share: 0.5}"
BACK = ("2026-03-30", "2026-03-31", "2026-04-01")  # Monday to Wednesday after the trip
NEXT = "2026-04-02"


def with_ramp(source: Path, tmp_path: Path) -> Path:
    """A copy of the plan whose `travel` kind has a ramp (declared, or added)."""
    text = source.read_text(encoding="utf-8")
    declared = "absences:\n  travel: {shape: travel,"
    if declared in text:
        text = text.replace(declared, f"{declared} {RAMP},")
    else:
        assert "\nabsences:" not in text
        text += f"\nabsences:\n  travel: {{shape: travel, {RAMP}}}\n"
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path


def on(day: str) -> dict[str, str]:
    return {"PACER_NOW": f"{day}T20:00:00+08:00"}


def ok(run: Run) -> str:
    assert run.code == 0, run.err
    return run.out


# (plan, its weekday work block as `today` shows it, half of it, its habit line)
CASES = {
    "builtin": (
        BUILTIN,
        "  [work] 主线（数学 / VLM / 工程）",
        60,
        30,
        "  [habit] 英语听力  30–45 min",
    ),
    "berlin": (OTHER_PLAN, "  [work] Study", 45, 20, "  [habit] Piano scales  20 min"),
}


@pytest.mark.parametrize("which", CASES)
def test_the_first_three_days_back_show_half_size_work_blocks(
    pacer: Pacer, tmp_path: Path, which: str
) -> None:
    source, work, full, half, habit = CASES[which]
    plan = ("--plan", str(with_ramp(source, tmp_path)))
    ok(pacer(*plan, "trip", "add", "2026-03-16", "2026-03-29"))  # 14 days
    for n, day in enumerate(BACK, 1):
        lines = ok(pacer(*plan, "today", env=on(day))).splitlines()
        assert lines[0].startswith(day)
        assert f"{work}  {half} min" in lines, lines
        assert habit in lines  # habits are never lighter
        note = f"  ! first days back: lighter blocks — day {n} of 3, work blocks at 50 %"
        assert note in lines
        shown = ok(pacer(*plan, "today", "--json", env=on(day)))
        assert '"offered": ' + str(half) in shown
    lines = ok(pacer(*plan, "today", env=on(NEXT))).splitlines()
    assert f"{work}  {full} min" in lines
    assert not [line for line in lines if "first days back" in line]
    zh = ok(pacer(*plan, "today", lang="zh", env=on(BACK[0]))).splitlines()
    assert "  ! 回来后的头几天：主线块减量 — 第 1/3 天，主线块按 50% 安排" in zh


@pytest.mark.parametrize("which", CASES)
def test_without_a_ramp_the_first_day_back_is_full(pacer: Pacer, which: str) -> None:
    source, work, full, _, _ = CASES[which]
    plan = ("--plan", str(source))
    ok(pacer(*plan, "trip", "add", "2026-03-16", "2026-03-29"))
    lines = ok(pacer(*plan, "today", env=on(BACK[0]))).splitlines()
    assert f"{work}  {full} min" in lines
    assert not [line for line in lines if "first days back" in line]


@pytest.mark.parametrize("which", CASES)
def test_the_trip_effect_includes_the_ramp(pacer: Pacer, tmp_path: Path, which: str) -> None:
    source = CASES[which][0]
    moved = []
    for plan in (source, with_ramp(source, tmp_path)):
        home = {"PACER_HOME": str(tmp_path / f"home-{len(moved)}"), **on(BACK[0])}
        ok(pacer("--plan", str(plan), "trip", "add", "2026-03-16", "2026-03-29", env=home))
        shown = ok(pacer("--plan", str(plan), "today", "--json", env=home))
        moved.append({e["milestone"]: e["days"] for e in json.loads(shown)["trip_effect"]})
    plain, ramped = moved
    assert set(plain) <= set(ramped)
    assert all(ramped[m] >= days for m, days in plain.items())
    if which == "builtin":  # its work runs close: three half evenings move some milestones
        assert any(ramped[m] > plain.get(m, 0) for m in ramped)


@pytest.mark.parametrize("which", CASES)
def test_the_calendar_and_the_reminder_say_the_lighter_minutes(
    pacer: Pacer, tmp_path: Path, which: str
) -> None:
    """Every place that says a block's minutes says the ramp's: the calendar's event is as
    long as the lighter block, the reminder names its minutes and the first days back."""
    import icalendar

    source, work, full, half, _ = CASES[which]
    plan = ("--plan", str(with_ramp(source, tmp_path)))
    ok(pacer(*plan, "trip", "add", "2026-03-16", "2026-03-29"))
    title = work.removeprefix("  [work] ")
    for day, minutes in ((BACK[0], half), (NEXT, full)):
        cal = icalendar.Calendar.from_ical(
            ok(pacer(*plan, "export", "ics", "--days", "1", env=on(day)))
        )
        events = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith(title)]
        assert len(events) == 1, [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
        length = events[0].decoded("DTEND") - events[0].decoded("DTSTART")
        assert length.total_seconds() == minutes * 60, (day, length)
        said = ok(pacer(*plan, "remind", "--dry-run", env=on(day))).splitlines()
        assert [line for line in said if f" {title} · {minutes} min" in line], said
        back = [line for line in said if line.startswith("! first days back")]
        assert len(back) == (1 if day == BACK[0] else 0), said
