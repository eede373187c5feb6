"""The re-flow engine's speed, as ratios to its goals, measured in one run.

Usage: .venv/bin/python bench/projection.py

- the built-in plan with a year of logs: progress from the log + projection (goal ≤ 5 ms);
- a generated ten-year plan (3,000 units, 20,000 log entries, 30 trips) (goal ≤ 150 ms);
- the scaling over 1, 2, 5 and 10 years: time ÷ (days × active units), relative to one
  year (linear growth prints about 1.0 for each).
Each figure is the median of several runs in this process.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genplan import generated_log, generated_plan, generated_trips

from pacer.calendar.days import Calendar, HolidayTable
from pacer.calendar.source import load_holiday_table
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import project
from pacer.schedule.stream import build_stream


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def builtin_year() -> None:
    plan = load_plan_file(builtin_plan_path())
    table = load_holiday_table("CN", range(2026, 2028))
    calendar = Calendar(plan, table, (), "en")
    stream = build_stream(plan, calendar)
    # A year of logs as the plan poured them, at about 85 % of each piece.
    planned = project(plan, calendar, stream, progress_of(plan, ()), plan.start)
    today = date(2026, 12, 15)
    entries: list[LogEntry] = []
    for day in planned.days:
        if day.info.day >= today:
            break
        entries.append(LogEntry(len(entries) + 1, day.info.day, "", "habit", "english", 30))
        for bp in day.blocks:
            for p in bp.items:
                minutes = max(1, p.minutes * 85 // 100)
                entries.append(
                    LogEntry(len(entries) + 1, day.info.day, "", "unit", p.unit, minutes)
                )

    def run() -> object:
        state = progress_of(plan, entries, before=today)
        return project(plan, calendar, stream, state, today)

    ms = median_ms(run, 50)
    left = run()
    print(
        f"built-in plan, a year of logs ({len(entries)} entries, projection from {today}):"
        f" {ms:6.2f} ms  goal ≤ 5 ms  ratio {ms / 5:.2f}"
    )
    del left


def generated(years: int, logs: int, trips: int, runs: int) -> tuple[float, float, int, int]:
    plan = generated_plan(years)
    table = HolidayTable(None)
    stream_start = time.perf_counter()
    stream = build_stream(plan, Calendar(plan, table, (), "en"))
    stream_ms = (time.perf_counter() - stream_start) * 1000
    today = plan.start + timedelta(days=min(730, (plan.end - plan.start).days // 5))
    as_planned = project(
        plan,
        Calendar(plan, table, (), "en"),
        stream,
        progress_of(plan, ()),
        plan.start,
        until=today,
        keep_days=True,
    )
    pieces = [
        (d.info.day, p.unit, p.minutes) for d in as_planned.days for b in d.blocks for p in b.items
    ]
    entries = generated_log(plan, logs, today, pieces)
    calendar = Calendar(plan, table, generated_trips(plan, trips), "en")

    def run() -> object:
        state = progress_of(plan, entries, before=today)
        return project(plan, calendar, stream, state, today, keep_days=False)

    ms = median_ms(run, runs)
    days = (plan.end - today).days
    # Active units: those whose curriculum's window holds the day, on average over the days.
    active = sum(
        len(c.units)
        for k in range(days)
        for c in plan.curricula
        if c.start.first_day() <= today + timedelta(days=k) <= c.end.last_day()
    ) / max(1, days)
    return ms, stream_ms, days, round(active)


def main() -> None:
    builtin_year()
    ms, stream_ms, days, _ = generated(10, 20_000, 30, 5)
    print(
        f"ten-year plan (3,000 units, 20,000 log entries, 30 trips, {days} days ahead):"
        f" {ms:6.1f} ms  goal ≤ 150 ms  ratio {ms / 150:.2f}"
        f"   (its stream, built once per plan file and cached: {stream_ms:.0f} ms)"
    )
    base: float | None = None
    print("scaling: years  days  active units    ms   ms / (days × active units), 1 year = 1")
    for years in (1, 2, 5, 10):
        ms, _, days, active = generated(years, 2_000 * years, 3 * years, 5)
        per = ms / (days * active)
        base = base or per
        print(f"         {years:>5} {days:>5} {active:>13} {ms:6.1f}   {per / base:5.2f}")


if __name__ == "__main__":
    main()
