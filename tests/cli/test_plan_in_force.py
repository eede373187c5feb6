"""Which plan is in force, and what never changes it: a restore of the plan file writes back
the plan in force (not the first one) and records no change; a one-off `--plan` of a draft is
a preview; `plan reload`/`plan use` never overwrite a version's reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_plan_versions import PLANS, at, doubled_templates
from tests.helpers import Run

Pacer = Callable[..., Run]
DAY1 = "2026-03-10T12:00:00+08:00"
DAY2 = "2026-03-12T12:00:00+08:00"
DAY3 = "2026-03-13T12:00:00+08:00"


def ok(run: Run) -> Run:
    assert run.code == 0, run.err
    return run


def a_unit(pacer: Pacer, day: str, *plan: str) -> str:
    shown = ok(pacer(*plan, "today", "--json", "--date", day, env=at(DAY1))).json()
    return str(next(i["unit"] for b in shown["blocks"] if b["type"] == "work" for i in b["items"]))


def started(pacer: Pacer, tmp_path: Path, name: str, *reason: str) -> Path:
    """`plan use my.yaml` on DAY1 and 30 minutes logged that day."""
    mine = tmp_path / "my.yaml"
    shutil.copyfile(PLANS[name], mine)
    ok(pacer("plan", "use", str(mine), *reason, env=at(DAY1)))
    ok(pacer("log", "30", a_unit(pacer, "2026-03-10"), "--date", "2026-03-10", env=at(DAY1)))
    return mine


def history(pacer: Pacer, *plan: str) -> Any:
    return ok(pacer(*plan, "plan", "history", "--json", env=at(DAY3))).json()


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_missing_plan_file_comes_back_as_the_plan_in_force_and_changes_no_history(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    mine = started(pacer, tmp_path, name)
    edited = doubled_templates(mine.read_text("utf-8"))
    (home / "plan.yaml").write_text(edited, "utf-8")
    ok(pacer("plan", "reload", "--reason", "longer", env=at(DAY2)))
    before = ok(pacer("status", "--json", env=at(DAY3))).out
    versions = history(pacer)
    assert versions["current"] == 2

    (home / "plan.yaml").unlink()
    status = ok(pacer("status", "--json", env=at(DAY3)))
    assert "restored the plan file" in status.err
    assert (home / "plan.yaml").read_text("utf-8") == edited
    assert status.out == before
    assert history(pacer) == versions  # no "in force again"


def blocks(week: Any) -> list[list[tuple[str, int]]]:
    return [[(b["id"], b["minutes"]) for b in d["blocks"]] for d in week["days"]]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_one_off_plan_of_a_draft_is_a_preview(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    mine = started(pacer, tmp_path, name)
    draft = tmp_path / "draft.yaml"
    draft.write_text(doubled_templates(mine.read_text("utf-8")), "utf-8")
    week = ("week", "--json", "--date", "2026-03-12")
    before = ok(pacer(*week, env=at(DAY3))).json()
    versions = history(pacer)

    preview = ok(pacer("--plan", str(draft), "today", "--json", env=at(DAY2))).json()
    assert preview != ok(pacer("today", "--json", env=at(DAY2))).json()  # it shows the draft
    ok(pacer("--plan", str(draft), "log", "20", a_unit(pacer, "2026-03-12"), env=at(DAY2)))
    assert history(pacer) == versions
    after = ok(pacer(*week, env=at(DAY3))).json()
    # The blocks each day keeps (what was logged moves the items, not the blocks).
    assert blocks(after) == blocks(before)

    refused = pacer("--plan", str(draft), "plan", "reload", "--reason", "x", env=at(DAY2))
    assert refused.code == 2
    assert refused.err == (
        f"pacer: {draft} is not the plan the data belongs to ({home / 'plan.yaml'}),"
        f" so it is only shown, never recorded; to make it the plan: pacer plan use {draft}\n"
    )
    assert history(pacer) == versions


@pytest.mark.parametrize("name", sorted(PLANS))
def test_someone_who_always_runs_with_plan_gets_versions_recorded(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    mine = tmp_path / "x.yaml"
    shutil.copyfile(PLANS[name], mine)
    unit = a_unit(pacer, "2026-03-10", "--plan", str(mine))
    ok(pacer("--plan", str(mine), "log", "30", unit, "--date", "2026-03-10", env=at(DAY1)))
    mine.write_text(doubled_templates(mine.read_text("utf-8")), "utf-8")
    ok(pacer("--plan", str(mine), "today", env=at(DAY2)))
    assert history(pacer, "--plan", str(mine))["current"] == 2
    done = ok(pacer("--plan", str(mine), "plan", "why", "2", "longer", env=at(DAY2)))
    assert done.out == "plan version 2: longer\n"


@pytest.mark.parametrize("name", sorted(PLANS))
def test_reload_and_use_never_overwrite_a_versions_reason(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    mine = started(pacer, tmp_path, name, "--reason", "the original")
    (home / "plan.yaml").write_text(doubled_templates(mine.read_text("utf-8")), "utf-8")
    ok(pacer("plan", "reload", "--reason", "more weekend", env=at(DAY2)))

    same = ok(pacer("plan", "reload", "--reason", "no change", env=at(DAY2)))
    assert same.out == (
        "the plan in force is version 2 already (more weekend);"
        " to change its reason: pacer plan why 2 TEXT\n"
    )
    zh = ok(pacer("plan", "reload", "--reason", "没变", lang="zh", env=at(DAY2)))
    assert zh.out == "当前计划已是版本2（more weekend）；要改它的原因：pacer plan why 2 原因\n"

    back = ok(pacer("plan", "use", str(mine), "--reason", "back to original", env=at(DAY3)))
    assert back.out.splitlines()[-1] == (
        "plan version 1 (first seen 2026-03-10) is in force again: the original"
        " (its own reason; to change it: pacer plan why 1 TEXT)"
    )
    data = history(pacer)
    assert data["current"] == 1
    assert [v["reason"] for v in data["versions"]] == ["the original", "more weekend"]
    assert [v["in_force"] for v in data["versions"]] == [
        ["2026-03-10", "2026-03-13"],
        ["2026-03-12"],
    ]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_import_into_a_fresh_folder_does_not_say_the_built_in_plan_is_in_use(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    mine = started(pacer, tmp_path, name)
    (home / "plan.yaml").write_text(doubled_templates(mine.read_text("utf-8")), "utf-8")
    export = tmp_path / "all.json"
    ok(pacer("export", "json", "-o", str(export), env=at(DAY2)))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    done = ok(pacer("import", "json", str(export), env={**at(DAY2), "PACER_HOME": str(fresh)}))
    assert "built-in" not in done.err
    assert (fresh / "plan.yaml").exists()
