"""`pacer report PERIOD --json`: the shape docs/json.md documents, exactly, on both plans."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.report.homes import PLANS, report, seed, seed_trip_and_metric, seed_units
from tests.report.test_headers import _order

NOW = {"builtin": "2026-03-11T12:00:00+08:00", "berlin": "2026-03-11T12:00:00+01:00"}
MONDAY = date(2026, 3, 9)
NO_HABIT = {"habit_planned": 0, "habit_done": 0, "habit_days_kept": 0, "habit_days": 0}


def _home(home: Path, which: str) -> None:
    """Monday and Tuesday's habit, Tuesday's 45 min of the first unit, an entry on Friday
    (after today, Wednesday), a trip on Thursday and Friday, a metric value on Tuesday."""
    seed(home, which, [MONDAY, MONDAY + timedelta(days=1), MONDAY + timedelta(days=4)], 20)
    seed_units(home, which, MONDAY + timedelta(days=1), 45)
    seed_trip_and_metric(home, which, MONDAY + timedelta(days=3), MONDAY + timedelta(days=4), 62)


BERLIN_WEEK: dict[str, Any] = {
    "period": "week",
    "first": "2026-03-09",
    "last": "2026-03-15",
    "date": "2026-03-11",
    "counted": {"first": "2026-03-09", "last": "2026-03-11", "days": 3, "logged": 2},
    "minutes": 85,
    "longest_run": 2,
    "tracks": [
        {"id": "pharm", "title": "Pharmacology", "planned": 60, "done": 45, **NO_HABIT},
        {"id": "thesis", "title": "Thesis", "planned": 60, "done": 0, **NO_HABIT},
        {
            "id": "piano",
            "title": "Piano",
            "planned": 0,
            "done": 0,
            # Three shift days counted (Monday to Wednesday) ask 20 min each; two were kept.
            "habit_planned": 60,
            "habit_done": 40,
            "habit_days_kept": 2,
            "habit_days": 3,
        },
    ],
    "milestones": [
        {
            "id": "exam",
            "title": "Pharmacology exam",
            "due": "2026-05-20",
            "original_due": "2026-05-20",
            "projected": "2026-03-17",
            "slip_days": -64,
            "status": "on_track",
            "criteria": {"checked": 0, "total": 1},
            "open_units": ["abx-dosing", "sedation"],
            "planned": "2026-03-08",
        }
    ],
    "metrics": [
        {
            "id": "mock-score",
            "title": "Mock exam score",
            "unit": "%",
            "latest": {"date": "2026-03-10", "value": 62.0},
            "target": 80.0,
        }
    ],
    "trips": [
        {
            "id": 1,
            "start": "2026-03-12",
            "end": "2026-03-13",
            "note": "Hamburg",
            "moves": [{"milestone": "exam", "days": 2}],
        }
    ],
    "units_finished": [],
    "habit_streaks": [{"track": "piano", "title": "Piano", "days": 2}],
    "days": [
        {"date": "2026-03-09", "state": "logged", "minutes": 20, "trip": False},
        {"date": "2026-03-10", "state": "logged", "minutes": 65, "trip": False},
        {"date": "2026-03-11", "state": "missed", "minutes": 0, "trip": False},
        {"date": "2026-03-12", "state": "future", "minutes": 0, "trip": True},
        {"date": "2026-03-13", "state": "future", "minutes": 0, "trip": True},
        {"date": "2026-03-14", "state": "future", "minutes": 0, "trip": False},
        {"date": "2026-03-15", "state": "future", "minutes": 0, "trip": False},
    ],
    "notices": [
        {"code": "entries_after_date", "text": "not counted: 1 entry dated after 2026-03-11"}
    ],
    "plan_changes": [],
}


def _shape(value: Any) -> Any:
    """The keys of a JSON value, lists by their first element (values may be null)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return "value"


def test_the_week_of_the_berlin_plan_exactly(tmp_path: Path) -> None:
    _home(tmp_path, "berlin")
    run = report(tmp_path, "berlin", NOW["berlin"], "week", "--json")
    assert json.loads(run.stdout) == BERLIN_WEEK
    assert run.stderr == ""


