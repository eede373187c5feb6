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
from datetime import date, timedelta

from pacer.calendar.days import Calendar, DayInfo
from pacer.plan.model import DESK_KINDS, Block, DayTemplate, Plan, Unit
from pacer.record import field, record
from pacer.schedule.capacity import Stretch, Timeline
from pacer.schedule.progress import Progress, remaining_minutes
from pacer.schedule.ramp import RampDay
from pacer.schedule.stream import NO_POOL, OVERFLOW_DAYS, PoolKey, Stream, covers, pool_key


@record
class Placement:
    unit: str
    minutes: int


@record
class BlockPlan:
    block: Block
    items: tuple[Placement, ...] = ()
    capacity: int = 0  # the minutes this block offered that day (its max when stretched)

    @property
    def placed(self) -> int:
        return sum(p.minutes for p in self.items)


@record
class DayPlan:
    info: DayInfo
    template: DayTemplate
    blocks: tuple[BlockPlan, ...]
    ramp: RampDay | None = None  # a first day back: its work blocks offer a share

    @property
    def placed(self) -> int:
        return sum(b.placed for b in self.blocks)

    def asks(self, bp: BlockPlan) -> tuple[int, int | None]:
        """The minutes (and the most) a block of this day asks for, as `today`, the calendar
        and reminders all say it: a work block on a first day back (`ramp`) only its share."""
        if self.ramp is not None and bp.block.type == "work":
            return bp.capacity, None
        return bp.block.minutes, bp.block.max_minutes


@record
class Focus:
    """A catch-up choice: from `start` to `end`, a block takes these units before the rest
    of the stream (each still only where it may go)."""

    start: date
    end: date
    units: frozenset[str]


@record
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


@record
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


def remaining_stream(
    plan: Plan, stream: Stream, left: Mapping[str, int]
) -> list[tuple[str, int, int]]:
    """The stream's pieces still to do, as (unit, minutes, pool): each unit's logged minutes
    come off its first pieces; finished (and deferred) units drop out; no piece shorter than
    the minimum chunk is left in front of more of the same unit (it joins that unit's next
    piece, which keeps the sliver's pool)."""
    estimate = {u.id: u.minutes for u in plan.units()}
    consumed = {uid: max(0, estimate[uid] - m) for uid, m in left.items()}
    pools = stream.pools or (NO_POOL,) * len(stream.pieces)
    pieces: list[tuple[str, int, int]] = []
    for (uid, minutes), pool in zip(stream.pieces, pools, strict=True):
        if left.get(uid, 0) <= 0:
            continue
        eaten = min(consumed[uid], minutes)
        consumed[uid] -= eaten
        if minutes - eaten > 0:
            pieces.append((uid, minutes - eaten, pool))
    later: dict[str, int] = {}
    for uid, _, _ in pieces:
        later[uid] = later.get(uid, 0) + 1
    carry: dict[str, tuple[int, int]] = {}  # unit -> (sliver minutes, the sliver's pool)
    out: list[tuple[str, int, int]] = []
    for uid, minutes, pool in pieces:
        if uid in carry:
            # The joined piece stays with the kind of block the work was planned in first:
            # this one's blocks may be too short for the larger piece (a 20-minute block
            # cannot take 35 minutes without leaving a sliver), and it would be stranded.
            sliver, pool = carry.pop(uid)
            minutes += sliver
        later[uid] -= 1
        if minutes < plan.min_chunk and later[uid] > 0:
            carry[uid] = (minutes, pool)
            continue
        out.append((uid, minutes, pool))
    return out


class _Queue:
    """Piece indexes in stream order (the whole stream, or the share of the pools one kind of
    block serves), how far the finished ones reach, and the earliest window opening from each
    position on: while that is still ahead nothing from there on can be placed, so a scan
    stops (ahead of plan)."""

    __slots__ = ("head", "indexes", "opens_after")

    def __init__(self, indexes: list[int], opening: list[date]) -> None:
        self.indexes = indexes
        self.head = 0
        self.opens_after = [date.max] * (len(indexes) + 1)
        for k in range(len(indexes) - 1, -1, -1):
            self.opens_after[k] = min(self.opens_after[k + 1], opening[indexes[k]])


