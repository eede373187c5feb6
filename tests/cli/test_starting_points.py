"""`pacer init --template` and `pacer plan use`: starting points and adopting one's own plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.plan.builtin import STARTING_POINTS, starting_point_path, starting_point_text
from pacer.plan.loader import load_plan_text
from tests.helpers import ROOT, Run

HAN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("name", sorted(STARTING_POINTS))
def test_each_starting_point_passes_check(
    name: str, pacer: Callable[..., Run], tmp_path: Path
) -> None:
    target = tmp_path / f"{name}.yaml"
    run = pacer("init", "--template", name, str(target))
    assert run.code == 0, run.err
    assert str(target) in run.out
    check = pacer("plan", "check", str(target))
    assert check.code == 0, check.err
    assert check.out.startswith(f"{target}: ok — ")


def test_blank_and_example_are_english() -> None:
    for name in ("blank", "example"):
        text = starting_point_path(name).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if HAN.search(line)]
        if name == "example":
            # Japanese grammar in unit titles is the plan's content, not its language.
            lines = [line for line in lines if "title: Lesson" not in line]
        assert lines == [], name


def test_blank_spans_a_year_from_this_week(pacer: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    # Wednesday 2026-12-02 in Shanghai: the plan begins on that week's Monday.
    run = pacer(
        "init", "--template", "blank", str(target), env={"PACER_NOW": "2026-12-02T09:00+08:00"}
    )
    assert run.code == 0, run.err
    plan = load_plan_text(target.read_bytes(), str(target))
    assert (plan.start, plan.end) == (date(2026, 11, 30), date(2027, 11, 28))
    assert plan.timezone == "Asia/Shanghai"  # the person's (PACER_TZ), not the file's London
    today = pacer("--plan", str(target), "today", env={"PACER_NOW": "2026-12-02T09:00+08:00"})
    assert today.code == 0, today.err
    assert today.out.startswith("2026-12-02 Wednesday · Workday")


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2190, 12, 31)))
def test_blank_is_valid_whatever_the_day(today: date) -> None:
    plan = load_plan_text(starting_point_text("blank", today), "blank.yaml")
    assert plan.start <= today <= plan.end
    assert plan.start.weekday() == 0 and (plan.end - plan.start).days == 52 * 7 - 1


def test_init_never_overwrites_and_names_the_choices(
    pacer: Callable[..., Run], tmp_path: Path
) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("mine", encoding="utf-8")
    run = pacer("init", "--template", "blank", str(target))
    assert run.code != 0 and run.out == ""
    assert target.read_text(encoding="utf-8") == "mine"
    bad = pacer("init", "--template", "empty", str(tmp_path / "q.yaml"))
    assert bad.code == 2
    assert bad.err == (
        "pacer: argument --template: invalid choice: 'empty'"
        " (choose from 'blank', 'example', 'seed-2026') (see 'pacer init --help')\n"
    )
    assert not (tmp_path / "q.yaml").exists()


def test_plan_use_adopts_a_plan_and_keeps_the_old_one(
    pacer: Callable[..., Run], home: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.yaml"
    assert pacer("init", "--template", "example", str(mine)).code == 0
    first = pacer("plan", "use", str(mine))
    assert first.code == 0, first.err
    assert first.out == (
        f"now using Japanese to N3 ({home / 'plan.yaml'}, copied from {mine})\n"
        "plan version 1 (first seen 2026-03-09) is in force\n"
    )
    assert (home / "plan.yaml").read_bytes() == mine.read_bytes()
    # From now on every command runs the adopted plan, with no --plan.
    show = pacer("plan", "show", "--json")
    assert show.json()["id"] == "jlpt-n3"

    other = tmp_path / "other.yaml"
    assert pacer("init", "--template", "blank", str(other)).code == 0
    second = pacer("plan", "use", str(other))
    assert second.code == 0, second.err
    kept = home / "plan-2026-03-09.yaml"
    assert second.out.splitlines()[1] == f"the previous plan is kept as {kept}"
    assert kept.read_bytes() == mine.read_bytes()
    third = pacer("plan", "use", str(mine))
    assert third.out.splitlines()[1].endswith("plan-2026-03-09-2.yaml")
    assert (home / "plan-2026-03-09-2.yaml").read_bytes() == other.read_bytes()
    # The plan in force again: nothing to keep.
    again = pacer("plan", "use", str(mine))
    assert again.code == 0 and len(again.out.splitlines()) == 1
    assert sorted(p.name for p in home.glob("plan*.yaml")) == [
        "plan-2026-03-09-2.yaml",
        "plan-2026-03-09.yaml",
        "plan.yaml",
    ]


def test_plan_use_refuses_an_invalid_plan_and_changes_nothing(
    pacer: Callable[..., Run], home: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.yaml"
    assert pacer("init", "--template", "blank", str(good)).code == 0
    assert pacer("plan", "use", str(good)).code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("minutes: 45", "minutes: lots"))
    run = pacer("plan", "use", str(bad))
    assert run.code == 2 and run.out == ""
    assert re.match(rf"{re.escape(str(bad))}:\d+:\d+: ", run.err)
    assert (home / "plan.yaml").read_bytes() == good.read_bytes()
    assert sorted(p.name for p in home.glob("plan*.yaml")) == ["plan.yaml"]
    folder = pacer("plan", "use", str(tmp_path))
    assert folder.code != 0 and folder.err == (
        f"pacer: plan use {tmp_path} is a folder, not a regular file; give the path of a file\n"
    )
    missing = pacer("plan", "use", str(tmp_path / "nope.yaml"))
    assert missing.code != 0 and "Traceback" not in missing.err
    assert len(missing.err.splitlines()) == 1


def test_docs_english_example_is_the_example_starting_point() -> None:
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = doc.split("\n## An English example\n", 1)[1]
    block = re.findall(r"```yaml\n(.*?)```", section, re.S)[0]
    assert block == starting_point_path("example").read_text(encoding="utf-8")


def test_blank_takes_the_machines_zone_without_pacer_tz(
    pacer: Callable[..., Run], tmp_path: Path
) -> None:
    target = tmp_path / "mine.yaml"
    run = pacer(
        "init", "--template", "blank", str(target), env={"PACER_TZ": "", "TZ": "Asia/Tokyo"}
    )
    assert run.code == 0, run.err
    assert load_plan_text(target.read_bytes(), str(target)).timezone == "Asia/Tokyo"
