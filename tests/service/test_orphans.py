"""likely_renames: which current unit or track `pacer doctor` proposes for each orphan id."""

from __future__ import annotations

from pathlib import Path

import pytest

from pacer.plan.loader import load_plan_file
from pacer.plan.model import Plan
from pacer.service.orphans import Known, likely_renames
from tests.helpers import example_plan_text


@pytest.fixture(params=["example", "berlin"])
def plan(request: pytest.FixtureRequest, other_plan: Path, tmp_path: Path) -> Plan:
    if request.param == "berlin":
        return load_plan_file(other_plan)
    path = tmp_path / "example.yaml"
    path.write_text(example_plan_text(), encoding="utf-8")
    return load_plan_file(path)


def then(plan: Plan, *new: str) -> frozenset[str]:
    """The unit ids of an older version: the plan's now, but for the `new` ones."""
    return frozenset(u.id for u in plan.units()) - set(new)


def test_the_same_title_wins_over_a_closer_id(plan: Plan) -> None:
    a, b = plan.units()[:2]
    known = {("unit", a.id + "x"): Known(b.title, b.track, then(plan, b.id))}
    assert likely_renames(plan, known, known) == {("unit", a.id + "x"): ("unit", b.id, "title")}


def test_only_an_id_new_since_then_is_closest(plan: Plan) -> None:
    a, b = plan.units()[:2]
    old = a.id + "x"  # close to a (there all along), and to nothing else
    assert likely_renames(plan, [("unit", old)], {}) == {("unit", old): ("unit", a.id, "closest")}
    known = {("unit", old): Known("a title nothing has", a.track, then(plan, b.id))}
    # a was there beside the old id: never its rename (b, new since, may be if close enough).
    assert likely_renames(plan, known, known).get(("unit", old), ("unit", b.id, ""))[1] == b.id
    known = {("unit", old): Known("a title nothing has", a.track, then(plan, a.id))}
    assert likely_renames(plan, known, known) == {("unit", old): ("unit", a.id, "closest")}


def test_each_new_id_is_proposed_for_one_old_id_the_closest(plan: Plan) -> None:
    a = plan.units()[0]
    near, nearer = a.id + "-xy", a.id + "x"
    known = {
        ("unit", key): Known("a title nothing has", a.track, then(plan, a.id))
        for key in (near, nearer)
    }
    assert likely_renames(plan, known, known) == {("unit", nearer): ("unit", a.id, "closest")}


def test_an_id_renamed_twice_gives_both_old_ids_by_title(plan: Plan) -> None:
    a = plan.units()[0]
    known = {
        ("unit", "first-name"): Known(a.title, a.track, then(plan, a.id)),
        ("unit", "second-name"): Known(a.title, a.track, then(plan, a.id)),
    }
    assert likely_renames(plan, known, known) == {
        ("unit", "first-name"): ("unit", a.id, "title"),
        ("unit", "second-name"): ("unit", a.id, "title"),
    }


def test_a_habit_track_by_title_and_never_a_track_without_a_habit(plan: Plan) -> None:
    habit = next(t for t in plan.tracks if t.id in plan.habit_tracks())
    others = frozenset(t.id for t in plan.tracks) - {habit.id}
    known = {("track", "old-track"): Known(habit.title, "", others)}
    assert likely_renames(plan, known, known) == {
        ("track", "old-track"): ("track", habit.id, "title")
    }
    plain = next((t for t in plan.tracks if t.id not in plan.habit_tracks()), None)
    if plain is not None:
        known = {("track", plain.id + "x"): Known(plain.title, "", frozenset())}
        assert likely_renames(plan, known, known) == {}
