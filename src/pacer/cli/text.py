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
    return f"{minutes / 60:.1f} h"


def day_or_dash(d: date | None) -> str:
    return d.isoformat() if d else "—"


def signed_days(days: int | None) -> str:
    if days is None:
        return "—"
    return f"{days:+d} d"
