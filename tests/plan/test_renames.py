"""`was:` in the plan file: read onto units and tracks, checked (PATH:LINE:COL), mapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import OTHER_PLAN

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import PlanInvalid, load_plan_text
from pacer.plan.renames import Renames, definition_lines

BERLIN = OTHER_PLAN.read_text(encoding="utf-8")
UNIT = "{id: sedation, title: Sedation protocols, minutes: 90}"
TRACK = "  - id: piano\n    title: Piano\n"


def edited(*pairs: tuple[str, str]) -> str:
    text = BERLIN
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def problems(text: str) -> list[str]:
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, "plan.yaml")
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_was_is_read_onto_units_and_tracks_and_maps_old_ids() -> None:
    text = edited(
        (
            UNIT,
            "{id: sedation, was: [sedate, sedation-old], title: Sedation protocols, minutes: 90}",
        ),
        (TRACK, "  - id: piano\n    was: keys-track\n    title: Piano\n"),
    )
    plan = load_plan_text(text)
    unit = next(u for u in plan.units() if u.id == "sedation")
    assert unit.was == ("sedate", "sedation-old")
    assert next(t for t in plan.tracks if t.id == "piano").was == ("keys-track",)
    renames = Renames.of(plan)
    assert dict(renames.units) == {"sedate": "sedation", "sedation-old": "sedation"}
    assert dict(renames.tracks) == {"keys-track": "piano"}
    assert renames.unit("sedate") == "sedation" and renames.unit("abx-basics") == "abx-basics"


def test_by_default_nothing_was_renamed() -> None:
    for text in (BERLIN, builtin_plan_text()):
        plan = load_plan_text(text)
        assert all(u.was == () for u in plan.units())
        assert all(t.was == () for t in plan.tracks)
        assert not Renames.of(plan)


def test_an_old_id_that_is_current_given_twice_or_itself_is_refused_where_written() -> None:
    text = edited(
        (
            UNIT,
            "{id: sedation, was: [sedation, abx-basics, gone], title: Sedation protocols,"
            " minutes: 90}",
        ),
        (TRACK, "  - id: piano\n    was: [thesis]\n    title: Piano\n"),
        ("{id: ch1-outline,", "{id: ch1-outline, was: [gone],"),
    )
    unit_line = line_of(text, "{id: sedation, was")
    found = problems(text)
    col = text.splitlines()[unit_line - 1].index("[sedation") + 2
    assert found == [
        f"plan.yaml:{line_of(text, 'was: [thesis]')}:11: was: 'thesis' is the id of a track the"
        " plan has now; an old id must name nothing current (remove it from 'was', or rename"
        " that track)",
        f"plan.yaml:{unit_line}:{col}: was: 'sedation' is this id itself; list only the ids it"
        " had before",
        f"plan.yaml:{unit_line}:{col + 10}: was: 'abx-basics' is the id of a unit the plan has"
        " now; an old id must name nothing current (remove it from 'was', or rename that unit)",
        f"plan.yaml:{line_of(text, '{id: ch1-outline, was')}:33: was: 'gone' is already given on"
        f" line {unit_line}; an old id can count for only one new id",
    ]


def test_definition_lines_find_each_unit_and_track() -> None:
    lines = definition_lines(BERLIN)
    assert lines[("unit", "sedation")] == line_of(BERLIN, UNIT)
    assert lines[("track", "piano")] == line_of(BERLIN, TRACK)
    builtin = builtin_plan_text()
    plan = load_plan_text(builtin)
    lines = definition_lines(builtin)
    assert {k for k in lines if k[0] == "unit"} == {("unit", u.id) for u in plan.units()}
    assert {k for k in lines if k[0] == "track"} == {("track", t.id) for t in plan.tracks}
    assert definition_lines(": : [") == {}


def builtin_plan_text() -> str:
    return Path(builtin_plan_path()).read_text(encoding="utf-8")
