"""The data version (migration 13): read, bumped, and read without opening a Store."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.store.db import Connection

# Run inside every write transaction (Store.write).
BUMP_VERSION = (
    "UPDATE data_version SET counter = counter + 1, token = lower(hex(randomblob(8))) WHERE id = 1"
)
_READ = "SELECT counter, token FROM data_version WHERE id = 1"


def has_version(conn: Connection) -> bool:
    """Whether the database has the data version's table (an older schema, opened read-only
    or by a test's older migrations, has not)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'data_version'"
    ).fetchone()
    return found is not None


def read_version(conn: Connection) -> tuple[int, str]:
    """(counter, token) of an open, migrated database."""
    row = conn.execute(_READ).fetchone()
    return (int(row[0]), str(row[1])) if row is not None else (0, "")


def peek_version(path: str) -> tuple[int, str] | None:
    """The data version of the database at `path`, read-only and without migrating it (the
    rendered-day cache's fast path: apsw alone is imported). None when there is no such
    database or it cannot say (not made yet, older than migration 13, locked, foreign):
    the caller then takes the ordinary path, which says what is wrong."""
    import os

    if not os.path.isfile(path):
        return None  # SQLite would not make it (read-only), but say so without asking
    import apsw

    try:
        db = apsw.Connection(path, flags=apsw.SQLITE_OPEN_READONLY)
    except apsw.Error:
        return None
    try:
        db.set_busy_timeout(2000)
        row = db.execute(_READ).fetchone()
    except apsw.Error:
        return None
    finally:
        db.close()
    if row is None:
        return None
    return int(row[0]), str(row[1])
