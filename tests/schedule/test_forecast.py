"""The forecast's maths: evidence with its priors, the order of work, the runs (exact cases)."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pacer.calendar.days import Trip
from pacer.plan.model import Curriculum, Milestone, Month, Plan
from pacer.schedule.capacity import Stretch, Timeline
from pacer.schedule.forecast import (
    ADHERENCE_PRIOR,
    ADHERENCE_PRIOR_DAYS,
    BATCH,
    VELOCITY_PRIOR_UNITS,
    Evidence,
    Figure,
    OrderOfWork,
    adherence_figures,
    day_ratios,
    evidence,
    finish_days,
    first_day_reaching,
    forecast_milestones,
    milestone_runs,
    order_of_work,
    piece_ends,
    placed_by_day,
    quantile_day,
    unit_log_ratios,
    velocity_figures,
)
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Adjustments, Projection, project
from pacer.schedule.status import finished_on
from pacer.schedule.stream import build_stream
from tests.schedule.handmade import (
    START,
    calendar,
    curriculum,
    entry,
    habit,
    plan,
    stream_of,
    trip,
    unit,
    units,
    work,
)
from tests.schedule.planfactory import World, worlds

EXAMPLES = int(os.environ.get("PACER_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None)
HORIZON = date(2026, 7, 31)


def pour(
    p: Plan,
    day: date = START,
    entries: Sequence[LogEntry] = (),
    trips: Sequence[Trip] = (),
    adjustments: Adjustments | None = None,
    last: date = HORIZON,
) -> tuple[Projection, OrderOfWork]:
    """The projection from `day` (the log up to and including it, as `status` stands) and
    its order of work up to `last`."""
    cal = calendar(p, trips)
    adj = adjustments or Adjustments()
    spent = sum(e.minutes for e in entries if e.day == day and e.kind == "unit")
    state = progress_of(p, entries, before=day + timedelta(days=1))
    projection = project(
        p,
        cal,
        stream_of(p),
        state,
        day,
        adjustments=adj,
        keep_days=True,
        spent_on_start=spent,
        until=last,
    )
    timeline = Timeline(p, cal, day, adj.stretches)
    return projection, order_of_work(p, projection, timeline, last, spent)


def flat(work: OrderOfWork, adherence: float = 1.0, velocity: float = 1.0, runs: int = 1):
    """Every day at one adherence, every unit at one velocity."""
    return (
        np.full((runs, work.horizon), adherence),
        np.full((runs, len(work.units)), velocity),
    )


def days_of(work: OrderOfWork, adherence: np.ndarray, velocity: np.ndarray) -> dict[str, float]:
    """Run 0's finish day (from the start) of each unit with pieces."""
    ids = list(work.last_piece)
    days = finish_days(work, adherence, velocity, [work.last_piece[u] for u in ids])
    return {u: float(days[0, k]) for k, u in enumerate(ids)}


# -- the runs, on exact small cases -------------------------------------------------------------
def test_half_the_adherence_takes_twice_the_days() -> None:
    p = plan((curriculum("c", [unit("u1", 120), unit("u2", 60)]),))
    _, w = pour(p)
    assert list(w.minutes) == [60, 60, 60] and list(w.gap) == [0, 0, 0]
    assert days_of(w, *flat(w)) == {"u1": 1, "u2": 2}
    # 30 minutes a day: u1's 120 minutes end on the fourth day, u2's 60 two days later.
    assert days_of(w, *flat(w, adherence=0.5)) == {"u1": 3, "u2": 5}


def test_velocity_scales_each_units_minutes() -> None:
    p = plan((curriculum("c", [unit("u1", 120), unit("u2", 60)]),))
    _, w = pour(p)
    adherence, velocity = flat(w)
    velocity[0, w.units.index("u1")] = 1.5  # u1 takes 180 minutes, u2 still 60
    ends, reached = piece_ends(w, adherence, velocity)
    assert list(ends[0]) == [90, 180, 240]
    assert list(reached[0, :5]) == [60, 120, 180, 240, 300]
    assert days_of(w, adherence, velocity) == {"u1": 2, "u2": 3}


