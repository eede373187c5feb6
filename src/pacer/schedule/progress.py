"""What the log says about the work: minutes per unit, finished units, started units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pacer.plan.model import Plan

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    TargetKind = Literal["unit", "habit", "ritual"]


TARGET_KINDS = ("unit", "habit", "ritual")  # what a log entry is for (TargetKind)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """Minutes done on a local date for a unit, habit or ritual (the weekly review)."""

    id: int
    day: date
    logged_at: str  # UTC, ISO 8601
    kind: TargetKind
    target: str
    minutes: int
    done: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    """Unit minutes and completions from the log (entries of any order give the same)."""

    logged: dict[str, int]
    done: frozenset[str]

    def minutes(self, unit_id: str) -> int:
        return self.logged.get(unit_id, 0)

    def started(self, unit_id: str) -> bool:
        return self.logged.get(unit_id, 0) > 0 or unit_id in self.done


def progress_of(plan: Plan, entries: Iterable[LogEntry], before: date | None = None) -> Progress:
    """Progress from the entries dated before `before` (all entries when None).

    Units the baseline covers count as done. Entries naming a unit the plan no longer has
    (it was edited since) are not progress of any unit; status counts them apart.
    """
    units = {u.id for u in plan.units()}
    logged: dict[str, int] = {}
    done: set[str] = set(plan.covered_units())
    for e in entries:
        if e.kind != "unit" or (before is not None and e.day >= before):
            continue
        if e.target not in units:  # the plan was edited since: the entry is not progress
            continue
        logged[e.target] = logged.get(e.target, 0) + e.minutes
        if e.done:
            done.add(e.target)
    return Progress(logged, frozenset(done))


def remaining_minutes(plan: Plan, progress: Progress) -> dict[str, int]:
    """Estimate minus logged, never below zero; a finished unit has none left."""
    out: dict[str, int] = {}
    for unit in plan.units():
        if unit.id in progress.done:
            out[unit.id] = 0
        else:
            out[unit.id] = max(0, unit.minutes - progress.minutes(unit.id))
    return out
