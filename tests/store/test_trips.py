"""The trips table: adding, listing, refusing overlaps, removing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pacer.calendar.days import Trip
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store import migrations
from pacer.store.db import Store, open_store
from pacer.store.trips import add_trip, import_trips, imported_uids, list_trips, remove_trip


def d(day: int, month: int = 3) -> date:
    return date(2026, month, day)


def test_add_trip_returns_the_stored_trip(store: Store) -> None:
    trip = add_trip(store, d(9), d(13), "深圳出差")
    assert trip == Trip(trip.id, d(9), d(13), "深圳出差")
    assert trip.id > 0
    assert list_trips(store) == [trip]


def test_trips_are_listed_by_start(store: Store) -> None:
    april = add_trip(store, d(6, 4), d(10, 4), "")
    march = add_trip(store, d(9), d(13), "")
    may = add_trip(store, d(4, 5), d(8, 5), "")
    assert list_trips(store) == [march, april, may]


def test_back_to_back_trips_are_fine(store: Store) -> None:
    first = add_trip(store, d(9), d(13), "")
    second = add_trip(store, d(14), d(20), "")
    assert list_trips(store) == [first, second]


@pytest.mark.parametrize(
    ("start", "end"),
    [(9, 13), (5, 9), (13, 20), (10, 11), (1, 31)],
    ids=["same", "ends-on-its-start", "starts-on-its-end", "inside", "around"],
)
def test_overlapping_trip_is_refused(store: Store, start: int, end: int) -> None:
    existing = add_trip(store, d(9), d(13), "上海")
    with pytest.raises(PacerError) as info:
        add_trip(store, d(start), d(end), "重叠")
    assert info.value.message == Message(
        "trip.overlaps", id=existing.id, start=existing.start, end=existing.end
    )
    assert list_trips(store) == [existing]
    assert not store.conn.in_transaction


def test_remove_trip(store: Store) -> None:
    keep = add_trip(store, d(1), d(2), "")
    gone = add_trip(store, d(9), d(13), "杭州")
    assert remove_trip(store, gone.id) == gone
    assert list_trips(store) == [keep]


def test_remove_unknown_trip_raises(store: Store) -> None:
    trip = add_trip(store, d(9), d(13), "")
    with pytest.raises(PacerError) as info:
        remove_trip(store, trip.id + 100)
    assert info.value.message == Message("trip.no_such", id=trip.id + 100)
    assert list_trips(store) == [trip]


# -- imported trips ---------------------------------------------------------------------------
def test_import_adds_in_order_and_reports_known_and_overlapping(store: Store) -> None:
    hand = add_trip(store, d(10), d(12), "by hand")
    out = import_trips(
        store,
        [
            ("a", d(1), d(3), "A", "travel"),
            ("b", d(12), d(14), "B", "travel"),  # overlaps the trip added by hand on its last day
            ("c", d(3), d(5), "C", "travel"),  # overlaps A, added just before
            ("d", d(4, 4), d(6, 4), "D", "travel"),
            ("e", d(6), d(9), "E", "travel"),  # fits between C's gap and the hand trip
        ],
    )
    a, e = out[0][1], out[4][1]
    assert [what for what, _ in out] == ["added", "overlaps", "overlaps", "added", "added"]
    assert (out[1][1], out[2][1]) == (hand, a)
    assert list_trips(store) == [a, e, hand, out[3][1]]
    assert imported_uids(store) == {a.id: "a", e.id: "e", out[3][1].id: "d"}
    again = import_trips(
        store, [("a", d(1), d(3), "A", "travel"), ("d", d(5, 4), d(9, 4), "D moved", "travel")]
    )
    assert again == [("known", a), ("known", out[3][1])]
    assert len(list_trips(store)) == 4


def test_import_is_one_transaction(store: Store) -> None:
    kept = add_trip(store, d(20), d(21), "")
    bad = [
        ("a", d(1), d(2), "A", "travel"),
        ("b", d(5), d(6), object(), "travel"),
        ("c", d(8), d(9), "C", "travel"),
    ]
    with pytest.raises(TypeError):  # a value SQLite cannot store, half-way through
        import_trips(store, bad)  # type: ignore[arg-type]
    assert list_trips(store) == [kept]
    assert imported_uids(store) == {}


# -- kinds of absence (migration 6) ------------------------------------------------------------
def test_a_trip_keeps_its_kind_and_zone(store: Store) -> None:
    trip = add_trip(store, d(9), d(13), "Kyoto", kind="conference", tz="Asia/Tokyo")
    assert trip == Trip(trip.id, d(9), d(13), "Kyoto", "conference", "Asia/Tokyo")
    assert list_trips(store) == [trip]
    assert remove_trip(store, trip.id) == trip
    plain = add_trip(store, d(9), d(13), "")
    assert (plain.kind, plain.tz) == ("travel", None)  # the defaults: a trip in the plan's zone


def test_trips_of_a_database_before_migration_6_are_travel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v4.db"
    with monkeypatch.context() as patched:
        before = tuple(m for m in migrations.MIGRATIONS if m[0] < 6)
        patched.setattr(migrations, "MIGRATIONS", before)
        patched.setattr(migrations, "LATEST", before[-1][0])
        old = open_store(path)
        try:
            old.conn.execute(
                "INSERT INTO trips (start_date, end_date, note, created_at)"
                " VALUES ('2026-03-09', '2026-03-20', '深圳', '2026-02-01T00:00:00+00:00')"
            )
            columns = [r[1] for r in old.conn.execute("PRAGMA table_info(trips)")]
            assert "kind" not in columns
        finally:
            old.close()
    store = open_store(path)  # migrates
    try:
        assert list_trips(store) == [Trip(1, d(9), d(20), "深圳", "travel", None)]
        sick = add_trip(store, d(23), d(23), "", kind="sick")
        assert list_trips(store)[1] == sick
    finally:
        store.close()
