"""Data care in the store: checks, every table as rows, loading into an empty database all
or nothing, and online backups taken while another process writes."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from tests.reliability.processes import start_worker, wait_for

from pacer.errors import PacerError
from pacer.store.backup import backup_into
from pacer.store.care import (
    data_tables,
    dump_tables,
    foreign_key_problems,
    integrity_problems,
    load_tables,
    row_counts,
)
from pacer.store.db import Store, open_store
from pacer.store.log import add_entry
from pacer.store.notes import add_note
from pacer.store.trips import add_trip

DAY = date(2026, 3, 10)


def test_the_data_tables_are_every_table_but_the_bookkeeping(store: Store) -> None:
    assert list(data_tables(store)) == [
        "log",
        "trips",
        "reviews",
        "milestone_checks",
        "metric_values",
        "notes",
        "catchup",  # made anew by migration 4
        "roster",
        "audit",  # the record of changes: removed rows live on here
        "accepted_orphans",  # what doctor was told of ids the plan no longer has
        "review_decisions",  # what each weekly review decided (migration 12)
    ]
    assert data_tables(store)["trips"] == [
        "id",
        "start_date",
        "end_date",
        "note",
        "uid",
        "created_at",
        "kind",  # added by migration 6
        "tz",
    ]


def test_a_sound_database_has_no_problems(store: Store) -> None:
    add_entry(store, DAY, "habit", "english", 30, "", False)
    assert integrity_problems(store) == []
    assert foreign_key_problems(store) == []


def test_dump_and_load_give_the_same_rows(tmp_path: Path) -> None:
    source = open_store(tmp_path / "a.db")
    add_entry(source, DAY, "unit", "calc-2", 45, "积分", True)
    add_entry(source, DAY, "habit", "english", 30, "", False)
    add_trip(source, date(2026, 3, 16), date(2026, 3, 20), "深圳", uid="x@cal")
    add_note(source, "blog1", DAY, "素材\n两行")
    dumped = dump_tables(source)
    source.close()
    target = open_store(tmp_path / "b.db")
    try:
        assert load_tables(target, dumped) == 4 + 4  # and the audit rows of the entries, trip, note
        assert dump_tables(target) == dumped
    finally:
        target.close()


def test_loading_refuses_a_database_that_holds_data(store: Store) -> None:
    add_entry(store, DAY, "habit", "english", 30, "", False)
    rows = {"notes": [{"post": "blog1", "local_date": "2026-03-10", "text": "x", "logged_at": "x"}]}
    with pytest.raises(PacerError) as info:
        load_tables(store, rows)
    assert info.value.message.key == "import.not_empty"
    assert info.value.message.args["held"] == "log 1, changes 1"
    assert row_counts(store)["notes"] == 0
    assert not store.conn.in_transaction


def test_a_refused_row_leaves_nothing_written(store: Store) -> None:
    good = {
        "local_date": "2026-03-10",
        "logged_at": "x",
        "target_kind": "habit",
        "target": "english",
        "minutes": 30,
    }
    rows = {
        "trips": [{"start_date": "2026-03-16", "end_date": "2026-03-20", "created_at": "x"}],
        "log": [good, good, {**good, "minutes": -5}, good],
    }
    with pytest.raises(PacerError) as info:
        load_tables(store, rows)
    assert info.value.message.key == "import.row_refused"
    assert (info.value.message.args["table"], info.value.message.args["index"]) == ("log", 2)
    assert set(row_counts(store).values()) == {0}


def test_loading_an_unknown_column_is_refused_before_writing(store: Store) -> None:
    with pytest.raises(PacerError) as info:
        load_tables(store, {"log": [{"mood": "good"}]})
    assert info.value.message.key == "import.unknown_field"
    assert set(row_counts(store).values()) == {0}


def test_a_damaged_page_is_found(tmp_path: Path) -> None:
    path = tmp_path / "pacer.db"
    store = open_store(path)
    with store.write() as tx:
        for i in range(3000):
            tx.execute(
                "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, note)"
                " VALUES ('2026-03-10', 'x', 'habit', 'english', 1, ?)",
                (f"entry {i} " * 4,),
            )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 20 * page
    for offset in range(len(data) - 6 * page, len(data) - 2 * page, 97):  # inside the log's pages
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    damaged = open_store(path)
    try:
        assert integrity_problems(damaged) != []
    finally:
        damaged.close()


def test_a_backup_is_a_sound_single_file(store: Store, tmp_path: Path) -> None:
    add_entry(store, DAY, "habit", "english", 30, "泛听", False)
    target = tmp_path / "copy.db"
    backup_into(store, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["copy.db", "pacer.db", "pacer.db-wal", "pacer.db-shm"]
    )
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT target, note FROM log").fetchall() == [("english", "泛听")]
    finally:
        conn.close()


def test_backups_taken_while_another_process_writes_are_whole(tmp_path: Path) -> None:
    db = tmp_path / "pacer.db"
    open_store(db).close()
    writer = start_worker("busy", str(db), str(tmp_path))
    wait_for(tmp_path / "writing")
    store = open_store(db)
    counts = []
    try:
        for i in range(8):
            copy = tmp_path / f"copy-{i}.db"
            backup_into(store, copy)
            conn = sqlite3.connect(copy)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                counts.append(conn.execute("SELECT count(*) FROM log").fetchone()[0])
            finally:
                conn.close()
    finally:
        store.close()
        (tmp_path / "stop").touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert all(n % 2 == 0 for n in counts), counts  # whole transactions only: pairs
    assert counts == sorted(counts)
    final = sqlite3.connect(db)
    try:
        assert final.execute("SELECT count(*) FROM log").fetchone()[0] == 2 * int(out)
    finally:
        final.close()
