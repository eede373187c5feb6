"""The Log page (/log): the record of a window of days, newest first, each entry, metric value
and note edited or removed through service/logfix.py; bad input is one line, never a 500; the
Today page links each entry to its row and its undo says what it undid. On the built-in plan
and the Berlin plan."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock, service
from pacer.i18n import set_lang
from pacer.service import Session
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN, csrf_of, post

NOW = "2026-04-20T12:00:00+08:00"  # the window is 2026-03-24 .. 2026-04-20
OLD = date(2026, 3, 5)  # before the window: behind "earlier"


@dataclass(frozen=True)
class Seeded:
    plan: Path | None
    habit: str
    unit: str
    metric: str
    post: str
    ids: dict[str, int]  # entry ids by their note
    note: int  # the id of the note, the last change of the seed


def _seed(plan: Path | None) -> Seeded:
    with Session(plan) as s:
        p = s.plan
        habit = next(t.id for t in p.tracks if t.id in p.habit_tracks())
        unit = next(iter(p.units())).id
        metric = p.metrics[0].id
        blog = next(c.id for c in p.curricula if c.post)
        ids = {}
        for minutes, target, note, day in [
            (20, habit, "old", OLD),
            (30, habit, "first", date(2026, 4, 18)),
            (45, unit, "second", date(2026, 4, 20)),
        ]:
            ids[note] = service.log_minutes(s, minutes, target, note, day).id
        service.add_metric_value(s, metric, "55", date(2026, 4, 19), "")
        note = service.add_note(s, blog, "a first thought", date(2026, 4, 19)).id
    return Seeded(plan, habit, unit, metric, blog, ids, note)


def _entries(plan: Path | None) -> list[tuple[int, str, str, int, str]]:
    with Session(plan) as s:
        found = service.list_entries(s, date(2026, 3, 1), date(2026, 4, 20))
        return [(e.id, e.day.isoformat(), e.target, e.minutes, e.note) for e in found]


def _text(html: str) -> str:
    """The page's words, tags dropped (as a reader sees them, roughly)."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _said(html: str) -> list[str]:
    return [unescape(s) for s in re.findall(r'<p class="notice said"[^>]*>([^<]*)</p>', html)]


@pytest.fixture(params=["builtin", "berlin"])
def seeded(request: pytest.FixtureRequest, web_home: Path, other_plan: Path) -> Seeded:
    clock.set_now(datetime.fromisoformat(NOW))
    return _seed(None if request.param == "builtin" else other_plan)


@pytest.fixture
def app(seeded: Seeded, web_home: Path) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    app = create_app(guard, plan_path=seeded.plan)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        yield c


def test_the_page_lists_the_window_newest_first_and_earlier_behind_a_link(
    app: TestClient, seeded: Seeded
) -> None:
    page = app.get("/log?lang=en")
    assert page.status_code == 200
    shown = re.findall(r'id="entry-(\d+)"', page.text)
    assert shown == [str(seeded.ids["second"]), str(seeded.ids["first"])]
    assert "Entries from 2026-03-24 to 2026-04-20." in _text(page.text)
    assert '<a href="/log" class="here">Log</a>' in page.text  # in the nav, and this page
    assert 'href="/log?to=2026-03-23"' in page.text
    older = app.get("/log?to=2026-03-23")
    assert re.findall(r'id="entry-(\d+)"', older.text) == [str(seeded.ids["old"])]
    assert '<a href="/log">latest →</a>' in older.text
    # The metric value and the note of the window are on the page, each with its forms.
    assert re.search(r'id="value-\d+"', page.text) and re.search(r'id="note-\d+"', page.text)
    assert "a first thought" in page.text


def test_an_edit_link_opens_the_window_of_an_old_entry(app: TestClient, seeded: Seeded) -> None:
    old = seeded.ids["old"]
    page = app.get(f"/log?edit={old}")
    assert page.status_code == 200
    assert re.search(rf'id="entry-{old}"[^>]*>\s*<details open>', page.text)
    assert app.get("/log?edit=99999").status_code == 400
    assert app.get("/log?edit=abc").status_code == 400


