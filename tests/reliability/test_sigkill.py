"""A writer killed with SIGKILL at random moments: after each kill the database passes
PRAGMA integrity_check, holds every transaction the writer reported as committed, and no
transaction is there in part."""

from __future__ import annotations

import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from pacer.store.db import open_store
from pacer.store.migrations import LATEST, schema_version
from tests.reliability.processes import start_worker

KILLS = 60


def _check(db: Path, committed: set[int]) -> int:
    """The database is sound and complete; returns how many transactions it holds."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "notes" not in tables:  # killed before the migrations finished
            assert not committed
            return 0
        notes = dict(conn.execute("SELECT id, text FROM notes").fetchall())
        logs = conn.execute("SELECT note, count(*), sum(minutes) FROM log GROUP BY note").fetchall()
    finally:
        conn.close()
    assert committed <= set(notes), f"lost: {sorted(committed - set(notes))[:5]}"
    assert all(text == f"tx{id_}" for id_, text in notes.items())  # never 'pending'
    assert {note: (n, total) for note, n, total in logs} == {f"tx{id_}": (2, 30) for id_ in notes}
    return len(notes)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_writer_killed_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "pacer.db"
    rng = random.Random(20260310)
    committed: set[int] = set()
    held = 0
    for _ in range(KILLS):
        worker = start_worker("tx", str(db))
        assert worker.stdout is not None
        # A random moment: after 0-40 reported commits, and a little further still.
        for _ in range(rng.randint(0, 40)):
            line = worker.stdout.readline()
            if not line:
                break
            committed.add(int(line))
        if rng.random() < 0.5:
            time.sleep(rng.random() * 0.003)
        worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=60)
        # What it reported before dying was committed too.
        committed |= {int(line) for line in out.split()}
        assert worker.returncode == -signal.SIGKILL, err
        held = _check(db, committed)
        assert held >= len(committed)
    assert len(committed) > KILLS  # the kills did land between commits, not only at start
    store = open_store(db)  # and pacer itself opens it, at the latest schema
    try:
        assert schema_version(store) == LATEST
    finally:
        store.close()
    assert held == _check(db, committed)
