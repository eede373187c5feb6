"""What every command shares: opening the session, printing notices, JSON output."""

from __future__ import annotations

import sys
from collections.abc import Callable

from pacer.i18n import t
from pacer.service import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any


def session_from(args: argparse.Namespace) -> Session:
    return Session(getattr(args, "plan", None), getattr(args, "db", None))


def flush_notices(session: Session) -> None:
    """One-line notices (e.g. the built-in plan is in use) go to stderr, not into output."""
    for notice in session.notices:
        sys.stderr.write(f"pacer: {notice}\n")
    session.notices.clear()


def print_json(value: Any) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("help.opt.json"))


def add_date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", help=t("help.opt.date"))


def show(
    args: argparse.Namespace, as_json: Callable[[], Any], as_text: Callable[[], list[str]]
) -> None:
    """How a listing prints: `--json` gives its stable, documented shape; else text lines.
    Both are built only when needed."""
    if getattr(args, "json", False):
        print_json(as_json())
    else:
        print("\n".join(as_text()))


def default_subcommand(
    parser: argparse.ArgumentParser, default: str, named: frozenset[str], valued: frozenset[str]
) -> None:
    """Let `parser`'s subcommands be named or not: `pacer log 45 english` is `pacer log add 45
    english`, `pacer log list` lists. The first word that is not an option (nor the value of
    one in `valued`) picks a subcommand when it names one; else `default` goes in front (also
    for --help: `pacer log --help` is the help of `pacer log add`, under the name `pacer log`)."""
    original = parser.parse_known_args
    # `pacer completion` reads it: the default subcommand's arguments complete in its place.
    parser.set_defaults(_default_subcommand=default)

    def parse_known_args(
        args: Any = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        words = list(sys.argv[1:] if args is None else args)
        skip = False
        for word in words:
            if skip:
                skip = False
            elif word.split("=", 1)[0] in valued:
                skip = "=" not in word
            elif word == "--" or not word.startswith("-") or _is_number(word):
                if word in named:
                    return original(words, namespace)
                break
        return original([default, *words], namespace)

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign,assignment]


def _is_number(word: str) -> bool:
    """`-5` is a (bad) number of minutes, not an option."""
    return word[1:].replace(".", "", 1).isdigit()
