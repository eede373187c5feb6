"""Whole-process time of `pacer log` and `pacer today` beside `python -c pass`, as ratios
from one run.

Usage: .venv/bin/python bench/startup.py [--runs N]

The database holds a year of history of the built-in plan (a daily habit and the units as
the plan poured them, at about 85 %), loaded with one `pacer import json` of a generated
export; "today" is 2026-12-15. Each run, alternating, times:
- `python -c pass` (the floor);
- `pacer log 5 english` (a write: the log goal, ≤ 5×);
- `pacer today` right after that write (nothing cached holds: the goal ≤ 4×);
- `pacer today` again (nothing changed since the last run: the goal ≤ 3×).
All run from the same environment, with compiled bytecode and a warm plan cache; each figure
is the ratio of the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

NOW = "2026-12-15T20:00:00+08:00"
TODAY = date(2026, 12, 15)
GOALS = {"log": 5.0, "today": 4.0, "today again": 3.0}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def year_of_log() -> list[dict[str, object]]:
    """The log rows of a year of the built-in plan: the English habit every day and each
    unit piece the plan poured, at 85 % of its minutes (the engine, in this process)."""
    from pacer.calendar.days import Calendar
    from pacer.calendar.source import load_holiday_table
    from pacer.plan.builtin import builtin_plan_path
    from pacer.plan.loader import load_plan_file
    from pacer.schedule.progress import progress_of
    from pacer.schedule.projection import project
    from pacer.schedule.stream import build_stream

    plan = load_plan_file(builtin_plan_path())
    table = load_holiday_table("CN", range(plan.start.year, plan.end.year + 1))
    calendar = Calendar(plan, table, (), "en")
    planned = project(
        plan, calendar, build_stream(plan, calendar), progress_of(plan, ()), plan.start
    )
    rows: list[dict[str, object]] = []

    def add(day: date, kind: str, target: str, minutes: int) -> None:
        # 20:00 in Shanghai, the plan's zone: the same local date.
        at = f"{day}T12:00:00+00:00"
        rows.append(
            {
                "id": len(rows) + 1,
                "local_date": day.isoformat(),
                "logged_at": at,
                "target_kind": kind,
                "target": target,
                "minutes": minutes,
                "done": 0,
                "note": "",
            }
        )

    for day in planned.days:
        if day.info.day >= TODAY:
            break
        add(day.info.day, "habit", "english", 30)
        for block in day.blocks:
            for piece in block.items:
                add(day.info.day, "unit", piece.unit, max(1, piece.minutes * 85 // 100))
    return rows


def prepare(pacer: str, env: dict[str, str], folder: Path) -> int:
    """A year of history in env's PACER_HOME, by one import of a generated export."""
    empty = dict(env, PACER_HOME=str(folder / "empty"))
    export = folder / "export.json"
    subprocess.run(
        [pacer, "export", "json", "-o", str(export)], env=empty, check=True, capture_output=True
    )
    document = json.loads(export.read_text(encoding="utf-8"))
    rows = year_of_log()
    document["tables"] = {"log": rows}
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    subprocess.run([pacer, "import", "json", str(export)], env=env, check=True, capture_output=True)
    for _ in range(2):  # the plan cache and bytecode warm
        subprocess.run([pacer, "today"], env=env, check=True, capture_output=True)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    pacer = str(Path(sys.executable).with_name("pacer"))
    names = ("python -c pass", "log", "today", "today again")
    times: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as folder:
        # A real install has its bytecode compiled; this shell may forbid writing it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"PACER_HOME": str(Path(folder) / "home"), "PACER_NOW": NOW})
        entries = prepare(pacer, env, Path(folder))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "log": [pacer, "log", "5", "english"],
            "today": [pacer, "today"],
            "today again": [pacer, "today"],
        }
        for _ in range(args.runs):
            for name in names:
                times[name].append(timed(commands[name], env))
    base = statistics.median(times["python -c pass"])
    print(f"a year of history: {entries} log entries, today {TODAY}; {args.runs} runs each")
    print(f"python -c pass                         median {base * 1000:7.1f} ms")
    labels = {
        "log": "pacer log 5 english",
        "today": "pacer today (after a write)",
        "today again": "pacer today (nothing changed)",
    }
    for name, label in labels.items():
        run = statistics.median(times[name])
        goal = GOALS[name]
        print(
            f"{label:38} median {run * 1000:7.1f} ms"
            f"  ratio {run / base:5.2f}×  (goal ≤ {goal:.0f}×)"
        )


if __name__ == "__main__":
    main()
