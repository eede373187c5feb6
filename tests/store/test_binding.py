"""The plan binding in SQL: one row, replaced by a deliberate switch; what counts as data."""

from __future__ import annotations

import pytest

from pacer.errors import PacerError
from pacer.store.binding import PlanCopy, bind, holds_data, read_binding
from pacer.store.db import Store
from pacer.store.log import add_entry

BERLIN = PlanCopy("nurse-2026", "Nurse's study year", "/p/plan.yaml", "a" * 64, b"pacer: 1\n")
BUILTIN = PlanCopy("plan-2026", "2026执行方案", "<built-in 2026 plan>", "b" * 64, "计划".encode())


def test_a_new_database_belongs_to_no_plan_and_holds_no_data(store: Store) -> None:
    assert read_binding(store) is None
    assert not holds_data(store)


@pytest.mark.parametrize("first, second", [(BERLIN, BUILTIN), (BUILTIN, BERLIN)])
def test_binding_again_replaces_the_one_row(
    store: Store, first: PlanCopy, second: PlanCopy
) -> None:
    bind(store, first)
    assert read_binding(store) == first
    bind(store, second)
    assert read_binding(store) == second
    assert store.conn.execute("SELECT count(*) FROM plan_binding").fetchone() == (1,)
    assert not holds_data(store)  # the binding is bookkeeping, not the person's data


def test_there_is_never_a_second_row(store: Store) -> None:
    bind(store, BERLIN)
    with pytest.raises(PacerError), store.write() as tx:
        tx.execute(
            "INSERT INTO plan_binding (id, plan_id, title, source, sha256, plan_text, bound_at)"
            " VALUES (2, 'x', 'x', 'x', 'x', x'00', 'x')"
        )
    assert read_binding(store) == BERLIN


def test_a_log_entry_is_data(store: Store) -> None:
    from datetime import date

    add_entry(store, date(2026, 3, 3), "habit", "piano", 20, "", False)
    assert holds_data(store)
