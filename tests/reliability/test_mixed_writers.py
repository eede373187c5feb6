"""Acknowledged means durable under every mix of writers: two `pacer serve` processes started
apart, eight web clients posting /log to them and two shell loops running `pacer log`, all on
one fresh database that has no `-wal` file yet. Every entry that was acknowledged (HTTP 303,
or `logged …` with exit 0) must be in the database afterwards, the database must be sound,
and nothing may fail except with the documented "busy, try again" (HTTP 503, exit 75).

Before pacer opened its database once per process and through a current SQLite, this lost
acknowledged rows or left the file unreadable in most runs (see the CHANGELOG)."""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pacer.store.db import open_store
from tests.helpers import PACER, free_port, pacer_env

RUNS = 10
CLIENTS_PER_SERVER = 4
POSTS_PER_CLIENT = 50
CLI_LOOPS = 2
CLI_LOGS = 25
NOW = "2026-03-10T21:00:00+08:00"
BUSY_STATUS = 503
BUSY_EXIT = 75
JOIN_SECONDS = 240


def _env(home: Path) -> dict[str, str]:
    return pacer_env(home, NOW)


def _start_server(home: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen(
        [str(PACER), "serve", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    _, err = proc.communicate(timeout=10)
    raise AssertionError(f"pacer serve did not start: {err.decode(errors='replace')}")


class WebClient(threading.Thread):
    """One phone: a session cookie and its CSRF token, then POST /log with a unique note."""

    def __init__(self, port: int, name: str) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.name_ = name
        self.acked: list[str] = []
        self.busy = 0
        self.failures: list[str] = []

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # any failure is the finding
            self.failures.append(f"{type(exc).__name__}: {exc}")

    def _run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            cookie, csrf = self._sign_on(conn)
            for i in range(POSTS_PER_CLIENT):
                try:
                    self._post(conn, cookie, csrf, f"{self.name_}-{i}")
                except (OSError, http.client.HTTPException) as exc:
                    # A dropped connection is a failure; the phone tries the next entry anew.
                    self.failures.append(f"{type(exc).__name__}: {exc}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        finally:
            conn.close()

    def _sign_on(self, conn: http.client.HTTPConnection) -> tuple[str, str]:
        conn.request("GET", "/")
        page = conn.getresponse()
        body = page.read().decode("utf-8", errors="replace")
        assert page.status == 200, f"GET / {page.status}"
        cookie = (page.getheader("set-cookie") or "").split(";")[0]
        found = re.search(r'name="csrf" value="([^"]+)"', body)
        assert found is not None, "no CSRF field on Today"
        return cookie, found.group(1)

    def _post(self, conn: http.client.HTTPConnection, cookie: str, csrf: str, note: str) -> None:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Origin": f"http://127.0.0.1:{self.port}",
        }
        form = f"minutes=1&target=english&note={note}&csrf={csrf}"
        conn.request("POST", "/log", body=form, headers=headers)
        answer = conn.getresponse()
        text = answer.read().decode("utf-8", errors="replace")
        if answer.status == 303:
            self.acked.append(note)
        elif answer.status == BUSY_STATUS and answer.getheader("retry-after"):
            self.busy += 1
        else:
            self.failures.append(f"POST /log {answer.status}: {text[:200]}")


class CliLoop(threading.Thread):
    """A shell loop: `pacer log 1 english -m ID`, one process after another."""

    def __init__(self, home: Path, name: str) -> None:
        super().__init__(daemon=True)
        self.home = home
        self.name_ = name
        self.acked: list[str] = []
        self.busy = 0
        self.failures: list[str] = []

    def run(self) -> None:
        env = _env(self.home)
        for i in range(CLI_LOGS):
            note = f"{self.name_}-{i}"
            proc = subprocess.run(
                [str(PACER), "log", "1", "english", "-m", note],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if proc.returncode == 0 and proc.stdout.startswith("logged"):
                self.acked.append(note)
            elif proc.returncode == BUSY_EXIT and "busy" in proc.stderr:
                self.busy += 1
            else:
                self.failures.append(f"exit {proc.returncode}: {proc.stderr.strip()}")


def _stop(proc: subprocess.Popen[bytes]) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate(timeout=20)
    return err.decode(errors="replace")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with no `-wal` file: what a person has after a quiet night."""
    path = tmp_path_factory.mktemp("pristine") / "pacer.db"
    open_store(path).close()
    assert not path.with_name("pacer.db-wal").exists()
    return path


def _rows(db: Path) -> tuple[str, list[Any]]:
    """(integrity_check, notes of the log), read after every writer has stopped."""
    from pacer.store.db import open_store as reopen

    try:
        store = reopen(db)
    except Exception as exc:  # the file itself was damaged
        return f"unreadable: {exc}", []
    try:
        check = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        notes = [r[0] for r in store.conn.execute("SELECT note FROM log")]
    finally:
        store.close()
    return str(check), notes


@pytest.mark.parametrize("run", range(RUNS))
def test_every_acknowledged_entry_survives_servers_and_cli_writing_at_once(
    run: int, pristine: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "pacer.db"
    shutil.copyfile(pristine, db)
    first, port1 = _start_server(home)
    servers = [first]
    writers: list[WebClient | CliLoop] = []
    try:
        loops = [CliLoop(home, f"cli{k}") for k in range(CLI_LOOPS)]
        clients1 = [WebClient(port1, f"a{k}") for k in range(CLIENTS_PER_SERVER)]
        for w in (*loops, *clients1):
            w.start()
        writers += [*loops, *clients1]
        # The second server starts while the first is already busy writing.
        second, port2 = _start_server(home)
        servers.append(second)
        clients2 = [WebClient(port2, f"b{k}") for k in range(CLIENTS_PER_SERVER)]
        for w in clients2:
            w.start()
        writers += clients2
        deadline = time.monotonic() + JOIN_SECONDS  # for all of them together
        for w in writers:
            w.join(timeout=max(0.0, deadline - time.monotonic()))
    finally:
        errors = [_stop(p) for p in servers]
    stuck = [w.name_ for w in writers if w.is_alive()]
    failures = [f"{w.name_}: {f}" for w in writers for f in w.failures]
    acked = [note for w in writers for note in w.acked]
    check, notes = _rows(db)
    missing = sorted(set(acked) - set(notes))
    # Everything at once, so that a failing run says all that went wrong.
    found = {
        "stuck writers": stuck,
        "failed requests": len(failures),
        "acknowledged but missing": len(missing),
        "integrity": check,
        "written twice": len(notes) - len(set(notes)),
        "tracebacks": sum("Traceback" in e for e in errors),
    }
    assert found == {
        "stuck writers": [],
        "failed requests": 0,
        "acknowledged but missing": 0,
        "integrity": "ok",
        "written twice": 0,
        "tracebacks": 0,
    }, (failures[:3], missing[:5])
    expected = CLI_LOOPS * CLI_LOGS + 2 * CLIENTS_PER_SERVER * POSTS_PER_CLIENT
    assert len(acked) + sum(w.busy for w in writers) == expected
