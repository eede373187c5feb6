"""The Progress page's charts are drawn once per (plan, data version, language) into the
cache folder and served from there: a second request, and a second server on the same data
folder (after a restart), draw nothing; a write from the CLI makes the next page draw anew.
Real `pacer serve` processes on loopback, real files."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.helpers import PACER, free_port, pacer_env
from tests.web.conftest import NOW

CHART = re.compile(r"/charts/([\w-]+)\.svg")


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _serve(home: Path) -> tuple[subprocess.Popen[Any], int]:
    port = free_port()
    proc = subprocess.Popen(
        [str(PACER), "serve", "--port", str(port)],
        env=pacer_env(home, NOW),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _get(port, "/login")[0] == 200:
                return proc, port
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("pacer serve did not answer")


def _stop(proc: subprocess.Popen[Any]) -> None:
    proc.terminate()
    proc.wait(timeout=20)


def _charts(port: int) -> list[str]:
    """The chart names the Progress page shows, once they are drawn."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, page = _get(port, "/progress")
        assert status == 200
        names = CHART.findall(page)
        if names:
            return names
        time.sleep(0.3)
    raise AssertionError("the Progress page never showed its charts")


def _files(home: Path) -> dict[Path, int]:
    """Every file of the charts' cache folder, with its modification time."""
    return {p: p.stat().st_mtime_ns for p in (home / "cache" / "web-charts").rglob("*")}


def test_charts_are_drawn_once_per_data_version_across_requests_and_servers(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    log = [str(PACER), "log", "30", "english"]
    assert subprocess.run(log, env=pacer_env(home, NOW), capture_output=True).returncode == 0
    first, port = _serve(home)
    try:
        names = _charts(port)
        drawn = _files(home)
        assert any(p.suffix == ".svg" for p in drawn)
        assert _charts(port) == names  # the second request
        assert _get(port, f"/charts/{names[0]}.svg")[0] == 200
        assert _files(home) == drawn  # nothing drawn again
    finally:
        _stop(first)
    second, port = _serve(home)  # a restart: another process, the same data folder
    try:
        status, page = _get(port, "/progress")  # found at once: no "being drawn"
        assert status == 200 and CHART.findall(page) == names
        assert _get(port, f"/charts/{names[-1]}.svg")[0] == 200
        assert _files(home) == drawn
        wrote = subprocess.run(log, env=pacer_env(home, NOW), capture_output=True, text=True)
        assert wrote.returncode == 0, wrote.stderr
        again = _charts(port)
        assert set(again).isdisjoint(names)  # a new set, for the new data version
        assert _get(port, f"/charts/{again[0]}.svg")[0] == 200
        new = set(_files(home)) - set(drawn)
        assert any(p.suffix == ".svg" for p in new)
    finally:
        _stop(second)


def test_a_chart_name_is_never_a_path(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc, port = _serve(home)
    try:
        names = _charts(port)
        token = names[0].split("-", 1)[0]
        for name in (
            "..-etc-passwd",
            f"{token}-charts",
            f"{token}-nothing-0",
            "month" + "0" * 24 + "-a-0",
        ):
            assert _get(port, f"/charts/{name}.svg")[0] == 404, name
    finally:
        _stop(proc)
