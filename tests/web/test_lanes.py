"""Where the dashboard's work runs: a writer held up by another process answers 503 with
Retry-After while pages still load, Progress draws its charts once per state of the data,
and a slow drawing never stalls the other pages."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer import service
from tests.reliability.processes import write_lock_held
from tests.web.conftest import MakeClient, csrf_of, post


@pytest.fixture
def held(web_home: Path, client: TestClient, tmp_path: Path) -> Iterator[Path]:
    """Another process holds the database's write lock until the test ends."""
    csrf = csrf_of(client)  # the page made the database
    logged = post(client, "/log", {"minutes": "30", "target": "english", "csrf": csrf})
    assert logged.status_code == 303
    with write_lock_held(web_home / "pacer.db", tmp_path / "signals") as signals:
        yield signals


def test_a_held_lock_is_503_with_retry_after_and_pages_still_load(
    held: Path, client: TestClient
) -> None:
    csrf = csrf_of(client)
    answer = post(client, "/log", {"minutes": "20", "target": "english", "csrf": csrf})
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "2"
    assert "the database is busy (another pacer is writing); try again" in answer.text
    page = client.get("/")
    assert page.status_code == 200  # reading needs no lock
    assert "30 min" in page.text and "20 min" not in page.text
    (held / "release").touch()


def _chart_names(page: str) -> list[str]:
    return re.findall(r'src="/charts/([\w-]+)\.svg"', page)


def test_progress_draws_once_per_state_of_the_data(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[Any] = []
    real = service.draw_month_charts

    def counting(data: Any, folder: Path) -> dict[str, list[Path]]:
        drawn.append(data)
        return real(data, folder)

    monkeypatch.setattr(service, "draw_month_charts", counting)
    first = _chart_names(client.get("/progress").text)
    again = _chart_names(client.get("/progress").text)
    assert len(drawn) == 1 and first and again == first
    for name in first:
        assert client.get(f"/charts/{name}.svg").content.startswith(b"<?xml")
    csrf = csrf_of(client)
    assert (
        post(client, "/log", {"minutes": "30", "target": "english", "csrf": csrf}).status_code
        == 303
    )
    after = _chart_names(client.get("/progress").text)
    assert len(drawn) == 2 and set(after).isdisjoint(first)  # new data, new charts
    zh = _chart_names(client.get("/progress", headers={"accept-language": "zh-CN"}).text)
    assert len(drawn) == 3 and set(zh).isdisjoint(after)  # charts carry words: per language
    assert _chart_names(client.get("/progress").text) == after  # English still kept
    assert len(drawn) == 3


def test_a_slow_drawing_never_stalls_the_other_pages(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = service.draw_month_charts

    def slow(data: Any, folder: Path) -> dict[str, list[Path]]:
        assert release.wait(timeout=120)
        return real(data, folder)

    monkeypatch.setattr(service, "draw_month_charts", slow)
    client = make_client()
    client.app.state.dashboard.charts.wait = 0.2  # type: ignore[attr-defined]
    waiting = client.get("/progress")
    assert waiting.status_code == 200
    assert "The charts are being drawn" in waiting.text
    assert '<meta http-equiv="refresh" content="3">' in waiting.text
    assert _chart_names(waiting.text) == []
    for path in ("/", "/week", "/plan", "/review", "/trips"):
        assert client.get(path).status_code == 200  # while the drawing still waits
    release.set()
    client.app.state.dashboard.charts.wait = 120  # type: ignore[attr-defined]
    done = client.get("/progress")
    assert _chart_names(done.text) and "being drawn" not in done.text


def test_two_servers_on_one_data_folder_keep_their_own_charts(
    make_client: MakeClient, web_home: Path
) -> None:
    stopped = web_home / "cache" / "web-charts" / "server-999999999-dead"
    stopped.mkdir(parents=True)  # left by a server that has stopped
    first, second = make_client(), make_client()
    for round_ in range(3):
        csrf = csrf_of(first)
        logged = post(first, "/log", {"minutes": "10", "target": "english", "csrf": csrf})
        assert logged.status_code == 303, round_
        pages = [(c, _chart_names(c.get("/progress").text)) for c in (first, second)]
        assert all(names for _, names in pages), f"no charts in round {round_}"
        for client, names in pages:  # drawing on one server removed nothing of the other's
            for name in names:
                assert client.get(f"/charts/{name}.svg").status_code == 200
    assert not stopped.exists()


@pytest.mark.parametrize(
    "broken", ["  bad: [unclosed\n", "plan:\n  end: 9999-12-31\n"], ids=["yaml", "end"]
)
def test_a_plan_broken_while_the_server_runs_is_named_on_every_page(
    broken: str, client: TestClient, web_home: Path, other_plan: Path
) -> None:
    plan = web_home / "plan.yaml"
    plan.write_text(other_plan.read_text(encoding="utf-8"), encoding="utf-8")
    csrf = csrf_of(client)
    assert "Shift day" in client.get("/").text  # the plan in the data folder is in force
    with plan.open("a", encoding="utf-8") as fh:
        fh.write(broken)
    for path in ("/", "/week", "/plan", "/progress", "/review", "/trips", "/calendar.ics"):
        page = client.get(path)
        assert page.status_code == 503, path
        assert f"The plan {plan} has problems" in page.text, path
        assert re.search(rf"{re.escape(str(plan))}:\d+:\d+: ", page.text), path
    answer = post(client, "/log", {"minutes": "10", "target": "piano", "csrf": csrf})
    assert answer.status_code == 503
