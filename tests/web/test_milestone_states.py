"""The dashboard's Plan page states each milestone as `status` does (issue 11, item 9)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.service import Session, status
from pacer.store.log import add_entry
from pacer.store.milestones import set_check
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN

# plan -> (milestone, due, its units, its criterion, finished on, looked at)
CASES = {
    "builtin": (
        "blog-1",
        ("blog1-outline", "blog1-draft", "blog1-polish"),
        "published",
        date(2026, 3, 20),
        date(2026, 4, 10),
    ),
    "berlin": ("exam", ("abx-dosing", "sedation"), "mock", date(2026, 5, 12), date(2026, 5, 25)),
}


@pytest.fixture(params=list(CASES))
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def plan_of(which: str, other_plan: Path) -> Path | None:
    return None if which == "builtin" else other_plan


def open_page(web_home: Path, plan: Path | None) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


def milestone_row(page: str, milestone: str) -> str:
    found = re.search(rf'<tr id="milestone-{milestone}" data-state="(\w+)">(.*?)</tr>', page)
    assert found is not None, page
    return f"{found.group(1)} {found.group(2)}"


def test_the_plan_page_says_done_acceptance_open_after_the_due_date(
    web_home: Path, other_plan: Path, which: str
) -> None:
    milestone, units, _, finished, looked = CASES[which]
    plan = plan_of(which, other_plan)
    clock.set_now(datetime(looked.year, looked.month, looked.day, 4, 0, tzinfo=UTC))
    with Session(plan) as s:
        for uid in units:
            add_entry(s.store, finished, "unit", uid, 300, "", True)
    with Session(plan) as s:
        (shown,) = [m for m in status(s, looked).milestones if m.id == milestone]
    assert shown.status == "done"
    for client in open_page(web_home, plan):
        row = milestone_row(client.get("/plan").text, milestone)
        assert row.startswith("done ") and "done, acceptance open" in row and "missed" not in row


def test_the_plan_page_says_met_with_the_units_still_open(
    web_home: Path, other_plan: Path, which: str
) -> None:
    milestone, units, criterion, finished, _ = CASES[which]
    plan = plan_of(which, other_plan)
    clock.set_now(datetime(finished.year, finished.month, finished.day, 4, 0, tzinfo=UTC))
    with Session(plan) as s:
        set_check(s.store, milestone, criterion, "evidence", finished)
    for client in open_page(web_home, plan):
        row = milestone_row(client.get("/plan").text, milestone)
        assert row.startswith("met ") and f"met, open units: {len(units)}" in row
        assert "units still open: " + ", ".join(units) in row
