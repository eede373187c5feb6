"""Terminal text helpers: padding that counts Chinese characters as two columns."""

from __future__ import annotations

import unicodedata
from datetime import date


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """Left-align in `columns` terminal columns, always ending in at least one blank column
    so that it never runs into the next column; a text too long for that is cut with …."""
    if width(text) > columns - 1:
        out = ""
        for ch in text:
            if width(out + ch) > columns - 2:
                break
            out += ch
        text = out + "…"
    return text + " " * (columns - width(text))


def hours(minutes: int) -> str:
    from pacer.i18n import hours_text

    return hours_text(minutes)


def day_or_dash(d: date | None) -> str:
    return d.isoformat() if d else "—"


def signed_days(days: int | None) -> str:
    from pacer.i18n import days_text

    return days_text(days)


# Closing punctuation never starts a line and opening punctuation never ends one.
_NO_BREAK_BEFORE = frozenset("，。、；：？！）》」』…,.;:?!)]")
_NO_BREAK_AFTER = frozenset("（《「『([")


def has_wide(text: str) -> bool:
    """Whether any character of `text` takes two columns (Chinese, full-width forms)."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def _pieces(text: str) -> list[str]:
    """What a line may break between: runs of narrow characters (words), single wide
    characters and single spaces; punctuation is kept with its neighbour."""
    pieces: list[str] = []
    for ch in text:
        last = pieces[-1] if pieces else " "
        joined = (
            last != " "
            and ch != " "
            and (
                ch in _NO_BREAK_BEFORE
                or last[-1] in _NO_BREAK_AFTER
                or not (has_wide(ch) or has_wide(last[-1]))
            )
        )
        if joined:
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def wrap(text: str, columns: int) -> list[str]:
    """`text` in lines of at most `columns` terminal columns (a longer word overflows), with
    a line break wherever a space is or between two Chinese characters."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        if piece == " " and not line:
            continue
        if line and piece != " " and width(line + piece) > columns:
            lines.append(line.rstrip())
            line = piece
        elif line or piece != " ":
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines
