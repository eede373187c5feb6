"""The dashboard's Today page on an absence: the kind's banner, as `today` says it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pacer import service
from pacer.service import Session
from tests.conftest import OTHER_PLAN
from tests.web.test_language_pages import _client

ABSENCE_PLAN = OTHER_PLAN.with_name("plan-absence.yaml")


def test_today_on_a_vacation_and_a_builtin_trip_shows_the_kinds_banner(web_home: Path) -> None:
    with Session(ABSENCE_PLAN) as s:
        service.add_trip(s, date(2026, 3, 10), date(2026, 3, 12), "Mallorca", kind="vacation")
    with _client(web_home, ABSENCE_PLAN) as client:
        page = client.get("/?date=2026-03-11").text
        zh = client.get("/?date=2026-03-11&lang=zh").text
    assert (
        "○ on vacation: day 2 of 3 (2026-03-10 → 2026-03-12) — no study at all - enjoy it"
        " — Mallorca</p>"
    ) in page
    assert "○ on vacation：第 2/3 天（2026-03-10 → 2026-03-12）" in zh
    assert "on a trip" not in page


def test_the_builtin_plans_trip_banner_on_the_page(web_home: Path) -> None:
    with Session(None) as s:
        service.add_trip(s, date(2026, 3, 10), date(2026, 3, 12), "")
    with _client(web_home, None) as client:
        zh = client.get("/?date=2026-03-11&lang=zh").text
    assert "✈ 出差：第 2/3 天（2026-03-10 → 2026-03-12） — 出差模板，不写代码，不做新任务</p>" in zh


def test_the_trips_page_adds_a_vacation_of_the_plans_kinds(web_home: Path) -> None:
    """The form offers the plan's kinds by their titles; a vacation previewed and saved is a
    vacation (its days get the plan's empty template), not a trip."""
    from tests.web.conftest import csrf_of, post

    with _client(web_home, ABSENCE_PLAN) as client:
        page = client.get("/trips?lang=en").text
        for kind, title in (("travel", "away"), ("vacation", "on vacation"), ("sick", "off sick")):
            assert f'<option value="{kind}">{title}</option>' in page
        token = csrf_of(client, "/trips")
        form = {"csrf": token, "start": "2026-04-13", "end": "2026-04-17", "note": "Ostsee"}
        preview = post(client, "/trips/preview", {**form, "kind": "vacation"})
        assert preview.status_code == 200
        assert "2026-04-13 → 2026-04-17 (on vacation) would move" in preview.text
        assert '<input type="hidden" name="kind" value="vacation">' in preview.text
        assert post(client, "/trips/add", {**form, "kind": "vacation"}).status_code == 303
        assert post(client, "/trips/preview", {**form, "kind": "holiday"}).status_code == 400
        listed = client.get("/trips?lang=en").text
    with Session(ABSENCE_PLAN) as s:
        assert [(t.kind, t.note) for t in service.list_trips(s)] == [("vacation", "Ostsee")]
    assert "<td>on vacation</td><td>Ostsee</td>" in listed


def test_a_sick_day_on_the_today_page_is_not_a_trip(web_home: Path) -> None:
    """Issue 15's tryout: a sick day said "✈ this trip moves"; now its kind's title."""
    with Session(ABSENCE_PLAN) as s:
        service.add_sick(s, date(2026, 3, 9), 3)
    with _client(web_home, ABSENCE_PLAN) as client:
        page = client.get("/?date=2026-03-09&lang=en").text
        zh = client.get("/?date=2026-03-09&lang=zh").text
        week = client.get("/week?date=2026-03-09&lang=en").text
        trips = client.get("/trips?lang=en").text
        trips_zh = client.get("/trips?lang=zh").text
    assert "○ off sick: day 1 of 3 (2026-03-09 → 2026-03-11) — rest; nothing is planned" in page
    assert "○ this absence (off sick) moves:" in page
    assert "○ 这次off sick推迟了：" in zh
    # (the menu's link to the Trips page keeps its name on every page)
    assert "✈" not in page and "trip" not in page.split("</nav>", 1)[-1]
    assert "出差" not in zh.split("</nav>", 1)[-1]
    assert " ○</td>" in week and "✈" not in week
    assert "<h1>Absences</h1>" in trips and "<h2>New absence</h2>" in trips
    assert "<h1>离开</h1>" in trips_zh


def test_the_builtin_plans_trip_page_still_says_trips(web_home: Path) -> None:
    with Session(None) as s:
        service.add_trip(s, date(2026, 3, 9), date(2026, 3, 20), "")
    with _client(web_home, None) as client:
        page = client.get("/?date=2026-03-09&lang=zh").text
        trips = client.get("/trips?lang=zh").text
    assert "✈ 这次出差推迟了：" in page
    assert "<h1>出差</h1>" in trips and "<h2>新的出差</h2>" in trips
