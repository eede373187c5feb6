"""A curriculum's window: `from`/`to` as a month (YYYY-MM) or a day (YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date

from pacer.plan.model import Month
from pacer.plan.problems import Loc
from pacer.plan.reader import Reader
from pacer.plan.yamlnodes import BadDate, Located, Timestamp, is_date

_MONTHISH = re.compile(r"^\d{4}-\d{1,2}$", re.ASCII)  # 2026-3, 2026-13: told what a month is
Edge = tuple[Month | None, date | None]  # the month, and the day when one was written


def read_window(
    r: Reader,
    f: dict[str, Located],
    month_locs: list[tuple[Month, Loc]],
    day_locs: list[tuple[date, Loc]],
) -> tuple[Edge, Edge]:
    """`from` and `to`: a month means its first (from) or last (to) day. Months go to
    `month_locs` and days to `day_locs`, checked against the plan's span once it is known."""
    start = _edge(r, f.get("from"), "from", month_locs, day_locs)
    end = _edge(r, f.get("to"), "to", month_locs, day_locs)
    (m0, d0), (m1, d1) = start, end
    if m0 is not None and m1 is not None:
        first = d0 or m0.first_day()
        last = d1 or m1.last_day()
        if last < first:
            if d0 is None and d1 is None:
                r.err(f["to"].loc, "plan.month_order", start=m0, end=m1)
            else:
                r.err(f["to"].loc, "regions.window_order", start=d0 or m0, end=d1 or m1)
    return start, end


def _edge(
    r: Reader,
    node: Located | None,
    where: str,
    month_locs: list[tuple[Month, Loc]],
    day_locs: list[tuple[date, Loc]],
) -> Edge:
    if node is None:
        return None, None
    value = node.value
    if isinstance(value, (BadDate, Timestamp)) or is_date(value):
        day = r.day(node, where)  # reports an impossible date or a time of day
        if day is None:
            return None, None
        day_locs.append((day, node.loc))
        return Month.of(day), day
    if isinstance(value, str) and _MONTHISH.match(value):
        month = r.month(node, where)
        if month is not None:
            month_locs.append((month, node.loc))
        return month, None
    r.err(node.loc, "regions.want_month_or_date", raw=node.raw or value, where=where)
    return None, None
