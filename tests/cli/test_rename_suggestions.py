"""`pacer doctor`'s likely rename for an orphan: the unit or track with the orphan's title (as
the stored plan versions knew it), else the closest id new since then; never a guess at an id
the plan had already when the orphan was in it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.loader import load_plan_file
from tests.helpers import Run, rename_id

Pacer = Callable[..., Run]
DAY = "2026-03-09"  # the tests' today (conftest's PACER_NOW)


def in_use(pacer: Pacer, which: str, other_plan: Path, tmp_path: Path, home: Path) -> Path:
    """`pacer plan use` of a copy of the built-in plan or of the Berlin plan: the plan file in
    the data folder, version 1 recorded with a reason."""
    source = tmp_path / "mine.yaml"
    if which == "builtin":
        assert pacer("init", str(source)).code == 0
    else:
        source.write_bytes(other_plan.read_bytes())
    used = pacer("plan", "use", str(source), "--reason", "start")
    assert used.code == 0, used.err
    return home / "plan.yaml"


def unit_with_a_close_sibling(plan: Path) -> tuple[str, str]:
    """A unit the baseline does not cover whose id is close to another unit's id (the trap:
    `g13` beside `g23`), and that other id."""
    loaded = load_plan_file(plan)
    covered = loaded.covered_units()
    ids = [u.id for u in loaded.units()]
    for uid in ids:
        near = difflib.get_close_matches(uid, [i for i in ids if i != uid], n=1, cutoff=0.6)
        if near and uid not in covered:
            return uid, near[0]
    raise AssertionError("no unit with a close sibling")


def doctor_json(pacer: Pacer, lang: str = "en") -> dict[str, Any]:
    run = pacer("doctor", "--json", lang=lang)
    assert run.code == 1, run.out
    data: dict[str, Any] = run.json()
    return data


def line_of(plan: Path, ident: str) -> int:
    pattern = re.compile(rf"id: {re.escape(ident)}\b(?!-)")
    text = plan.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(text, 1) if pattern.search(line))


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_unit_renamed_keeping_its_title_is_proposed_over_a_closer_old_id(
    pacer: Pacer, home: Path, other_plan: Path, tmp_path: Path, which: str
) -> None:
    plan = in_use(pacer, which, other_plan, tmp_path, home)
    old, near = unit_with_a_close_sibling(plan)
    assert pacer("log", "40", old, "--date", DAY).code == 0
    new = "renamed-unit"  # far from `old` by difflib's ratio (g13 -> g13-potential); same title
    rename_id(plan, old, new)

    run = pacer("doctor")
    assert run.code == 1, run.out
    line = line_of(plan, new)
    assert (
        f"  unit {old} (40 min): add `was: [{old}]` to unit {new}, which has its title"
        f" (plan.yaml line {line})"
    ) in run.out.splitlines()
    assert near not in run.out
    suggestion = doctor_json(pacer)["orphans"][0]["suggestion"]
    assert suggestion == {
        "kind": "unit",
        "id": new,
        "was": [old],
        "line_text": f"was: [{old}]",
        "by": "title",
        "file": "plan.yaml",
        "line": line,
    }
    # `plan diff` calls it the same rename.
    assert f"unit {old} renamed {new}" in pacer("plan", "diff", "1").out


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_habit_track_renamed_keeping_its_title_is_proposed(
    pacer: Pacer, home: Path, other_plan: Path, tmp_path: Path, which: str
) -> None:
    plan = in_use(pacer, which, other_plan, tmp_path, home)
    loaded = load_plan_file(plan)
    old = next(t.id for t in loaded.tracks if t.id in loaded.habit_tracks())
    assert pacer("log", "20", old, "--date", DAY).code == 0
    new = "renamed-track"
    rename_id(plan, old, new)

    run = pacer("doctor")
    assert run.code == 1, run.out
    assert f"add `was: [{old}]` to track {new}, which has its title" in run.out
    suggestion = doctor_json(pacer)["orphans"][0]["suggestion"]
    assert (suggestion["kind"], suggestion["id"], suggestion["by"]) == ("track", new, "title")
    zh = pacer("doctor", lang="zh")
    assert f"给方向 {new}（标题相同）加上 'was: [{old}]'" in zh.out, zh.out


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_no_guess_at_an_id_the_plan_had_already(
    pacer: Pacer, home: Path, other_plan: Path, tmp_path: Path, which: str
) -> None:
    plan = in_use(pacer, which, other_plan, tmp_path, home)
    old, near = unit_with_a_close_sibling(plan)
    assert pacer("log", "40", old, "--date", DAY).code == 0
    # Gone for good: its id and title changed, nothing new with an id like its own, while
    # another unit's id is close to it (that unit was in the plan beside it all along).
    title = load_plan_file(plan).unit(old).title
    rename_id(plan, old, "qqq-unrelated")
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if "id: qqq-unrelated," in line)
    lines[at] = lines[at].replace(f"title: {title}", "title: Something else entirely")
    plan.write_text("".join(lines), encoding="utf-8")
    assert load_plan_file(plan).unit("qqq-unrelated").title != title

    run = pacer("doctor")
    assert run.code == 1, run.out
    assert f"  unit {old} (40 min): no likely rename in the plan" in run.out.splitlines()
    assert f"to unit {near}" not in run.out
    assert doctor_json(pacer)["orphans"][0]["suggestion"] is None
