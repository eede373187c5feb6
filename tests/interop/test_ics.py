"""iCalendar out and in, pure: block times, events re-parsed by icalendar, trips read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from pacer.calendar.days import DayInfo, Trip
from pacer.interop.ics import (
    DEFAULT_WORDS,
    CalendarScan,
    FoundTrip,
    NotACalendar,
    block_times,
    block_uid,
    calendar_ics,
    scan_trips,
    summary_pattern,
    template_start,
    trip_uid,
)
from pacer.plan.loader import load_plan_text
from pacer.plan.model import WEEKDAYS, Plan
from pacer.schedule.projection import BlockPlan, DayPlan, Placement
from tests.helpers import example_plan_text

SHANGHAI = ZoneInfo("Asia/Shanghai")
STAMP = datetime(2026, 3, 9, 4, 0, tzinfo=UTC)
MON, SAT = date(2026, 3, 9), date(2026, 3, 14)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan_text(example_plan_text())


def day_plan(plan: Plan, day: date, template: str, items: dict[str, list[Placement]]) -> DayPlan:
    """One day of `template` with the given placements per work block (none: empty)."""
    tpl = plan.template(template)
    blocks = tuple(
        BlockPlan(b, tuple(items.get(b.id, ())), b.minutes if b.type == "work" else 0)
        for b in tpl.blocks
    )
    kind = "trip" if template == "travel" else "weekday" if day.weekday() < 5 else "weekend"
    info = DayInfo(day, kind, template, WEEKDAYS[day.weekday()])
    return DayPlan(info, tpl, blocks)


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def shape(event: icalendar.Event) -> tuple[str, str, object, object, str]:
    return (
        str(event["UID"]),
        str(event["SUMMARY"]),
        event["DTSTART"].dt,
        event["DTEND"].dt,
        str(event.get("DESCRIPTION", "")),
    )


# -- block times --------------------------------------------------------------------------------
def test_a_template_start_is_its_own_else_the_normal_weekdays_else_nine(plan: Plan) -> None:
    assert template_start(plan, plan.template("workday"), MON) == time(21, 0)
    # travel has no start: on a Monday it keeps the hour of the workday it replaces ...
    assert template_start(plan, plan.template("travel"), MON) == time(21, 0)
    # ... on a Saturday the normal week's weekend has none either: 09:00.
    assert template_start(plan, plan.template("travel"), SAT) == time(9, 0)
    assert template_start(plan, plan.template("weekend"), SAT) == time(9, 0)
    early = replace(plan.template("weekend"), start="06:45")
    assert template_start(plan, early, SAT) == time(6, 45)


def test_blocks_run_back_to_back_from_the_start(plan: Plan) -> None:
    day = day_plan(plan, MON, "workday", {"main": [Placement("calc-2", 60)]})
    times = [(tb.block.block.id, tb.start, tb.end) for tb in block_times(plan, day, SHANGHAI)]
    at = datetime(2026, 3, 9, 21, 0, tzinfo=SHANGHAI)
    assert times == [
        ("listening", at, at + timedelta(minutes=30)),
        ("main", at + timedelta(minutes=30), at + timedelta(minutes=90)),
    ]


def test_a_stretched_work_block_is_as_long_as_it_offers(plan: Plan) -> None:
    day = day_plan(plan, SAT, "weekend", {"deep": [Placement("calc-2", 90)]})
    stretched = replace(day, blocks=(replace(day.blocks[0], capacity=180), day.blocks[1]))
    times = [(tb.start.time(), tb.end.time()) for tb in block_times(plan, stretched, SHANGHAI)]
    assert times == [(time(9, 0), time(12, 0)), (time(12, 0), time(12, 30))]


# -- the calendar written -----------------------------------------------------------------------
def test_the_calendar_holds_exactly_the_expected_events(plan: Plan) -> None:
    days = [
        day_plan(
            plan, MON, "workday", {"main": [Placement("calc-2", 40), Placement("calc-4", 20)]}
        ),
        day_plan(plan, SAT, "weekend", {}),  # nothing placed in the deep block
    ]
    trip = Trip(3, date(2026, 3, 11), date(2026, 3, 13), "深圳")
    data = calendar_ics(plan, days, [(trip, None)], STAMP)
    at = datetime(2026, 3, 9, 21, 0, tzinfo=SHANGHAI)
    sat = datetime(2026, 3, 14, 11, 0, tzinfo=SHANGHAI)  # 09:00 + the free 120-min deep slot
    assert [shape(e) for e in events(data)] == [
        ("trip-3@pacer", "深圳", date(2026, 3, 11), date(2026, 3, 14), ""),
        (
            "tiny-20260309-listening@pacer",
            "英语听力",
            at,
            at + timedelta(minutes=30),
            "泛听 · 15 分钟\n精听 · 10 分钟\nShadowing · 5 分钟",
        ),
        (
            "tiny-20260309-main@pacer",
            "主线 · 积分 + 选读",
            at + timedelta(minutes=30),
            at + timedelta(minutes=90),
            "积分 · 40 分钟 (calc-2)\n选读 · 20 分钟 (calc-4)",
        ),
        (
            "tiny-20260314-review@pacer",
            "周复盘",
            sat,
            sat + timedelta(minutes=30),
            "• 本周做得好的是什么？",
        ),
    ]
    cal = icalendar.Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert {e["DTSTAMP"].dt for e in events(data)} == {STAMP}
    assert str(cal["PRODID"]) == "-//pacer//pacer//EN"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_times_carry_the_plan_zone_as_tzid(plan: Plan) -> None:
    la = replace(plan, timezone="America/Los_Angeles", locale="en_US")
    day = day_plan(la, MON, "workday", {})
    data = calendar_ics(la, [day], [], STAMP)
    assert b"DTSTART;TZID=America/Los_Angeles:20260309T210000" in data
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:America/Los_Angeles" in data
    (listening,) = events(data)
    assert listening["DTSTART"].dt.utcoffset() == timedelta(hours=-7)  # DST began 8 March
    assert "15 min" in str(listening["DESCRIPTION"])  # the plan's language: English


def test_a_plan_in_utc_writes_utc_times_without_a_vtimezone(plan: Plan) -> None:
    utc = replace(plan, timezone="UTC")
    data = calendar_ics(utc, [day_plan(utc, MON, "workday", {})], [], STAMP)
    assert b"DTSTART:20260309T210000Z" in data and b"VTIMEZONE" not in data


def test_uids_are_stable_and_the_same_input_gives_the_same_bytes(plan: Plan) -> None:
    days = [day_plan(plan, MON, "workday", {"main": [Placement("calc-2", 60)]})]
    trips = [(Trip(7, MON, MON, ""), "abc@example.com")]
    once = calendar_ics(plan, days, trips, STAMP)
    assert once == calendar_ics(plan, days, trips, STAMP)
    # Another projection for the same day keeps the block's UID: the app updates the event.
    other = [day_plan(plan, MON, "workday", {"main": [Placement("calc-4", 45)]})]
    assert [e["UID"] for e in events(once)] == [
        e["UID"] for e in events(calendar_ics(plan, other, trips, STAMP))
    ]
    assert block_uid(plan, MON, "main") == "tiny-20260309-main@pacer"


def test_a_trip_uid_comes_from_its_calendar_uid_never_is_it() -> None:
    trip = Trip(7, MON, MON, "")
    assert trip_uid(trip, None) == "trip-7@pacer"
    imported = trip_uid(trip, "abc@example.com")
    assert imported == trip_uid(replace(trip, id=8), "abc@example.com")  # re-imported: same
    assert imported != trip_uid(trip, "abd@example.com")
    assert "abc" not in imported and imported.endswith("@pacer")


def test_a_trip_without_a_note_is_named_in_the_plans_language(plan: Plan) -> None:
    trip = (Trip(1, MON, MON, ""), None)
    (zh,) = events(calendar_ics(plan, [], [trip], STAMP))
    (en,) = events(calendar_ics(replace(plan, locale="en"), [], [trip], STAMP))
    assert (str(zh["SUMMARY"]), str(en["SUMMARY"])) == ("出差", "Trip")
    assert (zh["DTSTART"].dt, zh["DTEND"].dt) == (MON, MON + timedelta(days=1))


# -- reading trips ------------------------------------------------------------------------------
def ics(*events: str, head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\n{head}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode("utf-8")


def scan(
    data: bytes, zone: str | None = "Asia/Shanghai", words: tuple[str, ...] = DEFAULT_WORDS
) -> CalendarScan:
    return scan_trips(data, words, ZoneInfo(zone) if zone else None)


def dates(data: bytes, zone: str = "Asia/Shanghai") -> list[tuple[date, date]]:
    result = scan(data, zone)
    assert not result.skipped, result.skipped
    return [(f.start, f.end) for f in result.found]


def reasons(data: bytes, zone: str = "Asia/Shanghai") -> list[str]:
    result = scan(data, zone)
    assert not result.found, result.found
    return [s.kind for s in result.skipped]


A1 = date(2026, 4, 1)


def test_an_all_day_event_ends_the_day_before_its_dtend() -> None:
    data = ics("UID:a\nSUMMARY:出差 北京\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260404")
    result = scan(data)
    assert result.found == (FoundTrip("a", A1, date(2026, 4, 3), "出差 北京", 3),)
    assert result.events == 1 and result.skipped == ()


@pytest.mark.parametrize(
    ("lines", "last"),
    [
        ("DTSTART;VALUE=DATE:20260401", A1),  # no end: one day
        ("DTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260401", A1),  # DTEND = DTSTART
        ("DTSTART:20260401", A1),  # a date without VALUE=DATE
        ("DTSTART;VALUE=DATE:20260401\nDURATION:P3D", date(2026, 4, 3)),
        ("DTSTART;VALUE=DATE:20260401\nDTEND:", A1),  # an empty end: as if none
    ],
)
def test_all_day_shapes(lines: str, last: date) -> None:
    assert dates(ics(f"UID:a\nSUMMARY:Trip\n{lines}")) == [(A1, last)]


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"])
def test_a_date_keeps_its_day_in_every_zone_whatever_its_tzid(zone: str) -> None:
    tzid = ics(
        "UID:a\nSUMMARY:trip\nDTSTART;TZID=Asia/Tokyo;VALUE=DATE:20260401\n"
        "DTEND;TZID=Asia/Tokyo;VALUE=DATE:20260403"
    )
    assert dates(tzid, zone) == [(A1, date(2026, 4, 2))]


@pytest.mark.parametrize(
    ("start", "end", "zone", "expected"),
    [
        # 08:00 Beijing to 16:00 UTC (= midnight Beijing): the 23rd was the last day.
        (
            "DTSTART;TZID=Asia/Shanghai:20260420T080000",
            "DTEND:20260423T160000Z",
            "Asia/Shanghai",
            (date(2026, 4, 20), date(2026, 4, 23)),
        ),
        # Windows zone names (Outlook) are the IANA zones they name.
        (
            "DTSTART;TZID=China Standard Time:20260420T080000",
            'DTEND;TZID="China Standard Time":20260422T180000',
            "Asia/Shanghai",
            (date(2026, 4, 20), date(2026, 4, 22)),
        ),
        # The same UTC moments are other dates for a person in Los Angeles.
        (
            "DTSTART:20260420T020000Z",
            "DTEND:20260422T020000Z",
            "America/Los_Angeles",
            (date(2026, 4, 19), date(2026, 4, 21)),
        ),
        (
            "DTSTART:20260420T020000Z",
            "DTEND:20260422T020000Z",
            "Pacific/Kiritimati",  # UTC+14
            (date(2026, 4, 20), date(2026, 4, 22)),
        ),
        # Floating times are the person's own clock.
        (
            "DTSTART:20260420T230000",
            "DTEND:20260421T010000",
            "America/Los_Angeles",
            (date(2026, 4, 20), date(2026, 4, 21)),
        ),
        # A vendor-prefixed TZID (Lightning, Evolution).
        (
            "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260420T090000",
            "DURATION:P2D",
            "Europe/Berlin",
            (date(2026, 4, 20), date(2026, 4, 22)),
        ),
        # Midnight to midnight, timed: the day before the end was the last.
        (
            "DTSTART;TZID=Asia/Shanghai:20260420T000000",
            "DTEND;TZID=Asia/Shanghai:20260423T000000",
            "Asia/Shanghai",
            (date(2026, 4, 20), date(2026, 4, 22)),
        ),
    ],
)
def test_timed_events_become_the_persons_local_dates(
    start: str, end: str, zone: str, expected: tuple[date, date]
) -> None:
    assert dates(ics(f"UID:a\nSUMMARY:Trip\n{start}\n{end}"), zone) == [expected]


def test_a_zone_only_the_file_defines_is_read_from_its_vtimezone() -> None:
    zone = (
        "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
        "TZOFFSETFROM:-1000\nTZOFFSETTO:-1000\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    data = ics(
        "UID:a\nSUMMARY:Trip\nDTSTART;TZID=Customized Time Zone:20260420T200000\n"
        "DTEND;TZID=Customized Time Zone:20260421T200000",
        head=zone,
    )
    # 20:00 at UTC-10 is 14:00 the next day in Shanghai.
    assert dates(data) == [(date(2026, 4, 21), date(2026, 4, 22))]


def test_the_machines_zone_is_used_without_one() -> None:
    import os
    import time as time_module

    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time_module.tzset()
    try:
        data = ics("UID:a\nSUMMARY:Trip\nDTSTART:20260420T020000Z\nDTEND:20260422T020000Z")
        found = scan(data, None).found
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time_module.tzset()
    assert [(f.start, f.end) for f in found] == [(date(2026, 4, 19), date(2026, 4, 21))]


@pytest.mark.parametrize(
    ("summary", "matches"),
    [
        ("出差 深圳", True),
        ("去北京出差", True),
        ("Business TRIP to Tokyo", True),
        ("Trips: Osaka", True),
        ("travelling to Berlin", True),
        ("Stripe sync", False),
        ("Roundtrip planning", False),
        ("Dentist", False),
    ],
)
def test_the_default_words(summary: str, matches: bool) -> None:
    assert bool(summary_pattern(DEFAULT_WORDS).search(summary)) is matches


def test_only_events_with_a_word_count_and_other_words_replace_the_defaults() -> None:
    data = ics(
        "UID:a\nSUMMARY:Dentist\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260403",
        "UID:b\nSUMMARY:出差\nDTSTART;VALUE=DATE:20260410",
        "UID:c\nSUMMARY:Offsite in Hangzhou\nDTSTART;VALUE=DATE:20260420",
    )
    assert [f.uid for f in scan(data).found] == ["b"]
    assert [f.uid for f in scan(data, words=("offsite", "DENTIST")).found] == ["a", "c"]
    assert scan(data).events == 3


def test_folded_escaped_summaries_and_alarms_are_read_right() -> None:
    data = ics(
        "UID:a\nSUMMARY;LANGUAGE=en:Trip to Osaka\\, Kyoto\\; and Nara\\n(team) with a ver\n"
        " y long folded title\nDTSTART;VALUE=DATE:20260401\n"
        "BEGIN:VALARM\nACTION:DISPLAY\nSUMMARY:ignored alarm text\nTRIGGER:-PT15M\nEND:VALARM",
        "UID:b\nSUMMARY:Dentist\nDTSTART;VALUE=DATE:20260402\n"
        "BEGIN:VALARM\nACTION:DISPLAY\nSUMMARY:Trip reminder\nTRIGGER:-PT15M\nEND:VALARM",
    )
    (found,) = scan(data).found
    assert found.summary == "Trip to Osaka, Kyoto; and Nara (team) with a very long folded title"


def test_an_event_without_uid_gets_one_that_is_the_same_every_time() -> None:
    data = ics(
        "SUMMARY:Trip\nDTSTART;VALUE=DATE:20260401", "UID:\nSUMMARY:Trip 2\nDTSTART:20260405"
    )
    first, second = scan(data).found
    assert first.uid.startswith("pacer-") and first.uid.endswith("@import")
    assert [f.uid for f in scan(data).found] == [first.uid, second.uid]
    assert first.uid != second.uid


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        ("UID:a\nSUMMARY:Trip", "no_start"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:", "no_start"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:2026-04-01", "bad_value"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20261301", "bad_value"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nDTEND:soon", "bad_value"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nDURATION:three days", "bad_value"),
        (
            "UID:a\nSUMMARY:Trip\nDTSTART;TZID=Mars/Olympus:20260401T090000\nDURATION:P2D",
            "unknown_zone",
        ),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260405\nDTEND:20260401", "end_before_start"),
        (
            "UID:a\nSUMMARY:Trip\nDTSTART:20260405T100000Z\nDTEND:20260401T100000Z",
            "end_before_start",
        ),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401T090000Z\nDTEND:20260401T090000Z", "within_day"),
        (
            "UID:a\nSUMMARY:Trip call\nDTSTART:20260401T020000Z\nDTEND:20260401T030000Z",
            "within_day",
        ),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nDTEND:20270510", "too_long"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nRRULE:FREQ=WEEKLY", "repeating"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nRECURRENCE-ID:20260401", "repeating"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nSTATUS:CANCELLED", "cancelled"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nthis line has no colon", "bad_line"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:99991231\nDURATION:P2D", "out_of_range"),
    ],
)
def test_a_matching_event_that_cannot_be_a_trip_is_skipped_with_why(event: str, kind: str) -> None:
    assert reasons(ics(event)) == [kind]


def test_a_repeated_uid_keeps_the_first_event() -> None:
    data = ics("UID:x\nSUMMARY:Trip A\nDTSTART:20260401", "UID:x\nSUMMARY:Trip B\nDTSTART:20260501")
    result = scan(data)
    assert [f.summary for f in result.found] == ["Trip A"]
    (skip,) = result.skipped
    assert (skip.kind, skip.summary, skip.reason.args["first"]) == ("duplicate_uid", "Trip B", 3)


def test_a_cut_off_event_is_skipped_and_the_rest_still_read() -> None:
    text = (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:Trip A\nDTSTART:20260401\n"
        "BEGIN:VEVENT\nUID:b\nSUMMARY:Trip B\nDTSTART:20260501\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:c\nSUMMARY:Trip C\nDTSTART:20260601\n"
    )
    result = scan(text.encode())
    assert [f.uid for f in result.found] == ["b"]
    assert [(s.line, s.kind) for s in result.skipped] == [(2, "incomplete"), (11, "incomplete")]
    assert result.events == 3


def test_a_file_not_in_utf8_reads_what_it_can() -> None:
    data = ics(
        "UID:a\nSUMMARY:Trip to Z@1rich\nDTSTART:20260401",  # latin-1 ü
        "UID:b\nSUMMARY:@2\nDTSTART:20260501",  # 出差 in GBK
        "UID:c\nSUMMARY:Dentist\nDESCRIPTION:caf@3\nDTSTART:20260601",
    )
    data = data.replace(b"@1", b"\xfc").replace(b"@2", "出差".encode("gbk"))
    result = scan(data.replace(b"@3", b"\xe9"))
    assert [(f.uid, f.summary) for f in result.found] == [("a", "Trip to Z\ufffdrich")]
    assert [(s.line, s.kind) for s in result.skipped] == [(8, "not_utf8")]


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n", b"hello", b"BEGIN:VEVENT\r\nEND:VEVENT\r\n", b"\x89PNG\r\n\x1a\n", b"{}"],
)
def test_anything_but_a_calendar_is_refused(data: bytes) -> None:
    with pytest.raises(NotACalendar):
        scan(data)


def test_a_bom_and_bare_newlines_are_fine() -> None:
    data = b"\xef\xbb\xbfBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:trip\n"
    data += b"DTSTART:20260401\nEND:VEVENT\n"
    assert [f.uid for f in scan(data).found] == ["a"]


def test_an_exported_calendar_reads_back_as_its_trips(plan: Plan) -> None:
    trips = [
        (Trip(1, date(2026, 3, 11), date(2026, 3, 13), "出差 深圳"), None),
        (Trip(2, date(2026, 4, 1), date(2026, 4, 1), ""), None),
    ]
    days = [day_plan(plan, MON, "workday", {"main": [Placement("calc-2", 60)]})]
    data = calendar_ics(plan, days, trips, STAMP)
    found = scan(data, "America/Los_Angeles").found
    assert [(f.start, f.end, f.summary) for f in found] == [
        (date(2026, 3, 11), date(2026, 3, 13), "出差 深圳"),
        (date(2026, 4, 1), date(2026, 4, 1), "出差"),
    ]
