"""The timers table: one running timer at most, held by SQL; a stop writes its entry, ends
the timer and starts the next in one transaction, or nothing at all."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pacer.errors import PacerError
from pacer.store.db import Store
from pacer.store.log import add_entry, all_entries
from pacer.store.timers import NoTimer, Timer, TimerRunning, running_timer, start_timer, stop_timer

DAY = date(2026, 3, 10)
PIANO = Timer("habit", "piano", DAY, datetime(2026, 3, 10, 11, 0, tzinfo=UTC), "scales")
THESIS = Timer("unit", "ch1-outline", DAY, datetime(2026, 3, 10, 11, 30, tzinfo=UTC), "")


def test_sql_itself_holds_one_timer_at_most(store: Store) -> None:
    start_timer(store, PIANO)
    with pytest.raises(PacerError):  # not only the code: the table refuses a second row
        store.conn.execute(
            "INSERT INTO timers (id, target_kind, target, local_date, started_at)"
            " VALUES (2, 'habit', 'piano', '2026-03-10', '2026-03-10T11:00:00+00:00')"
        )
    with pytest.raises(TimerRunning) as refused:
        start_timer(store, THESIS)
    assert refused.value.found == PIANO
    assert running_timer(store) == PIANO


def test_a_stop_writes_the_entry_and_the_next_timer_together(store: Store) -> None:
    start_timer(store, PIANO)
    entry = stop_timer(store, PIANO, ("habit", "piano", 30, "scales"), then=THESIS)
    assert entry is not None and (entry.day, entry.target, entry.minutes) == (DAY, "piano", 30)
    assert running_timer(store) == THESIS
    # A stop of a timer that is no longer the running one (another device stopped it, or
    # switched) logs nothing.
    with pytest.raises(NoTimer):
        stop_timer(store, PIANO, ("habit", "piano", 30, ""))
    assert len(all_entries(store)) == 1


def test_a_refused_entry_leaves_the_timer_running(store: Store) -> None:
    add_entry(store, DAY, "habit", "piano", 24 * 60 - 10, "", False)  # the day is nearly full
    start_timer(store, PIANO)
    with pytest.raises(PacerError) as full:
        stop_timer(store, PIANO, ("habit", "piano", 30, ""), then=THESIS)
    assert full.value.message.key == "log.day_full"
    assert running_timer(store) == PIANO  # nothing half-written: not ended, none started
    assert len(all_entries(store)) == 1
