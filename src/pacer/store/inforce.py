"""The plan last recorded in force: the one plan-version query every command makes.

Apart from store/planversions.py so that the `today` path does not build that module's
records (a couple of milliseconds) when nothing is to be recorded."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.store.db import Store


def current_digest(store: Store) -> str | None:
    """The digest of the plan last recorded in force (None: none yet): the newest row by
    primary key, joined by primary key."""
    row = store.conn.execute(
        "SELECT v.digest FROM plan_in_force f JOIN plan_versions v ON v.id = f.version"
        " ORDER BY f.id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])


def newest_content(store: Store, plan_id: str) -> bytes | None:
    """The plan file's bytes of the version of plan `plan_id` last recorded in force (None:
    none recorded): what a restore of the plan file writes back."""
    import zlib

    row = store.conn.execute(
        "SELECT v.content FROM plan_in_force f JOIN plan_versions v ON v.id = f.version"
        " WHERE v.plan_id = ? ORDER BY f.id DESC LIMIT 1",
        (plan_id,),
    ).fetchone()
    return None if row is None else zlib.decompress(bytes(row[0]))
