"""`pacer trip add|list|rm`: the date ranges when the travel week applies."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_json, flush_notices, print_json, session_from
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.service import add_trip, list_trips, parse_day, remove_trip, trip_json

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("trip", parents=[common], help="business trips")
    tsub = p.add_subparsers(dest="trip_command", metavar="add|list|rm", parser_class=type(p))
    a = tsub.add_parser("add", parents=[common], help="add a trip (dates inclusive)")
    a.add_argument("start", help="first day YYYY-MM-DD")
    a.add_argument("end", help="last day YYYY-MM-DD")
    a.add_argument("--note", default="")
    a.set_defaults(handler=run_add)
    ls = tsub.add_parser("list", parents=[common], help="list trips")
    add_json(ls)
    ls.set_defaults(handler=run_list)
    rm = tsub.add_parser("rm", parents=[common], help="remove a trip")
    rm.add_argument("id", help="trip id (see trip list)")
    rm.set_defaults(handler=run_rm)
    p.set_defaults(handler=lambda args: run_list_default(args))


def run_list_default(args: argparse.Namespace) -> int:
    args.json = False
    return run_list(args)


def run_add(args: argparse.Namespace) -> int:
    start, end = parse_day(args.start), parse_day(args.end)
    with session_from(args) as session:
        trip = add_trip(session, start, end, args.note)
        flush_notices(session)
        print(t("trip.added", id=trip.id, start=trip.start, end=trip.end, days=trip.days))
    return 0


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
                print(f"{tr.id:>3}  {tr.start} → {tr.end}  ({t('trip.days', days=tr.days)}){note}")
    return 0


def run_rm(args: argparse.Namespace) -> int:
    try:
        trip_id = int(args.id)
    except ValueError:
        raise PacerError(Message("trip.bad_id", raw=args.id)) from None
    with session_from(args) as session:
        trip = remove_trip(session, trip_id)
        flush_notices(session)
        print(t("trip.removed", id=trip.id, start=trip.start, end=trip.end))
    return 0
