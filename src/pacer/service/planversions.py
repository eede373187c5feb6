"""Plan versions: recording the plan in force, its history with reasons, and diffs.

When a version is recorded: whenever a command opens the database for writing (the store of
a Session) and the plan it runs with is not the one last recorded in force — one indexed
read on every command, a write only when the plan changed. `plan use`/`plan reload` record
it at once, with the reason given. A read-only database records nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacer import clock
from pacer.errors import InputError, PacerError
from pacer.i18n import Message
from pacer.plan.diff import PlanDiff, diff_plans
from pacer.record import record
from pacer.service.session import Session
from pacer.store.planversions import (
    PlanVersion,
    find_version,
    in_force_history,
    list_versions,
    record_in_force,
    set_reason,
    version_content,
)


@record
class MilestoneEffect:
    """What a version did to one milestone's projected date (projected on its day)."""

    id: str
    title: str
    before: date | None  # with the previous version (None: not finished, or not there)
    after: date | None  # with this version

    @property
    def days(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return (self.after - self.before).days


@record
class HistoryEntry:
    version: PlanVersion
    in_force: tuple[date, ...]  # each day it became the plan in force
    current: bool
    diff: PlanDiff | None  # from the previous version; None for the first (or unreadable)
    effects: tuple[MilestoneEffect, ...]
    unreadable: str = ""  # why this pacer cannot read the version any more


def record_plan(session: Session, reason: str) -> tuple[PlanVersion, bool] | None:
    """Record the session's plan as the plan in force from now on, with `reason` (empty:
    none): the version and whether anything was written. None when the file changed since
    it was read (the next command records it)."""
    from pacer.plan.builtin import builtin_plan_path
    from pacer.workspace import BUILTIN, content_digest, read_plan_file

    compiled = session.compiled
    store = session.store  # (opening it may record the version without a reason first)
    if store.refusal is not None and session.bound_elsewhere is not None:
        raise PacerError(store.refusal)  # another plan's data: the line naming both plans
    if store.read_only:
        raise PacerError(Message("versions.read_only"))
    if session.previews():
        from pacer.store.binding import read_binding

        bound = read_binding(store)
        raise InputError(
            Message(
                "versions.preview",
                path=compiled.source,
                bound=bound.source if bound is not None else compiled.source,
            )
        )
    path = builtin_plan_path() if compiled.source == BUILTIN else Path(compiled.source)
    data = read_plan_file(path)
    if content_digest(data) != compiled.content:
        return None
    now = clock.now_utc()
    return record_in_force(
        store, compiled.content, data, compiled.plan.id, now, clock.today(compiled.plan), reason
    )


def times_in_force(session: Session, number: int) -> int:
    """How many times version `number` became the plan in force (more than once: returned to)."""
    return sum(1 for s in in_force_history(session.store) if s.number == number)


def plan_path(session: Session) -> Path:
    from pacer.plan.builtin import builtin_plan_path
    from pacer.workspace import BUILTIN

    source = session.compiled.source
    return builtin_plan_path() if source == BUILTIN else Path(source)


def check_reason(text: str) -> str:
    """A reason as one line (whitespace folded), not empty, within the bound of free text."""
    from pacer.bounds import check_text
    from pacer.i18n import t

    reason = " ".join(text.split())
    if not reason:
        raise InputError(Message("versions.empty_reason"))
    return check_text(reason, t("input.what.reason"))


def parse_version(session: Session, raw: str) -> PlanVersion:
    """A version from its number as people type it: 2 or v2."""
    from pacer.bounds import shown

    text = raw.strip().lower().removeprefix("v")
    versions = list_versions(session.store)
    if not versions:
        raise PacerError(Message("versions.none"))
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        raise InputError(Message("versions.bad_number", raw=shown(raw)))
    found = find_version(session.store, int(text))
    if found is None:
        raise InputError(Message("versions.unknown", raw=shown(raw), last=versions[-1].number))
    return found


def give_reason(session: Session, raw: str, text: str) -> PlanVersion:
    """`plan why VERSION TEXT`: the reason recorded afterwards."""
    reason = check_reason(text)
    version = parse_version(session, raw)
    set_reason(session.store, version.number, reason)
    found = find_version(session.store, version.number)
    assert found is not None
    return found


def version_session(session: Session, number: int) -> Session:
    """A session over the plan of version `number` (its bytes as stored) and the same
    database: for projecting or judging a day by the plan that was in force."""
    from pacer.workspace import compile_plan_data

    data = version_content(session.store, number)
    if data is None:
        raise PacerError(Message("versions.unknown", raw=number, last=number))
    label = f"plan-v{number}.yaml"
    return Session.lent(compile_plan_data(data, label, label), session.store)


def _readable(session: Session, number: int) -> tuple[Session | None, str]:
    from pacer.plan.problems import PlanInvalid

    try:
        return version_session(session, number), ""
    except PlanInvalid as exc:
        return None, exc.problems[0] if exc.problems else "invalid"
    except PacerError as exc:
        return None, str(exc.message)


def _projected(session: Session, day: date) -> dict[str, tuple[str, date | None]]:
    from pacer.bounds import check_day
    from pacer.service.milestones import milestone_statuses

    plan = session.plan
    try:
        day = check_day(day, plan.start, plan.end)
    except PacerError:
        return {}
    return {s.id: (s.title, s.projected) for s in milestone_statuses(session, day)}


def effects(old: Session, new: Session, day: date) -> tuple[MilestoneEffect, ...]:
    """Each milestone's projected date on `day` with the old plan and with the new one (the
    same log, trips and choices): the new plan's milestones in its order, then the ones it
    dropped."""
    before = _projected(old, day)
    after = _projected(new, day)
    out = [
        MilestoneEffect(mid, title, before.get(mid, ("", None))[1], projected)
        for mid, (title, projected) in after.items()
    ]
    out += [
        MilestoneEffect(mid, title, projected, None)
        for mid, (title, projected) in before.items()
        if mid not in after
    ]
    return tuple(out)


def plan_history(session: Session) -> list[HistoryEntry]:
    """Every stored version, oldest first, each against the one before it."""
    versions = list_versions(session.store)
    switches = in_force_history(session.store)
    current = switches[-1].number if switches else None
    out: list[HistoryEntry] = []
    previous: Session | None = None
    for version in versions:
        this, why_not = _readable(session, version.number)
        diff: PlanDiff | None = None
        moved: tuple[MilestoneEffect, ...] = ()
        if this is not None and previous is not None:
            diff = diff_plans(previous.plan, this.plan)
            moved = effects(previous, this, version.day)
        days = tuple(s.day for s in switches if s.number == version.number)
        out.append(HistoryEntry(version, days, version.number == current, diff, moved, why_not))
        previous = this if this is not None else previous
    return out


def plan_diff(session: Session, raw1: str, raw2: str | None) -> tuple[int, int, PlanDiff]:
    """`plan diff V1 [V2]`: from version V1 to V2 (default: the plan in force now)."""
    first = parse_version(session, raw1)
    old, why_not = _readable(session, first.number)
    if old is None:
        raise PacerError(Message("versions.unreadable", detail=why_not))
    if raw2 is None:
        switches = in_force_history(session.store)
        second_number = switches[-1].number if switches else first.number
        new_plan = session.plan
    else:
        second_number = parse_version(session, raw2).number
        new, why_not = _readable(session, second_number)
        if new is None:
            raise PacerError(Message("versions.unreadable", detail=why_not))
        new_plan = new.plan
    return first.number, second_number, diff_plans(old.plan, new_plan)


def plans_in_force(session: Session, first: date, last: date) -> list[tuple[Session, date, date]]:
    """The days from `first` to `last` cut where the plan in force changed: each piece with a
    session over the plan that was in force then (the session itself for the plan in force
    now). Days before the first recorded version go by that first version; with no version
    recorded, everything goes by the plan in force."""
    history = in_force_history(session.store)
    if not history:
        return [(session, first, last)]
    # Days before the first recorded version (logged afterwards, with --date) go by it too.
    switches = [s for s in history if s.day <= last] or history[:1]
    current = session.compiled.content
    pieces: list[tuple[int, date, date]] = []
    for i, switch in enumerate(switches):
        start = first if i == 0 else max(first, switch.day)
        end = last if i + 1 == len(switches) else min(last, switches[i + 1].day - timedelta(1))
        if start <= end:
            if pieces and pieces[-1][0] == switch.number:
                pieces[-1] = (switch.number, pieces[-1][1], end)
            else:
                pieces.append((switch.number, start, end))
    out: list[tuple[Session, date, date]] = []
    opened: dict[int, Session] = {}
    for number, start, end in pieces:
        if number not in opened:
            found = find_version(session.store, number)
            same = found is not None and found.digest == current
            this = session if same else _readable(session, number)[0]
            opened[number] = this if this is not None else session
        out.append((opened[number], start, end))
    return out


def changes_between(session: Session, first: date, last: date) -> list[HistoryEntry]:
    """The plan versions first seen from `first` to `last` (a week, a year), each with its
    changes, reason and milestone effects: what the weekly review and the year summary list
    as the period's plan changes."""
    # One read when the period has none (most weeks): the history projects every version.
    if not any(first <= v.day <= last for v in list_versions(session.store)):
        return []
    return [e for e in plan_history(session) if first <= e.version.day <= last]
