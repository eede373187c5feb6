"""clock.study_date: the one answer to "what day is it", with the plan's day_starts, around
midnight, the day's start and Berlin's daylight-saving nights of 2026."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacer import clock
from pacer.plan.model import Plan

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def real_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("PACER_NOW", raising=False)
    monkeypatch.delenv("PACER_TZ", raising=False)
    clock.set_now(None)
    yield
    clock.set_now(None)


def at(utc: str) -> datetime:
    return datetime.fromisoformat(utc).replace(tzinfo=UTC)


# (the moment in UTC, Berlin's wall clock then, the study date with "04:00", with "00:00")
ORDINARY = [
    ("2026-03-10T22:59", "23:59 on Tue 10 March", date(2026, 3, 10), date(2026, 3, 10)),
    ("2026-03-10T23:00", "00:00 on Wed 11 March", date(2026, 3, 10), date(2026, 3, 11)),
    ("2026-03-11T02:59", "03:59 on Wed 11 March", date(2026, 3, 10), date(2026, 3, 11)),
    ("2026-03-11T03:00", "04:00 on Wed 11 March", date(2026, 3, 11), date(2026, 3, 11)),
]
# 29 March 2026: at 02:00 CET the clocks go to 03:00 CEST (02:00-02:59 never shows).
SPRING = [
    ("2026-03-28T22:59", "23:59 CET on Sat 28 March", date(2026, 3, 28), date(2026, 3, 28)),
    ("2026-03-28T23:00", "00:00 CET on Sun 29 March", date(2026, 3, 28), date(2026, 3, 29)),
    (
        "2026-03-29T00:59",
        "01:59 CET, the last before the jump",
        date(2026, 3, 28),
        date(2026, 3, 29),
    ),
    ("2026-03-29T01:00", "03:00 CEST, the first after it", date(2026, 3, 28), date(2026, 3, 29)),
    ("2026-03-29T01:59", "03:59 CEST", date(2026, 3, 28), date(2026, 3, 29)),
    ("2026-03-29T02:00", "04:00 CEST", date(2026, 3, 29), date(2026, 3, 29)),
]
# 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET (02:00-02:59 shows twice).
AUTUMN = [
    ("2026-10-24T21:59", "23:59 CEST on Sat 24 October", date(2026, 10, 24), date(2026, 10, 24)),
    ("2026-10-24T22:00", "00:00 CEST on Sun 25 October", date(2026, 10, 24), date(2026, 10, 25)),
    ("2026-10-25T00:30", "02:30 CEST, the first time", date(2026, 10, 24), date(2026, 10, 25)),
    ("2026-10-25T01:30", "02:30 CET, the second time", date(2026, 10, 24), date(2026, 10, 25)),
    ("2026-10-25T02:59", "03:59 CET", date(2026, 10, 24), date(2026, 10, 25)),
    ("2026-10-25T03:00", "04:00 CET", date(2026, 10, 25), date(2026, 10, 25)),
]


@pytest.mark.parametrize(("utc", "wall", "late", "midnight"), ORDINARY + SPRING + AUTUMN)
def test_before_day_starts_it_is_still_yesterday(
    utc: str, wall: str, late: date, midnight: date
) -> None:
    moment = at(utc)
    assert moment.astimezone(BERLIN).strftime("%H:%M") == wall.split()[0], wall
    assert clock.study_date(moment, BERLIN, "04:00") == late, wall
    assert clock.study_date(moment, BERLIN) == midnight, wall  # the default: midnight


def test_the_study_days_around_the_clock_changes_are_23_and_25_hours_long() -> None:
    def first_moment_of(day: date) -> datetime:
        moment = at(f"{day - timedelta(days=1)}T20:00")
        while clock.study_date(moment, BERLIN, "04:00") < day:
            moment += timedelta(minutes=1)
        return moment

    assert first_moment_of(date(2026, 3, 29)) == at("2026-03-29T02:00")  # 04:00 CEST
    assert first_moment_of(date(2026, 3, 29)) - first_moment_of(date(2026, 3, 28)) == timedelta(
        hours=23
    )
    assert first_moment_of(date(2026, 10, 25)) - first_moment_of(date(2026, 10, 24)) == timedelta(
        hours=25
    )


def test_a_day_start_the_clock_jumps_over_begins_the_day_at_the_jump() -> None:
    # "02:30" never shows on 29 March: the day begins when the clock reads 03:00 CEST.
    assert clock.study_date(at("2026-03-29T00:59"), BERLIN, "02:30") == date(2026, 3, 28)
    assert clock.study_date(at("2026-03-29T01:00"), BERLIN, "02:30") == date(2026, 3, 29)


def test_a_day_start_the_clock_passes_twice_is_not_taken_back() -> None:
    # "02:30" shows twice on 25 October: the day begins at the first; at 02:10 CET, after the
    # clocks went back, it stays 25 October (the date never goes backwards).
    assert clock.study_date(at("2026-10-25T00:29"), BERLIN, "02:30") == date(2026, 10, 24)
    assert clock.study_date(at("2026-10-25T00:30"), BERLIN, "02:30") == date(2026, 10, 25)
    second_pass = at("2026-10-25T01:10")
    assert (
        second_pass.astimezone(BERLIN).strftime("%H:%M"),
        second_pass.astimezone(BERLIN).fold,
    ) == (
        "02:10",
        1,
    )
    assert clock.study_date(second_pass, BERLIN, "02:30") == date(2026, 10, 25)


def test_today_is_on_pacer_tz_else_the_machines_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """DESIGN rule 7: the machine's clock (a laptop follows its owner), unless PACER_TZ says
    where the person is; never the plan's home zone, which stays home when they travel."""
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    plan = Plan("p", "p", start, end, (), (), (), (), timezone="Europe/Berlin", day_starts="04:00")
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    clock.set_now(at("2026-03-11T05:00"))  # 06:00 in Berlin, 22:00 (10th) in LA, 13:00 Shanghai
    assert clock.today(plan) == date(2026, 3, 10)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert clock.today(plan) == date(2026, 3, 11)
    clock.set_now(at("2026-03-11T02:00"))  # 03:00 in Berlin: before the day starts
    assert clock.today(plan) == date(2026, 3, 10)
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")  # 10:00 in Shanghai
    assert clock.today(plan) == date(2026, 3, 11)


