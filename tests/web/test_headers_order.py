"""The dashboard's tables name planned before done and print them in that order (Week and
Review), in both languages, on both plans, with done ≠ planned."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import service
from pacer.i18n import set_lang, t
from pacer.service import Session
from pacer.store.log import add_entry
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import TOKEN

TUESDAY = date(2026, 3, 3)  # in 2026-W10, the week due for review on 2026-03-09


@pytest.fixture(params=["builtin", "berlin"])
def logged(
    request: pytest.FixtureRequest, web_home: Path, other_plan: Path
) -> Iterator[tuple[TestClient, Path | None]]:
    plan = None if request.param == "builtin" else other_plan
    with Session(plan) as s:
        unit = s.plan.units()[0].id
        add_entry(s.store, TUESDAY, "unit", unit, 25, "", False)
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c, plan


def _table(page: str) -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", r)]
        for r in rows
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_review_and_week_tables_say_planned_then_done(
    logged: tuple[TestClient, Path | None], lang: str
) -> None:
    client, plan = logged
    set_lang(lang)
    planned, done = t("web.week.planned"), t("web.week.done")
    with Session(plan) as s:
        week = service.review_due_week(s, date(2026, 3, 9))
        facts = service.review_facts(s, week, date(2026, 3, 9))
        days = [service.day_json(s, v) for v in service.week(s, TUESDAY)]

    review = _table(client.get(f"/review?lang={lang}").text)
    head = review[0]
    assert head.index(planned) < head.index(done)
    shown = {r[0]: (r[head.index(planned)], r[head.index(done)]) for r in review[1:]}
    assert any(r.planned != r.done and r.done for r in facts.tracks)
    for r in facts.tracks:
        if r.planned or r.done:  # a habit's own track with no unit minutes is left out
            assert shown[r.title] == (str(r.planned), str(r.done))

    rows = _table(client.get(f"/week?date={TUESDAY}&lang={lang}").text)
    head = rows[0]
    assert head.index(planned) < head.index(done)
    for row, day in zip(rows[1:], days, strict=True):
        minutes = service.day_minutes(day)
        assert (row[head.index(planned)], row[head.index(done)]) == tuple(map(str, minutes))
    assert any(a != b for a, b in (service.day_minutes(d) for d in days))
