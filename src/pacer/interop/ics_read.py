"""iCalendar in: trips from a calendar file, dated where each event happens.

Pure: bytes, words, the plan's zone and span go in, trips and the reasons for skipped events
come out. The file's lines are scanned here — fast on a calendar of 100,000 events, and one
broken event never spoils the others — and only the values of the events that matter (dates,
durations, time zones) go to `icalendar`'s parsers; a repeating event goes, with its changed
occurrences, to `recurring-ical-events` (imported only then).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TypeVar

import icalendar

from pacer.i18n import Message
from pacer.record import record

try:  # the C blake2 module, without loading OpenSSL as hashlib does
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b as _blake2b

DEFAULT_WORDS: tuple[str, ...] = ("出差", "trip", "travel")
MAX_TRIP_DAYS = 367  # as `pacer trip add`: a trip may not be longer than a year


class NotACalendar(ValueError):
    """The bytes are not an iCalendar file: nothing in them is read."""


@record
class FoundTrip:
    """An event that makes a trip: its UID (for one occurrence of a repeating event, the
    UID, `#` and its recurrence id), dates (last inclusive), summary, line."""

    uid: str
    start: date
    end: date
    summary: str
    line: int


@record
class SkippedEvent:
    """An event that may have been a trip but cannot be one, and why (`reason.key` is
    `ics.skip.<kind>`)."""

    line: int
    summary: str
    reason: Message

    @property
    def kind(self) -> str:
        return self.reason.key.rsplit(".", 1)[-1]


@record
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


_BREAK = re.compile(rb"\r\n|\r|\n")
_TEXT_BREAK = re.compile(r"\r\n|\r|\n")
_CONTENT = re.compile(
    r'([A-Za-z0-9_-]+)((?:;[A-Za-z0-9_-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)',
    re.S,
)
_PARAM = re.compile(r';([A-Za-z0-9_-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
_ESCAPE = re.compile(r"\\(.)", re.S)
_UNESCAPED = {"n": "\n", "N": "\n"}
_DATE_ONLY = re.compile(r"\d{8}", re.ASCII)
_DATE_TIME = re.compile(r"(\d{8})T\d{6}Z?", re.ASCII)
# Outlook's (and Funambol's) word for "this event is all-day", whatever its times say.
_ALL_DAY_FLAGS = (
    "X-MICROSOFT-CDO-ALLDAYEVENT",
    "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT",
    "X-FUNAMBOL-ALLDAY",
)
_DATE_PROPS = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"})
_SUB_DAILY = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
# A time in one of these is a UTC stamp, not a place (tzutc() is dateutil's).
_UTC_NAMES = frozenset(
    {
        "UTC",
        "Etc/UTC",
        "Etc/Universal",
        "Universal",
        "Zulu",
        "Etc/Zulu",
        "GMT",
        "Etc/GMT",
        "tzutc()",
    }
)
# UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_Props = dict[str, tuple[dict[str, str], str]]
_L = TypeVar("_L", str, bytes)


def _utf8(data: bytes) -> tuple[bytes, bool]:
    """The file as UTF-8 bytes, and whether it decoded cleanly. A UTF-8 byte order mark is
    dropped; a UTF-16 or UTF-32 file (by its byte order mark, or UTF-16 by the zero bytes
    around `BE` of BEGIN) is decoded and written again as UTF-8. UTF-8 itself is decoded
    later, line by line, after unfolding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:], True
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if codec is None and data[:4] in (b"B\x00E\x00", b"\x00B\x00E"):
        codec = "utf-16-le" if data[:1] == b"B" else "utf-16-be"
    if codec is None:
        return data, True
    try:
        text, clean = data.decode(codec), True
    except UnicodeDecodeError:
        text, clean = data.decode(codec, errors="replace"), False
    return text.lstrip("\ufeff").encode("utf-8"), clean


