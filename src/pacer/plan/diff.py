"""What changed from one plan to another, in the plan's own terms (pure: two Plans in)."""

from __future__ import annotations

from pacer.plan.model import Block, Plan, Track, Unit
from pacer.record import ordered_record, record

# The kinds of change, in the order they are listed. `before`/`after` hold what the kind
# compares: minutes, an ISO date, an id, or None for a thing that is added or removed.
KINDS = (
    "span",  # the plan's first or last day (id "start" / "end")
    "track_added",
    "track_removed",
    "track_renamed",  # id: the new id; before: the old id (declared by `was:`)
    "unit_added",
    "unit_removed",
    "unit_renamed",  # id: the new id; before: the old id
    "estimate",  # a unit's minutes
    "unit_due",
    "milestone_added",
    "milestone_removed",
    "milestone_due",
    "milestone_needs",  # before/after: how many units it needs
    "template_added",
    "template_removed",
    "block_added",  # id: "template/block"
    "block_removed",
    "block_minutes",  # a block's minutes (its usual length)
    "block_max",  # a block's most minutes (how far it may stretch), when not just its minutes
    "week_shape",  # id: the shape; before/after: its templates, Monday first, joined by " "
)

Value = str | int | None


@ordered_record
class Change:
    kind: str
    id: str
    before: Value = None
    after: Value = None


@record
class PlanDiff:
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)


_REVERSE = {
    "track_added": "track_removed",
    "track_removed": "track_added",
    "unit_added": "unit_removed",
    "unit_removed": "unit_added",
    "milestone_added": "milestone_removed",
    "milestone_removed": "milestone_added",
    "template_added": "template_removed",
    "template_removed": "template_added",
    "block_added": "block_removed",
    "block_removed": "block_added",
}


def reversed_change(change: Change) -> Change:
    """The same change seen from the other side (diff(b, a) has it where diff(a, b) has
    `change`)."""
    if change.kind in ("unit_renamed", "track_renamed"):
        return Change(change.kind, str(change.before), change.id, None)
    kind = _REVERSE.get(change.kind, change.kind)
    return Change(kind, change.id, change.after, change.before)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from `old` to `new` that moves work or dates, ordered by KINDS then id.

    A unit or track that disappears while a new one declares its id in `was:` (or, seen
    from the other side, the one that disappears declares the new id) is a rename, not a
    removal and an addition; so is a unit gone while one with the same title in the same
    track appears. A renamed unit's estimate and due date are then compared too.
    """
    out: list[Change] = []
    for name, a, b in (("start", old.start, new.start), ("end", old.end, new.end)):
        if a != b:
            out.append(Change("span", name, a.isoformat(), b.isoformat()))
    out += _tracks(old, new)
    units = _units(old, new)
    out += units
    renamed = {str(c.before): c.id for c in units if c.kind == "unit_renamed"}
    out += _milestones(old, new, renamed)
    out += _templates(old, new)
    old_shapes = {s.id: " ".join(s.days) for s in old.week_shapes}
    new_shapes = {s.id: " ".join(s.days) for s in new.week_shapes}
    for sid in sorted(old_shapes.keys() | new_shapes.keys()):
        if old_shapes.get(sid) != new_shapes.get(sid):
            out.append(Change("week_shape", sid, old_shapes.get(sid), new_shapes.get(sid)))
    rank = {k: i for i, k in enumerate(KINDS)}
    return PlanDiff(tuple(sorted(out, key=lambda c: (rank[c.kind], c.id, str(c.before)))))


def _declared(gone: dict[str, tuple[str, ...]], came: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Gone id -> new id, where the new one lists the gone id in its `was:` or the gone one
    lists the new id in its own (a plan going back to an old name). Only pairs whose two
    ids are in no other such pair count, so that whichever side is called old the same
    pairs are found (diff(b, a) is diff(a, b) reversed)."""
    pairs = {(o, n) for n, olds in came.items() for o in olds if o in gone}
    pairs |= {(o, n) for o, news in gone.items() for n in news if n in came}
    olds = [o for o, _ in pairs]
    news = [n for _, n in pairs]
    return {o: n for o, n in sorted(pairs) if olds.count(o) == 1 and news.count(n) == 1}


def _was(tracks: tuple[Track, ...], other: tuple[Track, ...]) -> dict[str, tuple[str, ...]]:
    """The tracks of one side that the other side does not have, with their `was:` ids."""
    ids = {t.id for t in other}
    return {t.id: t.was for t in tracks if t.id not in ids}


def _tracks(old: Plan, new: Plan) -> list[Change]:
    gone = _was(old.tracks, new.tracks)
    came = _was(new.tracks, old.tracks)
    renamed = _declared(gone, came)
    out = [Change("track_renamed", b, a) for a, b in renamed.items()]
    out += [Change("track_removed", i) for i in gone if i not in renamed]
    out += [Change("track_added", i) for i in came if i not in renamed.values()]
    return out


