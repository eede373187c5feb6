"""`pacer note TEXT --for POST` and `pacer note --list`: material for the blog posts."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_date, add_json, flush_notices, print_json, session_from
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.service import add_note, list_notes, note_json, parse_day

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("note", parents=[common], help=t("help.note"))
    p.add_argument("text", nargs="?", help=t("help.note.text"))
    p.add_argument("--for", dest="post", metavar="POST", help=t("help.note.post"))
    add_date(p)
    p.add_argument("--list", action="store_true", help=t("help.note.list"))
    add_json(p)
    p.set_defaults(handler=run_note)


def run_note(args: argparse.Namespace) -> int:
    if args.list:
        if args.text is not None:
            raise PacerError(Message("note.list_takes_no_text"))
        return run_list(args)
    if args.text is None:
        raise PacerError(Message("note.needs_text"))
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        note = add_note(session, args.post, args.text, day)
        flush_notices(session)
        print(t("note.added", id=note.id, post=note.post, day=note.day))
    return 0


def run_list(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        notes = list_notes(session, args.post)
        flush_notices(session)
        if args.json:
            print_json({"notes": [note_json(n) for n in notes]})
            return 0
        if not notes:
            print(t("note.none_for", post=args.post) if args.post else t("note.none"))
        for n in notes:
            first, *rest = n.text.splitlines() or [""]
            print(f"{n.id:>3}  {n.day}  {n.post}  {first}")
            for line in rest:
                print(" " * 25 + line if line.strip() else "")
    return 0