class _Lines:
    """The logical lines of a calendar's bytes, each with the number of its first physical
    line. Unfolding (a line that starts with a space or a tab continues the one before)
    joins bytes, not characters: RFC 5545 folds at 75 octets, so a fold may fall inside a
    UTF-8 character. Each joined line is then decoded; `clean` turns False at the first
    one that is not UTF-8 (its bad bytes read as U+FFFD)."""

    def __init__(self, data: bytes, clean: bool) -> None:
        self.data = data
        self.clean = clean

    def __iter__(self) -> Iterator[tuple[int, str]]:
        try:
            # The common file decodes whole, and then no fold split a character (the
            # bytes after a split one would not be UTF-8): unfolding the text is the same.
            text = self.data.decode("utf-8")
        except UnicodeDecodeError:
            yield from self._unfold(_BREAK.split(self.data), self._decode, (b" ", b"\t"))
        else:
            yield from self._unfold(_TEXT_BREAK.split(text), str, (" ", "\t"))

    @staticmethod
    def _unfold(
        lines: list[_L], decode: Callable[[_L], str], blanks: tuple[_L, _L]
    ) -> Iterator[tuple[int, str]]:
        parts: list[_L] = []
        first = 0
        for number, line in enumerate(lines, 1):
            if parts and line[:1] in blanks:
                parts.append(line[1:])
                continue
            if parts:
                yield first, decode(parts[0] if len(parts) == 1 else parts[0][:0].join(parts))
            parts, first = [line], number
        if parts:
            yield first, decode(parts[0][:0].join(parts))

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.clean = False
            return raw.decode("utf-8", errors="replace")


def _text(value: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), value)


@dataclass(slots=True)
class _Event:
    line: int
    props: list[tuple[int, str]]  # the event's own lines (not those of its alarms)
    complete: bool = False


@dataclass(slots=True)
class _File:
    events: list[_Event]
    zones: dict[str, str]  # VTIMEZONE texts by TZID
    zone: str  # the calendar's own zone (X-WR-TIMEZONE), if it names one


class _Skip(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def _structure(source: Iterable[tuple[int, str]]) -> _File:
    """The events (each with its own lines), the VTIMEZONE texts and the calendar's zone."""
    lines = iter(source)
    head = next(((n, line) for n, line in lines if line.strip()), None)
    if head is None or head[1].strip().upper() != "BEGIN:VCALENDAR":
        raise NotACalendar
    events: list[_Event] = []
    zones: dict[str, str] = {}
    calendar_zone = ""
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
        elif stack == ["VCALENDAR"] and line[:14].upper() in ("X-WR-TIMEZONE:", "X-WR-TIMEZONE;"):
            calendar_zone = calendar_zone or _text(line.split(":", 1)[-1]).strip()
    return _File(events, zones, calendar_zone)


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


def _props(event: _Event) -> _Props:
    """The first value of each property of a whole event (an event cut off, or with a line
    that is not NAME:VALUE, is skipped)."""
    if not event.complete:
        raise _Skip(Message("ics.skip.incomplete"))
    props: _Props = {}
    for number, line in event.props:
        if not line.strip():
            continue
        name, params, value = _split(number, line)
        props.setdefault(name, (params, value))
    return props


def _summary(event: _Event) -> str | None:
    for _, line in event.props:
        if line[:7].upper() == "SUMMARY" and line[7:8] in (":", ";"):
            match = _CONTENT.fullmatch(line)
            return _text(match.group(3)) if match else line.split(":", 1)[-1]
    return None


def _overrides(events: Iterable[_Event], uids: set[str]) -> dict[str, list[_Event]]:
    """The events with a RECURRENCE-ID (a changed occurrence) of each of the `uids`."""
    out: dict[str, list[_Event]] = {}
    for event in events:
        uid, changed = None, False
        for _, line in event.props:
            head = line[:14].upper()
            if head.startswith("RECURRENCE-ID") and head[13:14] in (":", ";"):
                changed = True
            elif head[:4] in ("UID:", "UID;"):
                uid = _text(line.split(":", 1)[-1]).strip()
        if changed and uid in uids:
            out.setdefault(uid, []).append(event)
    return out


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
    says; with VALUE=DATE, a time part after it is dropped), or a datetime, aware when it
    has Z or a TZID, naive when floating."""
    value = raw.strip()
    if params.get("VALUE", "").upper() == "DATE" and (whole := _DATE_TIME.fullmatch(value)):
        value = whole.group(1)  # `VALUE=DATE:20260328T000000Z`: the value says it is a date
    try:
        if _DATE_ONLY.fullmatch(value):  # with VALUE=DATE or without, whatever TZID says
            day: date = icalendar.vDate.from_ical(value)  # type: ignore[no-untyped-call]
            return day
        moment: datetime = icalendar.vDatetime.from_ical(value)  # type: ignore[no-untyped-call]
    except Exception:
        raise _Skip(Message("ics.skip.bad_value", prop=prop, raw=value)) from None
    return _zoned(moment, params.get("TZID"), zones)


def _zoned(moment: datetime, tzid: str | None, zones: _Zones) -> datetime:
    """A time written with a TZID, in that zone (an unknown zone skips the event)."""
    if moment.tzinfo is None and tzid:
        zone = zones(tzid)
        if zone is None:
            raise _Skip(Message("ics.skip.unknown_zone", tzid=tzid))
        moment = moment.replace(tzinfo=zone)
    return moment


def _is_utc(zone: tzinfo | None) -> bool:
    return zone is not None and (zone is UTC or str(zone) in _UTC_NAMES)


def _flagged(values: Iterable[object]) -> bool:
    return any(str(v).strip().upper() in ("TRUE", "1") for v in values if v is not None)


def _rid(value: date | datetime) -> str:
    """A recurrence id as text that stays the same on every import (aware: in UTC)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return f"{value:%Y%m%dT%H%M%S}"
        return f"{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f"{value:%Y%m%d}"


