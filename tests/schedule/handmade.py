"""Small hand-built plans for the engine's example-based tests.

Every plan here is spelled out in the test that uses it: a few units, one or two day
templates, no public holidays. `run` builds the planned stream over the plan's own calendar
(no trips) and pours it into the real one, the way the service does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import count
from typing import TYPE_CHECKING, Any

from pacer.calendar.days import Calendar, HolidayTable, Trip
from pacer.plan.model import (
    Baseline,
    Block,
    Curriculum,
    DayTemplate,
    Milestone,
    Month,
    MonthPlan,
    Plan,
    Track,
    Unit,
    WeekShape,
)
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Projection, project
from pacer.schedule.stream import Stream, build_stream

if TYPE_CHECKING:
    from pacer.schedule.progress import TargetKind

MARCH = Month(2026, 3)
APRIL = Month(2026, 4)
JUNE = Month(2026, 6)
START = date(2026, 3, 2)  # a Monday
END = date(2026, 6, 28)

_ids = count(1)


def work(bid: str, minutes: int, top: int | None = None, **kw: Any) -> Block:
    """A work block of `minutes` (its max `top`, the same by default)."""
    return Block(bid, "work", bid, minutes, minutes if top is None else top, **kw)


def habit(bid: str, track: str, minutes: int) -> Block:
    return Block(bid, "habit", bid, minutes, minutes, track=track)


def unit(uid: str, minutes: int, curriculum: str = "c", track: str = "a", **kw: Any) -> Unit:
    return Unit(uid, uid, track, curriculum, minutes, **kw)


def units(prefix: str, n: int, minutes: int = 60, curriculum: str = "c", **kw: Any) -> list[Unit]:
    """`n` independent units of `minutes` each: prefix1 .. prefixN."""
    return [unit(f"{prefix}{i}", minutes, curriculum, **kw) for i in range(1, n + 1)]


def curriculum(
    cid: str, members: Iterable[Unit], start: Month = MARCH, end: Month = JUNE, track: str = "a"
) -> Curriculum:
    return Curriculum(cid, cid, track, start, end, tuple(members))


def plan(
    curricula: Sequence[Curriculum],
    *,
    blocks: Sequence[Block] = (),
    travel: Sequence[Block] = (),
    start: date = START,
    end: date = END,
    min_chunk: int = 20,
    weights: dict[Month, dict[str, float]] | None = None,
    milestones: Sequence[Milestone] = (),
    covers: Sequence[str] = (),
) -> Plan:
    """Every day of the week uses the template "day" with `blocks` (default: one 60-minute
    work block); trip days use "travel" with `travel` (default: no blocks at all)."""
    day = DayTemplate("day", "day", tuple(blocks) or (work("main", 60),))
    road = DayTemplate("travel", "travel", tuple(travel))
    return Plan(
        id="t",
        title="t",
        start=start,
        end=end,
        tracks=(Track("a", "A"), Track("b", "B")),
        day_templates=(day, road),
        week_shapes=(WeekShape("normal", ("day",) * 7), WeekShape("travel", ("travel",) * 7)),
        curricula=tuple(curricula),
        min_chunk=min_chunk,
        months=tuple(
            MonthPlan(m, weights=tuple(w.items())) for m, w in sorted((weights or {}).items())
        ),
        milestones=tuple(milestones),
        baseline=(Baseline("a", covers=tuple(covers)),) if covers else (),
    )


def calendar(p: Plan, trips: Sequence[Trip] = ()) -> Calendar:
    return Calendar(p, HolidayTable(None), tuple(trips), "en")


def trip(first: date, last: date) -> Trip:
    return Trip(next(_ids), first, last)


def entry(
    target: str, minutes: int, day: date, *, kind: TargetKind = "unit", done: bool = False
) -> LogEntry:
    stamp = f"{day.isoformat()}T12:00:00+00:00"
    return LogEntry(next(_ids), day, stamp, kind, target, minutes, done)


def stream_of(p: Plan) -> Stream:
    return build_stream(p, calendar(p))


def run(
    p: Plan,
    entries: Sequence[LogEntry] = (),
    start: date | None = None,
    *,
    trips: Sequence[Trip] = (),
    **kw: Any,
) -> Projection:
    """The projection from `start` (default: the plan's first day), everything logged before
    `start` counting."""
    first = p.start if start is None else start
    state = progress_of(p, entries, before=first)
    return project(p, calendar(p, trips), stream_of(p), state, first, **kw)


def placed(projection: Projection, d: date) -> list[tuple[str, str, int]]:
    """(block id, unit id, minutes) placed on day `d`, in block order."""
    day = projection.day(d)
    assert day is not None, d
    return [(bp.block.id, p.unit, p.minutes) for bp in day.blocks for p in bp.items]


def minutes_by_unit(projection: Projection) -> dict[str, int]:
    out: dict[str, int] = {}
    for day in projection.days:
        for bp in day.blocks:
            for p in bp.items:
                out[p.unit] = out.get(p.unit, 0) + p.minutes
    return out


def order(pieces: Iterable[tuple[str, int]]) -> list[str]:
    """The unit ids of pieces, in order."""
    return [uid for uid, _ in pieces]