def test_a_slow_run_fills_the_days_the_projection_waited_for_a_window() -> None:
    """A (60 min) is done on the first day; B's window opens on the fourth. The projection
    idles two days: a run at half speed finishes A on day 2, starts B on day 4 all the same
    (its window), so the wait costs it nothing more than the projection."""
    april = Month(2026, 4)
    first = date(2026, 3, 29)
    p = plan(
        (
            curriculum("A", [unit("a1", 60, "A")]),
            curriculum("B", [unit("b1", 60, "B")], start=april),
        ),
        start=first,
    )
    projection, w = pour(p, first)
    assert projection.finish == {"a1": first, "b1": date(2026, 4, 1)}
    assert list(w.release_day) == [0, 3] and list(w.gap) == [0, 0]
    assert days_of(w, *flat(w)) == {"a1": 0, "b1": 3}
    assert days_of(w, *flat(w, adherence=0.5)) == {"a1": 1, "b1": 4}
    # At a quarter, A runs past the window's opening and B follows it without waiting.
    assert days_of(w, *flat(w, adherence=0.25)) == {"a1": 3, "b1": 7}
    # Faster than the estimates, B still waits for its window.
    assert days_of(w, *flat(w, velocity=0.5)) == {"a1": 0, "b1": 3}


def test_a_fast_run_waits_for_a_window_the_projection_never_idled_for() -> None:
    """A's 120 minutes fill the last two days of March, B opens on April 1st: no idle day
    in the projection, yet a run at twice the estimated speed cannot start B early."""
    first = date(2026, 3, 30)
    p = plan(
        (
            curriculum("A", [unit("a1", 120, "A")]),
            curriculum("B", [unit("b1", 60, "B")], start=Month(2026, 4)),
        ),
        start=first,
    )
    _, w = pour(p, first)
    assert list(w.gap) == [0, 0, 0] and list(w.release_day) == [0, 0, 2]
    assert days_of(w, *flat(w)) == {"a1": 1, "b1": 2}
    assert days_of(w, *flat(w, velocity=0.5)) == {"a1": 0, "b1": 2}


def test_capacity_the_projection_could_not_use_is_lost_in_every_run() -> None:
    """A 30-minute block that admits only track b, and only track-a work: the projection
    leaves it empty every day, and so does a run (its effective minutes are lost)."""
    p = plan(
        (curriculum("c", [unit("u1", 120), unit("u2", 120)]),),
        blocks=(work("main", 60, tracks=("a",)), work("side", 30, tracks=("b",))),
    )
    projection, w = pour(p)
    assert projection.finish == {"u1": START + timedelta(days=1), "u2": START + timedelta(days=3)}
    assert list(w.gap) == [0, 30, 30, 30]
    assert days_of(w, *flat(w)) == {"u1": 1, "u2": 3}
    # At half speed, 45 minutes a day of which the side block's share is lost: u1 by the
    # fourth day (coordinate 150), u2 by the eighth (330): main has 30 a day, as it should.
    assert days_of(w, *flat(w, adherence=0.5)) == {"u1": 3, "u2": 7}


def test_work_logged_on_the_start_day_uses_up_its_blocks() -> None:
    p = plan((curriculum("c", [unit("u1", 120), unit("u2", 60)]),))
    logged = [entry("u1", 30, START)]
    projection, w = pour(p, START, logged)
    assert w.capacity[0] == 30 and w.capacity[1] == 60
    assert (
        days_of(w, *flat(w))
        == {u: (d - START).days for u, d in projection.finish.items()}
        == {"u1": 1, "u2": 2}
    )


def test_trips_are_in_the_capacity_of_every_run() -> None:
    p = plan((curriculum("c", units("u", 3)),))
    away = trip(START + timedelta(days=1), START + timedelta(days=3))
    _, w = pour(p, trips=[away])
    assert list(w.capacity[:6]) == [60, 0, 0, 0, 60, 60]
    assert days_of(w, *flat(w)) == {"u1": 0, "u2": 4, "u3": 5}
    assert days_of(w, *flat(w, adherence=0.5)) == {"u1": 4, "u2": 6, "u3": 8}


