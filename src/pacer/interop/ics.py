"""iCalendar out: the projected blocks and the trips as events (reading: ics_read.py).

Pure: plans, day plans, trips and times go in, bytes come out, written with the `icalendar`
package.

Texts written into events (minutes, the name of a trip) follow the plan's language (its
`locale`), since the rest of each event — block and unit titles — is written in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

import icalendar

from pacer.calendar.days import Trip
from pacer.i18n_catalog import CATALOG
from pacer.plan.model import DayTemplate, Plan
from pacer.record import record
from pacer.schedule.projection import BlockPlan, DayPlan

try:  # the C blake2 module, without loading OpenSSL as hashlib does
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b as _blake2b

# When a template without `start` begins, if the normal week's template for that weekday has
# no `start` either.
DEFAULT_START = time(9, 0)


# -- out ------------------------------------------------------------------------------------
def _lang(plan: Plan) -> int:
    return 1 if plan.locale.lower().startswith("zh") else 0


def template_start(plan: Plan, template: DayTemplate, day: date) -> time:
    """When the day's first block begins: the template's `start`; else the `start` of the
    template the normal week gives that weekday (a travel or holiday day keeps the hour of
    the day it replaces); else 09:00."""
    normal = plan.template(plan.shape("normal").days[day.weekday()])
    for candidate in (template, normal):
        if candidate.start:
            hours, minutes = candidate.start.split(":")
            return time(int(hours), int(minutes))
    return DEFAULT_START


@record
class TimedBlock:
    """One block of a day at its clock time (in the plan's time zone)."""

    block: BlockPlan
    start: datetime
    end: datetime


def block_times(plan: Plan, day: DayPlan, zone: tzinfo) -> list[TimedBlock]:
    """The day's blocks back to back from the template's start, each as long as its minutes
    (a work block as long as it offers that day: its max under a catch-up stretch, its share
    on a first day back).

    A start before the plan's `day_starts` is after midnight, in the small hours that still
    belong to this study day: on the next calendar date (a night shift's 02:00 block)."""
    begin = template_start(plan, day.template, day.info.day)
    on = day.info.day
    if begin.strftime("%H:%M") < plan.day_starts:
        on += timedelta(days=1)
    moment = datetime.combine(on, begin, tzinfo=zone)
    out = []
    for bp in day.blocks:
        minutes = day.asks(bp)[0]
        if bp.block.type == "work" and day.ramp is None:
            minutes = max(minutes, bp.capacity)  # stretched by a catch-up: up to its max
        end = moment + timedelta(minutes=minutes)
        out.append(TimedBlock(bp, moment, end))
        moment = end
    return out


def block_uid(plan: Plan, day: date, block_id: str) -> str:
    """Stable: the same date and block always make the same event, so a calendar app updates
    it on the next import (a block id is unique within a day's template)."""
    return f"{plan.id}-{day:%Y%m%d}-{block_id}@pacer"


def trip_uid(trip: Trip, imported_uid: str | None) -> str:
    """Stable: an imported trip's from its calendar UID (so removing and importing it again
    keeps the event), another trip's from its id. Never the calendar's own UID: pacer's
    event must not replace the person's."""
    if imported_uid:
        digest = _blake2b(imported_uid.encode("utf-8"), digest_size=8).hexdigest()
        return f"trip-{digest}@pacer"
    return f"trip-{trip.id}@pacer"


def _block_event(
    plan: Plan, tb: TimedBlock, stamp: datetime, say: _Say, alarm: int
) -> icalendar.Event | None:
    bp, block = tb.block, tb.block.block
    lines: list[str] = []
    summary = block.title
    if block.type == "work":
        if not bp.items:
            return None  # nothing to do in it that day: the slot stays free
        units = [plan.unit(p.unit) for p in bp.items]
        summary = f"{block.title} · {' + '.join(u.title for u in units)}"
        for unit, placed in zip(units, bp.items, strict=True):
            minutes = say("ics.minutes", n=placed.minutes)
            lines.append(f"{unit.title} · {minutes} ({unit.id})")
    for step in block.steps:
        minutes = say("ics.minutes", n=step.minutes)
        lines.append(f"{step.title} · {minutes}" + (f" — {step.detail}" if step.detail else ""))
    if block.type == "ritual":
        lines += [f"• {p.text}" for p in plan.review.prompts]
    if block.detail:
        lines.append(block.detail)
    event = icalendar.Event()
    event.add("uid", block_uid(plan, tb.start.date(), block.id))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", tb.start)
    event.add("dtend", tb.end)
    if lines:
        event.add("description", "\n".join(lines))
    if alarm:
        event.add_component(_alarm(alarm, summary))
    return event


def _alarm(minutes: int, text: str) -> icalendar.Alarm:
    """A reminder `minutes` before the event starts, showing its summary (DESCRIPTION is
    required of a DISPLAY alarm)."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(minutes=-minutes))
    alarm.add("description", text)
    return alarm


class _Say:
    def __init__(self, lang: int) -> None:
        self.lang = lang

    def __call__(self, key: str, **args: object) -> str:
        return CATALOG[key][self.lang].format(**args)


def calendar_ics(
    plan: Plan,
    days: Sequence[DayPlan],
    trips: Sequence[tuple[Trip, str | None]],
    stamp: datetime,
    alarms: bool = True,
) -> bytes:
    """The calendar: each trip (with its imported UID, if any) as one all-day event (DTEND
    is the day after its last day), then each day's blocks at their times in the plan's time
    zone — or in the zone of the absence the day is in (`trip add --tz`) — with a VTIMEZONE
    for each zone used. A work block with nothing placed gives no event. `stamp`
    (aware) is every event's DTSTAMP. With `alarms`, each block's event reminds the plan's
    `alarm` minutes before (its template's, if it sets one; 0: no reminder)."""
    from zoneinfo import ZoneInfo

    say = _Say(_lang(plan))
    zone = ZoneInfo(plan.timezone)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//pacer//pacer//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan.title)
    cal.add("x-wr-timezone", plan.timezone)
    for trip, uid in trips:
        event = icalendar.Event()
        event.add("uid", trip_uid(trip, uid))
        event.add("dtstamp", stamp)
        absence = plan.absence(trip.kind)
        title = absence.title if absence is not None else ""  # the plan's word for its kind
        event.add("summary", trip.note or title or say("ics.trip"))
        event.add("dtstart", trip.start)
        event.add("dtend", trip.end + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    first = last = None
    for day in days:
        # On the days of an absence with its own zone (`trip add --tz`), the blocks keep
        # their hours there: 20:00 in Tokyo, not 20:00 at home.
        away = day.info.trip
        day_zone = ZoneInfo(away.tz) if away is not None and away.tz else zone
        alarm = plan.alarm_of(day.template) if alarms else 0
        for tb in block_times(plan, day, day_zone):
            block_event = _block_event(plan, tb, stamp, say, alarm)
            if block_event is None:
                continue
            cal.add_component(block_event)
            first = first or tb.start.date()
            last = tb.end.date()
    if first is not None and last is not None:
        # The VTIMEZONE for the times used, before the events (where every icalendar
        # version puts it, so the file is the same whichever one writes it).
        for at, tzid in enumerate(sorted(cal.get_missing_tzids())):
            definition = icalendar.Timezone.from_tzid(
                tzid, first_date=first, last_date=last + timedelta(days=1)
            )
            cal.subcomponents.insert(at, definition)
    data: bytes = cal.to_ical()
    return data
