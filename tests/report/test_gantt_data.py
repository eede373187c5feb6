"""The Gantt chart's data, a pure function of the plan, its two projections, the log, the
milestones and the absences: checked on the built-in plan and on the Berlin plan."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest

from pacer.calendar.days import Calendar, Trip
from pacer.plan.model import Plan
from pacer.report.gantt import GanttData, gantt_data
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Projection, project
from pacer.schedule.status import finished_on, milestone_status
from pacer.workspace import compile_plan, resolve_plan_path
from tests.conftest import OTHER_PLAN

PLANS = {"builtin": None, "berlin": OTHER_PLAN}


def _chart(
    which: str, today_after: int, entries: list[LogEntry], trips: tuple[Trip, ...] = ()
) -> tuple[Plan, GanttData, Projection]:
    path, builtin = resolve_plan_path(PLANS[which])
    compiled = compile_plan(path, builtin)
    plan = compiled.plan
    calendar = Calendar(plan, compiled.holidays, trips, "en")
    today = plan.start + timedelta(days=today_after)
    planned = project(plan, calendar, compiled.stream, progress_of(plan, ()), plan.start)
    state = progress_of(plan, entries, before=today + timedelta(days=1))
    spent = sum(e.minutes for e in entries if e.day == today and e.kind == "unit")
    ahead = project(plan, calendar, compiled.stream, state, today, spent_on_start=spent)
    finished = finished_on(plan, entries, today)
    statuses = milestone_status(plan, ahead, finished, today, {})
    data = gantt_data(plan, planned, ahead, entries, statuses, trips, {"travel": "trip"}, today)
    return plan, data, planned


@pytest.mark.parametrize("which", PLANS)
def test_nothing_logged_on_the_first_day_projects_the_plan_as_written(which: str) -> None:
    plan, data, planned = _chart(which, 0, [])
    assert [r.id for r in data.rows] == [c.id for c in plan.curricula]
    assert [m.id for m in data.milestones] == [m.id for m in plan.milestones]
    assert all(m.due == pm.due for m, pm in zip(data.milestones, plan.milestones, strict=True))
    for row in data.rows:
        assert row.projected == row.planned, row.id
        assert row.slip_days in (None, 0)
        if row.planned is not None:
            assert plan.start <= row.planned[0] <= row.planned[1] <= planned.last
            assert row.window[0] <= row.planned[0], row.id  # never before its window opens
    assert any(r.planned is not None for r in data.rows)
    assert data.first <= plan.start and data.last >= plan.end
    assert data.absences == () and data.today == plan.start


@pytest.mark.parametrize("which", PLANS)
def test_done_work_starts_the_projected_span_and_skipping_days_moves_its_end(
    which: str,
) -> None:
    path, builtin = resolve_plan_path(PLANS[which])
    plan = compile_plan(path, builtin).plan
    unit = plan.curricula[0].units[0]
    done = LogEntry(1, plan.start + timedelta(days=1), "", "unit", unit.id, 20)
    # Nothing else is done for four weeks: what remains is poured from day 28 on.
    _, data, _ = _chart(which, 28, [done])
    row = data.rows[0]
    assert row.projected is not None and row.planned is not None
    assert row.projected[0] == done.day  # the done day, included
    late = [r for r in data.rows if r.slip_days is not None and r.slip_days > 0]
    assert late, "four idle weeks move some curriculum's end later"
    for r in data.rows:
        if r.projected is not None and r.id != row.id:
            assert r.projected[0] >= data.today, r.id  # only the logged row starts earlier


@pytest.mark.parametrize("which", PLANS)
def test_absences_are_kept_titled_and_cut_to_the_chart(which: str) -> None:
    path, builtin = resolve_plan_path(PLANS[which])
    plan = compile_plan(path, builtin).plan
    trips = (
        Trip(1, plan.start + timedelta(days=20), plan.start + timedelta(days=33), "Hamburg"),
        Trip(2, plan.start - timedelta(days=30), plan.start + timedelta(days=2), "", "travel"),
        Trip(3, date(2030, 1, 1), date(2030, 1, 5), "far away"),
    )
    _, data, _ = _chart(which, 5, [], trips)
    assert [(a.start, a.end, a.title) for a in data.absences] == [
        (data.first, trips[1].end, "trip"),
        (trips[0].start, trips[0].end, "trip"),
    ]
    assert data.first <= plan.start


def test_the_data_module_imports_neither_service_nor_matplotlib() -> None:
    source = Path(__file__).resolve().parents[2] / "src" / "pacer" / "report" / "gantt.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    assert not {n for n in names if n.startswith(("pacer.service", "pacer.store", "matplotlib"))}