class _Pour:
    """The remaining stream during one projection: pieces, what is left, what has started.

    A block serves its share of the stream first: the pieces the plan put in blocks like it
    (its pool: the same tracks and kinds) and in wider blocks (pools that admit everything it
    admits — a free holiday, say — where a piece sat only because such a day came first), in
    stream order. A piece of the share waiting on an unfinished prerequisite that the block
    may take yields to that prerequisite. Only when none of its share may be placed does the
    block take the first piece it may from the whole stream. So after a trip each kind of
    block goes on serving the work it served, in its planned share, and a milestone waits
    only for the capacity its own blocks (and the wider ones they stand in for) lost."""

    def __init__(
        self,
        plan: Plan,
        stream: Stream,
        pieces: list[tuple[str, int, int]],
        left: dict[str, int],
        started: set[str],
    ) -> None:
        self.units = {u.id: u for u in plan.units()}
        self.opens = {c.id: c.opens for c in plan.curricula}
        self.unit_of = [uid for uid, _, _ in pieces]
        self.minutes = [m for _, m, _ in pieces]
        self.pool = [p for _, _, p in pieces]
        self.pool_keys = stream.pool_keys
        self.left = left
        self.started = started
        self.where: dict[str, list[int]] = {}  # each unit's pieces, by index
        for j, uid in enumerate(self.unit_of):
            self.where.setdefault(uid, []).append(j)
        self.opening = [self.opens[self.units[uid].curriculum] for uid in self.unit_of]
        self.everything = _Queue(list(range(len(pieces))), self.opening)
        self.shares: dict[PoolKey, tuple[frozenset[int], _Queue | None]] = {}
        self.by_block: dict[int, tuple[frozenset[int], _Queue | None]] = {}

    def share(self, block: Block) -> tuple[frozenset[int], _Queue | None]:
        """The pools a block serves first, and their pieces as one queue (None: no share)."""
        found = self.by_block.get(id(block))
        if found is not None:
            return found
        key = pool_key(block)
        found = self.shares.get(key)
        if found is None:
            pools = frozenset(i for i, wide in enumerate(self.pool_keys) if covers(wide, key))
            indexes = [j for j, pool in enumerate(self.pool) if pool in pools]
            found = (pools, _Queue(indexes, self.opening) if indexes else None)
            self.shares[key] = found
        self.by_block[id(block)] = found  # the plan keeps its blocks alive: ids stay theirs
        return found

    @property
    def empty(self) -> bool:
        return _advance(self.everything, self.minutes) >= len(self.minutes)

    def consume(self, j: int, take: int) -> None:
        self.minutes[j] -= take
        self.left[self.unit_of[j]] -= take
        self.started.add(self.unit_of[j])

    def pass_on_rest(self, j: int, min_chunk: int) -> None:
        """A rest under the minimum chunk left on a piece joins its unit's next piece (placed
        on its own it could only finish the unit, and it would hold the unit's later pieces
        back)."""
        rest = self.minutes[j]
        if not 0 < rest < min_chunk:
            return
        uid = self.unit_of[j]
        later = next((k for k in self.where[uid] if k > j and self.minutes[k] > 0), None)
        if later is not None:
            self.minutes[later] += rest
            self.minutes[j] = 0

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
        """The first piece this block may take today: its share's first, else the whole
        stream's first, in stream order (with `only`: the first of those units')."""
        pools, own = self.share(block)
        if not block.new_units:
            return self._first_started(block, pools, on_trip, d)
        if only is not None:  # a recorded focus: its units first, wherever they were planned
            return self._scan(self.everything, block, on_trip, d, only)
        if own is not None:
            j = self._scan(own, block, on_trip, d)
            if j is not None:
                return j
        return self._scan(self.everything, block, on_trip, d)

    def _scan(
        self,
        queue: _Queue,
        block: Block,
        on_trip: bool,
        d: date,
        only: frozenset[str] | None = None,
    ) -> int | None:
        seen: set[str] = set()
        indexes, opens_after = queue.indexes, queue.opens_after
        for k in range(_advance(queue, self.minutes), len(indexes)):
            if opens_after[k] > d:
                return None
            j = indexes[k]
            uid = self.unit_of[j]
            if self.minutes[j] == 0 or uid in seen or (only is not None and uid not in only):
                continue
            seen.add(uid)  # a unit's later pieces are no more eligible than its first
            unit = self.units[uid]
            if self.may_take(unit, block, on_trip, d):
                return j
            # The block's share waits on an unfinished prerequisite: work on that, so that
            # what this block was meant to serve is not held up further.
            first = self._prerequisite_for(unit, block, on_trip, d, seen)
            if first is not None:
                return first
        return None

    def _prerequisite_for(
        self, unit: Unit, block: Block, on_trip: bool, d: date, seen: set[str]
    ) -> int | None:
        for pid in unit.after:
            if self.left.get(pid, 0) <= 0 or pid in seen or pid not in self.where:
                continue
            seen.add(pid)
            first = next((j for j in self.where[pid] if self.minutes[j] > 0), None)
            if first is None:
                continue
            prerequisite = self.units[pid]
            if self.may_take(prerequisite, block, on_trip, d):
                return first
            deeper = self._prerequisite_for(prerequisite, block, on_trip, d, seen)
            if deeper is not None:
                return deeper
        return None

    def _first_started(
        self, block: Block, pools: frozenset[int], on_trip: bool, d: date
    ) -> int | None:
        """Only units already started: look at those, not at the whole stream (their pieces
        in this block's share first)."""
        own: list[tuple[int, str]] = []
        anywhere: list[tuple[int, str]] = []
        for uid in self.started:
            if self.left.get(uid, 0) <= 0 or uid not in self.where:
                continue
            ahead = [j for j in self.where[uid] if self.minutes[j] > 0]
            if not ahead:
                continue
            anywhere.append((ahead[0], uid))
            mine = next((j for j in ahead if self.pool[j] in pools), None)
            if mine is not None:
                own.append((mine, uid))
        for j, uid in (*sorted(own), *sorted(anywhere)):
            if self.may_take(self.units[uid], block, on_trip, d):
                return j
        return None


