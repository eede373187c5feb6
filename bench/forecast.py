"""The forecast's speed, as ratios to its goal, measured in one run.

Usage: .venv/bin/python bench/forecast.py

The built-in plan in a temporary database with a year of history (the plan's pieces logged
at about 85 % of their minutes on about 88 % of the days, two trips), then 2,000 runs of
`pacer forecast` (goal ≤ 1 s on 2 cores):

- standing on 2026-12-15, a year of history behind it;
- standing on the plan's first day, the whole year ahead (the most days and pieces to run);
- the Monte Carlo alone (drawing and running, without reading the log and projecting once).
Each figure is the median of several runs in this process.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

GOAL_S = 1.0
RUNS = 2000
YEAR_END = date(2026, 12, 15)


def median_s(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="pacer-bench-"))
    os.environ["PACER_HOME"] = str(home)
    from pacer import clock
    from pacer.schedule.forecast import milestone_runs
    from pacer.service import Session, forecast_at, planned_projection
    from pacer.service.forecast import prepare
    from pacer.store.log import add_entry
    from pacer.store.trips import add_trip

    clock.set_now(datetime(2026, 12, 15, 13, 0, tzinfo=UTC))
    rnd = random.Random(2026)
    with Session() as session:
        store = session.store
        add_trip(store, date(2026, 4, 6), date(2026, 4, 19), "深圳")
        add_trip(store, date(2026, 9, 7), date(2026, 9, 15), "上海")
        planned = planned_projection(session, until=YEAR_END)
        logged = 0
        for day in planned.days:
            if day.info.day >= YEAR_END or rnd.random() < 0.12:
                continue
            for bp in day.blocks:
                if bp.block.type == "habit" and bp.block.track:
                    add_entry(
                        store, day.info.day, "habit", bp.block.track, bp.block.minutes, "", False
                    )
                    logged += 1
                for item in bp.items:
                    minutes = max(1, item.minutes * 85 // 100)
                    last = planned.finish.get(item.unit) == day.info.day
                    add_entry(store, day.info.day, "unit", item.unit, minutes, "", last)
                    logged += 1
        first = session.plan.start

        forecast_at(session, YEAR_END, RUNS, 1)  # warm: numpy loaded, plan compiled
        for label, day in (
            (f"a year of history ({logged} entries), standing on {YEAR_END}", YEAR_END),
            (f"the whole year ahead, standing on {first}", first),
        ):
            s = median_s(lambda day=day: forecast_at(session, day, RUNS, 1), 5)
            print(f"{RUNS} runs, {label}: {s:6.3f} s  goal ≤ {GOAL_S:g} s  ratio {s / GOAL_S:.2f}")
        work, found, projection = prepare(session, first)
        ahead = (work.horizon, len(work.minutes))
        s = median_s(lambda: milestone_runs(session.plan, work, found, projection, RUNS, 1), 5)
        print(
            f"{RUNS} runs, the Monte Carlo alone ({ahead[0]} days × {ahead[1]} pieces):"
            f" {s:6.3f} s  goal ≤ {GOAL_S:g} s  ratio {s / GOAL_S:.2f}"
        )


if __name__ == "__main__":
    sys.exit(main())
