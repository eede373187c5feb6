"""`pacer milestone list|show|check` and the milestone states in `status`, end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, example_plan_text

Pacer = Callable[..., Run]
MILESTONE_KEYS = {
    "id",
    "title",
    "due",
    "original_due",
    "projected",
    "slip_days",
    "status",
    "criteria",
    "open_units",
}
UNIT_KEYS = {"id", "title", "minutes", "logged", "state", "finished", "projected"}
CHECKLIST_KEYS = {"id", "text", "checked", "evidence", "date"}


@pytest.fixture
def example(write_plan: Callable[[str], Path]) -> Path:
    """The documented example plan; its milestone m1 also needs the baseline's calc-1 and the
    optional calc-4, and a second milestone m0 has no criteria."""
    text = example_plan_text().replace("needs: [calc-2]", "needs: [calc-1, calc-2, calc-4]")
    text = text.replace(
        "metrics:\n",
        "  - id: m0\n    title: 无标准\n    due: 2026-04-30\n    needs: [calc-3]\n\nmetrics:\n",
    )
    assert "id: m0" in text
    return write_plan(text)


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


def test_milestone_list_json_is_status_milestones(pacer: Pacer) -> None:
    run = pacer("milestone", "list", "--date", "2026-03-01", "--json")
    assert run.code == 0, run.err
    listed = run.json()
    assert set(listed) == {"date", "milestones"}
    assert listed["date"] == "2026-03-01"
    assert len(listed["milestones"]) == 15
    for m in listed["milestones"]:
        assert set(m) == MILESTONE_KEYS
        assert set(m["criteria"]) == {"checked", "total"}
    status = pacer("status", "--date", "2026-03-01", "--json").json()
    assert listed["milestones"] == status["milestones"]
    by_id = {m["id"]: m for m in listed["milestones"]}
    assert by_id["listening-p1"]["status"] == "missed"  # due February 28, nothing logged
    assert by_id["phase-a"]["criteria"] == {"checked": 0, "total": 4}
    assert by_id["year-end"]["criteria"] == {"checked": 0, "total": 3}


def test_milestone_list_and_show_on_a_small_plan_exactly(pacer: Pacer, example: Path) -> None:
    plan = ("--plan", str(example))
    assert pacer("log", "30", "calc-2", *plan).code == 0
    listed = pacer("milestone", "list", "--json", *plan).json()
    assert listed == {
        "date": "2026-03-09",
        "milestones": [
            {
                "id": "m1",
                "title": "三月验收",
                "due": "2026-03-31",
                "original_due": "2026-03-31",
                "projected": "2026-03-13",
                "slip_days": -18,
                "status": "on_track",
                "criteria": {"checked": 0, "total": 1},
                "open_units": ["calc-2", "calc-4"],
            },
            {
                "id": "m0",
                "title": "无标准",
                "due": "2026-04-30",
                "original_due": "2026-04-30",
                "projected": "2026-03-12",
                "slip_days": -49,
                "status": "on_track",
                "criteria": {"checked": 0, "total": 0},
                "open_units": ["calc-3"],
            },
        ],
    }
    shown = pacer("milestone", "show", "m1", "--json", *plan).json()
    assert shown == {
        "date": "2026-03-09",
        **listed["milestones"][0],
        "units": [
            {
                "id": "calc-1",
                "title": "导数",
                "minutes": 60,
                "logged": 0,
                "state": "covered",
                "finished": None,
                "projected": None,
            },
            {
                "id": "calc-2",
                "title": "积分",
                "minutes": 90,
                "logged": 30,
                "state": "started",
                "finished": None,
                "projected": "2026-03-10",
            },
            {
                "id": "calc-4",
                "title": "选读",
                "minutes": 45,
                "logged": 0,
                "state": "todo",
                "finished": None,
                "projected": "2026-03-13",
            },
        ],
        "checklist": [
            {
                "id": "notes",
                "text": "笔记整理完毕",
                "checked": False,
                "evidence": None,
                "date": None,
            }
        ],
    }
    assert set(shown) == MILESTONE_KEYS | {"date", "units", "checklist"}


def test_done_then_met_then_missed(pacer: Pacer, example: Path) -> None:
    plan = ("--plan", str(example))

    def m1(*args: str) -> dict[str, object]:
        run = pacer("milestone", "show", "m1", "--json", *args, *plan)
        assert run.code == 0, run.err
        shown: dict[str, object] = run.json()
        return shown

    # Defer the optional unit and finish the other: the units are done, the criterion open.
    # (Catch-up offers the defer where m1 is behind: standing after its due date.)
    late = ("--date", "2026-04-01")
    out = pacer("catchup", "m1", *late, *plan).out
    defer = next(line for line in out.splitlines() if "defer the" in line)
    number = defer.strip().split(".")[0]
    assert pacer("catchup", "m1", "--apply", number, *late, *plan).code == 0
    assert pacer("done", "calc-2", *plan).code == 0
    shown = m1()
    assert (shown["status"], shown["criteria"]) == ("done", {"checked": 0, "total": 1})
    assert [(u["id"], u["state"], u["finished"]) for u in shown["units"]] == [  # type: ignore[attr-defined]
        ("calc-1", "covered", None),
        ("calc-2", "done", "2026-03-09"),
        ("calc-4", "deferred", None),
    ]
    text = pacer("milestone", "show", "m1", *plan).out
    assert "done, acceptance open (at the end of 2026-03-09)" in text
    assert "↷ calc-4" in text and "deferred (catch-up choice)" in text
    assert "covered by the baseline" in text and "[ ] notes  笔记整理完毕" in text

    # Past its due date with the criterion open, it is still done in time: acceptance open
    # (issue 11, item 9: it read "missed").
    after_due = m1("--date", "2026-04-01")
    assert (after_due["status"], after_due["open_units"]) == ("done", [])

    checked = pacer(
        "milestone", "check", "m1", "notes", "--evidence", "https://notes.example/m1", *plan
    )
    assert checked.code == 0, checked.err
    assert checked.out == (
        "checked m1/notes on 2026-03-09: 1 of 1 criterion checked\n"
        "m1 is met: every criterion is checked\n"
    )
    shown = m1()
    assert (shown["status"], shown["criteria"]) == ("met", {"checked": 1, "total": 1})
    assert shown["checklist"] == [
        {
            "id": "notes",
            "text": "笔记整理完毕",
            "checked": True,
            "evidence": "https://notes.example/m1",
            "date": "2026-03-09",
        }
    ]
    assert m1("--date", "2026-04-01")["status"] == "met"
    before = m1("--date", "2026-03-08")  # before the check (and calc-2) was done
    assert (before["status"], before["criteria"]) == ("on_track", {"checked": 0, "total": 1})
    status = {m["id"]: m for m in pacer("status", "--json", *plan).json()["milestones"]}
    assert (status["m1"]["status"], status["m1"]["criteria"]) == (
        "met",
        {"checked": 1, "total": 1},
    )
    text = pacer("milestone", "show", "m1", *plan).out
    assert "[x] notes  笔记整理完毕" in text and "2026-03-09 — https://notes.example/m1" in text
    assert "已达成" in pacer("status", *plan, lang="zh").out

    unchecked = pacer("milestone", "check", "m1", "notes", "--uncheck", *plan)
    assert unchecked.code == 0, unchecked.err
    assert unchecked.out == "unchecked m1/notes: 0 of 1 criterion checked\n"
    assert m1()["status"] == "done"
    late_look = pacer("status", "--date", "2026-04-01", *plan, lang="zh").out
    assert "已完成，待验收" in late_look and "未达成" not in late_look


def test_a_milestone_without_criteria_is_met_when_its_units_are_done(
    pacer: Pacer, example: Path
) -> None:
    plan = ("--plan", str(example))
    assert pacer("done", "calc-2", "--date", "2026-03-05", *plan).code == 0
    assert pacer("done", "calc-3", *plan).code == 0
    shown = pacer("milestone", "show", "m0", "--json", *plan).json()
    assert (shown["status"], shown["criteria"], shown["checklist"]) == (
        "met",
        {"checked": 0, "total": 0},
        [],
    )
    text = pacer("milestone", "show", "m0", *plan).out
    assert "no acceptance criteria: met when its units are done" in text


def test_checking_again_replaces_the_evidence(pacer: Pacer) -> None:
    first = pacer(
        "milestone", "check", "phase-a", "mit1801", "--evidence", "笔记", "--date", "2026-03-01"
    )
    assert first.out == "checked phase-a/mit1801 on 2026-03-01: 1 of 4 criteria checked\n"
    again = pacer("milestone", "check", "phase-a", "mit1801", "--evidence", "博客")
    assert again.code == 0, again.err
    assert again.out == (
        "checked phase-a/mit1801 again on 2026-03-09 (evidence replaced): 1 of 4 criteria checked\n"
    )
    checklist = pacer("milestone", "show", "phase-a", "--json").json()["checklist"]
    assert checklist[0] == {
        "id": "mit1801",
        "text": "完成 MIT 18.01 剩余内容（反常积分 / 参数积分 / 初等微分方程）",
        "checked": True,
        "evidence": "博客",
        "date": "2026-03-09",
    }
    assert [c["checked"] for c in checklist] == [True, False, False, False]
    listed = pacer("milestone", "list").out
    phase_a = next(line for line in listed.splitlines() if line.strip().startswith("phase-a"))
    assert "1/4" in phase_a


def test_catchup_picks_a_missed_milestone_until_it_is_met(pacer: Pacer, example: Path) -> None:
    plan = ("--plan", str(example))
    options = pacer("catchup", "--date", "2026-04-02", *plan)
    assert options.code == 0, options.err
    assert options.out.startswith("三月验收 [m1] is projected for")
    assert pacer("milestone", "check", "m1", "notes", "--evidence", "ok", *plan).code == 0
    options = pacer("catchup", "--date", "2026-04-02", *plan)
    assert options.out == "no milestone is late on 2026-04-02\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "phase-x"), "unknown milestone 'phase-x'; did you mean"),
        (("check", "phase-x", "mit1801", "--evidence", "e"), "unknown milestone 'phase-x'"),
        (
            ("check", "phase-a", "mit180", "--evidence", "e"),
            "milestone 'phase-a' has no criterion 'mit180'; did you mean 'mit1806'?",
        ),
        (
            ("check", "phase-a", "zzz", "--evidence", "e"),
            "milestone 'phase-a' has no criterion 'zzz'; its criteria: "
            "mit1801, mit1806, tensorrt, onnxruntime",
        ),
        (
            ("check", "phase-a", "mit1801", "--evidence", "  "),
            "checking a criterion needs evidence",
        ),
        (("check", "phase-a", "mit1801", "--evidence", "a\nb"), "evidence is one line"),
        (
            ("check", "phase-a", "mit1801", "--evidence", "e", "--date", "tomorrow"),
            "2026-03-10 is in the future",
        ),
        (
            ("check", "phase-a", "mit1801", "--uncheck"),
            "criterion 'mit1801' of 'phase-a' is not checked",
        ),
        (("check", "phase-a", "mit1801", "--evidence", "e", "--date", "2026-02-30"), "not a date"),
    ],
)
def test_milestone_errors_are_one_line_and_write_nothing(
    pacer: Pacer, args: tuple[str, ...], message: str
) -> None:
    run = pacer("milestone", *args)
    assert run.code == (2 if "not a date" in message else 1), run.out  # bad input: EX_USAGE
    lines = errors(run)
    assert len(lines) == 1 and message in lines[0], run.err
    assert run.out == ""
    checklist = pacer("milestone", "show", "phase-a", "--json").json()["checklist"]
    assert not any(c["checked"] for c in checklist)


def test_check_needs_evidence_or_uncheck_but_not_both(pacer: Pacer) -> None:
    for extra in ((), ("--evidence", "e", "--uncheck")):
        run = pacer("milestone", "check", "phase-a", "mit1801", *extra)
        assert run.code == 2
        assert len(errors(run)) == 1 and "--evidence" in run.err


def test_a_milestone_without_criteria_has_nothing_to_check(pacer: Pacer, example: Path) -> None:
    run = pacer("milestone", "check", "m0", "x", "--evidence", "e", "--plan", str(example))
    assert run.code == 1
    assert errors(run) == ["pacer: milestone 'm0' has no acceptance criteria to check"]


def test_milestone_list_text_and_the_bare_group(pacer: Pacer) -> None:
    listed = pacer("milestone", "list", "--date", "2026-03-01")
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert lines[0] == "Milestones at the end of 2026-03-01"
    assert lines[2].split() == ["Milestone", "Due", "Projected", "Slip", "Criteria", "Status"]
    first = lines[3]
    assert first.startswith("  listening-p1") and first.endswith("0/1       missed")
    assert pacer("milestone").out == pacer("milestone", "list").out
    zh = pacer("milestone", "list", "--date", "2026-03-01", lang="zh").out
    assert zh.splitlines()[0] == "2026-03-01 的里程碑" and "未达成" in zh


def test_a_moved_due_date_is_shown_beside_the_plans(pacer: Pacer, example: Path) -> None:
    plan = ("--plan", str(example))
    out = pacer("catchup", "m1", "--date", "2026-04-02", *plan).out
    move = next(line for line in out.splitlines() if "move the due date" in line)
    number = move.strip().split(".")[0]
    applied = pacer(
        "catchup", "m1", "--date", "2026-04-02", "--apply", number, "--reason", "出差", *plan
    )
    assert applied.code == 0, applied.err
    shown = pacer("milestone", "show", "m1", "--date", "2026-04-02", "--json", *plan).json()
    assert shown["original_due"] == "2026-03-31" and shown["due"] > "2026-04-02"
    assert shown["status"] in ("on_track", "at_risk")  # no longer missed: the due date moved
    text = pacer("milestone", "show", "m1", *plan).out
    assert f"due {shown['due']} (moved from 2026-03-31)" in text
    listed = pacer("milestone", "list", *plan).out
    assert f"{shown['due']}*" in listed
    assert "* due date moved by a recorded catch-up choice (pacer catchup --list)" in listed
