"""Milestone states that every screen agrees on (issue 11, item 9), end to end.

Work finished before the due date with its acceptance unchecked is "done, acceptance open"
after the due date too (it read "missed"); every criterion checked with units still open is
"met", with a note of what is open. Status, milestone list and show, plan timeline and the
reports say the same, on the built-in plan and on the Berlin fixture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers import Run

Pacer = Callable[..., Run]


@dataclass(frozen=True)
class Case:
    plan: str  # "builtin" or "berlin"
    milestone: str
    due: str
    units: tuple[str, ...]  # every unit it needs (the built-in plan names curricula: few)
    criteria: tuple[str, ...]
    finished_on: str  # before the due date
    looked_at: str  # after the due date


CASES = {
    "builtin": Case(
        "builtin",
        "blog-1",
        "2026-03-31",
        ("blog1-outline", "blog1-draft", "blog1-polish"),
        ("published",),
        "2026-03-20",
        "2026-04-10",
    ),
    "berlin": Case(
        "berlin",
        "exam",
        "2026-05-20",
        ("abx-dosing", "sedation"),
        ("mock",),
        "2026-05-12",
        "2026-05-25",
    ),
}


@pytest.fixture(params=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param]


def plan_args(case: Case, other_plan: Path) -> tuple[str, ...]:
    return () if case.plan == "builtin" else ("--plan", str(other_plan))


def at(day: str) -> dict[str, str]:
    return {"PACER_NOW": f"{day}T21:00:00+08:00"}


def state_of(pacer: Pacer, plan: tuple[str, ...], case: Case, day: str) -> dict[str, object]:
    run = pacer("status", "--json", "--date", day, *plan, env=at(day))
    assert run.code == 0, run.err
    found: dict[str, object] = next(
        m for m in run.json()["milestones"] if m["id"] == case.milestone
    )
    return found


def row_of(text: str, milestone: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip().startswith(milestone + " "))


def test_work_done_in_time_with_acceptance_open_is_not_missed_after_the_due_date(
    pacer: Pacer, other_plan: Path, case: Case
) -> None:
    plan = plan_args(case, other_plan)
    last = date.fromisoformat(case.finished_on)
    for back, uid in enumerate(reversed(case.units)):  # a unit a day, the last one on finished_on
        on = (last - timedelta(days=back)).isoformat()
        run = pacer("log", "12h", uid, "--date", on, *plan, env=at(case.looked_at))
        assert run.code == 0, run.err
    day = case.looked_at
    shown = state_of(pacer, plan, case, day)
    assert shown["status"] == "done", shown  # it read "missed"
    assert shown["open_units"] == []
    assert shown["projected"] == case.finished_on and shown["due"] == case.due
    # Every screen says the same: "done, acceptance open", never "missed".
    screens = {
        "status": pacer("status", "--date", day, *plan, env=at(day)),
        "milestone list": pacer("milestone", "list", "--date", day, *plan, env=at(day)),
        "plan timeline": pacer("plan", "timeline", "--date", day, *plan, env=at(day)),
    }
    for name, run in screens.items():
        assert run.code == 0, (name, run.err)
        assert "done, acceptance open" in run.out, name
    for name in ("status", "milestone list"):
        assert "missed" not in row_of(screens[name].out, case.milestone), name
    show = pacer("milestone", "show", case.milestone, "--date", day, *plan, env=at(day))
    assert f"· done, acceptance open (at the end of {day})" in show.out, show.out
    listed = pacer("milestone", "list", "--json", "--date", day, *plan, env=at(day)).json()
    assert next(m for m in listed["milestones"] if m["id"] == case.milestone) == shown
    report = pacer("report", "month", "--format", "md", "--date", day, *plan, env=at(day))
    assert report.code == 0, report.err
    title_row = next(line for line in report.out.splitlines() if "done, acceptance open" in line)
    assert case.due in title_row
    zh = pacer("status", "--date", day, *plan, lang="zh", env=at(day))
    assert "已完成，待验收" in zh.out
    # The same on the day the work was finished, before the due date.
    assert state_of(pacer, plan, case, case.finished_on)["status"] == "done"


def test_every_criterion_checked_with_units_open_is_met_and_says_what_is_open(
    pacer: Pacer, other_plan: Path, case: Case
) -> None:
    plan = plan_args(case, other_plan)
    day = case.finished_on
    for criterion in case.criteria:
        run = pacer(
            "milestone", "check", case.milestone, criterion, "--evidence", "x", *plan, env=at(day)
        )
        assert run.code == 0, run.err
    shown = state_of(pacer, plan, case, day)
    assert shown["status"] == "met"
    label = f"met, open units: {len(case.units)}"
    run = pacer("status", "--date", day, *plan, env=at(day))
    assert label in row_of(run.out, case.milestone), run.out  # it read plain "met"
    assert shown["open_units"] == list(case.units), shown
    for args in (("status",), ("milestone", "list"), ("plan", "timeline")):
        run = pacer(*args, "--date", day, *plan, env=at(day))
        assert run.code == 0, run.err
        assert label in run.out, args
    show = pacer("milestone", "show", case.milestone, "--date", day, *plan, env=at(day))
    assert "met by its acceptance; units still open: " + ", ".join(case.units) in show.out
    zh = pacer("milestone", "list", "--date", day, *plan, lang="zh", env=at(day))
    assert f"已达成，未完成单元：{len(case.units)}" in zh.out
    report = pacer("report", "month", "--format", "md", "--date", day, *plan, env=at(day))
    assert re.search(rf"\| [^|]* \| {case.due} \|[^\n]*{re.escape(label)}", report.out), report.out
