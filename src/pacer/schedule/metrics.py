"""Self-reported metrics against their road: the plan's target points joined by straight lines.

The road starts at the first recorded value and its date (or at the first target when
nothing is recorded), runs straight from point to point through the targets from that date
on, and stays flat after the last target. A target on the first value's own date is the
road on that date (the value is judged against it, never replaces it). A first value
recorded on or after the last target day leaves only that target: the road is flat at it.
The latest value is judged against the road on its own date, in the metric's unit,
honouring `higher_is_better`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise

from pacer.plan.model import Metric, TargetPoint
from pacer.record import record

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    MetricState = Literal["on_track", "behind", "no_data"]

# Below this a difference is rounding noise, not being behind.
EPSILON = 1e-9


@record
class Reading:
    """One recorded value of a metric on a local date."""

    id: int
    metric: str
    day: date
    value: float
    note: str = ""
    logged_at: str = ""  # UTC, ISO 8601


@record
class RoadPoint:
    day: date
    value: float


@record
class Standing:
    """Where a metric stands on a date."""

    latest: Reading | None  # the newest value recorded up to the date
    expected: float | None  # the road on the latest value's date
    margin: float | None  # how far ahead (+) or behind (-) of the road, in the metric's unit
    state: MetricState
    expected_today: float | None  # the road on the date itself
    next_target: TargetPoint | None  # the first target on or after the date


def in_order(readings: Iterable[Reading]) -> list[Reading]:
    """Readings oldest first; of two on one date, the later recorded counts as newer."""
    return sorted(readings, key=lambda r: (r.day, r.id))


def road(metric: Metric, readings: Iterable[Reading]) -> tuple[RoadPoint, ...]:
    """The road's corner points, oldest first; () when there is neither a value nor a target."""
    ordered = in_order(readings)
    targets = sorted(metric.targets, key=lambda t: t.day)
    if ordered:
        start = RoadPoint(ordered[0].day, ordered[0].value)
    elif targets:
        start = RoadPoint(targets[0].day, targets[0].value)
    else:
        return ()
    # A target due on the first value's date is what that date is judged against: the road
    # starts at it, not at the value (">" here read a value of 40 on the day of a 50 target
    # as exactly on the road).
    due_then = [t for t in targets if t.day == start.day]
    if due_then:
        start = RoadPoint(start.day, due_then[-1].value)
    later = tuple(RoadPoint(t.day, t.value) for t in targets if t.day > start.day)
    if not later and targets and targets[-1].day <= start.day and ordered:
        return (RoadPoint(start.day, targets[-1].value),)
    return (start, *later)


def road_value(points: Sequence[RoadPoint], day: date) -> float | None:
    """The road on `day`: flat before its first point and after its last, straight between."""
    if not points:
        return None
    if day <= points[0].day:
        return points[0].value
    for a, b in pairwise(points):
        if day <= b.day:
            span = (b.day - a.day).days
            return a.value + (b.value - a.value) * (day - a.day).days / span
    return points[-1].value


def margin_of(metric: Metric, value: float, expected: float) -> float:
    """How far `value` is ahead of (+) or behind (-) `expected`, honouring the direction."""
    return value - expected if metric.higher_is_better else expected - value


def standing(metric: Metric, readings: Iterable[Reading], day: date) -> Standing:
    """The metric on `day`: only values recorded up to `day` count."""
    known = in_order(r for r in readings if r.day <= day)
    points = road(metric, known)
    upcoming = next((t for t in sorted(metric.targets, key=lambda t: t.day) if t.day >= day), None)
    expected_today = road_value(points, day)
    if not known:
        return Standing(None, None, None, "no_data", expected_today, upcoming)
    latest = known[-1]
    expected = road_value(points, latest.day)
    assert expected is not None  # a value was recorded, so the road has a point
    margin = margin_of(metric, latest.value, expected)
    state: MetricState = "behind" if margin < -EPSILON else "on_track"
    return Standing(latest, expected, margin, state, expected_today, upcoming)
