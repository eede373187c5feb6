"""`pacer roster import|list|rm`: the days a shift roster from a calendar file decides."""

from __future__ import annotations

import argparse
from pathlib import Path

from pacer.cli.common import add_json, flush_notices, print_json, session_from
from pacer.i18n import notice_json, t

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.calendar.days import RosterEntry
    from pacer.service import RosterImport

SHOWN_SKIPS = 20  # skipped events listed one by one; the rest are counted


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("roster", parents=[common], help=t("help.roster"))
    rsub = p.add_subparsers(dest="roster_command", metavar="import|list|rm", parser_class=type(p))
    im = rsub.add_parser("import", parents=[common], help=t("help.roster.import"))
    im.add_argument("file", type=Path, help=t("help.roster.import.file"))
    im.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="SUMMARY=TEMPLATE",
        help=t("help.roster.import.map"),
    )
    add_json(im)
    im.set_defaults(handler=run_import)
    ls = rsub.add_parser("list", parents=[common], help=t("help.roster.list"))
    add_json(ls)
    ls.set_defaults(handler=run_list)
    rm = rsub.add_parser("rm", parents=[common], help=t("help.roster.rm"))
    rm.add_argument("id", help=t("help.roster.rm.id"))
    rm.set_defaults(handler=run_rm)
    p.set_defaults(handler=run_list, json=False)


def entry_line(entry: RosterEntry) -> str:
    return t(
        "rota.roster.line",
        id=entry.id,
        start=entry.start,
        end=entry.end,
        days=entry.days,
        template=entry.template,
        summary=entry.summary,
    ).rstrip()


def run_import(args: argparse.Namespace) -> int:
    from pacer.service import import_roster

    with session_from(args) as session:
        result = import_roster(session, args.file, args.map)
        flush_notices(session)
    if args.json:
        print_json(import_json(result))
        return 0
    print(
        t(
            "rota.roster.summary",
            added=len(result.added),
            updated=len(result.updated),
            same=len(result.same),
            skipped=len(result.skipped),
            events=result.events,
        )
    )
    for entry in result.added:
        print("  + " + entry_line(entry).lstrip())
    for entry in result.updated:
        print("  ~ " + entry_line(entry).lstrip())
    for skip in result.skipped[:SHOWN_SKIPS]:
        summary = skip.summary if len(skip.summary) <= 60 else skip.summary[:59] + "…"
        print(t("ics.import.skipped", line=skip.line, summary=summary, reason=skip.reason))
    if len(result.skipped) > SHOWN_SKIPS:
        print(t("ics.import.more", n=len(result.skipped) - SHOWN_SKIPS))
    return 0


def import_json(result: RosterImport) -> dict[str, Any]:
    """`roster import --json`: the entries added, updated and unchanged, every event skipped
    with the code of its reason."""
    from pacer.service import roster_json

    return {
        "events": result.events,
        "added": [roster_json(e) for e in result.added],
        "updated": [roster_json(e) for e in result.updated],
        "unchanged": [roster_json(e) for e in result.same],
        "skipped": [
            {"line": skip.line, "summary": skip.summary, **notice_json(skip.reason)}
            for skip in result.skipped
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    from pacer.service import list_roster, roster_json

    with session_from(args) as session:
        entries = list_roster(session)
        flush_notices(session)
    if args.json:
        print_json({"roster": [roster_json(e) for e in entries]})
    elif not entries:
        print(t("rota.roster.none"))
    else:
        for entry in entries:
            print(entry_line(entry))
    return 0


def run_rm(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import remove_roster

    entry_id = parse_id(args.id, "rota.roster.bad_id")
    with session_from(args) as session:
        entry = remove_roster(session, entry_id)
        flush_notices(session)
    print(t("rota.roster.removed", entry=entry_line(entry).strip()))
    return 0
