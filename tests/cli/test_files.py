"""Files pacer writes: never replaced without --force, private (0600 files in 0700 folders)
whatever the umask, backups never overwriting each other, killed backups cleaned up."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run, pacer_env

Pacer = Callable[..., Run]
NOW = "2026-03-09T12:00:00+08:00"
# Each plan with a habit track of its own to log: the built-in plan, and the Berlin nurse's.
PLANS = {
    "builtin": ((), "english"),
    "berlin": (("--plan", str(OTHER_PLAN)), "piano"),
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


def under_umask_022(data: Path, *args: str, cwd: Path | None = None) -> Run:
    """The real `pacer`, started as a login shell with the common umask 022 would start it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(data), LANG="C.UTF-8", PACER_NOW=NOW, PACER_TZ="Asia/Shanghai")
    proc = subprocess.run(
        ["sh", "-c", 'umask 022 && exec "$@"', "sh", str(PACER), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


# -- private files under umask 022 -------------------------------------------------------------
@pytest.mark.parametrize("plan", list(PLANS))
def test_everything_pacer_writes_is_private_under_umask_022(tmp_path: Path, plan: str) -> None:
    plan_args, habit = PLANS[plan]
    data = tmp_path / "data"  # missing: pacer makes it
    out = tmp_path / "out"
    out.mkdir()
    assert under_umask_022(data, *plan_args, "log", "30", habit).code == 0
    backup = under_umask_022(data, *plan_args, "backup")
    assert backup.code == 0, backup.err
    for args in (
        ("export", "json", "-o", str(out / "pacer.json")),
        ("export", "ics", "-o", str(out / "pacer.ics")),
        ("report", "month", "--format", "md", "-o", str(out / "report")),
        ("backup", str(out / "backups") + "/"),
    ):
        run = under_umask_022(data, *plan_args, *args)
        assert run.code == 0, (args, run.err)
    assert mode(data) == 0o700
    assert mode(data / "backups") == 0o700
    assert mode(out / "report") == 0o700
    assert mode(out / "backups") == 0o700
    written = [
        *(data / "backups").iterdir(),
        *(out / "backups").iterdir(),
        out / "pacer.json",
        out / "pacer.ics",
        *(out / "report").iterdir(),
    ]
    charts = [p for p in written if p.suffix in (".png", ".svg")]
    assert len(charts) >= 6  # heatmap, burn-up, milestones: PNG and SVG each
    assert {p: oct(mode(p)) for p in written} == {p: oct(0o600) for p in written}
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("plan", list(PLANS))
def test_the_database_is_private_under_umask_022(tmp_path: Path, plan: str) -> None:
    plan_args, habit = PLANS[plan]
    data = tmp_path / "data"
    assert under_umask_022(data, *plan_args, "log", "30", habit).code == 0
    db = [p for p in data.iterdir() if p.name.startswith("pacer.db")]
    assert {p.name: oct(mode(p)) for p in db} == {p.name: oct(0o600) for p in db}


# -- -o never replaces a file without --force --------------------------------------------------
OUTPUTS = {
    "export json": ("export", "json", "-o", "{out}/pacer.json"),
    "export ics": ("export", "ics", "-o", "{out}/pacer.ics"),
    "report file": ("report", "month", "--format", "md", "-o", "{out}/march.md"),
    "report folder": ("report", "year", "--format", "md", "-o", "{out}"),
    "forecast chart": ("forecast", "--runs", "50", "--chart", "{out}/fan.png"),
}


@pytest.mark.parametrize("plan", list(PLANS))
@pytest.mark.parametrize("command", list(OUTPUTS))
def test_o_refuses_to_replace_a_file_without_force(
    pacer: Pacer, tmp_path: Path, command: str, plan: str
) -> None:
    plan_args, _ = PLANS[plan]
    out = tmp_path / "out"
    args = [a.format(out=out) for a in OUTPUTS[command]]
    first = pacer(*plan_args, *args)
    assert first.code == 0, first.err
    made = sorted(p for p in out.iterdir())
    edited = made[0]  # for a report folder: one of its charts, the others are still new
    if command == "report folder":
        edited = next(p for p in made if p.suffix == ".md")
        for other in made:
            if other.is_dir():  # the year summary's charts: its (Hexo) asset folder
                shutil.rmtree(other)
            elif other != edited:
                other.unlink()
    edited.write_text("edited by hand", encoding="utf-8")
    before = sorted(p.name for p in out.iterdir())

    refused = pacer(*plan_args, *args)
    assert refused.code == 1
    assert errors(refused) == [f"pacer: {edited} already exists; add --force to replace it"]
    assert refused.out == ""
    assert edited.read_text(encoding="utf-8") == "edited by hand"
    assert sorted(p.name for p in out.iterdir()) == before  # nothing else written either

    forced = pacer(*plan_args, *args, "--force")
    assert forced.code == 0, forced.err
    assert edited.read_text(encoding="utf-8", errors="replace") != "edited by hand"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_report_folder_with_one_old_chart_is_refused_before_anything_is_drawn(
    pacer: Pacer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    chart = out / "pacer-month-2026-03-burnup.svg"
    chart.write_text("<svg/>", encoding="utf-8")
    run = pacer("report", "month", "--format", "md", "-o", str(out))
    assert run.code == 1
    assert errors(run) == [f"pacer: {chart} already exists; add --force to replace it"]
    assert [p.name for p in out.iterdir()] == [chart.name]


# -- backup ------------------------------------------------------------------------------------
def test_backup_into_a_missing_folder_with_a_slash_makes_the_folder(
    pacer: Pacer, tmp_path: Path
) -> None:
    assert pacer("log", "30", "english").code == 0
    folder = tmp_path / "copies" / "nightly"
    run = pacer("backup", f"{folder}/")
    assert run.code == 0, run.err
    assert folder.is_dir() and mode(folder) == 0o700
    assert mode(folder.parent) == 0o700  # pacer made both
    (made,) = folder.iterdir()
    assert made.name == "pacer-20260309-120000.db"
    assert run.out.startswith(f"backed up {tmp_path / 'home' / 'pacer.db'} to {made} (")


@pytest.mark.parametrize("where", ["default", "folder"])
def test_backups_in_the_same_second_are_two_files(
    pacer: Pacer, home: Path, tmp_path: Path, where: str
) -> None:
    assert pacer("log", "30", "english").code == 0
    args = () if where == "default" else (str(tmp_path / "copies") + "/",)
    folder = home / "backups" if where == "default" else tmp_path / "copies"
    # PACER_NOW fixes the clock: every backup is made in the same second.
    runs = [pacer("backup", *args) for _ in range(3)]
    assert [r.code for r in runs] == [0, 0, 0], [r.err for r in runs]
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "pacer-20260309-120000.db",
        "pacer-20260309-120000_2.db",
        "pacer-20260309-120000_3.db",
    ]
    assert [str(folder / n) in r.out for r, n in zip(runs, names, strict=True)] == [True] * 3


def test_backups_started_at_once_each_take_a_name_of_their_own(pacer: Pacer, home: Path) -> None:
    """Processes racing for the names of one second: none fails, none replaces another."""
    assert pacer("log", "30", "english").code == 0
    env = pacer_env(home, NOW)
    racers = [
        subprocess.Popen(
            [str(PACER), "backup"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(6)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in racers]
    assert [code for code, _, _ in results] == [0] * 6, [err for _, _, err in results]
    names = sorted(p.name for p in (home / "backups").iterdir())
    assert len(names) == 6 and all(n.startswith("pacer-20260309-120000") for n in names)


def test_backup_to_an_existing_file_needs_force(pacer: Pacer, tmp_path: Path) -> None:
    assert pacer("log", "30", "english").code == 0
    named = tmp_path / "nightly.db"
    named.write_bytes(b"last night's copy")
    refused = pacer("backup", str(named))
    assert refused.code == 1
    assert errors(refused) == [f"pacer: {named} already exists; add --force to replace it"]
    assert named.read_bytes() == b"last night's copy"
    forced = pacer("backup", str(named), "--force")
    assert forced.code == 0, forced.err
    assert named.read_bytes()[:16] == b"SQLite format 3\x00"
    assert mode(named) == 0o600


def _dead_pid() -> int:
    """A process id that was just in use and is not any more (a reused id would only keep a
    stale file one day longer: that case is the age bound's, tested below)."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_killed_backups_temporary_file_is_removed_at_the_next_backup(
    pacer: Pacer, home: Path
) -> None:
    assert pacer("log", "30", "english").code == 0
    folder = home / "backups"
    folder.mkdir()
    dead = _dead_pid()
    stale = [
        folder / f".pacer-20260301-080000.db.{dead}.0a1b2c3d.tmp",  # a dead process's
        folder / f".pacer-20260301-080000.db.{dead}.tmp",  # the same, as older pacers named it
    ]
    old_but_alive = folder / f".pacer-20260302-080000.db.{os.getpid()}.0a1b2c3d.tmp"
    kept = [
        folder / f".pacer-20260303-080000.db.{os.getpid()}.0a1b2c3d.tmp",  # alive, recent
        folder / f".notes.txt.{dead}.tmp",  # not a backup's: not pacer's to remove
        folder / "pacer-20260301-080000.db.tmp",  # not a temporary name of pacer's
    ]
    for path in (*stale, old_but_alive, *kept):
        path.write_bytes(b"SQLite format 3\x00 half a copy")
    day = 24 * 3600
    os.utime(old_but_alive, (time.time() - 2 * day, time.time() - 2 * day))
    run = pacer("backup")
    assert run.code == 0, run.err
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([*(p.name for p in kept), "pacer-20260309-120000.db"])
