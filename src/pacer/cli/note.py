"""`pacer note TEXT --for POST`, `pacer note --list`, `pacer note edit|rm ID`: material for the
blog posts."""

from __future__ import annotations

import argparse

from pacer.cli.common import (
    add_date,
    add_json,
    default_subcommand,
    flush_notices,
    print_json,
    session_from,
)
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.service import add_note, list_notes, note_json, parse_day

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_VALUED = frozenset({"--plan", "--db", "--lang", "--date", "--for", "-m", "--text"})


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("note", parents=[common], help=t("help.note"))
    nsub = p.add_subparsers(
        dest="note_command", metavar="add|edit|rm", parser_class=type(p), required=True
    )
    a = nsub.add_parser(
        "add", parents=[common], prog=p.prog, help=t("help.note.add"), epilog=t("help.note.more")
    )
    a.add_argument("text", nargs="?", help=t("help.note.text"))
    a.add_argument("--for", dest="post", metavar="POST", help=t("help.note.post"))
    add_date(a)
    a.add_argument("--list", action="store_true", help=t("help.note.list"))
    add_json(a)
    a.set_defaults(handler=run_note)
    e = nsub.add_parser("edit", parents=[common], help=t("help.note.edit"))
    e.add_argument("id", help=t("help.note.id"))
    e.add_argument("-m", "--text", dest="text", required=True, help=t("help.note.edit.text"))
    e.set_defaults(handler=run_edit)
    rm = nsub.add_parser("rm", parents=[common], help=t("help.note.rm"))
    rm.add_argument("id", help=t("help.note.id"))
    rm.set_defaults(handler=run_rm)
    default_subcommand(p, "add", frozenset({"add", "edit", "rm"}), _VALUED)


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


def run_edit(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import edit_note, note_text

    note_id = parse_id(args.id, "logfix.bad_note_id")
    with session_from(args) as session:
        _, after = edit_note(session, note_id, args.text)
        flush_notices(session)
        print(t("logfix.note.edited", what=note_text(after)))
    return 0


def run_rm(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import note_text, remove_note

    note_id = parse_id(args.id, "logfix.bad_note_id")
    with session_from(args) as session:
        removed = remove_note(session, note_id)
        flush_notices(session)
        print(t("logfix.note.removed", what=note_text(removed)))
    return 0
