"""Bounds on what a person can type: dates inside the plan's reach, numbers of sane size.

Every date and number that comes from outside (the command line, a web form, PACER_NOW, a
plan file, an import) is checked here before any work depends on it, so that no input can
make pacer walk millions of days, overflow a date, or hand SQLite a number it cannot hold.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pacer.errors import InputError
from pacer.i18n import Message

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The absolute range of any date pacer accepts, before a plan is known (PACER_NOW, a plan's
# own start and end, imported rows): kept by the clock, which checks PACER_NOW without
# loading this module's messages.
from pacer.clock import EARLIEST as EARLIEST  # noqa: E402
from pacer.clock import LATEST as LATEST  # noqa: E402

# A date a command works on must lie within the plan's span widened by this many years.
MARGIN_YEARS = 3
# A plan spans at most this many years (start to end).
MAX_SPAN_YEARS = 20
# Whole numbers typed by a person (ids, counts, ports) have at most this many digits: the
# check comes before int(), so a digit string of thousands of digits never reaches it.
MAX_DIGITS = 18
# A decimal number typed by a person (a metric value) has at most this many characters and
# this magnitude.
MAX_NUMBER_CHARS = 40
MAX_MAGNITUDE = 1e12
# How deep JSON read from a person's file may nest.
MAX_JSON_DEPTH = 64
# How much of a bad input a message repeats.
SHOWN_CHARS = 40

_INTEGER = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits: not "١٢" nor "１２"


def shown(raw: object) -> str:
    """The input as a message repeats it: at most SHOWN_CHARS characters."""
    text = str(raw)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def range_text(low: str | None, high: str | None) -> Message:
    """The values from `low` to `high` as a message says them (one of them may be open)."""
    if low is not None and high is not None:
        return Message("range.between", low=low, high=high)
    if low is not None:
        return Message("range.at_least", low=low)
    return Message("range.at_most", high=high)


def clipped(message: Message, limit: int = 120) -> Message:
    """The message with every text argument cut to `limit` characters: an error repeats
    what was typed, and a 5000-character id must not become a 5000-character line."""
    args = {
        k: (v[: limit - 1] + "…" if isinstance(v, str) and len(v) > limit else v)
        for k, v in message.args.items()
    }
    return Message(message.key, **args)


def _years_from(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def reach(start: date, end: date) -> tuple[date, date]:
    """The dates a plan from `start` to `end` lets a command work on: its span widened by
    MARGIN_YEARS each side (the span itself is inside EARLIEST..LATEST, so this cannot
    overflow)."""
    return _years_from(start, -MARGIN_YEARS), _years_from(end, MARGIN_YEARS)


def check_day(day: date, start: date, end: date) -> date:
    """`day` when it is within the reach of a plan from `start` to `end`, else InputError."""
    first, last = reach(start, end)
    if not first <= day <= last:
        raise InputError(
            Message(
                "input.date_outside",
                day=day,
                first=first,
                last=last,
                start=start,
                end=end,
                years=MARGIN_YEARS,
            )
        )
    return day


def in_absolute_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def span_too_long(start: date, end: date) -> bool:
    return end > _years_from(start, MAX_SPAN_YEARS)


def parse_int(text: str, low: int, high: int, message: str, **args: Any) -> int:
    """A whole number from `text` within low..high; anything else raises InputError with
    Message(message, raw=<the text, shortened>, low=, high=, **args). The digit count is
    checked before int() so that a huge digit string is refused without converting it."""
    raw = text.strip()
    fail = InputError(Message(message, raw=shown(text), low=low, high=high, **args))
    if not _INTEGER.match(raw) or len(raw.lstrip("+-")) > MAX_DIGITS:
        raise fail
    value = int(raw)
    if not low <= value <= high:
        raise fail
    return value


def parse_id(text: str, message: str) -> int:
    """A row id (a trip, a catch-up choice): a positive whole number SQLite can hold."""
    return parse_int(text, 1, 2**63 - 1, message)


def parse_number(text: str) -> float | None:
    """A finite decimal number of sane size and magnitude, or None."""
    import math

    raw = text.strip()
    if not raw or len(raw) > MAX_NUMBER_CHARS:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        return None
    return value


def json_depth(value: object) -> int:
    """How deeply lists and objects nest in a parsed JSON value (a scalar: 0), without
    recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def loads_json(text: str, source: object) -> Any:
    """json.loads, refusing JSON nested deeper than MAX_JSON_DEPTH with one line (the C
    parser's own RecursionError included). A syntax error is left to the caller
    (json.JSONDecodeError) so that it can say where."""
    import json

    try:
        value = json.loads(text)
    except RecursionError:
        value = None
        deep = True
    else:
        deep = json_depth(value) > MAX_JSON_DEPTH
    if deep:
        raise InputError(Message("input.json_too_deep", path=source, limit=MAX_JSON_DEPTH))
    return value


# The databases this process holds connections to (store/db.py notes each one it opens).
_LIVE_DATABASES: list[Path] = []


def note_live_database(path: Path) -> None:
    _LIVE_DATABASES.append(path.resolve())


def _is_live_database(path: Path) -> bool:
    """Whether `path` is (or is a journal of) a database this process has open: reading
    it and closing the descriptor would drop every POSIX lock the process holds on it, and
    another process could then delete -wal under the live connection."""
    import os

    target = path.resolve()
    for db in _LIVE_DATABASES:
        if target in (db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal"))):
            return True
        try:
            if os.path.samefile(target, db):  # a hard link; stat only, nothing opened
                return True
        except OSError:
            continue
    return False


# Free text a person writes (notes, trip notes, review answers, reasons): generous for a
# paragraph or two, bounded so that one paste cannot make every page megabytes long.
MAX_TEXT_CHARS = 4000


def check_text(text: str, what: str) -> str:
    """`text` itself, or a one-line refusal when it is longer than MAX_TEXT_CHARS."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            Message("input.text_too_long", what=what, n=len(text), limit=MAX_TEXT_CHARS)
        )
    return text


def refuse_special_file(path: Path, option: str) -> None:
    """Refuses, before anything opens it, a path that names a directory, a FIFO, a device or
    a socket (opening a FIFO blocks, and a device never ends), or a database this process
    has open (closing a descriptor of it would drop the process's locks). A missing path is
    left to the caller's own message."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode):
        if _LIVE_DATABASES and _is_live_database(path):
            raise InputError(Message("input.live_database", path=path, option=option))
        return
    kind = (
        "directory"
        if stat.S_ISDIR(mode)
        else "fifo"
        if stat.S_ISFIFO(mode)
        else "device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "special"
    )
    raise InputError(
        Message("input.not_a_file", path=path, option=option, kind=Message(f"input.kind.{kind}"))
    )
