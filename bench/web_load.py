"""The dashboard under a bounded load on 127.0.0.1, as ratios to its goals, from one run.

Usage: .venv/bin/python bench/web_load.py [--threads N] [--today N] [--log N]

Starts `pacer serve` on a free loopback port with a temporary PACER_HOME holding a few weeks
of log (PACER_NOW fixed), waits until it answers, then sends a fixed number of requests from
this process over keep-alive connections, one per thread: first GET / (the Today page), then
POST /log (minutes to a habit, with the session's cookie, CSRF token and Origin), and stops.
Prints requests per second and p50/p99 latency for each (with the CPU time the server and
this client spent: which side was the limit), and the server's resident memory (VmRSS of it
and its children; the peak VmHWM beside it), then stops the server.
Goals (2 cores): Today ≥ 300 req/s with p99 ≤ 50 ms; RSS ≤ 80 MB. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"  # the only address this script ever talks to
NOW = "2026-03-20T12:00:00+08:00"
DAYS = 20  # logged before the load: 2026-03-01 … 2026-03-20 (PACER_NOW's day)
GOAL_RPS = 300.0
GOAL_P99_MS = 50.0
GOAL_RSS_MB = 80.0
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def proc_kib(pid: int, field: str) -> int:
    """One `field:  N kB` line of /proc/PID/status (0 when the process is gone)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def family(pid: int) -> list[int]:
    """The process and all its descendants, found by their parent ids in /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


class Client:
    """One browser: a keep-alive connection and the session cookie the server gave it."""

    def __init__(self, port: int, index: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.cookie = ""
        self.csrf = ""
        self.posted = index  # where this client starts in the round of days it logs to

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {"Accept-Language": "en"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}:{self.port}"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()  # read it all, so the connection can be reused
        for cookie in response.msg.get_all("set-cookie") or ():
            if cookie.startswith("pacer_session="):
                self.cookie = cookie.split(";", 1)[0]
        return response.status, data

    def sign_in(self) -> None:
        """The first visit: a session cookie and the CSRF token from the Today page."""
        status, data = self.request("GET", "/")
        found = CSRF.search(data.decode("utf-8"))
        if status != 200 or not self.cookie or found is None:
            raise SystemExit(f"GET / gave {status} without a session cookie or a CSRF token")
        self.csrf = found.group(1)

    def today(self) -> bool:
        return self.request("GET", "/")[0] == 200

    def log(self) -> bool:
        # Spread over the logged days: a day refuses more than 24 hours of entries.
        self.posted += 1
        day = f"2026-03-{self.posted % DAYS + 1:02d}"
        form = {"csrf": self.csrf, "date": day, "target": "english", "minutes": "5"}
        return self.request("POST", "/log", urlencode(form))[0] == 303

    def close(self) -> None:
        self.conn.close()


def load(clients: list[Client], total: int, kind: str) -> tuple[float, list[float], int]:
    """`total` requests of one kind shared out over the clients' threads: (seconds, each
    request's latency in seconds, failures)."""
    latencies: list[list[float]] = [[] for _ in clients]
    failures = [0] * len(clients)
    start_line = threading.Barrier(len(clients) + 1)

    def worker(i: int) -> None:
        client = clients[i]
        send = client.today if kind == "today" else client.log
        count = total // len(clients) + (1 if i < total % len(clients) else 0)
        start_line.wait()
        for _ in range(count):
            t = time.perf_counter()
            ok = send()
            latencies[i].append(time.perf_counter() - t)
            failures[i] += not ok

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    start_line.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return elapsed, [x for part in latencies for x in part], sum(failures)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (utime and stime of /proc/PID/stat)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def measured(
    label: str, clients: list[Client], total: int, kind: str, server: int
) -> tuple[float, float]:
    """Runs one phase and prints its line; gives (requests per second, p99 in ms). The CPU
    time each side spent shows which one was the limit (1.00 of a core: one core saturated)."""
    pids = family(server)
    server_cpu, own_cpu = cpu_seconds(pids), time.process_time()
    elapsed, latencies, failures = load(clients, total, kind)
    server_cpu, own_cpu = cpu_seconds(pids) - server_cpu, time.process_time() - own_cpu
    rps = len(latencies) / elapsed
    p50 = percentile(latencies, 50) * 1000
    p99 = percentile(latencies, 99) * 1000
    print(
        f"{label:<14} {len(latencies):>5} requests in {elapsed:5.2f} s  {rps:4.0f} req/s"
        f"  p50 {p50:5.1f} ms  p99 {p99:5.1f} ms  failed {failures}"
    )
    print(
        f"{'':<14} CPU: server {server_cpu / len(latencies) * 1000:4.2f} ms a request"
        f" ({server_cpu / elapsed:.2f} of a core), this client {own_cpu / elapsed:.2f} of a core"
    )
    return rps, p99


