"""The plan the data belongs to, in SQL: one row of `plan_binding` (migration 10)."""

from __future__ import annotations

from pacer.clock import now_utc
from pacer.record import record
from pacer.store.db import Connection, Store

# Every table that holds the person's data (the bookkeeping tables aside): a database with a
# row in one of them has been written to. Tables other helpers add are found by name.
_BOOKKEEPING = (
    "schema_migrations",
    "data_version",  # migration 13: a counter of writes, made with the database
    "plan_binding",
    "plan_versions",  # every command records the plan in force: not a write of the person's
    "plan_in_force",
    "accepted_orphans",
)


@record
class PlanCopy:
    """A plan file as the database keeps it: its id and title, where it was read from, the
    SHA-256 of its bytes and the bytes themselves."""

    plan_id: str
    title: str
    source: str
    sha256: str
    text: bytes


def read_binding(store: Store) -> PlanCopy | None:
    """The plan the database belongs to; None before the first write."""
    row = store.conn.execute(
        "SELECT plan_id, title, source, sha256, plan_text FROM plan_binding WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    return PlanCopy(str(row[0]), str(row[1]), str(row[2]), str(row[3]), bytes(row[4]))


def bind(store: Store, plan: PlanCopy, previous: str | None = None) -> None:
    """Record (or replace) the plan the database belongs to, in one transaction. `previous`
    (not None: a switch by `pacer plan use`, where the replaced plan was kept, "" when
    nowhere) also marks the switch in the audit, so that `undo` stops there."""
    with store.write() as tx:
        write_binding(tx, plan)
        if previous is not None:
            from pacer.store.audit import mark

            marked: dict[str, object] = {
                "kind": "plan_use",
                "source": plan.source,
                "previous": previous,
            }
            mark(tx, "plan", "edit", marked)


def write_binding(tx: Connection, plan: PlanCopy) -> None:
    """The binding's row, inside the caller's transaction (an import writes it with the rows)."""
    tx.execute(
        "INSERT INTO plan_binding (id, plan_id, title, source, sha256, plan_text, bound_at)"
        " VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " plan_id = excluded.plan_id, title = excluded.title, source = excluded.source,"
        " sha256 = excluded.sha256, plan_text = excluded.plan_text,"
        " bound_at = excluded.bound_at",
        (
            plan.plan_id,
            plan.title,
            plan.source,
            plan.sha256,
            plan.text,
            now_utc().isoformat(timespec="seconds"),
        ),
    )


def holds_data(store: Store) -> bool:
    """Whether any table of the person's data has a row."""
    names = [
        str(r[0])
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    ]
    for name in names:
        if name in _BOOKKEEPING:
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        if store.conn.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None:
            return True
    return False
