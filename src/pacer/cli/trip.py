"""`pacer trip add|list|rm|import` and `pacer sick`: absences and the week each kind uses."""

from __future__ import annotations

import argparse
from pathlib import Path

from pacer.cli.common import add_json, flush_notices, print_json, session_from
from pacer.i18n import notice_json, t
from pacer.service import add_trip, list_trips, parse_day, remove_trip, trip_json
from pacer.service.absence import absence_title

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.calendar.days import Trip
    from pacer.service import Session, TripImport


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("trip", parents=[common], help=t("help.trip"))
    tsub = p.add_subparsers(dest="trip_command", metavar="add|list|rm|import", parser_class=type(p))
    a = tsub.add_parser("add", parents=[common], help=t("help.trip.add"))
    a.add_argument("start", help=t("help.trip.add.start"))
    a.add_argument("end", help=t("help.trip.add.end"))
    a.add_argument("--note", default="", help=t("help.trip.note"))
    a.add_argument("--kind", default="travel", help=t("help.trip.add.kind"))
    a.add_argument("--tz", default=None, metavar="ZONE", help=t("help.trip.add.tz"))
    a.set_defaults(handler=run_add)
    ls = tsub.add_parser("list", parents=[common], help=t("help.trip.list"))
    add_json(ls)
    ls.set_defaults(handler=run_list)
    rm = tsub.add_parser("rm", parents=[common], help=t("help.trip.rm"))
    rm.add_argument("id", help=t("help.trip.rm.id"))
    rm.set_defaults(handler=run_rm)
    im = tsub.add_parser("import", parents=[common], help=t("help.trip.import"))
    im.add_argument("file", type=Path, help=t("help.trip.import.file"))
    im.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="WORD",
        help=t("help.trip.import.match"),
    )
    add_json(im)
    im.set_defaults(handler=run_import)
    p.set_defaults(handler=lambda args: run_list_default(args))
    sick = sub.add_parser("sick", parents=[common], help=t("help.sick"))
    sick.add_argument("date", nargs="?", default=None, help=t("help.sick.date"))
    sick.add_argument("--days", default="1", help=t("help.sick.days"))
    sick.add_argument("--note", default="", help=t("help.trip.note"))
    sick.set_defaults(handler=run_sick)


def run_list_default(args: argparse.Namespace) -> int:
    args.json = False
    return run_list(args)


def run_add(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        start, end = parse_day(args.start, session.plan), parse_day(args.end, session.plan)
        trip = add_trip(session, start, end, args.note, kind=args.kind.strip(), tz=args.tz)
        flush_notices(session)
        print(added_line(session, trip))
    return 0


def run_sick(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_int
    from pacer.service import add_sick
    from pacer.service.absence import MAX_SICK_DAYS

    days = parse_int(args.days, 1, MAX_SICK_DAYS, "absence.bad_days", limit=MAX_SICK_DAYS)
    with session_from(args) as session:
        trip = add_sick(session, parse_day(args.date, session.plan), days, args.note)
        flush_notices(session)
        print(added_line(session, trip))
    return 0


def added_line(session: Session, trip: Trip) -> str:
    title = absence_title(session.plan, trip.kind)
    line = t(
        "absence.added", title=title, id=trip.id, start=trip.start, end=trip.end, days=trip.days
    )
    return line + (f" · {t('absence.in_zone', tz=trip.tz)}" if trip.tz else "")


def run_list(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        trips = list_trips(session)
        flush_notices(session)
        if args.json:
            print_json({"trips": [trip_json(tr) for tr in trips]})
        elif not trips:
            print(t("trip.none"))
        else:
            for tr in trips:
                note = f"  {tr.note}" if tr.note else ""
                zone = f"  {tr.tz}" if tr.tz else ""
                days = t("trip.days", days=tr.days)
                kind = absence_title(session.plan, tr.kind)
                print(f"{tr.id:>3}  {tr.start} → {tr.end}  ({days})  {kind}{zone}{note}")
    return 0


def run_rm(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id

    trip_id = parse_id(args.id, "trip.bad_id")
    with session_from(args) as session:
        trip = remove_trip(session, trip_id)
        flush_notices(session)
        if trip.kind == "travel":
            print(t("trip.removed", id=trip.id, start=trip.start, end=trip.end))
        else:
            title = absence_title(session.plan, trip.kind)
            print(t("absence.removed", title=title, id=trip.id, start=trip.start, end=trip.end))
    return 0


SHOWN_SKIPS = 20  # skipped events listed one by one; the rest are counted


def run_import(args: argparse.Namespace) -> int:
    from collections import Counter

    from pacer.service import import_trips

    with session_from(args) as session:
        result = import_trips(session, args.file, args.match)
        flush_notices(session)
    if args.json:
        print_json(import_json(result))
        return 0
    kinds = Counter(s.kind for s in result.skipped)
    why = t("ics.import.sep").join(t(f"ics.why.{kind}", n=n) for kind, n in kinds.most_common())
    line = t(
        "ics.import.summary",
        imported=len(result.added),
        skipped=len(result.skipped),
        why=t("ics.import.why", reasons=why) if why else "",
    )
    if result.known:
        line += t("ics.import.already", n=len(result.known))
    print(line + t("ics.import.events", events=result.events))
    for trip in result.added:
        print(
            t(
                "ics.import.added",
                id=trip.id,
                start=trip.start,
                end=trip.end,
                days=trip.days,
                note=trip.note,
            ).rstrip()
        )
    for trip, found in result.known:
        same = (trip.start, trip.end) == (found.start, found.end)
        key = "ics.import.known" if same else "ics.import.known_moved"
        print(
            t(
                key,
                id=trip.id,
                start=trip.start,
                end=trip.end,
                note=trip.note,
                new_start=found.start,
                new_end=found.end,
            )
        )
    for skip in result.skipped[:SHOWN_SKIPS]:
        summary = skip.summary if len(skip.summary) <= 60 else skip.summary[:59] + "…"
        print(t("ics.import.skipped", line=skip.line, summary=summary, reason=skip.reason))
    if len(result.skipped) > SHOWN_SKIPS:
        print(t("ics.import.more", n=len(result.skipped) - SHOWN_SKIPS))
    return 0


def import_json(result: TripImport) -> dict[str, Any]:
    """`trip import --json`: the trips added, those already there (and where the calendar
    has them now), every event skipped with the code of its reason."""
    return {
        "events": result.events,
        "added": [trip_json(trip) for trip in result.added],
        "known": [
            {
                "trip": trip_json(trip),
                "start": found.start.isoformat(),
                "end": found.end.isoformat(),
                "moved": (trip.start, trip.end) != (found.start, found.end),
            }
            for trip, found in result.known
        ],
        "skipped": [
            {"line": skip.line, "summary": skip.summary, **notice_json(skip.reason)}
            for skip in result.skipped
        ],
    }
