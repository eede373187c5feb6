"""Plan versions: each distinct plan content, compressed, and which one was in force when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from pacer.record import record
from pacer.store.db import Connection, Store
from pacer.store.inforce import current_digest as current_digest


@record
class PlanVersion:
    """One stored plan content (without its bytes; see version_content)."""

    number: int  # what people type: 1 for the first plan pacer ran with
    digest: str  # BLAKE2b-256 of the plan file's bytes, hex
    plan_id: str
    first_seen: datetime  # UTC
    day: date  # the study day it was first seen on
    reason: str


@record
class InForce:
    """From `day` (and `since`, UTC) on, version `number` was the plan in force."""

    number: int
    since: datetime
    day: date


_COLUMNS = "id, digest, plan_id, first_seen, day, reason"


def _version(row: tuple[int, str, str, str, str, str]) -> PlanVersion:
    number, digest, plan_id, seen, day, reason = row
    return PlanVersion(
        int(number),
        digest,
        plan_id,
        datetime.fromisoformat(seen),
        date.fromisoformat(day),
        reason,
    )


def record_in_force(
    store: Store,
    digest: str,
    content: bytes,
    plan_id: str,
    now: datetime,
    day: date,
    reason: str = "",
) -> tuple[PlanVersion, bool]:
    """Record that the plan with these bytes is in force from `now` on (`day`). A content
    seen before keeps its number; a reason given is kept when the version has none yet, and
    never replaces one (`plan why` does that, on purpose). Returns the version and whether
    anything was written."""
    import zlib

    stamp = now.isoformat(timespec="seconds")
    with store.write() as tx:
        row = tx.execute("SELECT id, reason FROM plan_versions WHERE digest = ?", (digest,))
        found = row.fetchone()
        wrote = False
        if found is None:
            tx.execute(
                "INSERT INTO plan_versions (digest, content, plan_id, first_seen, day, reason)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (digest, zlib.compress(content, 9), plan_id, stamp, day.isoformat(), reason),
            )
            number = tx.last_insert_rowid()
            wrote = True
        else:
            number = int(found[0])
            if reason and not found[1]:
                tx.execute("UPDATE plan_versions SET reason = ? WHERE id = ?", (reason, number))
                wrote = True
        latest = tx.execute("SELECT version FROM plan_in_force ORDER BY id DESC LIMIT 1").fetchone()
        if latest is None or int(latest[0]) != number:
            tx.execute(
                "INSERT INTO plan_in_force (version, since, day) VALUES (?, ?, ?)",
                (number, stamp, day.isoformat()),
            )
            wrote = True
        got = tx.execute(f"SELECT {_COLUMNS} FROM plan_versions WHERE id = ?", (number,))
        return _version(got.fetchone()), wrote


def set_reason(store: Store, number: int, reason: str) -> bool:
    """Give version `number` its reason; False when there is no such version."""
    with store.write() as tx:
        tx.execute("UPDATE plan_versions SET reason = ? WHERE id = ?", (reason, number))
        if not tx.changes():
            return False
        from pacer.store.audit import mark  # undo does not revert a reason: it stops here

        mark(tx, "plan", "edit", {"kind": "plan_why", "version": number})
        return True


def list_versions(store: Store) -> list[PlanVersion]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM plan_versions ORDER BY id").fetchall()
    return [_version(r) for r in rows]


def find_version(store: Store, number: int) -> PlanVersion | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM plan_versions WHERE id = ?", (number,)
    ).fetchone()
    return None if row is None else _version(row)


def version_content(store: Store, number: int) -> bytes | None:
    """The plan file's bytes of version `number`, as they were."""
    import zlib

    row = store.conn.execute("SELECT content FROM plan_versions WHERE id = ?", (number,)).fetchone()
    return None if row is None else zlib.decompress(bytes(row[0]))


def in_force_history(store: Store) -> list[InForce]:
    """Every change of the plan in force, oldest first."""
    rows = store.conn.execute(
        "SELECT version, since, day FROM plan_in_force ORDER BY id"
    ).fetchall()
    return [
        InForce(int(n), datetime.fromisoformat(since), date.fromisoformat(day))
        for n, since, day in rows
    ]


# -- export and import (`export json` / `import json` carry the versions, issue 14 item 5) ----
def dump_versions(store: Store) -> tuple[list[tuple[PlanVersion, bytes]], list[InForce]]:
    """Every version with its plan file's bytes (decompressed), and every change of the plan
    in force, oldest first, read in one transaction (a consistent snapshot)."""
    import zlib

    conn = store.conn
    conn.execute("BEGIN")
    try:
        rows = conn.execute(f"SELECT {_COLUMNS}, content FROM plan_versions ORDER BY id").fetchall()
        changes = in_force_history(store)
    finally:
        conn.execute("COMMIT")
    versions = [(_version(r[:6]), zlib.decompress(bytes(r[6]))) for r in rows]
    return versions, changes


def write_versions(
    tx: Connection,
    versions: Sequence[tuple[PlanVersion, bytes]],
    in_force: Sequence[InForce],
) -> None:
    """Replace the plan versions, numbers kept, inside the caller's transaction (an import
    writes them with its rows). What a fresh database had recorded on its own (the plan it was
    opened with) is dropped: the next command records it again if it is not among them. The
    caller has checked the rows (digests of the bytes, numbers that exist)."""
    import zlib

    tx.execute("DELETE FROM plan_in_force")
    tx.execute("DELETE FROM plan_versions")
    for v, content in versions:
        tx.execute(
            "INSERT INTO plan_versions (id, digest, content, plan_id, first_seen, day, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                v.number,
                v.digest,
                zlib.compress(content, 9),
                v.plan_id,
                v.first_seen.isoformat(timespec="seconds"),
                v.day.isoformat(),
                v.reason,
            ),
        )
    for f in in_force:
        tx.execute(
            "INSERT INTO plan_in_force (version, since, day) VALUES (?, ?, ?)",
            (f.number, f.since.isoformat(timespec="seconds"), f.day.isoformat()),
        )


def load_versions(
    store: Store,
    versions: Sequence[tuple[PlanVersion, bytes]],
    in_force: Sequence[InForce],
) -> int:
    """write_versions in a transaction of its own; returns the number of versions."""
    with store.write() as tx:
        write_versions(tx, versions, in_force)
    return len(versions)