# Zones with daylight saving time of every sort: an hour at 02:00 or 03:00, half an hour
# (Lord Howe), at midnight (Santiago), in the southern hemisphere; and one without.
ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Shanghai",
]
day_starts = st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 11), st.integers(0, 59)
) | st.just("12:00")
# 2026's clock changes in those zones: (zone, the moment in UTC).
CHANGES = [
    ("Europe/Berlin", at("2026-03-29T01:00")),
    ("Europe/Berlin", at("2026-10-25T01:00")),
    ("America/New_York", at("2026-03-08T07:00")),
    ("America/New_York", at("2026-11-01T06:00")),
    ("America/Santiago", at("2026-04-05T03:00")),
    ("America/Santiago", at("2026-09-06T04:00")),
    ("Australia/Lord_Howe", at("2026-04-04T15:00")),
    ("Australia/Lord_Howe", at("2026-10-03T15:30")),
    ("Pacific/Chatham", at("2026-04-04T14:00")),
    ("Pacific/Chatham", at("2026-09-26T14:00")),
]
# Moments of 2026, most of them within a day of a clock change.
moments = st.one_of(
    st.builds(
        lambda c, s: c + timedelta(seconds=s),
        st.sampled_from([c for _, c in CHANGES]),
        st.integers(-86_400, 86_400),
    ),
    # hypothesis wants naive bounds; the moments it draws are in UTC.
    st.datetimes(
        datetime(2026, 1, 1),  # noqa: DTZ001
        datetime(2026, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
)


@given(st.sampled_from(ZONES), day_starts, moments)
def test_the_study_date_is_the_local_date_or_the_day_before(
    zone: str, starts: str, moment: datetime
) -> None:
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    day = clock.study_date(moment, tz, starts)
    # On the second pass of an hour the clocks went back over, a day the first pass began
    # stays begun: the local date may then show the day before it.
    allowed = {local.date(), local.date() - timedelta(days=1)}
    if local.fold:
        allowed.add(local.date() + timedelta(days=1))
    assert day in allowed
    if local.strftime("%H:%M") >= starts and not local.fold:
        assert day == local.date()


@given(st.sampled_from(ZONES), day_starts, moments, st.integers(0, 6 * 3600))
def test_the_study_date_never_goes_backwards(
    zone: str, starts: str, moment: datetime, later: int
) -> None:
    tz = ZoneInfo(zone)
    after = moment + timedelta(seconds=later)
    assert clock.study_date(moment, tz, starts) <= clock.study_date(after, tz, starts)


@pytest.mark.parametrize(("zone", "change"), CHANGES, ids=lambda c: str(c)[:16])
def test_across_each_clock_change_the_study_date_never_goes_backwards(
    zone: str, change: datetime
) -> None:
    # Every day start from 00:00 to 12:00 in 10-minute steps, every 5 minutes for three hours
    # either side of the change: a start the clock passes twice is among them.
    tz = ZoneInfo(zone)
    assert (
        change.astimezone(tz).utcoffset()
        != (change - timedelta(hours=1)).astimezone(tz).utcoffset()
    )
    for step in range(0, 12 * 60 + 1, 10):
        starts = f"{step // 60:02d}:{step % 60:02d}"
        days = [
            clock.study_date(change + timedelta(minutes=m), tz, starts) for m in range(-180, 181, 5)
        ]
        assert days == sorted(days), starts
