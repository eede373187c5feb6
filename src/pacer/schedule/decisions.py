"""A review that decides: the milestones that slipped in a week (each needs a decision) and
the decisions themselves — pure, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from pacer.plan.model import Plan
from pacer.record import record

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.schedule.review import MilestoneMove

# keep: nothing changes; catchup: a catch-up option (as `pacer catchup ID` numbers them),
# recorded as a catch-up choice; move: the due date moves, with a reason (a choice too).
DECISION_KINDS = ("keep", "catchup", "move")


@record
class Slip:
    """A milestone that needs a decision in a week's review: its projected date moved later
    during the week and now falls after its due date, or its due date has passed with units
    still to do. (A projection that moved but still ends in time asks nothing: the review
    decides what is at risk, not every wobble.)"""

    milestone: str
    title: str
    before: date | None  # projected at the end of the previous week (None: not placed)
    after: date | None  # projected at the end of this week
    due: date  # with any due date a recorded choice moved
    moved: bool  # the projected date moved later during the week
    past_due: bool


@record
class ReviewDecision:
    """What the review decided for one milestone."""

    milestone: str
    kind: str  # one of DECISION_KINDS
    option: int | None = None  # catchup: the option's number
    due: date | None = None  # move: the new due date
    reason: str = ""
    catchup_id: int | None = None  # catchup, move: the catch-up choice recorded
    choice: str | None = None  # catchup: that choice's kind (focus, stretch, defer, move_due)


def _later(before: date | None, after: date | None) -> bool:
    """Whether a projected date moved later (None: no longer placed within the horizon)."""
    if before is None:
        return False
    return after is None or after > before


def slipped(
    plan: Plan,
    moves: Iterable[MilestoneMove],
    projected: Mapping[str, date | None],
    finished: Mapping[str, date],
    due_of: Mapping[str, date],
    cutoff: date,
) -> tuple[Slip, ...]:
    """The milestones that need a decision, in plan order: those whose projected date moved
    later during the week (`moves`) to after their due date, and those due before `cutoff`
    whose units are not all `finished`. `projected` is each milestone's date at the end of
    the week, `due_of` the due dates recorded choices moved."""
    later = {m.id: m for m in moves if _later(m.before, m.after)}
    out = []
    for m in plan.milestones:
        due = due_of.get(m.id, m.due)
        past = due < cutoff and not all(u in finished for u in m.needs)
        move = later.get(m.id)
        if move is not None and move.after is not None and move.after <= due:
            move = None  # later than last week, still in time
        if move is None and not past:
            continue
        before = move.before if move is not None else projected.get(m.id)
        after = move.after if move is not None else projected.get(m.id)
        out.append(Slip(m.id, m.title, before, after, due, move is not None, past))
    return tuple(out)
