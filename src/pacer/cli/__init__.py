"""The `pacer` command: one group of subcommands, each in cli/<noun>.py; errors end in
cli/outcome.py.

The package loads the parser (cli/parser.py, with argparse) only when one of its names is
first used: `pacer today` runs its handler without it (see pacer/entry.py).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.cli.outcome import EXIT_ERROR as EXIT_ERROR
    from pacer.cli.outcome import EXIT_INTERNAL as EXIT_INTERNAL
    from pacer.cli.outcome import EXIT_USAGE as EXIT_USAGE
    from pacer.cli.parser import COMMAND_MODULES as COMMAND_MODULES
    from pacer.cli.parser import _command_word as _command_word
    from pacer.cli.parser import _lang_option as _lang_option
    from pacer.cli.parser import build_parser as build_parser
    from pacer.cli.parser import main as main

# Name -> the module of this package that defines it.
_NAMES = {
    "EXIT_ERROR": "outcome",
    "EXIT_INTERNAL": "outcome",
    "EXIT_USAGE": "outcome",
    "COMMAND_MODULES": "parser",
    "_command_word": "parser",
    "_lang_option": "parser",
    "build_parser": "parser",
    "main": "parser",
}


def __getattr__(name: str) -> object:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'pacer.cli' has no attribute {name!r}")
    return getattr(importlib.import_module(f"pacer.cli.{module}"), name)
