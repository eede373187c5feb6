"""How far a trip may move a milestone: the time its own blocks need to win back what they lost."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pacer.plan.model import Plan
from pacer.schedule.projection import DayPlan, Projection
from pacer.schedule.stream import NO_POOL, PoolKey, Stream, covers, pool_key


def needed_units(plan: Plan, needs: Iterable[str]) -> frozenset[str]:
    """A milestone's units and, transitively, the units they wait for."""
    after = {u.id: u.after for u in plan.units()}
    out: set[str] = set()
    todo = [uid for uid in needs if uid in after]
    while todo:
        uid = todo.pop()
        if uid not in out:
            out.add(uid)
            todo.extend(p for p in after[uid] if p in after)
    return frozenset(out)


def recovery_bound(
    plan: Plan,
    stream: Stream,
    without: Projection,
    with_trip: Projection,
    needs: Iterable[str],
) -> date | None:
    """The latest day a trip may move a milestone to (None: not placed without the trip).

    Its pools are those (blocks admitting the same tracks and kinds) in which the plan put
    its units, or the units they wait for, and those that carried them in the projection
    without the trip. A pool does the units its own work waits for first, so it must win
    back its own lost minutes and those of the pools holding such units. For each pool: the
    first day by which, with the trip, it has offered as many minutes since the projection's
    start as it had offered by the milestone's date without the trip, plus what those other
    pools lost. The bound is the latest of those days: the milestone waits for nothing but
    the capacity its own blocks lost. Both projections keep their days from the same start.
    """
    before = without.finish_of(needs)
    if before is None:
        return None
    if before < without.start:
        return before  # done before the projection starts: a trip cannot move it
    units = needed_units(plan, needs)
    pools = {
        stream.pool_keys[pool]
        for (uid, _), pool in zip(stream.pieces, stream.pools, strict=True)
        if uid in units and pool != NO_POOL
    }
    for day in without.days:
        for bp in day.blocks:
            if any(p.unit in units for p in bp.items):
                pools.add(pool_key(bp.block))

    def lost(w: PoolKey) -> int:
        return max(0, _offered(without, w, without.last) - _offered(with_trip, w, without.last))

    bound = before
    for pool in pools:
        others = _waited_for(plan, stream, pool) - {pool}
        need = _offered(without, pool, before) + sum(lost(w) for w in others)
        reached = None
        total = 0
        for day in with_trip.days:
            total += _day_offer(day, pool)
            if total >= need:
                reached = day.info.day
                break
        bound = max(bound, reached if reached is not None else with_trip.last)
    return bound


def _waited_for(plan: Plan, stream: Stream, pool: PoolKey) -> set[PoolKey]:
    """The pools holding units that the work a pool serves waits for: the pool may do those
    first (and so lose what they lost)."""
    share = {i for i, wide in enumerate(stream.pool_keys) if covers(wide, pool)}
    served = {uid for (uid, _), p in zip(stream.pieces, stream.pools, strict=True) if p in share}
    after = {u.id: u.after for u in plan.units()}
    before = needed_units(plan, {p for uid in served for p in after[uid]})
    return {
        stream.pool_keys[p]
        for (uid, _), p in zip(stream.pieces, stream.pools, strict=True)
        if uid in before and p != NO_POOL
    }


def _day_offer(day: DayPlan, pool: PoolKey) -> int:
    return sum(
        bp.capacity for bp in day.blocks if bp.block.type == "work" and pool_key(bp.block) == pool
    )


def _offered(projection: Projection, pool: PoolKey, last: date) -> int:
    return sum(_day_offer(day, pool) for day in projection.days if day.info.day <= last)
