"""The dashboard in a real browser: Debian's Chromium driven by Playwright, on a phone screen.

Without Chromium (or Playwright) these tests skip with the reason, unless
PACER_REQUIRE_BROWSER=1 (set by .ci/run), which turns a missing browser into a failure.
Screenshots go to test-artifacts/ (or $PACER_ARTIFACTS).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import PACER, ROOT, Run

ARTIFACTS = Path(os.environ.get("PACER_ARTIFACTS", ROOT / "test-artifacts"))
NOW = "2026-03-10T21:05:00+08:00"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(home), PACER_NOW=NOW, PACER_TZ="Asia/Shanghai", LANG="C.UTF-8")
    return env


@pytest.fixture
def serve(home: Path) -> Iterator[Callable[..., str]]:
    """Start `pacer serve` on a free loopback port; returns its base URL."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen(
            [str(PACER), "serve", "--port", str(port), *args],
            env=_env(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        procs.append(proc)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):  # at most ~20 s
            if proc.poll() is not None:
                raise AssertionError(f"pacer serve stopped: {proc.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                urllib.request.urlopen(base + "/login", timeout=1).close()
                return base
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise AssertionError("pacer serve did not answer")

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr is not None:
            proc.stderr.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_today_on_a_phone_in_chinese_logs_thirty_minutes(
    browser: Any, serve: Callable[..., str], pacer: Callable[..., Run]
) -> None:
    base = serve()
    page = browser.new_page(
        viewport={"width": 390, "height": 844},
        locale="zh-CN",
        extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"},
    )
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(base + "/")
    assert page.locator("nav").inner_text().startswith("今天")
    assert page.get_by_text("英语听力").first.is_visible()
    # Under the Content-Security-Policy: htmx runs, the stylesheet applies, nothing refused.
    page.wait_for_function("() => typeof window.htmx === 'object'")
    assert page.evaluate("() => getComputedStyle(document.body).maxWidth") != "none"
    _shot(page, "today-zh-phone.png")
    with page.expect_navigation():
        page.get_by_role("button", name="记录 30 分钟").first.click()
    body = page.inner_text("body")
    assert "英语 [english] · 30 分钟" in body  # in the log, by its plan title
    assert "今天已记录 30 分钟 ✓" in body  # and the habit's card ticks
    assert page.evaluate("() => document.body.getAttribute('hx-boost')") == "true"
    assert not [m for m in console if "Content Security Policy" in m], console
    _shot(page, "today-zh-logged.png")
    page.goto(base + "/week")
    assert "30" in page.inner_text("body")
    _shot(page, "week-zh-phone.png")
    page.close()
    day = pacer("today", "--json", env={"PACER_NOW": NOW}).json()
    assert {"target": "english", "minutes": 30, "note": "", "done": False} in day["logged"]


def test_sign_in_with_the_token_on_a_non_loopback_bind(
    browser: Any, serve: Callable[..., str], pacer: Callable[..., Run]
) -> None:
    made = pacer("serve", "--new-token", env={"PACER_NOW": NOW})
    assert made.code == 0, made.err
    token = made.out.strip().splitlines()[-1].strip()
    base = serve("--host", "0.0.0.0")
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(base + "/")
    page.wait_for_url(base + "/login")  # every page sends a stranger to sign in
    assert page.locator("h1").inner_text() == "Sign in"
    page.fill("input[name=token]", "not-the-token")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("That is not the access token.").wait_for()
    _shot(page, "login-refused-en-phone.png")
    page.goto(base + "/week")
    page.wait_for_url(base + "/login")  # still signed out
    page.fill("input[name=token]", token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")
    page.locator("nav a.here").wait_for()
    assert page.locator("nav a.here").inner_text() == "Today"
    assert page.locator("h1").inner_text().startswith("2026-03-10")
    assert page.get_by_role("button", name="Log 30 min").first.is_visible()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["pacer_session"]["httpOnly"]
    assert cookies["pacer_session"]["sameSite"] == "Strict"
    _shot(page, "today-en-signed-in.png")
    page.goto(base + "/week")
    assert page.url == base + "/week"  # signed in: the pages open
    page.close()


PAGES = [("/", "今天"), ("/week", "本周"), ("/plan", "计划"), ("/progress", "进度")]
PAGES += [("/review", "复盘"), ("/trips", "出差")]


EN_PAGES = [("/", "Today"), ("/week", "Week"), ("/plan", "Plan"), ("/progress", "Progress")]
EN_PAGES += [("/review", "Review"), ("/trips", "Trips")]


def test_every_page_fits_a_phone_screen_in_english_on_another_plan(
    browser: Any, serve: Callable[..., str], pacer: Callable[..., Run]
) -> None:
    """The Berlin nurse's plan in English, a milestone met with its acceptance open (the
    longest state a milestone row says): still no page wider than a 390-pixel phone."""
    from tests.conftest import OTHER_PLAN

    plan = ("--plan", str(OTHER_PLAN))
    for args in (
        ("done", "abx-dosing"),
        ("done", "sedation"),
        ("trip", "add", "2026-03-16", "2026-03-25"),
    ):
        run = pacer(*plan, *args, env={"PACER_NOW": NOW})
        assert run.code == 0, run.err
    base = serve(*plan)
    page = browser.new_page(
        viewport={"width": 390, "height": 844},
        locale="en-GB",
        extra_http_headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    for path, name in EN_PAGES:
        page.goto(base + path)
        assert page.locator("nav a.here").inner_text() == name, path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} is {wide} px wide on a 390 px phone"
    assert "acceptance open" in page.goto(base + "/plan").text()  # type: ignore[union-attr]
    _shot(page, "plan-en-berlin-page.png")


def test_every_page_fits_a_phone_screen_in_chinese(
    browser: Any, serve: Callable[..., str], pacer: Callable[..., Run]
) -> None:
    """Each page on a 390-pixel-wide phone: its Chinese name marked in the menu, nothing
    wider than the screen (no sideways scrolling), charts loaded."""
    for args in (("log", "40", "english"), ("trip", "add", "2026-03-16", "2026-03-25")):
        assert pacer(*args, env={"PACER_NOW": NOW}).code == 0
    base = serve()
    page = browser.new_page(
        viewport={"width": 390, "height": 844},
        locale="zh-CN",
        extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"},
    )
    for path, name in PAGES:
        page.goto(base + path)
        assert page.locator("nav a.here").inner_text() == name, path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} is {wide} px wide on a 390 px phone"
        _shot(page, f"{path.strip('/') or 'today'}-zh-page.png")
    page.goto(base + "/progress")
    # On a busy machine the charts may still be drawing: the page says so and reloads itself
    # every 3 s (as a person would see it) until they are there.
    images = page.locator("img")
    images.first.wait_for(timeout=90_000)
    assert images.count() >= 2
    for i in range(images.count()):
        assert page.evaluate("(img) => img.naturalWidth", images.nth(i).element_handle()) > 0
    page.close()
