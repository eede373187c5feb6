"""What every command shares: opening the session, printing notices, JSON output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from pacer.i18n import t
from pacer.service import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
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
