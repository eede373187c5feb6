"""The dashboard's review page counts habits (issue 12, item 1): a habit-only track has no row
of zero unit minutes; each habit shows its days kept and its minutes, the review its own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from pacer import clock
from pacer.service import Session
from pacer.store.log import add_entry
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.web.conftest import TOKEN

HABITS_PLAN = OTHER_PLAN.with_name("plan-habits.yaml")

# plan (None: built-in) -> (habit track, its title, days of 2026-W11 asking for it, minutes)
CASES = {
    "habits": (HABITS_PLAN, "piano", "Piano", 5, 150),  # weekdays, 30 min
    "berlin": (OTHER_PLAN, "piano", "Piano", 4, 80),  # Monday to Thursday, 20 min
    "builtin": (None, "english", "英语", 7, 210),  # every day, 30 min
}


@pytest.fixture(params=list(CASES))
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def open_page(web_home: Path, plan: Path | None) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


def test_the_review_page_shows_habit_minutes_and_days_kept(web_home: Path, which: str) -> None:
    plan, track, title, days, minutes = CASES[which]
    # Friday 20 March: the week due is 2026-W11 (9–15 March).
    clock.set_now(datetime(2026, 3, 20, 12, 0, tzinfo=UTC))
    with Session(plan) as s:
        for n in (9, 10, 11):
            add_entry(s.store, date(2026, 3, n), "habit", track, 45, "", False)
        add_entry(s.store, date(2026, 3, 15), "ritual", "review", 25, "", False)
    for client in open_page(web_home, plan):
        page = client.get("/review").text
        assert "Weekly review 2026-W11" in page
        shown = f"{escape(title)}: kept 3 of {days} days · {minutes} min planned, 135 min done"
        assert f'<li id="habit-{track}">{shown}</li>' in page
        assert '<li id="habit-review">' in page and "25 min done</li>" in page
        table = page.split("<table>")[1].split("</table>")[0]
        # A habit-only track has no row of zero unit minutes (the built-in english has units).
        assert (f"<td>{escape(title)}</td>" in table) == (which == "builtin")
