"""Entries that are plainly mistakes are refused in one line, and nothing is written: a day
that has not come, a day outside the plan, a unit already done, a metric value outside its
range. The real `pacer` on both plans; the database is read after each refusal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from pacer.store.db import open_store
from tests.helpers import Run

Pacer = Callable[..., Run]
TODAY = "2026-03-09"  # the `pacer` fixture's clock


@pytest.fixture(params=["builtin", "berlin"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    return () if request.param == "builtin" else ("--plan", str(other_plan))


def rows(home: Path, table: str) -> list[tuple[Any, ...]]:
    """Every row of a table of the person's database (none when there is no database)."""
    path = home / "pacer.db"
    if not path.exists():
        return []
    store = open_store(path)
    try:
        return list(store.conn.execute(f"SELECT * FROM {table}").fetchall())
    finally:
        store.close()


def ids_of(pacer: Pacer, plan: tuple[str, ...]) -> tuple[str, str]:
    """A habit track and a unit of today in the plan, read from `pacer today --json`."""
    day = pacer("today", "--json", *plan)
    assert day.code == 0, day.err
    shown = day.json()
    habit = next(b["track"] for b in shown["blocks"] if b["type"] == "habit")
    unit = next(i["unit"] for b in shown["blocks"] for i in b["items"])
    return habit, unit


def refused(run: Run, code: int = 2) -> str:
    """The one line of a refusal (the built-in plan's first-steps notice aside)."""
    assert run.code == code, (run.code, run.out, run.err)
    lines = [ln for ln in run.err.splitlines() if "built-in" not in ln and "内置" not in ln]
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    return lines[0]


@pytest.mark.parametrize(
    ("date", "hint"),
    [
        ("tomorrow", "--date yesterday"),
        ("2026-03-10", "--date yesterday"),
        ("2026-09-03", "did you mean --date 2026-03-09?"),  # day and month swapped
        ("2027-03-05", "did you mean --date 2026-03-05?"),  # a slip of the year
        ("2026-04-07", "did you mean --date 2026-03-07?"),  # a slip of the month
    ],
)
def test_log_on_a_day_after_today_is_refused_with_the_day_meant(
    pacer: Pacer, home: Path, plan_args: tuple[str, ...], date: str, hint: str
) -> None:
    habit, unit = ids_of(pacer, plan_args)
    for args in (("log", "30", habit), ("done", unit)):
        line = refused(pacer(*args, "--date", date, *plan_args))
        assert f"is after today ({TODAY})" in line, line
        assert hint in line, line
    assert rows(home, "log") == []


def test_a_day_after_today_in_chinese(pacer: Pacer, home: Path, plan_args: tuple[str, ...]) -> None:
    habit, _ = ids_of(pacer, plan_args)
    line = refused(pacer("log", "30", habit, "--date", "明天", *plan_args, lang="zh"))
    assert line == (
        "pacer: 2026-03-10 在今天（2026-03-09）之后，还不能记录；要记昨天请用 --date 昨天"
    )
    assert rows(home, "log") == []


def test_log_on_a_day_outside_the_plan_is_refused_with_the_span(
    pacer: Pacer, home: Path, plan_args: tuple[str, ...]
) -> None:
    habit, unit = ids_of(pacer, plan_args)
    plan = load_plan_file(Path(plan_args[1]) if plan_args else builtin_plan_path())
    start, end = plan.start.isoformat(), plan.end.isoformat()
    for args in (("log", "30", habit), ("done", unit)):
        line = refused(pacer(*args, "--date", "2026-01-20", *plan_args))
        assert line == (
            f"pacer: 2026-01-20 is outside the plan ({start} to {end}); log only days of the plan"
        )
    assert rows(home, "log") == []
    # The first day of the plan is fine.
    ok = pacer("log", "30", habit, "--date", start, *plan_args)
    assert ok.code == 0, ok.err
    assert len(rows(home, "log")) == 1


