"""Bad input on the dashboard: a date outside the plan's reach, a huge number, a broken
environment are a 400 page with the one line, before any projection runs; never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN, csrf_of, post

HUGE = "9" * 5000


@pytest.fixture(params=["builtin", "other"])
def any_client(
    request: pytest.FixtureRequest, web_home: Path, other_plan: Path
) -> Iterator[TestClient]:
    """A loopback dashboard on the built-in plan, and one on the Berlin plan."""
    plan = None if request.param == "builtin" else other_plan
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


@pytest.mark.parametrize("page", ["/", "/week"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2100-01-01", "1999-12-31"])
def test_a_date_outside_the_plans_reach_is_400(any_client: TestClient, page: str, day: str) -> None:
    response = any_client.get(f"{page}?date={day}")
    assert response.status_code == 400
    assert f"{day} is outside the dates this plan covers" in response.text


@pytest.mark.parametrize(
    ("path", "form", "message"),
    [
        ("/log", {"target": "x", "minutes": "30", "date": "9999-12-31"}, "9999-12-31 is outside"),
        ("/log", {"target": "x", "minutes": HUGE}, "is outside 1 minute to 24 hours"),
        ("/done", {"unit": "x", "date": "0001-01-01"}, "0001-01-01 is outside"),
        ("/trips/preview", {"start": "2026-04-01", "end": "9999-12-31"}, "9999-12-31 is outside"),
        ("/trips/add", {"start": "0001-01-01", "end": "2026-04-01"}, "0001-01-01 is outside"),
        ("/trips/remove", {"id": "99999999999999999999999"}, "no such trip"),
        ("/trips/remove", {"id": HUGE}, "no such trip"),
    ],
)
def test_bad_form_input_is_400(
    any_client: TestClient, path: str, form: dict[str, str], message: str
) -> None:
    token = csrf_of(any_client)
    response = post(any_client, path, {"csrf": token, **form})
    assert response.status_code == 400
    assert message in response.text


def test_a_date_inside_the_reach_still_works(client: TestClient) -> None:
    assert client.get("/?date=2024-06-01").status_code == 200
    assert client.get("/week?date=2029-12-31").status_code == 200


def test_a_broken_pacer_tz_is_400_not_500(
    any_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pacer import clock

    clock.set_now(None)
    monkeypatch.setenv("PACER_NOW", "2026-03-09T12:00:00+08:00")
    monkeypatch.setenv("PACER_TZ", "Europe/Berln")
    response = any_client.get("/")
    assert response.status_code == 400
    assert "did you mean &#39;Europe/Berlin&#39;?" in response.text
