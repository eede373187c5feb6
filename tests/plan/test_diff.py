"""The diff of two plans: empty for a plan and itself, the same change seen from both sides."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import OTHER_PLAN

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.diff import Change, diff_plans, reversed_change
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan

PLANS = {"builtin": builtin_plan_path(), "berlin": OTHER_PLAN}


@cache
def load(name: str) -> Plan:
    path: Path = PLANS[name]
    return load_plan_text(path.read_bytes(), str(path))


def mutate(plan: Plan, data: st.DataObject) -> Plan:
    """The plan with some units dropped, renamed or re-estimated, and some blocks resized."""
    curricula = []
    for cur in plan.curricula:
        units = []
        for u in cur.units:
            what = data.draw(st.sampled_from(["keep", "keep", "keep", "drop", "rename", "minutes"]))
            if what == "drop":
                continue
            if what == "rename":
                u = dataclasses.replace(u, id=u.id + "-v2")
            elif what == "minutes":
                u = dataclasses.replace(u, minutes=u.minutes + data.draw(st.integers(1, 90)))
            units.append(u)
        curricula.append(dataclasses.replace(cur, units=tuple(units)))
    templates = []
    for tpl in plan.day_templates:
        blocks = tuple(
            dataclasses.replace(b, minutes=b.minutes + 5) if data.draw(st.booleans()) else b
            for b in tpl.blocks
        )
        templates.append(dataclasses.replace(tpl, blocks=blocks))
    return dataclasses.replace(plan, curricula=tuple(curricula), day_templates=tuple(templates))


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_plan_and_itself_have_no_diff(name: str) -> None:
    assert not diff_plans(load(name), load(name))


@pytest.mark.parametrize("name", sorted(PLANS))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_each_change_is_seen_reversed_from_the_other_side(name: str, data: st.DataObject) -> None:
    old = load(name)
    new = mutate(old, data)
    forward, backward = diff_plans(old, new), diff_plans(new, old)
    assert not diff_plans(new, new)
    for added, removed in (
        ("unit_added", "unit_removed"),
        ("milestone_added", "milestone_removed"),
        ("block_added", "block_removed"),
    ):
        assert {c.id for c in forward.of_kind(added)} == {c.id for c in backward.of_kind(removed)}
        assert {c.id for c in forward.of_kind(removed)} == {c.id for c in backward.of_kind(added)}
    renamed = {reversed_change(c) for c in forward.of_kind("unit_renamed")}
    assert renamed == set(backward.of_kind("unit_renamed"))
    assert sorted((c.before, c.after) for c in forward.of_kind("estimate")) == sorted(
        (c.after, c.before) for c in backward.of_kind("estimate")
    )
    # Block changes have no renames: each is exactly the reverse of one on the other side.
    blocks = {reversed_change(c) for c in forward.changes if c.kind.startswith("block_")}
    assert blocks == {c for c in backward.changes if c.kind.startswith("block_")}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_renamed_unit_with_a_new_estimate_is_one_rename_and_one_estimate(name: str) -> None:
    old = load(name)
    cur = old.curricula[0]
    first = cur.units[0]
    moved = dataclasses.replace(first, id="renamed-unit", minutes=first.minutes + 30)
    new = dataclasses.replace(
        old,
        curricula=(dataclasses.replace(cur, units=(moved, *cur.units[1:])), *old.curricula[1:]),
    )
    assert diff_plans(old, new).changes == (
        Change("unit_renamed", "renamed-unit", first.id),
        Change("estimate", "renamed-unit", first.minutes, first.minutes + 30),
    )


@pytest.mark.parametrize("name", sorted(PLANS))
def test_a_block_shortened_and_a_milestone_moved(name: str) -> None:
    old = load(name)
    tpl = old.day_templates[0]
    block = tpl.blocks[0]
    milestone = old.milestones[0]
    later = milestone.due.replace(day=1).replace(month=milestone.due.month % 12 + 1)
    new = dataclasses.replace(
        old,
        day_templates=(
            dataclasses.replace(
                tpl, blocks=(dataclasses.replace(block, minutes=block.minutes - 5), *tpl.blocks[1:])
            ),
            *old.day_templates[1:],
        ),
        milestones=(dataclasses.replace(milestone, due=later), *old.milestones[1:]),
    )
    assert diff_plans(old, new).changes == (
        Change("milestone_due", milestone.id, milestone.due.isoformat(), later.isoformat()),
        Change("block_minutes", f"{tpl.id}/{block.id}", block.minutes, block.minutes - 5),
    )
