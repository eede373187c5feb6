"""Busy, full and read-only storage, said in words: a writer that holds the lock too long is
"busy, try again" (exit 75), a full disk and read-only storage are named as such, and the
reading commands still work on a database that cannot be written."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.reliability.processes import wait_for, write_lock_held

ROOM_FOR_A_CHART = 150 * 1024  # bytes: the heatmap's PNG and SVG, not the burn-up's too
BUSY = "pacer: the database is busy (another pacer is writing); try again"


@pytest.fixture
def held(home: Path, pacer: Callable[..., Run], tmp_path: Path) -> Iterator[Path]:
    """The database with another process holding its write lock until the test ends."""
    assert pacer("log", "30", "english").code == 0
    with write_lock_held(home / "pacer.db", tmp_path / "signals") as signals:
        yield signals


def test_a_writer_that_holds_the_lock_too_long_is_busy_try_again(
    held: Path, pacer: Callable[..., Run]
) -> None:
    run = pacer("log", "20", "english", "-m", "while locked")
    assert (run.code, run.err.strip(), run.out) == (75, BUSY, "")
    today = pacer("today", "--json")  # reading needs no lock (WAL)
    assert today.code == 0, today.err
    assert [e["minutes"] for e in today.json()["logged"]] == [30]
    (held / "release").touch()


def test_after_the_lock_is_released_the_write_goes_through(
    held: Path, pacer: Callable[..., Run], home: Path
) -> None:
    (held / "release").touch()
    wait_for(held / "release")
    run = pacer("log", "20", "english")
    assert run.code == 0, run.err


# -- storage that cannot be written --------------------------------------------------------
def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real filesystem of its own (tmpfs, 4 MB) that the test can fill or make read-only.
    As root (CI) it is mounted; elsewhere the test says why it cannot run."""
    point = tmp_path / "disk"
    point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (CI runs as root)")
    made = _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(point))
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield point
    finally:
        _mount("-o", "remount,rw", str(point))
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_read_only_storage_is_named_and_reading_commands_still_work(
    small_disk: Path, pacer: Callable[..., Run], tmp_path: Path
) -> None:
    env = {"PACER_HOME": str(small_disk / "pacer")}
    assert pacer("log", "30", "english", "-m", "before", env=env).code == 0
    remounted = _mount("-o", "remount,ro", str(small_disk))
    assert remounted.returncode == 0, remounted.stderr
    db = small_disk / "pacer" / "pacer.db"

    run = pacer("log", "20", "english", env=env)
    assert run.code == 1
    assert run.err.strip() == (
        f"pacer: {db} is on read-only storage; nothing was written (reading commands still work)"
    )
    today = pacer("today", "--json", env=env)
    assert today.code == 0, today.err
    assert [e["note"] for e in today.json()["logged"]] == ["before"]
    assert pacer("status", env=env).code == 0
    exported = pacer("export", "json", "-o", str(tmp_path / "out.json"), env=env)
    assert exported.code == 0, exported.err
    assert '"before"' in (tmp_path / "out.json").read_text(encoding="utf-8")
    backup = pacer("backup", str(tmp_path / "backups") + "/", env=env)
    assert backup.code == 0, backup.err
    assert len(list((tmp_path / "backups").glob("pacer-*.db"))) == 1
    doctor = pacer("doctor", env=env)
    assert "integrity check: ok" in doctor.out, doctor.err


def test_a_full_disk_is_named_and_nothing_is_half_written(
    small_disk: Path, pacer: Callable[..., Run]
) -> None:
    env = {"PACER_HOME": str(small_disk / "pacer")}
    assert pacer("log", "30", "english", "-m", "before", env=env).code == 0
    filler = small_disk / "filler"
    with filler.open("wb", buffering=0) as fh:  # unbuffered: closing it writes nothing more
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass  # the disk is full
    db = small_disk / "pacer" / "pacer.db"
    run = pacer("log", "20", "english", env=env)
    assert run.code == 1
    assert run.err.strip() == (
        f"pacer: the disk holding {db} is full; nothing was written (free some space and try again)"
    )
    today = pacer("today", "--json", env=env)
    assert today.code == 0, today.err
    assert [e["note"] for e in today.json()["logged"]] == ["before"]
    backups = small_disk / "pacer" / "backups"
    backup = pacer("backup", env=env)
    assert backup.code == 1
    assert backup.err.strip() == (
        f"pacer: the disk holding {backups} is full; nothing was written"
        " (free some space and try again)"
    )
    assert list(backups.iterdir()) == []  # no half-written copy, no temporary file
    # Room for the first chart or two, not for all: the report fails half-way.
    os.truncate(filler, filler.stat().st_size - ROOM_FOR_A_CHART)
    report = small_disk / "report"
    drawn = pacer("report", "month", "-o", f"{report}/", env=env)
    assert drawn.code == 1 and "Traceback" not in drawn.err, drawn.err
    assert not report.exists() or list(report.iterdir()) == []
    filler.unlink()
    again = pacer("report", "month", "-o", f"{report}/", env=env)  # nothing left in the way
    assert again.code == 0, again.err
    assert pacer("log", "20", "english", "-m", "after", env=env).code == 0
    notes = [e["note"] for e in pacer("today", "--json", env=env).json()["logged"]]
    assert notes == ["before", "after"]
    shutil.rmtree(small_disk / "pacer")
