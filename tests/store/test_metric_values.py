"""The metric_values table: recording values and listing them in order."""

from __future__ import annotations

from datetime import date

from pacer.schedule.metrics import Reading
from pacer.store.db import Store
from pacer.store.metrics import add_value, list_values

LOGGED_AT = "2026-03-10T12:00:00+00:00"  # the fixed clock of tests/store/conftest.py


def test_a_value_is_stored_as_a_real_number_with_its_note(store: Store) -> None:
    reading = add_value(store, "listening", date(2026, 3, 1), 42.5, "Lex #400")
    assert reading == Reading(
        reading.id, "listening", date(2026, 3, 1), 42.5, "Lex #400", LOGGED_AT
    )
    assert reading.id > 0
    assert list_values(store) == [reading]


def test_values_are_listed_by_date_then_as_recorded_and_filtered_by_metric(store: Store) -> None:
    late = add_value(store, "listening", date(2026, 3, 9), 50, "")
    early = add_value(store, "listening", date(2026, 3, 1), 40, "")
    other = add_value(store, "weight", date(2026, 3, 5), 61.2, "")
    same_day = add_value(store, "listening", date(2026, 3, 9), 48, "再测一次")
    assert list_values(store) == [early, other, late, same_day]
    assert list_values(store, "listening") == [early, late, same_day]
    assert list_values(store, "weight") == [other]
    assert list_values(store, "nope") == []
    assert isinstance(late.value, float) and late.value == 50.0


def test_negative_and_fractional_values_round_trip(store: Store) -> None:
    add_value(store, "delta", date(2026, 3, 1), -0.125, "")
    add_value(store, "delta", date(2026, 3, 2), 1e-7, "")
    assert [r.value for r in list_values(store, "delta")] == [-0.125, 1e-7]