def test_a_stretch_offers_the_blocks_max() -> None:
    p = plan((curriculum("c", units("u", 3)),), blocks=(work("main", 60, 120),))
    stretch = Adjustments(stretches=(Stretch(START, START + timedelta(days=6)),))
    projection, w = pour(p, adjustments=stretch)
    assert w.capacity[0] == 120
    assert days_of(w, *flat(w)) == {u: (d - START).days for u, d in projection.finish.items()}


def test_first_day_reaching_is_per_run_and_says_inf_beyond_the_horizon() -> None:
    reached = np.array([[10.0, 20.0, 30.0], [0.0, 0.0, 5.0]])
    targets = np.array([[10.0, 10.5, 31.0], [0.5, 5.0, 6.0]])
    days = first_day_reaching(reached, targets)
    assert days.tolist() == [[0.0, 1.0, math.inf], [2.0, 2.0, math.inf]]


def test_quantile_day_is_the_least_day_by_which_that_share_is_done() -> None:
    days = np.array([5.0, 1.0, 3.0, 2.0, 4.0, 6.0, 7.0, 8.0, 9.0, math.inf])
    assert quantile_day(days, 0.5) == 5.0
    assert quantile_day(days, 0.1) == 1.0
    assert quantile_day(days, 0.9) == 9.0
    assert quantile_day(days, 0.95) == math.inf


# -- the runs against the projection, on generated plans -------------------------------------------
def _world_pour(world: World) -> tuple[Projection, OrderOfWork]:
    p = world.plan
    stream = build_stream(p, world.calendar(()))
    state = progress_of(p, world.entries, before=world.today)
    last = p.end + timedelta(days=60)
    projection = project(p, world.calendar(), stream, state, world.today, keep_days=True)
    timeline = Timeline(p, world.calendar(), world.today)
    return projection, order_of_work(p, projection, timeline, max(last, projection.last))


def pour_world(world: World, entries: Sequence[LogEntry]) -> tuple[Projection, OrderOfWork]:
    """The projection from `world.today` with `entries` as the log, and its order of work."""
    p = world.plan
    state = progress_of(p, entries, before=world.today)
    projection = project(p, world.calendar(), stream_of(p), state, world.today, keep_days=True)
    timeline = Timeline(p, world.calendar(), world.today)
    last = max(p.end + timedelta(days=60), projection.last)
    return projection, order_of_work(p, projection, timeline, last)


@FAST
@given(worlds())
def test_at_full_adherence_and_estimated_speed_a_run_is_the_projection(world: World) -> None:
    projection, w = _world_pour(world)
    days = days_of(w, *flat(w))
    expected = {u: float((d - world.today).days) for u, d in projection.finish.items()}
    assert {u: days[u] for u in expected} == expected


@FAST
@given(worlds(), st.integers(0, 2**32 - 1))
def test_less_adherence_or_more_minutes_never_finishes_earlier(world: World, seed: int) -> None:
    _, w = _world_pour(world)
    if not w.units:
        return
    rng = np.random.default_rng(seed)
    adherence = rng.uniform(0.3, 1.0, (1, w.horizon))
    velocity = rng.uniform(0.5, 2.0, (1, len(w.units)))
    base = days_of(w, adherence, velocity)
    slower = days_of(w, adherence * rng.uniform(0.2, 1.0, adherence.shape), velocity)
    longer = days_of(w, adherence, velocity * rng.uniform(1.0, 3.0, velocity.shape))
    for u, d in base.items():
        assert slower[u] >= d and longer[u] >= d, u


