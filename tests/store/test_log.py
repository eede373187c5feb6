"""The log table: adding, listing and removing entries; the 24-hour day cap."""

from __future__ import annotations

from datetime import date

import pytest

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.schedule.progress import LogEntry
from pacer.store.audit import changes, undo_last
from pacer.store.db import Store
from pacer.store.log import (
    DAY_MINUTES,
    add_entry,
    all_entries,
    edit_entry,
    entries_between,
    entry_of,
    get_entry,
    remove_entry,
)

D1, D2, D3 = date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)
LOGGED_AT = "2026-03-10T12:00:00+00:00"  # the fixed clock of conftest


def count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM log").fetchone()[0])


def test_add_entry_returns_the_stored_entry(store: Store) -> None:
    entry = add_entry(store, D2, "unit", "calc-2", 45, "积分 ✅", done=True)
    assert entry == LogEntry(entry.id, D2, LOGGED_AT, "unit", "calc-2", 45, True, "积分 ✅")
    assert entry.id > 0
    assert all_entries(store) == [entry]


def test_entries_are_listed_by_date_then_written_order(store: Store) -> None:
    b = add_entry(store, D2, "habit", "english", 30, "", done=False)
    a = add_entry(store, D1, "unit", "calc-1", 60, "", done=False)
    c = add_entry(store, D2, "ritual", "review", 30, "复盘", done=False)
    assert all_entries(store) == [a, b, c]


def test_entries_between_is_inclusive(store: Store) -> None:
    a = add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    b = add_entry(store, D2, "unit", "calc-1", 20, "", done=False)
    c = add_entry(store, D3, "unit", "calc-1", 30, "", done=False)
    assert entries_between(store, D1, D2) == [a, b]
    assert entries_between(store, D2, D3) == [b, c]
    assert entries_between(store, D3, D1) == []


def test_a_day_holds_at_most_24_hours(store: Store) -> None:
    add_entry(store, D2, "unit", "calc-1", 1000, "", done=False)
    add_entry(store, D2, "habit", "english", DAY_MINUTES - 1000, "", done=False)
    before = all_entries(store)
    with pytest.raises(PacerError) as info:
        add_entry(store, D2, "unit", "calc-2", 1, "", done=True)
    assert info.value.message == Message(
        "log.day_full", day=D2, total=DAY_MINUTES, minutes=1, limit=DAY_MINUTES
    )
    assert all_entries(store) == before
    assert not store.conn.in_transaction
    # Other days keep their own 24 hours.
    add_entry(store, D3, "unit", "calc-2", DAY_MINUTES, "", done=False)
    assert count(store) == 3


def test_one_entry_longer_than_a_day_is_refused(store: Store) -> None:
    with pytest.raises(PacerError) as info:
        add_entry(store, D1, "unit", "calc-1", DAY_MINUTES + 1, "", done=False)
    assert info.value.message.key == "log.day_full"
    assert count(store) == 0


def undo_entry(store: Store) -> LogEntry | None:
    """What undo_last reverted, as the entry it removed (None: nothing left)."""
    done = undo_last(store, lambda change: None)
    if done is None:
        return None
    change = done[0]
    assert change.table == "log" and change.action == "add" and change.after is not None
    return entry_of(change.after)


def test_undo_removes_the_added_entries_one_at_a_time(store: Store) -> None:
    first = add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    second = add_entry(store, D1, "habit", "english", 20, "", done=False)
    third = add_entry(store, D2, "ritual", "review", 30, "", done=False)
    assert undo_entry(store) == third
    assert all_entries(store) == [first, second]
    assert undo_entry(store) == second
    assert all_entries(store) == [first]


def test_undo_prefers_write_order_over_date(store: Store) -> None:
    later_day = add_entry(store, D3, "unit", "calc-3", 10, "", done=False)
    written_last = add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    assert undo_entry(store) == written_last
    assert all_entries(store) == [later_day]


def test_undo_on_an_empty_log(store: Store) -> None:
    assert undo_entry(store) is None
    add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    assert undo_entry(store) is not None
    assert undo_entry(store) is None
    assert count(store) == 0


def test_edit_and_remove_are_audited_and_undone_in_reverse_order(store: Store) -> None:
    entry = add_entry(store, D1, "unit", "calc-1", 10, "first", done=False)
    _, edited = edit_entry(store, entry.id, D2, "habit", "english", 25, "second")
    assert (edited.day, edited.kind, edited.target, edited.minutes, edited.note) == (
        D2,
        "habit",
        "english",
        25,
        "second",
    )
    assert remove_entry(store, entry.id) == edited
    assert all_entries(store) == []
    assert [(c.action, c.row_id) for c in changes(store)] == [
        ("add", entry.id),
        ("edit", entry.id),
        ("remove", entry.id),
    ]
    assert undo_last(store, lambda change: None) is not None
    assert all_entries(store) == [edited]  # the removed row is back, under its own id
    assert undo_last(store, lambda change: None) is not None
    assert all_entries(store) == [entry]
    assert undo_last(store, lambda change: None) is not None and all_entries(store) == []
    assert undo_last(store, lambda change: None) is None


def test_an_id_is_never_given_twice(store: Store) -> None:
    """SQLite hands a removed newest row's id to the next row; pacer does not: an id in the
    audit names one entry for good."""
    first = add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    remove_entry(store, first.id)
    again = add_entry(store, D1, "unit", "calc-1", 10, "", done=False)
    assert again.id == first.id + 1


def test_an_edit_keeps_the_day_total_and_counts_the_entry_once(store: Store) -> None:
    big = add_entry(store, D1, "unit", "calc-1", DAY_MINUTES - 10, "", done=False)
    small = add_entry(store, D2, "unit", "calc-2", 20, "", done=False)
    edit_entry(store, big.id, D1, "unit", "calc-1", DAY_MINUTES, "")  # itself not counted
    with pytest.raises(PacerError) as info:
        edit_entry(store, small.id, D1, "unit", "calc-2", 20, "")
    assert info.value.message.key == "log.day_full"
    assert get_entry(store, small.id) == small
