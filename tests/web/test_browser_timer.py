"""The timer across devices in a real browser (Debian's Chromium, as in test_browser.py):
started with the Today page's Start button on a phone, stopped with `pacer stop` in a
terminal later; the entry is logged on the day it started. On the built-in plan and Berlin's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.web.test_browser import NOW, _shot, serve

__all__ = ["serve"]  # the fixture this module borrows (browser is in conftest.py)

LATER = "2026-03-10T21:45:20+08:00"  # 40 min 20 s after the browser tests' clock (21:05)


@pytest.fixture(params=["builtin", "berlin"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    return () if request.param == "builtin" else ("--plan", str(other_plan))


def test_started_on_the_phone_stopped_in_the_terminal(
    browser: Any,
    serve: Callable[..., str],
    pacer: Callable[..., Run],
    plan_args: tuple[str, ...],
) -> None:
    shown = pacer("today", "--json", *plan_args, env={"PACER_NOW": NOW}).json()
    habit = next(b for b in shown["blocks"] if b["type"] == "habit")
    base = serve(*plan_args)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(base + "/?lang=en")
    card = page.locator("section.block", has=page.get_by_role("heading", name=habit["title"]))
    with page.expect_navigation():
        card.get_by_role("button", name="Start timer").click()
    running = page.locator("section.timer")
    assert running.locator("h2").inner_text().startswith("Timer: ")
    assert "since 21:05 · 0 min" in running.inner_text()
    # Its card now stops it; the other cards switch to theirs.
    assert card.get_by_role("button", name="Stop and log").is_visible()
    assert page.get_by_role("button", name="Switch timer here").count() >= 1
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"Today with a timer is {wide} px wide on a 390 px phone"
    _shot(page, f"today-timer-{'berlin' if plan_args else 'builtin'}.png")
    page.close()
    # The laptop, 40 minutes later: the timer the phone started, stopped and logged.
    env = {"PACER_NOW": LATER}
    assert "⏱ timer: " in pacer("today", *plan_args, env=env).out
    stopped = pacer("stop", *plan_args, env=env)
    assert stopped.code == 0, stopped.err
    assert stopped.out == (
        f"logged 40 min for {habit['track']} on 2026-03-10 (timer 21:05–21:45)\n"
    )
    logged = pacer("today", "--json", *plan_args, env=env).json()
    assert {"target": habit["track"], "minutes": 40, "note": "", "done": False} in logged["logged"]
    assert logged["timer"] is None
