"""pacer/entry.py runs `today` without the parser: what it prints and its exit code are the
parser's, for every word it takes that way and for the words it leaves to the parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER

THROUGH_PARSER = "import sys; from pacer.cli.parser import main; sys.exit(main(sys.argv[1:]))"
CASES = [
    ("today",),
    ("today", "--json"),
    ("--lang", "zh", "today"),
    ("today", "--lang=zh", "--json"),
    ("today", "--date", "2026-03-12"),
    ("today", "--date=tomorrow"),
    ("--plan", str(OTHER_PLAN), "today"),
    ("today", "--date", "not-a-date"),  # one clear line, exit 1 or 2, both ways
    ("today", "--lang", "fr"),  # left to the parser
    ("today", "--plan", "/no/such/plan.yaml"),
    ("today", "--help"),
    ("today", "extra"),
]


def run(home: Path, command: list[str]) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        PACER_HOME=str(home),
        PACER_NOW="2026-03-09T12:00:00+08:00",
        PACER_TZ="Asia/Shanghai",
        LANG="C.UTF-8",
    )
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("words", CASES, ids=lambda w: " ".join(w).replace(str(OTHER_PLAN), "P"))
def test_today_without_the_parser_says_what_the_parser_says(
    tmp_path: Path, words: tuple[str, ...]
) -> None:
    home = tmp_path / "home"
    assert run(home, [str(PACER), "log", "30", "english"])[0] == 0
    direct = run(home, [str(PACER), *words])
    parsed = run(home, [sys.executable, "-c", THROUGH_PARSER, *words])
    assert direct == parsed
    again = run(home, [str(PACER), *words])  # served from the cache, where it was kept
    assert again == parsed