class _Reader:
    """Events to trip dates. An event is dated where it happens, never in the machine's
    zone: an all-day event (a date, an all-day flag, or midnight to midnight on its own
    clock) keeps the dates it is written with; a timed one takes the dates of its own zone;
    a UTC time the calendar's zone (X-WR-TIMEZONE), else the plan's; a floating time is the
    plan's clock."""

    def __init__(
        self,
        zones: _Zones,
        plan_zone: tzinfo,
        span: tuple[date, date],
        calendar_zone: str,
        start_days: bool = False,
    ) -> None:
        self.start_days = start_days  # a timed event is its first day (a roster's shift)
        self.zones = zones
        self.plan_zone = plan_zone
        self.span_of_plan = span
        self.utc_zone = (zones(calendar_zone) if calendar_zone else None) or plan_zone
        self.uids: dict[str, int] = {}

    # -- one event ----------------------------------------------------------------------------
    def trip(self, event: _Event, summary: str, props: _Props) -> FoundTrip:
        self._live(props)
        first, last = self.dates(props)
        uid = self._uid(event, summary, props, first, last)
        if "RECURRENCE-ID" in props:  # one changed occurrence of a series not in the file
            params, raw = props["RECURRENCE-ID"]
            uid += "#" + _rid(_when("RECURRENCE-ID", params, raw, self.zones))
        return FoundTrip(uid, first, last, summary, event.line)

    def _live(self, props: _Props) -> None:
        if props.get("STATUS", ({}, ""))[1].strip().upper() == "CANCELLED":
            raise _Skip(Message("ics.skip.cancelled"))

    def _uid(self, event: _Event, summary: str, props: _Props, first: date, last: date) -> str:
        uid = _text(props.get("UID", ({}, ""))[1]).strip()
        if not uid:  # no UID: one made from what the event says, the same on every import
            basis = f"{first}/{last}/{summary}".encode()
            uid = f"pacer-{_blake2b(basis, digest_size=10).hexdigest()}@import"
        key = uid + ("#" + props["RECURRENCE-ID"][1] if "RECURRENCE-ID" in props else "")
        if key in self.uids:
            raise _Skip(Message("ics.skip.duplicate_uid", uid=uid, first=self.uids[key]))
        self.uids[key] = event.line
        return uid

    def dates(self, props: _Props) -> tuple[date, date]:
        if "DTSTART" not in props or not props["DTSTART"][1].strip():
            raise _Skip(Message("ics.skip.no_start"))
        start = _when("DTSTART", *props["DTSTART"], self.zones)
        end: date | datetime | None = None
        flagged = _flagged(props[f][1] for f in _ALL_DAY_FLAGS if f in props)
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
            return self.span(start, end, flagged)
        except OverflowError:
            raise _Skip(Message("ics.skip.out_of_range")) from None

    # -- dates ----------------------------------------------------------------------------------
    def _instant(self, moment: date | datetime) -> datetime:
        """A value as a moment: a date at its midnight, a floating time, on the plan's clock."""
        if not isinstance(moment, datetime):
            moment = datetime.combine(moment, time())
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=self.plan_zone)

    def _place(self, moment: datetime, home: tzinfo | None = None) -> datetime:
        """The wall clock where a moment happens: a floating time as written, a time with a
        zone in that zone, a UTC time in `home` (the zone of the event's start) or else in
        the calendar's zone or the plan's."""
        if moment.tzinfo is None:
            return moment
        if _is_utc(moment.tzinfo):
            return moment.astimezone(home or self.utc_zone).replace(tzinfo=None)
        return moment.replace(tzinfo=None)

    def _day(self, moment: datetime, home: tzinfo | None = None) -> datetime:
        """The wall clock of an all-day event's time: as written when it is midnight there
        (UTC midnight too), else where it happens."""
        return moment.replace(tzinfo=None) if moment.time() == time() else self._place(moment, home)

    def span(
        self, start: date | datetime, end: date | datetime | None, flagged: bool = False
    ) -> tuple[date, date]:
        """The first and last date of an event (DTEND exclusive; DTEND = DTSTART or none: one
        day), skipped when it ends before it starts, when it is timed within one day or
        when it is longer than a year."""
        if end is not None and self._instant(end) < self._instant(start):
            first = start.date() if isinstance(start, datetime) else start
            last = end.date() if isinstance(end, datetime) else end
            raise _Skip(Message("ics.skip.end_before_start", start=first, end=last))
        if isinstance(start, datetime) and flagged and start.time() != time():
            first, last = self._flagged_day(start, end)
        elif isinstance(start, datetime) and (flagged or _midnights(start, end)):
            first, last = self._all_day(start, end)
        elif isinstance(start, datetime) and self.start_days:
            first = last = self._place(start).date()  # a night shift is the day it begins
        elif isinstance(start, datetime):
            first, last = self._timed(start, end)
        else:
            first, last = self._dated(start, end)
        if (last - first).days + 1 > MAX_TRIP_DAYS:
            raise _Skip(Message("ics.skip.too_long", start=first, end=last))
        return first, last

    def _all_day(self, start: datetime, end: date | datetime | None) -> tuple[date, date]:
        """An all-day event written as times: the dates on its own clock."""
        home = None if start.tzinfo is None or _is_utc(start.tzinfo) else start.tzinfo
        first = self._day(start).date()
        if end is None:
            return first, first
        if isinstance(end, datetime):
            finish = self._day(end, home)
            last = finish.date() - timedelta(days=1) if finish.time() == time() else finish.date()
        else:
            last = end - timedelta(days=1)
        return first, max(first, last)

    def _flagged_day(self, start: datetime, end: date | datetime | None) -> tuple[date, date]:
        """An event flagged all-day whose times are not midnight on their own clock: Outlook
        writes the writer's local midnight in UTC (16:00Z for Shanghai, 04:00Z for New York).
        Its first date is that of the nearest midnight on the written clock, and it lasts its
        length in whole days — the same dates in every plan's zone."""
        first = (start.replace(tzinfo=None) + timedelta(hours=12)).date()
        if end is None:
            return first, first
        length = (self._instant(end) - self._instant(start)).total_seconds() / 86400
        return first, first + timedelta(days=max(1, round(length)) - 1)

    def _timed(self, start: datetime, end: date | datetime | None) -> tuple[date, date]:
        """A timed event: the dates where it happens; within one day, not a trip."""
        home = None if start.tzinfo is None or _is_utc(start.tzinfo) else start.tzinfo
        first = self._place(start).date()
        last = first
        if end is not None:
            finish = self._place(end, home) if isinstance(end, datetime) else end
            if not isinstance(finish, datetime):
                finish = datetime.combine(finish, time())
            last = finish.date()
            if finish.time() == time() and self._instant(end) > self._instant(start):
                last -= timedelta(days=1)  # ends at midnight: the day before was the last
        if last <= first:
            raise _Skip(Message("ics.skip.within_day", day=first))
        return first, last

    def _dated(self, start: date, end: date | datetime | None) -> tuple[date, date]:
        """An all-day event (a date): its dates, whatever zone it names."""
        if end is None:
            return start, start
        if isinstance(end, datetime):
            finish = self._place(end)
            last = finish.date()
            if finish.time() == time() and last > start:
                last -= timedelta(days=1)
            return start, max(start, last)
        return start, max(start, end - timedelta(days=1))  # DTEND is exclusive

    # -- a repeating event --------------------------------------------------------------------
    def series(
        self,
        event: _Event,
        summary: str,
        props: _Props,
        changed: Sequence[_Event],
        pattern: re.Pattern[str],
    ) -> Iterator[FoundTrip | SkippedEvent]:
        """Each occurrence of a repeating event (RRULE, RDATE; EXDATE and the changed
        occurrences honoured) that touches the plan's span: a trip with the event's UID and
        its recurrence id, or the reason it cannot be one. Occurrences whose summary no
        longer has a word (renamed in the calendar) are left out."""
        self._live(props)
        rule = props.get("RRULE", ({}, ""))[1].upper()
        freq = re.search(r"FREQ=([A-Z]+)", rule)
        if freq and freq.group(1) in _SUB_DAILY:
            raise _Skip(Message("ics.skip.too_often", freq=freq.group(1)))
        # The event's own dates first: values that cannot be read, or a timed event within
        # a day (a weekly call), skip the series once, not once per occurrence.
        first, last = self.dates(props)
        uid = self._uid(event, summary, props, first, last)
        sources = {event.line: props}
        for other in changed:
            try:
                sources[other.line] = _props(other)
            except _Skip:
                continue  # a broken change: the occurrence stays as the series makes it
        for component in self._occurrences(sources, [event, *changed]):
            line = int(str(component.get("X-PACER-LINE", event.line)))
            source = sources.get(line, props)
            note = " ".join(str(component.get("SUMMARY", "")).split())
            if not pattern.search(note):
                continue
            try:
                self._live({"STATUS": ({}, str(component.get("STATUS", "")))})
                start = self._value(component, "DTSTART", source)
                end = self._value(component, "DTEND", source)
                rid = self._value(component, "RECURRENCE-ID", source)
                flags = _flagged(component.get(f) for f in _ALL_DAY_FLAGS)
                day, until = self.span(start, end, flags)
            except _Skip as skip:
                yield SkippedEvent(line, note, skip.message)
                continue
            except OverflowError:
                yield SkippedEvent(line, note, Message("ics.skip.out_of_range"))
                continue
            yield FoundTrip(f"{uid}#{_rid(rid)}", day, until, note, line)

    def _value(self, component: icalendar.Component, name: str, source: _Props) -> date | datetime:
        """An occurrence's time, in the zone its source names even when icalendar did not
        know that zone (a vendor-prefixed TZID, say)."""
        value: object = component.decoded(name)
        if not isinstance(value, date):  # a RECURRENCE-ID with a PERIOD, say
            raise _Skip(Message("ics.skip.bad_value", prop=name, raw=str(component[name])))
        if isinstance(value, datetime) and value.tzinfo is None:
            params = source.get(name, source.get("DTSTART", ({}, "")))[0]
            value = _zoned(value, params.get("TZID"), self.zones)
        return value

    def _occurrences(
        self, sources: dict[int, _Props], events: Sequence[_Event]
    ) -> list[icalendar.Component]:
        """The occurrences, by `recurring-ical-events`, from the plan's first day to its
        last (an open-ended rule stops there)."""
        import recurring_ical_events  # type: ignore[import-untyped]

        begin, end = self.span_of_plan
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pacer//import//EN"]
        tzids = set()
        body: list[str] = []
        for event in events:
            if event.line not in sources:
                continue
            body.append("BEGIN:VEVENT")
            for number, line in event.props:
                if not line.strip():
                    continue
                name, params, value = _split(number, line)
                if "TZID" in params:
                    tzids.add(params["TZID"])
                if name in _DATE_PROPS and params.get("VALUE", "").upper() == "DATE":
                    line = line[: len(line) - len(value)] + _DATE_TIME.sub(r"\1", value)
                body.append(line)
            body += [f"X-PACER-LINE:{event.line}", "END:VEVENT"]
        lines += [
            self.zones.texts[t].rstrip("\r\n") for t in sorted(tzids) if t in self.zones.texts
        ]
        text = "\r\n".join([*lines, *body, "END:VCALENDAR"]) + "\r\n"
        out: list[icalendar.Component] = []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # guessed vendor zones, as in _Zones
                calendar = icalendar.Calendar.from_ical(text)
                for component in recurring_ical_events.of(calendar).after(begin):
                    start = component["DTSTART"].dt
                    day = self._place(start).date() if isinstance(start, datetime) else start
                    if day > end:
                        break
                    out.append(component)
        except Exception:  # a rule that cannot be read or followed: the series is skipped
            rule = sources[events[0].line].get("RRULE", ({}, ""))[1]
            raise _Skip(Message("ics.skip.bad_value", prop="RRULE", raw=rule.strip())) from None
        return out


