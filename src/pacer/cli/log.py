"""`pacer log`, `pacer done` and `pacer undo`: recording what was done."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_date, flush_notices, session_from
from pacer.i18n import t
from pacer.service import log_minutes, mark_done, parse_day, parse_minutes, undo

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("log", parents=[common], help=t("help.log"))
    p.add_argument("minutes", help=t("help.log.minutes"))
    p.add_argument("target", help=t("help.log.target"))
    p.add_argument("-m", "--note", default="", help=t("help.log.note"))
    add_date(p)
    p.set_defaults(handler=run_log)
    p = sub.add_parser("done", parents=[common], help=t("help.done"))
    p.add_argument("unit", help=t("help.done.unit"))
    p.add_argument("--minutes", default=None, help=t("help.done.minutes"))
    p.add_argument("-m", "--note", default="", help=t("help.log.note"))
    add_date(p)
    p.set_defaults(handler=run_done)
    p = sub.add_parser("undo", parents=[common], help=t("help.undo"))
    p.set_defaults(handler=run_undo)


def run_log(args: argparse.Namespace) -> int:
    minutes = parse_minutes(args.minutes)
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        entry = log_minutes(session, minutes, args.target, args.note, day)
        flush_notices(session)
        print(t("log.logged", minutes=entry.minutes, target=entry.target, day=entry.day))
    return 0


def run_done(args: argparse.Namespace) -> int:
    minutes = parse_minutes(args.minutes) if args.minutes else 0
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        entry = mark_done(session, args.unit, day, minutes, args.note)
        flush_notices(session)
        print(t("log.done", target=entry.target, day=entry.day))
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        entry = undo(session)
        flush_notices(session)
        key = "log.undone_done" if entry.done else "log.undone"
        print(t(key, minutes=entry.minutes, target=entry.target, day=entry.day))
    return 0