# -- the evidence ----------------------------------------------------------------------------------
def test_adherence_leans_on_the_overall_figure_which_leans_on_the_prior() -> None:
    figures, spread = adherence_figures(
        {"workday": [1.0] * 10, "deep": [0.5, 0.5]}, ["workday", "deep", "light"]
    )
    # The prior stands for the 21 - 12 = 9 days not seen yet:
    # overall = (9 × 0.8 + 11) / (9 + 12) = 18.2 / 21
    overall = 18.2 / 21
    assert figures["workday"].mean == pytest.approx((7 * overall + 10) / 17, abs=1e-12)
    assert figures["deep"].mean == pytest.approx((7 * overall + 1) / 9, abs=1e-12)
    assert figures["light"] == Figure(pytest.approx(overall), 0, pytest.approx(spread / 7**0.5))
    assert (figures["workday"].count, figures["deep"].count) == (10, 2)
    squares = 10 * (1 - figures["workday"].mean) ** 2 + 2 * (0.5 - figures["deep"].mean) ** 2
    assert spread == pytest.approx(((9 * 0.25**2 + squares) / 21) ** 0.5, abs=1e-12)
    assert figures["workday"].sd == pytest.approx(spread / 17**0.5, abs=1e-12)


def test_no_history_is_the_prior() -> None:
    figures, spread = adherence_figures({}, ["workday"])
    assert figures["workday"] == Figure(
        pytest.approx(ADHERENCE_PRIOR), 0, pytest.approx(0.25 / 7**0.5)
    )
    assert spread == pytest.approx(0.25)
    speeds, unit_spread = velocity_figures({}, ["math"])
    assert speeds["math"] == Figure(1.0, 0, pytest.approx(0.3 / 3**0.5))
    assert unit_spread == pytest.approx(0.3)


def test_velocity_is_a_geometric_mean_leaning_on_one() -> None:
    logs = {"math": [math.log(2.0)] * 3, "eng": [0.0]}
    figures, spread = velocity_figures(logs, ["math", "eng", "life"])
    overall = 3 * math.log(2.0) / (2 + 4)  # the prior: the 6 - 4 units not seen, at log 1 = 0
    math_mean = (3 * overall + 3 * math.log(2.0)) / 6
    eng_mean = 3 * overall / 4
    assert figures["math"].mean == pytest.approx(math.exp(math_mean), abs=1e-12)
    assert figures["eng"].mean == pytest.approx(math.exp(eng_mean), abs=1e-12)
    assert figures["life"] == Figure(
        pytest.approx(math.exp(overall)), 0, pytest.approx(spread / 3**0.5)
    )
    squares = 3 * (math.log(2.0) - math_mean) ** 2 + eng_mean**2
    assert spread == pytest.approx(((2 * 0.09 + squares) / 6) ** 0.5, abs=1e-12)


def test_the_priors_are_gone_once_the_history_is_as_long_as_they_are_worth() -> None:
    """Three weeks of days, six finished units: from then on the record speaks alone."""
    figures, spread = adherence_figures({"workday": [0.5] * 21}, ["workday", "deep"])
    assert figures["workday"].mean == pytest.approx(0.5) == figures["deep"].mean
    assert spread == pytest.approx(0.0, abs=1e-12)
    speeds, unit_spread = velocity_figures({"math": [math.log(1.5)] * 6}, ["math", "eng"])
    assert speeds["math"].mean == pytest.approx(1.5) == speeds["eng"].mean
    assert unit_spread == pytest.approx(0.0, abs=1e-12)
    # A perfect record is read as perfect, with nothing to spread it.
    figures, spread = adherence_figures({"workday": [1.0] * 30}, ["workday", "deep"])
    assert figures == {"workday": Figure(1.0, 30, 0.0), "deep": Figure(1.0, 0, 0.0)}


