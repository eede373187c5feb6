"""The planned stream: the plan's work in the order it is meant to be done.

The stream is built once per plan, by allocating every unit into the capacity of the plan's
own calendar (holidays, no trips, nothing logged) from its first day. Each piece of a work
block goes to the curriculum that ranks first by, in order:

1. required before optional units;
2. curricula whose window is open (or whose due dates are still ahead) before work carried
   over from a closed window;
3. a curriculum projected to miss an upcoming due date at its fair share goes first;
4. fair share: the least served, relative to the month's weights (reset each month);
5. plan order.

Inside a curriculum the earliest-due eligible unit comes first (plan order breaks ties).
The resulting sequence of (unit, minutes) pieces is what the projection pours into the
capacity the person really has.
"""

from __future__ import annotations

from bisect import insort
from datetime import date, timedelta

from pacer.calendar.days import Calendar
from pacer.plan.model import DESK_KINDS, Block, Month, Plan, Unit
from pacer.record import record
from pacer.schedule.capacity import DayCapacity, Timeline
from pacer.schedule.progress import Progress, remaining_minutes

FOCUS = 60  # longest piece of one unit placed before the block is offered to others
OVERFLOW_DAYS = 365  # how far past the plan's end the projection goes to show overflow
_NO_DUE = date.max


PoolKey = tuple[tuple[str, ...], tuple[str, ...], bool]
NO_POOL = -1  # work that no block of the plan admits


def pool_key(block: Block) -> PoolKey:
    """What a work block may take — its tracks, kinds and `new_units` — as one key. Blocks
    with the same key are interchangeable capacity: one *pool*, whatever their template."""
    return (tuple(sorted(block.tracks)), tuple(sorted(block.kinds)), block.new_units)


def covers(wide: PoolKey, narrow: PoolKey) -> bool:
    """Whether blocks of the `wide` pool admit everything blocks of the `narrow` one do."""
    (wide_tracks, wide_kinds, _), (narrow_tracks, narrow_kinds, _) = wide, narrow
    tracks = not wide_tracks or (bool(narrow_tracks) and set(narrow_tracks) <= set(wide_tracks))
    kinds = not wide_kinds or (bool(narrow_kinds) and set(narrow_kinds) <= set(wide_kinds))
    return tracks and kinds


@record
class Stream:
    """The plan's work in planned order: (unit id, minutes) pieces, and for each piece the
    pool (an index into `pool_keys`) whose block it was planned in."""

    pieces: tuple[tuple[str, int], ...]
    pools: tuple[int, ...] = ()
    pool_keys: tuple[PoolKey, ...] = ()


class _Curriculum:
    """A curriculum's queue during one projection run."""

    __slots__ = (
        "carry_from",
        "frontier",
        "id",
        "left",
        "opens",
        "order",
        "required_dues",
        "urgent",
        "urgent_until",
    )

    def __init__(self, cid: str, order: int, opens: date, carry_from: date) -> None:
        self.id = cid
        self.order = order
        self.opens = opens
        self.carry_from = carry_from  # the first day after its window
        self.frontier: list[tuple[tuple[int, date, int], Unit]] = []  # sorted by queue key
        self.left = 0  # required and optional minutes still to place
        self.required_dues: list[tuple[date, Unit]] = []  # required units with a due date
        self.urgent = False
        self.urgent_until = date.min  # the due date that made it urgent


def _queue_key(unit: Unit, index: int) -> tuple[int, date, int]:
    return (int(unit.optional), unit.due or _NO_DUE, index)


def build_stream(plan: Plan, calendar: Calendar) -> Stream:
    """Allocate the whole plan into its own calendar (give it one without trips) from the
    plan's first day, nothing logged but the baseline, and return the pieces in order."""
    start = plan.start
    last_day = plan.end + timedelta(days=OVERFLOW_DAYS)
    timeline = Timeline(plan, calendar, start)
    left = remaining_minutes(plan, Progress({}, plan.covered_units()))
    started: set[str] = set()
    units = plan.units()
    index = {u.id: i for i, u in enumerate(units)}
    by_id = {u.id: u for u in units}

    curricula: dict[str, _Curriculum] = {}
    for order, c in enumerate(plan.curricula):
        curricula[c.id] = _Curriculum(c.id, order, c.opens, c.closes + timedelta(days=1))
    unmet: dict[str, int] = {}
    dependents: dict[str, list[str]] = {}
    for u in units:
        cur = curricula[u.curriculum]
        if left[u.id] <= 0:
            continue
        cur.left += left[u.id]
        if u.due is not None and not u.optional:
            cur.required_dues.append((u.due, u))
        pending = [p for p in u.after if left.get(p, 0) > 0]
        unmet[u.id] = len(pending)
        for p in pending:
            dependents.setdefault(p, []).append(u.id)
        if not pending:
            insort(cur.frontier, (_queue_key(u, index[u.id]), u), key=lambda e: e[0])
    for cur in curricula.values():
        cur.required_dues.sort(key=lambda e: (e[0], index[e[1].id]))
    active = [c for c in curricula.values() if c.left > 0]

    weights = _month_weights(plan)
    pieces: list[tuple[str, int]] = []
    pools: list[int] = []
    pool_index: dict[PoolKey, int] = {}
    served: dict[str, float] = {}
    month: Month | None = None
    min_chunk = plan.min_chunk
    d = start
    while d <= last_day and active:
        if month is None or d.day == 1:
            month = Month(d.year, d.month)
            served = {}  # fair share is kept month by month
        month_weights = weights.get(month, {})
        if d == start or d.weekday() == 0 or d.day == 1:
            _mark_urgent(active, month_weights, timeline, d, left)
        capacity = timeline.day(d)
        for block, offer in capacity.work:
            cap = offer
            pool = pool_index.setdefault(pool_key(block), len(pool_index))
            while cap > 0:
                pick = _pick(
                    active, block, capacity, d, cap, left, started, min_chunk, served, month_weights
                )
                if pick is None:
                    break
                cur, unit = pick
                take = _piece(left[unit.id], cap, min_chunk)
                if pieces and pieces[-1][0] == unit.id and pools[-1] == pool:
                    pieces[-1] = (unit.id, pieces[-1][1] + take)
                else:
                    pieces.append((unit.id, take))
                    pools.append(pool)
                left[unit.id] -= take
                cur.left -= take
                cap -= take
                started.add(unit.id)
                served[cur.id] = served.get(cur.id, 0.0) + take
                if left[unit.id] == 0:
                    _release(unit, cur, curricula, by_id, dependents, unmet, left, index)
                    if cur.urgent and not any(
                        left[u.id] > 0 for due, u in cur.required_dues if due <= cur.urgent_until
                    ):
                        cur.urgent = False  # what was at risk is done: back to fair share
        active = [c for c in active if c.left > 0]
        d += timedelta(days=1)
    # Work that no block of the plan admits still belongs to the stream: last, in plan order.
    rest = [(u.id, left[u.id]) for u in units if left[u.id] > 0]
    pieces += rest
    pools += [NO_POOL] * len(rest)
    return Stream(tuple(pieces), tuple(pools), tuple(pool_index))


