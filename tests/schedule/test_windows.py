"""Curriculum windows to the day: nothing is placed, or released in the forecast's runs,
before the day a window opens; a month still means its first day."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.schedule.capacity import Timeline
from pacer.schedule.forecast import order_of_work
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import project
from tests.schedule.handmade import START, calendar, curriculum, plan, stream_of, units

FAST = settings(max_examples=int(os.environ.get("PACER_EXAMPLES", "60")), deadline=None)


def _first_days(opens_on: date) -> tuple[dict[str, date], list[int]]:
    """The first day each unit is placed on, and the forecast's release day of each piece of
    the late curriculum (days from START)."""
    early = curriculum("early", units("e", 6, 60, "early"))
    late = replace(curriculum("late", units("l", 3, 60, "late")), start_day=opens_on)
    p = plan([early, late])
    cal = calendar(p)
    projection = project(p, cal, stream_of(p), progress_of(p, []), START, keep_days=True)
    last = START + timedelta(days=120)
    work = order_of_work(p, projection, Timeline(p, cal, START), last)
    first: dict[str, date] = {}
    d = START
    while d <= last:
        day = projection.day(d)
        for bp in day.blocks if day else ():
            for piece in bp.items:
                first.setdefault(piece.unit, d)
        d += timedelta(days=1)
    late_index = {i for i, uid in enumerate(work.units) if uid.startswith("l")}
    release = [
        int(work.release_day[j])
        for j in range(len(work.piece_unit))
        if int(work.piece_unit[j]) in late_index
    ]
    return first, release


@FAST
@given(st.integers(min_value=0, max_value=40))
def test_nothing_of_a_curriculum_is_placed_before_its_first_day(offset: int) -> None:
    opens_on = START + timedelta(days=offset)
    first, release = _first_days(opens_on)
    late = [d for uid, d in first.items() if uid.startswith("l")]
    assert late, "the late curriculum is placed at all"
    assert min(late) >= opens_on
    assert release and min(release) >= offset


def test_a_mid_month_window_waits_while_a_month_window_does_not() -> None:
    first, _ = _first_days(date(2026, 3, 16))
    assert min(d for uid, d in first.items() if uid.startswith("l")) == date(2026, 3, 16)
    early_only, _ = _first_days(START)  # opening on the plan's first day: as a month would
    assert min(d for uid, d in early_only.items() if uid.startswith("l")) < date(2026, 3, 16)
