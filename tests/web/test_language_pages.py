"""Every page of the dashboard in Chinese holds no English words but ids, the plan's own text,
units and proper names; in English, no count says "1 days"."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import service
from pacer.plan.builtin import builtin_plan_path
from pacer.service import Session
from pacer.web.app import create_app
from pacer.web.security import Generation, Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.language import PROPER, foreign_words, plan_words
from tests.web.conftest import CHART_WAIT, FEED, TOKEN

PAGES = ["/", "/?date=2026-03-14", "/?date=2026-03-20", "/week", "/plan", "/progress"]
PAGES += ["/review", "/trips", "/log"]


class _Text(HTMLParser):
    """The words a reader sees: text outside scripts and styles, and alt/title/placeholder."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        for name, value in attrs:
            if name in ("alt", "title", "placeholder", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def _seen(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def _client(home: Path, plan: Path | None) -> TestClient:
    guard = Guard("127.0.0.1", load_secret(home), TOKEN, (), FEED, Generation(home))
    app = create_app(guard, plan_path=plan, chart_wait=CHART_WAIT)
    return TestClient(app, base_url="http://127.0.0.1:8765")


def _with_history(plan: Path | None) -> None:
    with Session(plan) as s:
        service.add_trip(s, date(2026, 3, 10), date(2026, 3, 20), "Shenzhen")
        habit = next(b.track for t in s.plan.day_templates for b in t.blocks if b.type == "habit")
        assert habit is not None
        for day in (date(2026, 3, 5), date(2026, 3, 6)):
            service.log_minutes(s, 30, habit, "", day)


@pytest.mark.parametrize("plan", [None, OTHER_PLAN], ids=["builtin", "berlin"])
def test_every_page_in_chinese_has_no_english_words(web_home: Path, plan: Path | None) -> None:
    _with_history(plan)
    allowed = PROPER | plan_words(plan or builtin_plan_path()) | {"Shenzhen", "pacer"}
    leaks = {}
    with _client(web_home, plan) as client:
        for page in PAGES:
            response = client.get(page + ("&" if "?" in page else "?") + "lang=zh")
            assert response.status_code == 200, (page, response.text)
            words = foreign_words(_seen(response.text), allowed)
            if words:
                leaks[page] = sorted(set(words))
    assert not leaks, "\n".join(f"{p}: {w}" for p, w in leaks.items())


@pytest.mark.parametrize("plan", [None, OTHER_PLAN], ids=["builtin", "berlin"])
def test_no_page_in_english_says_one_of_a_plural(web_home: Path, plan: Path | None) -> None:
    from tests.cli.test_language_tour import ONE_PLURAL

    _with_history(plan)
    wrong = {}
    with _client(web_home, plan) as client:
        for page in PAGES:
            text = _seen(client.get(page + ("&" if "?" in page else "?") + "lang=en").text)
            found = ONE_PLURAL.findall(text)
            if found:
                wrong[page] = found
    assert not wrong, wrong


def test_the_page_text_is_what_a_reader_sees() -> None:
    html = '<p>数学 <b>3</b></p><script>var x = "hidden";</script><img alt="热力图 chart">'
    assert re.split(r"\s+", _seen(html)) == ["数学", "3", "热力图", "chart"]


@pytest.mark.parametrize("plan", [None, OTHER_PLAN], ids=["builtin", "berlin"])
def test_the_trip_notice_names_milestones_by_their_titles(
    web_home: Path, plan: Path | None
) -> None:
    import html

    _with_history(plan)
    with Session(plan) as s:
        moved = service.trip_effect(s, date(2026, 3, 12), date(2026, 3, 9))
        titles = {m.id: m.title for m in s.plan.milestones}
    assert moved, "the trip moves nothing: the test shows nothing"
    with _client(web_home, plan) as client:
        page = client.get("/?date=2026-03-12&lang=zh").text
    shown = re.findall(r'<span title="([^"]+)">([^<]+)</span> \+\d+ 天', page)
    assert [(m, html.unescape(title)) for m, title in shown] == [(m, titles[m]) for m, _ in moved]
