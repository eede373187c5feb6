"""Public holidays and makeup workdays from the `holidays` library (imported only here)."""

from __future__ import annotations

import re
from datetime import date

from pacer.calendar.days import HolidayTable


def load_holiday_table(
    country: str | None, years: range, subdivision: str | None = None
) -> HolidayTable:
    """Look up holidays and makeup workdays (of a subdivision too: DE + BE has Berlin's own);
    years the library has no special data for are listed so that the caller can say once
    that they may be incomplete."""
    if country is None:
        return HolidayTable(None, years=tuple(years))
    import holidays  # heavy: only when the compiled plan cache is cold

    try:
        en = holidays.country_holidays(
            country, subdiv=subdivision, years=list(years), language="en_US"
        )
    except NotImplementedError:
        return HolidayTable(country, years=tuple(years), years_without_data=tuple(years))
    try:
        zh = holidays.country_holidays(
            country, subdiv=subdivision, years=list(years), language="zh_CN"
        )
    except (NotImplementedError, ValueError):
        zh = en
    names_zh: dict[date, str] = {d: _iso_dates(n) for d, n in zh.items()}
    days = tuple(
        sorted((d, _iso_dates(name), names_zh.get(d, _iso_dates(name))) for d, name in en.items())
    )
    workdays: set[date] = set(getattr(en, "weekend_workdays", ()))
    makeup = tuple(sorted(_makeup_entry(d, days) for d in workdays if d.year in years))
    missing: tuple[int, ...] = ()
    if workdays:
        # Only a country whose days off are announced year by year, with weekend days moved
        # to make bridges (China's 调休), can lack a year: its last announced year is the
        # last with such a moved day. Germany's or Japan's holidays follow fixed rules and
        # are complete for every year (the library's "special" days say nothing of that).
        last = max(d.year for d in workdays)
        missing = tuple(y for y in years if y > last)
    # In a year not announced yet, the library computes "observed" days off by rule; the
    # real ones may differ, so they are provisional until the data for that year exists.
    provisional = tuple(d for d, name, _ in days if d.year in missing and _OBSERVED in name)
    return HolidayTable(country, days, makeup, tuple(years), missing, provisional)


_OBSERVED = "(observed)"
_US_DATE = re.compile(r"\b(\d\d)/(\d\d)/(\d{4})\b", re.ASCII)
_SUBSTITUTED = re.compile(r"substituted from (\d{4})-(\d\d)-(\d\d)", re.ASCII)


def _iso_dates(name: str) -> str:
    """The library writes dates inside names as MM/DD/YYYY ("substituted from 01/04/2026"),
    which reads as April in most of the world: ISO dates read the same everywhere."""
    return _US_DATE.sub(r"\3-\1-\2", name)


def _makeup_entry(d: date, days: tuple[tuple[date, str, str], ...]) -> tuple[date, str, str]:
    """A makeup workday and the name of the festival it pays for.

    The library names the day off "Day off (substituted from MM/DD/YYYY)"; the festival is the
    real holiday nearest to that day off (or to the makeup day, when no day off names it).
    """
    anchor = d
    for day, name, _ in days:
        m = _SUBSTITUTED.search(name)
        if m and date(int(m.group(1)), int(m.group(2)), int(m.group(3))) == d:
            anchor = day
    real = [h for h in days if "substitut" not in h[1].lower() and "observed" not in h[1].lower()]
    if not real:
        return (d, "", "")
    near = min(real, key=lambda h: (abs((h[0] - anchor).days), h[0]))
    return (d, near[1], near[2])
