"""Fixtures for store tests: real SQLite files in tmp_path, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pacer import clock
from pacer.store.db import Store, open_store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[datetime]:
    clock.set_now(NOW)
    yield NOW
    clock.set_now(None)


@pytest.fixture
def open_db(tmp_path: Path) -> Iterator[Callable[..., Store]]:
    """Open (and later close) the database `name` in tmp_path."""
    opened: list[Store] = []

    def make(name: str = "pacer.db") -> Store:
        store = open_store(tmp_path / name)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(open_db: Callable[..., Store]) -> Store:
    return open_db()
