"""Plan versions: content-addressed and compressed, a row each time the plan in force changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from pacer.errors import PacerError
from pacer.store.db import Store
from pacer.store.planversions import (
    InForce,
    current_digest,
    dump_versions,
    find_version,
    in_force_history,
    list_versions,
    load_versions,
    record_in_force,
    set_reason,
    version_content,
)
from pacer.workspace import content_digest

T1 = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T2 = datetime(2026, 5, 4, 8, 30, tzinfo=UTC)
T3 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
OLD = b"id: berlin-icu\ntitle: ICU\n" * 40
NEW = OLD + b"# fewer night-shift minutes\n"


def test_a_new_content_is_stored_compressed_and_numbered(store: Store) -> None:
    assert current_digest(store) is None
    first, wrote = record_in_force(store, "a" * 64, OLD, "berlin-icu", T1, date(2026, 3, 10))
    assert wrote and first.number == 1 and first.reason == ""
    (stored,) = store.conn.execute("SELECT length(content) FROM plan_versions").fetchone()
    assert stored < len(OLD) / 4  # compressed
    assert version_content(store, 1) == OLD
    assert current_digest(store) == "a" * 64


def test_the_same_content_again_writes_nothing(store: Store) -> None:
    record_in_force(store, "a" * 64, OLD, "p", T1, date(2026, 3, 10))
    _, wrote = record_in_force(store, "a" * 64, OLD, "p", T2, date(2026, 5, 4))
    assert not wrote
    assert in_force_history(store) == [InForce(1, T1, date(2026, 3, 10))]


def test_going_back_to_an_old_content_keeps_its_number_and_records_the_switch(
    store: Store,
) -> None:
    record_in_force(store, "a" * 64, OLD, "p", T1, date(2026, 3, 10))
    second, _ = record_in_force(store, "b" * 64, NEW, "p", T2, date(2026, 5, 4), "night shifts")
    back, wrote = record_in_force(store, "a" * 64, OLD, "p", T3, date(2026, 6, 1))
    assert (second.number, second.reason, back.number, wrote) == (2, "night shifts", 1, True)
    assert [v.number for v in list_versions(store)] == [1, 2]
    assert in_force_history(store) == [
        InForce(1, T1, date(2026, 3, 10)),
        InForce(2, T2, date(2026, 5, 4)),
        InForce(1, T3, date(2026, 6, 1)),
    ]
    assert current_digest(store) == "a" * 64


def test_a_reason_is_kept_never_replaced_by_recording_again(store: Store) -> None:
    record_in_force(store, "a" * 64, OLD, "p", T1, date(2026, 3, 10))
    given, wrote = record_in_force(store, "a" * 64, OLD, "p", T1, date(2026, 3, 10), "first")
    assert (given.reason, wrote) == ("first", True)  # it had none yet
    again, wrote = record_in_force(store, "a" * 64, OLD, "p", T2, date(2026, 5, 4), "no change")
    assert (again.reason, wrote) == ("first", False)


def test_a_reason_can_be_given_later(store: Store) -> None:
    record_in_force(store, "a" * 64, OLD, "p", T1, date(2026, 3, 10))
    assert set_reason(store, 1, "first plan")
    assert not set_reason(store, 9, "none")
    found = find_version(store, 1)
    assert found is not None and found.reason == "first plan"
    assert find_version(store, 9) is None and version_content(store, 9) is None


def test_versions_dump_and_load_into_a_fresh_database_with_their_numbers(
    store: Store, open_db: Callable[..., Store]
) -> None:
    record_in_force(store, content_digest(OLD), OLD, "p", T1, date(2026, 3, 10), "first")
    record_in_force(store, content_digest(NEW), NEW, "p", T2, date(2026, 5, 4), "second")
    record_in_force(store, content_digest(OLD), OLD, "p", T3, date(2026, 6, 1))
    versions, in_force = dump_versions(store)
    assert [(v.number, content) for v, content in versions] == [(1, OLD), (2, NEW)]
    assert [f.number for f in in_force] == [1, 2, 1]
    fresh = open_db("fresh.db")
    record_in_force(fresh, content_digest(NEW), NEW, "q", T3, date(2026, 6, 1))  # on its own
    assert load_versions(fresh, versions, in_force) == 2
    assert list_versions(fresh) == list_versions(store)
    assert in_force_history(fresh) == in_force_history(store)
    assert version_content(fresh, 1) == OLD
    assert current_digest(fresh) == content_digest(OLD)


def test_a_load_that_fails_changes_nothing(store: Store, open_db: Callable[..., Store]) -> None:
    record_in_force(store, content_digest(OLD), OLD, "p", T1, date(2026, 3, 10))
    versions, _ = dump_versions(store)
    fresh = open_db("fresh.db")
    record_in_force(fresh, content_digest(NEW), NEW, "p", T3, date(2026, 6, 1))
    with pytest.raises(PacerError):  # the same number twice: SQLite refuses, all rolls back
        load_versions(fresh, versions * 2, [])
    assert [v.digest for v in list_versions(fresh)] == [content_digest(NEW)]
