"""A tour of every command speaks the person's language: no English words in `--lang zh`
output but ids, the plan's own text, units and proper names; English counts take their
plural form ("1 day", never "1 days")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pacer.plan.builtin import builtin_plan_path
from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, ROOT, seed_stale_rows
from tests.language import PROPER, command_words, foreign_words, plan_words

NOW = "2026-04-30T21:00:00+08:00"
TODAY = "2026-04-30"


def _tour(home: Path, milestone: str) -> list[list[str]]:
    """Every command a person uses, in the order of a day: look, log, travel, review, report."""
    return [
        ["--help"],
        ["log", "--help"],
        ["today"],
        ["today", "--date", "2026-05-01"],
        ["today", "--date", "2026-05-02"],
        ["week"],
        ["log", "30", "review"],
        ["log", "20", "no-such-target"],
        ["log", "abc", "review"],
        ["log", "20", "review", "--date", "2026-05-03"],
        ["undo"],
        ["trip", "add", "2026-06-08", "2026-06-19"],
        ["trip", "list"],
        ["today", "--date", "2026-06-10"],
        ["plan", "check"],
        ["plan", "show"],
        ["plan", "timeline"],
        ["status"],
        ["catchup", "--list"],
        ["catchup", milestone],
        ["milestone", "list"],
        ["milestone", "show", milestone],
        ["metric", "list"],
        ["note", "--list"],
        ["report", "week"],
        ["report", "month"],
        ["report", "year"],
        ["review", "--list"],
        ["review", "--show"],
        ["doctor"],
        ["forecast", "--runs", "40"],
        ["backup", str(home / "copy.db")],
        ["export", "ics", "-o", str(home / "plan.ics")],
        ["export", "json", "-o", str(home / "all.json")],
        ["init", "--template", "nothing", str(home / "mine.yaml")],
        ["init", "--template", "blank", str(home / "mine.yaml")],
        ["plan", "use", str(home / "no-such-plan.yaml")],
    ]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        {"PACER_HOME": str(home), "LANG": "C.UTF-8", "PACER_NOW": NOW, "PACER_TZ": "Asia/Shanghai"}
    )
    return env


def _history(home: Path, plan: Path | None) -> None:
    """Two months of use: the demo's record on the built-in plan, a few entries on another;
    and rows naming ids no plan has (doctor lists them)."""
    env = _env(home)
    seed_stale_rows(home / "pacer.db")
    if plan is None:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "demo.py"), "2026-04-29"],
            env=env,
            check=True,
            capture_output=True,
        )
        return
    for day, minutes, target in (
        ("2026-04-27", "45", "piano"),
        ("2026-04-28", "30", "piano"),
        ("2026-04-29", "25", "piano"),
    ):
        subprocess.run(
            [str(PACER), "--plan", str(plan), "log", minutes, target, "--date", day],
            env=env,
            capture_output=True,
            check=False,
        )


def _run_tour(home: Path, plan: Path | None, lang: str) -> Iterator[tuple[str, str]]:
    """(command line, everything it printed) for each command of the tour."""
    env = _env(home)
    extra = [] if plan is None else ["--plan", str(plan)]
    first = subprocess.run(
        [str(PACER), *extra, "milestone", "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    milestone = re.findall(r'"id": "([^"]+)"', first.stdout)[0]
    for args in _tour(home, milestone):
        done = subprocess.run(
            [str(PACER), "--lang", lang, *extra, *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            cwd=home,
        )
        assert "Traceback" not in done.stderr, (args, done.stderr)
        yield " ".join(args), done.stdout + done.stderr


PLANS = [None, OTHER_PLAN]
# The ids seed_stale_rows writes, shown as they are, and the person's own words it writes.
STALE = {
    f"gone-{kind}"
    for kind in ("unit", "track", "milestone", "optional", "criterion", "metric", "post", "prompt")
} | {"material", "an", "answer"}


@pytest.fixture(scope="module", params=PLANS, ids=["builtin", "berlin"])
def toured(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path | None, Path]:
    plan: Path | None = request.param
    home = tmp_path_factory.mktemp("tour")
    _history(home, plan)
    return plan, home


def test_a_tour_in_chinese_has_no_english_words(toured: tuple[Path | None, Path]) -> None:
    plan, home = toured
    allowed = PROPER | command_words() | plan_words(plan or builtin_plan_path()) | STALE
    leaks = {}
    for command, output in _run_tour(home, plan, "zh"):
        words = foreign_words(output, allowed)
        if words:
            leaks[command] = sorted(set(words))
    assert not leaks, "\n".join(f"{c}: {w}" for c, w in leaks.items())


ONE_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:[a-z]+ )?(?:days|weeks|hours|units|milestones|entries|trips|runs|rows"
    r"|events|notes|items|posts|criteria|files)\b"
)


def test_a_tour_in_english_never_says_one_of_a_plural(toured: tuple[Path | None, Path]) -> None:
    plan, home = toured
    wrong = {}
    for command, output in _run_tour(home, plan, "en"):
        found = ONE_PLURAL.findall(output)
        if found:
            wrong[command] = found
    assert not wrong, "\n".join(f"{c}: {w}" for c, w in wrong.items())


def test_the_scan_finds_english_it_should() -> None:
    # The checker itself: a leaked word is found; ids, options, commands and paths are not.
    allowed = {"english", "phase", "a"}
    text = "数学: 3.0 h 计划  [phase-a]  运行 'pacer review --week 2026-W17' /tmp/x.db built-in"
    assert foreign_words(text, allowed) == ["h", "built-in"]
    assert ONE_PLURAL.search("trip 1: 1 days") and not ONE_PLURAL.search("11 days, 1 day")
