"""iCalendar out, pure: block times, events re-parsed by icalendar, trips read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from pacer.calendar.days import DayInfo, Trip
from pacer.interop.ics import (
    block_times,
    block_uid,
    calendar_ics,
    template_start,
    trip_uid,
)
from pacer.interop.ics_read import DEFAULT_WORDS, scan_trips
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


def test_an_exported_calendar_reads_back_as_its_trips(plan: Plan) -> None:
    trips = [
        (Trip(1, date(2026, 3, 11), date(2026, 3, 13), "出差 深圳"), None),
        (Trip(2, date(2026, 4, 1), date(2026, 4, 1), ""), None),
    ]
    days = [day_plan(plan, MON, "workday", {"main": [Placement("calc-2", 60)]})]
    data = calendar_ics(plan, days, trips, STAMP)
    span = (plan.start, plan.end)
    found = scan_trips(data, DEFAULT_WORDS, ZoneInfo("America/Los_Angeles"), span).found
    assert [(f.start, f.end, f.summary) for f in found] == [
        (date(2026, 3, 11), date(2026, 3, 13), "出差 深圳"),
        (date(2026, 4, 1), date(2026, 4, 1), "出差"),
    ]
