"""Listing and correcting the record (`log list|edit|rm`, `metric rm|edit`, `note rm|edit`)
and `undo` of the last change of any kind, end to end through `pacer`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run

Pacer = Callable[..., Run]
Plan = tuple[tuple[str, ...], dict[str, str]]


def test_undo_after_a_metric_typo_removes_the_metric_value_not_a_log_entry(
    pacer: Pacer,
) -> None:
    assert pacer("log", "30", "english", "--date", "2026-03-05").code == 0
    assert pacer("metric", "add", "listening", "100", "--date", "2026-03-05").code == 0
    undone = pacer("undo")
    assert undone.code == 0, undone.err
    assert undone.out.strip() == "undid: removed metric value 100% (listening, 2026-03-05)"
    assert pacer("metric", "show", "listening", "--json").json()["values"] == []
    assert [
        e["minutes"] for e in pacer("today", "--date", "2026-03-05", "--json").json()["logged"]
    ] == [30]


# What each plan gives the tests: a unit, a habit's track, a metric in %, a post.
PLANS = {
    "builtin": {
        "unit": "m1802-w1-level",
        "habit": "english",
        "metric": "listening",
        "post": "blog1",
    },
    "berlin": {
        "unit": "abx-basics",
        "habit": "piano",
        "metric": "mock-score",
        "post": "night-notes",
    },
}


@pytest.fixture(params=sorted(PLANS))
def plan(request: pytest.FixtureRequest, other_plan: Path) -> Plan:
    """(the `--plan` arguments, the plan's ids) of the built-in plan and the Berlin plan."""
    name = request.param
    return (() if name == "builtin" else ("--plan", str(other_plan))), PLANS[name]


def entries(pacer: Pacer, p: tuple[str, ...]) -> list[dict[str, object]]:
    run = pacer(*p, "log", "list", "--json")
    assert run.code == 0, run.err
    return list(run.json()["entries"])


def test_log_list_edit_rm_and_undo_after_each(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    assert pacer(*p, "log", "30", ids["habit"], "--date", "2026-03-05").code == 0
    assert pacer(*p, "log", "45", ids["unit"], "-m", "first go", "--date", "2026-03-06").code == 0
    listed = pacer(*p, "log", "list")
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("1  2026-03-05  30 min") and ids["habit"] in lines[0]
    assert lines[1].startswith("2  2026-03-06  45 min") and lines[1].endswith("  first go")
    before = entries(pacer, p)

    edited = pacer(*p, "log", "edit", "2", "--minutes", "1h", "--date", "2026-03-07")
    assert edited.code == 0, edited.err
    assert edited.out == f"entry 2 is now 60 min for {ids['unit']} on 2026-03-07\n"
    assert [(e["id"], e["date"], e["minutes"]) for e in entries(pacer, p)] == [
        (1, "2026-03-05", 30),
        (2, "2026-03-07", 60),
    ]
    undone = pacer(*p, "undo")
    assert (
        undone.out
        == f"undid: the edit of entry 2; it is again 45 min for {ids['unit']} on 2026-03-06\n"
    )
    assert entries(pacer, p) == before

    removed = pacer(*p, "log", "rm", "1")
    assert removed.out == (
        f"removed entry 1: 30 min for {ids['habit']} on 2026-03-05 ('pacer undo' brings it back)\n"
    )
    assert [e["id"] for e in entries(pacer, p)] == [2]
    undone = pacer(*p, "undo")
    assert (
        undone.out
        == f"undid: the removal of entry 1; 30 min for {ids['habit']} on 2026-03-05 is back\n"
    )
    assert entries(pacer, p) == before  # the same id, the same logged_at: the row itself

    # Each further undo walks one change further back: the two entries as added.
    assert pacer(*p, "undo").out == f"undid: removed 45 min for {ids['unit']} on 2026-03-06\n"
    assert pacer(*p, "undo").out == f"undid: removed 30 min for {ids['habit']} on 2026-03-05\n"
    assert entries(pacer, p) == []
    assert pacer(*p, "undo").code == 1


def test_an_edit_keeps_the_rules_of_a_new_entry(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    assert pacer(*p, "log", "30", ids["habit"], "--date", "2026-03-05").code == 0
    before = entries(pacer, p)
    for args, message in (
        (("--date", "2026-03-10"), "2026-03-10 is after today (2026-03-09)"),
        (("--target", "no-such-thing"), "unknown target 'no-such-thing'"),
        (("--minutes", "25h"), "'25h' is outside 1 minute to 24 hours"),
        ((), "nothing to change: give --minutes, --date, --target, -m"),
    ):
        run = pacer(*p, "log", "edit", "1", *args)
        assert run.code != 0, args
        assert message in run.err, run.err
        assert len(run.err.strip().splitlines()) <= 2, run.err  # (and the built-in notice)
    for args, message in (
        (("log", "edit", "9", "-m", "x"), "no log entry 9; see 'pacer log list'"),
        (("log", "rm", "x"), "'x' is not an entry id; see 'pacer log list'"),
        (("metric", "rm", "4"), "no metric value 4"),
        (("note", "rm", "0"), "'0' is not a note id"),
    ):
        run = pacer(*p, *args)
        assert run.code != 0 and message in run.err, (args, run.err)
    assert entries(pacer, p) == before


def test_metric_edit_rm_and_undo_after_each(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    m = ids["metric"]
    assert pacer(*p, "metric", "add", m, "55", "--date", "2026-03-05").code == 0

    def values() -> list[tuple[int, str, float]]:
        shown = pacer(*p, "metric", "show", m, "--json").json()
        return [(v["id"], v["date"], v["value"]) for v in shown["values"]]

    assert values() == [(1, "2026-03-05", 55.0)]
    assert pacer(*p, "metric", "show", m).out.count("    1  2026-03-05       55%") == 1
    run = pacer(*p, "metric", "edit", "1", "--value", "150")
    assert run.code == 2 and "outside" in run.err
    run = pacer(*p, "metric", "edit", "1", "--value", "15%", "--date", "2026-03-06")
    assert run.out == f"metric value 1 is now 15% ({m}, 2026-03-06)\n", run.err
    assert values() == [(1, "2026-03-06", 15.0)]
    assert (
        pacer(*p, "undo").out
        == f"undid: the edit of metric value 1; it is again 55% ({m}, 2026-03-05)\n"
    )
    assert values() == [(1, "2026-03-05", 55.0)]
    run = pacer(*p, "metric", "rm", "1")
    assert (
        run.out == f"removed metric value 1: 55% ({m}, 2026-03-05) ('pacer undo' brings it back)\n"
    )
    assert values() == []
    assert (
        pacer(*p, "undo").out
        == f"undid: the removal of metric value 1; 55% ({m}, 2026-03-05) is back\n"
    )
    assert values() == [(1, "2026-03-05", 55.0)]
    assert pacer(*p, "undo").out == f"undid: removed metric value 55% ({m}, 2026-03-05)\n"
    assert values() == []


def test_note_edit_rm_and_undo_after_each(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    post = ids["post"]
    assert pacer(*p, "note", "a first thought", "--for", post, "--date", "2026-03-05").code == 0

    def notes() -> list[tuple[int, str]]:
        return [(n["id"], n["text"]) for n in pacer(*p, "note", "--list", "--json").json()["notes"]]

    run = pacer(*p, "note", "edit", "1", "-m", "a better thought")
    assert run.out == f"changed the text of note 1 ({post}, 2026-03-05)\n", run.err
    assert notes() == [(1, "a better thought")]
    assert (
        pacer(*p, "undo").out
        == f"undid: the edit of note 1 ({post}, 2026-03-05); its text is as before\n"
    )
    assert notes() == [(1, "a first thought")]
    run = pacer(*p, "note", "rm", "1")
    assert run.out == f"removed note 1 ({post}, 2026-03-05) ('pacer undo' brings it back)\n"
    assert notes() == []
    assert (
        pacer(*p, "undo").out == f"undid: the removal of note 1 ({post}, 2026-03-05); it is back\n"
    )
    assert notes() == [(1, "a first thought")]
    assert pacer(*p, "undo").out == f"undid: removed note 1 ({post}, 2026-03-05)\n"
    assert notes() == []


def test_undo_in_chinese_says_what_it_undid(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    assert pacer(*p, "log", "30", ids["habit"], "--date", "2026-03-05").code == 0
    assert pacer(*p, "log", "rm", "1", lang="zh").out == (
        f"已删除记录 1：2026-03-05 {ids['habit']} 30 分钟（'pacer undo' 可恢复）\n"
    )
    assert pacer(*p, "undo", lang="zh").out == (
        f"已撤销：记录 1 的删除；2026-03-05 {ids['habit']} 30 分钟 已恢复\n"
    )


ENTRY = {
    "id": "int",
    "date": "str",
    "target": "str",
    "kind": "str",
    "minutes": "int",
    "done": "bool",
    "note": "str",
    "logged_at": "str",
    "title": "str",
}


def test_log_list_json_exactly(pacer: Pacer, plan: Plan) -> None:
    from tests.cli.test_json import conforms

    p, ids = plan
    assert pacer(*p, "log", "30", ids["habit"], "--date", "2026-03-05", "-m", "Bach").code == 0
    assert pacer(*p, "log", "20", ids["unit"], "--date", "2026-03-04").code == 0
    assert pacer(*p, "done", ids["unit"], "--date", "2026-03-06").code == 0
    shown = pacer(*p, "log", "list", "--json").json()
    conforms(shown, {"from": "str", "to": "str", "target": ("str", "null"), "entries": [ENTRY]})
    stamp = "2026-03-09T04:00:00+00:00"
    titles = {e["target"]: e["title"] for e in shown["entries"]}
    assert shown == {
        "from": "2026-02-10",
        "to": "2026-03-09",
        "target": None,
        "entries": [
            {
                "id": 2,
                "date": "2026-03-04",
                "target": ids["unit"],
                "kind": "unit",
                "minutes": 20,
                "done": False,
                "note": "",
                "logged_at": stamp,
                "title": titles[ids["unit"]],
            },
            {
                "id": 1,
                "date": "2026-03-05",
                "target": ids["habit"],
                "kind": "habit",
                "minutes": 30,
                "done": False,
                "note": "Bach",
                "logged_at": stamp,
                "title": titles[ids["habit"]],
            },
            {
                "id": 3,
                "date": "2026-03-06",
                "target": ids["unit"],
                "kind": "unit",
                "minutes": 0,
                "done": True,
                "note": "",
                "logged_at": stamp,
                "title": titles[ids["unit"]],
            },
        ],
    }
    assert titles[ids["unit"]] != ids["unit"]  # the plan's title
    only = pacer(*p, "log", "list", "--to", "2026-03-05", "--target", ids["unit"], "--json")
    assert [(e["id"], e["date"]) for e in only.json()["entries"]] == [(2, "2026-03-04")]
    assert only.json()["from"] == "2026-02-06"
    assert only.json()["target"] == ids["unit"]
    # The same JSON in every language but for the titles (the plan's own words).
    assert pacer(*p, "log", "list", "--json", lang="zh").json() == shown
    bad = pacer(*p, "log", "list", "--from", "2026-03-09", "--to", "2026-03-01")
    assert bad.code == 1 and "--from 2026-03-09 is after --to 2026-03-01" in bad.err
