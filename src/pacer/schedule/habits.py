"""Habits and the weekly review over a span of days: minutes the day templates ask for and
minutes logged, days asked and days kept — one count for status, the review and reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pacer.calendar.days import Calendar
from pacer.plan.model import REVIEW_TARGET, Block, Plan
from pacer.schedule.progress import LogEntry, LogTargets
from pacer.schedule.weeks import IsoWeek


@dataclass(frozen=True, slots=True)
class Tally:
    """One habit (`id` its track) or the weekly review's ritual (`id` "review") over a span.

    `planned` is the minutes the day templates ask for on the span's days inside the plan;
    `done` the minutes logged for it in the span; `days` the span's days inside the plan
    whose template asks for it, `kept` those with an entry for it."""

    id: str
    title: str
    planned: int = 0
    done: int = 0
    kept: int = 0
    days: int = 0


@dataclass(frozen=True, slots=True)
class Tallies:
    habits: tuple[Tally, ...]  # one per habit track, in the plan's order of tracks
    ritual: Tally  # the weekly review
    ritual_track: str | None  # the track its ritual block names, if any

    def habit(self, track: str) -> Tally | None:
        return next((h for h in self.habits if h.id == track), None)


def _first_ritual(plan: Plan) -> Block | None:
    """The review's ritual block: the one its day shows, else any ritual of the plan."""
    from pacer.schedule.review import review_ritual

    shown = review_ritual(plan)
    if shown:
        return shown[0]
    return next((b for t in plan.day_templates for b in t.blocks if b.type == "ritual"), None)


def tally(
    plan: Plan, calendar: Calendar, entries: Iterable[LogEntry], first: date, last: date
) -> Tallies:
    """Habits and the review from `first` to `last` (inclusive; the caller stops `last` at
    the day it stands on, so no day to come counts as missed).

    Days count only inside the plan's span. The review is asked for on the days whose
    template has a ritual and on the day a week's review moved to (as `today` shows it).
    Minutes done are every entry for it in the span, also one on a day that does not ask
    for it (that day is then not a day kept: kept never exceeds asked)."""
    from pacer.schedule.periods import counted_range
    from pacer.schedule.review import review_day, review_ritual

    # The one rule of what counts (inside the plan's span, not after the day stood on).
    counted = counted_range(first, last, plan, last)
    targets = LogTargets.of(plan)
    habit_ids = [t.id for t in plan.tracks if t.id in targets.habits]
    planned = dict.fromkeys(habit_ids, 0)
    asked: dict[str, set[date]] = {tid: set() for tid in habit_ids}
    ritual_planned = 0
    ritual_asked: set[date] = set()
    moved_ritual = review_ritual(plan)
    plan_weeks = (IsoWeek.of(plan.start), IsoWeek.of(plan.end))
    review_days: dict[IsoWeek, date] = {}
    d, end = (counted.first, counted.last) if counted else (first, first - timedelta(days=1))
    while d <= end:
        blocks = plan.template(calendar.resolve(d).template).blocks_on(d)
        rituals = [b for b in blocks if b.type == "ritual"]
        if not rituals and moved_ritual:
            week = IsoWeek.of(d)
            if plan_weeks[0] <= week <= plan_weeks[1]:
                if week not in review_days:
                    review_days[week] = review_day(plan, calendar, week)
                if review_days[week] == d:
                    rituals = list(moved_ritual)
        for b in blocks:
            if b.type == "habit" and b.track in planned:
                planned[b.track] += b.minutes
                asked[b.track].add(d)
        if rituals:
            ritual_planned += sum(b.minutes for b in rituals)
            ritual_asked.add(d)
        d += timedelta(days=1)

    done = dict.fromkeys(habit_ids, 0)
    logged: dict[str, set[date]] = {tid: set() for tid in habit_ids}
    ritual_done = 0
    ritual_logged: set[date] = set()
    for e in entries:
        if counted is None or e.day not in counted:
            continue
        place = targets.place(e)
        if place is None:
            continue
        if place.kind == "habit" and place.track in done:
            done[place.track] += e.minutes
            if e.minutes > 0:
                logged[place.track].add(e.day)
        elif place.kind == "ritual":
            ritual_done += e.minutes
            if e.minutes > 0:
                ritual_logged.add(e.day)

    titles = {t.id: t.title for t in plan.tracks}
    habits = tuple(
        Tally(
            tid,
            titles[tid],
            planned[tid],
            done[tid],
            len(asked[tid] & logged[tid]),
            len(asked[tid]),
        )
        for tid in habit_ids
    )
    block = _first_ritual(plan)
    ritual = Tally(
        REVIEW_TARGET,
        block.title if block is not None else "",
        ritual_planned,
        ritual_done,
        len(ritual_asked & ritual_logged),
        len(ritual_asked),
    )
    return Tallies(habits, ritual, block.track if block is not None else None)
