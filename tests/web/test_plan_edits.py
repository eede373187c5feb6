"""Every page answers while the database holds rows naming ids the plan no longer has (a
deferred unit renamed, and every other kind of stored id)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import service
from pacer.service import Session
from tests.conftest import OTHER_PLAN
from tests.helpers import need_an_optional_unit, rename_id, seed_stale_rows
from tests.web.conftest import TOKEN

DAY = date(2026, 3, 9)
PAGES = (
    "/",
    "/?date=2026-03-03",
    "/week",
    "/plan",
    "/progress",
    "/review",
    "/review?week=2026-W10",
    "/trips",
    f"/calendar.ics?token={TOKEN}",
)


def own_plan(web_home: Path, which: str) -> None:
    """The plan in force: an editable copy in the data folder (the built-in plan's, or the
    Berlin fixture)."""
    plan = web_home / "plan.yaml"
    if which == "builtin":
        service.init_plan(plan)
    else:
        plan.write_bytes(OTHER_PLAN.read_bytes())


def every_page_answers(client: TestClient) -> None:
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 200, (page, response.text[-400:])
    charts = re.findall(r'src="/charts/([\w-]+)\.svg"', client.get("/progress").text)
    assert charts
    for name in charts:
        assert client.get(f"/charts/{name}.svg").status_code == 200, name


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_every_page_answers_with_a_deferred_unit_renamed(
    client: TestClient, web_home: Path, which: str
) -> None:
    own_plan(web_home, which)
    milestone = need_an_optional_unit(web_home / "plan.yaml", which)
    with Session() as s:
        _, options = service.catchup_options(s, DAY, milestone)
        number = next(n for n, o in enumerate(options, 1) if o.choice.kind == "defer")
        choice = service.apply_catchup(s, DAY, milestone, number, "")
    old = choice.units[0]
    rename_id(web_home / "plan.yaml", old, old + "-v2")
    every_page_answers(client)


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_every_page_answers_with_every_kind_of_stale_row(
    client: TestClient, web_home: Path, which: str
) -> None:
    own_plan(web_home, which)
    seed_stale_rows(web_home / "pacer.db")
    every_page_answers(client)
    review = client.get("/review?week=2026-W10").text
    assert "gone-prompt" in review  # the answer stays with its review, under its id
