"""The Today page in a real browser (Debian's Chromium, as in test_browser.py): an empty card
says why, the log form offers the day's targets without JavaScript, a day that has not come
has no log buttons. On the built-in plan and the Berlin plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.web.test_browser import NOW, _shot, serve

__all__ = ["serve"]  # the fixture this module borrows (browser is in conftest.py)

TRIP_SATURDAY = "2026-03-14"  # on the trip below; the browser tests' clock is 2026-03-10


@pytest.fixture(params=["builtin", "berlin"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    return () if request.param == "builtin" else ("--plan", str(other_plan))


def test_a_trip_saturdays_empty_card_says_why(
    browser: Any,
    serve: Callable[..., str],
    pacer: Callable[..., Run],
    plan_args: tuple[str, ...],
) -> None:
    env = {"PACER_NOW": NOW}
    assert pacer("trip", "add", "2026-03-11", "2026-03-22", *plan_args, env=env).code == 0
    cli = pacer("today", "--date", TRIP_SATURDAY, *plan_args, env=env)
    assert cli.code == 0, cli.err
    said = [ln.strip()[2:] for ln in cli.out.splitlines() if "nothing eligible" in ln]
    assert said == ["nothing eligible for this block: it only continues units already started"]
    base = serve(*plan_args)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(f"{base}/?date={TRIP_SATURDAY}&lang=en")
    empty = page.locator("section.block p.empty")
    assert empty.count() == 1
    assert empty.inner_text() == said[0]  # the CLI's words, from the same service function
    assert empty.is_visible()
    _shot(page, f"today-trip-saturday-{'berlin' if plan_args else 'builtin'}.png")
    page.goto(f"{base}/?date={TRIP_SATURDAY}&lang=zh")
    assert page.locator("section.block p.empty").inner_text() == (
        "此时段没有可安排的内容：它只继续已开始的单元"
    )
    page.close()


def test_the_log_form_offers_the_days_targets_without_javascript(
    browser: Any,
    serve: Callable[..., str],
    pacer: Callable[..., Run],
    plan_args: tuple[str, ...],
) -> None:
    env = {"PACER_NOW": NOW}
    shown = pacer("today", "--json", *plan_args, env=env).json()
    habit = next(b["track"] for b in shown["blocks"] if b["type"] == "habit")
    unit = next(i["unit"] for b in shown["blocks"] for i in b["items"])
    base = serve(*plan_args)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-US", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(base + "/?lang=en")
    choices = page.locator("select[name=target] option")
    values = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
    assert habit in values and unit in values
    page.select_option("select[name=target]", unit)
    page.fill("form.stack input[name=minutes]", "25")
    page.fill("form.stack input[name=note]", "picked")
    with page.expect_navigation():
        page.locator("form.stack button").click()
    _shot(page, f"today-log-picked-{'berlin' if plan_args else 'builtin'}.png")
    page.fill("form.stack input[name=other]", habit)
    page.fill("form.stack input[name=minutes]", "10")
    with page.expect_navigation():
        page.locator("form.stack button").click()
    context.close()
    day = pacer("today", "--json", *plan_args, env=env).json()
    assert {"target": unit, "minutes": 25, "note": "picked", "done": False} in day["logged"]
    assert {"target": habit, "minutes": 10, "note": "", "done": False} in day["logged"]


def test_a_day_that_has_not_come_has_no_log_buttons(
    browser: Any, serve: Callable[..., str], plan_args: tuple[str, ...]
) -> None:
    base = serve(*plan_args)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(base + "/?lang=en")
    assert page.get_by_role("button", name="Log", exact=True).count() == 1
    page.get_by_role("link", name="next day →").click()
    page.wait_for_url(base + "/?date=2026-03-11")
    assert page.get_by_text("This day has not come yet: log it on the day.").is_visible()
    assert page.locator("form[action='/log'], form[action='/done']").count() == 0
    _shot(page, f"today-not-yet-{'berlin' if plan_args else 'builtin'}.png")
    page.close()
