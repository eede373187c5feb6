"""`was:` on units and tracks: the ids they had before a rename, read, checked and mapped."""

from __future__ import annotations

from collections.abc import Mapping

from pacer.i18n import Message
from pacer.plan.model import Plan
from pacer.plan.problems import Loc
from pacer.record import record

# The today path maps renames without reading YAML: the readers are for the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.plan.reader import Reader
    from pacer.plan.yamlnodes import Located

RENAMED_KINDS = ("unit", "track")  # what may say `was:`


@record
class WasSeen:
    """One old id a unit or track of the plan file declares, where it is written."""

    kind: str  # unit or track
    owner: str  # the current id that declares it
    old: str
    loc: Loc


def read_was(
    r: Reader, node: Located | None, kind: str, owner: str, seen: list[WasSeen]
) -> tuple[str, ...]:
    """The ids of a `was:` list (one id alone is read as a list of one), noted in `seen`
    for check_was once every current id is known."""
    if node is None:
        return ()
    nodes = [node] if isinstance(node.value, str) else r.seq(node, "was")
    out: list[str] = []
    for item in nodes:
        old = r.ident(item, "was")
        if old:
            seen.append(WasSeen(kind, owner, old, item.loc))
            out.append(old)
    return tuple(out)


def check_was(seen: list[WasSeen], current: Mapping[str, set[str]], r: Reader) -> None:
    """An old id names nothing the plan has now (else its history would count twice), is
    not its own owner, and is given once among the units (or the tracks)."""
    first: dict[tuple[str, str], Loc] = {}
    for was in seen:
        key = (was.kind, was.old)
        if was.old == was.owner:
            r.err(was.loc, "renames.plan.was_self", id=was.old)
        elif was.old in current.get(was.kind, set()):
            r.err(was.loc, "renames.plan.was_current", id=was.old, kind=Message(f"ref.{was.kind}"))
        elif key in first:
            r.err(was.loc, "renames.plan.was_twice", id=was.old, line=first[key].line)
        first.setdefault(key, was.loc)


@record
class Renames:
    """Old id -> current id, for units and for tracks: how a stored row naming an id from
    before a rename finds what it counts for now."""

    units: Mapping[str, str]
    tracks: Mapping[str, str]

    @classmethod
    def of(cls, plan: Plan) -> Renames:
        units = {old: u.id for u in plan.units() for old in u.was}
        tracks = {old: t.id for t in plan.tracks for old in t.was}
        return cls(units, tracks)

    def __bool__(self) -> bool:
        return bool(self.units or self.tracks)

    def unit(self, uid: str) -> str:
        return self.units.get(uid, uid)

    def track(self, tid: str) -> str:
        return self.tracks.get(tid, tid)

    def target(self, kind: str, target: str) -> str:
        """The id a log entry of `kind` (unit, habit, ritual) counts for now."""
        if kind == "unit":
            return self.unit(target)
        if kind == "habit":
            return self.track(target)
        return target


def current_id(plan: Plan, typed: str) -> str:
    """What an id the person types names now: an old id a unit or track lists under `was:`
    gives its current id; an id the plan has (or none it knows) is itself. A current id
    always wins over an old one (a unit's old id may be another kind's current id)."""
    from pacer.plan.model import REVIEW_TARGET

    if typed == REVIEW_TARGET or any(t.id == typed for t in plan.tracks):
        return typed
    if any(u.id == typed for u in plan.units()):
        return typed
    renames = Renames.of(plan)
    return renames.units.get(typed) or renames.tracks.get(typed) or typed


def old_ids(plan: Plan, kind: str, current: str) -> tuple[str, ...]:
    """The ids a log target of `kind` (unit, habit) had before: its `was:` list."""
    if kind == "unit":
        return next((u.was for u in plan.units() if u.id == current), ())
    if kind == "habit":
        return next((t.was for t in plan.tracks if t.id == current), ())
    return ()


def definition_lines(text: str | bytes) -> dict[tuple[str, str], int]:
    """(unit|track, id) -> the line of the plan text where that unit or track is written,
    for telling the person where to add a `was:` line ({} when the text cannot be read)."""
    from pacer.plan.yamlnodes import YamlRefused, read_located

    try:
        root = read_located(text, [])
    except YamlRefused:
        return {}
    out: dict[tuple[str, str], int] = {}
    top = root.value if root is not None and isinstance(root.value, dict) else {}

    def note(kind: str, node: Located) -> None:
        if isinstance(node.value, dict) and "id" in node.value:
            ident = node.value["id"]
            out.setdefault((kind, str(ident.value)), ident.loc.line)

    for track in _items(top.get("tracks")):
        note("track", track)
    for curriculum in _items(top.get("curricula")):
        if isinstance(curriculum.value, dict):
            for unit in _items(curriculum.value.get("units")):
                note("unit", unit)
    return out


def _items(node: Located | None) -> list[Located]:
    return list(node.value) if node is not None and isinstance(node.value, list) else []
