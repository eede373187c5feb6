"""Times pacer shows are the person's: PACER_TZ when set, else the plan's `timezone` — never
the machine's zone (TZ), which on a server or in a container is often UTC.

Each run is a real `pacer` process whose TZ is another zone than the plan's, and no PACER_TZ.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run, complete_review

# 2026-04-12 (a Sunday: both plans' review day) 13:00 UTC: 21:00 in Shanghai, 15:00 in Berlin.
NOW = "2026-04-12T13:00:00+00:00"
# plan arguments, the machine's zone, the plan's wall-clock time at NOW, a post of the plan
PLANS = {
    "builtin": ((), "UTC", "2026-04-12 21:00", "blog2"),
    "berlin": (
        ("--plan", str(OTHER_PLAN)),
        "America/Los_Angeles",
        "2026-04-12 15:00",
        "night-notes",
    ),
}


def run(home: Path, *args: str, tz: str, stdin: str = "", pacer_tz: str | None = None) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(home), LANG="C.UTF-8", PACER_NOW=NOW, TZ=tz)
    if pacer_tz is not None:
        env["PACER_TZ"] = pacer_tz
    proc = subprocess.run(
        [str(PACER), *args], input=stdin, env=env, capture_output=True, text=True, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize("which", PLANS)
def test_review_list_shows_the_plans_wall_clock(home: Path, which: str) -> None:
    plan, tz, local, _post = PLANS[which]
    runs = lambda *a, stdin="", env=None: run(home, *a, stdin=stdin, tz=tz)  # noqa: E731
    wrote = complete_review(runs, *plan, "review", "--answers", "-")
    assert wrote.code == 0, wrote.err
    listed = run(home, *plan, "review", "--list", tz=tz)
    assert listed.code == 0, listed.err
    assert f"  2026-W15  written {local}" in listed.out.splitlines()
    # JSON keeps the instant, in UTC: a machine reads it in any zone.
    stamps = run(home, *plan, "review", "--list", "--json", tz=tz).json()["reviews"][0]
    assert stamps["created_at"] == "2026-04-12T13:00:00+00:00"


def test_pacer_tz_wins_over_the_plans_zone(home: Path) -> None:
    runs = lambda *a, stdin="", env=None: run(home, *a, stdin=stdin, tz="UTC")  # noqa: E731
    assert complete_review(runs, "review", "--answers", "-").code == 0
    listed = run(home, "review", "--list", tz="UTC", pacer_tz="Asia/Tokyo")
    assert "  2026-W15  written 2026-04-12 22:00" in listed.out.splitlines()


@pytest.mark.parametrize("which", PLANS)
def test_hexo_draft_date_is_the_plans_wall_clock(home: Path, tmp_path: Path, which: str) -> None:
    plan, tz, local, post = PLANS[which]
    out = tmp_path / "drafts"
    exported = run(home, *plan, "export", "hexo", post, "-o", str(out), tz=tz)
    assert exported.code == 0, exported.err
    text = (out / f"{post}.md").read_text(encoding="utf-8")
    assert f"\ndate: {local}:00\n" in text


@pytest.mark.parametrize("which", PLANS)
def test_backup_names_carry_the_plans_wall_clock(home: Path, tmp_path: Path, which: str) -> None:
    plan, tz, local, _post = PLANS[which]
    assert run(home, *plan, "note", "x", "--for", PLANS[which][3], tz=tz).code == 0
    folder = tmp_path / "backups"
    made = run(home, *plan, "backup", f"{folder}/", tz=tz)
    assert made.code == 0, made.err
    stamp = local.replace("-", "").replace(" ", "-").replace(":", "") + "00"
    assert [p.name for p in folder.iterdir()] == [f"pacer-{stamp}.db"]
