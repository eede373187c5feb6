"""Whole-process time of `pacer today` beside `python -c pass`, as a ratio from one run.

Usage: .venv/bin/python bench/startup.py [--runs N]

Both commands run from the same environment, alternating, with a warm plan cache, compiled
bytecode and a database holding a few weeks of log; the figure is the ratio of the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 4.0


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    pacer = str(Path(sys.executable).with_name("pacer"))
    with tempfile.TemporaryDirectory() as home:
        # A real install has its bytecode compiled; this shell may forbid writing it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"PACER_HOME": home, "PACER_NOW": "2026-03-20T12:00:00+08:00"})
        for day in range(1, 20):  # a few weeks of log, and a warm cache
            subprocess.run(
                [pacer, "log", "30", "english", "--date", f"2026-03-{day:02d}"],
                env=env,
                check=True,
                capture_output=True,
            )
        baseline: list[float] = []
        today: list[float] = []
        for _ in range(args.runs):
            baseline.append(timed([sys.executable, "-c", "pass"], env))
            today.append(timed([pacer, "today"], env))
    base, run = statistics.median(baseline), statistics.median(today)
    print(f"python -c pass   median {base * 1000:7.1f} ms  ({args.runs} runs)")
    print(f"pacer today      median {run * 1000:7.1f} ms  ({args.runs} runs)")
    print(f"ratio            {run / base:7.2f}×  (goal ≤ {GOAL:.0f}×)")


if __name__ == "__main__":
    main()
