"""Filling a day's work blocks with units: the placeholder rule, kept behind `plan_days`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pacer.calendar.days import Calendar, DayInfo
from pacer.plan.model import DESK_KINDS, Block, DayTemplate, Plan, Unit
from pacer.schedule.progress import Progress, remaining_minutes


@dataclass(frozen=True, slots=True)
class Placement:
    unit: str
    minutes: int


@dataclass(frozen=True, slots=True)
class BlockPlan:
    block: Block
    items: tuple[Placement, ...] = ()

    @property
    def placed(self) -> int:
        return sum(p.minutes for p in self.items)


@dataclass(frozen=True, slots=True)
class DayPlan:
    info: DayInfo
    template: DayTemplate
    blocks: tuple[BlockPlan, ...]


def plan_days(
    plan: Plan, calendar: Calendar, progress: Progress, days: list[date]
) -> list[DayPlan]:
    """Place remaining unit minutes into the work blocks of consecutive days, in plan order.

    A unit is eligible when its curriculum's window has opened, its prerequisites are done
    (or finished earlier in this run), the block admits its track and kind, and the travel
    rules allow it. The month's own curricula come first and work carried over from closed
    windows after them (falling behind moves the backlog later instead of starving the
    month), optional units last, plan order within each. No day gets more than its
    blocks' planned minutes, and no piece shorter than the plan's minimum chunk is placed
    unless it finishes the unit.
    """
    left = remaining_minutes(plan, progress)
    started = {u for u, m in progress.logged.items() if m > 0} | set(progress.done)
    windows = {c.id: c.start.first_day() for c in plan.curricula}
    closes = {c.id: c.end.last_day() for c in plan.curricula}
    out: list[DayPlan] = []
    for d in days:
        # sorted() is stable: plan order within each group.
        units = sorted(plan.units(), key=lambda u: (u.optional, closes[u.curriculum] < d))
        info = calendar.resolve(d)
        template = plan.template(info.template)
        blocks = []
        for block in template.blocks:
            if block.type != "work":
                blocks.append(BlockPlan(block))
                continue
            items = _fill_block(plan, block, info, units, windows, left, started, d)
            blocks.append(BlockPlan(block, tuple(items)))
        out.append(DayPlan(info, template, tuple(blocks)))
    return out


def _fill_block(
    plan: Plan,
    block: Block,
    info: DayInfo,
    units: list[Unit],
    windows: dict[str, date],
    left: dict[str, int],
    started: set[str],
    d: date,
) -> list[Placement]:
    capacity = block.minutes
    items: list[Placement] = []
    for unit in units:
        if not _eligible(unit, block, info, windows, left, started, d):
            continue
        chunk = min(left[unit.id], capacity)
        if chunk < plan.min_chunk and chunk < left[unit.id]:
            continue
        items.append(Placement(unit.id, chunk))
        left[unit.id] -= chunk
        started.add(unit.id)
        capacity -= chunk
        if capacity <= 0:
            break
    return items


def _eligible(
    unit: Unit,
    block: Block,
    info: DayInfo,
    windows: dict[str, date],
    left: dict[str, int],
    started: set[str],
    d: date,
) -> bool:
    if left.get(unit.id, 0) <= 0 or windows[unit.curriculum] > d:
        return False
    if not block.admits(unit.track, unit.kind):
        return False
    if info.kind == "trip" and unit.kind in DESK_KINDS:
        return False
    if not block.new_units and unit.id not in started:
        return False
    return all(left.get(pre, 0) <= 0 for pre in unit.after)