def _midnights(start: datetime, end: date | datetime | None) -> bool:
    """Midnight to a later midnight, each on its own written clock: an all-day event that
    its writer gave times (UTC midnight, or a TZID's local midnight)."""
    return (
        isinstance(end, datetime)
        and start.time() == time()
        and end.time() == time()
        and end.replace(tzinfo=None) > start.replace(tzinfo=None)
    )


def scan_trips(
    data: bytes,
    words: Sequence[str],
    zone: tzinfo,
    span: tuple[date, date],
    start_days: bool = False,
) -> CalendarScan:
    """The trips in a calendar file: all-day or multi-day events whose SUMMARY has one of
    `words`, dated where they happen (see _Reader; `zone` is the plan's). A repeating event
    gives one trip per occurrence from the plan's first day (`span`) to its last.

    A timed event ending at midnight ends the day before. Every matching event that cannot
    be a trip is in `skipped` with the reason; so is an event whose summary cannot be read
    because the file is not UTF-8 (it might have been a trip). Raises NotACalendar when the
    file does not begin with BEGIN:VCALENDAR.

    With `start_days` (a roster's shifts), a timed event is kept as the one day it begins
    on, whatever its length, instead of being skipped when it lies within one day.
    """
    raw, clean = _utf8(data)
    lines = _Lines(raw, clean)
    calendar = _structure(lines)
    pattern = summary_pattern(words)
    zones = _Zones(calendar.zones)
    reader = _Reader(zones, zone, span, calendar.zone, start_days)
    skipped: list[SkippedEvent] = []
    matching: list[tuple[_Event, str, _Props]] = []
    for event in calendar.events:
        summary = _summary(event)
        if summary is None:
            continue
        note = " ".join(summary.split())
        if not pattern.search(note):
            if not lines.clean and "\ufffd" in note:
                skipped.append(SkippedEvent(event.line, note, Message("ics.skip.not_utf8")))
            continue
        try:
            matching.append((event, note, _props(event)))
        except _Skip as skip:
            skipped.append(SkippedEvent(event.line, note, skip.message))
    repeating = {
        _text(props["UID"][1]).strip()
        for _, _, props in matching
        if ("RRULE" in props or "RDATE" in props) and "RECURRENCE-ID" not in props
        if "UID" in props
    }
    changed = _overrides(calendar.events, repeating) if repeating else {}
    found: list[FoundTrip] = []
    for event, note, props in matching:
        uid = _text(props.get("UID", ({}, ""))[1]).strip()
        try:
            if "RECURRENCE-ID" in props and uid in repeating:
                continue  # a changed occurrence: read with its series
            if "RRULE" in props or "RDATE" in props:
                for item in reader.series(event, note, props, changed.get(uid, ()), pattern):
                    if isinstance(item, FoundTrip):
                        found.append(item)
                    else:
                        skipped.append(item)
            else:
                found.append(reader.trip(event, note, props))
        except _Skip as skip:
            skipped.append(SkippedEvent(event.line, note, skip.message))
    return CalendarScan(len(calendar.events), tuple(found), tuple(skipped))
