"""The trips table: adding, listing, refusing overlaps, removing."""

from __future__ import annotations

from datetime import date

import pytest

from pacer.calendar.days import Trip
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.db import Store
from pacer.store.trips import add_trip, list_trips, remove_trip


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
