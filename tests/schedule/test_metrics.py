"""The metric road: straight lines between target points, from the first value; exact values."""

from __future__ import annotations

from datetime import date

import pytest

from pacer.plan.model import Metric, TargetPoint
from pacer.schedule.metrics import (
    Reading,
    RoadPoint,
    Standing,
    in_order,
    margin_of,
    road,
    road_value,
    standing,
)


def d(month: int, day: int) -> date:
    return date(2026, month, day)


# Listening comprehension: 50 % on March 1, 80 % on May 30 (90 days apart).
LISTENING = Metric(
    "listening",
    "听懂比例",
    "%",
    "english",
    True,
    (TargetPoint(d(3, 1), 50.0), TargetPoint(d(5, 30), 80.0)),
)
# Body weight: lower is better, 70 kg on March 1 down to 64 kg on March 31.
WEIGHT = Metric(
    "weight", "体重", "kg", None, False, (TargetPoint(d(3, 1), 70.0), TargetPoint(d(3, 31), 64.0))
)
_ids = iter(range(1, 1000))


def reading(day: date, value: float, metric: str = "listening") -> Reading:
    return Reading(next(_ids), metric, day, value)


# road


def test_without_values_the_road_is_the_targets() -> None:
    assert road(LISTENING, []) == (RoadPoint(d(3, 1), 50.0), RoadPoint(d(5, 30), 80.0))


def test_the_road_starts_at_the_first_value_and_runs_to_the_targets_after_it() -> None:
    values = [reading(d(4, 10), 55.0), reading(d(3, 31), 40.0)]
    # The March 1 target is before the first value: the road starts from where you were.
    assert road(LISTENING, values) == (RoadPoint(d(3, 31), 40.0), RoadPoint(d(5, 30), 80.0))


def test_a_first_value_on_a_target_day_is_judged_against_that_target() -> None:
    """Issue 11, item 10: the value on a target's own date does not replace the target."""
    assert road(LISTENING, [reading(d(3, 1), 30.0)]) == (
        RoadPoint(d(3, 1), 50.0),
        RoadPoint(d(5, 30), 80.0),
    )


# Targets 50 % by February 28, 80 % by June 30 (the issue's own input).
SPRING = Metric(
    "comprehension",
    "听懂比例",
    "%",
    "english",
    True,
    (TargetPoint(d(2, 28), 50.0), TargetPoint(d(6, 30), 80.0)),
)


def test_a_value_entered_on_a_target_day_below_it_is_behind() -> None:
    s = standing(SPRING, [reading(d(2, 28), 40.0, "comprehension")], d(2, 28))
    assert (s.expected, s.margin, s.state) == (50.0, -10.0, "behind")
    # At the target, or above it, on that day: on track; the day before, the road is flat
    # at the first value (nothing was due yet).
    at = standing(SPRING, [reading(d(2, 28), 50.0, "comprehension")], d(3, 5))
    assert (at.expected, at.margin, at.state) == (50.0, 0.0, "on_track")
    before = standing(SPRING, [reading(d(2, 27), 40.0, "comprehension")], d(2, 27))
    assert (before.expected, before.state) == (40.0, "on_track")
    # Lower is better: a weight above the day's target is behind.
    weight = standing(WEIGHT, [reading(d(3, 1), 71.0, "weight")], d(3, 1))
    assert (weight.expected, weight.margin, weight.state) == (70.0, -1.0, "behind")


@pytest.mark.parametrize("first", [d(5, 30), d(6, 15)], ids=["on-last-target", "after-it"])
def test_a_first_value_on_or_after_the_last_target_leaves_the_road_flat_at_it(first: date) -> None:
    assert road(LISTENING, [reading(first, 60.0)]) == (RoadPoint(first, 80.0),)


def test_without_targets_the_road_is_flat_at_the_first_value() -> None:
    bare = Metric("pushups", "俯卧撑", "", None, True, ())
    assert road(bare, [reading(d(3, 9), 20.0, "pushups"), reading(d(3, 1), 12.0, "pushups")]) == (
        RoadPoint(d(3, 1), 12.0),
    )
    assert road(bare, []) == ()


def test_of_two_first_values_on_one_day_the_first_recorded_starts_the_road() -> None:
    a, b = reading(d(3, 31), 40.0), reading(d(3, 31), 44.0)
    assert road(LISTENING, [b, a])[0] == RoadPoint(d(3, 31), 40.0)
    assert in_order([b, a]) == [a, b]


# road_value


