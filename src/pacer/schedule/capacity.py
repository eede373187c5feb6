"""Capacity: the work blocks each day really has, resolved lazily along the calendar."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.calendar.days import Calendar, DayInfo
from pacer.plan.model import Block, DayTemplate, Plan
from pacer.record import record
from pacer.schedule.ramp import RampDay, lighter, ramp_days


@record
class Stretch:
    """A catch-up choice: from `start` to `end`, work blocks may run to their `max`."""

    start: date
    end: date

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end


@record
class DayCapacity:
    info: DayInfo
    template: DayTemplate
    work: tuple[tuple[Block, int], ...]  # each work block with the minutes it offers that day
    blocks: tuple[Block, ...] = ()  # the template's blocks on that day (DayTemplate.blocks_on)
    ramp: RampDay | None = None  # a first day back: its work blocks offer a share

    @property
    def minutes(self) -> int:
        return sum(m for _, m in self.work)


class Timeline:
    """Day capacities from a start date, extended on demand, with prefix sums of work minutes
    so that "how much capacity is there until date D" is one subtraction."""

    def __init__(
        self, plan: Plan, calendar: Calendar, start: date, stretches: tuple[Stretch, ...] = ()
    ) -> None:
        self.plan = plan
        self.calendar = calendar
        self.start = start
        self.stretches = stretches
        self.days: list[DayCapacity] = []
        self.cumulative: list[int] = [0]  # cumulative[i] = work minutes of days[:i]
        self._templates = {t.id: t for t in plan.day_templates}
        self.ramp = ramp_days(plan, calendar)  # the lighter first days back from absences

    def _extend_to(self, index: int) -> None:
        while len(self.days) <= index:
            d = self.start + timedelta(days=len(self.days))
            info = self.calendar.resolve(d)
            # Not in the plan's templates: pacer's day with nothing planned (an absence).
            template = self._templates.get(info.template) or self.plan.template(info.template)
            stretched = any(s.covers(d) for s in self.stretches)
            blocks = template.blocks_on(d)
            ramp = self.ramp.get(d)
            work = tuple(
                (b, _offer(b.max_minutes if stretched else b.minutes, ramp))
                for b in blocks
                if b.type == "work"
            )
            day = DayCapacity(info, template, work, blocks, ramp)
            self.days.append(day)
            self.cumulative.append(self.cumulative[-1] + day.minutes)

    def day(self, d: date) -> DayCapacity:
        index = (d - self.start).days
        self._extend_to(index)
        return self.days[index]

    def minutes_between(self, first: date, last: date) -> int:
        """Work minutes offered from `first` to `last`, both included."""
        if last < first:
            return 0
        i, j = (first - self.start).days, (last - self.start).days
        self._extend_to(j)
        return self.cumulative[j + 1] - self.cumulative[i]


def _offer(minutes: int, ramp: RampDay | None) -> int:
    """What a work block offers: its minutes (its max under a stretch), and on a first day
    back the ramp's share of that — habits and rituals are not work blocks: never lighter."""
    return minutes if ramp is None else lighter(minutes, ramp.share)
