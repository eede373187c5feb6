"""A gentle first week back: the days after an absence whose work blocks offer a share."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.calendar.days import Calendar, Trip
from pacer.plan.model import Plan, Ramp
from pacer.record import record

# How far past an absence the ramp looks for its study days (a plan of days off only has none).
MAX_WALK = 366


@record
class RampDay:
    """A day back from an absence whose work blocks are lighter."""

    share: float
    n: int  # the nth lighter day, from 1
    days: int  # of how many
    after: Trip  # the absence it follows (the last of a chain of them)

    @property
    def percent(self) -> int:
        return round(self.share * 100)


def lighter(minutes: int, share: float) -> int:
    """`share` of a block's minutes, down to whole 5 minutes (a 45-minute block at half
    offers 20), at least 5, never more than the block's own minutes."""
    if share >= 1:
        return minutes
    # round(): 0.29 * 100 is 28.999… in floating point, and would lose a minute.
    cut = int(round(minutes * share, 6)) // 5 * 5
    return min(minutes, max(cut, 5))


def ramp_days(plan: Plan, calendar: Calendar) -> dict[date, RampDay]:
    """The lighter days after the calendar's absences (docs/plan-format.md, `ramp`).

    Absences that touch or overlap (a trip, then sick days from the day after) are one time
    away: its length is all their days, and its ramp is that of the kind that ends it last
    among those whose `after_days` the whole time away reaches. The ramp's days are the
    first `days` days after it whose template has a work block: days off (a holiday without
    work, a day with nothing planned) do not use it up. A later absence that starts before
    the ramp is used up pauses it (its own days are days away), and the rest of the ramp
    follows it — unless that absence brings a ramp of its own, which then replaces the
    rest: ramps never stack, a day is never made lighter twice.
    """
    if not any(a.ramp is not None for a in plan.absences):
        return {}
    chains = _chains(calendar.trips)
    templates = {t.id: t for t in plan.day_templates}

    def has_work(d: date) -> bool:
        info = calendar.resolve(d)
        template = templates.get(info.template) or plan.template(info.template)
        return any(b.type == "work" and b.minutes > 0 for b in template.blocks_on(d))

    out: dict[date, RampDay] = {}
    pending: tuple[Ramp, Trip, int] | None = None  # the ramp, its absence, days used
    for i, (start, end, members) in enumerate(chains):
        length = (end - start).days + 1
        qualifying = [
            (t, r) for t in members if (r := _ramp_of(plan, t.kind)) and length >= r.after_days
        ]
        if qualifying:
            trip, ramp = max(qualifying, key=lambda e: (e[0].end, e[0].start, e[0].id))
            pending = (ramp, trip, 0)
        if pending is None:
            continue
        ramp, trip, used = pending
        stop = chains[i + 1][0] if i + 1 < len(chains) else end + timedelta(days=MAX_WALK + 1)
        d = end + timedelta(days=1)
        while used < ramp.days and d < stop and (d - end).days <= MAX_WALK:
            if has_work(d):
                used += 1
                out[d] = RampDay(ramp.share, used, ramp.days, trip)
            d += timedelta(days=1)
        pending = None if used >= ramp.days else (ramp, trip, used)
    return out


def _ramp_of(plan: Plan, kind: str) -> Ramp | None:
    # A kind the plan no longer has is taken as `travel`, as the calendar does.
    absence = plan.absence(kind) or plan.absence("travel")
    return absence.ramp if absence is not None else None


def _chains(trips: tuple[Trip, ...]) -> list[tuple[date, date, list[Trip]]]:
    """Absences that overlap or touch, merged: (first day, last day, the absences)."""
    out: list[tuple[date, date, list[Trip]]] = []
    for trip in sorted(trips, key=lambda t: (t.start, t.end, t.id)):
        if out and trip.start <= out[-1][1] + timedelta(days=1):
            start, end, members = out[-1]
            out[-1] = (start, max(end, trip.end), [*members, trip])
        else:
            out.append((trip.start, trip.end, [trip]))
    return out
