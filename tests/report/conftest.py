"""A year of generated history in a real database, for the reports."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pacer import clock
from pacer.service import Session, planned_projection
from pacer.store.log import add_entry
from pacer.store.metrics import add_value
from pacer.store.trips import add_trip

END = date(2026, 12, 20)


@pytest.fixture(scope="session")
def _year_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The year of history, written once per test process (it takes seconds); each test
    gets a copy of it."""
    home = tmp_path_factory.mktemp("year") / "home"
    was = clock._fixed
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PACER_HOME", str(home))
        try:
            _write_year()
        finally:
            clock.set_now(was)
    return home


@pytest.fixture
def year_home(_year_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PACER_HOME with two trips and the plan's pieces logged on most days, at ~85 % of the
    planned minutes (faster than estimated), each unit marked done on its planned last day.
    A copy of its own for each test; the clock at 2026-12-20 13:00 UTC."""
    home = tmp_path / "home"
    shutil.copytree(_year_template, home)
    monkeypatch.setenv("PACER_HOME", str(home))
    clock.set_now(datetime(2026, 12, 20, 13, 0, tzinfo=UTC))
    return home


def _write_year() -> None:
    """The year of history into the database of $PACER_HOME."""
    clock.set_now(datetime(2026, 12, 20, 13, 0, tzinfo=UTC))
    rnd = random.Random(2026)
    with Session() as session:
        store = session.store
        add_trip(store, date(2026, 4, 6), date(2026, 4, 19), "深圳")
        add_trip(store, date(2026, 9, 7), date(2026, 9, 15), "上海")
        # The listening metric, self-assessed at each month's end: 35 % rising to 72 %.
        for month, value in enumerate((35, 42, 48, 55, 58, 63, 66, 68, 70, 71, 72), start=2):
            add_value(store, "listening", date(2026, month, 25), float(value), "自测")
        planned = planned_projection(session, until=END)
        for day in planned.days:
            if day.info.day > END or rnd.random() < 0.12:
                continue
            for bp in day.blocks:
                if bp.block.type == "habit" and bp.block.track:
                    add_entry(
                        store, day.info.day, "habit", bp.block.track, bp.block.minutes, "", False
                    )
                for item in bp.items:
                    minutes = max(1, item.minutes * 85 // 100)
                    last = planned.finish.get(item.unit) == day.info.day
                    add_entry(store, day.info.day, "unit", item.unit, minutes, "", last)
