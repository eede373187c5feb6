"""`pacer serve`: the token, the refusal to listen beyond loopback without one, a real
server answering, and the CLI writing beside the web at the same time."""

from __future__ import annotations

import argparse
import socket
import stat
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer import service
from pacer.cli.serve import prepare
from pacer.errors import PacerError
from pacer.service import Session
from tests.helpers import PACER, Run, free_port, pacer_env
from tests.web.conftest import NOW, csrf_of, post


def _env(home: Path) -> dict[str, str]:
    return pacer_env(home, NOW)


def _args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(
        **{
            "host": "127.0.0.1",
            "port": 8765,
            "new_token": False,
            "new_feed_token": False,
            "allow_host": [],
            **given,
        }
    )


def test_new_token_is_stored_0600_and_printed_once(pacer: Callable[..., Run], home: Path) -> None:
    run = pacer("serve", "--new-token")
    assert run.code == 0, run.err
    path = home / "web-token"
    token = path.read_text(encoding="utf-8").strip()
    assert len(token) >= 40
    assert token in run.out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = pacer("serve", "--new-token")
    assert token not in again.out
    assert path.read_text(encoding="utf-8").strip() != token


def test_a_non_loopback_bind_without_a_token_refuses_to_start(
    pacer: Callable[..., Run], home: Path
) -> None:
    run = pacer("serve", "--host", "0.0.0.0", "--port", "1")
    assert run.code == 1
    assert "--new-token" in run.err
    assert not (home / "web-token").exists()


def test_prepare_refuses_and_accepts(web_home: Path) -> None:
    with pytest.raises(PacerError):
        prepare(_args(host="192.168.1.20"))
    assert prepare(_args()) is not None  # loopback needs no token
    assert prepare(_args(new_token=True)) is None
    assert stat.S_IMODE((web_home / "web-token").stat().st_mode) == 0o600
    app = prepare(_args(host="0.0.0.0", allow_host=["pi.lan"]))
    client = TestClient(app, base_url="http://pi.lan:8765")
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    assert client.get("/", headers={"host": "elsewhere"}).status_code == 400
    client.close()
    secret = web_home / "web-secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def _stop(proc: subprocess.Popen[Any]) -> None:
    proc.terminate()
    proc.wait(timeout=10)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    proc.stderr.close()


