"""Fixtures for the dashboard: a real SQLite file in a temporary PACER_HOME, a fixed clock,
and TestClients for loopback and non-loopback binds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.web.app import create_app
from pacer.web.security import Generation, Guard, load_secret

NOW = "2026-03-09T12:00:00+08:00"
TOKEN = "the-access-token-of-these-tests-0123456789"
FEED = "the-calendar-feed-token-of-these-tests-ABCDEF"
CHART_WAIT = 300.0


@pytest.fixture
def web_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PACER_HOME", str(home))
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")
    monkeypatch.delenv("PACER_NOW", raising=False)
    clock.set_now(datetime.fromisoformat(NOW))
    yield home
    clock.set_now(None)


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(web_home: Path) -> Iterator[MakeClient]:
    clients: list[TestClient] = []

    def make(
        host: str = "127.0.0.1",
        token: str | None = TOKEN,
        extra: tuple[str, ...] = (),
        feed: str | None = FEED,
    ) -> TestClient:
        # One generation file for all: clients stand for servers on one data folder.
        guard = Guard(host, load_secret(web_home), token, extra, feed, Generation(web_home))
        name = extra[0] if extra else host
        # Tests wait for the charts to be drawn (the server itself waits 2 s at most).
        app = create_app(guard, chart_wait=CHART_WAIT)
        client = TestClient(app, base_url=f"http://{name}:8765")
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def csrf_of(client: TestClient, page: str = "/") -> str:
    """The CSRF token a page's forms carry (the GET also sets the session cookie)."""
    response = client.get(page)
    assert response.status_code == 200, response.text
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found is not None, "no CSRF field on " + page
    return found.group(1)


def post(client: TestClient, path: str, data: dict[str, Any], **headers: str) -> Any:
    """A form POST as the browser sends it from one of our pages (Origin set)."""
    origin = str(client.base_url).rstrip("/")
    sent = {"origin": origin, **headers}
    return client.post(path, data=data, headers=sent, follow_redirects=False)
