"""iCalendar in, pure: trips read from calendar bytes, dated where each event happens."""

from __future__ import annotations

import os
import time as time_module
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacer.interop.ics_read import (
    DEFAULT_WORDS,
    CalendarScan,
    FoundTrip,
    NotACalendar,
    scan_trips,
    summary_pattern,
)

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def ics(*events: str, head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\n{head}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode("utf-8")


def scan(
    data: bytes,
    zone: str = "Asia/Shanghai",
    words: tuple[str, ...] = DEFAULT_WORDS,
    span: tuple[date, date] = YEAR,
) -> CalendarScan:
    """`zone` is the plan's; `span` its first and last day."""
    return scan_trips(data, words, ZoneInfo(zone), span)


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
        # Floating times are the plan's own clock.
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
def test_timed_events_are_dated_where_they_happen(
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
        "DTEND;TZID=Customized Time Zone:20260421T200000\n"
        "BEGIN:VALARM\nTRIGGER:-PT15M\nEND:VALARM",
        head=zone,
    )
    # 20:00 at UTC-10 is the 20th there (14:00 on the 21st in Shanghai).
    assert dates(data) == [(date(2026, 4, 20), date(2026, 4, 21))]
    # The zone is known to the file, so an end in UTC is read on its clock.
    utc_end = data.replace(
        b"DTEND;TZID=Customized Time Zone:20260421T200000", b"DTEND:20260423T100000Z"
    )
    # 10:00 UTC on the 23rd is midnight there: the 22nd was the last day (in Shanghai, the
    # plan's zone, it would be 18:00 on the 23rd).
    assert dates(utc_end) == [(date(2026, 4, 20), date(2026, 4, 22))]


def test_the_machines_zone_is_never_used() -> None:
    """UTC and floating times are read in the plan's zone, whatever TZ says."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"
    time_module.tzset()
    try:
        data = ics(
            "UID:a\nSUMMARY:Trip\nDTSTART:20260420T020000Z\nDTEND:20260422T020000Z",
            "UID:b\nSUMMARY:Trip\nDTSTART:20260505T220000\nDTEND:20260508T030000Z",
        )
        found = scan(data, "America/New_York").found
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time_module.tzset()
    assert [(f.start, f.end) for f in found] == [
        (date(2026, 4, 19), date(2026, 4, 21)),  # 22:00 on the 19th in New York
        (date(2026, 5, 5), date(2026, 5, 7)),  # its UTC end is 23:00 on the 7th there
    ]


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
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401T090000Z\nRRULE:FREQ=HOURLY", "too_often"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nRRULE:FREQ=SOMETIMES", "bad_value"),
        ("UID:a\nSUMMARY:Trip\nDTSTART:20260401\nRRULE:FREQ=WEEKLY\nSTATUS:CANCELLED", "cancelled"),
        (
            "UID:a\nSUMMARY:Trip call\nDTSTART:20260401T020000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY",
            "within_day",  # once for the series, not once a week
        ),
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


# -- all-day events written as times ------------------------------------------------------------
ZONES = ["Asia/Shanghai", "America/New_York"]
M28 = date(2026, 3, 28)


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ("DTSTART:20260328T000000Z\nDTEND:20260329T000000Z", (M28, M28)),
        (
            "DTSTART;TZID=Europe/Berlin:20260328T000000\nDTEND;TZID=Europe/Berlin:20260330T000000",
            (M28, date(2026, 3, 29)),
        ),
        # Midnight to midnight on a floating clock, and by DURATION.
        ("DTSTART:20260328T000000\nDTEND:20260329T000000", (M28, M28)),
        ("DTSTART:20260328T000000Z\nDURATION:P2D", (M28, date(2026, 3, 29))),
        # VALUE=DATE with a time part: a date.
        ("DTSTART;VALUE=DATE:20260328T000000Z\nDTEND;VALUE=DATE:20260329T000000Z", (M28, M28)),
        ("DTSTART;VALUE=DATE:20260328T090000\nDTEND;VALUE=DATE:20260329T090000", (M28, M28)),
        # The all-day flags: Outlook's (either spelling) and Funambol's.
        (
            "DTSTART;TZID=Europe/Berlin:20260328T000000\nDTEND;TZID=Europe/Berlin:20260328T235900"
            "\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            (M28, M28),
        ),
        (
            "DTSTART:20260328T000000\nDTEND:20260328T000000\n"
            "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE",
            (M28, M28),
        ),
        ("DTSTART:20260328T000000Z\nX-FUNAMBOL-ALLDAY:1", (M28, M28)),
        # A timed trip: dated where it happens (the Tokyo evening of the 28th is the
        # morning of the 28th in New York and the 28th at 22:00 in Shanghai).
        (
            "DTSTART;TZID=Asia/Tokyo:20260328T230000\nDTEND;TZID=Asia/Tokyo:20260331T180000",
            (M28, date(2026, 3, 31)),
        ),
        # A flight: leaves Shanghai on the 28th, lands in Los Angeles on the 28th, local.
        (
            "DTSTART;TZID=Asia/Shanghai:20260328T200000\n"
            "DTEND;TZID=America/Los_Angeles:20260328T170000",
            "within_day",
        ),
    ],
)
def test_all_day_is_decided_on_the_events_own_clock(
    zone: str, event: str, expected: tuple[date, date] | str
) -> None:
    data = ics(f"UID:a\nSUMMARY:Trip\n{event}")
    if isinstance(expected, str):
        assert reasons(data, zone) == [expected]
    else:
        assert dates(data, zone) == [expected]


def test_a_false_all_day_flag_is_no_flag() -> None:
    data = ics(
        "UID:a\nSUMMARY:Trip\nDTSTART:20260328T100000Z\nDTEND:20260328T120000Z\n"
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE"
    )
    assert reasons(data) == ["within_day"]


@pytest.mark.parametrize("zone", ZONES)
def test_utc_times_of_a_calendar_with_its_own_zone(zone: str) -> None:
    """X-WR-TIMEZONE says where the calendar's UTC times happen; the plan's zone is the
    guess only without it."""
    event = (
        "UID:a\nSUMMARY:出差\nDTSTART:20260414T160000Z\nDTEND:20260415T160000Z\n"
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE"
    )
    assert dates(ics(event, head="X-WR-TIMEZONE:Asia/Shanghai\n"), zone) == [
        (date(2026, 4, 15), date(2026, 4, 15))
    ]
    timed = "UID:b\nSUMMARY:trip\nDTSTART:20260420T020000Z\nDTEND:20260422T020000Z"
    assert dates(ics(timed, head="X-WR-TIMEZONE:America/New_York\n"), zone) == [
        (date(2026, 4, 19), date(2026, 4, 21))
    ]
    unknown = ics(timed, head="X-WR-TIMEZONE:Mars/Olympus\n")
    expected = (19, 21) if zone == "America/New_York" else (20, 22)
    assert dates(unknown, zone) == [(date(2026, 4, expected[0]), date(2026, 4, expected[1]))]


# -- bytes before characters --------------------------------------------------------------------
def fold_at(line: bytes, widths: list[int]) -> bytes:
    """A line folded after each width in turn (octets, blind to characters), then at 74."""
    parts = []
    for width in [*widths, *([74] * len(line))]:
        if not line:
            break
        parts.append(line[:width])
        line = line[width:]
    return b"\r\n ".join(parts)


def with_summary(folded: bytes) -> bytes:
    head = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    return head + folded + b"\r\nDTSTART;VALUE=DATE:20260401\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_a_fold_inside_a_character_joins_it_whole() -> None:
    summary = "出差：上海浦东张江高科技园区客户现场联调与验收（第二阶段）"
    line = f"SUMMARY:{summary}".encode()
    assert line[75] & 0xC0 == 0x80  # octet 75 is inside a character
    result = scan(with_summary(fold_at(line, [75])))
    assert [f.summary for f in result.found] == [summary]
    assert result.skipped == ()


@given(
    summary=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40
    ),
    widths=st.lists(st.integers(1, 75), max_size=30),
)
def test_any_fold_gives_back_the_summary(summary: str, widths: list[int]) -> None:
    """Folded anywhere — inside characters of one to four bytes — a summary reads whole."""
    text = f"出差 {summary}".replace("\\", "").replace(";", "").replace(",", "")
    result = scan(with_summary(fold_at(f"SUMMARY:{text}".encode(), widths)))
    assert [f.summary for f in result.found] == [" ".join(text.split())]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_utf16_or_utf32_file_with_a_bom_is_decoded(codec: str) -> None:
    text = ics("UID:a\nSUMMARY:出差 北京\nDTSTART;VALUE=DATE:20260401").decode()
    result = scan(("\ufeff" + text).encode(codec))
    assert [(f.summary, f.start) for f in result.found] == [("出差 北京", A1)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_a_bom_is_known_by_its_zero_bytes(codec: str) -> None:
    text = ics("UID:a\nSUMMARY:出差\nDTSTART;VALUE=DATE:20260401").decode()
    assert [f.start for f in scan(text.encode(codec)).found] == [A1]


def test_a_broken_utf16_file_reads_what_it_can() -> None:
    text = ics("UID:a\nSUMMARY:Trip\nDTSTART;VALUE=DATE:20260401", "UID:b\nSUMMARY:出差")
    data = ("\ufeff" + text.decode()).encode("utf-16-le")
    cut = data.index("出".encode("utf-16-le"))
    broken = data[:cut] + "\ud800".encode("utf-16-le", "surrogatepass") + data[cut + 2 :]
    result = scan(broken)
    assert [f.uid for f in result.found] == ["a"]
    assert [s.kind for s in result.skipped] == ["not_utf8"]


# -- repeating trips ----------------------------------------------------------------------------
WEEKLY = (
    "UID:weekly@corp\nSUMMARY:出差 苏州\nDTSTART;TZID=Asia/Shanghai:20260406T080000\n"
    "DTEND;TZID=Asia/Shanghai:20260408T200000\nRRULE:FREQ=WEEKLY;COUNT=6\n"
    "EXDATE;TZID=Asia/Shanghai:20260420T080000",
    "UID:weekly@corp\nRECURRENCE-ID;TZID=Asia/Shanghai:20260427T080000\n"
    "SUMMARY:出差 苏州（改期）\nDTSTART;TZID=Asia/Shanghai:20260429T080000\n"
    "DTEND;TZID=Asia/Shanghai:20260501T200000",
)


@pytest.mark.parametrize("zone", ZONES)
def test_a_weekly_trip_with_an_exception_and_a_moved_occurrence(zone: str) -> None:
    result = scan(ics(*WEEKLY), zone)
    assert result.skipped == ()
    assert [(f.uid, f.start, f.end, f.summary, f.line) for f in result.found] == [
        ("weekly@corp#20260406T000000Z", date(2026, 4, 6), date(2026, 4, 8), "出差 苏州", 3),
        ("weekly@corp#20260413T000000Z", date(2026, 4, 13), date(2026, 4, 15), "出差 苏州", 3),
        # The moved one keeps its id: the start it was moved from.
        (
            "weekly@corp#20260427T000000Z",
            date(2026, 4, 29),
            date(2026, 5, 1),
            "出差 苏州（改期）",
            11,
        ),
        ("weekly@corp#20260504T000000Z", date(2026, 5, 4), date(2026, 5, 6), "出差 苏州", 3),
        ("weekly@corp#20260511T000000Z", date(2026, 5, 11), date(2026, 5, 13), "出差 苏州", 3),
    ]
    assert scan(ics(*WEEKLY), zone) == result


def test_occurrences_are_those_inside_the_plans_span() -> None:
    """Monthly for ever from January: from the plan's first day to its last."""
    data = ics(
        "UID:m\nSUMMARY:Travel\nDTSTART;VALUE=DATE:20260115\nDTEND;VALUE=DATE:20260117\n"
        "RRULE:FREQ=MONTHLY"
    )
    span = (date(2026, 3, 16), date(2026, 8, 14))  # touches March's trip, not August's
    found = scan(data, span=span).found
    assert [(f.uid, f.start, f.end) for f in found] == [
        (f"m#2026{m:02d}15", date(2026, m, 15), date(2026, m, 16)) for m in range(3, 8)
    ]


def test_a_changed_occurrence_renamed_cancelled_or_broken() -> None:
    data = ics(
        "UID:w\nSUMMARY:Trip\nDTSTART;VALUE=DATE:20260406\nDTEND;VALUE=DATE:20260408\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\nRDATE;VALUE=DATE:20260601",
        # renamed: no longer a trip
        "UID:w\nRECURRENCE-ID;VALUE=DATE:20260413\nSUMMARY:Dentist\nDTSTART;VALUE=DATE:20260413",
        "UID:w\nRECURRENCE-ID;VALUE=DATE:20260420\nSUMMARY:Trip\nSTATUS:CANCELLED\n"
        "DTSTART;VALUE=DATE:20260420",
        # broken: the occurrence stays as the rule makes it
        "UID:w\nRECURRENCE-ID;VALUE=DATE:20260427\nSUMMARY:Trip moved\n"
        "DTSTART;VALUE=DATE:20260428\nno colon here",
    )
    result = scan(data)
    assert [(f.uid, f.start, f.end) for f in result.found] == [
        ("w#20260406", date(2026, 4, 6), date(2026, 4, 7)),
        ("w#20260427", date(2026, 4, 27), date(2026, 4, 28)),
        ("w#20260601", date(2026, 6, 1), date(2026, 6, 2)),
    ]
    assert sorted((s.line, s.kind) for s in result.skipped) == [
        (17, "cancelled"),
        (24, "bad_line"),  # the broken change is itself reported
    ]


def test_a_changed_occurrence_without_its_series_is_one_trip() -> None:
    data = ics(
        "UID:w\nRECURRENCE-ID:20260413T010000Z\nSUMMARY:Trip\n"
        "DTSTART;VALUE=DATE:20260414\nDTEND;VALUE=DATE:20260416"
    )
    assert [(f.uid, f.start, f.end) for f in scan(data).found] == [
        ("w#20260413T010000Z", date(2026, 4, 14), date(2026, 4, 15))
    ]


@pytest.mark.parametrize("zone", ZONES)
def test_a_repeating_all_day_event_written_in_utc(zone: str) -> None:
    data = ics(
        "UID:u\nSUMMARY:Trip\nDTSTART:20260328T000000Z\nDTEND:20260329T000000Z\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20260412T000000Z"
    )
    assert dates(data, zone) == [(date(2026, 3, d), date(2026, 3, d)) for d in (28,)] + [
        (date(2026, 4, 4), date(2026, 4, 4)),
        (date(2026, 4, 11), date(2026, 4, 11)),
    ]


def test_a_repeating_event_in_a_zone_only_the_file_defines() -> None:
    zone = (
        "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
        "TZOFFSETFROM:-1000\nTZOFFSETTO:-1000\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    data = ics(
        "UID:a\nSUMMARY:Trip\nDTSTART;TZID=Customized Time Zone:20260420T200000\n"
        "DTEND;TZID=Customized Time Zone:20260422T100000\nRRULE:FREQ=WEEKLY;COUNT=3\n"
        "EXDATE:20260428T060000Z",
        head=zone,
    )
    assert dates(data) == [
        (date(2026, 4, 20), date(2026, 4, 22)),
        (date(2026, 5, 4), date(2026, 5, 6)),
    ]


def test_a_repeated_series_uid_is_skipped_once() -> None:
    rule = "DTSTART;VALUE=DATE:20260406\nRRULE:FREQ=WEEKLY;COUNT=2"
    result = scan(ics(f"UID:x\nSUMMARY:Trip A\n{rule}", f"UID:x\nSUMMARY:Trip B\n{rule}"))
    assert [f.uid for f in result.found] == ["x#20260406", "x#20260413"]
    assert [(s.line, s.kind) for s in result.skipped] == [(9, "duplicate_uid")]
