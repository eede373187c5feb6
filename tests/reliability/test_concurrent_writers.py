"""Two processes logging at once: every entry lands, nobody sees "database is locked", and
the 24-hour day cap (a read-modify-write) holds between them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pacer.store.db import open_store
from tests.reliability.processes import start_worker, wait_for
from tests.reliability.workers import DAYS, FIRST_MINUTES, SECOND_MINUTES

PER_WRITER = 1000


def test_two_writers_log_a_thousand_entries_each(tmp_path: Path) -> None:
    db = tmp_path / "pacer.db"
    open_store(db).close()  # created and migrated before the race starts
    workers = [
        start_worker("log", str(db), name, str(tmp_path), str(PER_WRITER))
        for name in ("english", "japanese")
    ]
    (tmp_path / "go1").touch()
    wait_for(tmp_path / "english.done1", tmp_path / "japanese.done1")
    (tmp_path / "go2").touch()
    reports = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        reports.append(json.loads(out))

    for report in reports:
        assert report["failed"] == []  # no "database is locked", nor anything else
        assert report["logged"] == PER_WRITER
    # The second round: on each day exactly one of the two 40-minute entries fits.
    assert sum(r["second"] for r in reports) == DAYS
    refused = [key for r in reports for key in r["refused"]]
    assert refused == ["log.day_full"] * DAYS

    conn = sqlite3.connect(db)
    try:
        per_writer = dict(
            conn.execute(
                "SELECT target, count(*) FROM log WHERE minutes = ? GROUP BY target",
                (FIRST_MINUTES,),
            ).fetchall()
        )
        per_day = conn.execute(
            "SELECT local_date, sum(minutes) FROM log GROUP BY local_date"
        ).fetchall()
        notes = {r[0] for r in conn.execute("SELECT note FROM log WHERE minutes = ?", (7,))}
    finally:
        conn.close()
    assert per_writer == {"english": PER_WRITER, "japanese": PER_WRITER}
    assert len(notes) == 2 * PER_WRITER  # every entry once, none twice
    full_day = 2 * (PER_WRITER // DAYS) * FIRST_MINUTES + SECOND_MINUTES
    assert full_day == 1440
    assert len(per_day) == DAYS
    assert all(total == full_day for _, total in per_day)
