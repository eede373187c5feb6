"""Processes the reliability tests start: `python -m tests.reliability.workers KIND ...`.

Each prints what it did on stdout (one line per committed transaction, or a JSON summary),
flushed at once: that is the side channel the tests read after a crash.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

WAIT_STEPS = 6000  # polls of 10 ms: a minute at most, never forever
DAYS = 10
BASE = date(2026, 3, 2)
FIRST_MINUTES = 7  # 100 entries a day from each of two writers: 1,400 of 1,440 minutes
SECOND_MINUTES = 40  # then one of these fits each day, the other's is refused


def _wait_for(path: Path) -> None:
    for _ in range(WAIT_STEPS):
        if path.exists():
            return
        time.sleep(0.01)
    raise SystemExit(f"gave up waiting for {path}")


def log_worker(db: str, name: str, folder: str, count: int) -> None:
    """Log `count` entries of FIRST_MINUTES spread over DAYS days (each through the 24-hour
    day cap's read-modify-write), then, on a second signal, one SECOND_MINUTES entry a day."""
    from pacer.errors import PacerError
    from pacer.store.db import open_store
    from pacer.store.log import add_entry

    signals = Path(folder)
    store = open_store(Path(db))
    _wait_for(signals / "go1")
    failed: list[str] = []
    logged = 0
    for i in range(count):
        day = BASE + timedelta(days=i % DAYS)
        try:
            add_entry(store, day, "habit", name, FIRST_MINUTES, f"{name}-{i}", False)
            logged += 1
        except Exception as exc:  # any failure is the finding; keep going
            failed.append(f"{type(exc).__name__}: {exc}")
    (signals / f"{name}.done1").touch()
    _wait_for(signals / "go2")
    refused: list[str] = []
    second = 0
    for d in range(DAYS):
        try:
            add_entry(store, BASE + timedelta(days=d), "habit", name, SECOND_MINUTES, "", False)
            second += 1
        except PacerError as exc:
            refused.append(exc.message.key)
        except Exception as exc:
            failed.append(f"{type(exc).__name__}: {exc}")
    store.close()
    print(json.dumps({"logged": logged, "second": second, "refused": refused, "failed": failed}))


def tx_writer(db: str) -> None:
    """Write transactions forever (until killed): each adds a note and two log entries that
    carry its tag, then prints the tag once it is committed."""
    from pacer.store.db import open_store

    store = open_store(Path(db))
    for _ in range(1_000_000):  # bounded; the test kills us long before
        with store.write() as tx:
            tx.execute(
                "INSERT INTO notes (post, local_date, text, logged_at)"
                " VALUES ('blog1', '2026-03-10', 'pending', 'x')"
            )
            tag = tx.last_insert_rowid()
            tx.execute("UPDATE notes SET text = ? WHERE id = ?", (f"tx{tag}", tag))
            for minutes in (10, 20):
                tx.execute(
                    "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, note)"
                    " VALUES ('2026-03-10', 'x', 'habit', 'english', ?, ?)",
                    (minutes, f"tx{tag}"),
                )
        sys.stdout.write(f"{tag}\n")
        sys.stdout.flush()


def busy_writer(db: str, folder: str) -> None:
    """Write pairs of entries (one transaction each) until told to stop, for backups taken
    meanwhile; prints how many pairs it committed."""
    from pacer.store.db import open_store

    signals = Path(folder)
    store = open_store(Path(db))
    (signals / "writing").touch()
    pairs = 0
    for _ in range(1_000_000):
        if (signals / "stop").exists():
            break
        with store.write() as tx:
            for _side in range(2):
                tx.execute(
                    "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, note)"
                    " VALUES ('2026-03-10', 'x', 'habit', 'english', 1, 'pair')"
                )
        pairs += 1
    store.close()
    print(pairs)


def lock_holder(db: str, folder: str) -> None:
    """Take the write lock and keep it (one open write transaction) until told to stop."""
    from pacer.store.db import open_store

    signals = Path(folder)
    store = open_store(Path(db))
    store.conn.execute("BEGIN IMMEDIATE")
    (signals / "locked").touch()
    _wait_for(signals / "release")
    store.conn.execute("ROLLBACK")
    store.close()


def try_exclusive(db: str) -> None:
    """Ask for what SQLite's last closing connection asks for before it checkpoints and
    deletes -wal: a write lock on the database file's shared-lock bytes. Prints "taken" or
    "refused"; never waits."""
    import fcntl
    import os

    shared_first, shared_size = 0x40000002, 510  # SQLite's SHARED_FIRST and SHARED_SIZE
    fd = os.open(db, os.O_RDWR)
    try:
        try:  # lockf is fcntl(F_SETLK) on a byte range, the POSIX lock SQLite uses
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, shared_size, shared_first)
        except OSError:
            print("refused")
            return
        print("taken")
    finally:
        os.close(fd)


def main(argv: list[str]) -> None:
    kind, *rest = argv
    if kind == "log":
        db, name, folder, count = rest
        log_worker(db, name, folder, int(count))
    elif kind == "tx":
        tx_writer(*rest)
    elif kind == "busy":
        busy_writer(*rest)
    elif kind == "hold":
        lock_holder(*rest)
    elif kind == "exclusive":
        try_exclusive(*rest)
    else:
        raise SystemExit(f"unknown worker {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
