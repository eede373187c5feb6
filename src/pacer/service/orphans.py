"""Orphans: log targets the plan no longer has, the likely rename of each (the `was:` line to
add to the plan), and the ones the person accepted (`pacer doctor --accept-orphans`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pacer.plan.model import Plan
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.service.health import Stray

CLOSE_ENOUGH = 0.6  # difflib ratio below which an id is no likely rename of another


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Where an orphan's history would count: `was:` to add to a current unit or track."""

    kind: str  # unit or track (what says `was:`)
    id: str  # the current id
    was: tuple[str, ...]  # the whole `was:` list it would then have
    by: str  # title (the orphan had this id's title) or closest (the closest id)
    file: str | None  # the plan file's name (None: the built-in plan)
    line: int | None  # where that unit or track is written in it

    @property
    def was_line(self) -> str:
        return f"was: [{', '.join(self.was)}]"


@dataclass(frozen=True, slots=True)
class Orphan:
    """A log target (unit or habit track id) the plan in force does not have."""

    kind: str  # unit, habit or ritual: the log entries' target kind
    target: str
    entries: int
    minutes: int
    accepted: bool
    suggestion: Suggestion | None


def orphans_of(
    session: Session, strays: Iterable[Stray], titles: Mapping[str, str] | None = None
) -> list[Orphan]:
    """The distinct log targets among `strays`, each with its likely rename. `titles`: what
    each old unit id was called, where known (the stored plan versions can tell; without
    them only the closest id is proposed)."""
    from pacer.store.orphans import accepted_orphans

    counts: dict[tuple[str, str], list[int]] = {}
    for s in strays:
        if s.table == "log":
            seen = counts.setdefault((s.kind, s.target), [0, 0])
            seen[0] += 1
            seen[1] += s.minutes or 0
    if not counts:
        return []
    accepted = accepted_orphans(session.store)
    plan = session.plan
    guesses = {key: _guess(plan, *key, titles or {}) for key in counts}
    # Old ids proposed for one current id go on one `was:` line, after the ones it has.
    proposed: dict[tuple[str, str], list[str]] = {}
    for (_, target), guess in guesses.items():
        if guess is not None:
            proposed.setdefault(guess[:2], []).append(target)
    file, lines = _plan_lines(session)
    out: list[Orphan] = []
    for (kind, target), (entries, minutes) in counts.items():
        guess = guesses[(kind, target)]
        suggestion = None
        if guess is not None:
            what, new, by = guess
            had = _was_of(plan, what, new)
            was = (*had, *(o for o in sorted(proposed[(what, new)]) if o not in had))
            suggestion = Suggestion(what, new, was, by, file, lines.get((what, new)))
        out.append(Orphan(kind, target, entries, minutes, (kind, target) in accepted, suggestion))
    return out


def _guess(
    plan: Plan, kind: str, target: str, titles: Mapping[str, str]
) -> tuple[str, str, str] | None:
    """(unit|track, current id, title|closest) for an orphan, or None."""
    if kind == "unit":
        title = titles.get(target)
        if title:
            same = [u.id for u in plan.units() if u.title == title]
            if len(same) == 1:
                return ("unit", same[0], "title")
        pool = sorted(u.id for u in plan.units())
        what = "unit"
    elif kind == "habit":
        pool = sorted(plan.habit_tracks())
        what = "track"
    else:
        return None  # a ritual other than the review: nothing in a plan can say `was:` for it
    close = difflib.get_close_matches(target, pool, n=1, cutoff=CLOSE_ENOUGH)
    return (what, close[0], "closest") if close else None


def _was_of(plan: Plan, kind: str, ident: str) -> tuple[str, ...]:
    if kind == "unit":
        return next((u.was for u in plan.units() if u.id == ident), ())
    return next((t.was for t in plan.tracks if t.id == ident), ())


def _plan_lines(session: Session) -> tuple[str | None, dict[tuple[str, str], int]]:
    """The plan file's name and where its units and tracks are written; the built-in plan
    has no file the person edits (None, {})."""
    from pacer.plan.renames import definition_lines
    from pacer.workspace import BUILTIN

    source = session.compiled.source
    if source == BUILTIN:
        return None, {}
    path = Path(source)
    try:
        return path.name, definition_lines(path.read_bytes())
    except OSError:
        return path.name, {}


def accept_orphans(session: Session) -> list[Orphan]:
    """Record every orphan not yet accepted as intended (one transaction); returns them."""
    from pacer.service.health import strays
    from pacer.store.orphans import accept_orphans as store_accept

    fresh = [o for o in orphans_of(session, strays(session)) if not o.accepted]
    store_accept(session.store, ((o.kind, o.target) for o in fresh))
    return fresh


def orphan_json(o: Orphan) -> dict[str, Any]:
    s = o.suggestion
    return {
        "kind": o.kind,
        "target": o.target,
        "entries": o.entries,
        "minutes": o.minutes,
        "accepted": o.accepted,
        "suggestion": None
        if s is None
        else {
            "kind": s.kind,
            "id": s.id,
            "was": list(s.was),
            "line_text": s.was_line,
            "by": s.by,
            "file": s.file,
            "line": s.line,
        },
    }
