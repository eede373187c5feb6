"""The charts' two goals, as ratios from one run: `pacer report month -o DIR` (every chart,
PNG and SVG) as a whole process, and the dashboard's Progress page when its charts are drawn.

Usage: .venv/bin/python bench/charts.py [--runs N] [--requests N]

A temporary PACER_HOME on the built-in plan gets a few months of log (its planned pieces on
most days from the plan's start to PACER_NOW, written through the store as the report tests
do), then:
- `pacer report month -o DIR` runs `--runs` times into a fresh folder each time; the median
  whole-process wall time is the figure (its CPU time, this machine's other work left out,
  beside it);
- `pacer serve` starts on a free 127.0.0.1 port (bench/web_load.py's start-up and client),
  one keep-alive client asks for /progress until its charts are drawn (the cold time), then
  `--requests` more times (warm: p50/p99), and for one chart's SVG; then a second server on
  the same data folder answers its first /progress (charts found in the cache folder).
Goals: report ≤ 2 s; Progress warm p99 ≤ 100 ms. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_load import HOST, Client, free_port, percentile, stop, wait_until_up

NOW = "2026-05-20T21:00:00+08:00"
GOAL_REPORT_S = 2.0
GOAL_P99_MS = 100.0
CHART = re.compile(r"/charts/([\w-]+)\.svg")


def seed(home: Path) -> None:
    """The plan's planned pieces logged on ~88 % of its days up to NOW, at ~85 % of their
    minutes, and a trip (as tests/report/conftest.py's year does, over a few months)."""
    os.environ["PACER_HOME"] = str(home)
    from pacer import clock
    from pacer.service import Session, planned_projection
    from pacer.store.log import add_entry
    from pacer.store.trips import add_trip

    now = datetime.fromisoformat(NOW)
    clock.set_now(now)
    rnd = random.Random(16)
    with Session() as session:
        store = session.store
        add_trip(store, date(2026, 4, 6), date(2026, 4, 12), "Shenzhen")
        planned = planned_projection(session, until=now.date())
        for day in planned.days:
            if day.info.day > now.date() or rnd.random() < 0.12:
                continue
            for bp in day.blocks:
                if bp.block.type == "habit" and bp.block.track:
                    add_entry(
                        store, day.info.day, "habit", bp.block.track, bp.block.minutes, "", False
                    )
                for item in bp.items:
                    last = planned.finish.get(item.unit) == day.info.day
                    add_entry(
                        store, day.info.day, "unit", item.unit, item.minutes * 85 // 100, "", last
                    )


def report_runs(pacer: str, env: dict[str, str], home: Path, runs: int) -> None:
    walls, cpus = [], []
    for i in range(runs):
        out = home / f"report-{i}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [pacer, "report", "month", "-o", str(out)], env=env, check=True, capture_output=True
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        )  # with its forked chart processes
        files = len([p for p in out.iterdir() if p.suffix in (".png", ".svg")])
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"report month -o DIR  {files} chart files  median {wall:5.2f} s wall"
        f" (min {min(walls):.2f}, {runs} runs), CPU {cpu:.2f} s"
    )
    goal("report month", wall, "s", GOAL_REPORT_S)


def timed(client: Client, path: str) -> tuple[float, int, bytes]:
    start = time.perf_counter()
    status, body = client.request("GET", path)
    return time.perf_counter() - start, status, body


def drawn_charts(client: Client) -> tuple[float, list[str]]:
    """Ask for /progress until it shows its charts: (seconds it took, chart names)."""
    start = time.perf_counter()
    while time.perf_counter() - start < 300:
        _, status, body = timed(client, "/progress")
        names = CHART.findall(body.decode("utf-8"))
        if status == 200 and names:
            return time.perf_counter() - start, names
        time.sleep(0.2)
    raise SystemExit("the Progress page never showed its charts")


def serve(pacer: str, env: dict[str, str], home: Path) -> tuple[subprocess.Popen[bytes], Client]:
    port = free_port()
    errors = home / f"serve-{port}.err"
    with errors.open("wb") as err:
        server = subprocess.Popen(
            [pacer, "serve", "--host", HOST, "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    wait_until_up(server, port, errors)
    client = Client(port, 0)
    client.sign_in()
    return server, client


def progress_runs(pacer: str, env: dict[str, str], home: Path, requests: int) -> None:
    server, client = serve(pacer, env, home)
    try:
        cold, names = drawn_charts(client)
        print(f"Progress cold        charts drawn and shown after {cold:5.2f} s")
        pages = [timed(client, "/progress") for _ in range(requests)]
        svgs = [timed(client, f"/charts/{names[0]}.svg") for _ in range(requests)]
        client.close()
    finally:
        stop(server)
    if any(status != 200 for _, status, _ in pages + svgs):
        raise SystemExit("a warm request failed")
    page_ms = [s * 1000 for s, _, _ in pages]
    svg_ms = [s * 1000 for s, _, _ in svgs]
    p99 = percentile(page_ms, 99)
    print(
        f"Progress warm        {requests} requests  p50 {percentile(page_ms, 50):5.1f} ms"
        f"  p99 {p99:5.1f} ms"
    )
    print(
        f"a chart's SVG        {requests} requests  p50 {percentile(svg_ms, 50):5.1f} ms"
        f"  p99 {percentile(svg_ms, 99):5.1f} ms"
    )
    before = svg_files(env)
    server, client = serve(pacer, env, home)  # a restart: the same data folder
    try:
        took, _, body = timed(client, "/progress")
        shown = len(set(CHART.findall(body.decode("utf-8"))))
        client.close()
    finally:
        stop(server)
    drawn = len(svg_files(env) - before)
    print(
        f"restarted server     first /progress {took * 1000:5.1f} ms,"
        f" {shown} charts shown, {drawn} SVG files drawn anew"
    )
    goal("Progress p99", p99, "ms", GOAL_P99_MS)


def svg_files(env: dict[str, str]) -> set[tuple[str, int]]:
    """The SVG files under the cache folder, with their modification times."""
    folder = Path(env["PACER_HOME"]) / "cache"
    return {(str(p), p.stat().st_mtime_ns) for p in folder.rglob("*.svg")}


def goal(label: str, value: float, unit: str, target: float) -> None:
    print(
        f"{label:<14} {value:7.2f} {unit:<3} goal ≤ {target:g} {unit}  ratio {value / target:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="report runs (default 5)")
    parser.add_argument("--requests", type=int, default=200, help="warm requests (default 200)")
    args = parser.parse_args()
    if args.runs < 1 or args.requests < 2:
        parser.error("at least one run and two requests")
    pacer = str(Path(sys.executable).with_name("pacer"))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        seed(home)
        # A real install has its bytecode compiled; this shell may forbid writing it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"PACER_HOME": str(home), "PACER_NOW": NOW})
        subprocess.run([pacer, "today"], env=env, check=True, capture_output=True)  # warm
        load = os.getloadavg()[0]
        print(f"{os.cpu_count()} CPUs, load average {load:.1f} at the start (figures are noisy)")
        report_runs(pacer, env, Path(tmp), args.runs)
        progress_runs(pacer, env, Path(tmp), args.requests)


if __name__ == "__main__":
    main()
