"""`pacer remind`: the day's agenda as a push message, sent through apprise to the URLs of the
data folder's remind.toml; and the systemd user units that run it at the templates' hours."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from pacer import clock
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.plan.model import REVIEW_TARGET
from pacer.record import record
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from apprise import Apprise

    from pacer.plan.model import Plan

SETTINGS_FILE = "remind.toml"
EXAMPLE_LINE = 'urls = ["ntfy://ntfy.sh/your-topic"]'
MAX_SETTINGS_BYTES = 64 * 1024


def settings_path() -> Path:
    """remind.toml in the data folder, beside the database and the plan."""
    from pacer.workspace import data_dir

    return data_dir() / SETTINGS_FILE


def read_settings(path: Path) -> tuple[str, ...]:
    """The notification URLs of `path`: a TOML file with `urls = ["…", …]` (a list of at
    least one non-empty string). Anything else is refused in one line naming the file."""
    import tomllib

    from pacer.bounds import refuse_special_file

    if not path.exists():
        raise PacerError(Message("remind.no_settings", path=path, example=EXAMPLE_LINE))
    refuse_special_file(path, "remind")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_SETTINGS_BYTES + 1)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise PacerError(Message("remind.unreadable", path=path, detail=detail)) from None
    try:
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError("too big")
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        # tomllib says where: "Expected '=' after a key in a key/value pair (at line 2, …)".
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PacerError(
            Message("remind.bad_settings", path=path, detail=detail, example=EXAMPLE_LINE)
        ) from None
    urls = data.get("urls")
    if isinstance(urls, str):
        urls = [urls]
    if (
        not isinstance(urls, list)
        or not urls
        or not all(isinstance(u, str) and u.strip() for u in urls)
    ):
        raise PacerError(Message("remind.no_urls", path=path, example=EXAMPLE_LINE))
    unknown = sorted(set(data) - {"urls"})
    if unknown:
        raise PacerError(
            Message("remind.unknown_key", path=path, key=unknown[0], example=EXAMPLE_LINE)
        )
    return tuple(u.strip() for u in urls)


# -- the agenda -------------------------------------------------------------------------------
@record
class RemindItem:
    """A unit placed in a work block: its title, id and minutes that day."""

    title: str
    unit: str
    minutes: int


@record
class RemindBlock:
    """One block of the day at its clock time, with what it holds and what is logged."""

    title: str
    kind: str  # habit, work, ritual
    start: time
    end: time
    minutes: int
    max_minutes: int | None
    items: tuple[RemindItem, ...]
    logged: int  # minutes logged today for a habit's track or the review


@record
class Agenda:
    """What `pacer remind` says: the day, its template, its blocks, and the review if due."""

    day: date
    weekday: str  # mon … sun
    template: str  # the template's title ("" on a day with nothing planned)
    blocks: tuple[RemindBlock, ...]
    review: Message | None
    back: Message | None = None  # a first day back after an absence: lighter work blocks

    @property
    def empty(self) -> bool:
        return not self.blocks and self.review is None


def agenda_of(session: Session, day: date) -> Agenda:
    """The day's blocks at their times (as `export ics` writes them), each work block's
    units, the minutes logged so far, and the weekly review's notice if it is due. A work
    block with nothing placed is left out, as the calendar leaves it free."""
    from zoneinfo import ZoneInfo

    from pacer.interop.ics import block_times
    from pacer.service.days import agenda, logged_by_target, ramp_notice
    from pacer.service.reviewdue import review_notice

    plan = session.plan
    view = agenda(session, day)
    logged, _ = logged_by_target(view)
    away = view.plan.info.trip
    zone = ZoneInfo(away.tz if away is not None and away.tz else plan.timezone)
    blocks = []
    for tb in block_times(plan, view.plan, zone):
        bp, block = tb.block, tb.block.block
        if block.type == "work" and not bp.items:
            continue
        items = tuple(
            RemindItem(view.unit(plan, p.unit).title, p.unit, p.minutes) for p in bp.items
        )
        target = block.track if block.type == "habit" else REVIEW_TARGET
        done = logged.get(target, 0) if block.type != "work" and target else 0
        blocks.append(
            RemindBlock(
                block.title,
                block.type,
                tb.start.timetz().replace(tzinfo=None),
                tb.end.timetz().replace(tzinfo=None),
                *view.plan.asks(bp),
                items,
                done,
            )
        )
    review = review_notice(session, day, clock.today(plan))
    info = view.plan.info
    back = None if view.plan.ramp is None else ramp_notice(view.plan.ramp)
    return Agenda(day, info.weekday, view.plan.template.title, tuple(blocks), review, back)


# -- sending ----------------------------------------------------------------------------------
def _apprise() -> type[Apprise]:
    import warnings

    with warnings.catch_warnings():
        # Some of apprise's plugins import modules Python deprecates (imghdr); not ours to fix.
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            from apprise import Apprise
        except ImportError:
            raise PacerError(Message("remind.no_apprise")) from None
    return Apprise


def _where(url: str) -> str:
    """A URL as errors name it: its scheme only, since the rest often holds a token."""
    scheme, sep, _ = url.partition(":")
    return f"{scheme}:…" if sep and scheme.isalnum() else "…"


def services(path: Path, urls: tuple[str, ...]) -> Apprise:
    """An apprise object for `urls`; a URL apprise does not understand is refused, naming
    the file, the URL's place and scheme."""
    import warnings

    apprise = _apprise()()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # plugins load on the first add
        for n, url in enumerate(urls, 1):
            if not apprise.add(url):
                raise PacerError(
                    Message("remind.bad_url", path=path, n=n, url=_where(url), example=EXAMPLE_LINE)
                )
    return apprise


