"""Data bound to its plan, on the dashboard (issue 14, item 5): a server running with another
plan than the one the database belongs to shows the one line naming both plans on every page
and refuses every action with that line — no 500, nothing written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path

import apsw
import pytest
from starlette.testclient import TestClient

from pacer import service
from pacer.plan.builtin import builtin_plan_path
from pacer.service import Session
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN, csrf_of, post

PAGES = ["/", "/week", "/plan", "/progress", "/review", "/trips", "/log"]
ACTIONS = [
    "/log",
    "/done",
    "/undo",
    "/review",
    "/trips/preview",
    "/trips/add",
    "/trips/remove",
    "/log/edit",
    "/log/remove",
    "/log/value/edit",
    "/log/value/remove",
    "/log/note/edit",
    "/log/note/remove",
]


def _write(plan: Path | None) -> dict[str, str]:
    """Data written under `plan`: an entry, a metric value, a note, a trip; a form that each
    action would take."""
    with Session(plan) as s:
        p = s.plan
        habit = next(t.id for t in p.tracks if t.id in p.habit_tracks())
        unit = next(iter(p.units())).id
        service.log_minutes(s, 30, habit, "", date(2026, 3, 9))
        service.add_metric_value(s, p.metrics[0].id, "40", date(2026, 3, 9), "")
        blog = next(c.id for c in p.curricula if c.post)
        service.add_note(s, blog, "material", date(2026, 3, 9))
        service.add_trip(s, date(2026, 4, 1), date(2026, 4, 3), "away")
    return {
        "target": habit,
        "unit": unit,
        "minutes": "25",
        "start": "2026-04-10",
        "end": "2026-04-12",
        "date": "2026-03-09",
        "value": "45",
        "text": "other material",
        "note": "x",
        "id": "1",  # the first entry, value, note and trip: each table's first row
    }


def _rows(db: Path) -> dict[str, int]:
    """Every table's row count (the audit's included): what a refused action must not change."""
    conn = apsw.Connection(str(db), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


@pytest.fixture(params=["builtin-data", "berlin-data"])
def mismatch(
    request: pytest.FixtureRequest, web_home: Path, other_plan: Path
) -> Iterator[tuple[TestClient, dict[str, str], str, str]]:
    """A server on one plan over data written under the other; (client, form, ids of both)."""
    # The built-in plan served by its file: with no plan file at all, a data folder whose
    # data belongs to another plan gets that plan's file back from the database.
    builtin = builtin_plan_path()
    written, served = (
        (None, other_plan) if request.param == "builtin-data" else (other_plan, builtin)
    )
    form = _write(written)
    with Session(written) as s:
        bound_id = s.plan.id
    with Session(served, record_plan=False) as s:
        served_id = s.plan.id
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    app = create_app(guard, plan_path=served)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        yield c, form, bound_id, served_id


def _lines(html: str, kind: str) -> list[str]:
    return [unescape(x) for x in re.findall(rf'<p class="notice {kind}">([^<]*)</p>', html)]


def test_every_page_shows_the_line_naming_both_plans(
    mismatch: tuple[TestClient, dict[str, str], str, str],
) -> None:
    client, _, bound_id, served_id = mismatch
    for page in PAGES:
        response = client.get(page + "?lang=en")
        assert response.status_code == 200, (page, response.text)
        lines = _lines(response.text, "error bound")
        assert len(lines) == 1, (page, lines)
        assert lines[0].startswith(f"this data belongs to the plan {bound_id} (")
        assert f"but the plan in force is {served_id} (" in lines[0]
        assert "nothing can be written until you choose: pacer plan use" in lines[0]
        assert response.text.count("this data belongs to the plan") == 1, page  # not twice
    zh = client.get("/log?lang=zh")
    assert _lines(zh.text, "error bound")[0].startswith(f"这些数据属于计划 {bound_id}（")


@pytest.mark.parametrize("path", ACTIONS)
def test_every_action_is_refused_with_that_line_and_writes_nothing(
    mismatch: tuple[TestClient, dict[str, str], str, str], web_home: Path, path: str
) -> None:
    client, form, bound_id, served_id = mismatch
    db = web_home / "pacer.db"
    token = csrf_of(client, "/log")
    before = _rows(db)
    response = post(client, path, {"csrf": token, **form}, **{"accept-language": "en"})
    assert response.status_code == 409, response.text
    errors = _lines(response.text, "error")
    assert len(errors) == 1
    assert errors[0].startswith(f"not written: this data belongs to the plan {bound_id} (")
    assert f"but the plan in force is {served_id} (" in errors[0]
    assert _rows(db) == before


def test_with_the_plan_it_belongs_to_the_same_actions_work(
    web_home: Path, other_plan: Path
) -> None:
    form = _write(other_plan)
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=other_plan), base_url="http://127.0.0.1:8765") as c:
        page = c.get("/log")
        assert "notice error bound" not in page.text
        token = csrf_of(c, "/log")
        response = post(c, "/log", {"csrf": token, **form})
        assert response.status_code == 303
        assert post(c, "/undo", {"csrf": token}).status_code == 303