def test_road_value_is_flat_before_and_after_and_straight_between() -> None:
    points = road(LISTENING, [])
    assert road_value(points, d(2, 1)) == 50.0
    assert road_value(points, d(3, 1)) == 50.0
    assert road_value(points, d(3, 31)) == 60.0  # 30 of 90 days: a third of the way
    assert road_value(points, d(4, 15)) == 65.0
    assert road_value(points, d(4, 30)) == 70.0
    assert road_value(points, d(5, 30)) == 80.0
    assert road_value(points, d(12, 31)) == 80.0
    assert road_value((), d(3, 1)) is None


def test_road_value_through_several_corners() -> None:
    points = (RoadPoint(d(3, 1), 10.0), RoadPoint(d(3, 11), 20.0), RoadPoint(d(3, 21), 0.0))
    assert [road_value(points, d(3, n)) for n in (1, 6, 11, 16, 21, 26)] == [
        10.0,
        15.0,
        20.0,
        10.0,
        0.0,
        0.0,
    ]


# margin and standing


def test_margin_honours_the_direction() -> None:
    assert margin_of(LISTENING, 62.5, 60.0) == 2.5
    assert margin_of(LISTENING, 57.5, 60.0) == -2.5
    assert margin_of(WEIGHT, 66.0, 67.0) == 1.0  # a kilogram under the road: ahead
    assert margin_of(WEIGHT, 68.5, 67.0) == -1.5


def test_standing_without_values() -> None:
    assert standing(LISTENING, [], d(3, 31)) == Standing(
        None, None, None, "no_data", 60.0, TargetPoint(d(5, 30), 80.0)
    )


def test_standing_judges_the_latest_value_on_its_own_date() -> None:
    first, latest = reading(d(3, 31), 40.0), reading(d(4, 30), 57.5)
    # The road runs 40 (March 31) -> 80 (May 30): 60 on April 30, 70 on May 15.
    s = standing(LISTENING, [latest, first], d(5, 15))
    assert s == Standing(latest, 60.0, -2.5, "behind", 70.0, TargetPoint(d(5, 30), 80.0))


def test_standing_on_track_and_exactly_on_the_road() -> None:
    first = reading(d(3, 31), 40.0)
    ahead = standing(LISTENING, [first, reading(d(4, 30), 62.0)], d(4, 30))
    assert (ahead.expected, ahead.margin, ahead.state) == (60.0, 2.0, "on_track")
    on_road = standing(LISTENING, [first], d(3, 31))
    assert (on_road.expected, on_road.margin, on_road.state) == (40.0, 0.0, "on_track")


def test_standing_ignores_values_after_its_date() -> None:
    early, later = reading(d(3, 31), 40.0), reading(d(4, 30), 30.0)
    s = standing(LISTENING, [early, later], d(4, 15))
    assert (s.latest, s.state, s.expected_today) == (early, "on_track", 50.0)
    assert standing(LISTENING, [later], d(4, 1)).state == "no_data"


def test_of_two_values_on_the_latest_day_the_last_recorded_counts() -> None:
    first = reading(d(3, 31), 40.0)
    low, high = reading(d(4, 30), 50.0), reading(d(4, 30), 61.0)
    s = standing(LISTENING, [high, low, first], d(4, 30))
    assert (s.latest, s.margin, s.state) == (high, 1.0, "on_track")


def test_lower_is_better_is_behind_above_the_road() -> None:
    # Road 70 (March 1) -> 64 (March 31): 67 on March 16.
    s = standing(WEIGHT, [reading(d(3, 16), 68.5, "weight")], d(3, 20))
    # A first value starts the road: 68.5 on March 16 -> 64 on March 31.
    assert (s.expected, s.margin, s.state) == (68.5, 0.0, "on_track")
    values = [reading(d(3, 1), 70.0, "weight"), reading(d(3, 16), 68.5, "weight")]
    s = standing(WEIGHT, values, d(3, 20))
    assert (s.expected, s.margin, s.state) == (67.0, -1.5, "behind")
    values.append(reading(d(3, 31), 63.0, "weight"))
    s = standing(WEIGHT, values, d(4, 30))
    assert (s.expected, s.margin, s.state, s.next_target) == (64.0, 1.0, "on_track", None)


def test_the_next_target_is_the_first_on_or_after_the_date() -> None:
    assert standing(LISTENING, [], d(3, 1)).next_target == TargetPoint(d(3, 1), 50.0)
    assert standing(LISTENING, [], d(3, 2)).next_target == TargetPoint(d(5, 30), 80.0)
    assert standing(LISTENING, [], d(5, 31)).next_target is None