def test_a_real_server_answers_on_loopback(home: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [str(PACER), "serve", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        body = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    body = r.read()
                    headers = r.headers
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert b"2026-03-09" in body
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "script-src 'self';" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["Cache-Control"] == "no-store"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/pacer.css", timeout=5) as r:
            assert r.headers["X-Content-Type-Options"] == "nosniff"
            assert r.headers["Content-Type"].startswith("text/css")
    finally:
        _stop(proc)


def test_the_cli_and_the_web_write_at_the_same_time(client: TestClient, web_home: Path) -> None:
    rounds = 12
    token = csrf_of(client)
    failures: list[str] = []

    def cli() -> None:
        for i in range(rounds):
            run = subprocess.run(
                [str(PACER), "log", "5", "english", "-m", f"cli-{i}"],
                env=_env(web_home),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            if run.returncode != 0:
                failures.append(run.stderr)

    thread = threading.Thread(target=cli)
    thread.start()
    for i in range(rounds):
        data = {"csrf": token, "target": "english", "minutes": "5", "note": f"web-{i}"}
        response = post(client, "/log", data)
        assert response.status_code == 303, response.text
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert failures == []
    with Session() as s:
        notes = sorted(e.note for e in service.agenda(s, date(2026, 3, 9)).logged)
    expected = sorted([f"cli-{i}" for i in range(rounds)] + [f"web-{i}" for i in range(rounds)])
    assert notes == expected


def test_a_wildcard_bind_names_the_address_for_the_phone(
    pacer: Callable[..., Run], home: Path
) -> None:
    """On 0.0.0.0 with a token, the server says which address to open on the phone, and a
    request that names that address (as the phone's does) gets the sign-in page."""
    from pacer.cli.serve import lan_address

    assert pacer("serve", "--new-token").code == 0
    port = free_port()
    proc = subprocess.Popen(
        [str(PACER), "serve", "--host", "0.0.0.0", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://0.0.0.0:{port}/" in first
        address = lan_address()
        if address is not None:
            assert proc.stdout.readline().strip().startswith("on the phone")
        host = address or "192.168.1.20"  # any address is accepted on a wildcard bind
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/", headers={"Host": f"{host}:{port}"}
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(request, timeout=5) as r:
                    assert r.url.endswith("/login") and b"token" in r.read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        refused = urllib.request.Request(
            f"http://127.0.0.1:{port}/login", headers={"Host": "evil.example"}
        )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(refused, timeout=5)
        assert caught.value.code == 400
        caught.value.close()
    finally:
        _stop(proc)


def _sign_in(app: Any, token: str) -> TestClient:
    client = TestClient(app, base_url="http://pi.lan:8765")
    form = csrf_of(client, "/login")
    assert post(client, "/login", {"csrf": form, "token": token}).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 200
    return client


def test_a_new_token_and_a_restart_sign_every_browser_out(
    pacer: Callable[..., Run], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACER_HOME", str(home))
    first = pacer("serve", "--new-token")
    assert first.code == 0, first.err
    token = first.out.strip().splitlines()[-1].strip()
    old = _sign_in(prepare(_args(host="0.0.0.0", allow_host=["pi.lan"])), token)
    again = pacer("serve", "--new-token")
    assert again.code == 0, again.err
    fresh = again.out.strip().splitlines()[-1].strip()
    assert stat.S_IMODE((home / "web-sessions").stat().st_mode) == 0o600
    restarted = TestClient(
        prepare(_args(host="0.0.0.0", allow_host=["pi.lan"])), base_url="http://pi.lan:8765"
    )
    restarted.cookies.set("pacer_session", old.cookies["pacer_session"])
    response = restarted.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    form = csrf_of(restarted, "/login")
    assert post(restarted, "/login", {"csrf": form, "token": token}).status_code == 401
    assert post(restarted, "/login", {"csrf": form, "token": fresh}).status_code == 303
    old.close()
    restarted.close()


def test_the_calendar_has_its_own_read_only_token(
    pacer: Callable[..., Run], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACER_HOME", str(home))
    sign_in = pacer("serve", "--new-token").out.strip().splitlines()[-1].strip()
    made = pacer("serve", "--new-feed-token")
    assert made.code == 0, made.err
    path = home / "web-feed-token"
    feed = path.read_text(encoding="utf-8").strip()
    assert len(feed) >= 40 and feed != sign_in
    assert f"/calendar.ics?token={feed}" in made.out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for host in ("0.0.0.0", "127.0.0.1"):
        app = prepare(_args(host=host, allow_host=["pi.lan"]))
        phone = TestClient(app, base_url="http://pi.lan:8765")
        answer = phone.get(f"/calendar.ics?token={feed}")
        assert answer.status_code == 200 and "BEGIN:VCALENDAR" in answer.text
        assert "set-cookie" not in answer.headers
        assert phone.get(f"/calendar.ics?token={sign_in}").status_code == 401
        # The feed token opens the feed and nothing else.
        form = csrf_of(phone, "/login")
        assert post(phone, "/login", {"csrf": form, "token": feed}).status_code == 401
        phone.close()
    # A new sign-in token leaves the calendar subscription alone; a new feed token ends it.
    assert pacer("serve", "--new-token").code == 0
    assert path.read_text(encoding="utf-8").strip() == feed
    assert pacer("serve", "--new-feed-token").code == 0
    app = prepare(_args(host="0.0.0.0", allow_host=["pi.lan"]))
    phone = TestClient(app, base_url="http://pi.lan:8765")
    assert phone.get(f"/calendar.ics?token={feed}").status_code == 401
    phone.close()


@pytest.mark.parametrize("name", ["web-token", "web-feed-token"])
@pytest.mark.parametrize("written", ["hunter2", "0123456789abcdefghij", "a" * 40])
def test_a_weak_hand_written_token_is_refused_at_start(
    pacer: Callable[..., Run], home: Path, name: str, written: str
) -> None:
    assert pacer("serve", "--new-token").code == 0
    assert pacer("serve", "--new-feed-token").code == 0
    (home / name).write_text(written + "\n", encoding="utf-8")
    for host in ("0.0.0.0", "127.0.0.1"):
        run = pacer("serve", "--host", host, "--port", "1")
        assert run.code == 1
        lines = run.err.strip().splitlines()
        assert len(lines) == 1 and name in lines[0], run.err
        assert (
            "--new-feed-token" in lines[0]
            if name == "web-feed-token"
            else "--new-token" in lines[0]
        )
        assert "Traceback" not in run.err


def test_a_new_token_takes_effect_in_a_running_server_at_once(
    pacer: Callable[..., Run], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No restart needed: the old token stops signing in and opening the feed the moment a
    new one is made (a cookie signed in with the old one would otherwise outlive it)."""
    monkeypatch.setenv("PACER_HOME", str(home))
    token = pacer("serve", "--new-token").out.strip().splitlines()[-1].strip()
    pacer("serve", "--new-feed-token")
    feed = (home / "web-feed-token").read_text(encoding="utf-8").strip()
    running = TestClient(
        prepare(_args(host="0.0.0.0", allow_host=["pi.lan"])), base_url="http://pi.lan:8765"
    )
    assert running.get(f"/calendar.ics?token={feed}").status_code == 200
    fresh = pacer("serve", "--new-token").out.strip().splitlines()[-1].strip()
    pacer("serve", "--new-feed-token")
    new_feed = (home / "web-feed-token").read_text(encoding="utf-8").strip()
    form = csrf_of(running, "/login")
    assert post(running, "/login", {"csrf": form, "token": token}).status_code == 401
    assert running.get(f"/calendar.ics?token={feed}").status_code == 401
    assert running.get(f"/calendar.ics?token={new_feed}").status_code == 200
    assert post(running, "/login", {"csrf": form, "token": fresh}).status_code == 303
    running.close()


def test_a_port_already_taken_is_one_line_and_no_claim_to_serve(home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [str(PACER), "serve", "--port", str(port)],
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 1
    assert run.stdout == ""  # never "pacer serves on …" for a port it does not have
    assert run.stderr.strip() == (
        f"pacer: cannot listen on 127.0.0.1:{port}: Address already in use;"
        " choose another with --port (is pacer serve already running?)"
    )


def test_the_listening_socket_says_tcp_so_answers_go_out_without_nagles_delay() -> None:
    """asyncio sets TCP_NODELAY only on sockets whose protocol is IPPROTO_TCP; without it a
    page sent in two writes waited 40 ms for the client's delayed ACK."""
    from pacer.cli.serve import listening_socket

    sock = listening_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        sock.listen()
        with socket.create_connection(sock.getsockname()[:2]):
            accepted, _ = sock.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
