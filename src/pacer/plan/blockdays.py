"""A block's `days:` (the weekdays it exists on) and a habit's `per_week:` (a flexible habit)."""

from __future__ import annotations

import difflib

from pacer.plan.model import WEEKDAYS
from pacer.plan.problems import Loc
from pacer.plan.reader import Reader
from pacer.plan.yamlnodes import Located
from pacer.record import record


def weekday_hint(raw: str) -> str | None:
    """The weekday a mistyped name most likely means ("Monday", "thurs", "mo" -> mon, thu)."""
    low = raw.strip().lower()
    if low[:3] in WEEKDAYS and len(low) >= 3:
        return low[:3]
    close = difflib.get_close_matches(low, WEEKDAYS, n=1, cutoff=0.5)
    if close:
        return close[0]
    starts = [w for w in WEEKDAYS if low and w.startswith(low)]
    return starts[0] if len(starts) == 1 else None


def block_days(r: Reader, node: Located | None, where: str) -> tuple[int, ...]:
    """The weekdays (0 = Monday) of a block's `days: [mon, wed, fri]`; () when absent."""
    if node is None:
        return ()
    items = r.seq(node, f"{where}.days")
    if isinstance(node.value, list) and not items:
        r.err(node.loc, "habits.days_empty", where=f"{where}.days")
    out: list[int] = []
    for item in items:
        raw = r.text(item, f"{where}.days")
        if raw in WEEKDAYS:
            if WEEKDAYS.index(raw) not in out:
                out.append(WEEKDAYS.index(raw))
            continue
        hint = weekday_hint(raw) if isinstance(item.value, str) else None
        if hint is not None:
            r.err(item.loc, "habits.bad_weekday_hint", raw=raw, hint=hint)
        else:
            r.err(item.loc, "habits.bad_weekday", raw=raw, choices=", ".join(WEEKDAYS))
    return tuple(sorted(out))


def block_per_week(r: Reader, node: Located | None, where: str, block_type: str) -> int | None:
    """A habit's `per_week:`, 1 to 7 (None when absent or wrong; the error is recorded)."""
    if node is None:
        return None
    if block_type != "habit":
        r.err(node.loc, "plan.key_not_for_type", key="per_week", type=block_type)
        return None
    value = r.integer(node, f"{where}.per_week", 0, 1, 7)
    return value or None


@record
class HabitSeen:
    """A habit block as written: its track, `per_week`, `days` and where to point at it."""

    track: str
    per_week: int | None
    days: tuple[int, ...]
    loc: Loc  # its `per_week:` when written, else the block


def check_habits(r: Reader, seen: list[HabitSeen]) -> None:
    """One weekly count per track: the habit blocks of a track agree on `per_week`, and it is
    no more than the weekdays they can occur on (the union of their `days:`)."""
    by_track: dict[str, list[HabitSeen]] = {}
    for s in seen:
        by_track.setdefault(s.track, []).append(s)
    for track, blocks in by_track.items():
        weekly = [s for s in blocks if s.per_week is not None]
        if not weekly:
            continue
        first = weekly[0]
        for s in blocks:
            if s.per_week != first.per_week:
                r.err(
                    s.loc,
                    "habits.per_week_disagree",
                    track=track,
                    n=first.per_week,
                    line=first.loc.line,
                )
        weekdays = sorted({d for s in blocks for d in (s.days or range(7))})
        if first.per_week is not None and first.per_week > len(weekdays):
            r.err(
                first.loc,
                "habits.per_week_over_days",
                n=first.per_week,
                days=len(weekdays),
                names=", ".join(WEEKDAYS[d] for d in weekdays),
            )