def test_an_entry_is_edited_and_the_page_says_what_it_is_now(
    app: TestClient, seeded: Seeded
) -> None:
    token = csrf_of(app, "/log")
    first = seeded.ids["first"]
    form = {"csrf": token, "id": str(first), "minutes": "50", "date": "2026-04-19"}
    form |= {"target": seeded.unit, "note": "fixed", "from": "2026-03-24", "to": "2026-04-20"}
    response = post(app, "/log/edit", form)
    assert response.status_code == 303
    assert response.headers["location"] == f"/log?from=2026-03-24&to=2026-04-20#entry-{first}"
    assert (first, "2026-04-19", seeded.unit, 50, "fixed") in _entries(seeded.plan)
    page = app.get("/log?lang=en")
    assert _said(page.text) == [f"entry {first} is now 50 min for {seeded.unit} on 2026-04-19"]
    assert _said(app.get("/log").text) == []  # said once


def test_an_untouched_form_changes_nothing(app: TestClient, seeded: Seeded) -> None:
    token = csrf_of(app, "/log")
    before = _entries(seeded.plan)
    second = seeded.ids["second"]
    form = {"csrf": token, "id": str(second), "minutes": "45", "date": "2026-04-20"}
    form |= {"target": seeded.unit, "note": "second"}
    assert post(app, "/log/edit", form).status_code == 303
    assert _entries(seeded.plan) == before
    assert _said(app.get("/log?lang=en").text)[0].startswith("nothing changed:")


def test_a_form_without_a_field_leaves_that_field_alone(app: TestClient, seeded: Seeded) -> None:
    token = csrf_of(app, "/log")
    before = _entries(seeded.plan)
    second = seeded.ids["second"]
    # Only the id (a hand-made request): the note is not cleared, nothing changes.
    assert post(app, "/log/edit", {"csrf": token, "id": str(second)}).status_code == 303
    assert _entries(seeded.plan) == before
    assert _said(app.get("/log?lang=en").text)[0].startswith("nothing changed:")


def test_remove_then_undo_on_the_log_page(app: TestClient, seeded: Seeded) -> None:
    token = csrf_of(app, "/log")
    first = seeded.ids["first"]
    response = post(app, "/log/remove", {"csrf": token, "id": str(first)})
    assert response.status_code == 303
    assert first not in [e[0] for e in _entries(seeded.plan)]
    page = app.get("/log?lang=en")
    assert f'id="entry-{first}"' not in page.text
    assert _said(page.text) == [
        f"removed entry {first}: 30 min for {seeded.habit} on 2026-04-18 (Undo brings it back)"
    ]
    undone = post(app, "/undo", {"csrf": token, "back": "log"})
    assert undone.status_code == 303 and undone.headers["location"] == "/log"
    page = app.get("/log?lang=en")
    assert _said(page.text) == [
        f"undid: the removal of entry {first}; 30 min for {seeded.habit} on 2026-04-18 is back"
    ]
    assert f'id="entry-{first}"' in page.text


def test_a_metric_value_and_a_note_are_edited_and_removed(app: TestClient, seeded: Seeded) -> None:
    page = app.get("/log?lang=en")
    value = re.findall(r'id="value-(\d+)"', page.text)[0]
    note = re.findall(r'id="note-(\d+)"', page.text)[0]
    token = csrf_of(app, "/log")
    form = {"csrf": token, "id": value, "value": "15", "date": "2026-04-19"}
    form |= {"shown_value": "55", "shown_date": "2026-04-19"}
    assert post(app, "/log/value/edit", form).status_code == 303
    assert _said(app.get("/log?lang=en").text) == [
        f"metric value {value} is now 15% ({seeded.metric}, 2026-04-19)"
    ]
    form = {"csrf": token, "id": note, "text": "a better thought"}
    assert post(app, "/log/note/edit", form).status_code == 303
    page = app.get("/log")
    assert "a better thought" in page.text and "a first thought" not in page.text
    assert post(app, "/log/value/remove", {"csrf": token, "id": value}).status_code == 303
    assert post(app, "/log/note/remove", {"csrf": token, "id": note}).status_code == 303
    page = app.get("/log?lang=en")
    assert f'id="value-{value}"' not in page.text and f'id="note-{note}"' not in page.text
    assert _said(page.text) == [
        f"removed note {note} ({seeded.post}, 2026-04-19) (Undo brings it back)"
    ]
    with Session(seeded.plan) as s:
        assert service.list_notes(s) == []
        assert all(not v.values for v in service.metric_views(s, date(2026, 4, 20)))


