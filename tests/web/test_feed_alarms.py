"""The calendar feed rings before each block as `export ics` does; `?alarms=0` does not."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from starlette.testclient import TestClient

from pacer.web.app import create_app
from pacer.web.security import Generation, Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.web.conftest import CHART_WAIT, FEED, TOKEN


def feed_client(home: Path, plan: Path | None) -> TestClient:
    guard = Guard("127.0.0.1", load_secret(home), TOKEN, (), FEED, Generation(home))
    app = create_app(guard, plan_path=plan, chart_wait=CHART_WAIT)
    return TestClient(app, base_url="http://127.0.0.1:8765")


@pytest.mark.parametrize("plan", [None, OTHER_PLAN], ids=["builtin", "berlin"])
def test_feed_alarms_and_the_parameter_that_leaves_them_out(
    web_home: Path, plan: Path | None
) -> None:
    with feed_client(web_home, plan) as client:
        ringing = client.get(f"/calendar.ics?token={FEED}")
        quiet = client.get(f"/calendar.ics?token={FEED}&alarms=0")
    assert ringing.status_code == quiet.status_code == 200
    blocks = [
        e
        for e in icalendar.Calendar.from_ical(ringing.content).walk("VEVENT")
        if not str(e["UID"]).startswith("trip-")
    ]
    assert len(blocks) > 10
    for event in blocks:
        (alarm,) = [c for c in event.subcomponents if c.name == "VALARM"]
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
    assert b"VALARM" not in quiet.content
    assert quiet.content.count(b"BEGIN:VEVENT") == ringing.content.count(b"BEGIN:VEVENT")
