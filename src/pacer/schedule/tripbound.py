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
    without the trip. Before the milestone's last piece a pool may also have to do work that
    other pools held or did (see `_waited_for`), so it must win back its own lost minutes
    and what the other pools lost, up to that work's minutes. For each pool: the first day by
    which, with the trip, it has offered as many minutes since the projection's start as it
    had offered by the milestone's date without the trip, plus that. The bound is the latest
    of those days: the milestone waits for nothing but the capacity its own blocks lost.
    Both projections keep their days and start on the same day.
    """
    before = without.finish_of(needs)
    if before is None:
        return None
    if before < without.start:
        return before  # done before the projection starts: a trip cannot move it
    units = needed_units(plan, needs)
    planned = {
        stream.pool_keys[pool]
        for (uid, _), pool in zip(stream.pieces, stream.pools, strict=True)
        if uid in units and pool != NO_POOL
    }
    pools = set(planned)
    for day in without.days:
        for bp in day.blocks:
            if any(p.unit in units for p in bp.items):
                pools.add(pool_key(bp.block))

    def lost(w: PoolKey) -> int:
        return max(0, _offered(without, w, without.last) - _offered(with_trip, w, without.last))

    every = (
        set(stream.pool_keys)
        | pools
        | {
            pool_key(bp.block)
            for day in with_trip.days
            for bp in day.blocks
            if bp.block.type == "work"
        }
    )
    bound = before
    for pool in pools:
        waited = _waited_for(plan, stream, pool, units, without, pool not in planned)
        # What others lost can come back to this pool by way of a third (one pool's share
        # moves to a second, which then no longer helps here): count it all, up to the
        # work that others held or did.
        lost_elsewhere = sum(lost(w) for w in every if w != pool)
        taken = min(lost_elsewhere, sum(waited.values()))
        need = _offered(without, pool, before) + taken
        reached = None
        total = 0
        for day in with_trip.days:
            total += _day_offer(day, pool)
            if total >= need:
                reached = day.info.day
                break
        bound = max(bound, reached if reached is not None else with_trip.last)
    return bound


def _waited_for(
    plan: Plan,
    stream: Stream,
    pool: PoolKey,
    units: frozenset[str],
    without: Projection,
    stealing: bool,
) -> dict[PoolKey, int]:
    """The work a pool's blocks may have to do before the milestone's last piece in its share,
    beyond their own: pieces of wider pools in that share, the units that share waits for
    (those its blocks admit), and the share's pieces that other pools did without the trip —
    by the pool that held or did them, in minutes. If those pools lost capacity, this pool
    may lose as much, up to those minutes. A pool that did the milestone's work without its
    own share of it (`stealing`: it had nothing of its own to do) takes from the whole
    stream: what lies ahead is everything it admits before that work."""
    done = without.done
    by_id = {u.id: u for u in plan.units()}
    tracks, kinds, _ = pool

    def admits(uid: str) -> bool:
        unit = by_id[uid]
        return (not tracks or unit.track in tracks) and (not kinds or unit.kind in kinds)

    share = {i for i, wide in enumerate(stream.pool_keys) if covers(wide, pool)}
    pieces = [
        (uid, minutes, p)
        for (uid, minutes), p in zip(stream.pieces, stream.pools, strict=True)
        if uid not in done and p != NO_POOL
    ]
    queue = [e for e in pieces if e[2] in share]
    last = max((k for k, (uid, _, _) in enumerate(queue) if uid in units), default=len(queue) - 1)
    if stealing:  # all of its share first, then the whole stream up to the milestone's work
        rest = [e for e in pieces if e[2] not in share and admits(e[0])]
        end = max((k for k, (uid, _, _) in enumerate(rest) if uid in units), default=-1)
        queue, last = queue + rest[: end + 1], len(queue) + end
    out: dict[PoolKey, int] = {}

    def add(key: PoolKey, minutes: int) -> None:
        if key != pool:
            out[key] = out.get(key, 0) + minutes

    for _, minutes, p in queue[: last + 1]:
        add(stream.pool_keys[p], minutes)
    ahead = {uid for uid, _, _ in queue[: last + 1]}
    waits = needed_units(plan, {p for uid in ahead for p in by_id[uid].after}) - done
    admitted = {uid for uid in waits if admits(uid)}
    for (uid, minutes), p in zip(stream.pieces, stream.pools, strict=True):
        if uid in admitted and p != NO_POOL:
            add(stream.pool_keys[p], minutes)
    for day in without.days:
        for bp in day.blocks:
            for placement in bp.items:
                if placement.unit in ahead or placement.unit in admitted:
                    add(pool_key(bp.block), placement.minutes)
    return out


def _day_offer(day: DayPlan, pool: PoolKey) -> int:
    return sum(
        bp.capacity for bp in day.blocks if bp.block.type == "work" and pool_key(bp.block) == pool
    )


def _offered(projection: Projection, pool: PoolKey, last: date) -> int:
    return sum(_day_offer(day, pool) for day in projection.days if day.info.day <= last)
