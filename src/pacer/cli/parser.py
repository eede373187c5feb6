"""The command line: the parser of every subcommand (each in cli/<noun>.py), and main()."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pacer import __version__
from pacer.cli.outcome import EXIT_ERROR as EXIT_ERROR
from pacer.cli.outcome import EXIT_INTERNAL as EXIT_INTERNAL
from pacer.cli.outcome import EXIT_USAGE as EXIT_USAGE
from pacer.cli.outcome import outcome
from pacer.i18n import LANGS, current_lang, detect_lang, set_lang, t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line with a hint instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"pacer: {message} ({t('cli.see_help', prog=self.prog)})\n")
        raise SystemExit(EXIT_USAGE)

    _adding = False  # within add_argument or add_subparsers

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        """A positional's placeholder is written in capitals (MINUTES, TARGET) as an option's
        is: in every language it reads as a thing to fill in, not as a word to translate."""
        if names and not str(names[0]).startswith("-") and "choices" not in kwargs:
            kwargs.setdefault("metavar", str(names[0]).upper())
        self._adding = True
        try:
            return super().add_argument(*names, **kwargs)
        finally:
            self._adding = False

    def add_subparsers(self, **kwargs: Any) -> Any:
        self._adding = True
        try:
            return super().add_subparsers(**kwargs)
        finally:
            self._adding = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._adding:
            # Building, argparse only checks that a metavar fits its nargs, and formats the
            # sub-commands' prog ("pacer log"): a formatter of a fixed width does both
            # without asking the terminal's size (which imports shutil, bz2 and lzma).
            return argparse.HelpFormatter(self.prog, width=80)
        if current_lang() == "zh":
            from pacer.cli.argparse_zh import HelpFormatter

            return HelpFormatter(self.prog)
        return super()._get_formatter()

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """A mistyped command word gets the nearest command as a suggestion."""
        choices = action.choices
        if (
            isinstance(action, argparse._SubParsersAction)
            and choices is not None
            and value not in choices
        ):
            import difflib

            close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
            if close:
                hint = t("cli.unknown_command_hint", command=value, hint=close[0])
                raise argparse.ArgumentError(None, hint)
        super()._check_value(action, value)


def _common() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--plan", type=Path, default=argparse.SUPPRESS, help=t("help.opt.plan"))
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=t("help.opt.db"))
    common.add_argument(
        "--lang", choices=("en", "zh"), default=argparse.SUPPRESS, help=t("help.opt.lang")
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
    "roster": "roster",
    "sick": "trip",
    "forecast": "forecast",
    "habit": "habit",
    "completion": "completion",
    "backup": "care",
    "import": "care",
    "doctor": "care",
    "serve": "serve",
    "remind": "remind",
    "start": "timer",
    "stop": "timer",
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


def _lang_option(args: Sequence[str]) -> str | None:
    """The value of `--lang X` or `--lang=X` (the last one, as argparse takes it), read before
    the parser is built so that its help and messages are in that language. The prefixes
    argparse accepts for --lang (--la, --lan) count too; words after `--` are not options."""
    lang = None
    words = iter(args)
    for word in words:
        if word == "--":
            break
        name, eq, value = word.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):
            value = value if eq else next(words, "")
            if value in LANGS:
                lang = value
    return lang


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's module is loaded and registered."""
    import importlib

    common = _common()
    parser = _Parser(
        prog="pacer",
        description=t("help.pacer"),
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"pacer {__version__}", help=t("help.version")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if only in COMMAND_MODULES:
        importlib.import_module(f"pacer.cli.{COMMAND_MODULES[only]}").register(sub, common)
        return parser
    _register_all(sub, common)
    return parser


def _register_all(sub: Any, common: argparse.ArgumentParser) -> None:
    from pacer.cli import (
        care,
        completion,
        export,
        forecast,
        habit,
        log,
        metric,
        milestone,
        note,
        plan,
        remind,
        report,
        review,
        roster,
        serve,
        status,
        timer,
        today,
        trip,
    )

    modules = (
        today,
        log,
        timer,
        trip,
        roster,
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
        remind,
        habit,
        completion,
    )
    for module in modules:
        module.register(sub, common)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_lang(_lang_option(args_list) or detect_lang())
    if current_lang() != "zh":
        return _main(args_list)
    # argparse's own words (usage, headings, errors) in Chinese: see cli/argparse_zh.py.
    from pacer.cli.argparse_zh import installed

    with installed():
        return _main(args_list)


def _main(args_list: list[str]) -> int:
    parser = build_parser(_command_word(args_list))
    args = parser.parse_args(args_list)
    if getattr(args, "lang", None):
        set_lang(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    return outcome(handler, args)
