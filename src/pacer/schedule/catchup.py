"""Catch-up as a choice: options for a slipping milestone, each shown with its effect."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pacer.plan.model import Milestone, Plan
from pacer.schedule.capacity import Stretch
from pacer.schedule.projection import Adjustments, Projection

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    ChoiceKind = Literal["stretch", "defer", "move_due"]


STRETCH_WEEKS = (2, 4)
CHOICE_KINDS = ("stretch", "defer", "move_due")  # ChoiceKind


@dataclass(frozen=True, slots=True)
class CatchupChoice:
    """A recorded choice (or an option not yet chosen, with id 0)."""

    kind: ChoiceKind
    milestone: str
    start: date | None = None  # stretch: the period
    end: date | None = None
    units: tuple[str, ...] = ()  # defer: the optional units set aside
    due: date | None = None  # move_due: the new due date
    reason: str = ""
    id: int = 0


@dataclass(frozen=True, slots=True)
class Effect:
    milestone: str
    before: date | None
    after: date | None
    due: date  # the due date once the option is applied


@dataclass(frozen=True, slots=True)
class Option:
    choice: CatchupChoice
    effects: tuple[Effect, ...]


def adjustments_of(
    plan: Plan, choices: Iterable[CatchupChoice]
) -> tuple[Adjustments, dict[str, date]]:
    """What recorded choices do to the projection, and the due dates they moved.

    A choice is a stored row: the plan may have been edited since. An id the plan no longer
    has is ignored (a deferred unit it lacks, a due date moved for a milestone it lacks);
    the rest of the choice still holds (a stretch is a period of capacity whatever
    milestone it was chosen for). `pacer doctor` lists what was ignored."""
    units = {u.id for u in plan.units()}
    milestones = {m.id for m in plan.milestones}
    stretches: list[Stretch] = []
    deferred: set[str] = set()
    moves: dict[str, date] = {}
    for c in choices:
        if c.kind == "stretch" and c.start and c.end:
            stretches.append(Stretch(c.start, c.end))
        elif c.kind == "defer":
            deferred.update(u for u in c.units if u in units)
        elif c.kind == "move_due" and c.due and c.milestone in milestones:
            moves[c.milestone] = c.due
    return Adjustments(tuple(stretches), frozenset(deferred)), moves


def stale_ids(plan: Plan, choice: CatchupChoice) -> list[tuple[str, str]]:
    """The ids a recorded choice names that the plan lacks, as (kind, id): its milestone,
    then the units it defers."""
    out: list[tuple[str, str]] = []
    if all(m.id != choice.milestone for m in plan.milestones):
        out.append(("milestone", choice.milestone))
    units = {u.id for u in plan.units()}
    out += [("unit", uid) for uid in choice.units if uid not in units]
    return out


def milestone_dates(plan: Plan, projection: Projection) -> dict[str, date | None]:
    return {m.id: projection.finish_of(m.needs) for m in plan.milestones}


def options_for(
    plan: Plan,
    target: Milestone,
    day: date,
    current: Adjustments,
    moves: dict[str, date],
    run: Callable[[Adjustments], Projection],
) -> list[Option]:
    """Stretch blocks to their max for two or four weeks or until the due date, defer the
    optional units still ahead, or move the due date to the projected one. Every option is
    computed by running the projection with it applied; nothing is recorded here."""
    now = run(current)
    base = milestone_dates(plan, now)
    due_of = {m.id: moves.get(m.id, m.due) for m in plan.milestones}
    choices: list[CatchupChoice] = []
    ends = [day + timedelta(weeks=w) - timedelta(days=1) for w in STRETCH_WEEKS]
    due = due_of[target.id]
    if due > day and all(due != end for end in ends):
        ends.append(due)
    choices += [CatchupChoice("stretch", target.id, day, end) for end in sorted(set(ends))]
    # Optional units still ahead: not finished, not covered by the baseline, not deferred.
    optional = tuple(u.id for u in plan.units() if u.optional and u.id not in now.done)
    projected_target = base.get(target.id)
    if optional:
        choices.append(CatchupChoice("defer", target.id, units=optional))
    out = []
    for choice in choices:
        adj = _with(current, choice)
        after = milestone_dates(plan, run(adj))
        effects = tuple(
            Effect(m.id, base[m.id], after[m.id], due_of[m.id]) for m in plan.milestones
        )
        out.append(Option(choice, effects))
    if projected_target is not None and projected_target != due:
        move = CatchupChoice("move_due", target.id, due=projected_target)
        effects = tuple(
            Effect(
                m.id,
                base[m.id],
                base[m.id],
                projected_target if m.id == target.id else due_of[m.id],
            )
            for m in plan.milestones
        )
        out.append(Option(move, effects))
    return out


def _with(current: Adjustments, choice: CatchupChoice) -> Adjustments:
    if choice.kind == "stretch" and choice.start and choice.end:
        return replace(current, stretches=(*current.stretches, Stretch(choice.start, choice.end)))
    if choice.kind == "defer":
        return replace(current, deferred=current.deferred | frozenset(choice.units))
    return current