def test_day_ratios_count_days_from_the_first_entry_at_most_one_each() -> None:
    p = plan((curriculum("c", units("u", 10)),), blocks=(habit("h", "b", 20), work("main", 60)))
    d = START + timedelta(days=2)
    entries = [
        entry("b", 20, d, kind="habit"),  # history begins with the first entry of any kind
        entry("u1", 30, d + timedelta(days=1)),
        entry("u1", 45, d + timedelta(days=2)),
        entry("u1", 30, d + timedelta(days=2)),  # 75 of 60: a full day, no more
        entry("u2", 60, d + timedelta(days=5)),  # the forecast's day: not history yet
    ]
    away = trip(d + timedelta(days=3), d + timedelta(days=3))  # no work blocks on the road
    first, days, ratios = day_ratios(
        p, calendar(p, [away]), stream_of(p), Adjustments(), entries, d + timedelta(days=5)
    )
    assert (first, days) == (d, 5)
    assert ratios == {"day": [0.0, 0.5, 1.0, 0.0]}
    assert day_ratios(p, calendar(p), stream_of(p), Adjustments(), entries, d) == (None, 0, {})


def perfect_history(p: Plan, trips: Sequence[Trip], until: date) -> list[LogEntry]:
    """Each morning's plan done in full, from the plan's start to `until`: every piece the
    projection standing on that morning (the log before it) places that day, logged on its
    day, a unit marked done on the day its last minute is placed — what `today` showed, and
    what the forecast's adherence measures against. Not one pour from the start carried on:
    a block serves its pool's share first, so that pour may use a unit's pieces out of stream
    order, while a morning's re-flow takes the logged minutes off the unit's first pieces and
    may place the rest differently (fill a block that pour left partly empty)."""
    cal, stream = calendar(p, trips), stream_of(p)
    out: list[LogEntry] = []
    d = p.start
    while d < until:
        morning = project(p, cal, stream, progress_of(p, out), d, until=d)
        planned = morning.day(d)
        for bp in planned.blocks if planned is not None else ():
            for piece in bp.items:
                last = morning.finish.get(piece.unit) == d
                out.append(entry(piece.unit, piece.minutes, d, done=last))
        d += timedelta(days=1)
    return out


def test_adherence_is_done_over_placed_not_over_the_templates_minutes() -> None:
    """A 30-minute block admits only track b, the plan has track-a work alone: nothing is
    ever placed there, so a day that did its 60 placed minutes did all it was asked."""
    p = plan(
        (curriculum("c", units("u", 10)),),
        blocks=(work("main", 60, tracks=("a",)), work("side", 30, tracks=("b",))),
    )
    d = START + timedelta(days=5)
    entries = perfect_history(p, (), d)
    found = day_ratios(p, calendar(p), stream_of(p), Adjustments(), entries, d)
    assert found == (START, 5, {"day": [1.0] * 5})
    # Half of the placed minutes on the third day; a day with nothing left to place once
    # all units are done says nothing.
    half = [
        e if e.day != START + timedelta(days=2) else entry(e.target, 30, e.day) for e in entries
    ]
    assert day_ratios(p, calendar(p), stream_of(p), Adjustments(), half, d)[2] == {
        "day": [1.0, 1.0, 0.5, 1.0, 1.0]
    }
    short = plan((curriculum("c", units("u", 2)),), blocks=p.day_templates[0].blocks)
    logged = perfect_history(short, (), d)
    assert day_ratios(short, calendar(short), stream_of(short), Adjustments(), logged, d)[2] == {
        "day": [1.0, 1.0]
    }


def test_velocity_evidence_is_the_units_finished_with_minutes_logged() -> None:
    p = plan(
        (
            curriculum("c", [unit("u1", 60), unit("u2", 60), unit("u3", 60), unit("u4", 100)]),
            curriculum("k", [unit("k1", 60, "k", track="b")], track="b"),
        )
    )
    d = START
    entries = [
        entry("u1", 90, d, done=True),  # 1.5
        entry("u2", 30, d),
        entry("u2", 30, d + timedelta(days=1)),  # reached its estimate: finished, 1.0
        entry("u3", 0, d, done=True),  # done without minutes: no evidence
        entry("u4", 1000, d, done=True),  # 10: read as 5
        entry("k1", 6, d, done=True),  # 0.1: read as 0.2
        entry("k1", 60, d + timedelta(days=9)),  # after the day: not counted
    ]
    logs = unit_log_ratios(p, entries, d + timedelta(days=1))
    assert logs == {
        "a": [pytest.approx(math.log(1.5)), 0.0, pytest.approx(math.log(5.0))],
        "b": [pytest.approx(math.log(0.2))],
    }


