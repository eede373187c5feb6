"""The catchup table: every kind of choice, a focus among them, stored and read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pacer.errors import PacerError
from pacer.schedule.catchup import CHOICE_KINDS, CatchupChoice
from pacer.store import migrations
from pacer.store.catchup import add_choice, list_choices, remove_choice
from pacer.store.db import Store, open_store


def d(day: int, month: int = 3) -> date:
    return date(2026, month, day)


def test_every_kind_of_choice_is_stored_and_read_back(store: Store) -> None:
    choices = [
        CatchupChoice("focus", "ch1", d(2), d(15), units=("ch1-outline", "ch1-draft")),
        CatchupChoice("stretch", "ch1", d(2), d(6)),
        CatchupChoice("defer", "ch1", units=("ch1-notes",)),
        CatchupChoice("move_due", "ch1", due=d(11), reason="night shifts"),
    ]
    assert {c.kind for c in choices} == set(CHOICE_KINDS)
    stored = [add_choice(store, c) for c in choices]
    assert [c.id for c in stored] == [1, 2, 3, 4]
    assert list_choices(store) == stored
    assert stored[0] == CatchupChoice(
        "focus", "ch1", d(2), d(15), units=("ch1-outline", "ch1-draft"), id=1
    )
    assert remove_choice(store, 1) == stored[0]
    assert list_choices(store) == stored[1:]


def test_a_database_before_migration_4_refuses_a_focus_and_takes_it_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v3.db"
    focus = CatchupChoice("focus", "ch1", d(2), d(15), units=("ch1-draft",))
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        patched.setattr(migrations, "LATEST", 3)
        old = open_store(path)
        # The rows as that version wrote them (today's add_choice also writes the audit of
        # migration 7, which a version-3 database does not have).
        insert = (
            "INSERT INTO catchup (kind, milestone, start_date, end_date, units, reason,"
            " created_at) VALUES (?, 'ch1', ?, ?, ?, 'r', '2026-03-01T00:00:00+00:00')"
        )
        try:
            with old.write() as tx:
                tx.execute(insert, ("stretch", d(2).isoformat(), d(6).isoformat(), ""))
            (kept,) = list_choices(old)
            with pytest.raises(PacerError), old.write() as tx:
                tx.execute(insert, ("focus", d(2).isoformat(), d(15).isoformat(), "ch1-draft"))
        finally:
            old.close()
    store = open_store(path)  # migrates: the table is made anew, its rows kept
    try:
        assert list_choices(store) == [kept]
        assert add_choice(store, focus).id == 2
        assert [c.kind for c in list_choices(store)] == ["stretch", "focus"]
    finally:
        store.close()


def test_an_unknown_kind_is_still_refused(open_db: Callable[..., Store]) -> None:
    store = open_db()
    with pytest.raises(PacerError):
        add_choice(store, CatchupChoice("skip", "ch1"))  # type: ignore[arg-type]
