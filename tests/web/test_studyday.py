"""The dashboard's "today" is the study day (plan.day_starts): at 02:00 with "04:00" the Today
page, its log form, the Week page's marked day and the Review page are the day before's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.service import Session
from pacer.store.log import all_entries
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.web.conftest import TOKEN, csrf_of, post

NIGHTS = OTHER_PLAN.with_name("plan-nights.yaml")


@pytest.fixture
def nights(web_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("PACER_TZ", "Europe/Berlin")  # the person's clock
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    app = create_app(guard, plan_path=NIGHTS)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        yield client


def at(iso: str) -> None:
    clock.set_now(datetime.fromisoformat(iso))


def test_at_two_in_the_night_the_today_page_is_the_day_before(nights: TestClient) -> None:
    at("2026-03-10T02:00:00+01:00")  # Tuesday, 02:00 in Berlin
    page = nights.get("/").text
    assert "<h1>2026-03-09 · Night shift</h1>" in page
    assert '<input type="hidden" name="date" value="2026-03-09">' in page
    assert 'href="/?date=2026-03-10"' in page  # "next" is Tuesday, not yet today
    # No "back to today" link: this is today.
    assert page.split('<p class="days">')[1].split("</p>")[0].count("<a ") == 2
    # The form's default date, and no date at all, are the study day.
    form = {"csrf": csrf_of(nights), "target": "cards", "minutes": "20"}
    assert post(nights, "/log", form).status_code == 303
    assert post(nights, "/log", {**form, "date": ""}).status_code == 303
    with Session(NIGHTS) as s:
        entries = all_entries(s.store)
    assert [(e.day, e.target, e.logged_at) for e in entries] == 2 * [
        (date(2026, 3, 9), "cards", "2026-03-10T01:00:00+00:00")
    ]
    week = nights.get("/week").text
    assert '<tr class="now"><td><a href="/?date=2026-03-09">' in week
    at("2026-03-10T04:00:00+01:00")
    assert "<h1>2026-03-10 · Night shift</h1>" in nights.get("/").text


def test_on_sunday_night_the_review_page_is_sundays_week(nights: TestClient) -> None:
    at("2026-03-15T02:00:00+01:00")  # Saturday night: this week's review is not due yet
    assert "Weekly review 2026-W10" in nights.get("/review").text
    at("2026-03-16T02:00:00+01:00")  # Sunday night: Sunday's review
    page = nights.get("/").text
    assert "<h1>2026-03-15 · Day off</h1>" in page
    assert "Weekly review 2026-W11" in nights.get("/review").text
