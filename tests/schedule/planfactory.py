"""Generated plans, logs and trips for the engine's properties (hypothesis strategies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st

from pacer.calendar.days import Calendar, HolidayTable, Trip
from pacer.plan.model import (
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
from pacer.schedule.progress import LogEntry
from pacer.schedule.projection import Projection

START = date(2026, 3, 2)  # a Monday
END = date(2026, 6, 28)
MONTHS = [Month(2026, m) for m in range(3, 7)]
CHUNK = 20


@dataclass(frozen=True)
class World:
    plan: Plan
    trips: tuple[Trip, ...]
    entries: tuple[LogEntry, ...]
    today: date

    def calendar(self, trips: tuple[Trip, ...] | None = None) -> Calendar:
        return Calendar(self.plan, HolidayTable(None), self.trips if trips is None else trips, "en")


def _work(bid: str, minutes: int, top: int, **kw: object) -> Block:
    return Block(bid, "work", bid, minutes, top, **kw)  # type: ignore[arg-type]


@st.composite
def varied_plans(draw: st.DrawFn) -> Plan:
    """A plan whose blocks are not interchangeable: workday blocks for one track each, a
    Saturday block for anything, a Sunday block only for `write` units, a travel block that
    only continues started reading; units of every kind, chains of prerequisites."""
    tracks = (Track("a", "A"), Track("b", "B"))
    habit = Block("listen", "habit", "listen", 20, 20, track="b")
    chunks = st.integers(1, 4).map(lambda n: n * CHUNK)
    weekday_a = _work("wa", draw(chunks), 6 * CHUNK, tracks=("a",))
    weekday_b = _work("wb", draw(chunks), 6 * CHUNK, tracks=("b",))
    saturday = _work("deep", draw(st.integers(3, 9)) * CHUNK, 12 * CHUNK)
    sunday = _work("blog", draw(chunks), 6 * CHUNK, kinds=("write", "reading"))
    templates = (
        DayTemplate("workday", "W", (habit, weekday_a, weekday_b)),
        DayTemplate("deep", "S", (habit, saturday)),
        DayTemplate("light", "U", (habit, sunday)),
        DayTemplate(
            "travel",
            "T",
            (habit, _work("read", CHUNK, 2 * CHUNK, kinds=("reading",), new_units=False)),
        ),
    )
    shapes = (
        WeekShape("normal", ("workday",) * 5 + ("deep", "light")),
        WeekShape("travel", ("travel",) * 7),
    )
    curricula = []
    for c in range(draw(st.integers(1, 4))):
        first = draw(st.integers(0, 2))
        last = draw(st.integers(first, 3))
        units: list[Unit] = []
        for i in range(draw(st.integers(1, 7))):
            uid = f"c{c}u{i}"
            kind = draw(st.sampled_from(("study", "code", "reading", "write")))
            due = draw(st.none() | st.integers(0, 150).map(lambda k: START + timedelta(days=k)))
            after = (units[-1].id,) if units and draw(st.booleans()) else ()
            track = draw(st.sampled_from(("a", "b")))
            units.append(Unit(uid, uid, track, f"c{c}", draw(chunks), kind, due, after))
        curricula.append(
            Curriculum(f"c{c}", f"c{c}", "a", MONTHS[first], MONTHS[last], tuple(units))
        )
    return _assemble(draw, tracks, templates, shapes, curricula)


def _assemble(
    draw: st.DrawFn,
    tracks: tuple[Track, ...],
    templates: tuple[DayTemplate, ...],
    shapes: tuple[WeekShape, ...],
    curricula: list[Curriculum],
) -> Plan:
    month_plans = tuple(
        MonthPlan(
            m,
            weights=tuple(
                (c.id, float(draw(st.integers(1, 4)))) for c in curricula if c.start <= m <= c.end
            ),
        )
        for m in MONTHS
    )
    ids = [u.id for c in curricula for u in c.units]
    milestones = tuple(
        Milestone(
            f"m{k}",
            f"m{k}",
            START + timedelta(days=draw(st.integers(10, 150))),
            tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))),
        )
        for k in range(draw(st.integers(1, 3)))
    )
    return Plan(
        id="gen",
        title="gen",
        start=START,
        end=END,
        tracks=tracks,
        day_templates=templates,
        week_shapes=shapes,
        curricula=tuple(curricula),
        min_chunk=CHUNK,
        months=month_plans,
        milestones=milestones,
    )


@st.composite
def plans(draw: st.DrawFn, uniform: bool = False) -> Plan:
    """A plan of 1-4 curricula over four months.

    uniform: every work block takes any unit and trip days have no work block, all minutes
    are whole chunks, so capacity is fungible and the monotonicity properties must hold.
    """
    step = CHUNK if uniform else 5
    minutes = st.integers(1, 12).map(lambda n: n * step)
    tracks = (Track("a", "A"), Track("b", "B"))
    habit = Block("listen", "habit", "listen", 20, 20, track="b")
    weekday = draw(st.integers(2, 6)) * CHUNK
    saturday = draw(st.integers(3, 12)) * CHUNK
    if uniform:
        light = _work("light", draw(st.integers(1, 4)) * CHUNK, 6 * CHUNK)
        travel_blocks: tuple[Block, ...] = (habit,)
    else:
        light = _work(
            "light",
            draw(st.integers(1, 4)) * CHUNK,
            6 * CHUNK,
            kinds=("reading", "study"),
        )
        travel_blocks = (
            habit,
            _work("read", draw(st.integers(1, 3)) * CHUNK, 3 * CHUNK, new_units=False),
        )
    templates = (
        DayTemplate("workday", "W", (habit, _work("main", weekday, weekday + 2 * CHUNK))),
        DayTemplate("deep", "S", (habit, _work("deep", saturday, saturday + 3 * CHUNK))),
        DayTemplate("light", "U", (habit, light)),
        DayTemplate("travel", "T", travel_blocks),
    )
    shapes = (
        WeekShape("normal", ("workday",) * 5 + ("deep", "light")),
        WeekShape("travel", ("travel",) * 7),
    )
    curricula = []
    n_curricula = draw(st.integers(1, 4))
    for c in range(n_curricula):
        first = draw(st.integers(0, 2))
        last = draw(st.integers(first, 3))
        units = []
        for i in range(draw(st.integers(1, 7))):
            uid = f"c{c}u{i}"
            kind = draw(st.sampled_from(("study", "code", "reading", "experiment")))
            due = draw(st.none() | st.integers(0, 150).map(lambda k: START + timedelta(days=k)))
            after = (units[-1].id,) if units and draw(st.booleans()) else ()
            units.append(
                Unit(
                    uid,
                    uid,
                    draw(st.sampled_from(("a", "b"))),
                    f"c{c}",
                    draw(minutes),
                    kind,
                    due,
                    after,
                    optional=draw(st.booleans()) and draw(st.booleans()),
                )
            )
        curricula.append(
            Curriculum(f"c{c}", f"c{c}", "a", MONTHS[first], MONTHS[last], tuple(units))
        )
    return _assemble(draw, tracks, templates, shapes, curricula)


@st.composite
def trip_lists(draw: st.DrawFn, count: int = 3) -> tuple[Trip, ...]:
    trips: list[Trip] = []
    day = START + timedelta(days=draw(st.integers(0, 20)))
    for n in range(draw(st.integers(0, count))):
        length = draw(st.integers(1, 14))
        trips.append(Trip(n + 1, day, day + timedelta(days=length - 1)))
        day += timedelta(days=length + draw(st.integers(1, 30)))
    return tuple(trips)


@st.composite
def worlds(draw: st.DrawFn, uniform: bool = False, varied: bool = False) -> World:
    plan = draw(varied_plans() if varied else plans(uniform=uniform))
    today = START + timedelta(days=draw(st.integers(0, 40)))
    units = plan.units()
    entries = []
    step = CHUNK if uniform else 5
    for n in range(draw(st.integers(0, 8))):
        unit = draw(st.sampled_from(units))
        entries.append(
            LogEntry(
                n + 1,
                START + timedelta(days=draw(st.integers(0, max(0, (today - START).days - 1)))),
                "2026-03-01T00:00:00+00:00",
                "unit",
                unit.id,
                draw(st.integers(0, 6)) * step,
                done=draw(st.booleans()) and draw(st.booleans()),
            )
        )
    return World(plan, draw(trip_lists()), tuple(entries), today)


def placed_by(projection: Projection, last: date) -> int:
    """The minutes a projection placed up to `last` (inclusive)."""
    return sum(dp.placed for dp in projection.days if dp.info.day <= last)


def offered_by(projection: Projection, last: date) -> int:
    """The minutes its blocks offered up to `last` (inclusive)."""
    return sum(bp.capacity for dp in projection.days if dp.info.day <= last for bp in dp.blocks)
