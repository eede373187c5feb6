"""The milestone_checks table: acceptance criteria checked off, with their evidence."""

from __future__ import annotations

from datetime import date

from pacer.clock import now_utc
from pacer.schedule.status import CriterionCheck
from pacer.store.audit import delete_row, insert_row, update_row
from pacer.store.db import Store

_COLUMNS = "milestone, criterion, evidence, local_date, checked_at"


def _check(row: tuple[object, ...]) -> CriterionCheck:
    milestone, criterion, evidence, day, checked_at = row
    return CriterionCheck(
        str(milestone), str(criterion), str(evidence), date.fromisoformat(str(day)), str(checked_at)
    )


def set_check(
    store: Store, milestone: str, criterion: str, evidence: str, day: date
) -> tuple[CriterionCheck, CriterionCheck | None]:
    """Check a criterion (again: its evidence and date are replaced). Returns the check and
    the one it replaced, if any."""
    with store.write() as tx:
        old = tx.execute(
            f"SELECT {_COLUMNS} FROM milestone_checks WHERE milestone = ? AND criterion = ?",
            (milestone, criterion),
        ).fetchone()
        # Each recorded in the audit: `undo` unchecks, or brings back the evidence replaced.
        values: dict[str, object] = {
            "milestone": milestone,
            "criterion": criterion,
            "evidence": evidence,
            "local_date": day.isoformat(),
            "checked_at": now_utc().isoformat(timespec="seconds"),
        }
        if old is None:
            insert_row(tx, "milestone_checks", values)
        else:
            update_row(tx, "milestone_checks", 0, values, values)
        row = tx.execute(
            f"SELECT {_COLUMNS} FROM milestone_checks WHERE milestone = ? AND criterion = ?",
            (milestone, criterion),
        ).fetchone()
    return _check(row), (_check(old) if old is not None else None)


def remove_check(store: Store, milestone: str, criterion: str) -> CriterionCheck | None:
    """Uncheck a criterion; returns the check removed (None when it was not checked)."""
    with store.write() as tx:
        row = tx.execute(
            f"SELECT {_COLUMNS} FROM milestone_checks WHERE milestone = ? AND criterion = ?",
            (milestone, criterion),
        ).fetchone()
        if row is None:
            return None
        delete_row(tx, "milestone_checks", 0, {"milestone": milestone, "criterion": criterion})
    return _check(row)


def list_checks(store: Store, milestone: str | None = None) -> list[CriterionCheck]:
    """Every check (of one milestone when given), by milestone, then criterion."""
    if milestone is None:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM milestone_checks ORDER BY milestone, criterion"
        ).fetchall()
    else:
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM milestone_checks WHERE milestone = ? ORDER BY criterion",
            (milestone,),
        ).fetchall()
    return [_check(r) for r in rows]
