"""Week patterns in the plan: `calendar.rotation`, `calendar.periods`, overrides by shape."""

from __future__ import annotations

from datetime import timedelta

from pacer.i18n import Message
from pacer.plan.model import WEEKDAYS, CalendarOverride, CalendarPeriod, Rotation
from pacer.plan.reader import Reader
from pacer.plan.yamlnodes import Located

CALENDAR_KEYS = ("rotation", "periods", "roster_templates")


def read_rotation(r: Reader, node: Located | None) -> Rotation | None:
    """`rotation: {start: DATE, weeks: [SHAPE…]}` or `{start: DATE, days: [TEMPLATE…]}`."""
    f = r.mapping(node, "calendar.rotation", ("start",), ("weeks", "days"))
    if f is None:
        return None
    assert node is not None
    start = r.day(f.get("start"), "calendar.rotation.start")
    if ("weeks" in f) == ("days" in f):
        r.err(node.loc, "rota.plan.rotation_one_of")
        return None
    key = "weeks" if "weeks" in f else "days"
    kind = "shape" if key == "weeks" else "template"
    where = f"calendar.rotation.{key}"
    items = r.seq(f[key], where)
    cycle = tuple(r.ref(kind, n, where) for n in items)
    if not items and isinstance(f[key].value, list):
        r.err(f[key].loc, "rota.plan.rotation_empty", where=where)
        return None
    if start is None or not cycle:
        return None
    if key == "weeks" and start.weekday() != 0:
        monday = start - timedelta(days=start.weekday())
        r.err(
            f["start"].loc,
            "rota.plan.rotation_not_monday",
            day=start,
            weekday=Message(f"weekday.{WEEKDAYS[start.weekday()]}"),
            monday=monday,
        )
        return None
    return Rotation(start, cycle, ()) if key == "weeks" else Rotation(start, (), cycle)


def read_periods(r: Reader, node: Located | None) -> tuple[CalendarPeriod, ...]:
    """`periods: [{from: DATE, to: DATE, shape: SHAPE, reason: TEXT}]`; periods never overlap
    (one period decides a day, and which would be a guess)."""
    out: list[tuple[CalendarPeriod, int]] = []
    for n in r.seq(node, "calendar.periods"):
        f = r.mapping(n, "calendar.periods[]", ("from", "to", "shape"), ("reason",))
        if f is None:
            continue
        start, end = r.day(f.get("from"), "from"), r.day(f.get("to"), "to")
        shape = r.ref("shape", f.get("shape"), "calendar.periods[].shape")
        if start is None or end is None:
            continue
        if end < start:
            r.err(f["to"].loc, "rota.plan.period_order", start=start, end=end)
            continue
        period = CalendarPeriod(start, end, shape, r.text(f.get("reason"), "reason"))
        other = next((o for o in out if o[0].start <= end and start <= o[0].end), None)
        if other is not None:
            r.err(n.loc, "rota.plan.period_overlap", start=start, end=end, line=other[1])
            continue
        out.append((period, n.loc.line))
    return tuple(p for p, _ in out)


def read_override(r: Reader, n: Located) -> CalendarOverride | None:
    """One `overrides` entry: a date and exactly one of `template` or `shape`."""
    f = r.mapping(n, "calendar.overrides[]", ("date",), ("template", "shape", "reason"))
    if f is None:
        return None
    d = r.day(f.get("date"), "date")
    if ("template" in f) == ("shape" in f):
        r.err(n.loc, "rota.plan.override_one_of")
        return None
    reason = r.text(f.get("reason"), "reason")
    if "shape" in f:
        shape = r.ref("shape", f["shape"], "shape")
        return CalendarOverride(d, "", reason, shape) if d else None
    tid = r.ref("template", f["template"], "template")
    return CalendarOverride(d, tid, reason) if d else None


def read_roster_templates(r: Reader, node: Located | None) -> tuple[str, ...]:
    """`roster_templates: [TEMPLATE…]`: the templates only a roster import sets."""
    where = "calendar.roster_templates"
    return tuple(r.ref("template", n, where) for n in r.seq(node, where))