def test_two_weeks_of_history_give_sane_figures() -> None:
    """Two perfect weeks move the figures toward what they show, not all the way."""
    p = plan((curriculum("c", units("u", 40)),))
    entries = [entry(f"u{i + 1}", 60, START + timedelta(days=i), done=True) for i in range(14)]
    found = evidence(
        p, calendar(p), stream_of(p), Adjustments(), entries, START + timedelta(days=14)
    )
    assert found.days == 14
    # overall (7 × 0.8 + 14) / 21 = 0.9333 (the prior: the 7 days of three weeks not seen);
    # the day template (7 × 0.9333 + 14) / 21 = 0.9778
    assert found.adherence["day"].mean == pytest.approx((7 * 19.6 / 21 + 14) / 21, abs=1e-12)
    assert found.adherence["day"].count == 14
    assert found.velocity["a"].mean == pytest.approx(1.0)
    assert found.velocity["a"].count == 14


# -- the Monte Carlo -----------------------------------------------------------------------------
def _milestone_plan() -> Plan:
    return plan(
        (curriculum("c", units("u", 30)),),
        milestones=(
            Milestone("early", "early", START + timedelta(days=12), ("u5",)),
            Milestone("late", "late", START + timedelta(days=45), ("u30",)),
        ),
    )


def _prior_only() -> Evidence:
    adherence, day_sd = adherence_figures({}, ["day", "travel"])
    velocity, unit_sd = velocity_figures({}, ["a", "b"])
    return Evidence(None, 0, adherence, day_sd, velocity, unit_sd)


def test_the_same_seed_gives_the_same_runs_and_more_runs_extend_them() -> None:
    p = _milestone_plan()
    projection, w = pour(p)
    a = milestone_runs(p, w, _prior_only(), projection, 1500, seed=7)
    b = milestone_runs(p, w, _prior_only(), projection, 1500, seed=7)
    c = milestone_runs(p, w, _prior_only(), projection, 1500, seed=8)
    more = milestone_runs(p, w, _prior_only(), projection, 3000, seed=7)
    for mid in ("early", "late"):
        assert np.array_equal(a[mid], b[mid])
        assert not np.array_equal(a[mid], c[mid])
        assert np.array_equal(a[mid][:BATCH], more[mid][:BATCH])


def test_milestones_get_a_probability_and_dates_in_order() -> None:
    p = _milestone_plan()
    projection, w = pour(p)
    out = forecast_milestones(p, w, _prior_only(), projection, {}, {}, 2000, 1)
    early, late = out
    # The projection meets both (u5 on day 4, u30 on day 29); at about 0.8 adherence the
    # early one keeps its slack, the late one has 16 days of it for 30 days of work.
    assert projection.finish["u5"] == START + timedelta(days=4)
    assert early.probability > 0.95 and 0.2 < late.probability < 0.95
    for m in out:
        assert m.p10 is not None and m.p50 is not None and m.p90 is not None
        assert m.p10 <= m.p50 <= m.p90 and not m.finished
    assert late.p50 is not None and late.p50 > projection.finish["u30"]
    # A moved due date counts.
    moved = forecast_milestones(
        p, w, _prior_only(), projection, {}, {"late": START + timedelta(days=200)}, 2000, 1
    )
    assert moved[1].due == START + timedelta(days=200) and moved[1].probability == 1.0


def test_a_finished_milestone_is_certain_and_dated_by_the_log() -> None:
    p = _milestone_plan()
    done = [entry(f"u{i}", 60, START, done=True) for i in range(1, 6)]
    projection, w = pour(p, START + timedelta(days=1), done)
    out = forecast_milestones(p, w, _prior_only(), projection, {"u5": START}, {}, 100, 1)
    assert out[0].finished and out[0].probability == 1.0 and out[0].p50 == START
    late_log = {"u5": START + timedelta(days=13)}  # finished after the due date
    out = forecast_milestones(p, w, _prior_only(), projection, late_log, {}, 100, 1)
    assert out[0].probability == 0.0


