"""ISO weeks (2026-W10) and review streaks: small, for the today path."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from pacer.plan.model import WEEKDAYS
from pacer.record import ordered_record

_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$", re.ASCII)


@ordered_record
class IsoWeek:
    """An ISO 8601 week (Monday to Sunday), written 2026-W10."""

    year: int
    week: int

    @classmethod
    def of(cls, d: date) -> IsoWeek:
        year, week, _ = d.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek | None:
        """2026-W10 (also 2026W10, 2026-w10); None when it names no week."""
        match = _WEEK.match(text.strip())
        if match is None:
            return None
        try:
            return cls.of(date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1))
        except ValueError:
            return None

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def day(self, weekday: str) -> date:
        """The date of `weekday` (mon..sun) in this week."""
        return self.monday + timedelta(days=WEEKDAYS.index(weekday))

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def previous(self) -> IsoWeek:
        return IsoWeek.of(self.monday - timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def streak(reviewed: Iterable[IsoWeek], due: IsoWeek) -> int:
    """Consecutive weeks with a review, ending at the week that is due (0 when that one has
    none yet)."""
    weeks = set(reviewed)
    count = 0
    while due in weeks:
        count += 1
        due = due.previous()
    return count
