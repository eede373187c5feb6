"""The days of a period that count: inside the plan's span and not after today (one rule)."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.plan.model import Plan
from pacer.record import record


@record
class DayRange:
    """Consecutive days, `first` to `last` inclusive (never empty)."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def dates(self) -> tuple[date, ...]:
        return tuple(self.first + timedelta(days=i) for i in range(self.days))


def counted_range(first: date, last: date, plan: Plan, today: date) -> DayRange | None:
    """The days from `first` to `last` that any "N of M days" may count: those inside the
    plan's span and not after `today` (the day the count stands on). None when no day is
    left (a period before the plan, after it, or still ahead). Entries on other days never
    count: a day the plan does not cover asked nothing, and a day still ahead cannot have
    been kept yet, whatever was typed for it."""
    start = max(first, plan.start)
    end = min(last, plan.end, today)
    return DayRange(start, end) if start <= end else None
