"""A roster from a calendar file: the days each shift event gives a day template."""

from __future__ import annotations

from pathlib import Path

from pacer.calendar.days import RosterEntry
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.plan.model import Plan
from pacer.record import record
from pacer.service.session import Session

# typing and the iCalendar code cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from pacer.interop.ics_read import SkippedEvent


@record
class RosterImport:
    """What one import did: entries added, entries whose event changed (moved, renamed or
    mapped to another template), entries already as the calendar says, events skipped."""

    added: tuple[RosterEntry, ...]
    updated: tuple[RosterEntry, ...]
    same: tuple[RosterEntry, ...]
    skipped: tuple[SkippedEvent, ...]
    events: int


def parse_maps(plan: Plan, maps: Sequence[str]) -> dict[str, str]:
    """`--map SUMMARY=TEMPLATE` options as {summary word: template id}, each template one of
    the plan's; at least one."""
    import difflib

    if not maps:
        raise PacerError(Message("rota.roster.no_map"))
    known = [t.id for t in plan.day_templates]
    out: dict[str, str] = {}
    for raw in maps:
        key, sep, template = raw.partition("=")
        key, template = " ".join(key.split()), template.strip()
        if not sep or not key or not template:
            raise PacerError(Message("rota.roster.bad_map", raw=raw))
        if template not in known:
            close = difflib.get_close_matches(template, known, n=1, cutoff=0.6)
            if close:
                raise PacerError(
                    Message(
                        "rota.roster.unknown_template_hint", raw=raw, id=template, hint=close[0]
                    )
                )
            raise PacerError(
                Message(
                    "rota.roster.unknown_template", raw=raw, id=template, known=", ".join(known)
                )
            )
        if key.casefold() in (k.casefold() for k in out):
            raise PacerError(Message("rota.roster.duplicate_map", raw=raw, key=key))
        out[key] = template
    return out


def template_for(summary: str, maps: dict[str, str]) -> str | None:
    """The template of the longest key the summary has (as `trip import` finds its words:
    ignoring case; a key beginning with a Latin letter or digit begins a word)."""
    from pacer.interop.ics_read import summary_pattern

    hits = [k for k in maps if summary_pattern([k]).search(summary)]
    return maps[max(hits, key=len)] if hits else None


def import_roster(session: Session, path: Path, maps: Sequence[str]) -> RosterImport:
    """Roster entries from the calendar at `path`: each event whose summary has a `--map`
    key sets the template of the days it covers (an all-day event: each of its days; a
    timed shift: the day it begins). By UID: an event imported before changes nothing, or
    updates its entry when the calendar changed it. All in one transaction; a file that
    cannot be read, or is no calendar, imports nothing and raises."""
    from zoneinfo import ZoneInfo

    from pacer.interop.ics_read import NotACalendar, scan_trips
    from pacer.service.ics import _read
    from pacer.store.roster import import_roster as store_import

    plan = session.plan
    chosen = parse_maps(plan, maps)
    data = _read(path, "roster import")
    try:
        scan = scan_trips(
            data, list(chosen), ZoneInfo(plan.timezone), (plan.start, plan.end), start_days=True
        )
    except NotACalendar:
        raise PacerError(Message("rota.roster.not_calendar", path=path)) from None
    rows = []
    for found in scan.found:
        template = template_for(found.summary, chosen)
        assert template is not None  # the scan kept only summaries with a key
        rows.append((found.uid, found.start, found.end, template, found.summary))
    outcomes = store_import(session.store, rows, str(path))
    by_kind: dict[str, list[RosterEntry]] = {"added": [], "updated": [], "same": []}
    for what, entry in outcomes:
        by_kind[what].append(entry)
    return RosterImport(
        tuple(by_kind["added"]),
        tuple(by_kind["updated"]),
        tuple(by_kind["same"]),
        tuple(sorted(scan.skipped, key=lambda s: s.line)),
        scan.events,
    )


def list_roster(session: Session) -> list[RosterEntry]:
    from pacer.store.roster import list_roster as stored

    return stored(session.store)


def remove_roster(session: Session, entry_id: int) -> RosterEntry:
    from pacer.store.roster import remove_roster as remove

    return remove(session.store, entry_id)


def roster_json(entry: RosterEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
        "days": entry.days,
        "template": entry.template,
        "summary": entry.summary,
    }