@pytest.mark.parametrize(
    ("path", "form", "line"),
    [
        ("/log/edit", {"minutes": "x"}, "'x' is not a duration"),
        ("/log/edit", {"date": "2026-04-21"}, "2026-04-21 is after today (2026-04-20)"),
        ("/log/edit", {"date": "someday"}, "'someday' is not a date"),
        ("/log/edit", {"target": "no-such-id"}, "no-such-id"),
        ("/log/edit", {"id": "abc"}, "'abc' is not an id of this page; reload the Log page"),
        ("/log/edit", {"id": "99999"}, "99999 is no longer there"),
        ("/log/remove", {"id": "99999"}, "99999 is no longer there"),
        ("/log/remove", {"id": "9" * 400}, "is not an id of this page"),
        ("/log/value/edit", {"id": "99999", "value": "3"}, "99999 is no longer there"),
        ("/log/value/remove", {"id": "-1"}, "'-1' is not an id of this page"),
        ("/log/note/edit", {"id": "99999", "text": "x"}, "99999 is no longer there"),
        ("/log/note/remove", {"id": "99999"}, "99999 is no longer there"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(
    app: TestClient, seeded: Seeded, path: str, form: dict[str, str], line: str
) -> None:
    token = csrf_of(app, "/log")
    before = _entries(seeded.plan)
    sent = {"csrf": token, "id": str(seeded.ids["first"]), **form}
    response = post(app, path, sent, **{"accept-language": "en"})
    assert response.status_code == 400, response.text
    errors = [unescape(e) for e in re.findall(r'notice error">([^<]*)', response.text)]
    assert len(errors) == 1 and line in errors[0], errors
    assert _entries(seeded.plan) == before


def test_today_links_each_entry_and_its_undo_says_what_it_undid(
    app: TestClient, seeded: Seeded
) -> None:
    today = app.get("/?lang=en")
    second = seeded.ids["second"]
    assert f'href="/log?edit={second}#entry-{second}"' in today.text
    assert "Undo the last change (an entry, a metric value or a note)" in today.text
    # The last change is the note: undo takes it back, not the newest log entry.
    token = csrf_of(app)
    response = post(app, "/undo", {"csrf": token})
    assert response.status_code == 303
    assert response.headers["location"] == "/?date=2026-04-19"  # the day of the note
    assert _said(app.get(response.headers["location"]).text) == [
        f"undid: removed note {seeded.note} ({seeded.post}, 2026-04-19)"
    ]
    assert len(_entries(seeded.plan)) == 3


def test_the_log_page_in_chinese(app: TestClient, seeded: Seeded) -> None:
    page = app.get("/log?lang=zh")
    set_lang("en")
    assert "2026-03-24 至 2026-04-20 的记录" in page.text
    assert "保存" in page.text and "删除" in page.text and "撤销最近一次改动" in page.text


def test_undo_on_the_web_stops_at_a_change_it_does_not_revert(
    app: TestClient, seeded: Seeded
) -> None:
    from pacer.schedule.catchup import CatchupChoice
    from pacer.store.catchup import add_choice

    with Session(seeded.plan) as s:
        milestone = s.plan.milestones[0].id
        choice = add_choice(
            s.store, CatchupChoice("stretch", milestone, date(2026, 4, 20), date(2026, 4, 26))
        )
    before = _entries(seeded.plan)
    token = csrf_of(app, "/log")
    response = post(app, "/undo", {"csrf": token, "back": "log"}, **{"accept-language": "en"})
    assert response.status_code == 400, response.text
    errors = [unescape(e) for e in re.findall(r'notice error">([^<]*)', response.text)]
    assert errors == [
        f"cannot undo: the newest change is catch-up choice {choice.id} ({milestone}), which"
        f" undo does not revert; 'pacer catchup --drop {choice.id}' reverses it"
    ]
    assert _entries(seeded.plan) == before
    with Session(seeded.plan) as s:
        assert [n.id for n in service.list_notes(s)] == [seeded.note]
