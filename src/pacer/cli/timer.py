"""`pacer start` and `pacer stop`: the timer, thin over service/timer.py."""

from __future__ import annotations

import argparse

from pacer.cli.common import flush_notices, session_from
from pacer.i18n import t

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("start", parents=[common], help=t("help.start"))
    p.add_argument("target", nargs="?", help=t("help.start.target"))
    p.add_argument("--switch", metavar="TARGET", help=t("help.start.switch"))
    p.add_argument("-m", "--note", default="", help=t("help.start.note"))
    p.set_defaults(handler=run_start)
    p = sub.add_parser("stop", parents=[common], help=t("help.stop"))
    p.add_argument("-m", "--note", default="", help=t("help.stop.note"))
    how = p.add_mutually_exclusive_group()
    how.add_argument("--minutes", metavar="M", help=t("help.stop.minutes"))
    how.add_argument("--discard", action="store_true", help=t("help.stop.discard"))
    p.set_defaults(handler=run_stop)


def run_start(args: argparse.Namespace) -> int:
    from pacer.errors import InputError
    from pacer.i18n import Message
    from pacer.service.timer import start, started_message, stopped_message

    if args.target is not None and args.switch is not None:
        raise InputError(Message("timer.target_twice"))
    target = args.switch if args.switch is not None else args.target
    if not target:
        raise InputError(Message("timer.no_target"))
    with session_from(args) as session:
        timer, stopped = start(session, target, args.note, switch=args.switch is not None)
        flush_notices(session)
        if stopped is not None:
            print(stopped_message(session, stopped))
        print(started_message(session, timer, switched=stopped is not None))
    return 0


def run_stop(args: argparse.Namespace) -> int:
    from pacer.service import parse_minutes
    from pacer.service.timer import stop, stopped_message

    minutes = parse_minutes(args.minutes) if args.minutes is not None else None
    with session_from(args) as session:
        stopped = stop(session, args.note, minutes, args.discard)
        flush_notices(session)
        print(stopped_message(session, stopped))
    return 0
