"""Re-flow: pour the remaining planned stream, day by day, into the capacity that exists.

The projection is a pure, deterministic function of (plan, stream, progress, calendar,
start): recomputed every time, nothing about the future stored. What was logged comes off
the front of each unit's pieces; what remains keeps its planned order and flows into each
day's work blocks, which offer their planned minutes (their `max` only under a recorded
catch-up stretch) and never more. So a trip or a bad week moves the rest of the stream
later by the capacity it removed, slack in lighter months takes the delay up again, and
nothing piles onto tomorrow.

A block takes the first piece in stream order that it may take: the curriculum's window has
opened, the unit's prerequisites are finished, the block admits its track and kind, it is
not `code`/`experiment` on a trip day, and a `new_units: false` block only continues units
already started. No piece shorter than the plan's minimum chunk is placed unless it
finishes its unit; a block whose rest is too short for the next piece stays unfilled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pacer.calendar.days import Calendar, DayInfo
from pacer.plan.model import DESK_KINDS, Block, DayTemplate, Plan, Unit
from pacer.schedule.capacity import Stretch, Timeline
from pacer.schedule.progress import Progress, remaining_minutes
from pacer.schedule.stream import OVERFLOW_DAYS, Stream


@dataclass(frozen=True, slots=True)
class Placement:
    unit: str
    minutes: int


@dataclass(frozen=True, slots=True)
class BlockPlan:
    block: Block
    items: tuple[Placement, ...] = ()
    capacity: int = 0  # the minutes this block offered that day (its max when stretched)

    @property
    def placed(self) -> int:
        return sum(p.minutes for p in self.items)


@dataclass(frozen=True, slots=True)
class DayPlan:
    info: DayInfo
    template: DayTemplate
    blocks: tuple[BlockPlan, ...]

    @property
    def placed(self) -> int:
        return sum(b.placed for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Focus:
    """A catch-up choice: from `start` to `end`, a block takes these units before the rest
    of the stream (each still only where it may go)."""

    start: date
    end: date
    units: frozenset[str]


@dataclass(frozen=True, slots=True)
class Adjustments:
    """Catch-up choices that change the projection (never the plan file)."""

    stretches: tuple[Stretch, ...] = ()
    deferred: frozenset[str] = frozenset()  # optional units set aside
    focus: tuple[Focus, ...] = ()  # units put first for a while

    def focused(self, d: date) -> frozenset[str]:
        """The units put first on `d`."""
        if not self.focus:
            return frozenset()
        return frozenset().union(*(f.units for f in self.focus if f.start <= d <= f.end))


@dataclass(frozen=True, slots=True)
class Projection:
    start: date
    last: date  # the last day looked at
    days: tuple[DayPlan, ...]  # the days kept (all unless asked otherwise)
    finish: Mapping[str, date]  # unit id -> the day its last minute is placed
    done: frozenset[str]  # units finished before `start` (or deferred)
    left: Mapping[str, int] = field(default_factory=dict)  # minutes not placed by `last`

    def finish_of(self, unit_ids: Iterable[str]) -> date | None:
        """When all these units are finished: the latest finish, the day before `start` when
        all were done before the projection began, None when one is not placed in time."""
        latest = self.start - timedelta(days=1)
        for uid in unit_ids:
            if uid in self.done:
                continue
            when = self.finish.get(uid)
            if when is None:
                return None
            latest = max(latest, when)
        return latest

    def day(self, d: date) -> DayPlan | None:
        index = (d - self.start).days
        if 0 <= index < len(self.days):
            return self.days[index]
        return None


def remaining_stream(plan: Plan, stream: Stream, left: Mapping[str, int]) -> list[tuple[str, int]]:
    """The stream's pieces still to do: each unit's logged minutes come off its first pieces;
    finished (and deferred) units drop out; no piece shorter than the minimum chunk is left
    in front of more of the same unit (it joins that unit's next piece)."""
    estimate = {u.id: u.minutes for u in plan.units()}
    consumed = {uid: max(0, estimate[uid] - m) for uid, m in left.items()}
    pieces: list[tuple[str, int]] = []
    for uid, minutes in stream.pieces:
        if left.get(uid, 0) <= 0:
            continue
        eaten = min(consumed[uid], minutes)
        consumed[uid] -= eaten
        if minutes - eaten > 0:
            pieces.append((uid, minutes - eaten))
    later: dict[str, int] = {}
    for uid, _ in pieces:
        later[uid] = later.get(uid, 0) + 1
    carry: dict[str, int] = {}
    out: list[tuple[str, int]] = []
    for uid, minutes in pieces:
        minutes += carry.pop(uid, 0)
        later[uid] -= 1
        if minutes < plan.min_chunk and later[uid] > 0:
            carry[uid] = minutes
            continue
        out.append((uid, minutes))
    return out


class _Pour:
    """The remaining stream during one projection: pieces, what is left, what has started."""

    def __init__(
        self, plan: Plan, pieces: list[tuple[str, int]], left: dict[str, int], started: set[str]
    ) -> None:
        self.units = {u.id: u for u in plan.units()}
        self.opens = {c.id: c.start.first_day() for c in plan.curricula}
        self.unit_of = [uid for uid, _ in pieces]
        self.minutes = [m for _, m in pieces]
        self.left = left
        self.started = started
        self.head = 0
        self.where: dict[str, list[int]] = {}  # each unit's pieces, by index
        for j, uid in enumerate(self.unit_of):
            self.where.setdefault(uid, []).append(j)
        # opens_after[j]: the earliest window opening among pieces j..; while it is still
        # ahead nothing from j on can be placed, so a scan stops there (when ahead of plan).
        self.opens_after = [date.max] * (len(pieces) + 1)
        for j in range(len(pieces) - 1, -1, -1):
            opening = self.opens[self.units[self.unit_of[j]].curriculum]
            self.opens_after[j] = min(self.opens_after[j + 1], opening)

    @property
    def empty(self) -> bool:
        return self.head >= len(self.minutes)

    def consume(self, j: int, take: int) -> None:
        self.minutes[j] -= take
        self.left[self.unit_of[j]] -= take
        self.started.add(self.unit_of[j])
        while self.head < len(self.minutes) and self.minutes[self.head] == 0:
            self.head += 1

    def may_take(self, unit: Unit, block: Block, on_trip: bool, d: date) -> bool:
        if self.opens[unit.curriculum] > d or not block.admits(unit.track, unit.kind):
            return False
        if on_trip and unit.kind in DESK_KINDS:
            return False
        if not block.new_units and unit.id not in self.started:
            return False
        return not any(self.left.get(p, 0) > 0 for p in unit.after)

    def first_for(
        self, block: Block, on_trip: bool, d: date, only: frozenset[str] | None = None
    ) -> int | None:
        """The first piece in stream order this block may take today (of `only`'s units)."""
        if not block.new_units:
            return self._first_started(block, on_trip, d)
        seen: set[str] = set()
        for j in range(self.head, len(self.minutes)):
            if self.opens_after[j] > d:
                return None
            uid = self.unit_of[j]
            if self.minutes[j] == 0 or uid in seen or (only is not None and uid not in only):
                continue
            seen.add(uid)  # a unit's later pieces are no more eligible than its first
            if self.may_take(self.units[uid], block, on_trip, d):
                return j
        return None

    def _first_started(self, block: Block, on_trip: bool, d: date) -> int | None:
        """Only units already started: look at those, not at the whole stream."""
        candidates = []
        for uid in self.started:
            if self.left.get(uid, 0) <= 0 or uid not in self.where:
                continue
            first = next((j for j in self.where[uid] if self.minutes[j] > 0), None)
            if first is not None:
                candidates.append((first, uid))
        for j, uid in sorted(candidates):
            if self.may_take(self.units[uid], block, on_trip, d):
                return j
        return None


def project(
    plan: Plan,
    calendar: Calendar,
    stream: Stream,
    progress: Progress,
    start: date,
    *,
    until: date | None = None,
    adjustments: Adjustments | None = None,
    keep_days: bool = True,
    spent_on_start: int = 0,
) -> Projection:
    """Pour the remaining stream into the days from `start` (`progress`: the log so far).

    `spent_on_start` is unit work already logged on `start` itself: it uses up that much of
    the day's work blocks, so a day is never counted twice. Runs until every unit is placed,
    or to `until`, or to a year past the plan's end.
    """
    adj = adjustments or Adjustments()
    last_day = until if until is not None else max(plan.end, start) + timedelta(days=OVERFLOW_DAYS)
    timeline = Timeline(plan, calendar, start, adj.stretches)
    left = remaining_minutes(plan, progress)
    for uid in adj.deferred:
        if uid in left:  # an id the plan lacks defers nothing
            left[uid] = 0
    done = frozenset(uid for uid, m in left.items() if m == 0)
    started = set(progress.done) | {u for u, m in progress.logged.items() if m > 0}
    pour = _Pour(plan, remaining_stream(plan, stream, left), left, started)
    finish: dict[str, date] = {}
    kept: list[DayPlan] = []
    d = start
    # With `until`, every day up to it is kept (empty once the work runs out); without it,
    # the projection ends with the work.
    while d <= last_day and (not pour.empty or (until is not None and keep_days)):
        capacity = timeline.day(d)
        on_trip = capacity.info.kind == "trip"
        focused = adj.focused(d)
        offered = iter(capacity.work)
        blocks: list[BlockPlan] = []
        for block in capacity.template.blocks:
            if block.type != "work":
                blocks.append(BlockPlan(block))
                continue
            _, offer = next(offered)
            cap = offer
            if d == start and spent_on_start > 0:
                used = min(cap, spent_on_start)
                cap -= used
                spent_on_start -= used
            items: list[Placement] = []
            while cap > 0:
                # A recorded focus: its units first, where this block may take them.
                j = pour.first_for(block, on_trip, d, focused) if focused else None
                if j is None:
                    j = pour.first_for(block, on_trip, d)
                if j is None:
                    break
                uid = pour.unit_of[j]
                take = _take(pour.minutes[j], cap, left[uid], plan.min_chunk)
                if take == 0:
                    break  # the rest of this block is too short for the next piece
                pour.consume(j, take)
                cap -= take
                if items and items[-1].unit == uid:
                    items[-1] = Placement(uid, items[-1].minutes + take)
                else:
                    items.append(Placement(uid, take))
                if left[uid] == 0:
                    finish[uid] = d
            blocks.append(BlockPlan(block, tuple(items), offer))
        if keep_days:
            kept.append(DayPlan(capacity.info, capacity.template, tuple(blocks)))
        d += timedelta(days=1)
    unplaced = {uid: m for uid, m in left.items() if m > 0}
    return Projection(start, d - timedelta(days=1), tuple(kept), finish, done, unplaced)


def _take(piece: int, cap: int, unit_left: int, min_chunk: int) -> int:
    """Minutes of this piece to place in `cap`: never a sliver, never leave one behind."""
    take = min(piece, cap)
    rest = piece - take
    if 0 < rest < min_chunk:
        take = piece - min_chunk  # leave a whole chunk for later rather than a sliver
    if take < min_chunk and take < unit_left:
        return 0
    return max(take, 0)
