"""The accepted_orphans table: log targets the plan no longer has, kept on purpose."""

from __future__ import annotations

from collections.abc import Iterable

from pacer.clock import now_utc
from pacer.store.audit import mark
from pacer.store.db import Store


def accepted_orphans(store: Store) -> set[tuple[str, str]]:
    """(target kind, target) of every orphan the person accepted."""
    rows = store.conn.execute("SELECT kind, target FROM accepted_orphans").fetchall()
    return {(str(kind), str(target)) for kind, target in rows}


def accept_orphans(store: Store, orphans: Iterable[tuple[str, str]]) -> int:
    """Record (kind, target) pairs as intended, all in one transaction; returns how many
    were new (one accepted before keeps its first time)."""
    stamp = now_utc().isoformat(timespec="seconds")
    added: list[str] = []
    with store.write() as tx:
        for kind, target in orphans:
            tx.execute(
                "INSERT OR IGNORE INTO accepted_orphans (kind, target, accepted_at)"
                " VALUES (?, ?, ?)",
                (kind, target, stamp),
            )
            if tx.changes():
                added.append(target)
        if added:  # undo does not take an acceptance back: it stops here
            mark(tx, "accepted_orphans", "add", {"kind": "accept_orphans", "ids": ", ".join(added)})
    return len(added)
