"""What the log says about the work: minutes per unit, finished units, started units."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from pacer.plan.model import REVIEW_TARGET, Plan
from pacer.record import record, replace

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    TargetKind = Literal["unit", "habit", "ritual"]


TARGET_KINDS = ("unit", "habit", "ritual")  # what a log entry is for (TargetKind)


@record
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


@record
class Place:
    """Where a log entry counts: a unit's minutes (on the unit's track), a habit's (its
    track) or the weekly review's, the ritual (`track` None)."""

    kind: TargetKind
    track: str | None


@record
class LogTargets:
    """What the plan in force makes of each logged target: the one rule by which `status`,
    the review, the reports and `doctor` tell what is in the plan from what is not."""

    units: Mapping[str, str]  # unit id -> its track
    habits: frozenset[str]  # tracks with a habit block in some day template

    @classmethod
    def of(cls, plan: Plan) -> LogTargets:
        return cls({u.id: u.track for u in plan.units()}, plan.habit_tracks())

    def place(self, entry: LogEntry) -> Place | None:
        """Where `entry` counts; None when the plan has no such target (a unit or habit it
        no longer has, or a ritual that is not the review: an import from elsewhere)."""
        if entry.kind == "unit":
            track = self.units.get(entry.target)
            return Place("unit", track) if track is not None else None
        if entry.kind == "habit":
            return Place("habit", entry.target) if entry.target in self.habits else None
        if entry.kind == "ritual" and entry.target == REVIEW_TARGET:
            return Place("ritual", None)  # every plan has its weekly review
        return None


def as_planned(plan: Plan, entries: Iterable[LogEntry]) -> list[LogEntry]:
    """The log as the plan in force names things: an entry for an id a unit or habit track
    had before a rename (the plan's `was:`) counts for its current id. The one place where
    stored entries meet the plan; every reader of the log gets them through it."""
    from pacer.plan.renames import Renames

    renames = Renames.of(plan)
    if not renames:
        return list(entries)
    out: list[LogEntry] = []
    for e in entries:
        if e.kind == "unit" and e.target in renames.units:
            e = replace(e, target=renames.units[e.target])
        elif e.kind == "habit" and e.target in renames.tracks:
            e = replace(e, target=renames.tracks[e.target])
        out.append(e)
    return out


def not_in_plan_entries(plan: Plan, entries: Iterable[LogEntry]) -> list[LogEntry]:
    """The entries that name nothing the plan has: what `status` counts apart and `doctor`
    lists, from this one function so the two always agree."""
    targets = LogTargets.of(plan)
    return [e for e in entries if targets.place(e) is None]


@record
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
