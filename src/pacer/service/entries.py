"""What may be recorded: the checks that refuse entries that are plainly mistakes.

The CLI and the web call the same functions, so that both refuse the same inputs in the
same words: a day that has not come, a day outside the plan, a metric value outside the
metric's range. (A unit already done is refused where the entry is written, store/log.py,
inside the writing transaction.)
"""

from __future__ import annotations

from datetime import date, timedelta

from pacer.bounds import range_text
from pacer.errors import InputError
from pacer.i18n import Message
from pacer.plan.model import Metric, Plan


def entry_refusal(plan: Plan, day: date, today: date) -> Message | None:
    """Why nothing may be logged on `day` as seen on `today` (None: it may be): a day after
    today, with the day the person probably meant; a day outside the plan, with its span."""
    if day > today:
        return Message("entry.future", day=day, today=today, hint=_hint(plan, day, today))
    if not plan.start <= day <= plan.end:
        return Message("entry.outside_plan", day=day, start=plan.start, end=plan.end)
    return None


def check_entry_day(plan: Plan, day: date, today: date) -> date:
    """`day` itself, or InputError (exit 2, HTTP 400) saying why it takes no entry."""
    refusal = entry_refusal(plan, day, today)
    if refusal is not None:
        raise InputError(refusal)
    return day


def check_reading_day(day: date, today: date, plan: Plan) -> date:
    """A metric value's day: never after today. (Before the plan is fine: a first
    measurement often comes before the plan starts.)"""
    if day > today:
        raise InputError(
            Message("entry.future", day=day, today=today, hint=_hint(plan, day, today))
        )
    return day


def meant_day(plan: Plan, day: date, today: date) -> date | None:
    """The day a person who typed `day` (after today) most likely meant: the same date with
    the year of today (a slip of the year), with day and month swapped (2026-09-03 for
    2026-03-09), or one month earlier (a slip of the month); the first of these that is
    neither after today nor outside the plan. None when none is."""
    candidates: list[date] = []
    for year, month, mday in (
        (today.year, day.month, day.day),
        (day.year, day.day, day.month),
        (day.year - (day.month == 1), (day.month - 2) % 12 + 1, day.day),
    ):
        try:
            candidates.append(date(year, month, mday))
        except ValueError:  # 29 February of another year, a day number that is no month
            continue
    for candidate in candidates:
        if candidate != day and candidate <= today and plan.start <= candidate <= plan.end:
            return candidate
    return None


def _hint(plan: Plan, day: date, today: date) -> Message:
    """What to type instead: the day meant when a slip explains the date (not for tomorrow,
    which is no slip of a digit), else yesterday, else any day up to today."""
    meant = None if day == today + timedelta(days=1) else meant_day(plan, day, today)
    if meant is not None:
        return Message("entry.hint.meant", day=meant)
    if plan.start <= today - timedelta(days=1) <= plan.end:
        return Message("entry.hint.yesterday")
    return Message("entry.hint.up_to", today=today)


# -- metric values -------------------------------------------------------------------------------
def check_metric_value(metric: Metric, value: float) -> float:
    """`value` itself, or InputError when it is outside the metric's range: the plan's
    `min`/`max` (a `%` metric: 0 to 100 unless the plan says otherwise; the loader fills
    that in)."""
    low, high = metric.minimum, metric.maximum
    if (low is None or value >= low) and (high is None or value <= high):
        return value
    shown = range_text(
        None if low is None else _amount(metric, low),
        None if high is None else _amount(metric, high),
    )
    raise InputError(
        Message("metric.out_of_range", value=_amount(metric, value), id=metric.id, range=shown)
    )


def _amount(metric: Metric, value: float) -> str:
    """A value as the metric shows it: at most two decimals, with its unit (55%, 30 bpm)."""
    text = f"{round(value, 2) + 0.0:.2f}".rstrip("0").rstrip(".")
    if not metric.unit:
        return text
    return f"{text}{metric.unit}" if metric.unit == "%" else f"{text} {metric.unit}"
