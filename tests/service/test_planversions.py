"""Plan versions through a Session: recorded when the plan changes, cut into pieces by day,
and a period's plan changes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pacer import clock
from pacer.plan.builtin import builtin_plan_path
from pacer.service.planversions import changes_between, plans_in_force, record_plan
from pacer.service.session import Session
from tests.cli.test_plan_versions import doubled_templates
from tests.conftest import OTHER_PLAN

PLANS = {"builtin": builtin_plan_path(), "berlin": OTHER_PLAN}


@pytest.fixture
def here(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACER_HOME", str(home))
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")
    return home


def at(moment: str) -> None:
    clock.set_now(datetime.fromisoformat(moment))


@pytest.mark.parametrize("name", sorted(PLANS))
def test_days_go_by_the_plan_in_force_then(here: Path, tmp_path: Path, name: str) -> None:
    first = tmp_path / "first.yaml"
    first.write_bytes(PLANS[name].read_bytes())
    second = tmp_path / "second.yaml"
    second.write_text(doubled_templates(first.read_text("utf-8")), "utf-8")
    at("2026-03-09T12:00:00+08:00")
    with Session(first) as s:
        _ = s.store  # opening the store records the plan in force
        assert plans_in_force(s, date(2026, 3, 1), date(2026, 3, 20)) == [
            (s, date(2026, 3, 1), date(2026, 3, 20))
        ]
    at("2026-04-06T12:00:00+08:00")
    with Session(second) as s:
        recorded = record_plan(s, "longer evenings")
        assert recorded is not None and recorded[0].number == 2 and recorded[1]
        pieces = plans_in_force(s, date(2026, 3, 30), date(2026, 4, 8))
        assert [(a, b) for _, a, b in pieces] == [
            (date(2026, 3, 30), date(2026, 4, 5)),
            (date(2026, 4, 6), date(2026, 4, 8)),
        ]
        assert pieces[1][0] is s
        old = pieces[0][0]
        assert old is not s and old.plan != s.plan and old.plan.id == s.plan.id
        week = changes_between(s, date(2026, 4, 6), date(2026, 4, 12))
        assert [(e.version.number, e.version.reason) for e in week] == [(2, "longer evenings")]
        assert changes_between(s, date(2026, 4, 13), date(2026, 4, 19)) == []
