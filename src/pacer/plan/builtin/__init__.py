"""The plans that ship with pacer: the 2026 plan of its first user, and two starting points."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

# Starting points for `pacer init --template NAME`: name -> file beside this module.
STARTING_POINTS: dict[str, str] = {
    "blank": "blank.yaml",
    "example": "example.yaml",
    "seed-2026": "plan-2026.yaml",
}
DEFAULT_STARTING_POINT = "seed-2026"  # what runs when there is no plan file: init copies it

# The blank plan is written for a year from the week `pacer init` runs in; these are the
# exact texts of its span in blank.yaml (a test keeps them in step with the file).
_BLANK_ZONE = "timezone: Europe/London"
_BLANK_SPAN = ("start: 2027-01-04", "end: 2027-12-31", "from: 2027-01", "to: 2027-12")


def builtin_plan_path() -> Path:
    """The built-in 2026 plan (plan-2026.yaml beside this file)."""
    return Path(__file__).with_name(STARTING_POINTS[DEFAULT_STARTING_POINT])


def starting_point_path(name: str) -> Path:
    """The file of a starting point (KeyError for an unknown name)."""
    return Path(__file__).with_name(STARTING_POINTS[name])


def starting_point_text(name: str, today: date, zone: str | None = None) -> bytes:
    """A starting point's text as `pacer init` writes it: the blank plan spans the 52 weeks
    from the Monday of `today`'s week, in `zone` (the person's, when known); the others are
    dated plans and stay as written."""
    data = starting_point_path(name).read_bytes()
    if name != "blank":
        return data
    start = today - timedelta(days=today.weekday())
    end = start + timedelta(days=52 * 7 - 1)
    text = data.decode("utf-8")
    for old, new in zip(
        _BLANK_SPAN,
        (
            f"start: {start.isoformat()}",
            f"end: {end.isoformat()}",
            f"from: {start.isoformat()[:7]}",
            f"to: {end.isoformat()[:7]}",
        ),
        strict=True,
    ):
        assert text.count(old) == 1, old  # the file and _BLANK_SPAN must agree
        text = text.replace(old, new)
    if zone is not None:
        assert text.count(_BLANK_ZONE) == 1
        text = text.replace(_BLANK_ZONE, f"timezone: {zone}")
    return text.encode("utf-8")
