"""Generated plans for the benchmarks: Y years, 300 units a year, logs and trips."""

from __future__ import annotations

import random
from datetime import date, timedelta

from pacer.calendar.days import Trip
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

START = date(2027, 1, 4)  # a Monday
KINDS = ("study", "study", "code", "experiment", "reading", "write")


def _work(bid: str, minutes: int, **kw: object) -> Block:
    return Block(bid, "work", bid, minutes, minutes + 60, **kw)  # type: ignore[arg-type]


def generated_plan(years: int, units_per_year: int = 300, seed: int = 7) -> Plan:
    rnd = random.Random(seed)
    tracks = tuple(Track(t, t) for t in ("math", "eng", "english", "japanese", "output"))
    habit = Block("listen", "habit", "listen", 30, 45, track="english")
    templates = (
        DayTemplate("workday", "W", (habit, _work("main", 60))),
        DayTemplate("deep", "S", (habit, _work("deep", 180))),
        DayTemplate(
            "light", "U", (habit, _work("summary", 60, kinds=("write", "reading", "study")))
        ),
        DayTemplate("travel", "T", (Block("listen", "habit", "listen", 20, 20, track="english"),)),
        DayTemplate(
            "travel_weekend",
            "TW",
            (habit, _work("read", 60, kinds=("reading", "study"), new_units=False)),
        ),
        DayTemplate("holiday", "H", (habit, _work("free", 120))),
    )
    shapes = (
        WeekShape("normal", ("workday",) * 5 + ("deep", "light")),
        WeekShape("travel", ("travel",) * 5 + ("travel_weekend", "travel")),
    )
    months = [Month(START.year + i // 12, 1 + i % 12) for i in range(12 * years)]
    curricula = []
    per_curriculum = 12
    for c in range(years * units_per_year // per_curriculum):
        first = min(len(months) - 1, c * len(months) * per_curriculum // (years * units_per_year))
        last = min(len(months) - 1, first + rnd.randint(0, 2))
        track = tracks[c % len(tracks)].id
        units = []
        for i in range(per_curriculum):
            due = months[last].last_day() if i == per_curriculum - 1 else None
            units.append(
                Unit(
                    f"c{c}u{i}",
                    f"c{c}u{i}",
                    track,
                    f"c{c}",
                    rnd.choice((30, 45, 60, 90, 120)),
                    rnd.choice(KINDS),
                    due,
                    (f"c{c}u{i - 1}",) if i else (),
                    optional=rnd.random() < 0.05,
                )
            )
        curricula.append(
            Curriculum(f"c{c}", f"c{c}", track, months[first], months[last], tuple(units))
        )
    month_plans = tuple(
        MonthPlan(
            m,
            weights=tuple(
                (c.id, float(rnd.randint(1, 4))) for c in curricula if c.start <= m <= c.end
            ),
        )
        for m in months
    )
    milestones = tuple(
        Milestone(
            f"m{k}", f"m{k}", c.end.last_day(), tuple(u.id for u in c.units if not u.optional)
        )
        for k, c in enumerate(curricula[:: max(1, len(curricula) // (8 * years))])
    )
    return Plan(
        id=f"gen{years}",
        title=f"generated {years}y",
        start=START,
        end=months[-1].last_day(),
        tracks=tracks,
        day_templates=templates,
        week_shapes=shapes,
        curricula=tuple(curricula),
        months=month_plans,
        milestones=milestones,
    )


def generated_trips(plan: Plan, count: int, seed: int = 11) -> tuple[Trip, ...]:
    rnd = random.Random(seed)
    span = (plan.end - plan.start).days
    trips = []
    for n in range(count):
        start = plan.start + timedelta(days=n * span // count + rnd.randint(0, 20))
        trips.append(Trip(n + 1, start, start + timedelta(days=rnd.randint(6, 13))))
    return tuple(trips)


def generated_log(
    plan: Plan, count: int, until: date, planned: list[tuple[date, str, int]]
) -> tuple[LogEntry, ...]:
    """About `count` entries before `until`: the planned pieces at 85 % of their minutes
    (a person a little behind), and daily habit entries to make up the count."""
    out: list[LogEntry] = []
    units = [(d, uid, m) for d, uid, m in planned if d < until]
    days = max(1, (until - plan.start).days)
    habits = max(0, count - len(units))
    for n in range(habits):
        day = plan.start + timedelta(days=n * days // max(1, habits))
        out.append(LogEntry(len(out) + 1, day, "", "habit", "english", 30))
    for day, uid, minutes in units[: max(0, count - habits)]:
        out.append(LogEntry(len(out) + 1, day, "", "unit", uid, max(1, minutes * 85 // 100)))
    return tuple(out)
