"""Opening databases: migrations, WAL, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import apsw
import pytest

from pacer import clock
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Store, open_store
from pacer.store.migrations import LATEST, MIGRATIONS, schema_version

OpenDb = Callable[..., Store]


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.execute(sql).fetchall()]


def test_migrations_are_recorded_by_version_and_name(store: Store) -> None:
    assert rows(store, "SELECT version, name, applied_at FROM schema_migrations") == [
        (1, "log_and_trips", "2026-03-10T12:00:00+00:00"),
        (2, "catchup_choices", "2026-03-10T12:00:00+00:00"),
        (3, "reviews_checks_metrics_notes", "2026-03-10T12:00:00+00:00"),
        (4, "catchup_focus", "2026-03-10T12:00:00+00:00"),
        (5, "roster", "2026-03-10T12:00:00+00:00"),
        (6, "trip_kind_and_zone", "2026-03-10T12:00:00+00:00"),
        (7, "audit", "2026-03-10T12:00:00+00:00"),
        (8, "plan_versions", "2026-03-10T12:00:00+00:00"),
        (9, "accepted_orphans", "2026-03-10T12:00:00+00:00"),
        (10, "plan_binding", "2026-03-10T12:00:00+00:00"),
        (11, "timer", "2026-03-10T12:00:00+00:00"),
        (12, "review_decisions", "2026-03-10T12:00:00+00:00"),
        (13, "data_version", "2026-03-10T12:00:00+00:00"),
    ]
    assert [(v, n) for v, n, _ in MIGRATIONS] == [
        (1, "log_and_trips"),
        (2, "catchup_choices"),
        (3, "reviews_checks_metrics_notes"),
        (4, "catchup_focus"),
        (5, "roster"),
        (6, "trip_kind_and_zone"),
        (7, "audit"),
        (8, "plan_versions"),
        (9, "accepted_orphans"),
        (10, "plan_binding"),
        (11, "timer"),
        (12, "review_decisions"),
        (13, "data_version"),
    ]
    assert schema_version(store) == LATEST == 13


def test_a_version_1_database_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    version, name, sql = MIGRATIONS[0]
    conn.executescript(sql)
    conn.executescript(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL);"
        f"INSERT INTO schema_migrations VALUES ({version}, '{name}', '2026-02-01T00:00:00');"
        "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, note)"
        " VALUES ('2026-02-10', '2026-02-10T13:00:00+00:00', 'habit', 'english', 30, '泛听');"
        "INSERT INTO trips (start_date, end_date, note, created_at)"
        " VALUES ('2026-03-09', '2026-03-20', '深圳', '2026-02-01T00:00:00');"
    )
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert schema_version(store) == LATEST
        assert rows(store, "SELECT local_date, target, minutes, note FROM log") == [
            ("2026-02-10", "english", 30, "泛听")
        ]
        assert rows(store, "SELECT start_date, end_date, note FROM trips") == [
            ("2026-03-09", "2026-03-20", "深圳")
        ]
        assert rows(store, "SELECT count(*) FROM catchup") == [(0,)]
    finally:
        store.close()


def test_migration_creates_the_tables(store: Store) -> None:
    tables = {r[0] for r in rows(store, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"log", "trips", "schema_migrations"} <= tables


def test_reopening_applies_nothing_twice(open_db: OpenDb) -> None:
    first = open_db()
    first.conn.execute(
        "INSERT INTO log (local_date, logged_at, target_kind, target, minutes)"
        " VALUES ('2026-03-10', 'x', 'unit', 'calc-1', 30)"
    )
    first.close()
    clock.set_now(datetime(2026, 4, 1, tzinfo=UTC))
    again = open_db()
    assert rows(again, "SELECT version, name, applied_at FROM schema_migrations") == [
        (1, "log_and_trips", "2026-03-10T12:00:00+00:00"),
        (2, "catchup_choices", "2026-03-10T12:00:00+00:00"),
        (3, "reviews_checks_metrics_notes", "2026-03-10T12:00:00+00:00"),
        (4, "catchup_focus", "2026-03-10T12:00:00+00:00"),
        (5, "roster", "2026-03-10T12:00:00+00:00"),
        (6, "trip_kind_and_zone", "2026-03-10T12:00:00+00:00"),
        (7, "audit", "2026-03-10T12:00:00+00:00"),
        (8, "plan_versions", "2026-03-10T12:00:00+00:00"),
        (9, "accepted_orphans", "2026-03-10T12:00:00+00:00"),
        (10, "plan_binding", "2026-03-10T12:00:00+00:00"),
        (11, "timer", "2026-03-10T12:00:00+00:00"),
        (12, "review_decisions", "2026-03-10T12:00:00+00:00"),
        (13, "data_version", "2026-03-10T12:00:00+00:00"),
    ]
    assert rows(again, "SELECT target, minutes FROM log") == [("calc-1", 30)]


def test_journal_mode_is_wal(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_missing_parent_directories_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "pacer.db"
    store = open_store(path)
    try:
        assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    finally:
        store.close()


@pytest.mark.parametrize(
    "content",
    [b"my notes, not a database\n", b"x", b"SQLite format 2\x00" + b"\x00" * 200],
    ids=["text", "one-byte", "near-miss-header"],
)
def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(PacerError) as info:
        open_store(path)
    assert info.value.message.key == "store.not_sqlite"
    assert info.value.message.args["path"] == path
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal, no -shm


def test_sqlite_header_with_garbage_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    content = b"SQLite format 3\x00" + b"\xab" * 4096
    path.write_bytes(content)
    with pytest.raises(PacerError) as info:
        open_store(path)
    assert info.value.message.key == "store.not_sqlite"
    assert path.read_bytes() == content


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PacerError) as info:
        open_store(tmp_path)
    assert info.value.message == Message("store.not_sqlite", path=tmp_path, detail="a directory")


def test_newer_schema_is_refused(open_db: OpenDb, tmp_path: Path) -> None:
    store = open_db()
    store.conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at)"
        f" VALUES ({LATEST + 1}, 'from_the_future', 'x')"
    )
    store.close()
    with pytest.raises(PacerError) as info:
        open_store(tmp_path / "pacer.db")
    assert info.value.message == Message("store.too_new", version=LATEST + 1, supported=LATEST)
    check = apsw.Connection(str(tmp_path / "pacer.db"))
    try:
        versions = [r[0] for r in check.execute("SELECT version FROM schema_migrations")]
    finally:
        check.close()
    assert versions == [*(v for v, _, _ in MIGRATIONS), LATEST + 1]


def test_write_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.write() as tx:
        tx.execute(
            "INSERT INTO log (local_date, logged_at, target_kind, target, minutes)"
            " VALUES ('2026-03-10', 'x', 'unit', 'calc-1', 30)"
        )
        raise RuntimeError("boom")
    assert rows(store, "SELECT count(*) FROM log") == [(0,)]
    assert not store.conn.in_transaction
