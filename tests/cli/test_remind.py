"""`pacer remind`: the day's agenda posted through apprise to a local HTTP endpoint (a
`json://` URL in the data folder's remind.toml), its refusals, --dry-run and --systemd.
Both plans."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import Run, free_port

Pacer = Callable[..., Run]
PLANS = [(), ("--plan", str(OTHER_PLAN))]
IDS = ["builtin", "berlin"]


class Endpoint:
    """A tiny HTTP server on 127.0.0.1 that keeps what is posted to it."""

    def __init__(self) -> None:
        posted: list[tuple[str, dict[str, Any]]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("content-length", "0"))
                posted.append((self.path, json.loads(self.rfile.read(size))))
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet

        self.posted = posted
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "hook") -> str:
        return f"json://127.0.0.1:{self.port}/{path}"


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    end = Endpoint()
    end.thread.start()
    yield end
    end.server.shutdown()
    end.server.server_close()
    end.thread.join()


def settings(home: Path, text: str) -> Path:
    path = home / "remind.toml"
    path.write_text(text, encoding="utf-8")
    return path


def one_line(run: Run) -> str:
    lines = [line for line in run.err.splitlines() if "built-in" not in line and "内置" not in line]
    assert len(lines) == 1, run.err
    return lines[0]


def in_use_since_week_10(pacer: Pacer, plan: tuple[str, ...]) -> None:
    """The database made on Monday 2 March: week 10's review is due on Monday 9 March (a
    week over before the first use of pacer asks for none)."""
    run = pacer(*plan, "today", env={"PACER_NOW": "2026-03-02T20:00:00+08:00"})
    assert run.code == 0, run.err


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_remind_posts_the_days_agenda(
    pacer: Pacer, home: Path, endpoint: Endpoint, plan: tuple[str, ...]
) -> None:
    settings(home, f'urls = ["{endpoint.url()}"]\n')
    in_use_since_week_10(pacer, plan)
    run = pacer(*plan, "remind")
    assert run.code == 0, run.err
    assert run.out == "sent the agenda of 2026-03-09 to 1 service\n"
    ((path, posted),) = endpoint.posted
    assert path == "/hook"
    assert posted["title"].startswith("pacer · Monday 2026-03-09 · ")
    body = posted["message"]
    # Each block as `today` has it, at the time the calendar gives it, with its units.
    today = pacer(*plan, "today", "--json").json()
    cal = icalendar.Calendar.from_ical(pacer(*plan, "export", "ics", "--days", "1").out)
    times = {
        str(e["UID"]).split("-")[-1].split("@")[0]: (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in cal.walk("VEVENT")
    }
    assert today["blocks"]
    for block in today["blocks"]:
        if block["type"] == "work" and not block["items"]:
            continue
        start, end = times[block["id"]]
        assert isinstance(start, datetime) and isinstance(end, datetime)
        assert f"{start:%H:%M}–{end:%H:%M} {block['title']} · " in body
        for item in block["items"]:
            assert f"· {item['title']} · {item['minutes']} min [{item['unit']}]" in body
    # The week's review is due (nothing written yet): the message says so.
    assert "weekly review for 2026-W10 is due" in body


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_agenda_in_chinese_and_what_is_logged(
    pacer: Pacer, home: Path, endpoint: Endpoint, plan: tuple[str, ...]
) -> None:
    settings(home, f'urls = ["{endpoint.url()}"]\n')
    in_use_since_week_10(pacer, plan)
    habit = next(b for b in pacer(*plan, "today", "--json").json()["blocks"] if b["track"])
    assert pacer(*plan, "log", "20", habit["track"]).code == 0
    run = pacer(*plan, "remind", lang="zh")
    assert run.code == 0, run.err
    assert run.out == "已把 2026-03-09 的安排发送到 1 个服务\n"
    ((_, posted),) = endpoint.posted
    assert posted["title"].startswith("pacer · 2026-03-09 周一 · ")
    body = posted["message"]
    assert "分钟" in body and " min" not in body
    assert "✓ 已记录 20 分钟" in body
    assert "2026-W10 的周复盘该做了" in body


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_dry_run_prints_and_sends_nothing(
    pacer: Pacer, home: Path, endpoint: Endpoint, plan: tuple[str, ...]
) -> None:
    run = pacer(*plan, "remind", "--dry-run")
    assert run.code == 0, run.err
    assert run.out.startswith("pacer · Monday 2026-03-09 · ")
    assert run.out.splitlines()[-1].startswith(f"nothing is sent until {home / 'remind.toml'}")
    settings(home, f'urls = ["{endpoint.url("secret-path")}"]\n')
    run = pacer(*plan, "remind", "--dry-run")
    assert run.code == 0, run.err
    assert (
        run.out.splitlines()[-1] == f"would send to: json://127.0.0.1:{endpoint.port}/secret-path"
    )
    assert endpoint.posted == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, "no reminder settings: create {path} with a line like: urls = ["),
        ('urls = ["foo://bar"]\n', "{path}: apprise does not understand URL 1 (foo:…)"),
        ('urls = ["nonsense"]\n', "{path}: apprise does not understand URL 1 (…)"),
        ("urls = [\n", "{path} is not valid TOML ("),
        ("urls = []\n", "{path} has no notification URLs; write a line like: urls = ["),
        ('url = "json://localhost"\n', "{path} has no notification URLs"),
    ],
)
@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_settings_refused_in_one_line(
    pacer: Pacer, home: Path, plan: tuple[str, ...], text: str | None, expected: str
) -> None:
    if text is not None:
        settings(home, text)
    for args in (("remind",), ("remind", "--dry-run")):
        if text is None and "--dry-run" in args:
            continue  # --dry-run without settings prints the agenda (above)
        run = pacer(*plan, *args)
        assert (run.code, run.out) == (1, ""), run
        line = one_line(run)
        assert line.startswith("pacer: " + expected.format(path=home / "remind.toml")), line


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_an_endpoint_that_is_down_is_one_line(
    pacer: Pacer, home: Path, plan: tuple[str, ...]
) -> None:
    settings(home, f'urls = ["json://127.0.0.1:{free_port()}/hook"]\n')
    run = pacer(*plan, "remind")
    assert (run.code, run.out) == (1, "")
    line = one_line(run)
    assert line.startswith("pacer: the reminder was not sent ("), line
    assert f"check the URLs in {home / 'remind.toml'}" in line


def test_an_endpoint_that_answers_an_error_is_one_line(pacer: Pacer, home: Path) -> None:
    """A server that answers 500: apprise reports the failure, pacer says it in one line."""

    class Failing(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(500)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings(home, f'urls = ["json://127.0.0.1:{server.server_address[1]}/x"]\n')
        run = pacer("--plan", str(OTHER_PLAN), "remind")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert (run.code, run.out) == (1, "")
    assert one_line(run).startswith("pacer: the reminder was not sent (")


@pytest.mark.parametrize(
    ("plan", "timers"),
    [
        (
            (),
            [
                "OnCalendar=Sat *-*-* 09:30:00 Asia/Shanghai",
                "OnCalendar=Sun *-*-* 15:00:00 Asia/Shanghai",
                "OnCalendar=Mon..Fri *-*-* 21:00:00 Asia/Shanghai",
            ],
        ),
        (
            ("--plan", str(OTHER_PLAN)),
            [
                "OnCalendar=Fri..Sun *-*-* 10:00:00 Europe/Berlin",
                "OnCalendar=Mon..Thu *-*-* 19:30:00 Europe/Berlin",
            ],
        ),
    ],
    ids=IDS,
)
def test_systemd_units_at_the_templates_start_times(
    pacer: Pacer, home: Path, plan: tuple[str, ...], timers: list[str]
) -> None:
    # No PACER_TZ: the times are the plan's, in its `timezone` (named: systemd would read
    # them in the machine's zone, often UTC on a Pi).
    run = pacer(*plan, "remind", "--systemd", env={"PACER_TZ": ""})
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert [line for line in lines if line.startswith("OnCalendar=")] == timers
    # Travelling (PACER_TZ), the same wall-clock times where the person is.
    away = pacer(*plan, "remind", "--systemd", env={"PACER_TZ": "America/New_York"})
    moved = [line for line in away.out.splitlines() if line.startswith("OnCalendar=")]
    assert moved == [t.rsplit(" ", 1)[0] + " America/New_York" for t in timers]
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("PACER_REQUIRE_TOOLS") == "1":
            pytest.fail("systemd-analyze is needed here (apt-get install systemd)")
        return
    for line in timers:
        spec = line.removeprefix("OnCalendar=")
        checked = subprocess.run(
            [analyze, "calendar", spec], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr
        assert f"Normalized form: {spec}" in checked.stdout
    (exec_start,) = [line for line in lines if line.startswith("ExecStart=")]
    assert exec_start.split()[1:4] == ["remind", "--lang", "en"]
    assert f"Environment=PACER_HOME={home}" in lines
    assert "Environment=PACER_TZ=America/New_York" in away.out.splitlines()
    assert not [line for line in lines if line.startswith("Environment=PACER_TZ")]
    assert "# save as ~/.config/systemd/user/pacer-remind.timer" in lines
    assert "WantedBy=timers.target" in lines
    zh = pacer(*plan, "remind", "--systemd", lang="zh")
    assert "# 保存为 ~/.config/systemd/user/pacer-remind.timer" in zh.out.splitlines()


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_a_day_with_nothing_planned_sends_nothing(
    pacer: Pacer, home: Path, endpoint: Endpoint, plan: tuple[str, ...]
) -> None:
    settings(home, f'urls = ["{endpoint.url()}"]\n')
    assert pacer(*plan, "sick", "2026-03-10").code == 0
    run = pacer(*plan, "remind", "--date", "2026-03-10")
    assert (run.code, run.out) == (
        0,
        "nothing planned on 2026-03-10 and no review due: nothing sent\n",
    )
    assert endpoint.posted == []