def _piece(left: int, cap: int, min_chunk: int) -> int:
    """How much of a unit to place now: at most FOCUS minutes, unless that would leave the
    block or the unit with a sliver shorter than the minimum chunk."""
    take = min(left, cap)
    if take > FOCUS:
        rest_block, rest_unit = cap - FOCUS, left - FOCUS
        if rest_block >= min_chunk and rest_unit >= min_chunk:
            take = FOCUS
    return take


def _pick(
    active: list[_Curriculum],
    block: Block,
    capacity: DayCapacity,
    d: date,
    cap: int,
    left: dict[str, int],
    started: set[str],
    min_chunk: int,
    served: dict[str, float],
    weights: dict[str, float],
) -> tuple[_Curriculum, Unit] | None:
    best: tuple[tuple[int, int, int, float, int], _Curriculum, Unit] | None = None
    on_trip = capacity.info.kind == "trip"
    for cur in active:
        if cur.opens > d or not cur.frontier:
            continue
        unit = _first_eligible(cur, block, on_trip, cap, left, started, min_chunk)
        if unit is None:
            continue
        carried = int(d >= cur.carry_from and (unit.due is None or unit.due < d))
        weight = weights.get(cur.id, 1.0)
        key = (
            int(unit.optional),
            carried,
            0 if cur.urgent and not carried else 1,
            served.get(cur.id, 0.0) / weight,
            cur.order,
        )
        if best is None or key < best[0]:
            best = (key, cur, unit)
    return None if best is None else (best[1], best[2])


def _first_eligible(
    cur: _Curriculum,
    block: Block,
    on_trip: bool,
    cap: int,
    left: dict[str, int],
    started: set[str],
    min_chunk: int,
) -> Unit | None:
    for _, unit in cur.frontier:
        if not block.admits(unit.track, unit.kind):
            continue
        if on_trip and unit.kind in DESK_KINDS:
            continue
        if not block.new_units and unit.id not in started:
            continue
        if cap < min_chunk and left[unit.id] > cap:
            continue
        return unit
    return None


def _release(
    unit: Unit,
    cur: _Curriculum,
    curricula: dict[str, _Curriculum],
    by_id: dict[str, Unit],
    dependents: dict[str, list[str]],
    unmet: dict[str, int],
    left: dict[str, int],
    index: dict[str, int],
) -> None:
    """A finished unit leaves its queue and lets the units waiting on it in."""
    cur.frontier = [e for e in cur.frontier if e[1].id != unit.id]
    for vid in dependents.get(unit.id, ()):
        unmet[vid] -= 1
        if unmet[vid] == 0 and left[vid] > 0:
            v = by_id[vid]
            target = curricula[v.curriculum]
            insort(target.frontier, (_queue_key(v, index[vid]), v), key=lambda e: e[0])


def _mark_urgent(
    active: list[_Curriculum],
    weights: dict[str, float],
    timeline: Timeline,
    d: date,
    left: dict[str, int],
) -> None:
    """A curriculum is urgent when the required work due by its next due date is more than
    its fair share of the capacity until then. Checked weekly (and on the first day); it
    ends early once the work due by that date is done."""
    open_now = [c for c in active if c.opens <= d]
    total = sum(weights.get(c.id, 1.0) for c in open_now) or 1.0
    for cur in active:
        cur.urgent = False
        if cur.opens > d:
            continue
        upcoming = next((due for due, u in cur.required_dues if due >= d and left[u.id] > 0), None)
        if upcoming is None:
            continue
        need = sum(left[u.id] for due, u in cur.required_dues if due <= upcoming)
        share = weights.get(cur.id, 1.0) / total
        cur.urgent = need > share * timeline.minutes_between(d, upcoming)
        cur.urgent_until = upcoming


def _month_weights(plan: Plan) -> dict[Month, dict[str, float]]:
    return {m.month: dict(m.weights) for m in plan.months}
