""" "Today" and log dates on the person's clock (PACER_TZ; the machine's TZ is a zone a day
away and does not count), next to midnight and across DST changes; an entry keeps the local
date it was logged for when the person's zone changes later.

Every run is a real `pacer` process with PACER_TZ, TZ and PACER_NOW set, as the person would
meet it. (Without PACER_TZ the plan's `timezone` is the clock: tests/cli/test_studyday.py.)
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PACER

# zone -> (instant in UTC, the local date pacer must call today), each a minute from a
# midnight or on a DST change of that zone.
CASES: dict[str, list[tuple[str, str]]] = {
    "UTC": [
        ("2026-03-09T23:59:00Z", "2026-03-09"),
        ("2026-03-10T00:01:00Z", "2026-03-10"),
    ],
    "America/Los_Angeles": [
        ("2026-03-08T07:59:00Z", "2026-03-07"),  # 23:59 PST
        ("2026-03-08T08:01:00Z", "2026-03-08"),  # 00:01 PST, the day clocks spring forward
        ("2026-03-08T10:01:00Z", "2026-03-08"),  # 03:01 PDT, a minute after 01:59 PST
        ("2026-03-09T06:59:00Z", "2026-03-08"),  # 23:59 PDT
        ("2026-03-09T07:01:00Z", "2026-03-09"),  # 00:01 PDT
        ("2026-11-01T08:30:00Z", "2026-11-01"),  # 01:30 PDT, the day clocks fall back
        ("2026-11-01T09:30:00Z", "2026-11-01"),  # 01:30 PST, the same hour again
        ("2026-11-02T07:59:00Z", "2026-11-01"),  # 23:59 PST
    ],
    "Asia/Shanghai": [
        ("2026-03-09T15:59:00Z", "2026-03-09"),
        ("2026-03-09T16:01:00Z", "2026-03-10"),
    ],
    "Pacific/Kiritimati": [  # UTC+14: already tomorrow for most of the world
        ("2026-03-09T09:59:00Z", "2026-03-09"),
        ("2026-03-09T10:01:00Z", "2026-03-10"),
    ],
    "Australia/Lord_Howe": [  # half-hour DST: +11 in summer, +10:30 in winter
        ("2026-04-04T12:59:00Z", "2026-04-04"),  # 23:59 +11
        ("2026-04-04T13:01:00Z", "2026-04-05"),  # 00:01 +11, the day clocks go back 30 min
        ("2026-04-05T13:29:00Z", "2026-04-05"),  # 23:59 +10:30
        ("2026-04-05T13:31:00Z", "2026-04-06"),  # 00:01 +10:30
        ("2026-10-03T13:31:00Z", "2026-10-04"),  # 00:01 +10:30, the day clocks go forward
        ("2026-10-04T12:59:00Z", "2026-10-04"),  # 23:59 +11
    ],
}
# Where the person is later, and where the machine is all along: as far as possible from
# where the entries were logged.
MOVED = {zone: "Pacific/Kiritimati" for zone in CASES} | {
    "Pacific/Kiritimati": "America/Los_Angeles",
    "Australia/Lord_Howe": "America/Los_Angeles",
    "Asia/Shanghai": "America/Los_Angeles",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory for the module, so the compiled plan is cached once."""
    return tmp_path_factory.mktemp("home")


def pacer(home: Path, zone: str, now: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(home), LANG="C.UTF-8", PACER_TZ=zone, TZ=MOVED[zone], PACER_NOW=now)
    return subprocess.run(
        [str(PACER), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("zone", sorted(CASES))
def test_today_and_log_dates_follow_the_persons_zone_and_stay_put(home: Path, zone: str) -> None:
    if not Path("/usr/share/zoneinfo", zone).exists():
        pytest.skip(f"the system has no zone data for {zone}")
    db = home / f"{zone.replace('/', '-')}.db"
    for now, day in CASES[zone]:
        today = pacer(home, zone, now, "--db", str(db), "today", "--json")
        assert today.returncode == 0, today.stderr
        assert json.loads(today.stdout)["date"] == day, (zone, now)
        logged = pacer(home, zone, now, "--db", str(db), "log", "1", "english", "-m", now)
        assert logged.returncode == 0, logged.stderr
        assert logged.stdout == f"logged 1 min for english on {day}\n", (zone, now)

    # The person moves to a zone a day away; what was logged keeps its dates.
    moved, later = MOVED[zone], "2026-12-01T12:00:00Z"
    export = pacer(home, moved, later, "--db", str(db), "export", "json")
    assert export.returncode == 0, export.stderr
    log = json.loads(export.stdout)["tables"]["log"]
    assert [(e["note"], e["local_date"]) for e in log] == [(now, day) for now, day in CASES[zone]]
    for now, day in CASES[zone][:2]:
        shown = pacer(home, moved, later, "--db", str(db), "today", "--date", day, "--json")
        assert shown.returncode == 0, shown.stderr
        notes = [e["note"] for e in json.loads(shown.stdout)["logged"]]
        assert now in notes, (zone, day, notes)
