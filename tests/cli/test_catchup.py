"""`pacer catchup` serves the milestone it is asked about, end to end through `pacer`.

On the built-in plan and on the Berlin fixture: every option offered for a late milestone
makes *that* milestone earlier (or moves its due date later), deferring touches only its
own curricula's units, an on-track milestone has nothing to catch up, and with no milestone
named catch-up works on the most late one. `--json` shapes are checked exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.loader import load_plan_file
from pacer.plan.model import Plan
from pacer.workspace import builtin_plan_path
from tests.helpers import Run

Pacer = Callable[..., Run]

TOP_KEYS = {"date", "milestone", "behind", "options", "notices"}
OPTION_KEYS = {"number", "kind", "start", "end", "units", "due", "effects"}
EFFECT_KEYS = {"milestone", "before", "after", "days", "due", "late"}
CHOICE_KEYS = {"id", "kind", "milestone", "start", "end", "units", "due", "reason", "stale"}


def berlin_late(other_plan: Path, folder: Path) -> Path:
    """The Berlin fixture with a late, low-weight milestone: the thesis curriculum (weight 1
    beside pharmacology's 2) due March 6, with an optional reading between its outline and
    its draft (the draft waits for it)."""
    text = other_plan.read_text(encoding="utf-8")
    text = text.replace(
        "milestones:\n",
        "milestones:\n"
        "  - id: ch1\n    title: Chapter 1 drafted\n    due: 2026-03-06\n    needs: [write]\n",
        1,
    )
    outline = "      - {id: ch1-outline, title: Chapter 1 outline, minutes: 60, kind: write}\n"
    assert outline in text
    text = text.replace(
        outline,
        outline + "      - {id: ch1-notes, title: Chapter 1 reading notes, minutes: 60,"
        " kind: reading, optional: true}\n",
    )
    path = folder / "plan-berlin-late.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(params=["builtin", "berlin"])
def case(
    request: pytest.FixtureRequest, pacer: Pacer, other_plan: Path, tmp_path: Path
) -> dict[str, Any]:
    """A plan, the day to stand on, a late milestone that putting its units first helps, an
    on-track one. On the Berlin plan they are made so (a low-weight thesis milestone due
    early); on the built-in plan they are the first such milestones there, in plan order."""
    if request.param == "berlin":
        path = berlin_late(other_plan, tmp_path)
        return {
            "args": ("--plan", str(path)),
            "plan": load_plan_file(path),
            "day": "2026-03-02",
            "late": "ch1",
            "on_track": "exam",
        }
    found: dict[str, Any] = {"args": (), "plan": load_plan_file(builtin_plan_path())}
    found["day"] = "2026-03-01"
    statuses = status_of(pacer, found)
    found["on_track"] = next(m for m in statuses.values() if m["status"] == "on_track")["id"]
    for m in statuses.values():
        if m["status"] == "late":
            shown = catchup(pacer, found, m["id"], "--json").json()
            if shown["options"][0]["kind"] == "focus":
                found["late"] = m["id"]
                return found
    raise AssertionError("no late milestone of the built-in plan is helped by a focus")


def catchup(pacer: Pacer, case: dict[str, Any], *args: str, lang: str = "en") -> Run:
    return pacer(*case["args"], "catchup", *args, "--date", case["day"], lang=lang)


def status_of(pacer: Pacer, case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    run = pacer(*case["args"], "status", "--json", "--date", case["day"])
    assert run.code == 0, run.err
    return {m["id"]: m for m in run.json()["milestones"]}


def own_units(plan: Plan, milestone: str) -> set[str]:
    """The units of the curricula the milestone needs units of."""
    needs = set(next(m for m in plan.milestones if m.id == milestone).needs)
    curricula = {u.curriculum for u in plan.units() if u.id in needs}
    return {u.id for u in plan.units() if u.curriculum in curricula}


def assert_serves(shown: dict[str, Any]) -> None:
    """Every option makes the milestone earlier (a negative day delta) or moves its due date
    later; never a "+0 d" option."""
    target = shown["milestone"]
    assert shown["behind"] is True and shown["options"], shown
    for option in shown["options"]:
        mine = [e for e in option["effects"] if e["milestone"] == target["id"]]
        assert len(mine) == 1 and option["effects"][0] == mine[0], option
        effect = mine[0]
        if option["kind"] == "move_due":
            assert option["due"] > target["due"] and effect["due"] == option["due"]
            assert effect["days"] == 0 and effect["late"] is False
        else:
            assert effect["days"] is not None and effect["days"] < 0, option
            assert effect["after"] < effect["before"] == target["projected"]


def test_every_option_moves_the_late_low_weight_milestone_earlier(
    pacer: Pacer, case: dict[str, Any]
) -> None:
    # As the person reads it: no line says "+0 d", the first option puts its units first.
    text = catchup(pacer, case, case["late"])
    assert text.code == 0, text.err
    assert "(+0 d)" not in text.out, text.out
    assert re.search(rf"^  1\. put the units of {case['late']} first from ", text.out, re.M)
    run = catchup(pacer, case, case["late"], "--json")
    assert run.code == 0, run.err
    shown = run.json()
    assert shown["milestone"] == status_of(pacer, case)[case["late"]]
    assert_serves(shown)
    kinds = [o["kind"] for o in shown["options"]]
    assert kinds[0] == "focus" and kinds[-1] == "move_due", kinds
    # Each effect line's verdict is what status would say of those dates on that day.
    day = date.fromisoformat(case["day"])
    effect = re.compile(r"^ +\S+ +(\S+) → (\S+) +\(.*\) +due (\S+): (.+)$", re.M)
    verdicts = effect.findall(text.out)
    assert verdicts, text.out
    for _, after, due, verdict in verdicts:
        end, deadline = date.fromisoformat(after), date.fromisoformat(due)
        expected = (
            "missed"
            if deadline < day
            else "late"
            if end > deadline
            else "at risk"
            if (deadline - end).days < 7
            else "on track"
        )
        assert verdict == expected, (after, due, verdict)


def test_every_late_milestone_is_served_and_defers_only_its_own_units(
    pacer: Pacer, case: dict[str, Any]
) -> None:
    statuses = status_of(pacer, case)
    behind = [m for m in statuses.values() if m["status"] in ("late", "missed")]
    assert behind
    deferred = 0
    for m in behind:
        shown = catchup(pacer, case, m["id"], "--json").json()
        if not shown["behind"]:  # missed, but its units are finished
            continue
        assert_serves(shown)
        own = own_units(case["plan"], m["id"])
        for option in shown["options"]:
            if option["kind"] == "defer":
                deferred += 1
                assert option["units"] and set(option["units"]) <= own, (m["id"], option)
            if option["kind"] == "focus":
                assert set(m_units(case["plan"], m["id"])) & set(option["units"])
    if case["args"]:  # the Berlin plan's optional reading stands in its milestone's way
        assert deferred, "no milestone was offered a defer: the check proved nothing"


def m_units(plan: Plan, milestone: str) -> tuple[str, ...]:
    return next(m for m in plan.milestones if m.id == milestone).needs


def test_an_on_track_milestone_has_nothing_to_catch_up(pacer: Pacer, case: dict[str, Any]) -> None:
    mine = status_of(pacer, case)[case["on_track"]]
    assert mine["status"] == "on_track"
    text = catchup(pacer, case, case["on_track"])
    assert text.code == 0, text.err
    said = (
        f"{mine['title']} [{mine['id']}] is on track: nothing to catch up (projected"
        f" {mine['projected']}, due {mine['due']}, {mine['slip_days']} d)."
    )
    assert text.out.splitlines() == [said]
    zh = catchup(pacer, case, case["on_track"], lang="zh")
    assert zh.code == 0, zh.err
    assert f"[{mine['id']}] 进度正常：无需追赶（预计 {mine['projected']}" in zh.out
    shown = catchup(pacer, case, case["on_track"], "--json").json()
    assert shown == {
        "date": case["day"],
        "milestone": mine,
        "behind": False,
        "options": [],
        "notices": [{"code": "catchup.on_track", "text": said}],
    }
    # Nothing to record either.
    refused = catchup(pacer, case, case["on_track"], "--apply", "1")
    assert refused.code == 1
    assert refused.err.strip() == (
        f"pacer: {case['on_track']} has nothing to catch up, so there is no option to apply;"
        f" see 'pacer catchup {case['on_track']}'"
    )


def test_without_a_milestone_catch_up_works_on_the_most_late_one(
    pacer: Pacer, case: dict[str, Any]
) -> None:
    statuses = list(status_of(pacer, case).values())
    behind = [
        m
        for m in statuses
        if m["status"] == "late"
        or (m["status"] == "missed" and (m["projected"] is None or m["projected"] >= case["day"]))
    ]
    assert len(behind) >= 1
    # The first of the most late, in plan order; not within the horizon is the most late.
    most = max(behind, key=lambda m: (m["slip_days"] is None, m["slip_days"] or 0))
    shown = catchup(pacer, case, "--json").json()
    assert shown["milestone"]["id"] == most["id"]
    assert shown == catchup(pacer, case, most["id"], "--json").json()


def test_nothing_late_and_none_named(pacer: Pacer, other_plan: Path) -> None:
    run = pacer("--plan", str(other_plan), "catchup", "--date", "2026-03-02")
    assert run.code == 0, run.err
    assert run.out == "no milestone is late on 2026-03-02\n"
    shown = pacer("--plan", str(other_plan), "catchup", "--date", "2026-03-02", "--json").json()
    assert shown == {
        "date": "2026-03-02",
        "milestone": None,
        "behind": False,
        "options": [],
        "notices": [
            {"code": "catchup.nothing_slips", "text": "no milestone is late on 2026-03-02"}
        ],
    }


def test_the_options_json_shape(pacer: Pacer, case: dict[str, Any]) -> None:
    shown = catchup(pacer, case, case["late"], "--json").json()
    assert set(shown) == TOP_KEYS
    assert shown["notices"] == []  # behind: there are options, nothing to explain
    assert shown["date"] == case["day"]
    statuses = status_of(pacer, case)
    for n, option in enumerate(shown["options"], 1):
        assert set(option) == OPTION_KEYS
        assert option["number"] == n
        assert option["kind"] in ("focus", "stretch", "defer", "move_due")
        periodic = option["kind"] in ("focus", "stretch")
        assert (option["start"] == case["day"]) is periodic
        assert (option["end"] is not None) is periodic
        assert (option["due"] is not None) is (option["kind"] == "move_due")
        assert bool(option["units"]) is (option["kind"] in ("focus", "defer"))
        for effect in option["effects"]:
            assert set(effect) == EFFECT_KEYS
            before, after = effect["before"], effect["after"]
            assert before == statuses[effect["milestone"]]["projected"]
            days = (date.fromisoformat(after) - date.fromisoformat(before)).days
            assert effect["days"] == days
            assert effect["late"] is (after > effect["due"])
            if effect["milestone"] != case["late"]:
                assert days != 0  # only the milestones the option moves


def test_a_focus_is_recorded_listed_and_dropped(pacer: Pacer, case: dict[str, Any]) -> None:
    before = pacer(*case["args"], "status", "--json", "--date", case["day"]).json()
    shown = catchup(pacer, case, case["late"], "--json").json()
    focus = next(o for o in shown["options"] if o["kind"] == "focus")
    applied = catchup(pacer, case, case["late"], "--apply", str(focus["number"]))
    assert applied.code == 0, applied.err
    n = len(focus["units"])
    assert applied.out == (
        f"recorded choice 1: put the units of {case['late']} first"
        f" from {focus['start']} to {focus['end']} ({n} to do)\n"
    )
    # The projection now does what the option said.
    mine = status_of(pacer, case)
    assert mine[case["late"]]["projected"] == focus["effects"][0]["after"]
    for effect in focus["effects"][1:]:
        assert mine[effect["milestone"]]["projected"] == effect["after"]

    listed = pacer(*case["args"], "catchup", "--list", "--json")
    assert listed.code == 0, listed.err
    assert listed.json() == {
        "choices": [
            {
                "id": 1,
                "kind": "focus",
                "milestone": case["late"],
                "start": focus["start"],
                "end": focus["end"],
                "units": focus["units"],
                "due": None,
                "reason": "",
                "stale": [],
            }
        ]
    }
    assert set(listed.json()["choices"][0]) == CHOICE_KEYS
    text = pacer(*case["args"], "catchup", "--list").out
    assert text == (
        f"  1  put the units of {case['late']} first from {focus['start']} to {focus['end']}"
        f" ({n} to do)\n"
    )
    zh = pacer(*case["args"], "catchup", "--list", lang="zh").out
    assert f"期间优先安排 {case['late']} 的单元（{n} 个待完成）" in zh

    # Standing on the same day, the late milestone's options start from the focus.
    again = catchup(pacer, case, case["late"], "--json").json()
    assert again["milestone"]["projected"] == focus["effects"][0]["after"]

    dropped = pacer(*case["args"], "catchup", "--drop", "1")
    assert dropped.code == 0, dropped.err
    assert pacer(*case["args"], "status", "--json", "--date", case["day"]).json() == before
    assert pacer(*case["args"], "catchup", "--list", "--json").json() == {"choices": []}


def test_moving_the_due_date_reads_as_a_due_date_change(pacer: Pacer, case: dict[str, Any]) -> None:
    mine = status_of(pacer, case)[case["late"]]
    text = catchup(pacer, case, case["late"]).out
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "move the due date" in line)
    assert lines[at].endswith(f"move the due date of {case['late']} to {mine['projected']}")
    assert lines[at + 1].split() == [
        case["late"],
        "due",
        mine["due"],
        "→",
        mine["projected"],
        f"(+{mine['slip_days']}",
        "d)",
    ]


def test_the_list_marks_a_choice_naming_what_the_plan_lacks(
    pacer: Pacer, other_plan: Path, tmp_path: Path
) -> None:
    plan = berlin_late(other_plan, tmp_path)
    shown = pacer("--plan", str(plan), "catchup", "ch1", "--date", "2026-03-02", "--json").json()
    number = next(o["number"] for o in shown["options"] if o["kind"] == "defer")
    assert (
        pacer(
            "--plan", str(plan), "catchup", "ch1", "--date", "2026-03-02", "--apply", str(number)
        ).code
        == 0
    )
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("ch1-notes", "ch1-notes-v2"), encoding="utf-8"
    )
    listed = pacer("--plan", str(plan), "catchup", "--list", "--json").json()
    (choice,) = listed["choices"]
    assert choice["kind"] == "defer" and choice["units"] == ["ch1-notes"]
    assert choice["stale"] == [{"kind": "unit", "id": "ch1-notes"}]
