"""Renames keep history: a unit or track renamed with `was:` keeps what was logged under its
old id, and `pacer doctor` proposes the `was:` line for what a rename left behind."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.loader import load_plan_file
from tests.helpers import Run, rename_id

Pacer = Callable[..., Run]
DAY = "2026-03-09"  # the tests' today (conftest's PACER_NOW)


def plan_copy(pacer: Pacer, which: str, other_plan: Path, folder: Path) -> Path:
    path = folder / "plan.yaml"
    if which == "builtin":
        assert pacer("init", str(path)).code == 0
    else:
        path.write_bytes(other_plan.read_bytes())
    return path


def a_unit(plan: Path) -> str:
    """A unit of the plan that its baseline does not cover (its minutes count as progress)."""
    loaded = load_plan_file(plan)
    covered = loaded.covered_units()
    return next(u.id for u in loaded.units() if u.id not in covered)


def a_habit_track(plan: Path) -> str:
    loaded = load_plan_file(plan)
    return next(t.id for t in loaded.tracks if t.id in loaded.habit_tracks())


def add_was(plan: Path, new: str, old: str) -> None:
    """Give `new` (a unit or track of the plan copy) the line `was: [old]`."""
    text = plan.read_text(encoding="utf-8")
    flow = re.compile(rf"\{{id: {re.escape(new)},")
    block = re.compile(rf"^(\s*)- id: {re.escape(new)}\n", re.M)
    found = block.search(text)  # the tracks are written as blocks, the units in one line
    if found is not None:
        indent = found.group(1) + "  "
        text = block.sub(lambda m: f"{m.group(0)}{indent}was: [{old}]\n", text, count=1)
    else:
        assert flow.search(text), new
        text = flow.sub(f"{{id: {new}, was: [{old}],", text, count=1)
    plan.write_text(text, encoding="utf-8")


def status(pacer: Pacer, plan: Path) -> dict[str, Any]:
    run = pacer("--plan", str(plan), "status", "--json")
    assert run.code == 0, run.err
    data: dict[str, Any] = run.json()
    return data


def renamed(data: Any, old: str, new: str) -> Any:
    """`data` (status JSON) with the id `old` written `new` wherever it is a value."""
    return json.loads(json.dumps(data).replace(f'"{old}"', f'"{new}"'))


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_logged_unit_renamed_with_was_keeps_its_minutes(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    old = a_unit(plan)
    logged = pacer("--plan", str(plan), "log", "45", old, "--date", DAY)
    assert logged.code == 0, logged.err
    before = status(pacer, plan)

    rename_id(plan, old, old + "-v2")
    lost = status(pacer, plan)
    assert lost["not_in_plan"]["minutes"] == 45  # without `was:` the minutes are orphans

    add_was(plan, old + "-v2", old)
    after = status(pacer, plan)
    # The same minutes, remaining, projected dates and milestones, the unit by its new id.
    assert after == renamed(before, old, old + "-v2")
    assert after["not_in_plan"] == {"entries": 0, "minutes": 0, "targets": []}
    doctor = pacer("--plan", str(plan), "doctor")
    assert doctor.code == 0, doctor.out


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_renamed_habit_track_keeps_its_habit_log(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    old = a_habit_track(plan)
    assert pacer("--plan", str(plan), "log", "20", old, "--date", DAY).code == 0
    before = {t["id"]: t for t in status(pacer, plan)["tracks"]}

    rename_id(plan, old, old + "-v2")
    add_was(plan, old + "-v2", old)
    after = {t["id"]: t for t in status(pacer, plan)["tracks"]}
    assert after[old + "-v2"] == {**before[old], "id": old + "-v2"}
    assert after[old + "-v2"]["habit_done"] == 20


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_doctor_proposes_the_was_line_and_fails_until_explained_or_accepted(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    old = a_unit(plan)
    assert pacer("--plan", str(plan), "log", "45", old, "--date", DAY).code == 0
    new = "ex-" + old
    rename_id(plan, old, new)
    line = next(
        n for n, text in enumerate(plan.read_text("utf-8").splitlines(), 1) if f"id: {new}" in text
    )

    run = pacer("--plan", str(plan), "doctor")
    assert run.code == 1, run.out
    assert (
        f"  unit {old} (45 min): add `was: [{old}]` to unit {new}, which has its title"
        f" (plan.yaml line {line})"
    ) in run.out.splitlines()
    zh = pacer("--plan", str(plan), "doctor", lang="zh")
    assert f"给单元 {new}（标题相同）加上 'was: [{old}]'（plan.yaml 第 {line} 行）" in zh.out
    report = pacer("--plan", str(plan), "doctor", "--json")
    assert report.code == 1
    assert report.json()["orphans"] == [
        {
            "kind": "unit",
            "target": old,
            "entries": 1,
            "minutes": 45,
            "accepted": False,
            "suggestion": {
                "kind": "unit",
                "id": new,
                "was": [old],
                "line_text": f"was: [{old}]",
                "by": "title",  # the version `log` ran with knew its title
                "file": "plan.yaml",
                "line": line,
            },
        }
    ]

    # Doing what it says explains the orphan: doctor is content, status counts the minutes.
    explained = plan.read_text("utf-8")
    add_was(plan, new, old)
    assert pacer("--plan", str(plan), "doctor").code == 0
    assert status(pacer, plan)["not_in_plan"]["minutes"] == 0
    plan.write_text(explained, encoding="utf-8")

    # Or accepting it: recorded once, doctor exits 0 for it, a new orphan still counts.
    accepted = pacer("--plan", str(plan), "doctor", "--accept-orphans")
    assert accepted.code == 0, accepted.out
    assert accepted.out.startswith(f"accepted 1 orphan id as intended: {old}\n")
    assert pacer("--plan", str(plan), "doctor", "--json").json()["orphans"][0]["accepted"]
    again = pacer("--plan", str(plan), "doctor", "--accept-orphans")
    assert again.out.startswith("no orphan ids left to accept\n")
    other = next(u for u in load_plan_file(plan).units() if u.id not in (new, old))
    assert pacer("--plan", str(plan), "log", "30", other.id, "--date", DAY).code == 0
    rename_id(plan, other.id, "zz-gone")
    later = pacer("--plan", str(plan), "doctor", "--json")
    assert later.code == 1
    assert [(o["target"], o["accepted"]) for o in later.json()["orphans"]] == [
        (old, True),
        (other.id, False),
    ]


def test_a_was_id_that_names_a_current_unit_is_one_clear_line(
    pacer: Pacer, home: Path, other_plan: Path
) -> None:
    plan = plan_copy(pacer, "berlin", other_plan, home)
    add_was(plan, "sedation", "abx-basics")
    run = pacer("--plan", str(plan), "status")
    assert run.code == 2 and "Traceback" not in run.err
    assert run.err.count("\n") == 1
    assert "was: 'abx-basics' is the id of a unit the plan has now" in run.err


def renamed_plan(pacer: Pacer, which: str, other_plan: Path, folder: Path) -> tuple[Path, str]:
    """A plan copy whose first unit not covered by the baseline is renamed `<old>-v2` with
    `was: [<old>]`; (the plan, the old id)."""
    plan = plan_copy(pacer, which, other_plan, folder)
    old = a_unit(plan)
    rename_id(plan, old, old + "-v2")
    add_was(plan, old + "-v2", old)
    return plan, old


def log_targets(pacer: Pacer, plan: Path) -> list[str]:
    run = pacer("--plan", str(plan), "log", "list", "--json")
    assert run.code == 0, run.err
    return [e["target"] for e in run.json()["entries"]]


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_logging_an_old_id_logs_its_new_one_and_says_so(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan, old = renamed_plan(pacer, which, other_plan, home)
    new = old + "-v2"
    run = pacer("--plan", str(plan), "log", "30", old, "--date", DAY)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        f"{old} is now {new} (was: in the plan)",
        f"logged 30 min for {new} on {DAY}",
    ]
    zh = pacer("--plan", str(plan), "log", "15", old, "--date", DAY, lang="zh")
    assert zh.code == 0, zh.err
    assert zh.out.splitlines() == [
        f"{old} 已改名为 {new}（见计划中的 was:）",
        f"已记录 {DAY} {new} 15 分钟",
    ]
    assert log_targets(pacer, plan) == [new, new]
    # The current id says nothing more.
    again = pacer("--plan", str(plan), "log", "10", new, "--date", DAY)
    assert again.out.splitlines() == [f"logged 10 min for {new} on {DAY}"]
    # `log list --target` finds what counts for the unit, by either id.
    for target in (old, new):
        listed = pacer("--plan", str(plan), "log", "list", "--target", target, "--json")
        assert [e["minutes"] for e in listed.json()["entries"]] == [30, 15, 10]
    # `log edit --target` takes the old id as well.
    habit = a_habit_track(plan)
    assert pacer("--plan", str(plan), "log", "5", habit, "--date", DAY).code == 0
    entries = pacer("--plan", str(plan), "log", "list", "--json").json()["entries"]
    edit = pacer("--plan", str(plan), "log", "edit", str(entries[-1]["id"]), "--target", old)
    assert edit.code == 0, edit.err
    assert log_targets(pacer, plan) == [new] * 4


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_logging_an_old_habit_track_logs_its_new_one(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    old = a_habit_track(plan)
    rename_id(plan, old, old + "-v2")
    add_was(plan, old + "-v2", old)
    run = pacer("--plan", str(plan), "log", "20", old, "--date", DAY)
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == f"{old} is now {old}-v2 (was: in the plan)"
    assert log_targets(pacer, plan) == [old + "-v2"]
    tracks = {t["id"]: t for t in status(pacer, plan)["tracks"]}
    assert tracks[old + "-v2"]["habit_done"] == 20


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_done_by_an_old_id_and_done_already_under_it(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    old = a_unit(plan)
    new = old + "-v2"
    first = pacer("--plan", str(plan), "done", old, "--date", "2026-03-08")
    assert first.code == 0, first.err
    rename_id(plan, old, new)
    add_was(plan, new, old)
    # Done under its old id is done: by either id, nothing written, exit 3 as for any.
    for target in (old, new):
        again = pacer("--plan", str(plan), "done", target, "--date", DAY)
        assert again.code == 3, again.out + again.err
        assert again.err.splitlines() == [
            f"pacer: {new} is already done (marked on 2026-03-08); nothing written"
        ]
        assert again.out == (f"{old} is now {new} (was: in the plan)\n" if target == old else "")
    zh = pacer("--plan", str(plan), "done", old, "--date", DAY, lang="zh")
    assert zh.err.splitlines() == [f"pacer: {new} 已在 2026-03-08 标记完成；没有写入"]
    assert log_targets(pacer, plan) == [old]  # the store keeps what was written
    # ... and `log list` calls it by the title of what it counts for now.
    listed = pacer("--plan", str(plan), "log", "list", "--json").json()["entries"]
    assert listed[0]["title"] == load_plan_file(plan).unit(new).title

    # A unit not done yet is marked done by its old id, under its new one.
    other = next(u.id for u in load_plan_file(plan).units() if u.id not in (new, old))
    rename_id(plan, other, other + "-v2")
    add_was(plan, other + "-v2", other)
    done = pacer("--plan", str(plan), "done", other, "--date", DAY)
    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        f"{other} is now {other}-v2 (was: in the plan)",
        f"{other}-v2 is done ({DAY})",
    ]
    assert log_targets(pacer, plan) == [old, other + "-v2"]


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_catch_up_choice_naming_a_renamed_unit_still_holds(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    from datetime import date

    from pacer.schedule.catchup import CatchupChoice
    from pacer.store.catchup import add_choice
    from pacer.store.db import open_store

    plan = plan_copy(pacer, which, other_plan, home)
    loaded = load_plan_file(plan)
    # A focus on a unit late in its curriculum: it moves the projection, so it shows.
    old = [u.id for u in loaded.units() if u.id not in loaded.covered_units()][-1]
    new = old + "-v2"
    assert pacer("--plan", str(plan), "log", "30", a_unit(plan), "--date", DAY).code == 0
    store = open_store(home / "pacer.db")
    try:
        focus = CatchupChoice(
            "focus", loaded.milestones[0].id, date(2026, 3, 9), date(2026, 4, 5), units=(old,)
        )
        add_choice(store, focus)
    finally:
        store.close()
    before = status(pacer, plan)

    rename_id(plan, old, new)
    lost = pacer("--plan", str(plan), "catchup", "--list", "--json").json()["choices"]
    assert lost[0]["stale"] == [{"kind": "unit", "id": old}]
    assert pacer("--plan", str(plan), "doctor").code == 1

    add_was(plan, new, old)
    (choice,) = pacer("--plan", str(plan), "catchup", "--list", "--json").json()["choices"]
    assert (choice["units"], choice["stale"]) == ([new], [])
    assert status(pacer, plan) == renamed(before, old, new)
    doctor = pacer("--plan", str(plan), "doctor", "--json")
    assert doctor.code == 0, doctor.out
    assert doctor.json()["not_in_plan"] == []


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_past_days_of_an_older_plan_version_name_renamed_ids_as_the_plan_does_now(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    habit = a_habit_track(plan)
    # The plan is first used on 2 March: the week of 2 March keeps that version's days.
    early = {"PACER_NOW": "2026-03-02T12:00:00+08:00"}
    assert pacer("--plan", str(plan), "log", "20", habit, env=early).code == 0
    before = pacer("--plan", str(plan), "week", "--date", "2026-03-02", "--json").json()
    placed = [i["unit"] for d in before["days"] for b in d["blocks"] for i in b.get("items", [])]
    unit = placed[0]  # a unit the old version placed on a past day
    for old in (habit, unit):
        rename_id(plan, old, old + "-v2")
        add_was(plan, old + "-v2", old)
    week = pacer("--plan", str(plan), "week", "--date", "2026-03-02")
    assert week.code == 0, week.err
    after = pacer("--plan", str(plan), "week", "--date", "2026-03-02", "--json").json()
    monday = after["days"][0]
    # The habit's block beside the log, both by its new id.
    assert habit + "-v2" in [b["track"] for b in monday["blocks"] if b["type"] == "habit"]
    assert [e["target"] for e in monday["logged"]] == [habit + "-v2"]
    assert unit + "-v2" in [
        i["unit"] for d in after["days"] for b in d["blocks"] for i in b.get("items", [])
    ]
    assert unit not in json.dumps(after).replace(unit + "-v2", "")


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_unit_gone_from_the_plan_keeps_its_place_on_the_past_days_that_had_it(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    early = {"PACER_NOW": "2026-03-02T12:00:00+08:00"}
    assert pacer("--plan", str(plan), "log", "20", a_habit_track(plan), env=early).code == 0
    before = pacer("--plan", str(plan), "week", "--date", "2026-03-02", "--json").json()
    items = [i for d in before["days"] for b in d["blocks"] for i in b.get("items", [])]
    unit, title = items[0]["unit"], items[0]["title"]
    rename_id(plan, unit, unit + "-v2")  # renamed without `was:`: the old id is gone
    for args in (("week", "--date", "2026-03-02"), ("today", "--date", "2026-03-02")):
        run = pacer("--plan", str(plan), *args)
        assert run.code == 0, run.err
    assert title in pacer("--plan", str(plan), "week", "--date", "2026-03-02").out
    after = pacer("--plan", str(plan), "week", "--date", "2026-03-02", "--json").json()
    placed = [
        (i["unit"], i["title"])
        for d in after["days"]
        for b in d["blocks"]
        for i in b.get("items", [])
    ]
    assert (unit, title) in placed  # as the version in force then named it
