"""The `pacer` command: one group of subcommands, each in cli/<noun>.py; errors end here."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pacer import __version__
from pacer.errors import PacerError
from pacer.i18n import Message, detect_lang, set_lang, t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line with a hint instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"pacer: {message} ({t('cli.see_help', prog=self.prog)})\n")
        raise SystemExit(EXIT_USAGE)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--plan", type=Path, default=argparse.SUPPRESS, help="plan YAML file")
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database")
    common.add_argument(
        "--lang", choices=("en", "zh"), default=argparse.SUPPRESS, help="interface language"
    )
    return common


# Which module registers each command, so that `pacer today` imports only cli/today.py (and
# what it needs) instead of every command's module. A command missing here still works: the
# full parser, with every module, is built for it.
COMMAND_MODULES: dict[str, str] = {
    "today": "today",
    "week": "today",
    "log": "log",
    "done": "log",
    "undo": "log",
    "trip": "trip",
    "forecast": "forecast",
    "backup": "care",
    "import": "care",
    "doctor": "care",
    "serve": "serve",
}
_VALUED_OPTIONS = ("--plan", "--db", "--lang")


def _command_word(args: Sequence[str]) -> str | None:
    """The first word that is not a global option (or an option's value)."""
    skip = False
    for word in args:
        if skip:
            skip = False
        elif word in _VALUED_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's module is loaded and registered."""
    import importlib

    common = _common()
    parser = _Parser(
        prog="pacer",
        description="Keeps a year-long study plan on pace.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"pacer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if only in COMMAND_MODULES:
        importlib.import_module(f"pacer.cli.{COMMAND_MODULES[only]}").register(sub, common)
        return parser
    _register_all(sub, common)
    return parser


def _register_all(sub: Any, common: argparse.ArgumentParser) -> None:
    from pacer.cli import (
        care,
        export,
        forecast,
        log,
        metric,
        milestone,
        note,
        plan,
        report,
        review,
        serve,
        status,
        today,
        trip,
    )

    modules = (
        today,
        log,
        trip,
        plan,
        status,
        milestone,
        metric,
        note,
        export,
        report,
        review,
        care,
        forecast,
        serve,
    )
    for module in modules:
        module.register(sub, common)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_lang(detect_lang())
    parser = build_parser(_command_word(args_list))
    args = parser.parse_args(args_list)
    if getattr(args, "lang", None):
        set_lang(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    from pacer.plan.problems import PlanInvalid

    try:
        return int(handler(args) or 0)
    except PlanInvalid as exc:
        for line in exc.problems:
            sys.stderr.write(line + "\n")
        return EXIT_USAGE
    except PacerError as exc:
        sys.stderr.write(f"pacer: {exc.message}\n")
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("PACER_DEBUG"):
            raise
        sys.stderr.write(
            f"pacer: {Message('cli.internal', detail=f'{type(exc).__name__}: {exc}')}\n"
        )
        return EXIT_INTERNAL
