"""Orphans: log targets the plan no longer has, the likely rename of each (the `was:` line to
add to the plan), and the ones the person accepted (`pacer doctor --accept-orphans`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path

from pacer.plan.model import Plan
from pacer.record import record
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.service.health import Stray

CLOSE_ENOUGH = 0.6  # difflib ratio below which an id is no likely rename of another


@record
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


@record
class Orphan:
    """A log target (unit or habit track id) the plan in force does not have."""

    kind: str  # unit, habit or ritual: the log entries' target kind
    target: str
    entries: int
    minutes: int
    accepted: bool
    suggestion: Suggestion | None


@record
class Known:
    """An orphan's id as the newest stored plan version that had it knew it."""

    title: str
    track: str  # a unit's track ("" for a track)
    then: frozenset[str]  # every id of its kind that version had: none of them is its rename


Key = tuple[str, str]  # (unit|track, id): what can say `was:`, and the old id


def orphans_of(session: Session, strays: Iterable[Stray]) -> list[Orphan]:
    """The distinct log targets among `strays`, each with its likely rename."""
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
    olds = {(_WHAT[kind], target) for kind, target in counts if kind in _WHAT}
    guesses = likely_renames(plan, olds, known_from_versions(session, olds))
    # Old ids proposed for one current id go on one `was:` line, after the ones it has.
    proposed: dict[tuple[str, str], list[str]] = {}
    for (_, target), (what, new, _) in guesses.items():
        proposed.setdefault((what, new), []).append(target)
    file, lines = _plan_lines(session)
    out: list[Orphan] = []
    for (kind, target), (entries, minutes) in counts.items():
        guess = guesses.get((_WHAT.get(kind, ""), target))
        suggestion = None
        if guess is not None:
            what, new, by = guess
            had = _was_of(plan, what, new)
            was = (*had, *(o for o in sorted(proposed[(what, new)]) if o not in had))
            suggestion = Suggestion(what, new, was, by, file, lines.get((what, new)))
        out.append(Orphan(kind, target, entries, minutes, (kind, target) in accepted, suggestion))
    return out


# A log entry's target kind -> what in a plan can say `was:` for it (a ritual other than the
# review has nothing that can).
_WHAT = {"unit": "unit", "habit": "track"}


def known_from_versions(session: Session, olds: Iterable[Key]) -> dict[Key, Known]:
    """For each old id, what the newest stored plan version that had it called it and which
    ids it had then: newest first, stopping once every old id is found. A version this pacer
    cannot read any more is passed over."""
    from pacer.errors import PacerError
    from pacer.plan.loader import load_plan_text
    from pacer.store.planversions import list_versions, version_content

    wanted = set(olds)
    found: dict[Key, Known] = {}
    if not wanted:
        return found
    for version in reversed(list_versions(session.store)):
        if version.digest == session.compiled.content:
            continue  # the plan in force: it has none of them
        data = version_content(session.store, version.number)
        if data is None:
            continue
        try:
            plan = load_plan_text(data, f"plan-v{version.number}.yaml")
        except PacerError:
            continue
        units = {u.id: u for u in plan.units()}
        tracks = {t.id: t for t in plan.tracks}
        for what, old in sorted(wanted):
            if what == "unit" and old in units:
                u = units[old]
                found[(what, old)] = Known(u.title, u.track, frozenset(units))
            elif what == "track" and old in tracks:
                found[(what, old)] = Known(tracks[old].title, "", frozenset(tracks))
        wanted -= found.keys()
        if not wanted:
            break
    return found


def likely_renames(
    plan: Plan, olds: Iterable[Key], known: Mapping[Key, Known]
) -> dict[Key, tuple[str, str, str]]:
    """(unit|track, current id, title|closest) for each old id that has a likely rename.

    Only an id new since the newest version that had the old one can be its rename (with no
    version that had it, any current id can). First a new id with the old one's title (one
    of the same track when several have it; several old ids may share it: renamed twice).
    Else the closest id by difflib's ratio, at least CLOSE_ENOUGH: the closest pairs first,
    each current id proposed for one old id only, none that a title already claimed. Nothing
    close enough: no guess."""
    units = {u.id: u for u in plan.units()}
    titles = {
        "unit": {u.id: u.title for u in units.values()},
        "track": {t.id: t.title for t in plan.tracks},
    }
    # A habit's log counts only for a track a habit block has.
    pools = {"unit": sorted(units), "track": sorted(plan.habit_tracks())}
    out: dict[Key, tuple[str, str, str]] = {}
    open_: list[tuple[Key, list[str]]] = []
    for key in sorted(olds):
        what = key[0]
        if what not in pools:
            continue
        seen = known.get(key)
        pool = [i for i in pools[what] if seen is None or i not in seen.then]
        same = [i for i in pool if seen is not None and titles[what].get(i) == seen.title]
        if len(same) > 1 and what == "unit" and seen is not None:
            same = [i for i in same if units[i].track == seen.track]
        if len(same) == 1:
            out[key] = (what, same[0], "title")
        else:
            open_.append((key, pool))
    claimed = {(g[0], g[1]) for g in out.values()}
    pairs = [
        (difflib.SequenceMatcher(None, key[1], new).ratio(), key, new)
        for key, pool in open_
        for new in pool
        if (key[0], new) not in claimed
    ]
    # Closest first; ties in a fixed order (the old id, then the new id).
    for ratio, key, new in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if ratio < CLOSE_ENOUGH:
            break
        if key in out or (key[0], new) in claimed:
            continue
        out[key] = (key[0], new, "closest")
        claimed.add((key[0], new))
    return out


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