def _units(old: Plan, new: Plan) -> list[Change]:
    before = {u.id: u for u in old.units()}
    after = {u.id: u for u in new.units()}
    gone_ids = before.keys() - after.keys()
    came_ids = after.keys() - before.keys()
    pairs = [(before[i], after[i]) for i in before.keys() & after.keys()]
    out: list[Change] = []
    # Renames declared by `was:` first; then a rename pairs one gone unit with one new unit
    # of the same track (as the new plan names it) and title, when that pairing is
    # unambiguous on both sides (so that diff(b, a) finds the same pairs).
    declared = _declared({i: before[i].was for i in gone_ids}, {i: after[i].was for i in came_ids})
    renamed: set[str] = set()
    for a_id, b_id in declared.items():
        out.append(Change("unit_renamed", b_id, a_id))
        pairs.append((before[a_id], after[b_id]))
        renamed |= {a_id, b_id}
    tracks = _declared(_was(old.tracks, new.tracks), _was(new.tracks, old.tracks))
    by_key: dict[tuple[str, str], tuple[list[Unit], list[Unit]]] = {}
    for i in gone_ids - renamed:
        u = before[i]
        by_key.setdefault((tracks.get(u.track, u.track), u.title), ([], []))[0].append(u)
    for i in came_ids - renamed:
        u = after[i]
        by_key.setdefault((u.track, u.title), ([], []))[1].append(u)
    for olds, news in by_key.values():
        if len(olds) == 1 and len(news) == 1:
            a, b = olds[0], news[0]
            out.append(Change("unit_renamed", b.id, a.id))
            pairs.append((a, b))
            renamed |= {a.id, b.id}
    gone = [before[i] for i in gone_ids]
    came = [after[i] for i in came_ids]
    out += [Change("unit_removed", u.id, u.minutes) for u in gone if u.id not in renamed]
    out += [Change("unit_added", u.id, None, u.minutes) for u in came if u.id not in renamed]
    for a, b in pairs:
        if a.minutes != b.minutes:
            out.append(Change("estimate", b.id, a.minutes, b.minutes))
        if a.due != b.due:
            out.append(Change("unit_due", b.id, _iso(a.due), _iso(b.due)))
    return out


def _milestones(old: Plan, new: Plan, renamed: dict[str, str]) -> list[Change]:
    """Milestones added, removed, moved, or needing other units (a renamed unit is the
    same unit)."""
    before = {m.id: m for m in old.milestones}
    after = {m.id: m for m in new.milestones}
    out = [
        Change("milestone_removed", i, before[i].due.isoformat())
        for i in before.keys() - after.keys()
    ]
    out += [
        Change("milestone_added", i, None, after[i].due.isoformat())
        for i in after.keys() - before.keys()
    ]
    for i in before.keys() & after.keys():
        a, b = before[i], after[i]
        if a.due != b.due:
            out.append(Change("milestone_due", i, a.due.isoformat(), b.due.isoformat()))
        if {renamed.get(u, u) for u in a.needs} != set(b.needs):
            out.append(Change("milestone_needs", i, len(set(a.needs)), len(set(b.needs))))
    return out


def _templates(old: Plan, new: Plan) -> list[Change]:
    before = {t.id: t for t in old.day_templates}
    after = {t.id: t for t in new.day_templates}
    out = [Change("template_removed", i) for i in before.keys() - after.keys()]
    out += [Change("template_added", i) for i in after.keys() - before.keys()]
    for tid in before.keys() & after.keys():
        a = _blocks(before[tid].blocks)
        b = _blocks(after[tid].blocks)
        for bid in a.keys() - b.keys():
            out.append(Change("block_removed", f"{tid}/{bid}", a[bid].minutes))
        for bid in b.keys() - a.keys():
            out.append(Change("block_added", f"{tid}/{bid}", None, b[bid].minutes))
        for bid in a.keys() & b.keys():
            x, y = a[bid], b[bid]
            if x.minutes != y.minutes:
                out.append(Change("block_minutes", f"{tid}/{bid}", x.minutes, y.minutes))
            follows = x.max_minutes == x.minutes and y.max_minutes == y.minutes
            if x.max_minutes != y.max_minutes and not follows:  # not a max that is the minutes
                out.append(Change("block_max", f"{tid}/{bid}", x.max_minutes, y.max_minutes))
    return out


def _blocks(blocks: tuple[Block, ...]) -> dict[str, Block]:
    # Block ids are unique within a template (the loader checks); the first one wins anyway.
    out: dict[str, Block] = {}
    for b in blocks:
        out.setdefault(b.id, b)
    return out


def _iso(day: object) -> str | None:
    return None if day is None else str(day)