def test_the_week_of_the_builtin_plan(tmp_path: Path) -> None:
    """The same shape, key for key; the counts exactly (the figures are the plan's own)."""
    _home(tmp_path, "builtin")
    data = json.loads(report(tmp_path, "builtin", NOW["builtin"], "week", "--json").stdout)
    assert list(data) == list(BERLIN_WEEK)
    for key in ("period", "first", "last", "date", "counted", "minutes", "longest_run"):
        assert data[key] == BERLIN_WEEK[key], key
    assert [(d["date"], d["state"], d["minutes"], d["trip"]) for d in data["days"]] == [
        (d["date"], d["state"], d["minutes"], d["trip"]) for d in BERLIN_WEEK["days"]
    ]
    assert data["notices"] == BERLIN_WEEK["notices"]
    for key in ("tracks", "milestones", "metrics", "trips", "habit_streaks"):
        assert data[key], key
        assert {json.dumps(_shape(x)) for x in data[key]} == {
            json.dumps(_shape(BERLIN_WEEK[key][0]))
        }, key
    assert sum(tr["done"] for tr in data["tracks"]) == 45
    assert sum(tr["habit_done"] for tr in data["tracks"]) == 40


@pytest.mark.parametrize("which", sorted(PLANS))
@pytest.mark.parametrize("period", ["month", "year"])
def test_month_and_year_have_the_same_keys(tmp_path: Path, which: str, period: str) -> None:
    _home(tmp_path, which)
    data = json.loads(report(tmp_path, which, NOW[which], period, "--json").stdout)
    assert list(data) == list(BERLIN_WEEK)
    assert data["counted"]["last"] == "2026-03-11"
    days = data["days"]
    assert days[0]["date"] == data["first"] and days[-1]["date"] == data["last"]
    assert {d["state"] for d in days} <= {"outside", "future", "missed", "logged"}
    plan_start = "2026-03-02" if which == "berlin" else "2026-02-09"
    assert all(d["state"] == "outside" for d in days if d["date"] < plan_start)
    assert data["counted"]["first"] == max(plan_start, data["first"])
    codes = [n["code"] for n in data["notices"]]
    before = ["before_plan"] if data["first"] < plan_start else []
    assert codes == [*before, "entries_after_date"]


@pytest.mark.parametrize("which", sorted(PLANS))
def test_notices_are_translated_but_their_codes_stay(tmp_path: Path, which: str) -> None:
    _home(tmp_path, which)
    zh = json.loads(report(tmp_path, which, NOW[which], "year", "--json", lang="zh").stdout)
    assert [n["code"] for n in zh["notices"]] == ["before_plan", "entries_after_date"]
    assert zh["notices"][1]["text"] == "不计入：日期在 2026-03-11 之后的 1 条记录"
    assert _order(zh["notices"][0]["text"], "计划从", "开始")


def test_json_to_a_folder_is_one_file_and_no_charts(tmp_path: Path) -> None:
    _home(tmp_path, "berlin")
    out = tmp_path / "out"
    out.mkdir()
    run = report(tmp_path, "berlin", NOW["berlin"], "week", "--json", "-o", f"{out}/")
    assert [p.name for p in out.iterdir()] == ["pacer-week-2026-W11.json"]
    assert json.loads((out / "pacer-week-2026-W11.json").read_text("utf-8")) == BERLIN_WEEK
    assert run.stdout == f"wrote {out / 'pacer-week-2026-W11.json'}\n"


@pytest.mark.parametrize("which", sorted(PLANS))
def test_a_short_period_still_says_when_later_milestones_were_planned(
    tmp_path: Path, which: str
) -> None:
    # A week's report gave `planned: null` to every milestone the plan finishes after it.
    home = tmp_path / "home"
    home.mkdir()
    week = json.loads(report(home, which, NOW[which], "week", "--json").stdout)
    year = json.loads(report(home, which, NOW[which], "year", "--json").stdout)
    planned = {m["id"]: m["planned"] for m in week["milestones"]}
    assert planned == {m["id"]: m["planned"] for m in year["milestones"]}
    if which == "builtin":  # the Berlin plan's one milestone is planned before this week ends
        assert any(p is not None and p > "2026-03-15" for p in planned.values()), planned