def _advance(queue: _Queue, minutes: list[int]) -> int:
    """Move a queue's head past its finished pieces; return it."""
    indexes, head = queue.indexes, queue.head
    while head < len(indexes) and minutes[indexes[head]] == 0:
        head += 1
    queue.head = head
    return head


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
    pour = _Pour(plan, stream, remaining_stream(plan, stream, left), left, started)
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
        for block in capacity.blocks:
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
                pour.pass_on_rest(j, plan.min_chunk)
                cap -= take
                # One unit, one line per block: its pieces in the block add up.
                at = next((k for k, p in enumerate(items) if p.unit == uid), None)
                if at is None:
                    items.append(Placement(uid, take))
                else:
                    items[at] = Placement(uid, items[at].minutes + take)
                if left[uid] == 0:
                    finish[uid] = d
            blocks.append(BlockPlan(block, tuple(items), offer))
        if keep_days:
            kept.append(DayPlan(capacity.info, capacity.template, tuple(blocks), capacity.ramp))
        d += timedelta(days=1)
    unplaced = {uid: m for uid, m in left.items() if m > 0}
    return Projection(start, d - timedelta(days=1), tuple(kept), finish, done, unplaced)


def _take(piece: int, cap: int, unit_left: int, min_chunk: int) -> int:
    """Minutes of this piece to place in `cap`: never a sliver, and never leave one behind
    unless the block could otherwise take none of it (a 35-minute piece in a 20-minute
    block: it takes 20, and the 15 left are placed when they finish the unit)."""
    whole = min(piece, cap)
    take = whole
    rest = piece - take
    if 0 < rest < min_chunk:
        take = piece - min_chunk  # leave a whole chunk for later rather than a sliver
    if take < min_chunk and take < unit_left:
        # Better a rest left behind than a piece no block of its kind can ever take; the
        # caller moves that rest onto the unit's next piece.
        return whole if whole >= min_chunk and whole == cap else 0
    return max(take, 0)
