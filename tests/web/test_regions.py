"""The dashboard's Today page on a worked regional holiday: the name shown, the shift kept."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from starlette.testclient import TestClient

from pacer import clock
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN

REGIONS = Path(__file__).resolve().parents[1] / "fixtures" / "plan-regions.yaml"


def test_today_page_names_the_worked_holiday(web_home: Path) -> None:
    clock.set_now(datetime.fromisoformat("2027-03-08T12:00:00+01:00"))  # Women's Day, Monday
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    app = create_app(guard, plan_path=REGIONS)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        page = c.get("/?lang=en")
    assert page.status_code == 200
    assert "Women&#39;s Day" in page.text or "Women's Day" in page.text
    assert "Shift day" in page.text and "Piano scales" in page.text
