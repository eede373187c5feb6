"""A Session and its database file: opened once, its locks kept while it is open, and writes
from other processes around it all kept (the fault behind issue 10's lost entries: a second
open in one Session closed a descriptor of the file, which drops every POSIX lock the process
holds, so another process's last close deleted -wal under the live connection)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from pacer import clock, service
from pacer.errors import InputError
from pacer.service import session as session_module
from pacer.store.db import Store
from tests.conftest import OTHER_PLAN
from tests.helpers import ROOT, Run

DAY = date(2026, 3, 9)
# (the --plan arguments, a habit of that plan): the built-in plan and a plan of another life
PLANS = {"builtin": ((), "english"), "berlin": (("--plan", str(OTHER_PLAN)), "piano")}


@pytest.fixture
def here(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process stands where the `pacer` fixture's subprocesses stand."""
    monkeypatch.setenv("PACER_HOME", str(home))
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")
    clock.set_now(datetime.fromisoformat("2026-03-09T12:00:00+08:00"))
    return home / "pacer.db"


def _plan_path(plan: str) -> Path | None:
    args, _ = PLANS[plan]
    return Path(args[1]) if args else None


def _exclusive(db: Path) -> str:
    """What another process gets when it asks for SQLite's exclusive lock on `db`."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.reliability.workers", "exclusive", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return out.stdout.strip()


@pytest.mark.parametrize("plan", list(PLANS))
def test_a_session_opens_the_database_once(
    plan: str, here: Path, pacer: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    args, habit = PLANS[plan]
    assert pacer(*args, "log", "30", habit).code == 0  # something logged: the notice asks
    opened: list[Path] = []
    real = session_module.open_store

    def counting(path: Path, *rest: int) -> Store:
        opened.append(path)
        return real(path, *rest)

    monkeypatch.setattr(session_module, "open_store", counting)
    with service.Session(_plan_path(plan)) as s:
        service.agenda(s, DAY)  # what Today loads
        service.trip_effect(s, DAY, DAY)
        service.week(s, DAY)
    assert opened == [here]


@pytest.mark.parametrize("plan", list(PLANS))
def test_while_a_session_is_open_no_other_process_takes_the_exclusive_lock(
    plan: str, here: Path, pacer: Callable[..., Run]
) -> None:
    args, habit = PLANS[plan]
    assert pacer(*args, "log", "30", habit).code == 0
    with service.Session(_plan_path(plan)) as s:
        service.agenda(s, DAY)
        assert _exclusive(here) == "refused"
    assert _exclusive(here) == "taken"  # and the probe can tell: nobody holds it now


@pytest.mark.parametrize("plan", list(PLANS))
def test_cli_writes_around_an_open_session_and_its_own_write_all_survive(
    plan: str, here: Path, pacer: Callable[..., Run]
) -> None:
    args, habit = PLANS[plan]
    assert pacer(*args, "log", "1", habit, "-m", "first").code == 0
    with service.Session(_plan_path(plan)) as s:
        service.agenda(s, DAY)
        assert pacer(*args, "log", "1", habit, "-m", "second").code == 0
        service.log_minutes(s, 1, habit, "third", DAY)
        assert pacer(*args, "log", "1", habit, "-m", "fourth").code == 0
        assert here.with_name("pacer.db-wal").exists()  # nobody took it from under us
        kept = [e.note for e in service.agenda(s, DAY).logged]
    assert kept == ["first", "second", "third", "fourth"]
    listed = pacer(*args, "today", "--json").json()
    assert [e["note"] for e in listed["logged"]] == ["first", "second", "third", "fourth"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_no_user_file_is_read_by_opening_a_database_this_process_holds(
    suffix: str, here: Path, pacer: Callable[..., Run]
) -> None:
    assert pacer("log", "30", "english").code == 0
    with service.Session() as s:
        service.agenda(s, DAY)  # the connection is open, with its locks
        named = Path(f"{here}{suffix}")
        named.touch(exist_ok=True)
        with pytest.raises(InputError) as refused:
            service.import_trips(s, named)
        assert refused.value.message.key == "input.live_database"
        with pytest.raises(InputError):
            service.import_json(s, named)
        assert _exclusive(here) == "refused"  # the locks are still held


def test_a_calendar_to_import_that_is_a_fifo_is_refused_before_opening(
    home: Path, pacer: Callable[..., Run]
) -> None:
    fifo = home / "calendar.ics"
    os.mkfifo(fifo)
    run = pacer("trip", "import", str(fifo))  # would block forever if it opened the FIFO
    assert run.code == 2
    assert run.err.strip() == (
        f"pacer: trip import {fifo} is a named pipe (FIFO), not a regular file;"
        " give the path of a file"
    )
