"""The one clock: fixed by set_now or PACER_NOW; the local date follows PACER_TZ."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from pacer import clock
from pacer.plan.model import Plan


@pytest.fixture(autouse=True)
def real_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("PACER_NOW", raising=False)
    monkeypatch.delenv("PACER_TZ", raising=False)
    clock.set_now(None)
    yield
    clock.set_now(None)


def plan_in(zone: str, day_starts: str = "00:00") -> Plan:
    """A plan whose only parts that matter here are its zone and its day_starts."""
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    return Plan("p", "p", start, end, (), (), (), (), timezone=zone, day_starts=day_starts)


def test_set_now_fixes_now_and_today(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime(2026, 3, 10, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    clock.set_now(moment)
    assert clock.now_utc() == datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    assert clock.now_utc().utcoffset() == timedelta(0)
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")
    assert clock.today(plan_in("Europe/Berlin")) == date(2026, 3, 10)


def test_today_without_pacer_tz_is_on_the_machines_zone_not_the_plans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    clock.set_now(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))  # 16:30 in LA, 07:30 (11th) Shanghai
    assert clock.local_zone() is None
    assert clock.today(plan_in("Asia/Shanghai")) == date(2026, 3, 10)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert clock.today(plan_in("America/New_York")) == date(2026, 3, 11)


def test_machine_zone_keeps_daylight_saving_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    zone = clock.machine_zone()
    winter, summer = datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC)
    assert (winter.astimezone(zone).hour, summer.astimezone(zone).hour) == (13, 14)
    monkeypatch.setenv("TZ", "CET-1")  # a POSIX rule, not a zone name: a fixed offset is next best
    assert clock.machine_zone() is not None


def test_set_now_none_restores_the_real_clock() -> None:
    clock.set_now(datetime(2000, 1, 1, tzinfo=UTC))
    clock.set_now(None)
    before = datetime.now(UTC)
    now = clock.now_utc()
    assert before <= now <= datetime.now(UTC)


def test_set_now_wins_over_pacer_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACER_NOW", "2030-01-01T00:00:00+00:00")
    clock.set_now(datetime(2026, 3, 10, tzinfo=UTC))
    assert clock.now_utc() == datetime(2026, 3, 10, tzinfo=UTC)


def test_pacer_now_fixes_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACER_NOW", "2026-03-10T08:00:00+08:00")
    monkeypatch.setenv("PACER_TZ", "Asia/Shanghai")
    assert clock.now_utc() == datetime(2026, 3, 10, 0, 0, tzinfo=UTC)
    assert clock.today(plan_in("Europe/Berlin")) == date(2026, 3, 10)


def test_pacer_now_without_offset_is_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACER_NOW", "2026-03-10T23:30:00")
    assert clock.now_utc() == datetime(2026, 3, 10, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "local"),
    [
        ("Asia/Shanghai", date(2026, 3, 11)),
        ("America/Los_Angeles", date(2026, 3, 10)),
        ("UTC", date(2026, 3, 10)),
    ],
)
def test_pacer_tz_decides_the_date_near_midnight(
    monkeypatch: pytest.MonkeyPatch, zone: str, local: date
) -> None:
    monkeypatch.setenv("PACER_NOW", "2026-03-10T23:30:00+00:00")
    monkeypatch.setenv("PACER_TZ", zone)
    assert clock.today(plan_in("Europe/Berlin")) == local


def test_shown_times_follow_pacer_tz_else_the_plans_zone_not_the_machines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    stamp = "2026-04-12T13:00:00+00:00"
    assert clock.shown_at(stamp, "Asia/Shanghai") == datetime(
        2026, 4, 12, 21, 0, tzinfo=timezone(timedelta(hours=8))
    )
    assert clock.shown_at(stamp, "Asia/Shanghai").strftime("%H:%M") == "21:00"
    assert clock.shown_at(datetime(2026, 4, 12, 13, 0, tzinfo=UTC), "Europe/Berlin").hour == 15
    monkeypatch.setenv("PACER_TZ", "Asia/Tokyo")
    assert clock.shown_at(stamp, "Asia/Shanghai").strftime("%H:%M") == "22:00"
