"""The Today page is made once per plan, data version, study date and language (issue 16),
and made anew after any write: the dashboard's own, or a `pacer` command's beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.web import app as web_app
from pacer.web.app import create_app
from pacer.web.security import Generation, Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.helpers import PACER
from tests.web.conftest import NOW, TOKEN, csrf_of, post

PLANS = {"built-in": None, "berlin": OTHER_PLAN}
HABIT = {"built-in": "english", "berlin": "piano"}
ZONE = {"built-in": "Asia/Shanghai", "berlin": "Europe/Berlin"}


@pytest.fixture(params=list(PLANS))
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The days whose page was made (not served from what was kept)."""
    calls: list[str] = []
    original = web_app.Dashboard._today_context

    def counted(self: Any, s: Any, day: Any, today: Any) -> dict[str, Any]:
        calls.append(day.isoformat())
        return original(self, s, day, today)

    monkeypatch.setattr(web_app.Dashboard, "_today_context", counted)
    return calls


@pytest.fixture
def site(web_home: Path, which: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("PACER_TZ", ZONE[which])
    plan = PLANS[which]
    if plan is not None:
        plan = Path(shutil.copy(plan, web_home / "plan.yaml"))
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, (), None, Generation(web_home))
    client = TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765")
    client.get(f"/login?token={TOKEN}")
    yield client
    client.close()


def cli(web_home: Path, which: str, *args: str) -> None:
    """A `pacer` command beside the running dashboard, on the same data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(web_home), PACER_NOW=NOW, PACER_TZ=ZONE[which], LANG="C.UTF-8")
    plan = ("--plan", str(web_home / "plan.yaml")) if PLANS[which] else ()
    done = subprocess.run(
        [str(PACER), *plan, *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_today_is_made_once_and_anew_after_every_write(
    site: TestClient, web_home: Path, which: str, made: list[str]
) -> None:
    first = site.get("/")
    assert first.status_code == 200
    again = site.get("/")
    assert again.text == first.text  # the same page, and the same session's token
    assert made == ["2026-03-09"]
    # The dashboard's own write.
    logged = post(site, "/log", {"minutes": "25", "target": HABIT[which], "csrf": csrf_of(site)})
    assert logged.status_code == 303
    after_web = site.get("/").text
    assert "25 min" in after_web and len(made) == 2
    # A command's write beside it (another process): seen on the next page.
    cli(web_home, which, "log", "40", HABIT[which])
    after_cli = site.get("/").text
    assert "40 min" in after_cli and len(made) == 3
    site.get("/")
    assert len(made) == 3
    cli(web_home, which, "undo")
    assert "40 min" not in site.get("/").text and len(made) == 4


def test_another_day_language_or_plan_is_made_anew(
    site: TestClient, web_home: Path, which: str, made: list[str]
) -> None:
    site.get("/")
    site.get("/?date=2026-03-10")
    assert made == ["2026-03-09", "2026-03-10"]
    zh = site.get("/", headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 200 and len(made) == 3
    clock.set_now(datetime.fromisoformat("2026-03-10T12:00:00+08:00"))
    assert site.get("/").status_code == 200
    assert made[-1] == "2026-03-10" and len(made) == 4
    plan = web_home / "plan.yaml"
    if PLANS[which] is None:
        return  # the built-in plan is not a file to edit here
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Shift day", "Night duty"), encoding="utf-8")
    edited = site.get("/")
    assert "Night duty" in edited.text and len(made) == 5


def test_a_running_timer_is_never_kept(
    site: TestClient, web_home: Path, which: str, made: list[str]
) -> None:
    cli(web_home, which, "start", HABIT[which])
    site.get("/")
    site.get("/")
    assert len(made) == 2


def test_the_line_naming_the_bound_plan_follows_its_file(
    web_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under another plan's data every page names the bound plan's file while it exists:
    nothing the server keeps (the pages, the checks of its connection) hides a change."""
    monkeypatch.setenv("PACER_TZ", ZONE["berlin"])
    own = web_home / "own.yaml"
    shutil.copy(OTHER_PLAN, own)
    cli(web_home, "built-in", "--plan", str(own), "log", "20", "piano")
    cli(web_home, "built-in", "init")  # the 2026 plan as plan.yaml: another plan in force
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, (), None, Generation(web_home))
    with TestClient(create_app(guard), base_url="http://127.0.0.1:8765") as client:
        client.get(f"/login?token={TOKEN}")
        for _ in range(2):
            assert "own.yaml" in client.get("/").text
        own.rename(web_home / "moved.yaml")
        page = client.get("/").text
        assert "own.yaml" not in page and "nurse-2026" in page
