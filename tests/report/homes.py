"""Homes for the report tests on both plans: entries written straight into the database
(those the log command refuses today, after today or outside the plan, may be there from
before, or from an import), and the installed `pacer report` run on them."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from pacer import clock
from pacer.plan.model import Plan
from pacer.service import Session
from pacer.store.log import add_entry
from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, pacer_env

PLANS = {"builtin": None, "berlin": OTHER_PLAN}
ZONES = {"builtin": "Asia/Shanghai", "berlin": "Europe/Berlin"}
TOTALS = re.compile(r"logged on (\d+) of (\d+) days?;")
TOTALS_ZH = re.compile(r"(\d+) 天中有 (\d+) 天有记录")


def habit_track(plan: Plan) -> str:
    """The first daily habit's track of a plan (whichever plan it is)."""
    return next(
        b.track for tpl in plan.day_templates for b in tpl.blocks if b.type == "habit" and b.track
    )


def _write(
    home: Path, which: str, rows: list[tuple[date, str, int]], plan_path: Path | None = None
) -> Plan:
    """Entries (day, kind, minutes) for the plan's first habit track or first unit."""
    clock.set_now(datetime(2026, 3, 9, 4, 0, tzinfo=UTC))
    with Session(plan_path or PLANS[which], home / "pacer.db") as s:
        plan = s.plan
        for day, kind, minutes in rows:
            target = habit_track(plan) if kind == "habit" else plan.units()[0].id
            add_entry(
                s.store, day, "habit" if kind == "habit" else "unit", target, minutes, "", False
            )
    clock.set_now(None)
    return plan


def seed_trip_and_metric(home: Path, which: str, start: date, end: date, value: float) -> Plan:
    """A trip from `start` to `end` and a value of the plan's first metric on `start` − 2."""
    from datetime import timedelta

    from pacer.store.metrics import add_value
    from pacer.store.trips import add_trip

    clock.set_now(datetime(2026, 3, 9, 4, 0, tzinfo=UTC))
    with Session(PLANS[which], home / "pacer.db") as s:
        plan = s.plan
        add_trip(s.store, start, end, "Hamburg")
        add_value(s.store, plan.metrics[0].id, start - timedelta(days=2), value, "")
    clock.set_now(None)
    return plan


def seed(home: Path, which: str, days: list[date], minutes: int = 30) -> Plan:
    """A habit entry of `minutes` on each of `days`."""
    return _write(home, which, [(d, "habit", minutes) for d in days])


def seed_plan(home: Path, plan: Path, days: list[date], minutes: int = 30) -> Plan:
    """A habit entry of `minutes` on each of `days`, on a plan file of the test's own."""
    return _write(home, "", [(d, "habit", minutes) for d in days], plan)


def seed_units(home: Path, which: str, day: date, minutes: int) -> Plan:
    """`minutes` of the plan's first unit on `day`."""
    return _write(home, which, [(day, "unit", minutes)])


def report(
    home: Path, which: str, now: str, *args: str, lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    """`pacer report ARGS` on the plan, its clock at `now`, in its own zone."""
    env = pacer_env(home, now)
    env["PACER_TZ"] = ZONES[which]
    if lang == "zh":
        env["LANG"] = "zh_CN.UTF-8"
    plan = ["--plan", str(PLANS[which])] if PLANS[which] else []
    run = subprocess.run(
        [str(PACER), *plan, "--db", str(home / "pacer.db"), "report", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run


def totals(text: str) -> tuple[int, int]:
    """The counted days of a report's text: (logged, of)."""
    found = TOTALS.findall(text)
    assert len(found) == 1, text
    return int(found[0][0]), int(found[0][1])
