"""Shared fixtures: the real `pacer` command in a subprocess, plan files, a fixed clock, and
the browser of the browser tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pacer import clock, workspace
from pacer.i18n import set_lang
from tests.helpers import PACER, Run

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _english_and_real_clock() -> Iterator[None]:
    set_lang("en")
    clock.set_now(None)
    workspace._LOADED.clear()  # each test reads its plan as a new process would
    yield
    set_lang("en")
    clock.set_now(None)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def pacer_runner(home: Path) -> Callable[..., Run]:
    """`pacer` with its data directory in `home` (the `pacer` fixture; module-scoped
    fixtures make one for a folder of theirs)."""

    def run(
        *args: str, lang: str = "en", env: dict[str, str] | None = None, stdin: str = ""
    ) -> Run:
        """`stdin` is what the command reads: always a pipe, never the terminal."""
        full_env = {
            k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))
        }
        full_env.update(
            {
                "PACER_HOME": str(home),
                "LANG": "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8",
                "PACER_NOW": "2026-03-09T12:00:00+08:00",
                "PACER_TZ": "Asia/Shanghai",
            }
        )
        full_env.update(env or {})
        proc = subprocess.run(
            [str(PACER), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=60,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def pacer(home: Path) -> Callable[..., Run]:
    """Run the installed `pacer` command with its data directory in a temporary folder."""
    return pacer_runner(home)


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[[str, str], Path]:
    """Factory: write plan text to a file and return its path."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


OTHER_PLAN = Path(__file__).parent / "fixtures" / "plan-berlin.yaml"


@pytest.fixture
def other_plan() -> Path:
    """A small plan that is not the built-in one: English, Europe/Berlin, Germany's holidays,
    its own templates and ids. Run a feature's tests on it as well as on the built-in plan."""
    return OTHER_PLAN


def _missing(reason: str) -> None:
    if os.environ.get("PACER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, launched once per test process."""
    if not CHROMIUM.exists():
        _missing("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The browser of the browser tests. Each page a test opens has a context of its own
    (new_page makes one), so no test sees another's cookies, storage or pages; whatever a
    test leaves open, a failing one too, is closed after it."""
    yield chromium
    for context in chromium.contexts:
        context.close()
