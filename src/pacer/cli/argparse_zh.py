"""argparse in Chinese: its own words from the message catalog, and help laid out by the
columns Chinese characters take.

argparse words its usage line, headings and errors with gettext: at call time it looks up
`_` and `ngettext` in its own module and calls them on its English msgids. pacer ships no
.mo files, and gettext would take the language from the environment, not from `--lang`; so
for one command in Chinese, pacer.cli.main puts `gettext` and `ngettext` below in their place
(`installed`) and puts argparse's own back afterwards. They answer the msgids that the
catalog holds as argparse.* entries (whose English is the msgid, exactly) and hand every
other msgid to argparse's own function, so a message without a translation stays as argparse
words it. An English command never imports this module: its output is argparse's own.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager

from pacer.i18n import current_lang
from pacer.i18n_catalog import CATALOG

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ZH: dict[str, str] = {en: zh for key, (en, zh) in CATALOG.items() if key.startswith("argparse.")}
_ORIGINAL: tuple[Any, Any] = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009


def _chinese(msgid: object) -> str | None:
    if current_lang() != "zh" or not isinstance(msgid, str):
        return None
    return _ZH.get(msgid)


def gettext(msgid: str) -> str:
    """argparse's `_`: the Chinese of a known msgid, else what argparse would say."""
    text = _chinese(msgid)
    if text is None:
        text = _ORIGINAL[0](msgid)
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's `ngettext`, the same way (Chinese has one form; both are in the catalog)."""
    text = _chinese(singular if n == 1 else plural)
    if text is None:
        text = _ORIGINAL[1](singular, plural, n)
    return text


@contextmanager
def installed() -> Iterator[None]:
    """argparse speaks through `gettext` and `ngettext` above until the block ends."""
    setattr(argparse, "_", gettext)  # noqa: B010 - argparse's module globals, not in typeshed
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", _ORIGINAL[0])  # noqa: B010
        setattr(argparse, "ngettext", _ORIGINAL[1])  # noqa: B010


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, counting a Chinese character as the two columns it takes.

    Text of narrow characters only is laid out by argparse itself, exactly as in English.
    pacer.cli.text is imported by the methods, when help is shown, not at every start."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog)
        self._headings: list[str] = []

    def _split_lines(self, text: str, width: int) -> list[str]:
        from pacer.cli.text import has_wide, wrap

        if not has_wide(text):
            return super()._split_lines(text, width)
        return wrap(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from pacer.cli.text import has_wide

        if not has_wide(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def _format_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None
    ) -> str:
        # argparse measures the prefix ("用法：") in characters: the line is narrower by the
        # extra columns, and the lines under it move right by as many.
        from pacer.cli.text import width

        if prefix is None:
            prefix = gettext("usage: ")
        extra = width(prefix) - len(prefix)
        self._width -= extra
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra
        first, *rest = text.split("\n")
        return "\n".join([first] + [" " * extra + x if x.startswith(" ") else x for x in rest])

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.append(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        from pacer.cli.text import has_wide

        text = super().format_help()
        # A Chinese heading ends in a full-width colon: "选项：", not "选项:".
        for heading in set(self._headings):
            if has_wide(heading):
                pattern = rf"^( *{re.escape(heading)}):$"
                text = re.sub(pattern, lambda m: m.group(1) + "：", text, flags=re.MULTILINE)
        return text