def test_done_on_a_unit_already_done_says_so_and_writes_nothing(
    pacer: Pacer, home: Path, plan_args: tuple[str, ...]
) -> None:
    _, unit = ids_of(pacer, plan_args)
    first = pacer("done", unit, "--minutes", "40", "--date", "yesterday", *plan_args)
    assert first.code == 0, first.err
    before = rows(home, "log")
    assert len(before) == 1
    again = pacer("done", unit, "--minutes", "20", *plan_args)
    line = refused(again, code=3)
    assert line == f"pacer: {unit} is already done (marked on 2026-03-08); nothing written"
    assert rows(home, "log") == before
    # Minutes of it are still welcome: going over a finished unit is work too.
    more = pacer("log", "20", unit, *plan_args)
    assert more.code == 0, more.err
    zh = refused(pacer("done", unit, *plan_args, lang="zh"), code=3)
    assert zh == f"pacer: {unit} 已在 2026-03-08 标记完成；没有写入"
    assert len(rows(home, "log")) == 2


def test_undo_of_a_done_lets_it_be_marked_again(
    pacer: Pacer, home: Path, plan_args: tuple[str, ...]
) -> None:
    _, unit = ids_of(pacer, plan_args)
    assert pacer("done", unit, *plan_args).code == 0
    assert pacer("undo", *plan_args).code == 0
    again = pacer("done", unit, *plan_args)
    assert again.code == 0, again.err
    assert len(rows(home, "log")) == 1


METRIC_OF = {"builtin": "listening", "berlin": "mock-score"}


@pytest.mark.parametrize("which", ["builtin", "berlin"])
@pytest.mark.parametrize("value", ["120", "-5", "100.5%"])
def test_a_percent_metric_outside_0_to_100_is_refused(
    pacer: Pacer, home: Path, other_plan: Path, which: str, value: str
) -> None:
    plan = () if which == "builtin" else ("--plan", str(other_plan))
    metric = METRIC_OF[which]
    line = refused(pacer("metric", "add", metric, value, *plan))
    shown = value.rstrip("%")
    assert line == f"pacer: {shown}% is outside the range of {metric}: 0% to 100%", line
    assert rows(home, "metric_values") == []
    for edge in ("0", "100%"):
        ok = pacer("metric", "add", metric, edge, *plan)
        assert ok.code == 0, ok.err
    assert len(rows(home, "metric_values")) == 2


def test_a_metric_with_a_declared_range(
    pacer: Pacer, home: Path, other_plan: Path, write_plan: Callable[[str, str], Path]
) -> None:
    text = other_plan.read_text(encoding="utf-8").replace(
        "review:\n",
        "  - id: resting-pulse\n    title: Resting pulse\n    unit: bpm\n    min: 30\n"
        "    max: 120\n    higher_is_better: false\nreview:\n",
        1,
    )
    plan = write_plan(text, "plan-pulse.yaml")
    check = pacer("plan", "check", str(plan))
    assert check.code == 0, check.err
    line = refused(pacer("metric", "add", "resting-pulse", "130", "--plan", str(plan)))
    assert line == ("pacer: 130 bpm is outside the range of resting-pulse: 30 bpm to 120 bpm")
    zh = refused(pacer("metric", "add", "resting-pulse", "12.5", "--plan", str(plan), lang="zh"))
    assert zh == "pacer: 12.5 bpm 超出 resting-pulse 的范围：30 bpm 到 120 bpm"
    assert rows(home, "metric_values") == []
    assert pacer("metric", "add", "resting-pulse", "58", "--plan", str(plan)).code == 0
    assert len(rows(home, "metric_values")) == 1


def test_a_metric_value_on_a_day_after_today_is_refused(
    pacer: Pacer, home: Path, other_plan: Path
) -> None:
    line = refused(
        pacer("metric", "add", "mock-score", "55", "--date", "tomorrow", "--plan", str(other_plan))
    )
    assert "2026-03-10 is after today (2026-03-09)" in line
    assert rows(home, "metric_values") == []


def test_done_on_a_unit_its_minutes_finished_says_so_and_writes_nothing(
    pacer: Pacer, home: Path, plan_args: tuple[str, ...]
) -> None:
    # Logged up to its estimate, a unit is finished as status counts it; `done` wrote a row.
    plan = load_plan_file(Path(plan_args[1]) if plan_args else builtin_plan_path())
    unit = plan.units()[0]
    logged = pacer("log", str(unit.minutes), unit.id, "--date", "yesterday", *plan_args)
    assert logged.code == 0, logged.err
    before = rows(home, "log")
    line = refused(pacer("done", unit.id, *plan_args), code=3)
    assert line == (
        f"pacer: {unit.id} is already finished: its logged minutes reached its estimate on"
        " 2026-03-08; nothing written"
    )
    assert rows(home, "log") == before
