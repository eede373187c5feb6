"""Catch-up as a choice: options for a late milestone, each shown with its effect on it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from pacer.plan.model import Milestone, Plan
from pacer.record import record, replace
from pacer.schedule.capacity import Stretch
from pacer.schedule.projection import Adjustments, Focus, Projection

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    ChoiceKind = Literal["stretch", "defer", "move_due", "focus"]


WEEKS = (2, 4)  # how long a focus or a stretch lasts (or until the due date)
CHOICE_KINDS = ("stretch", "defer", "move_due", "focus")  # ChoiceKind


@record
class CatchupChoice:
    """A recorded choice (or an option not yet chosen, with id 0)."""

    kind: ChoiceKind
    milestone: str
    start: date | None = None  # focus, stretch: the period
    end: date | None = None
    units: tuple[str, ...] = ()  # focus: the units put first; defer: those set aside
    due: date | None = None  # move_due: the new due date
    reason: str = ""
    id: int = 0


@record
class Effect:
    milestone: str
    before: date | None
    after: date | None
    due: date  # the due date once the option is applied


@record
class Option:
    choice: CatchupChoice
    effects: tuple[Effect, ...]


def adjustments_of(
    plan: Plan, choices: Iterable[CatchupChoice]
) -> tuple[Adjustments, dict[str, date]]:
    """What recorded choices do to the projection, and the due dates they moved.

    A choice is a stored row: the plan may have been edited since. An id the plan no longer
    has is ignored (a deferred unit it lacks, a due date moved for a milestone it lacks);
    the rest of the choice still holds (a stretch is a period of capacity, a focus puts its
    units first, whatever milestone it was chosen for). `pacer doctor` lists what was
    ignored."""
    units = {u.id for u in plan.units()}
    milestones = {m.id for m in plan.milestones}
    stretches: list[Stretch] = []
    deferred: set[str] = set()
    focus: list[Focus] = []
    moves: dict[str, date] = {}
    for c in choices:
        if c.kind == "stretch" and c.start and c.end:
            stretches.append(Stretch(c.start, c.end))
        elif c.kind == "focus" and c.start and c.end:
            kept = frozenset(u for u in c.units if u in units)
            if kept:
                focus.append(Focus(c.start, c.end, kept))
        elif c.kind == "defer":
            deferred.update(u for u in c.units if u in units)
        elif c.kind == "move_due" and c.due and c.milestone in milestones:
            moves[c.milestone] = c.due
    return Adjustments(tuple(stretches), frozenset(deferred), tuple(focus)), moves


def as_planned_choice(plan: Plan, choice: CatchupChoice) -> CatchupChoice:
    """The choice as the plan in force names its units: one renamed with `was:` is named
    by its current id (the store keeps what was written)."""
    from pacer.plan.renames import Renames

    renames = Renames.of(plan)
    if not renames.units or not any(uid in renames.units for uid in choice.units):
        return choice
    return replace(choice, units=tuple(renames.unit(uid) for uid in choice.units))


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
    """What would make `target` land earlier, each option computed by running the
    projection with it applied (nothing is recorded here), in this order: put its units
    first (a focus) and stretch work blocks to their max, each for two or four weeks or
    until the due date; defer its own optional units that stand in its way; move the due
    date to the projected one.

    An option is offered only when it makes the target earlier, and a longer focus or
    stretch only when it gains more than a shorter one. A milestone projected on or
    before its due date, or whose units are all finished, has nothing to catch up: no
    options at all (so never a due date moved earlier)."""
    now = run(current)
    base = milestone_dates(plan, now)
    due_of = {m.id: moves.get(m.id, m.due) for m in plan.milestones}
    due = due_of[target.id]
    projected = base[target.id]
    if all(u in now.done for u in target.needs) or (projected is not None and projected <= due):
        return []
    ends = [day + timedelta(weeks=w) - timedelta(days=1) for w in WEEKS]
    if due > day:
        ends.append(due)
    ends = sorted(set(ends))
    needed = _needed(plan, target, now.done)
    groups: list[list[CatchupChoice]] = [
        [CatchupChoice("focus", target.id, day, end, units=needed) for end in ends],
        [CatchupChoice("stretch", target.id, day, end) for end in ends],
    ]
    in_the_way = _own_optional(plan, target, now, projected)
    if in_the_way:
        groups.append([CatchupChoice("defer", target.id, units=in_the_way)])
    out = []
    for group in groups:
        best = projected  # within a group, each option must gain more than the one before
        for choice in group:
            after = milestone_dates(plan, run(_with(current, choice)))
            if not _earlier(after[target.id], best):
                continue
            best = after[target.id]
            effects = tuple(
                Effect(m.id, base[m.id], after[m.id], due_of[m.id]) for m in plan.milestones
            )
            out.append(Option(choice, effects))
    if projected is not None:  # late: the due date can move to the projected one
        move = CatchupChoice("move_due", target.id, due=projected)
        effects = tuple(
            Effect(m.id, base[m.id], base[m.id], projected if m.id == target.id else due_of[m.id])
            for m in plan.milestones
        )
        out.append(Option(move, effects))
    return out


def _earlier(after: date | None, before: date | None) -> bool:
    """Whether `after` is earlier than `before` (None: not within the horizon)."""
    return after is not None and (before is None or after < before)


def _needed(plan: Plan, target: Milestone, done: frozenset[str]) -> tuple[str, ...]:
    """The target's units still to do and the unfinished units they wait for (whatever
    their curriculum), in plan order."""
    by_id = {u.id: u for u in plan.units()}
    want: set[str] = set()
    stack = [uid for uid in target.needs if uid in by_id]
    while stack:
        uid = stack.pop()
        if uid in want or uid in done:
            continue
        want.add(uid)
        stack.extend(p for p in by_id[uid].after if p in by_id)
    return tuple(u.id for u in plan.units() if u.id in want)


def _own_optional(
    plan: Plan, target: Milestone, now: Projection, projected: date | None
) -> tuple[str, ...]:
    """The optional units of the target's own curricula still ahead that stand in its way:
    those it needs, and those projected to finish before it does. Another curriculum's
    units are never the target's to set aside."""
    units = plan.units()
    needs = set(target.needs)
    curricula = {u.curriculum for u in units if u.id in needs}
    out = []
    for u in units:
        if not u.optional or u.curriculum not in curricula or u.id in now.done:
            continue
        finish = now.finish.get(u.id)
        before = projected is None or (finish is not None and finish <= projected)
        if u.id in needs or before:
            out.append(u.id)
    return tuple(out)


def _with(current: Adjustments, choice: CatchupChoice) -> Adjustments:
    if choice.kind == "focus" and choice.start and choice.end:
        focus = Focus(choice.start, choice.end, frozenset(choice.units))
        return replace(current, focus=(*current.focus, focus))
    if choice.kind == "stretch" and choice.start and choice.end:
        return replace(current, stretches=(*current.stretches, Stretch(choice.start, choice.end)))
    if choice.kind == "defer":
        return replace(current, deferred=current.deferred | frozenset(choice.units))
    return current


def shown_effects(option: Option) -> tuple[Effect, ...]:
    """What an option is shown with: its milestone first, then every other milestone whose
    projected date it changes."""
    target = option.choice.milestone
    mine = tuple(e for e in option.effects if e.milestone == target)
    return mine + tuple(e for e in option.effects if e.milestone != target and e.before != e.after)
