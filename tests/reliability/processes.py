"""Starting worker processes (tests/reliability/workers.py) and waiting for them, boundedly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import ROOT

WAIT_STEPS = 6000  # polls of 10 ms: a minute at most


def start_worker(*args: str, stdout: int = subprocess.PIPE) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACER_")}
    env["PACER_NOW"] = "2026-03-10T12:00:00+00:00"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.workers", *args],
        cwd=ROOT,
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(*paths: Path) -> None:
    for _ in range(WAIT_STEPS):
        if all(p.exists() for p in paths):
            return
        time.sleep(0.01)
    raise AssertionError(f"gave up waiting for {[str(p) for p in paths]}")


@contextmanager
def write_lock_held(db: Path, folder: Path) -> Iterator[Path]:
    """Another process holds `db`'s write lock (an open write transaction) inside the block;
    touching the yielded folder's `release` lets it go early."""
    folder.mkdir(exist_ok=True)
    holder = start_worker("hold", str(db), str(folder))
    try:
        wait_for(folder / "locked")
        yield folder
    finally:
        (folder / "release").touch()
        _, err = holder.communicate(timeout=60)
        assert holder.returncode == 0, err
