"""The one clock: every "now" and "today" in pacer comes from here, and tests can set it."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, tzinfo

_fixed: datetime | None = None


def set_now(moment: datetime | None) -> None:
    """Fix the clock (an aware datetime) for tests; None restores the real clock."""
    global _fixed
    _fixed = moment


def now_utc() -> datetime:
    """Now, in UTC. PACER_NOW (ISO 8601 with offset) fixes it for a whole process."""
    if _fixed is not None:
        return _fixed.astimezone(UTC)
    fixed = os.environ.get("PACER_NOW")
    if fixed:
        return _fixed_now(fixed)
    return datetime.now(UTC)


def _fixed_now(raw: str) -> datetime:
    """PACER_NOW as a moment in UTC; malformed or outside bounds.EARLIEST..LATEST (where
    every date pacer works on lies) is one clear line, exit 2."""
    from pacer.bounds import EARLIEST, LATEST, shown
    from pacer.errors import InputError
    from pacer.i18n import Message

    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(Message("clock.bad_now", raw=shown(raw))) from None
    if not EARLIEST.year <= moment.year <= LATEST.year:
        raise InputError(Message("clock.now_outside", raw=shown(raw), first=EARLIEST, last=LATEST))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def local_zone() -> tzinfo | None:
    """PACER_TZ if set (the person's zone while travelling), else the machine's zone."""
    name = os.environ.get("PACER_TZ")
    if name:
        return _zone(name)
    return None


def _zone(name: str) -> tzinfo:
    """The zone PACER_TZ names; an unknown name is one clear line with a did-you-mean."""
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        pass  # ZoneInfoNotFoundError is a KeyError; a path-like name is a ValueError
    import difflib
    from zoneinfo import available_timezones

    from pacer.bounds import shown
    from pacer.errors import InputError
    from pacer.i18n import Message

    zones = sorted(available_timezones())
    # Case and spacing slips first (asia/shanghai), then spelling.
    folded = {z.lower(): z for z in zones}
    close = [folded[k] for k in (name.strip().lower(),) if k in folded] or (
        difflib.get_close_matches(name, zones, n=1, cutoff=0.6) if len(name) <= 64 else []
    )
    if close:
        raise InputError(Message("clock.bad_zone_hint", raw=shown(name), hint=close[0]))
    raise InputError(Message("clock.bad_zone", raw=shown(name)))


def zone_named(name: str) -> tzinfo:
    """A zone by name (an absence's `--tz`), refused as PACER_TZ's is: one line, with a
    did-you-mean (the caller says where the name came from)."""
    return _zone(name)


def person_zone(plan_zone: str) -> tzinfo:
    """The zone every time pacer shows is in: PACER_TZ if set (the person, travelling), else
    the plan's `timezone` (their home) — never the machine's own zone, which on a server or in
    a container is often UTC. (`plan_zone` is the plan's, validated when it was loaded.)"""
    zone = local_zone()
    if zone is not None:
        return zone
    from zoneinfo import ZoneInfo

    return ZoneInfo(plan_zone)


def shown_at(stamp: str | datetime, plan_zone: str) -> datetime:
    """A moment (a stored UTC timestamp, ISO 8601, or a datetime; naive means UTC) as the
    person's wall-clock time, see person_zone."""
    moment = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(person_zone(plan_zone))


def now_local() -> datetime:
    """Now in the person's zone (PACER_TZ, else the machine's)."""
    zone = local_zone()
    moment = now_utc()
    return moment.astimezone(zone) if zone else moment.astimezone()


def today() -> date:
    """The local date: what "today" means to the person right now."""
    zone = local_zone()
    moment = now_utc()
    return (moment.astimezone(zone) if zone else moment.astimezone()).date()


def wall_seconds() -> float:
    """The machine's real time (seconds since the epoch), for the age of a file: the file
    system stamps files with this clock, so PACER_NOW and set_now() do not move it."""
    import time

    return time.time()
