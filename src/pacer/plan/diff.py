"""What changed from one plan to another, in the plan's own terms (pure: two Plans in)."""

from __future__ import annotations

from dataclasses import dataclass

from pacer.plan.model import Block, Plan, Unit

# The kinds of change, in the order they are listed. `before`/`after` hold what the kind
# compares: minutes, an ISO date, an id, or None for a thing that is added or removed.
KINDS = (
    "span",  # the plan's first or last day (id "start" / "end")
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


@dataclass(frozen=True, slots=True, order=True)
class Change:
    kind: str
    id: str
    before: Value = None
    after: Value = None


@dataclass(frozen=True, slots=True)
class PlanDiff:
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)


_REVERSE = {
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
    if change.kind == "unit_renamed":
        return Change("unit_renamed", str(change.before), change.id, None)
    kind = _REVERSE.get(change.kind, change.kind)
    return Change(kind, change.id, change.after, change.before)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from `old` to `new` that moves work or dates, ordered by KINDS then id.

    A unit that disappears while one with the same title in the same track appears is a
    rename, not a removal and an addition (its estimate and due date are then compared too).
    """
    out: list[Change] = []
    for name, a, b in (("start", old.start, new.start), ("end", old.end, new.end)):
        if a != b:
            out.append(Change("span", name, a.isoformat(), b.isoformat()))
    out += _units(old, new)
    out += _milestones(old, new)
    out += _templates(old, new)
    old_shapes = {s.id: " ".join(s.days) for s in old.week_shapes}
    new_shapes = {s.id: " ".join(s.days) for s in new.week_shapes}
    for sid in sorted(old_shapes.keys() | new_shapes.keys()):
        if old_shapes.get(sid) != new_shapes.get(sid):
            out.append(Change("week_shape", sid, old_shapes.get(sid), new_shapes.get(sid)))
    rank = {k: i for i, k in enumerate(KINDS)}
    return PlanDiff(tuple(sorted(out, key=lambda c: (rank[c.kind], c.id, str(c.before)))))


def _units(old: Plan, new: Plan) -> list[Change]:
    before = {u.id: u for u in old.units()}
    after = {u.id: u for u in new.units()}
    gone = [before[i] for i in before.keys() - after.keys()]
    came = [after[i] for i in after.keys() - before.keys()]
    pairs = [(before[i], after[i]) for i in before.keys() & after.keys()]
    out: list[Change] = []
    # A rename pairs one gone unit with one new unit of the same track and title, when that
    # pairing is unambiguous on both sides (so that diff(b, a) finds the same pairs).
    by_key: dict[tuple[str, str], tuple[list[Unit], list[Unit]]] = {}
    for u in gone:
        by_key.setdefault((u.track, u.title), ([], []))[0].append(u)
    for u in came:
        by_key.setdefault((u.track, u.title), ([], []))[1].append(u)
    renamed: set[str] = set()
    for olds, news in by_key.values():
        if len(olds) == 1 and len(news) == 1:
            a, b = olds[0], news[0]
            out.append(Change("unit_renamed", b.id, a.id))
            pairs.append((a, b))
            renamed |= {a.id, b.id}
    out += [Change("unit_removed", u.id, u.minutes) for u in gone if u.id not in renamed]
    out += [Change("unit_added", u.id, None, u.minutes) for u in came if u.id not in renamed]
    for a, b in pairs:
        if a.minutes != b.minutes:
            out.append(Change("estimate", b.id, a.minutes, b.minutes))
        if a.due != b.due:
            out.append(Change("unit_due", b.id, _iso(a.due), _iso(b.due)))
    return out


def _milestones(old: Plan, new: Plan) -> list[Change]:
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
        if set(a.needs) != set(b.needs):
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
