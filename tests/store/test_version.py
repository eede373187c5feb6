"""The data version (migration 13): one row, changed in the same transaction as each write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.errors import PacerError
from pacer.store.db import Store
from pacer.store.version import peek_version


def test_each_committed_write_changes_the_version_for_every_connection(
    open_db: Callable[..., Store], tmp_path: Path
) -> None:
    mine, theirs = open_db(), open_db()
    first = theirs.data_version()
    assert peek_version(str(tmp_path / "pacer.db")) == first
    with mine.write() as tx:
        tx.execute(
            "INSERT INTO notes (post, text, local_date, logged_at)"
            " VALUES ('p', 't', '2026-03-10', 'x')"
        )
    second = theirs.data_version()
    assert second[0] == first[0] + 1
    assert second[1] != first[1]  # a new token at every write
    assert peek_version(str(tmp_path / "pacer.db")) == second


def test_a_write_that_fails_changes_nothing(open_db: Callable[..., Store], tmp_path: Path) -> None:
    store = open_db()
    before = store.data_version()
    with pytest.raises(PacerError), store.write() as tx:
        tx.execute("INSERT INTO no_such_table VALUES (1)")
    assert store.data_version() == before
    with pytest.raises(RuntimeError), store.write() as tx:
        tx.execute("DELETE FROM notes")
        raise RuntimeError("the caller gave up")
    assert store.data_version() == before


def test_two_new_databases_never_share_a_version(open_db: Callable[..., Store]) -> None:
    """A copy that went its own way is told apart at the same count by the token."""
    one, two = open_db("one.db"), open_db("two.db")
    assert one.data_version()[0] == two.data_version()[0] == 0
    assert one.data_version() != two.data_version()


def test_peek_asks_no_database_into_being(tmp_path: Path) -> None:
    assert peek_version(str(tmp_path / "missing.db")) is None
    assert not (tmp_path / "missing.db").exists()
    (tmp_path / "foreign.db").write_bytes(b"not sqlite" * 100)
    assert peek_version(str(tmp_path / "foreign.db")) is None
