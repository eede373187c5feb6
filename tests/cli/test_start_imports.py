"""What `pacer today` (when the rendered-day cache misses: after a write) and `pacer log`
import: none of what only other commands need (their start is most of their time;
bench/startup.py measures it). Not a timing: a module listed here coming back on the daily
path is a regression that a benchmark would only hint at."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, pacer_env

NOW = "2026-03-20T20:00:00+08:00"
# Each costs milliseconds at start: dataclasses (with inspect, ast) creates classes by exec,
# shutil brings bz2 and lzma (argparse asks it the terminal's width), the message modules of
# other features, the engine's forecast and the charts.
NEVER = (
    "dataclasses",
    "inspect",
    "shutil",
    "pacer.messages.gantt",
    "pacer.messages.web",
    "pacer.schedule.forecast",
    "pacer.report",
    "yaml",
)


def modules_after(home: Path, *args: str) -> set[str]:
    """The modules loaded once the `pacer` command's entry point has run `args`."""
    script = (
        "import sys\n"
        f"sys.argv = ['pacer', *{list(args)!r}]\n"
        "from pacer.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', *sorted(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=pacer_env(home, NOW) | {"PACER_CACHE_TRACE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "day cache hit" not in done.stderr  # the whole path ran
    last = done.stdout.strip().splitlines()[-1].split()
    assert last[0] == "MODULES", done.stdout
    return set(last[1:])


@pytest.mark.parametrize(
    "args", [("today",), ("today", "--json"), ("log", "20", "english"), ("week",)]
)
def test_the_daily_commands_import_nothing_they_do_not_use(
    pacer: Callable[..., Run], home: Path, args: tuple[str, ...]
) -> None:
    assert pacer("log", "30", "english").code == 0  # a database, and the plan's cache
    assert pacer("today").code == 0  # the day kept
    assert pacer("log", "5", "english").code == 0  # a write: today is made afresh
    loaded = modules_after(home, *args)
    assert "pacer.cli.today" in loaded or "pacer.cli.log" in loaded  # the command ran
    assert sorted(loaded & set(NEVER)) == []
