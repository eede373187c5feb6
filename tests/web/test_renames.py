"""The dashboard's log form takes an old id (`was:` in the plan) and writes the id it counts
for now, as `pacer log` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer.plan.builtin import builtin_plan_path
from pacer.service import Session
from pacer.store.log import all_entries
from tests.cli.test_renames import a_habit_track, a_unit, add_was
from tests.conftest import OTHER_PLAN
from tests.helpers import rename_id
from tests.web.conftest import csrf_of, post


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_the_log_form_writes_an_old_id_as_its_new_one(
    web_home: Path, client: TestClient, which: str
) -> None:
    plan = web_home / "plan.yaml"  # the data folder's plan: the one the dashboard uses
    plan.write_bytes((builtin_plan_path() if which == "builtin" else OTHER_PLAN).read_bytes())
    unit, track = a_unit(plan), a_habit_track(plan)
    for old in (unit, track):
        rename_id(plan, old, old + "-v2")
        add_was(plan, old + "-v2", old)
    csrf = csrf_of(client)
    for old, field in ((unit, "other"), (track, "target")):
        logged = post(client, "/log", {"minutes": "25", field: old, "csrf": csrf})
        assert logged.status_code == 303, logged.text
    done = post(client, "/done", {"unit": unit, "csrf": csrf})
    assert done.status_code == 303, done.text
    with Session() as s:
        written = [(e.target, e.minutes, e.done) for e in all_entries(s.store)]
    assert written == [
        (unit + "-v2", 25, False),
        (track + "-v2", 25, False),
        (unit + "-v2", 0, True),
    ]
    page = client.get("/").text
    assert f"{unit}-v2" in page
