"""A database made by every earlier schema version upgrades with nothing lost.

Each fixture is made by the code of its version: pacer's own `open_store` with the migration
list cut back to that version (so the file carries that version's PRAGMAs and records), then
rows in every table the version has.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pacer.store import migrations
from pacer.store.db import open_store
from pacer.store.migrations import LATEST, MIGRATIONS, schema_version

# One row for every table any version has, with every column filled. A migration that adds
# a table (or a column without a default) must add it here: the test below says so.
SAMPLES: dict[str, list[dict[str, object]]] = {
    "log": [
        {
            "local_date": "2026-02-10",
            "logged_at": "2026-02-10T13:00:00+00:00",
            "target_kind": "habit",
            "target": "english",
            "minutes": 30,
            "done": 0,
            "note": "泛听 Lex Fridman",
        },
        {
            "local_date": "2026-02-11",
            "logged_at": "2026-02-11T13:00:00+00:00",
            "target_kind": "unit",
            "target": "m1801-derivatives",
            "minutes": 60,
            "done": 1,
            "note": "",
        },
    ],
    "trips": [
        {
            "start_date": "2026-03-09",
            "end_date": "2026-03-20",
            "note": "深圳",
            "uid": "trip-1@calendar",
            "created_at": "2026-02-01T00:00:00+00:00",
            "kind": "conference",  # migration 6
            "tz": "Asia/Tokyo",
        }
    ],
    "roster": [
        {
            "uid": "shift-1@dienstplan",
            "start_date": "2026-03-02",
            "end_date": "2026-03-02",
            "template": "early",
            "summary": "Frühdienst",
            "created_at": "2026-02-01T00:00:00+00:00",
            "updated_at": "2026-02-01T00:00:00+00:00",
        }
    ],
    "catchup": [
        {
            "kind": "move_due",
            "milestone": "phase-a",
            "start_date": None,
            "end_date": None,
            "units": "",
            "due_date": "2026-04-15",
            "reason": "出差两周",
            "created_at": "2026-03-01T00:00:00+00:00",
        }
    ],
    "reviews": [
        {
            "week": "2026-W10",
            "answers": '{"done": "看完 18.06 向量"}',
            "facts": '{"week": "2026-W10"}',
            "created_at": "2026-03-08T12:00:00+00:00",
            "updated_at": "2026-03-08T12:00:00+00:00",
        }
    ],
    "milestone_checks": [
        {
            "milestone": "phase-a",
            "criterion": "notes",
            "evidence": "https://notes.example/a",
            "local_date": "2026-03-08",
            "checked_at": "2026-03-08T12:00:00+00:00",
        }
    ],
    "metric_values": [
        {
            "metric": "listening",
            "local_date": "2026-03-02",
            "value": 41.5,
            "note": "Lex #400",
            "logged_at": "2026-03-02T12:00:00+00:00",
        }
    ],
    "audit": [  # migration 7
        {
            "table_name": "metric_values",
            "row_id": 1,
            "action": "edit",
            "before_json": '{"id": 1, "value": 14.5}',
            "after_json": '{"id": 1, "value": 41.5}',
            "undoes": None,
            "changed_at": "2026-03-02T12:05:00+00:00",
        }
    ],
    "accepted_orphans": [  # migration 9
        {"kind": "unit", "target": "calc-0", "accepted_at": "2026-03-09T12:00:00+00:00"}
    ],
    "plan_binding": [  # migration 10
        {
            "plan_id": "nurse-2026",
            "title": "Nurse's study year",
            "source": "/home/me/.local/share/pacer/plan.yaml",
            "sha256": "0" * 64,
            "plan_text": b"pacer: 1\nplan:\n  id: nurse-2026\n",
            "bound_at": "2026-03-01T12:00:00+00:00",
        }
    ],
    "timers": [  # migration 11
        {
            "target_kind": "habit",
            "target": "cards",
            "local_date": "2026-03-01",
            "started_at": "2026-03-01T20:00:00+00:00",
            "note": "deck 3",
        }
    ],
    "review_decisions": [  # migration 12
        {
            "week": "2026-W09",
            "milestone": "phase-a",
            "decision": "move",
            "option": None,
            "catchup_id": 1,
            "choice": "move_due",
            "due_date": "2026-04-15",
            "reason": "出差两周",
            "created_at": "2026-03-01T12:00:00+00:00",
        }
    ],
    "notes": [
        {
            "post": "blog1",
            "local_date": "2026-03-01",
            "text": "TensorRT engine\n构建要 20 分钟",
            "logged_at": "2026-03-01T12:00:00+00:00",
        }
    ],
    "plan_versions": [  # migration 8
        {
            "digest": "ab" * 32,
            "content": b"x\x9c+\xc8I\xcc\x03\x00\x048\x01\xac",  # zlib of b"plan"
            "plan_id": "berlin-icu",
            "first_seen": "2026-03-01T12:00:00+00:00",
            "day": "2026-03-01",
            "reason": "Fewer night-shift minutes",
        }
    ],
    "plan_in_force": [  # migration 8
        {"version": 1, "since": "2026-03-01T12:00:00+00:00", "day": "2026-03-01"}
    ],
}


def _tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite%'"
            # Bookkeeping, not the person's rows (the data version's one row is its own).
            " AND name NOT IN ('schema_migrations', 'data_version')"
        )
    ]
    return {n: [c[1] for c in conn.execute(f"PRAGMA table_info({n})")] for n in names}


def _upto(version: int) -> tuple[tuple[int, str, str], ...]:
    """The migrations up to `version`, included (numbers may have gaps between branches)."""
    return tuple(m for m in MIGRATIONS if m[0] <= version)


def _make_fixture(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """A database at `version`, made by open_store with the migrations of that version, with
    the sample rows in every table it has. Returns what was written, table by table."""
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", _upto(version))
        patched.setattr(migrations, "LATEST", version)
        store = open_store(path)
        store.close()
    conn = sqlite3.connect(path)
    written: dict[str, list] = {}
    try:
        assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == [
            v for v, _, _ in _upto(version)
        ]
        for table, columns in _tables(conn).items():
            assert table in SAMPLES, f"add sample rows for table {table} to SAMPLES"
            rows = []
            for sample in SAMPLES[table]:
                missing = set(columns) - set(sample) - {"id"}
                assert not missing, f"add {sorted(missing)} to the samples of {table}"
                row = {c: sample[c] for c in columns if c in sample}
                listed = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                conn.execute(f"INSERT INTO {table} ({listed}) VALUES ({marks})", list(row.values()))
                rows.append(row)
            written[table] = rows
        conn.commit()
    finally:
        conn.close()
    return written


@pytest.mark.parametrize("version", [v for v, _, _ in MIGRATIONS])
def test_a_database_of_every_schema_version_upgrades_with_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    path = tmp_path / f"v{version}.db"
    written = _make_fixture(path, version, monkeypatch)
    assert set(written) == {
        name for v, _, sql in _upto(version) for name in SAMPLES if f"TABLE {name} " in sql
    }

    store = open_store(path)
    try:
        assert schema_version(store) == LATEST
        assert [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations")] == [
            v for v, _, _ in MIGRATIONS
        ]
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for table, rows in written.items():
            columns = list(rows[0])
            got = store.conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"
            ).fetchall()
            assert [dict(zip(columns, r, strict=True)) for r in got] == rows, table
        # Tables the later versions added are there, and empty.
        later = set(_tables(store.conn)) - set(written)
        for table in later:
            assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    finally:
        store.close()
