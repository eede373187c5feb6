"""`pacer export hexo`: the plan's material written out for other tools."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from pacer.cli.common import add_json, flush_notices, print_json, session_from
from pacer.errors import PacerError
from pacer.i18n import Message, rows_text, t
from pacer.service import Export, export_hexo, export_ics, export_json

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help=t("help.export"))
    esub = p.add_subparsers(dest="export_command", metavar="hexo|json|ics", parser_class=type(p))
    h = esub.add_parser("hexo", parents=[common], help=t("help.export.hexo"))
    h.add_argument("post", help=t("help.export.hexo.post"))
    h.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=t("help.export.hexo.output"),
    )
    h.add_argument("--force", action="store_true", help=t("help.export.hexo.force"))
    add_json(h)
    h.set_defaults(handler=run_hexo)
    j = esub.add_parser("json", parents=[common], help=t("help.export.json"))
    j.add_argument("-o", "--output", type=Path, metavar="FILE", help=t("help.export.output"))
    j.add_argument("--force", action="store_true", help=t("help.output.force"))
    j.set_defaults(handler=run_json)
    c = esub.add_parser("ics", parents=[common], help=t("help.export.ics"))
    c.add_argument("--days", default="28", metavar="N", help=t("help.export.ics.days"))
    c.add_argument("-o", "--output", type=Path, metavar="FILE", help=t("help.export.output"))
    c.add_argument("--force", action="store_true", help=t("help.output.force"))
    c.add_argument("--no-alarms", action="store_true", help=t("help.export.ics.no_alarms"))
    add_json(c)
    c.set_defaults(handler=run_ics)

    def usage(args: argparse.Namespace) -> int:
        sys.stderr.write(f"pacer: {t('export.choose')}\n")
        return 2

    p.set_defaults(handler=usage)


def run_hexo(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        written = export_hexo(session, args.post, args.output, args.force)
        flush_notices(session)
        if args.json:
            print_json(hexo_json(args.post, args.output, written))
        else:
            print(t("export.written", path=written.path, units=written.units, notes=written.notes))
    return 0


def hexo_json(post: str, folder: Path, written: Export) -> dict[str, Any]:
    """`export hexo --json`: what the service wrote, paths relative to the folder (-o)."""
    return {
        "post": post,
        "folder": str(folder),
        "files": [written.path.relative_to(folder).as_posix()],
        "units": written.units,
        "notes": written.notes,
    }


def run_json(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        text, rows = export_json(session, args.output, args.force)
        flush_notices(session)
        if args.output is None:
            sys.stdout.write(text)
            return 0
        detail = rows_text(rows)
        print(t("export.json_written", path=args.output, rows=sum(rows.values()), detail=detail))
    return 0


def run_ics(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_int
    from pacer.service.ics import MAX_DAYS

    days = parse_int(args.days, 1, MAX_DAYS, "ics.export.bad_days", limit=MAX_DAYS)
    if args.json and args.output is None:
        # Standard output holds the calendar itself; the JSON reports a file written.
        raise PacerError(Message("ics.export.json_needs_output"))
    if args.output is not None:
        from pacer.workspace import refuse_existing

        refuse_existing([args.output], args.force)
    with session_from(args) as session:
        exported = export_ics(session, days, alarms=not args.no_alarms)
        flush_notices(session)
        if args.output is None:
            sys.stdout.buffer.write(exported.data)
            sys.stdout.flush()
            return 0
        from pacer.workspace import write_file_atomic

        write_file_atomic(args.output, exported.data, overwrite=args.force)
        if args.json:
            print_json(
                {
                    "path": str(args.output),
                    "first": exported.first.isoformat(),
                    "last": (exported.first + timedelta(days=days - 1)).isoformat(),
                    "days": days,
                    "events": exported.events,
                    "bytes": len(exported.data),
                }
            )
        else:
            print(t("ics.export.written", path=args.output, events=exported.events, days=days))
    return 0
