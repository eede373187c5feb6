"""Charts on a phone (Debian's Chromium, as in test_browser.py): on a 390×844 screen the Plan
page's Gantt chart and the Progress page's charts scale to the page's width, and every text
of theirs is drawn at least 11 CSS px high; a tap opens a chart on its own. Screenshots of
the Plan page go to test-artifacts/plan-gantt-phone-{zh,en}.png."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.web.test_browser import ARTIFACTS, NOW, serve

__all__ = ["serve"]  # the fixture this module borrows (browser is in conftest.py)

MIN_PX = 11.0

# Each chart's smallest text as the phone shows it: the font-size its SVG gives the text
# (user units of its viewBox) times the scale the page draws the SVG at (the image's
# rendered width over the viewBox's width).
SMALLEST_TEXT = r"""
async (img) => {
  const svg = await (await fetch(img.currentSrc)).text();
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  const scale = img.getBoundingClientRect().width / root.viewBox.baseVal.width;
  const sizes = [...doc.getElementsByTagName("text")].map(
    (el) => parseFloat((/font-size:\s*([\d.]+)px/.exec(el.getAttribute("style")) || [])[1])
      * scale);
  return {count: sizes.length, smallest: Math.min(...sizes), scale: scale,
          width: root.getAttribute("width"), viewBox: root.getAttribute("viewBox")};
}
"""


def _charts_read(page: Any, where: str) -> int:
    """Wait for the page's charts (they may still be drawing: the page reloads itself), then
    check each one's lettering; returns how many there are."""
    images = page.locator("figure.chart img")
    images.first.wait_for(state="attached", timeout=90_000)
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        page.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle()
        )
        box = img.bounding_box()
        assert box is not None and 340 <= box["width"] <= 370, (where, box)  # the page's width
        found = img.evaluate(SMALLEST_TEXT)
        assert found["width"] is None and found["viewBox"], (where, found)
        assert found["count"] > 5, (where, found)
        assert found["smallest"] >= MIN_PX, (where, i, found)
        link = page.locator("figure.chart a").nth(i)  # a tap opens the chart itself
        assert link.get_attribute("href") == img.get_attribute("src")
    return images.count()


@pytest.fixture(params=["builtin", "berlin"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    return () if request.param == "builtin" else ("--plan", str(other_plan))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_charts_read_on_a_phone(
    browser: Any,
    serve: Callable[..., str],
    pacer: Callable[..., Run],
    plan_args: tuple[str, ...],
    lang: str,
) -> None:
    env = {"PACER_NOW": NOW}
    assert pacer("trip", "add", "2026-03-16", "2026-03-25", *plan_args, env=env).code == 0
    base = serve(*plan_args)
    page = browser.new_page(
        viewport={"width": 390, "height": 844},
        locale="zh-CN" if lang == "zh" else "en-US",
        device_scale_factor=2,
    )
    page.goto(f"{base}/plan?lang={lang}")
    assert _charts_read(page, "plan") == 1
    gantt = page.locator("figure.chart img").first
    assert gantt.get_attribute("alt") == ("甘特图" if lang == "zh" else "Gantt chart")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if not plan_args:  # the screenshots: the built-in plan's
        # The screen as the phone shows it, scrolled to the chart's heading.
        page.evaluate("document.getElementById('gantt').scrollIntoView()")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"plan-gantt-phone-{lang}.png"))
    page.goto(f"{base}/progress?lang={lang}")
    assert _charts_read(page, "progress") >= 3
    src = page.locator("figure.chart img").first.get_attribute("src")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text))
    page.goto(base + src)  # the chart on its own, as a tap opens it
    assert page.locator("svg text").count() > 5
    # Its inline styles apply (the chart's own policy allows them): a bar is not black.
    fills = page.evaluate(
        "[...document.querySelectorAll('svg path')].map(p => getComputedStyle(p).fill)"
    )
    assert "rgb(255, 255, 255)" in fills  # the figure's white background
    assert not [e for e in errors if "Content Security Policy" in e], errors
    page.close()
