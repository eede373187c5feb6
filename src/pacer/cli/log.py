"""`pacer log [add|list|edit|rm]`, `pacer done` and `pacer undo`: recording what was done,
and correcting it."""

from __future__ import annotations

import argparse

from pacer.cli.common import (
    add_date,
    add_json,
    default_subcommand,
    flush_notices,
    session_from,
    show,
)
from pacer.i18n import t
from pacer.service import log_minutes, mark_done, parse_day, parse_minutes, undo

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.progress import LogEntry
    from pacer.service import Session

# Options of `log` that take a value: the word after one is not a subcommand's name.
_VALUED = frozenset({"--plan", "--db", "--lang", "--date", "-m", "--note"})


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("log", parents=[common], help=t("help.log"))
    lsub = p.add_subparsers(
        dest="log_command", metavar="add|list|edit|rm", parser_class=type(p), required=True
    )
    # `pacer log --help` is the help of `log add`, as before, with the other subcommands named.
    a = lsub.add_parser(
        "add", parents=[common], prog=p.prog, help=t("help.log.add"), epilog=t("help.log.more")
    )
    a.add_argument("minutes", help=t("help.log.minutes"))
    a.add_argument("target", help=t("help.log.target"))
    a.add_argument("-m", "--note", default="", help=t("help.log.note"))
    add_date(a)
    a.set_defaults(handler=run_log)
    ls = lsub.add_parser("list", parents=[common], help=t("help.log.list"))
    ls.add_argument("--from", dest="first", metavar="DATE", help=t("help.log.list.from"))
    ls.add_argument("--to", dest="last", metavar="DATE", help=t("help.log.list.to"))
    ls.add_argument("--target", help=t("help.log.list.target"))
    add_json(ls)
    ls.set_defaults(handler=run_list)
    e = lsub.add_parser("edit", parents=[common], help=t("help.log.edit"))
    e.add_argument("id", help=t("help.log.id"))
    e.add_argument("--minutes", help=t("help.log.edit.minutes"))
    e.add_argument("--date", help=t("help.log.edit.date"))
    e.add_argument("--target", help=t("help.log.edit.target"))
    e.add_argument("-m", "--note", help=t("help.log.edit.note"))
    e.set_defaults(handler=run_edit)
    rm = lsub.add_parser("rm", parents=[common], help=t("help.log.rm"))
    rm.add_argument("id", help=t("help.log.id"))
    rm.set_defaults(handler=run_rm)
    default_subcommand(p, "add", frozenset({"add", "list", "edit", "rm"}), _VALUED)
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
        _say_renamed(session, args.target)
        entry = log_minutes(session, minutes, args.target, args.note, day)
        flush_notices(session)
        print(t("log.logged", minutes=entry.minutes, target=entry.target, day=entry.day))
    return 0


def run_done(args: argparse.Namespace) -> int:
    minutes = parse_minutes(args.minutes) if args.minutes else 0
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        _say_renamed(session, args.unit)
        entry = mark_done(session, args.unit, day, minutes, args.note)
        flush_notices(session)
        print(t("log.done", target=entry.target, day=entry.day))
    return 0


def _say_renamed(session: Session, typed: str) -> None:
    """An old id (`was:` in the plan) is logged as its current id: said first, so that what
    follows (the logged line, or why nothing was written) reads under the id it names."""
    from pacer.plan.renames import current_id

    now = current_id(session.plan, typed)
    if now != typed:
        print(t("renames.log.now", old=typed, new=now))


def run_undo(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        undone = undo(session)
        flush_notices(session)
        print(undone.message)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from pacer.service import list_entries, list_span, log_list_json

    with session_from(args) as session:
        first = parse_day(args.first, session.plan) if args.first else None
        last = parse_day(args.last, session.plan) if args.last else None
        first, last = list_span(session, first, last)
        entries = list_entries(session, first, last, args.target)
        flush_notices(session)
        show(
            args,
            lambda: log_list_json(session, first, last, args.target, entries),
            lambda: _list_lines(session, first, last, entries),
        )
    return 0


def _list_lines(session: Session, first: Any, last: Any, entries: list[LogEntry]) -> list[str]:
    from pacer.cli.text import pad
    from pacer.i18n import minutes_text
    from pacer.service import target_titles

    if not entries:
        return [t("logfix.list.none", first=first, last=last)]
    titles = target_titles(session, {e.target for e in entries})
    width = max(len(str(e.id)) for e in entries)
    lines = []
    for e in entries:
        title = titles[e.target]
        named = e.target if title == e.target else f"{e.target} · {title}"
        done = f"  [{t('logfix.list.done')}]" if e.done else ""
        note = f"  {e.note}" if e.note else ""
        minutes = pad(minutes_text(e.minutes), 10)
        lines.append(f"{e.id:>{width}}  {e.day}  {minutes}{named}{done}{note}")
    return lines


def run_edit(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import edit_entry, entry_text

    entry_id = parse_id(args.id, "logfix.bad_entry_id")
    minutes = parse_minutes(args.minutes) if args.minutes is not None else None
    with session_from(args) as session:
        day = parse_day(args.date, session.plan) if args.date is not None else None
        _, after = edit_entry(session, entry_id, minutes, day, args.target, args.note)
        flush_notices(session)
        print(t("logfix.log.edited", id=after.id, what=entry_text(after)))
    return 0


def run_rm(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import entry_text, remove_entry

    entry_id = parse_id(args.id, "logfix.bad_entry_id")
    with session_from(args) as session:
        removed = remove_entry(session, entry_id)
        flush_notices(session)
        print(t("logfix.log.removed", id=removed.id, what=entry_text(removed)))
    return 0
