"""A period's plan changes with their reasons — what the weekly review and the reports list —
and the words for one change, shared by `plan history`/`plan diff`, the CLI, the web and
the reports."""

from __future__ import annotations

from datetime import date

from pacer.i18n import days_text, joined, minutes_text, t
from pacer.plan.diff import Change
from pacer.schedule.review import MilestoneMove, PlanChange
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

# How many changes a summary names before "and N more" (plan diff shows them all).
SHOWN_CHANGES = 4

_MINUTES = (
    "estimate",
    "unit_added",
    "unit_removed",
    "block_added",
    "block_removed",
    "block_minutes",
    "block_max",
)


def plan_changes(session: Session, first: date, last: date) -> tuple[PlanChange, ...]:
    """The plan versions first seen from `first` to `last` after the first one, oldest
    first, each with what changed, its reason and the milestones it moved (their projected
    date on its day)."""
    from pacer.service.planversions import changes_between

    out = []
    for e in changes_between(session, first, last):
        if e.diff is None and not e.unreadable:
            continue  # the first plan: nothing changed yet
        moved = None
        if e.diff is not None:
            moved = tuple(
                MilestoneMove(m.id, m.title, m.before, m.after, m.days)
                for m in e.effects
                if m.before != m.after
            )
        changes = e.diff.changes if e.diff is not None else None
        out.append(PlanChange(e.version.number, e.version.day, e.version.reason, changes, moved))
    return tuple(out)


# -- words ------------------------------------------------------------------------------------
def _value(change: Change, value: str | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, int) and change.kind in _MINUTES:
        return minutes_text(value)
    return str(value)


def change_text(change: Change) -> str:
    """One change in the plan's own terms: `block free/deep 120 min → 240 min`."""
    key = f"versions.change.{change.kind}"
    if change.kind == "span":
        key += f".{change.id}"
    if change.kind == "milestone_needs":  # counts, rendered with their own plural
        return t(key, id=change.id, before=change.before, after=change.after)
    return t(
        key,
        id=change.id,
        before=_value(change, change.before),
        after=_value(change, change.after),
    )


def changes_summary(changes: tuple[Change, ...] | None) -> str:
    """The changes of a version in one line (the first few, then "and N more")."""
    if changes is None:
        return t("versions.first")
    if not changes:
        return t("versions.no_change")
    texts = [change_text(c) for c in changes]
    listed = texts[:SHOWN_CHANGES]
    if len(texts) > SHOWN_CHANGES:
        listed.append(t("versions.more", n=len(texts) - SHOWN_CHANGES))
    return t("versions.changes", n=len(texts), list=joined(listed))


def moved_text(m: MilestoneMove) -> str:
    return t(
        "versions.moved",
        id=m.id,
        before=m.before.isoformat() if m.before else "—",
        after=m.after.isoformat() if m.after else "—",
        days=days_text(m.days),
    )


def plan_change_lines(change: PlanChange) -> list[str]:
    """A plan change as `plan history` words it: the version, its day and what changed;
    why; the milestones it moved."""
    lines = [
        t(
            "versions.line",
            version=change.version,
            day=change.day.isoformat(),
            summary=changes_summary(change.changes),
        )
    ]
    if change.reason:
        lines.append(t("versions.why", reason=change.reason))
    else:
        lines.append(t("versions.no_reason", version=change.version))
    if change.milestones:
        lines.append(t("versions.milestones", list=joined(map(moved_text, change.milestones))))
    elif change.milestones is not None:
        lines.append(t("versions.milestones_same"))
    return lines


# -- JSON (docs/json.md) ------------------------------------------------------------------------
def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def plan_change_json(change: PlanChange) -> dict[str, Any]:
    return {
        "version": change.version,
        "day": change.day.isoformat(),
        "reason": change.reason or None,
        "changes": None
        if change.changes is None
        else [
            {"kind": c.kind, "id": c.id, "before": c.before, "after": c.after}
            for c in change.changes
        ],
        "milestones": None
        if change.milestones is None
        else [
            {
                "id": m.id,
                "title": m.title,
                "before": _iso(m.before),
                "after": _iso(m.after),
                "days": m.days,
            }
            for m in change.milestones
        ],
    }


def plan_change_from_json(value: Mapping[str, Any]) -> PlanChange:
    """A stored review's plan change back (KeyError, TypeError, ValueError when it is not
    this shape)."""

    def day(text: Any) -> date | None:
        return date.fromisoformat(text) if text is not None else None

    changes = value["changes"]
    milestones = value["milestones"]
    return PlanChange(
        int(value["version"]),
        date.fromisoformat(value["day"]),
        str(value["reason"] or ""),
        None
        if changes is None
        else tuple(Change(c["kind"], c["id"], c["before"], c["after"]) for c in changes),
        None
        if milestones is None
        else tuple(
            MilestoneMove(m["id"], m["title"], day(m["before"]), day(m["after"]), m["days"])
            for m in milestones
        ),
    )
