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
