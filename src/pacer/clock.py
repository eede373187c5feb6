"""The one clock: every "now" and "today" in pacer comes from here, and tests can set it."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, tzinfo

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.plan.model import Plan

_fixed: datetime | None = None
# The absolute range of any date pacer accepts (bounds.py says more).
EARLIEST = date(1970, 1, 1)
LATEST = date(2200, 12, 31)


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
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        moment = None
    if moment is None or not EARLIEST.year <= moment.year <= LATEST.year:
        # The messages are loaded only for the refusal: a good PACER_NOW costs nothing.
        from pacer.bounds import shown
        from pacer.errors import InputError
        from pacer.i18n import Message

        if moment is None:
            raise InputError(Message("clock.bad_now", raw=shown(raw)))
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


def today(plan: Plan) -> date:
    """The study day it is now for the person of `plan`: what "today" means to them (the
    date `today`, `log`, the web, streaks and the review go by), see study_date. The clock
    is the machine's (a laptop follows its owner across zones) unless PACER_TZ says where
    the person is; the plan's `day_starts` says when their day begins."""
    return study_date(now_utc(), wall_zone(), plan.day_starts)


def wall_zone() -> tzinfo:
    """The zone of the person's wall clock: PACER_TZ, else the machine's."""
    return local_zone() or machine_zone()


def wall_zone_name() -> str | None:
    """The IANA name of the person's wall clock's zone, when it has one."""
    key = getattr(wall_zone(), "key", None)
    return key if isinstance(key, str) and "/" in key else None


def wall_date() -> date:
    """The calendar date on the person's wall clock, for what needs a date but has no plan
    (the span of a blank plan, the name of a plan's dated copy)."""
    return now_utc().astimezone(wall_zone()).date()


def machine_zone() -> tzinfo:
    """The machine's own zone, with its daylight saving rules: TZ if it names a zone, else
    /etc/localtime; a fixed offset only when neither can be read."""
    from zoneinfo import ZoneInfo

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            pass  # a POSIX rule string ("CET-1CEST") rather than a zone name
    else:
        # /etc/localtime is usually a link into the zone database: its name is the zone's.
        target = os.path.realpath("/etc/localtime")
        if "/zoneinfo/" in target:
            try:
                return ZoneInfo(target.split("/zoneinfo/", 1)[1])
            except (ValueError, KeyError, OSError):
                pass
        try:
            with open("/etc/localtime", "rb") as fh:
                return ZoneInfo.from_file(fh, key="localtime")
        except (ValueError, OSError):
            pass
    zone = now_utc().astimezone().tzinfo
    return zone if zone is not None else UTC


def study_date(moment: datetime, zone: tzinfo, day_starts: str = "00:00") -> date:
    """The date a moment belongs to: its date on the wall clock of `zone`, or the day before
    while that clock reads earlier than `day_starts` ("HH:MM", 00:00..12:00; a night owl's
    02:00 with "04:00" is still yesterday). The one place pacer decides what day it is.

    Daylight saving time: the day begins when the wall clock first reads `day_starts` or
    later. A clock that jumps over it (02:30 on a night the clocks go forward) starts the
    day at the jump; a clock that goes back over it (02:00-02:59 happens twice on the night
    they go back) does not take the day back: the second pass stays on the new date. So the
    study date never goes backwards as time goes on, and a study day is 23 or 25 hours long
    on those nights."""
    local = moment.astimezone(zone)
    hours, minutes = int(day_starts[:2]), int(day_starts[3:5])
    wall = local.replace(tzinfo=None, fold=0)
    start = wall.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    day = local.date() if wall >= start else local.date() - timedelta(days=1)
    if local.fold:
        # The second pass of a repeated hour: if the first pass already crossed a day's
        # start that lies ahead of this wall reading, that day has begun.
        ahead = start if start > wall else start + timedelta(days=1)
        # A reading that happens twice has its first (fold 0) instant earlier than its
        # second; in a skipped hour it is the other way round.
        first, second = ahead.replace(tzinfo=zone, fold=0), ahead.replace(tzinfo=zone, fold=1)
        if first.timestamp() < second.timestamp():
            day = max(day, ahead.date())
    return day


def wall_seconds() -> float:
    """The machine's real time (seconds since the epoch), for the age of a file: the file
    system stamps files with this clock, so PACER_NOW and set_now() do not move it."""
    import time

    return time.time()
