"""iCalendar out and in: the projected blocks and the trips as events; trips from a calendar.

Pure: plans, day plans, trips and times go in, bytes come out, and back. Writing uses the
`icalendar` package. Reading scans the file's lines itself — fast on a calendar of 100,000
events, and one broken event never spoils the others — and hands the values of the events
that matter (dates, durations, time zones) to `icalendar`'s parsers.

Texts written into events (minutes, the name of a trip) follow the plan's language (its
`locale`), since the rest of each event — block and unit titles — is written in it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

import icalendar

from pacer.calendar.days import Trip
from pacer.i18n import Message
from pacer.i18n_catalog import CATALOG
from pacer.plan.model import DayTemplate, Plan
from pacer.schedule.projection import BlockPlan, DayPlan

try:  # the C blake2 module, without loading OpenSSL as hashlib does
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b as _blake2b

# When a template without `start` begins, if the normal week's template for that weekday has
# no `start` either.
DEFAULT_START = time(9, 0)
DEFAULT_WORDS: tuple[str, ...] = ("出差", "trip", "travel")
MAX_TRIP_DAYS = 367  # as `pacer trip add`: a trip may not be longer than a year


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


@dataclass(frozen=True, slots=True)
class TimedBlock:
    """One block of a day at its clock time (in the plan's time zone)."""

    block: BlockPlan
    start: datetime
    end: datetime


def block_times(plan: Plan, day: DayPlan, zone: tzinfo) -> list[TimedBlock]:
    """The day's blocks back to back from the template's start, each as long as its minutes
    (a work block as long as it offers that day: its max under a catch-up stretch)."""
    begin = template_start(plan, day.template, day.info.day)
    moment = datetime.combine(day.info.day, begin, tzinfo=zone)
    out = []
    for bp in day.blocks:
        minutes = bp.block.minutes
        if bp.block.type == "work":
            minutes = max(minutes, bp.capacity)
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


def _block_event(plan: Plan, tb: TimedBlock, stamp: datetime, say: _Say) -> icalendar.Event | None:
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
    return event


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
) -> bytes:
    """The calendar: each trip (with its imported UID, if any) as one all-day event (DTEND
    is the day after its last day), then each day's blocks at their times in the plan's time
    zone (with its VTIMEZONE). A work block with nothing placed gives no event. `stamp`
    (aware) is every event's DTSTAMP."""
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
        event.add("summary", trip.note or say("ics.trip"))
        event.add("dtstart", trip.start)
        event.add("dtend", trip.end + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    first = last = None
    for day in days:
        for tb in block_times(plan, day, zone):
            block_event = _block_event(plan, tb, stamp, say)
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


# -- in -------------------------------------------------------------------------------------
class NotACalendar(ValueError):
    """The bytes are not an iCalendar file: nothing in them is read."""


@dataclass(frozen=True, slots=True)
class FoundTrip:
    """An event that makes a trip: its UID, local dates (last inclusive), summary, line."""

    uid: str
    start: date
    end: date
    summary: str
    line: int


@dataclass(frozen=True, slots=True)
class SkippedEvent:
    """An event that may have been a trip but cannot be one, and why (`reason.key` is
    `ics.skip.<kind>`)."""

    line: int
    summary: str
    reason: Message

    @property
    def kind(self) -> str:
        return self.reason.key.rsplit(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class CalendarScan:
    events: int  # every VEVENT in the file
    found: tuple[FoundTrip, ...]
    skipped: tuple[SkippedEvent, ...]


def summary_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of the words, case-insensitive. A word that begins with a Latin letter or a digit
    must begin a word of the summary (`trip` finds "Trips" and "Business trip", not
    "Stripe"); others (出差) match anywhere, as Chinese has no spaces between words."""
    parts = []
    for word in words:
        part = re.escape(word)
        if word[:1].isascii() and word[:1].isalnum():
            part = r"(?<![0-9A-Za-z])" + part
        parts.append(part)
    return re.compile("|".join(parts), re.IGNORECASE)


_BREAK = re.compile(r"\r\n|\r|\n")
_CONTENT = re.compile(
    r'([A-Za-z0-9_-]+)((?:;[A-Za-z0-9_-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)',
    re.S,
)
_PARAM = re.compile(r';([A-Za-z0-9_-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
_ESCAPE = re.compile(r"\\(.)", re.S)
_UNESCAPED = {"n": "\n", "N": "\n"}
_DATE_ONLY = re.compile(r"\d{8}", re.ASCII)


def _unfold(text: str) -> Iterator[tuple[int, str]]:
    """Logical lines with the number of their first physical line (RFC 5545 folding: a line
    that starts with a space or a tab continues the one before)."""
    parts: list[str] = []
    first = 0
    for number, line in enumerate(_BREAK.split(text), 1):
        if parts and line[:1] in (" ", "\t"):
            parts.append(line[1:])
            continue
        if parts:
            yield first, "".join(parts)
        parts, first = [line], number
    if parts:
        yield first, "".join(parts)


def _text(value: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), value)


@dataclass(slots=True)
class _Event:
    line: int
    props: list[tuple[int, str]]  # the event's own lines (not those of its alarms)
    complete: bool = False


class _Skip(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def _structure(text: str) -> tuple[list[_Event], dict[str, str]]:
    """The events (each with its own lines) and the VTIMEZONE texts by TZID."""
    lines = _unfold(text)
    head = next(((n, line) for n, line in lines if line.strip()), None)
    if head is None or head[1].strip().upper() != "BEGIN:VCALENDAR":
        raise NotACalendar
    events: list[_Event] = []
    zones: dict[str, str] = {}
    stack = ["VCALENDAR"]  # components open outside events
    event: _Event | None = None
    inner: list[str] = []  # components open inside the event (alarms)
    zone_lines: list[str] | None = None
    for number, line in lines:
        upper = line[:6].upper()
        if upper == "BEGIN:":
            name = line[6:].strip().upper()
            if event is not None:
                if name == "VEVENT":  # the event before was never closed
                    event = _Event(number, [])
                    events.append(event)
                    inner = []
                else:
                    inner.append(name)
            elif zone_lines is not None:
                zone_lines.append(line)
            elif name == "VEVENT" and stack[-1:] == ["VCALENDAR"]:
                event = _Event(number, [])
                events.append(event)
            elif name == "VTIMEZONE" and stack[-1:] == ["VCALENDAR"]:
                zone_lines = [line]
            else:
                stack.append(name)
            continue
        if upper[:4] == "END:":
            name = line[4:].strip().upper()
            if event is not None:
                if inner:
                    if name in inner:
                        del inner[inner.index(name) :]
                    continue
                if name == "VEVENT":
                    event.complete = True
                    event = None
                    continue
                if name != "VCALENDAR":
                    continue
                event = None  # END:VCALENDAR inside an event: the event is cut off
            if zone_lines is not None:
                zone_lines.append(line)
                if name == "VTIMEZONE":
                    _keep_zone(zones, zone_lines)
                    zone_lines = None
                continue
            if name in stack:
                del stack[stack.index(name) :]
            continue
        if event is not None:
            if not inner:
                event.props.append((number, line))
        elif zone_lines is not None:
            zone_lines.append(line)
    return events, zones


def _keep_zone(zones: dict[str, str], lines: list[str]) -> None:
    for line in lines:
        if line[:5].upper() == "TZID:" or line[:5].upper() == "TZID;":
            tzid = _text(line.split(":", 1)[1]).strip()
            zones.setdefault(tzid, "\r\n".join(lines) + "\r\n")
            return


def _split(number: int, line: str) -> tuple[str, dict[str, str], str]:
    match = _CONTENT.fullmatch(line)
    if match is None:
        raise _Skip(Message("ics.skip.bad_line", line=number))
    params = {m.group(1).upper(): m.group(2).strip('"') for m in _PARAM.finditer(match.group(2))}
    return match.group(1).upper(), params, match.group(3)


def _summary(event: _Event) -> str | None:
    for _, line in event.props:
        if line[:7].upper() == "SUMMARY" and line[7:8] in (":", ";"):
            match = _CONTENT.fullmatch(line)
            return _text(match.group(3)) if match else line.split(":", 1)[-1]
    return None


class _Zones:
    """TZID -> tzinfo: an IANA name or a Windows name (through icalendar), a vendor-prefixed
    IANA name, else the file's own VTIMEZONE."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.known: dict[str, tzinfo | None] = {}

    def __call__(self, tzid: str) -> tzinfo | None:
        if tzid not in self.known:
            self.known[tzid] = self._find(tzid)
        return self.known[tzid]

    def _find(self, tzid: str) -> tzinfo | None:
        from icalendar.timezone import tzp

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a guessed vendor prefix is still the best guess
            zone = None
            # A "globally unique" TZID (/mozilla.org/20050126_1/Europe/Berlin, from
            # Lightning or Evolution) ends with the IANA name: try the longest ending first.
            parts = tzid.strip("/").split("/")
            names = [tzid] + (
                ["/".join(parts[i:]) for i in range(1, len(parts))] if tzid.startswith("/") else []
            )
            for name in names:
                try:
                    zone = tzp.timezone(name)
                except Exception:  # an impossible name: not a zone
                    zone = None
                if zone is not None:
                    break
            if zone is None and tzid in self.texts:
                try:
                    component = icalendar.Timezone.from_ical(self.texts[tzid])
                    assert isinstance(component, icalendar.Timezone)
                    zone = component.to_tz()
                except Exception:  # a broken VTIMEZONE: the zone stays unknown
                    zone = None
        return zone


def _when(prop: str, params: dict[str, str], raw: str, zones: _Zones) -> date | datetime:
    """A DTSTART/DTEND value: a date (YYYYMMDD: a date has no time zone, whatever TZID
    says), or a datetime, aware when it has Z or a TZID, naive when floating."""
    value = raw.strip()
    try:
        if _DATE_ONLY.fullmatch(value):  # with VALUE=DATE or without, whatever TZID says
            day: date = icalendar.vDate.from_ical(value)  # type: ignore[no-untyped-call]
            return day
        moment: datetime = icalendar.vDatetime.from_ical(value)  # type: ignore[no-untyped-call]
    except Exception:
        raise _Skip(Message("ics.skip.bad_value", prop=prop, raw=value)) from None
    tzid = params.get("TZID")
    if moment.tzinfo is None and tzid:
        zone = zones(tzid)
        if zone is None:
            raise _Skip(Message("ics.skip.unknown_zone", tzid=tzid))
        moment = moment.replace(tzinfo=zone)
    return moment


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    """The person's wall-clock time of a moment (a floating time already is one)."""
    if moment.tzinfo is None:
        return moment
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return local.replace(tzinfo=None)


class _Reader:
    def __init__(self, zones: _Zones, local: tzinfo | None) -> None:
        self.zones = zones
        self.local = local
        self.uids: dict[str, int] = {}

    def trip(self, event: _Event, summary: str) -> FoundTrip:
        if not event.complete:
            raise _Skip(Message("ics.skip.incomplete"))
        props: dict[str, tuple[dict[str, str], str]] = {}
        for number, line in event.props:
            if not line.strip():
                continue
            name, params, value = _split(number, line)
            props.setdefault(name, (params, value))
        if props.get("STATUS", ({}, ""))[1].strip().upper() == "CANCELLED":
            raise _Skip(Message("ics.skip.cancelled"))
        if any(k in props for k in ("RRULE", "RDATE", "RECURRENCE-ID")):
            raise _Skip(Message("ics.skip.repeating"))
        first, last = self.dates(props)
        uid = _text(props.get("UID", ({}, ""))[1]).strip()
        if not uid:  # no UID: one made from what the event says, the same on every import
            basis = f"{first}/{last}/{summary}".encode()
            uid = f"pacer-{_blake2b(basis, digest_size=10).hexdigest()}@import"
        if uid in self.uids:
            raise _Skip(Message("ics.skip.duplicate_uid", uid=uid, first=self.uids[uid]))
        self.uids[uid] = event.line
        return FoundTrip(uid, first, last, summary, event.line)

    def dates(self, props: dict[str, tuple[dict[str, str], str]]) -> tuple[date, date]:
        if "DTSTART" not in props or not props["DTSTART"][1].strip():
            raise _Skip(Message("ics.skip.no_start"))
        start = _when("DTSTART", *props["DTSTART"], self.zones)
        end: date | datetime | None = None
        try:  # a date at the edge of the calendar (year 1 or 9999) may not move a day
            if "DTEND" in props and props["DTEND"][1].strip():
                end = _when("DTEND", *props["DTEND"], self.zones)
            elif "DURATION" in props and props["DURATION"][1].strip():
                raw = props["DURATION"][1].strip()
                try:
                    length = icalendar.vDuration.from_ical(raw)  # type: ignore[no-untyped-call]
                except Exception:
                    raise _Skip(Message("ics.skip.bad_value", prop="DURATION", raw=raw)) from None
                end = start + length
            return self._span(start, end)
        except OverflowError:
            raise _Skip(Message("ics.skip.out_of_range")) from None

    def _span(self, start: date | datetime, end: date | datetime | None) -> tuple[date, date]:
        timed = isinstance(start, datetime)
        begin = _wall(start, self.local) if isinstance(start, datetime) else None
        first = begin.date() if begin is not None else start
        if end is None:
            last = first
        elif isinstance(end, datetime):
            finish = _wall(end, self.local)
            if finish < (begin or datetime.combine(first, time())):
                raise _Skip(Message("ics.skip.end_before_start", start=first, end=finish.date()))
            last = finish.date()
            if finish.time() == time() and finish > (begin or datetime.combine(first, time())):
                last -= timedelta(days=1)  # ends at midnight: the day before was the last
        elif end < first:
            raise _Skip(Message("ics.skip.end_before_start", start=first, end=end))
        else:
            last = max(first, end - timedelta(days=1))  # DTEND is exclusive; = DTSTART: one day
        if timed and last <= first:
            raise _Skip(Message("ics.skip.within_day", day=first))
        if (last - first).days + 1 > MAX_TRIP_DAYS:
            raise _Skip(Message("ics.skip.too_long", start=first, end=last))
        return first, last


def _decode(data: bytes) -> tuple[str, bool]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), False


def scan_trips(data: bytes, words: Sequence[str], local: tzinfo | None) -> CalendarScan:
    """The trips in a calendar file: all-day or multi-day events whose SUMMARY has one of
    `words`, as local dates in `local` (None: the machine's zone).

    A timed event ending at midnight ends the day before. Every matching event that cannot
    be a trip is in `skipped` with the reason; so is an event whose summary cannot be read
    because the file is not UTF-8 (it might have been a trip). Raises NotACalendar when the
    file does not begin with BEGIN:VCALENDAR.
    """
    text, utf8 = _decode(data)
    events, zone_texts = _structure(text)
    pattern = summary_pattern(words)
    reader = _Reader(_Zones(zone_texts), local)
    found: list[FoundTrip] = []
    skipped: list[SkippedEvent] = []
    for event in events:
        summary = _summary(event)
        if summary is None:
            continue
        note = " ".join(summary.split())
        if not pattern.search(note):
            if not utf8 and "\ufffd" in note:
                skipped.append(SkippedEvent(event.line, note, Message("ics.skip.not_utf8")))
            continue
        try:
            found.append(reader.trip(event, note))
        except _Skip as skip:
            skipped.append(SkippedEvent(event.line, note, skip.message))
    return CalendarScan(len(events), tuple(found), tuple(skipped))
