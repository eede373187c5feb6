"""The forecast: each milestone's chance of meeting its due date, from the person's record.

numpy loads only inside `forecast_at` and `prepare` (through schedule/forecast.py): the
commands that do not forecast never pay for it.
"""

from __future__ import annotations

from datetime import date, timedelta

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record
from pacer.service.session import Session, _entries, projection_at

# typing and numpy cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.calendar.days import Calendar
    from pacer.plan.model import Plan
    from pacer.schedule.forecast import Evidence, MilestoneForecast, OrderOfWork, PlanOn
    from pacer.schedule.progress import LogEntry
    from pacer.schedule.projection import Adjustments, Projection
    from pacer.schedule.stream import Stream

DEFAULT_RUNS = 2000
DEFAULT_SEED = 0


@record
class HistoryFigure:
    id: str  # a day template or a track
    title: str
    mean: float  # adherence: share of planned minutes done; velocity: actual ÷ estimated
    count: int  # days (adherence) or finished units (velocity) it rests on


@record
class ForecastView:
    day: date
    runs: int
    seed: int
    first: date | None  # the first day of history
    days: int  # days of history
    adherence: tuple[HistoryFigure, ...]  # day templates that offer work, in plan order
    velocity: tuple[HistoryFigure, ...]  # tracks with units, in plan order
    milestones: tuple[MilestoneForecast, ...]
    leaning: bool = True  # the priors still count: under three weeks of days, or six units


def forecast_at(
    session: Session, day: date, runs: int = DEFAULT_RUNS, seed: int = DEFAULT_SEED
) -> ForecastView:
    """A Monte Carlo over the projection from `day` (standing on it as `status` does): the
    person's adherence per day template and velocity per track, drawn `runs` times with
    numpy's generator seeded with `seed`."""
    from pacer.schedule.forecast import (
        ADHERENCE_PRIOR_DAYS,
        MAX_RUNS,
        VELOCITY_PRIOR_UNITS,
        forecast_milestones,
        prior_weight,
    )
    from pacer.schedule.status import finished_on

    if not 1 <= runs <= MAX_RUNS:
        raise PacerError(Message("forecast.bad_runs", raw=runs, limit=MAX_RUNS))
    if seed < 0:
        raise PacerError(Message("forecast.bad_seed", raw=seed))
    plan = session.plan
    entries = _entries(session)
    work, found, projection = prepare(session, day, entries)
    finished = finished_on(plan, entries, day)
    milestones = forecast_milestones(
        plan, work, found, projection, finished, session.due_moves(), runs, seed
    )
    adherence = tuple(
        HistoryFigure(t.id, t.title, found.adherence[t.id].mean, found.adherence[t.id].count)
        for t in plan.day_templates
        if any(b.type == "work" for b in t.blocks)
    )
    tracks_with_units = {u.track for u in plan.units()}
    velocity = tuple(
        HistoryFigure(t.id, t.title, found.velocity[t.id].mean, found.velocity[t.id].count)
        for t in plan.tracks
        if t.id in tracks_with_units
    )
    days = sum(f.count for f in found.adherence.values())
    units = sum(f.count for f in found.velocity.values())
    leaning = bool(
        prior_weight(ADHERENCE_PRIOR_DAYS, days) or prior_weight(VELOCITY_PRIOR_UNITS, units)
    )
    return ForecastView(
        day, runs, seed, found.first, found.days, adherence, velocity, tuple(milestones), leaning
    )


def prepare(
    session: Session, day: date, entries: list[LogEntry] | None = None
) -> tuple[OrderOfWork, Evidence, Projection]:
    """What every run shares: the order of work from `day` (the projection as `status` has
    it, with the trips and catch-up choices, out to a year after the plan's end), the
    evidence of the log (`entries`, default: the whole log), and the projection itself."""
    from pacer.schedule.capacity import Timeline
    from pacer.schedule.forecast import evidence, order_of_work
    from pacer.schedule.stream import OVERFLOW_DAYS

    plan = session.plan
    entries = _entries(session) if entries is None else entries
    calendar = session.calendar()
    adjustments = session.adjustments()
    stream = session.compiled.stream
    projection = projection_at(session, day, entries, keep_days=True)
    spent = sum(e.minutes for e in entries if e.day == day and e.kind == "unit")
    horizon = max(plan.end, day) + timedelta(days=OVERFLOW_DAYS)
    timeline = Timeline(plan, calendar, day, adjustments.stretches)
    work = order_of_work(plan, projection, timeline, horizon, spent)
    found = evidence(plan, calendar, stream, adjustments, entries, day, _plan_on(session, day))
    return work, found, projection


def _plan_on(session: Session, day: date) -> PlanOn | None:
    """Which plan each day before `day` had (issue 14): None when it was the current one
    throughout (or nothing was logged), else a lookup by day."""
    from pacer.service.planversions import plans_in_force

    plan = session.plan
    if day <= plan.start:
        return None
    pieces = plans_in_force(session, plan.start, day - timedelta(days=1))
    if all(then is session for then, _, _ in pieces):
        return None
    found = {
        id(then): (then.plan, then.calendar(), then.compiled.stream, then.adjustments())
        for then, _, _ in pieces
        if then is not session
    }

    def plan_on(d: date) -> tuple[Plan, Calendar, Stream, Adjustments] | None:
        for then, start, end in pieces:
            if start <= d <= end:
                return None if then is session else found[id(then)]
        return None

    return plan_on


def chance(probability: float) -> str:
    """A probability as a percentage that never rounds a possibility away (<1 %, >99 %)."""
    if 0 < probability < 0.005:
        return "<1 %"
    if 0.995 <= probability < 1:
        return ">99 %"
    return f"{round(probability * 100)} %"


def forecast_json(view: ForecastView) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "date": view.day.isoformat(),
        "runs": view.runs,
        "seed": view.seed,
        "history": {
            "days": view.days,
            "adherence": {
                f.id: {"mean": round(f.mean, 3), "days": f.count} for f in view.adherence
            },
            "velocity": {f.id: {"mean": round(f.mean, 3), "units": f.count} for f in view.velocity},
        },
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "due": m.due.isoformat(),
                "probability": round(m.probability, 3),
                "p50": iso(m.p50),
                "p90": iso(m.p90),
            }
            for m in view.milestones
        ],
    }
