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
        moment = datetime.fromisoformat(fixed)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    return datetime.now(UTC)


def local_zone() -> tzinfo | None:
    """PACER_TZ if set (the person's zone while travelling), else the machine's zone."""
    name = os.environ.get("PACER_TZ")
    if name:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    return None


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
