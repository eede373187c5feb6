"""The scan for words of another language: what a Chinese page or output may hold in
ASCII letters (ids, the plan's own text, command syntax, units and proper names)."""

from __future__ import annotations

import re
from pathlib import Path

# Words that are the same in every language: names of formats, programs and units, and
# the statistics' own names. Anything else in ASCII letters must come from the plan.
PROPER = {
    "pacer",
    "SQLite",
    "WAL",
    "YAML",
    "JSON",
    "ICS",
    "iCalendar",
    "PNG",
    "SVG",
    "HTML",
    "Markdown",
    "Hexo",
    "UTF",
    "KB",
    "MB",
    "P50",
    "P90",
    "ISO",
    # pacer remind: the notification library, its settings file's format (remind.toml) and
    # the services and the init system its messages name.
    "apprise",
    "TOML",
    "toml",
    "ntfy",
    "Telegram",
    "systemd",
}


def plan_words(plan: Path) -> set[str]:
    """The plan's own words (ids, titles, names it writes in English) and its country's
    holiday names in every language the holiday data has: proper names, not interface."""
    import holidays

    text = plan.read_text(encoding="utf-8")
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))
    for country in re.findall(r"^\s*country:\s*(\w+)", text, re.M):
        for language in (None, *holidays.list_localized_countries().get(country, [])):
            names = holidays.country_holidays(country, years=range(2026, 2028), language=language)
            words |= set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", " ".join(names.values())))
    return words


def command_words() -> set[str]:
    """The names of pacer's commands and subcommands, which a person types as they are."""
    import argparse

    from pacer.cli import build_parser

    words: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        for action in parsers.pop()._actions:
            if isinstance(action, argparse._SubParsersAction):
                words |= set(action.choices)
                parsers.extend(action.choices.values())
            words |= {c for c in action.choices or () if isinstance(c, str)}
    return words


def foreign_words(text: str, allowed: set[str]) -> list[str]:
    """The ASCII words of Chinese output that are neither allowed nor command-line syntax."""
    found = []
    for line in text.splitlines():
        line = re.sub(r"\S*[/\\]\S*|'[^']*'", " ", line)  # paths, quoted input
        line = re.sub(r"'pacer[^']*'|pacer(?: [a-z][a-z-]*)+", " ", line)  # commands to type
        line = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", line)  # options
        line = re.sub(r"\b[A-Z][A-Z_]+\b", " ", line)  # an option's placeholder (DATE, FILE)
        line = re.sub(r"\{[^{}]*\}|\[[\w:,. -]*\]", " ", line)  # braces and bracketed ids
        for match in re.finditer(r"(?<![0-9A-Za-z_])[A-Za-z][A-Za-z0-9_-]*(…)?", line):
            word = match.group(0).rstrip("…")
            parts = [p for p in re.split(r"[-_]", word) if p]
            if (
                any(c.isdigit() for c in word)
                or word in allowed
                or all(p in allowed for p in parts)
            ):
                continue  # ids with digits, input examples like 1h30, and the plan's words
            if match.group(1) and any(w.startswith(word) for w in allowed):
                continue  # the plan's text cut short by a narrow column
            found.append(word)
    return found
