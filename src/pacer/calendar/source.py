"""Public holidays and makeup workdays from the `holidays` library (imported only here)."""

from __future__ import annotations

import re
from datetime import date

from pacer.calendar.days import HolidayTable


def load_holiday_table(country: str | None, years: range) -> HolidayTable:
    """Look up holidays and makeup workdays; years the library has no special data for are
    listed so that the caller can say once that they may be incomplete."""
    if country is None:
        return HolidayTable(None, years=tuple(years))
    import holidays  # heavy: only when the compiled plan cache is cold

    try:
        en = holidays.country_holidays(country, years=list(years), language="en_US")
    except NotImplementedError:
        return HolidayTable(country, years=tuple(years), years_without_data=tuple(years))
    try:
        zh = holidays.country_holidays(country, years=list(years), language="zh_CN")
    except (NotImplementedError, ValueError):
        zh = en
    names_zh: dict[date, str] = dict(zh.items())
    days = tuple(sorted((d, name, names_zh.get(d, name)) for d, name in en.items()))
    workdays: set[date] = set(getattr(en, "weekend_workdays", ()))
    makeup = tuple(sorted(_makeup_entry(d, days) for d in workdays if d.year in years))
    special = getattr(en, "special_public_holidays", None)
    missing: tuple[int, ...] = ()
    if special:
        # Countries whose holidays are announced year by year (China's 调休) carry
        # per-year data; a year past the last one known has no makeup workdays yet.
        known = set(special)
        missing = tuple(y for y in years if y not in known and y > max(known))
    return HolidayTable(country, days, makeup, tuple(years), missing)


_SUBSTITUTED = re.compile(r"substituted from (\d\d)/(\d\d)/(\d{4})")


def _makeup_entry(d: date, days: tuple[tuple[date, str, str], ...]) -> tuple[date, str, str]:
    """A makeup workday and the name of the festival it pays for.

    The library names the day off "Day off (substituted from MM/DD/YYYY)"; the festival is the
    real holiday nearest to that day off (or to the makeup day, when no day off names it).
    """
    anchor = d
    for day, name, _ in days:
        m = _SUBSTITUTED.search(name)
        if m and date(int(m.group(3)), int(m.group(1)), int(m.group(2))) == d:
            anchor = day
    real = [h for h in days if "substitut" not in h[1].lower() and "observed" not in h[1].lower()]
    if not real:
        return (d, "", "")
    near = min(real, key=lambda h: (abs((h[0] - anchor).days), h[0]))
    return (d, near[1], near[2])
