"""Data care in SQL: integrity and foreign-key checks, every table as rows, and loading rows
back into an empty database in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from pacer.errors import PacerError
from pacer.i18n import Message, rows_text
from pacer.store.db import Connection, Store

# Bookkeeping, not the person's data: never exported, never imported as a table (the plan
# binding travels as the export's "plan" object; a running timer is a moment's state).
# (accepted_orphans is what the person said of their log: it travels with it.)
# The data version (migration 13) belongs to this database alone: an import is a write to it.
_INTERNAL = ("schema_migrations", "plan_binding", "timers", "data_version")
# Plan versions (migration 8) hold compressed bytes, which the JSON export refuses, and every
# command records the plan in force (so a fresh database is never empty of them): they travel
# as the export's "plan" object's "versions", not as tables.
_APART = ("plan_versions", "plan_in_force")

Row = dict[str, object]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.store.binding import PlanCopy


def _quoted(name: str) -> str:
    """An identifier for SQL (names come from sqlite_master, or were checked against it)."""
    return '"' + name.replace('"', '""') + '"'


def integrity_problems(store: Store) -> list[str]:
    """What `PRAGMA integrity_check` finds ([] when the database is sound)."""
    try:
        rows = store.conn.execute("PRAGMA integrity_check").fetchall()
    except PacerError as exc:  # SQLite's own words, as integrity_check would give them
        return [str(exc.message.args.get("detail", exc.message))]
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


def foreign_key_problems(store: Store) -> list[str]:
    """Rows whose foreign key points nowhere, as `table rowid → parent` lines."""
    try:
        rows = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    except PacerError as exc:  # SQLite's own words, as integrity_check would give them
        return [str(exc.message.args.get("detail", exc.message))]
    return [f"{table} {rowid} → {parent}" for table, rowid, parent, _ in rows]


def data_tables(store: Store) -> dict[str, list[str]]:
    """The person's tables (in the order the migrations made them) and their columns."""
    names = [
        str(r[0])
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite%' ORDER BY rowid"
        )
    ]
    return {
        name: [str(c[1]) for c in store.conn.execute(f"PRAGMA table_info({_quoted(name)})")]
        for name in names
        if name not in _INTERNAL and name not in _APART
    }


def dump_tables(store: Store) -> dict[str, list[Row]]:
    """Every row of every table of the person's data, in the order they were written, read
    in one transaction (a consistent snapshot while others write)."""
    conn = store.conn
    conn.execute("BEGIN")
    try:
        out: dict[str, list[Row]] = {}
        for name, columns in data_tables(store).items():
            listed = ", ".join(_quoted(c) for c in columns)
            rows = conn.execute(f"SELECT {listed} FROM {_quoted(name)} ORDER BY rowid").fetchall()
            out[name] = [dict(zip(columns, r, strict=True)) for r in rows]
    finally:
        conn.execute("COMMIT")
    return out


def row_counts(store: Store) -> dict[str, int]:
    return {
        name: int(store.conn.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])
        for name in data_tables(store)
    }


def load_tables(
    store: Store,
    tables: Mapping[str, Sequence[Mapping[str, object]]],
    binding: PlanCopy | None = None,
    also: Callable[[Connection], None] | None = None,
) -> int:
    """Insert the rows into an empty database in one transaction (all or nothing), with the
    plan they belong to when known, and what `also` writes (the plan versions) in that same
    transaction. Refuses a database that holds any data. Returns the number of rows written."""
    known = data_tables(store)
    for name, rows in tables.items():
        for index, row in enumerate(rows):
            unknown = sorted(set(row) - set(known.get(name, ())))
            if name not in known or unknown:
                what = name if name not in known else f"{name}.{unknown[0]}"
                raise PacerError(
                    Message("import.unknown_field", table=name, index=index, field=what)
                )
    written = 0
    with store.write() as tx:
        held = {
            name: n
            for name in known
            if (n := int(tx.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0]))
        }
        if held:
            raise PacerError(Message("import.not_empty", path=store.path, held=rows_text(held)))
        for name, rows in tables.items():
            for index, row in enumerate(rows):
                columns = list(row)
                sql = (
                    f"INSERT INTO {_quoted(name)} ({', '.join(_quoted(c) for c in columns)})"
                    f" VALUES ({', '.join('?' for _ in columns)})"
                )
                try:
                    tx.execute(sql, [row[c] for c in columns])
                except PacerError as exc:
                    detail = exc.message.args.get("detail", str(exc.message))
                    raise PacerError(
                        Message("import.row_refused", table=name, index=index, detail=detail)
                    ) from None
                written += 1
        if binding is not None:
            from pacer.store.binding import write_binding

            write_binding(tx, binding)
        if also is not None:
            also(tx)
    return written
