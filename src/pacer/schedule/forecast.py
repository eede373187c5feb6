"""Evidence-based forecasts: a Monte Carlo over the re-flow engine's capacity (numpy).

Two figures come from the person's own log, each leaning on a prior while the log is short,
so that two weeks of history already give sane numbers and a record speaks for itself:

- **adherence**, per day template: the unit minutes logged on a day ÷ the minutes the
  projection placed that day, standing on its morning (a day counts at most as fully done;
  a day that asked for nothing says nothing). Not ÷ the template's minutes: a block with
  nothing eligible at hand asked nothing of anyone, and a run loses those minutes anyway.
  The person's overall adherence leans on a prior of 0.8 worth the days of three weeks not
  yet seen; each template's leans on a week of days at that overall figure.
- **velocity**, per track: actual ÷ estimated minutes of each finished unit, on a log scale.
  The overall figure leans on a prior of 1.0 worth the units of six not yet finished; each
  track's on three units at the overall.

So a record of every placed piece done exactly, once it is three weeks and six units long,
reads adherence 1 and velocity 1 with no spread, and every run is the projection. Placed
each morning, that is: a day's re-flow need not carry on an earlier morning's pour (a block
serves its pool's share first, so that pour may use a unit's pieces out of stream order,
and the re-flow takes logged minutes off a unit's first pieces), so doing what one morning
showed for a whole week may read a little under 1 on a later day that asked for more.

The simulation does not re-run the projection. The projection, computed once from the
forecast's date, gives the order of work: every piece it places, in order, at its place
in the cumulative capacity of the days (their work minutes, one after the other). A run
draws each day's adherence and each unit's velocity and pushes the same pieces through the
capacity that is left: a piece starts where the one before it ended, plus the minutes the
projection could not use between them (the rest of a block too short for a chunk, a block
that admits nothing at hand), and never before its curriculum's window opens, nor, where the
projection idled because nothing was open yet, before the point it waited for. With every
adherence and velocity at 1 a run gives the projection's dates exactly.

A run's figures: one number per run, shared by all templates (and one shared by all
tracks), says how the run goes as a whole — a good or a bad year, not good on Saturdays and
bad on Sundays at once — and moves each template's adherence (each track's velocity) within
its own uncertainty. Each day then draws its adherence around the run's figure for its
template (a Beta with the day-to-day spread seen in the log), and each unit its velocity
around the run's figure for its track.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from pacer.calendar.days import Calendar
from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.capacity import Timeline
from pacer.schedule.progress import LogEntry, Progress, progress_of
from pacer.schedule.projection import Adjustments, Projection, project
from pacer.schedule.status import finished_on
from pacer.schedule.stream import Stream

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    # The plan in force on a past day, with its calendar, stream and adjustments; None: the
    # plan the forecast is made with.
    PlanOn = Callable[[date], tuple[Plan, Calendar, Stream, Adjustments] | None]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

ADHERENCE_PRIOR = 0.8  # the share of planned minutes a person is assumed to do
ADHERENCE_PRIOR_DAYS = 21  # ... worth three weeks of days
TEMPLATE_PRIOR_DAYS = 7  # a template's figure leans on a week of days at the overall one
DAY_SPREAD_PRIOR = 0.25  # the standard deviation of one day's adherence, before evidence
VELOCITY_PRIOR_UNITS = 6  # the overall velocity leans on six units at 1.0
TRACK_PRIOR_UNITS = 3  # a track's leans on three units at the overall one
UNIT_SPREAD_PRIOR = 0.3  # the standard deviation of log(actual ÷ estimated) of one unit
RATIO_LIMITS = (0.2, 5.0)  # one unit's actual ÷ estimated is read within these
KAPPA_MIN = 0.1  # the least Beta concentration of one day's adherence (nearly all or nothing)
BATCH = 1000  # runs drawn at a time (memory stays flat however many runs are asked for)
MAX_RUNS = 100_000
QUANTILES = (0.1, 0.5, 0.9)


# -- the evidence -----------------------------------------------------------------------------
@record
class Figure:
    """An estimate from the log and its prior."""

    mean: float  # adherence: the share of planned minutes; velocity: the typical ratio
    count: int  # the days (adherence) or finished units (velocity) it rests on
    sd: float  # the uncertainty of the estimate (velocity: on the log scale)


@record
class Evidence:
    first: date | None  # the first day of history (None: none yet)
    days: int  # calendar days of history, up to the day before the forecast
    adherence: Mapping[str, Figure]  # day template id -> figure
    day_sd: float  # the spread of one day's adherence around its template's
    velocity: Mapping[str, Figure]  # track id -> figure
    unit_sd: float  # the spread of one unit's log velocity around its track's


def placed_by_day(
    plan: Plan,
    calendar: Calendar,
    stream: Stream,
    adjustments: Adjustments,
    entries: Sequence[LogEntry],
    first: date,
    day: date,
    plan_on: PlanOn | None = None,
) -> dict[date, int]:
    """Per day from `first` to the day before `day`: the unit minutes the projection placed
    in its work blocks that morning (standing on it, with the log before it) — the work
    that day asked for. A block that admitted nothing at hand asked for nothing. With
    `plan_on`, each morning is projected with the plan that was in force that day."""
    out: dict[date, int] = {}
    # The log before each morning, grown a day at a time (progress_of over the whole log for
    # every day of a year of history would read it hundreds of times).
    units = {u.id for u in plan.units()}
    ordered = sorted((e for e in entries if e.kind == "unit" and e.target in units), key=_day_of)
    state = progress_of(plan, (e for e in ordered if e.day < first))
    logged, done = dict(state.logged), set(state.done)
    k = next((i for i, e in enumerate(ordered) if e.day >= first), len(ordered))
    d = first
    while d < day:
        while k < len(ordered) and ordered[k].day < d:
            e = ordered[k]
            logged[e.target] = logged.get(e.target, 0) + e.minutes
            if e.done:
                done.add(e.target)
            k += 1
        state = Progress(dict(logged), frozenset(done))
        then = plan_on(d) if plan_on is not None else None
        if then is None:
            morning = project(plan, calendar, stream, state, d, until=d, adjustments=adjustments)
        else:
            morning = project(*then[:3], state, d, until=d, adjustments=then[3])
        planned = morning.day(d)
        out[d] = planned.placed if planned is not None else 0
        d += timedelta(days=1)
    return out


def _day_of(e: LogEntry) -> date:
    return e.day


def day_ratios(
    plan: Plan,
    calendar: Calendar,
    stream: Stream,
    adjustments: Adjustments,
    entries: Iterable[LogEntry],
    day: date,
    plan_on: PlanOn | None = None,
) -> tuple[date | None, int, dict[str, list[float]]]:
    """The history before `day`: its first day (the first day anything was logged, not
    before the plan's start), its length in days, and per day template the adherence of
    each day that asked for work: unit minutes logged ÷ the minutes the projection placed
    that morning, at most 1. The template's minutes are not the measure: on a day with
    nothing eligible for a block, its minutes were never asked of anyone."""
    entries = list(entries)
    before = [e for e in entries if e.day < day]
    if not before:
        return None, 0, {}
    first = max(plan.start, min(e.day for e in before))
    if first >= day:
        return None, 0, {}
    done: dict[date, int] = {}
    for e in before:
        if e.kind == "unit" and e.day >= first:
            done[e.day] = done.get(e.day, 0) + e.minutes
    placed = placed_by_day(plan, calendar, stream, adjustments, entries, first, day, plan_on)
    timelines: dict[int, Timeline] = {}  # by the id of the plan in force (few distinct)
    ratios: dict[str, list[float]] = {}
    for d, asked in placed.items():
        if asked > 0:
            ratio = min(1.0, done.get(d, 0) / asked)
            then = plan_on(d) if plan_on is not None else None
            p, c, a = (plan, calendar, adjustments) if then is None else (then[0], then[1], then[3])
            timeline = timelines.get(id(p))
            if timeline is None:
                timeline = timelines[id(p)] = Timeline(p, c, first, a.stretches)
            ratios.setdefault(timeline.day(d).template.id, []).append(ratio)
    return first, (day - first).days, ratios


def prior_weight(full: int, seen: int) -> int:
    """How much a prior worth `full` days (units) still counts after `seen` of them: it
    stands in for the history that is missing, and is gone once that much exists — so a
    record speaks for itself, a perfect one included."""
    return max(0, full - seen)


def adherence_figures(
    ratios: Mapping[str, Sequence[float]], templates: Sequence[str]
) -> tuple[dict[str, Figure], float]:
    """Each template's adherence (prior and evidence), and the spread of one day's."""
    n = sum(len(r) for r in ratios.values())
    total = sum(sum(r) for r in ratios.values())
    prior = prior_weight(ADHERENCE_PRIOR_DAYS, n)
    overall = (prior * ADHERENCE_PRIOR + total) / (prior + n)
    means = {
        t: (TEMPLATE_PRIOR_DAYS * overall + sum(ratios.get(t, ())))
        / (TEMPLATE_PRIOR_DAYS + len(ratios.get(t, ())))
        for t in templates
    }
    squares = sum((x - means.get(t, overall)) ** 2 for t, r in ratios.items() for x in r)
    variance = (prior * DAY_SPREAD_PRIOR**2 + squares) / (prior + n)
    figures = {
        t: Figure(
            means[t],
            len(ratios.get(t, ())),
            math.sqrt(variance / (TEMPLATE_PRIOR_DAYS + len(ratios.get(t, ())))),
        )
        for t in templates
    }
    return figures, math.sqrt(variance)


def unit_log_ratios(plan: Plan, entries: Iterable[LogEntry], day: date) -> dict[str, list[float]]:
    """Per track, log(actual ÷ estimated minutes) of each unit the log finished by `day`
    (a unit finished without any minutes logged says nothing about its time)."""
    entries = list(entries)
    finished = finished_on(plan, entries, day)
    logged: dict[str, int] = {}
    for e in entries:
        if e.kind == "unit" and e.day <= day:
            logged[e.target] = logged.get(e.target, 0) + e.minutes
    low, high = RATIO_LIMITS
    out: dict[str, list[float]] = {}
    for unit in plan.units():
        if unit.id in finished and logged.get(unit.id, 0) > 0 and unit.minutes > 0:
            ratio = min(high, max(low, logged[unit.id] / unit.minutes))
            out.setdefault(unit.track, []).append(math.log(ratio))
    return out


def velocity_figures(
    logs: Mapping[str, Sequence[float]], tracks: Sequence[str]
) -> tuple[dict[str, Figure], float]:
    """Each track's velocity (prior and evidence), and the spread of one unit's (log)."""
    n = sum(len(r) for r in logs.values())
    prior = prior_weight(VELOCITY_PRIOR_UNITS, n)
    overall = sum(sum(r) for r in logs.values()) / (prior + n)  # the prior is at log 1 = 0
    means = {
        t: (TRACK_PRIOR_UNITS * overall + sum(logs.get(t, ())))
        / (TRACK_PRIOR_UNITS + len(logs.get(t, ())))
        for t in tracks
    }
    squares = sum((x - means.get(t, overall)) ** 2 for t, r in logs.items() for x in r)
    variance = (prior * UNIT_SPREAD_PRIOR**2 + squares) / (prior + n)
    figures = {
        t: Figure(
            math.exp(means[t]),
            len(logs.get(t, ())),
            math.sqrt(variance / (TRACK_PRIOR_UNITS + len(logs.get(t, ())))),
        )
        for t in tracks
    }
    return figures, math.sqrt(variance)


def evidence(
    plan: Plan,
    calendar: Calendar,
    stream: Stream,
    adjustments: Adjustments,
    entries: Sequence[LogEntry],
    day: date,
    plan_on: PlanOn | None = None,
) -> Evidence:
    """What the log up to `day` says: adherence from the days before it (each judged by the
    plan `plan_on` says was in force that day, when given), velocity from the units finished
    by it."""
    first, days, ratios = day_ratios(plan, calendar, stream, adjustments, entries, day, plan_on)
    adherence, day_sd = adherence_figures(ratios, [t.id for t in plan.day_templates])
    logs = unit_log_ratios(plan, entries, day)
    velocity, unit_sd = velocity_figures(logs, [t.id for t in plan.tracks])
    return Evidence(first, days, adherence, day_sd, velocity, unit_sd)


# -- the order of work --------------------------------------------------------------------------
@record
class OrderOfWork:
    """The projection's pieces at their places in the cumulative capacity from `start`."""

    start: date
    capacity: Floats  # per day from start to the horizon: the work minutes it offers
    template: Ints  # per day: index into `templates`
    templates: tuple[str, ...]
    units: tuple[str, ...]  # the units with pieces, in the order they first appear
    tracks: tuple[str, ...]  # each unit's track
    piece_unit: Ints  # per piece: index into `units`
    minutes: Floats  # per piece
    gap: Floats  # per piece: capacity left unused before it that a run loses as well
    release_day: Ints  # per piece: the day it may start (its window, or what it waited for)
    release_offset: Floats  # per piece: minutes of that day before it (waits only)
    last_piece: Mapping[str, int]  # unit -> index of its last piece

    @property
    def horizon(self) -> int:
        return len(self.capacity)


def order_of_work(
    plan: Plan, projection: Projection, timeline: Timeline, last: date, spent_on_start: int = 0
) -> OrderOfWork:
    """Read the order of work off a projection kept day by day (`keep_days=True`), from its
    start to `last`; `timeline` gives the same capacity (from the same start, with the same
    stretches). `spent_on_start`: unit minutes logged on the start day, as in `project`."""
    start = projection.start
    days = (last - start).days + 1
    opens = {c.id: (c.opens - start).days for c in plan.curricula}
    by_id = {u.id: u for u in plan.units()}
    template_index = {t.id: i for i, t in enumerate(plan.day_templates)}
    capacity = np.zeros(days)
    template = np.zeros(days, dtype=np.int64)
    pieces: list[tuple[str, int, int, int]] = []  # (unit, minutes, start coordinate, day)
    day_start: list[int] = []  # coordinate at which each day begins
    coordinate = 0
    spent = spent_on_start
    for i in range(days):
        d = start + timedelta(days=i)
        offered = timeline.day(d)
        # pacer's day with nothing planned (an absence) offers nothing: never read.
        template[i] = template_index.get(offered.template.id, 0)
        planned = projection.day(d)
        blocks = [b for b in planned.blocks if b.block.type == "work"] if planned else []
        day_start.append(coordinate)
        within = 0
        for k, (_, offer) in enumerate(offered.work):
            used = min(offer, spent) if i == 0 else 0
            spent -= used
            position = coordinate + within
            if k < len(blocks):
                for p in blocks[k].items:
                    pieces.append((p.unit, p.minutes, position, i))
                    position += p.minutes
            within += offer - used
        capacity[i] = within
        coordinate += within

    count = len(pieces)
    # The earliest window opening among pieces j.. (a wait is one with nothing open).
    open_after = [days] * (count + 1)
    for j in range(count - 1, -1, -1):
        open_after[j] = min(open_after[j + 1], opens[by_id[pieces[j][0]].curriculum])
    units: list[str] = []
    index: dict[str, int] = {}
    piece_unit = np.zeros(count, dtype=np.int64)
    minutes = np.zeros(count)
    gap = np.zeros(count)
    release_day = np.zeros(count, dtype=np.int64)
    release_offset = np.zeros(count)
    last_piece: dict[str, int] = {}
    end, end_day = 0, 0
    for j, (uid, m, position, i) in enumerate(pieces):
        if uid not in index:
            index[uid] = len(units)
            units.append(uid)
        piece_unit[j], minutes[j], last_piece[uid] = index[uid], m, j
        idle = position - end
        if idle >= plan.min_chunk and open_after[j] > end_day:
            # Nothing was open when the capacity went unused: a run waits for this point too.
            release_day[j], release_offset[j] = i, position - day_start[i]
        else:
            gap[j] = idle
            release_day[j] = max(0, opens[by_id[uid].curriculum])
        end, end_day = position + m, i
    return OrderOfWork(
        start,
        capacity,
        template,
        tuple(t.id for t in plan.day_templates),
        tuple(units),
        tuple(by_id[u].track for u in units),
        piece_unit,
        minutes,
        gap,
        release_day,
        release_offset,
        last_piece,
    )


# -- the runs -------------------------------------------------------------------------------
def piece_ends(work: OrderOfWork, adherence: Floats, velocity: Floats) -> tuple[Floats, Floats]:
    """For runs × days of adherence and runs × units of velocity: where each piece ends in
    each run's cumulative capacity (runs × pieces), and that cumulative capacity by the end
    of each day (runs × days)."""
    runs = adherence.shape[0]
    reached = np.cumsum(adherence * work.capacity, axis=1)
    before = np.concatenate([np.zeros((runs, 1)), reached], axis=1)  # by the start of a day
    work_minutes = work.minutes * velocity[:, work.piece_unit]
    ahead = np.cumsum(work_minutes + work.gap, axis=1)
    days = work.release_day
    clipped = np.minimum(days, work.horizon - 1)
    release = before[:, days] + adherence[:, clipped] * work.release_offset
    # end_j = max(release_j, end_{j-1} + gap_j) + work_j, for all pieces at once:
    ends = ahead + np.maximum(np.maximum.accumulate(release + work_minutes - ahead, axis=1), 0.0)
    return ends, reached


def first_day_reaching(reached: Floats, targets: Floats) -> Floats:
    """Per run (row), the first day whose cumulative capacity reaches each target; inf when
    none does."""
    runs, days = reached.shape
    if targets.shape[1] == 0:
        return np.zeros((runs, 0))
    span = float(max(reached[:, -1].max(), targets.max())) + 1.0
    shift = (np.arange(runs, dtype=np.float64) * span)[:, None]
    found = np.searchsorted((reached + shift).ravel(), (targets + shift).ravel(), side="left")
    day = found.reshape(targets.shape) - (np.arange(runs) * days)[:, None]
    return np.where(day >= days, np.inf, day.astype(np.float64))


def _logit(p: Floats) -> Floats:
    return np.asarray(np.log(p / (1.0 - p)), dtype=np.float64)


def draw_adherence(
    rng: np.random.Generator, evidence: Evidence, work: OrderOfWork, runs: int
) -> Floats:
    """Runs × days of adherence: per run a level for each template (one shared draw moves
    them all within their uncertainty), per day a Beta around its template's level. A
    template whose figure is 1 (a record without a short day) is done in full every day:
    nothing in the evidence says otherwise."""
    fallback = Figure(ADHERENCE_PRIOR, 0, DAY_SPREAD_PRIOR)
    figures = [evidence.adherence.get(t, fallback) for t in work.templates]
    means = np.array([f.mean for f in figures])
    full = means >= 1.0
    mean = np.clip(means, 0.02, 1.0 - 1e-6)
    # The logit-scale spread is read where the logit is not yet steep: the delta method's
    # sd ÷ (m (1 - m)) would fling a level near 1 anywhere between 0 and 1.
    steep = np.clip(means, 0.02, 0.98)
    spread = np.array([f.sd for f in figures]) / (steep * (1.0 - steep))
    level = 1.0 / (1.0 + np.exp(-(_logit(mean) + rng.standard_normal((runs, 1)) * spread)))
    level = np.clip(level, 1e-9, 1.0 - 1e-9)
    kappa = np.maximum(mean * (1.0 - mean) / max(evidence.day_sd, 1e-6) ** 2 - 1.0, KAPPA_MIN)
    adherence = np.zeros((runs, work.horizon))
    active = np.flatnonzero(work.capacity > 0)
    if active.size:
        p = level[:, work.template[active]]
        k = kappa[work.template[active]]
        adherence[:, active] = rng.beta(p * k, (1.0 - p) * k)
        adherence[:, active[full[work.template[active]]]] = 1.0
    return adherence


def draw_velocity(
    rng: np.random.Generator, evidence: Evidence, work: OrderOfWork, runs: int
) -> Floats:
    """Runs × units of velocity: per run a level for each track (one shared draw moves them
    all within their uncertainty), per unit a log-normal around its track's level."""
    fallback = Figure(1.0, 0, UNIT_SPREAD_PRIOR)
    figures = [evidence.velocity.get(t, fallback) for t in work.tracks]
    mean = np.log(np.array([f.mean for f in figures]))
    spread = np.array([f.sd for f in figures])
    shared = rng.standard_normal((runs, 1))
    own = rng.standard_normal((runs, len(work.units)))
    return np.asarray(np.exp(mean + shared * spread + own * evidence.unit_sd), dtype=np.float64)


# -- milestones -------------------------------------------------------------------------------
@record
class MilestoneForecast:
    id: str
    title: str
    due: date  # a moved due date counts
    probability: float  # the share of runs that finish its units by the due date
    p10: date | None  # the day by which 10 % (50 %, 90 %) of runs finish it; None: later
    p50: date | None  # than the horizon (a year after the plan's end)
    p90: date | None
    finished: bool  # its units were all finished before the forecast began


def finish_days(
    work: OrderOfWork, adherence: Floats, velocity: Floats, pieces: Sequence[int]
) -> Floats:
    """Runs × pieces: the day (from the start) on which each run finishes these pieces; a
    piece's end is never before the ends of the pieces ahead of it. inf: beyond the horizon."""
    ends, reached = piece_ends(work, adherence, velocity)
    return first_day_reaching(reached, ends[:, np.asarray(pieces, dtype=np.int64)])


def milestone_runs(
    plan: Plan,
    work: OrderOfWork,
    evidence: Evidence,
    projection: Projection,
    runs: int,
    seed: int,
) -> dict[str, Floats]:
    """For each milestone with work left: the day (from the start) on which each of `runs`
    runs finishes it (inf: beyond the horizon), drawn with numpy's generator seeded with
    `seed`, a thousand runs at a time, so the same seed gives the same runs."""
    last: dict[str, int | None] = {}  # the milestone's last piece; None: never finished
    for m in plan.milestones:
        remaining = [u for u in m.needs if u not in projection.done]
        if not remaining:
            continue
        if any(u not in projection.finish or u not in work.last_piece for u in remaining):
            last[m.id] = None
        else:
            last[m.id] = max(work.last_piece[u] for u in remaining)
    out = {mid: np.full(runs, np.inf) for mid in last}
    placed = [(mid, j) for mid, j in last.items() if j is not None]
    if not placed:
        return out
    pieces = [j for _, j in placed]
    batches = math.ceil(runs / BATCH)
    for b, child in enumerate(np.random.SeedSequence(seed).spawn(batches)):
        rng = np.random.default_rng(child)
        first = b * BATCH
        size = min(BATCH, runs - first)
        adherence = draw_adherence(rng, evidence, work, size)
        velocity = draw_velocity(rng, evidence, work, size)
        days = finish_days(work, adherence, velocity, pieces)
        for k, (mid, _) in enumerate(placed):
            out[mid][first : first + size] = days[:, k]
    return out


def quantile_day(days: Floats, q: float) -> float:
    """The least day by which at least a share `q` of the runs are finished."""
    ordered = np.sort(days)
    return float(ordered[max(0, math.ceil(q * len(ordered)) - 1)])


def forecast_milestones(
    plan: Plan,
    work: OrderOfWork,
    evidence: Evidence,
    projection: Projection,
    finished: Mapping[str, date],
    due_moves: Mapping[str, date],
    runs: int,
    seed: int,
) -> list[MilestoneForecast]:
    """Each milestone's chance of meeting its due date (moved ones count), and its P10, P50
    and P90 dates. A milestone whose units were finished before the start is certain: met
    when the log finished them by the due date."""
    by_run = milestone_runs(plan, work, evidence, projection, runs, seed)
    out = []
    for m in plan.milestones:
        due = due_moves.get(m.id, m.due)
        days = by_run.get(m.id)
        if days is None:
            logged = [finished[u] for u in m.needs if u in finished]
            when = max(logged) if logged else None
            met = when is None or when <= due
            out.append(MilestoneForecast(m.id, m.title, due, float(met), when, when, when, True))
            continue
        probability = float(np.mean(days <= (due - work.start).days))
        p10, p50, p90 = (_day(work.start, quantile_day(days, q)) for q in QUANTILES)
        out.append(MilestoneForecast(m.id, m.title, due, probability, p10, p50, p90, False))
    return out


def _day(start: date, offset: float) -> date | None:
    return None if math.isinf(offset) else start + timedelta(days=int(offset))