def wait_until_up(server: subprocess.Popen[bytes], port: int, errors: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"pacer serve stopped ({server.returncode}):\n{errors.read_text()}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/login")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("pacer serve did not answer within 60 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGINT)  # uvicorn's own graceful stop
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=4, help="connections at once (default 4)")
    parser.add_argument("--today", type=int, default=2000, help="GET / requests (default 2000)")
    parser.add_argument("--log", type=int, default=500, help="POST /log requests (default 500)")
    args = parser.parse_args()
    if args.threads < 1 or args.today < 2 or args.log < 2:
        parser.error("at least one thread, and two requests of each kind")
    pacer = str(Path(sys.executable).with_name("pacer"))
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"PACER_HOME": home, "PACER_NOW": NOW})
        for day in range(1, DAYS + 1):  # a few weeks of log, and a warm plan cache
            for target, minutes in (("english", "30"), ("english", "20")):
                subprocess.run(
                    [pacer, "log", minutes, target, "--date", f"2026-03-{day:02d}"],
                    env=env,
                    check=True,
                    capture_output=True,
                )
        port = free_port()
        errors = Path(home) / "serve.err"
        with errors.open("wb") as err:
            server = subprocess.Popen(
                [pacer, "serve", "--host", HOST, "--port", str(port)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        try:
            wait_until_up(server, port, errors)
            rss_idle = sum(proc_kib(p, "VmRSS") for p in family(server.pid))
            clients = [Client(port, i) for i in range(args.threads)]
            for client in clients:
                client.sign_in()
            for client in clients:  # warm: templates compiled, caches filled
                for _ in range(10):
                    client.today()
            print(
                f"pacer serve on {HOST}:{port}, {args.threads} keep-alive connections,"
                f" {os.cpu_count()} CPUs"
            )
            rps, p99 = measured("GET / (Today)", clients, args.today, "today", server.pid)
            measured("POST /log", clients, args.log, "log", server.pid)
            for client in clients:
                client.close()
            pids = family(server.pid)
            rss = sum(proc_kib(p, "VmRSS") for p in pids) / 1024
            peak = sum(proc_kib(p, "VmHWM") for p in pids) / 1024
        finally:
            stop(server)
    processes = f"{len(pids)} process{'es' if len(pids) > 1 else ''}"
    print(
        f"server RSS     {rss:5.1f} MB after the load"
        f" (idle {rss_idle / 1024:.1f} MB, peak {peak:.1f} MB; {processes})"
    )
    print()
    goal("Today", rps, "req/s", "≥", GOAL_RPS)
    goal("Today p99", p99, "ms", "≤", GOAL_P99_MS)
    goal("server RSS", rss, "MB", "≤", GOAL_RSS_MB)


def goal(label: str, value: float, unit: str, sense: str, target: float) -> None:
    shown = f"{value:.0f}" if unit == "req/s" else f"{value:.1f}"
    print(
        f"{label:<12} {shown + ' ' + unit:>11}   goal {sense} {target:g} {unit:<5}"
        f"  ratio {value / target:.2f}"
    )


if __name__ == "__main__":
    main()
