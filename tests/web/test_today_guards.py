"""The Today page refuses what the CLI refuses (the same service functions decide), offers
the day's targets to log, and says why an empty card is empty: on both plans."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer.service import Session
from pacer.store.db import open_store
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.helpers import PACER, pacer_env
from tests.web.conftest import NOW, TOKEN, csrf_of, post

TODAY = "2026-03-09"  # the web tests' clock (a Monday)


@pytest.fixture(params=["builtin", "berlin"])
def plan(request: pytest.FixtureRequest, other_plan: Path) -> Path | None:
    return None if request.param == "builtin" else other_plan


@pytest.fixture
def web(web_home: Path, plan: Path | None) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


def log_rows(home: Path) -> list[tuple[Any, ...]]:
    path = home / "pacer.db"
    if not path.exists():
        return []
    store = open_store(path)
    try:
        return list(store.conn.execute("SELECT local_date, target, done FROM log").fetchall())
    finally:
        store.close()


def forms(html: str, action: str) -> int:
    return html.count(f'action="{action}"')


def first_unit(plan: Path | None) -> str:
    from pacer.service import agenda

    with Session(plan) as s:
        view = agenda(s, date.fromisoformat(TODAY))
    return next(p.unit for bp in view.plan.blocks for p in bp.items)


def test_no_log_buttons_on_a_day_that_has_not_come(web: TestClient, web_home: Path) -> None:
    today = web.get("/?lang=en")
    assert forms(today.text, "/log") >= 2 and forms(today.text, "/done") >= 1
    ahead = web.get("/?date=2026-03-10&lang=en")
    assert ahead.status_code == 200
    assert forms(ahead.text, "/log") == 0 and forms(ahead.text, "/done") == 0
    assert "This day has not come yet: log it on the day." in ahead.text
    zh = web.get("/?date=2026-03-10&lang=zh")
    assert "这一天还没到：到那天再记录。" in zh.text
    # A form sent anyway (a stale tab, a forged post) is refused by the same service check
    # (in the reader's language: English again).
    token = csrf_of(web, "/?lang=en")
    sent = post(
        web, "/log", {"csrf": token, "date": "2026-03-10", "target": "review", "minutes": "5"}
    )
    assert sent.status_code == 400
    assert "2026-03-10 is after today (2026-03-09)" in unescape(sent.text)
    # The page's hint is the page's: pick a day, not type an option.
    assert "pick a day up to 2026-03-09" in unescape(sent.text)
    assert "--date" not in unescape(sent.text)
    assert log_rows(web_home) == []


def test_a_past_weeks_review_notice_names_no_command(web: TestClient, plan: Path | None) -> None:
    # A day of a past week whose review is not written: `today` says "run 'pacer review
    # --week 2026-W10'"; the page cannot run commands.
    from datetime import UTC, datetime

    from pacer import clock
    from pacer.service import log_minutes

    with Session(plan) as s:  # in use since week 10 (a day of it logged)
        log_minutes(s, 20, "review", "", date(2026, 3, 5))
    clock.set_now(datetime(2026, 3, 20, 4, 0, tzinfo=UTC))
    page = unescape(web.get("/?date=2026-03-08&lang=en").text)
    assert "The weekly review for 2026-W10 was not written." in page
    assert "pacer review" not in page


def test_no_log_buttons_on_a_day_outside_the_plan(
    web: TestClient, web_home: Path, plan: Path | None
) -> None:
    with Session(plan) as s:
        start, end = s.plan.start, s.plan.end
    page = web.get("/?date=2026-01-20&lang=en")
    assert page.status_code == 200
    assert forms(page.text, "/log") == 0 and forms(page.text, "/done") == 0
    assert f"2026-01-20 is outside the plan ({start} to {end})" in page.text
    token = csrf_of(web)
    sent = post(
        web, "/log", {"csrf": token, "date": "2026-01-20", "target": "review", "minutes": "5"}
    )
    assert sent.status_code == 400
    assert log_rows(web_home) == []


def test_done_twice_writes_once_and_the_button_goes(
    web: TestClient, web_home: Path, plan: Path | None
) -> None:
    unit = first_unit(plan)
    token = csrf_of(web)
    assert post(web, "/done", {"csrf": token, "unit": unit, "date": TODAY}).status_code == 303
    page = web.get("/?lang=en").text
    assert f'name="unit" value="{unit}"' not in page  # no second "Mark done" for it
    again = post(web, "/done", {"csrf": token, "unit": unit, "date": TODAY})
    assert again.status_code == 400
    assert f"{unit} is already done (marked on {TODAY}); nothing written" in unescape(again.text)
    assert log_rows(web_home) == [(TODAY, unit, 1)]


def test_the_log_form_offers_the_days_targets(
    web: TestClient, web_home: Path, plan: Path | None
) -> None:
    from pacer.service import agenda, day_targets

    page = web.get("/?lang=en").text
    select = re.search(r'<select name="target">(.*?)</select>', page, re.S)
    assert select is not None, "no target list in the log form"
    offered = re.findall(r'<option value="([^"]*)">', select.group(1))
    with Session(plan) as s:
        day = agenda(s, date.fromisoformat(TODAY))
        expected = [t.id for t in day_targets(s, day)]
        habits = {b.block.track for b in day.plan.blocks if b.block.type == "habit"}
        units = {p.unit for b in day.plan.blocks for p in b.items}
    assert offered == ["", *expected]
    assert habits and habits <= set(offered) and units and units <= set(offered)
    assert 'name="other"' in page  # another target can still be typed
    token = csrf_of(web)
    habit, unit = sorted(habits)[0], sorted(units)[0]
    picked = {"csrf": token, "date": TODAY, "target": habit, "other": "", "minutes": "25"}
    assert post(web, "/log", picked).status_code == 303
    typed = {"csrf": token, "date": TODAY, "target": "", "other": unit, "minutes": "15"}
    assert post(web, "/log", typed).status_code == 303
    neither = post(web, "/log", {"csrf": token, "date": TODAY, "target": "", "minutes": "15"})
    assert neither.status_code == 400
    assert "choose what you did from the list, or type its id" in unescape(neither.text)
    assert log_rows(web_home) == [(TODAY, habit, 0), (TODAY, unit, 0)]


def test_an_empty_card_says_why_as_the_cli_does(
    web: TestClient, web_home: Path, plan: Path | None
) -> None:
    """A trip Saturday's reading block (new units not allowed, none started): the card says
    what `pacer today` says, in both languages."""
    token = csrf_of(web)
    trip = {"csrf": token, "start": "2026-03-11", "end": "2026-03-22", "note": ""}
    assert post(web, "/trips/add", trip).status_code == 303
    plan_args = [] if plan is None else ["--plan", str(plan)]
    for lang, line in (
        ("en", "nothing eligible for this block: it only continues units already started"),
        ("zh", "此时段没有可安排的内容：它只继续已开始的单元"),
    ):
        page = web.get(f"/?date=2026-03-14&lang={lang}").text
        assert line in page, lang
        env = pacer_env(web_home, NOW)
        env["LANG"] = "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"
        cli = subprocess.run(
            [str(PACER), "today", "--date", "2026-03-14", *plan_args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        assert f"· {line}" in cli.stdout, cli.stdout
