"""The roster table: days that a calendar file's shifts give a day template."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pacer.calendar.days import RosterEntry
from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.audit import mark
from pacer.store.db import Store


def _entry(row: Sequence[object]) -> RosterEntry:
    id_, start, end, template, summary = row
    return RosterEntry(
        int(str(id_)),
        date.fromisoformat(str(start)),
        date.fromisoformat(str(end)),
        str(template),
        str(summary),
    )


def list_roster(store: Store) -> list[RosterEntry]:
    rows = store.conn.execute(
        "SELECT id, start_date, end_date, template, summary FROM roster ORDER BY start_date, id"
    ).fetchall()
    return [_entry(r) for r in rows]


def remove_roster(store: Store, entry_id: int) -> RosterEntry:
    with store.write() as tx:
        row = tx.execute(
            "SELECT id, start_date, end_date, template, summary FROM roster WHERE id = ?",
            (entry_id,),
        ).fetchone()
        if row is None:
            raise PacerError(Message("rota.roster.no_such", id=entry_id))
        tx.execute("DELETE FROM roster WHERE id = ?", (entry_id,))
        mark(tx, "roster", "remove", {"kind": "roster_rm", "id": entry_id})  # undo stops here
    return _entry(row)


def import_roster(
    store: Store, found: Sequence[tuple[str, date, date, str, str]], source: str = ""
) -> list[tuple[str, RosterEntry]]:
    """Put (uid, start, end, template, summary) entries in, in one transaction. Per entry:
    ("added", the new entry), ("same", the entry already there, unchanged) or ("updated",
    the entry as it is now, when the calendar moved or renamed the event)."""
    out: list[tuple[str, RosterEntry]] = []
    stamp = now_utc().isoformat(timespec="seconds")
    with store.write() as tx:
        known = {
            str(r[5]): _entry(r[:5])
            for r in tx.execute(
                "SELECT id, start_date, end_date, template, summary, uid FROM roster"
            )
        }
        for uid, start, end, template, summary in found:
            held = known.get(uid)
            if held is not None and (held.start, held.end, held.template, held.summary) == (
                start,
                end,
                template,
                summary,
            ):
                out.append(("same", held))
                continue
            if held is not None:
                tx.execute(
                    "UPDATE roster SET start_date = ?, end_date = ?, template = ?, summary = ?,"
                    " updated_at = ? WHERE id = ?",
                    (start.isoformat(), end.isoformat(), template, summary, stamp, held.id),
                )
                entry = RosterEntry(held.id, start, end, template, summary)
                out.append(("updated", entry))
            else:
                tx.execute(
                    "INSERT INTO roster (uid, start_date, end_date, template, summary,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (uid, start.isoformat(), end.isoformat(), template, summary, stamp, stamp),
                )
                entry = RosterEntry(tx.last_insert_rowid(), start, end, template, summary)
                out.append(("added", entry))
            known[uid] = entry
        if any(how != "same" for how, _ in out):  # undo does not revert an import: stops here
            mark(tx, "roster", "add", {"kind": "roster_import", "file": source})
    return out
