"""The trips table: adding, listing, refusing overlaps, removing."""

from __future__ import annotations

from datetime import date

import pytest

from pacer.calendar.days import Trip
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Store
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
            ("a", d(1), d(3), "A"),
            ("b", d(12), d(14), "B"),  # overlaps the trip added by hand on its last day
            ("c", d(3), d(5), "C"),  # overlaps A, added just before
            ("d", d(4, 4), d(6, 4), "D"),
            ("e", d(6), d(9), "E"),  # fits between C's gap and the hand trip
        ],
    )
    a, e = out[0][1], out[4][1]
    assert [what for what, _ in out] == ["added", "overlaps", "overlaps", "added", "added"]
    assert (out[1][1], out[2][1]) == (hand, a)
    assert list_trips(store) == [a, e, hand, out[3][1]]
    assert imported_uids(store) == {a.id: "a", e.id: "e", out[3][1].id: "d"}
    again = import_trips(store, [("a", d(1), d(3), "A"), ("d", d(5, 4), d(9, 4), "D moved")])
    assert again == [("known", a), ("known", out[3][1])]
    assert len(list_trips(store)) == 4


def test_import_is_one_transaction(store: Store) -> None:
    kept = add_trip(store, d(20), d(21), "")
    bad = [("a", d(1), d(2), "A"), ("b", d(5), d(6), object()), ("c", d(8), d(9), "C")]
    with pytest.raises(TypeError):  # a value SQLite cannot store, half-way through
        import_trips(store, bad)  # type: ignore[arg-type]
    assert list_trips(store) == [kept]
    assert imported_uids(store) == {}
