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


UNIT_EDITS = ["keep", "keep", "keep", "drop", "rename", "minutes", "was", "was_retitled"]


def mutate(plan: Plan, data: st.DataObject) -> Plan:
    """The plan with some units dropped, renamed (by title, or declared with `was:` and
    perhaps retitled) or re-estimated, some tracks renamed with `was:` (their units and
    blocks following), and some blocks resized."""
    tracks = {t.id: t.id + "-v2" if data.draw(st.booleans()) else t.id for t in plan.tracks}
    curricula = []
    ids: dict[str, str | None] = {}  # old unit id -> new (None: dropped)
    for cur in plan.curricula:
        units = []
        for u in cur.units:
            what = data.draw(st.sampled_from(UNIT_EDITS))
            old_id, ids[u.id] = u.id, None
            if what == "drop":
                continue
            if what == "rename":
                u = dataclasses.replace(u, id=u.id + "-v2")
            elif what == "was":
                u = dataclasses.replace(u, id=u.id + "-v3", was=(u.id,))
            elif what == "was_retitled":
                u = dataclasses.replace(u, id=u.id + "-v4", title=u.title + " II", was=(u.id,))
            elif what == "minutes":
                u = dataclasses.replace(u, minutes=u.minutes + data.draw(st.integers(1, 90)))
            ids[old_id] = u.id
            units.append(dataclasses.replace(u, track=tracks[u.track]))
        curricula.append(dataclasses.replace(cur, units=tuple(units)))
    # Milestones need the units by their new ids, and no longer the ones dropped.
    milestones = tuple(
        dataclasses.replace(m, needs=tuple(n for u in m.needs if (n := ids.get(u, u)) is not None))
        for m in plan.milestones
    )
    plan = dataclasses.replace(
        plan,
        milestones=milestones,
        tracks=tuple(
            dataclasses.replace(t, id=tracks[t.id], was=(t.id,)) if tracks[t.id] != t.id else t
            for t in plan.tracks
        ),
    )
    templates = []
    for tpl in plan.day_templates:
        blocks = tuple(
            dataclasses.replace(b, minutes=b.minutes + 5) if data.draw(st.booleans()) else b
            for b in tpl.blocks
        )
        templates.append(dataclasses.replace(tpl, blocks=blocks))
    return dataclasses.replace(plan, curricula=tuple(curricula), day_templates=tuple(templates))


def needing(plan: Plan, old: str, new: str) -> Plan:
    """The plan with its milestones needing unit `new` where they needed `old` (as a plan
    file renaming a unit names it)."""
    return dataclasses.replace(
        plan,
        milestones=tuple(
            dataclasses.replace(m, needs=tuple(new if u == old else u for u in m.needs))
            for m in plan.milestones
        ),
    )


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
    tracks = {reversed_change(c) for c in forward.changes if c.kind.startswith("track_")}
    assert tracks == {c for c in backward.changes if c.kind.startswith("track_")}
    # What `was:` declares is a rename, never a removal and an addition: a renamed track
    # (its units following it) and a unit with a new id and title.
    assert not forward.of_kind("track_added") and not forward.of_kind("track_removed")
    declared = {(c.before, c.id) for c in forward.of_kind("unit_renamed")}
    for u in new.units():
        for was in u.was:
            assert (was, u.id) in declared
    # A renamed unit is the same unit: a milestone needing it needs as many units as before.
    assert all(c.before != c.after for c in forward.of_kind("milestone_needs"))
    assert {(c.before, c.id) for c in forward.of_kind("track_renamed")} == {
        (w, t.id) for t in new.tracks for w in t.was
    }
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
        needing(old, first.id, "renamed-unit"),
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


@pytest.mark.parametrize("name", sorted(PLANS))
def test_units_and_tracks_renamed_with_was_are_renames(name: str) -> None:
    old = load(name)
    cur = old.curricula[0]
    first = cur.units[0]
    track = next(t for t in old.tracks if t.id == first.track)
    # A new id and a new title: only `was:` says it is the same unit.
    moved = dataclasses.replace(
        first, id="renamed-unit", title="Another title", track="renamed-track", was=(first.id,)
    )
    units = tuple(
        dataclasses.replace(u, track="renamed-track") if u.track == track.id else u
        for u in cur.units[1:]
    )
    new = dataclasses.replace(
        needing(old, first.id, "renamed-unit"),
        tracks=tuple(
            dataclasses.replace(t, id="renamed-track", was=(t.id,)) if t is track else t
            for t in old.tracks
        ),
        curricula=(
            dataclasses.replace(cur, units=(moved, *units)),
            *(
                dataclasses.replace(
                    c,
                    units=tuple(
                        dataclasses.replace(u, track="renamed-track") if u.track == track.id else u
                        for u in c.units
                    ),
                )
                for c in old.curricula[1:]
            ),
        ),
    )
    assert diff_plans(old, new).changes == (
        Change("track_renamed", "renamed-track", track.id),
        Change("unit_renamed", "renamed-unit", first.id),
    )
    assert diff_plans(new, old).changes == (
        Change("track_renamed", track.id, "renamed-track"),
        Change("unit_renamed", first.id, "renamed-unit"),
    )
    # Without `was:` the new title makes it a removal and an addition.
    bare = dataclasses.replace(
        new,
        curricula=(
            dataclasses.replace(
                new.curricula[0], units=(dataclasses.replace(moved, was=()), *units)
            ),
            *new.curricula[1:],
        ),
    )
    kinds = [c.kind for c in diff_plans(old, bare).changes]
    assert kinds[:3] == ["track_renamed", "unit_added", "unit_removed"]
    assert "unit_renamed" not in kinds
