"""The Log page in a real browser (Debian's Chromium, as in test_browser.py), on a phone
screen: from Today's edit link to the entry's row, an entry edited and another removed, and
`pacer log list --json` agrees. On the built-in plan and the Berlin plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.web.test_browser import NOW, _shot, serve

__all__ = ["serve"]  # the fixture this module borrows (browser is in conftest.py)


@pytest.fixture(params=["builtin", "berlin"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    return () if request.param == "builtin" else ("--plan", str(other_plan))


def test_an_entry_is_edited_and_another_removed_on_the_phone(
    browser: Any,
    serve: Callable[..., str],
    pacer: Callable[..., Run],
    plan_args: tuple[str, ...],
) -> None:
    env = {"PACER_NOW": NOW}
    shown = pacer("today", "--json", *plan_args, env=env).json()
    habit = next(b["track"] for b in shown["blocks"] if b["type"] == "habit")
    for minutes, note, day in [("20", "keep", "2026-03-09"), ("30", "typo", "2026-03-10")]:
        done = pacer("log", minutes, habit, "-m", note, "--date", day, *plan_args, env=env)
        assert done.code == 0, done.err
    listed = pacer("log", "list", "--json", *plan_args, env=env).json()["entries"]
    ids = {e["note"]: e["id"] for e in listed}
    base = serve(*plan_args)
    name = "berlin" if plan_args else "builtin"
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-US")
    page.goto(base + "/?lang=en")
    # Today's entry links to its row on the Log page, opened for editing.
    page.locator("a.edit").first.click()
    page.wait_for_url(f"{base}/log?edit={ids['typo']}*")
    row = page.locator(f"#entry-{ids['typo']}")
    assert row.locator("input[name=minutes]").is_visible()
    row.locator("input[name=minutes]").fill("45")
    row.locator("input[name=note]").fill("fixed")
    _shot(page, f"log-edit-{name}.png")
    with page.expect_navigation():
        row.get_by_role("button", name="Save").click()
    said = page.locator("p.said")
    assert said.inner_text() == f"entry {ids['typo']} is now 45 min for {habit} on 2026-03-10"
    # The other entry: open its row, remove it.
    other = page.locator(f"#entry-{ids['keep']}")
    other.locator("summary").click()
    with page.expect_navigation():
        other.get_by_role("button", name="Remove").click()
    assert page.locator("p.said").inner_text().startswith(f"removed entry {ids['keep']}: ")
    assert page.locator(f"#entry-{ids['keep']}").count() == 0
    _shot(page, f"log-removed-{name}.png")
    page.close()
    after = pacer("log", "list", "--json", *plan_args, env=env).json()["entries"]
    assert [(e["id"], e["date"], e["target"], e["minutes"], e["note"]) for e in after] == [
        (ids["typo"], "2026-03-10", habit, 45, "fixed")
    ]