def shown_urls(apprise: Apprise) -> list[str]:
    """Each service's URL with its secrets masked (apprise's privacy form), for --dry-run."""
    # apprise's plugins carry no type hints.
    return [service.url(privacy=True).split("?", 1)[0] for service in apprise]  # type: ignore[no-untyped-call]


def send(apprise: Apprise, path: Path, title: str, body: str) -> None:
    """Send to every service; if any fails, raise with apprise's own reason in one line."""
    import logging
    import warnings

    reasons: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                reasons.append(record.getMessage().strip())

    logger = logging.getLogger("apprise")
    keep = Keep()
    logger.addHandler(keep)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            sent = bool(apprise.notify(body=body, title=title))
    finally:
        logger.removeHandler(keep)
    if not sent:
        reason = reasons[-1].splitlines()[0].rstrip(".") if reasons else "-"
        raise PacerError(Message("remind.send_failed", path=path, reason=reason))


# -- systemd ----------------------------------------------------------------------------------
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def start_times(plan: Plan) -> list[tuple[str, tuple[int, ...]]]:
    """When each weekday of the normal week begins ("HH:MM", the weekdays, Monday 0), the
    hours ordered: a template's `start` (or the one `export ics` uses for it). A start
    before `day_starts` belongs to the day before and runs on the next calendar day."""
    from datetime import timedelta

    from pacer.interop.ics import template_start

    normal = plan.shape("normal").days
    monday = date(2026, 1, 5)  # any Monday: only the weekday matters to template_start
    times: dict[str, list[int]] = {}
    for weekday, template_id in enumerate(normal):
        template = plan.template(template_id)
        if not template.blocks:
            continue  # a day with nothing planned needs no reminder
        begin = template_start(plan, template, monday + timedelta(days=weekday))
        hhmm = begin.strftime("%H:%M")
        shift = 1 if hhmm < plan.day_starts else 0
        times.setdefault(hhmm, []).append((weekday + shift) % 7)
    return [(hhmm, tuple(sorted(days))) for hhmm, days in sorted(times.items())]


def timer_zone(plan: Plan) -> str:
    """The zone the plan's start times are read in (PACER_TZ while travelling, else the plan's
    `timezone`), named in each OnCalendar= line: systemd otherwise reads them in the machine's
    own zone, often UTC on a Pi or a server."""
    key = getattr(clock.person_zone(plan.timezone), "key", None)
    return key if isinstance(key, str) else plan.timezone


def on_calendar(hhmm: str, weekdays: tuple[int, ...], zone: str) -> str:
    """systemd's OnCalendar= for those weekdays at that time in `zone`: runs of days as
    `Mon..Thu`."""
    if len(weekdays) == 7:
        return f"*-*-* {hhmm}:00 {zone}"
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        WEEKDAY_NAMES[r[0]] if len(r) == 1 else f"{WEEKDAY_NAMES[r[0]]}..{WEEKDAY_NAMES[r[-1]]}"
        for r in runs
    ]
    return f"{','.join(parts)} *-*-* {hhmm}:00 {zone}"
