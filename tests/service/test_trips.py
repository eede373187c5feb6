"""A trip's effect on the milestones: judged as `status` judges, and bounded by what its own
blocks lost (issue 11, items 5 and 6), through the real `pacer` command and scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import pacer_env

ROOT = Path(__file__).resolve().parents[2]


def pacer(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pacer", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.parametrize("plan", [None, OTHER_PLAN], ids=["builtin", "berlin"])
def test_a_trip_ahead_moves_only_what_status_finishes_after_it_begins(
    tmp_path: Path, plan: Path | None
) -> None:
    env = pacer_env(tmp_path, "2026-03-20T20:00:00+08:00")
    if plan is None:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "demo.py"), "2026-03-19"],
            env=env,
            check=True,
            capture_output=True,
        )
    extra = [] if plan is None else ["--plan", str(plan)]
    pacer(env, "trip", "add", "2026-07-06", "2026-07-19", *extra)
    shown = json.loads(pacer(env, "today", "--date", "2026-07-08", "--json", *extra).stdout)
    status = json.loads(pacer(env, "status", "--json", *extra).stdout)
    projected = {m["id"]: m["projected"] for m in status["milestones"]}
    moved = [(e["milestone"], e["days"]) for e in shown["trip_effect"]]
    # A milestone that status finishes before the trip begins is not moved by it.
    early = [m for m, d in projected.items() if d is not None and d < "2026-07-06"]
    assert early, projected
    assert not [m for m, _ in moved if m in early], (moved, projected)
    # One function says it everywhere: the same moves, in the same order (by size).
    assert [(e["milestone"], e["days"]) for e in status["trips"][0]["moves"]] == moved
    assert [abs(n) for _, n in moved] == sorted((abs(n) for _, n in moved), reverse=True)


@pytest.mark.parametrize(
    ("history", "today", "first", "last", "watched"),
    [
        ("2026-04-09", "2026-04-10", "2026-04-13", "2026-04-22", ("blog-2", "blog-3")),
        ("2026-05-09", "2026-05-10", "2026-05-11", "2026-05-20", ("blog-4",)),
    ],
)
def test_a_ten_day_trip_moves_no_milestone_past_its_recovery_bound(
    tmp_path: Path, history: str, today: str, first: str, last: str, watched: tuple[str, ...]
) -> None:
    # The built-in plan with its demo history: before, a lost Sunday let the carried-over
    # study take the next Sundays too, and the blog posts moved by two to five weeks.
    env = pacer_env(tmp_path, f"{today}T20:00:00+08:00")
    for script, args in (("demo.py", [history]), ("trip_bound.py", [today, first, last])):
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / script), *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:]}
    assert len(rows) > 5, done.stdout
    for row in rows.values():
        assert "OVER" not in row and "placed)" not in row, row
    for mid in watched:
        assert int(rows[mid][3]) <= 7, (mid, rows[mid])