def test_work_the_projection_cannot_place_never_finishes() -> None:
    p = plan(
        (curriculum("c", units("u", 2)),),
        blocks=(work("main", 60, tracks=("b",)),),  # admits nothing of track a
        milestones=(Milestone("m", "m", START + timedelta(days=10), ("u1",)),),
    )
    projection, w = pour(p)
    (m,) = forecast_milestones(p, w, _prior_only(), projection, {}, {}, 50, 1)
    assert m.probability == 0.0 and (m.p10, m.p50, m.p90) == (None, None, None)


# -- a perfect history --------------------------------------------------------------------------
@FAST
@given(worlds())
def test_each_day_is_measured_against_its_own_mornings_projection(world: World) -> None:
    """What a day asked for is what the projection standing on its morning placed, with
    exactly the log before it (any log, in any order)."""
    p, cal = world.plan, world.calendar()
    entries = list(reversed(world.entries))
    found = placed_by_day(p, cal, stream_of(p), Adjustments(), entries, START, world.today)
    for d, asked in found.items():
        state = progress_of(p, entries, before=d)
        morning = project(p, cal, stream_of(p), state, d, until=d)
        planned = morning.day(d)
        assert asked == (planned.placed if planned else 0), d
    assert list(found) == [START + timedelta(days=i) for i in range((world.today - START).days)]


@FAST
@given(worlds())
def test_a_perfect_history_reads_full_adherence_and_estimated_speed(world: World) -> None:
    p = world.plan
    entries = perfect_history(p, world.trips, world.today)
    _, _, ratios = day_ratios(
        p, world.calendar(), stream_of(p), Adjustments(), entries, world.today
    )
    assert all(r == 1.0 for rs in ratios.values() for r in rs), ratios
    logs = unit_log_ratios(p, entries, world.today)
    assert all(x == 0.0 for xs in logs.values() for x in xs), logs


@st.composite
def worked_worlds(draw: st.DrawFn) -> World:
    """A generated world with a steady curriculum beside its own (sixteen study units of
    two to six hours over the four months: work for weeks, finished a unit at a time),
    standing 3-16 weeks in."""
    world = draw(worlds())
    p = world.plan
    steady = Curriculum(
        "steady",
        "steady",
        "a",
        Month(2026, 3),
        Month(2026, 6),
        tuple(
            unit(
                f"s{i}", draw(st.integers(6, 18)) * 20, "steady", track=draw(st.sampled_from("ab"))
            )
            for i in range(16)
        ),
    )
    months = tuple(replace(m, weights=(*m.weights, ("steady", 1.0))) for m in p.months)
    p = replace(p, curricula=(*p.curricula, steady), months=months)
    return replace(world, plan=p, today=START + timedelta(days=draw(st.integers(21, 110))))


@FAST
@given(worked_worlds())
def test_a_perfect_history_forecasts_the_projection(world: World) -> None:
    """Once the history is as long as the priors are worth (three weeks of days that asked
    for work, six finished units), a record of every placed piece done exactly gives each
    milestone the projection's date as its P50 — and as its P10 and P90."""
    p, today = world.plan, world.today
    entries = perfect_history(p, world.trips, today)
    found = evidence(p, world.calendar(), stream_of(p), Adjustments(), entries, today)
    finished = finished_on(p, entries, today)
    asked = sum(f.count for f in found.adherence.values())
    assume(asked >= ADHERENCE_PRIOR_DAYS and len(finished) >= VELOCITY_PRIOR_UNITS)
    projection, w = pour_world(world, entries)
    for m in forecast_milestones(p, w, found, projection, finished, {}, 300, 1):
        if m.finished:
            continue
        needs = next(x.needs for x in p.milestones if x.id == m.id)
        projected = projection.finish_of(needs)
        assert m.p10 == m.p50 == m.p90 == projected, (m, found)
