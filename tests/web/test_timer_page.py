"""The timer on the Today page: Start/Switch/Stop buttons on each block, posted with the
page's CSRF token, answered 303 once written; the running timer with its elapsed time. On
the built-in plan and the Berlin plan."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock
from tests.web.conftest import NOW, csrf_of, post

START = datetime.fromisoformat(NOW)


@pytest.fixture(params=["builtin", "berlin"])
def which(request: pytest.FixtureRequest, web_home: Path, other_plan: Path) -> str:
    if request.param == "berlin":
        shutil.copy(other_plan, web_home / "plan.yaml")  # the data folder's plan is in force
    return str(request.param)


def at(minutes: int) -> None:
    clock.set_now(START + timedelta(minutes=minutes))


def targets(html: str, action: str) -> list[str]:
    forms = re.findall(
        rf'<form class="inline" method="post" action="{action}">(.*?)</form>', html, re.S
    )
    return [m for f in forms for m in re.findall(r'name="target" value="([^"]+)"', f)]


def test_start_on_a_block_and_stop_logs_it(client: TestClient, which: str) -> None:
    page = client.get("/?lang=en").text
    starts = targets(page, "/timer/start")
    habit = "english" if which == "builtin" else "piano"
    assert habit in starts and len(starts) >= 2  # every habit and unit of the day has one
    refused = post(client, "/timer/start", {"target": habit})  # no CSRF token
    assert refused.status_code == 403
    token = csrf_of(client)
    started = post(client, "/timer/start", {"csrf": token, "target": habit})
    assert (started.status_code, started.headers["location"]) == (303, "/")
    said = client.get("/").text
    assert f"timer started for {habit} at 12:00 (counts for 2026-03-09)</p>" in said
    at(35)
    page = client.get("/").text
    assert "Timer: " in page and "since 12:00 · 35 min" in page
    # The running one's block has Stop; the others switch to theirs.
    assert habit not in targets(page, "/timer/start")
    assert re.search(r'name="switch" value="1"', page)
    stopped = post(client, "/timer/stop", {"csrf": token, "note": "podcast"})
    assert (stopped.status_code, stopped.headers["location"]) == (303, "/")
    page = client.get("/").text
    assert f"logged 35 min for {habit} on 2026-03-09 (timer 12:00–12:35)" in page
    assert 'class="block timer"' not in page
    assert "35 min — podcast" in page  # in the day's log, as `pacer log` would have put it


def test_a_long_timer_asks_for_the_minutes_on_the_page(client: TestClient, which: str) -> None:
    token = csrf_of(client, "/?lang=zh")
    habit = "english" if which == "builtin" else "piano"
    assert post(client, "/timer/start", {"csrf": token, "target": habit}).status_code == 303
    at(5 * 60)
    page = client.get("/").text
    assert 'name="minutes" required' in page
    assert "超过 4 小时：请填写实际学习的分钟数，再按“结束并记录”。" in page
    asked = post(client, "/timer/stop", {"csrf": token})
    assert asked.status_code == 400
    assert "超过 4 小时；未记录。请填写实际学习的分钟数" in asked.text
    assert "--minutes" not in asked.text
    done = post(client, "/timer/stop", {"csrf": token, "minutes": "50"})
    assert done.status_code == 303
    assert f"已记录 2026-03-09 {habit} 50 分钟" in client.get("/").text
