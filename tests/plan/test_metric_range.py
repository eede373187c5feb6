"""A metric's `min` and `max` in the plan format: defaults, checks, exact messages."""

from __future__ import annotations

import pytest
from tests.plan.test_loader import Variant, loc, problems_of

from pacer.plan.loader import load_plan_text

TRACK = "    track: english\n    targets:"


def with_keys(variant: Variant, keys: str, unit: str = '"%"') -> str:
    """The docs example's metric with `keys` (YAML lines) and its unit replaced."""
    return variant(
        ('    unit: "%"\n', f"    unit: {unit}\n"),
        (TRACK, f"    track: english\n{keys}    targets:"),
    )


def value_loc(text: str, key_value: str) -> str:
    """'LINE:COL' of the value in `key: value` (which must occur once)."""
    line, col = loc(text, key_value).split(":")
    return f"{line}:{int(col) + key_value.index(':') + 2}"


def test_a_percent_metric_runs_from_0_to_100_unless_the_plan_says_otherwise(
    variant: Variant,
) -> None:
    (metric,) = load_plan_text(variant()).metrics
    assert (metric.minimum, metric.maximum) == (0.0, 100.0)
    (metric,) = load_plan_text(with_keys(variant, "    max: 80\n")).metrics
    assert (metric.minimum, metric.maximum) == (0.0, 80.0)
    (metric,) = load_plan_text(with_keys(variant, "    min: 10\n")).metrics
    assert (metric.minimum, metric.maximum) == (10.0, 100.0)


def test_other_metrics_are_open_unless_bounded(variant: Variant) -> None:
    (metric,) = load_plan_text(with_keys(variant, "", unit="kg")).metrics
    assert (metric.minimum, metric.maximum) == (None, None)
    (metric,) = load_plan_text(with_keys(variant, "    min: 0\n", unit="kg")).metrics
    assert (metric.minimum, metric.maximum) == (0.0, None)
    (metric,) = load_plan_text(with_keys(variant, "    min: -2.5\n    max: 70\n", "kg")).metrics
    assert (metric.minimum, metric.maximum) == (-2.5, 70.0)


def test_min_must_be_below_max(variant: Variant) -> None:
    text = with_keys(variant, "    min: 60\n    max: 40\n")
    assert problems_of(text) == [
        f"p.yaml:{value_loc(text, 'max: 40')}: min (60) must be below max (40)"
    ]
    text = with_keys(variant, "    min: 100\n")  # and the % metric's max of 100
    assert problems_of(text) == [
        f"p.yaml:{value_loc(text, 'min: 100')}: min (100) must be below max (100)"
    ]


@pytest.mark.parametrize(("raw", "shown"), [("lots", "lots"), (".inf", ".inf"), ("true", "true")])
def test_min_and_max_are_numbers(variant: Variant, raw: str, shown: str) -> None:
    text = with_keys(variant, f"    max: {raw}\n", unit="kg")
    assert problems_of(text) == [
        f"p.yaml:{loc(text, raw, nth=text.count(raw) - 1)}: max: expected a number, got '{shown}'"
    ]


def test_a_target_outside_the_range(variant: Variant) -> None:
    text = variant(("{date: 2026-03-31, value: 50}", "{date: 2026-03-31, value: 120}"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '{date: 2026-03-31, value: 120}')}:"
        " target 120 is outside the metric's range: 0 to 100"
    ]
    text = with_keys(variant, "    min: 60\n", unit="kg")
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '{date: 2026-03-31, value: 50}')}:"
        " target 50 is outside the metric's range: at least 60"
    ]
