"""The web's Today page shows each habit's streak under its block (issue 15, item 2), on the
Berlin plan and the built-in one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.service import Session
from pacer.store.log import add_entry
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.web.conftest import TOKEN

# plan (None: built-in) -> (habit track, days logged in March, the streak shown on the 9th)
CASES = {
    "berlin": (OTHER_PLAN, "piano", (2, 3, 4, 5), "streak 4 days, best 4"),
    "builtin": (None, "english", (6, 7, 8), "streak 3 days, best 3"),
}


@pytest.fixture(params=list(CASES))
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def open_page(web_home: Path, plan: Path | None) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


def test_the_today_page_shows_the_streak(web_home: Path, which: str) -> None:
    plan, track, days, shown = CASES[which]
    clock.set_now(datetime(2026, 3, 9, 12, 0, tzinfo=UTC))  # Monday, not logged yet
    with Session(plan) as s:
        for n in days:
            add_entry(s.store, date(2026, 3, n), "habit", track, 20, "", False)
    for client in open_page(web_home, plan):
        page = client.get("/").text
        assert f'<p class="muted streak">{shown}</p>' in page
        zh = client.get("/?lang=zh").text
        assert '<p class="muted streak">连续' in zh
