"""Habits and the weekly review over a span of days: minutes the day templates ask for and
minutes logged, days asked and days kept — one count for status, the review and reports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pacer.calendar.days import Calendar
from pacer.plan.model import REVIEW_TARGET, Block, Plan
from pacer.record import record
from pacer.schedule.progress import LogEntry, LogTargets
from pacer.schedule.weeks import IsoWeek


@record
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


@record
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
    # A flexible habit (`per_week`) asks per week, not per day: the days offering it, by week.
    per_week = {tid: plan.habit_per_week(tid) for tid in habit_ids}
    offers: dict[str, dict[date, dict[date, int]]] = {
        tid: {} for tid in habit_ids if per_week[tid] is not None
    }
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
            if b.type == "habit" and b.track in offers:
                offer = offers[b.track].setdefault(d - timedelta(days=d.weekday()), {})
                offer[d] = offer.get(d, 0) + b.minutes
            elif b.type == "habit" and b.track in planned:
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

    days_asked = {tid: len(asked[tid]) for tid in habit_ids}
    days_kept = {tid: len(asked[tid] & logged[tid]) for tid in habit_ids}
    for tid, weeks in offers.items():
        for monday, offer in weeks.items():
            ask, kept = _week_asks(per_week[tid] or 0, offer, logged[tid], monday, end)
            planned[tid] += sum(offer[d] for d in sorted(offer)[:ask])
            days_asked[tid] += ask
            days_kept[tid] += kept
    titles = {t.id: t.title for t in plan.tracks}
    habits = tuple(
        Tally(tid, titles[tid], planned[tid], done[tid], days_kept[tid], days_asked[tid])
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


def _week_asks(
    per_week: int, offer: dict[date, int], logged: set[date], monday: date, last: date
) -> tuple[int, int]:
    """Days a flexible habit's week asks for and keeps, counted up to `last`.

    It asks for `per_week` of the days offering it (fewer when fewer offer it), and the week
    keeps as many as it has days logged (any day of the week), never more than it asks. A
    week not over by `last` (its Sunday still ahead) is not judged yet: it asks only what it
    has kept so far, so the running week never shows as missed."""
    sunday = monday + timedelta(days=6)
    target = min(per_week, len(offer))
    logged_days = sum(1 for d in logged if monday <= d <= min(sunday, last))
    ask = min(target, logged_days) if last < sunday else target
    return ask, min(logged_days, ask)
