"""What the plan as written asked of each day: the days before today by the plan in force on
them (issue 14: an edited plan does not rewrite the past), the rest by the current plan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from pacer.plan.renames import Renames
from pacer.schedule.habits import Tallies, Tally, tally
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import DayPlan, Projection, project
from pacer.service.session import Session, planned_projection


def _pieces(
    session: Session, first: date, last: date, today: date
) -> list[tuple[Session, date, date]]:
    """`first` to `last` cut by the plan that judges each day: before `today` the plan in
    force then, from `today` on the current plan (the session itself)."""
    from pacer.service.planversions import plans_in_force

    out: list[tuple[Session, date, date]] = []
    past_end = min(last, today - timedelta(days=1))
    if first <= past_end:
        out += plans_in_force(session, first, past_end)
    if max(first, today) <= last:
        if out and out[-1][0] is session:
            out[-1] = (session, out[-1][1], last)
        else:
            out.append((session, max(first, today), last))
    return out


def planned_days(
    session: Session, first: date, last: date, today: date
) -> list[tuple[Session, DayPlan]]:
    """Each day from `first` to `last` that the plan as written (poured from its start into
    the calendar with its trips) gives blocks, with the session whose plan judged it."""
    out: list[tuple[Session, DayPlan]] = []
    current: Projection | None = None
    for then, start, end in _pieces(session, first, last, today):
        if then is session:
            if current is None:
                current = planned_projection(session, until=last)
            poured = current
        else:
            poured = project(
                then.plan,
                then.calendar(),
                then.compiled.stream,
                progress_of(then.plan, ()),
                then.plan.start,
                until=end,
                adjustments=then.adjustments(),
            )
        out += [(then, dp) for dp in poured.days if start <= dp.info.day <= end]
    return out


def planned_unit_minutes(
    session: Session, first: date, last: date, today: date
) -> dict[tuple[str, date], int]:
    """(track, day) -> the unit minutes the plan as written placed that day, tracks named as
    the current plan names them (a track renamed since with `was:` is the same track)."""
    renames = Renames.of(session.plan)
    track_of: dict[int, dict[str, str]] = {}
    out: dict[tuple[str, date], int] = {}
    for then, dp in planned_days(session, first, last, today):
        tracks = track_of.setdefault(id(then), {u.id: u.track for u in then.plan.units()})
        for bp in dp.blocks:
            for p in bp.items:
                key = (renames.track(tracks[p.unit]), dp.info.day)
                out[key] = out.get(key, 0) + p.minutes
    return out


def habit_tallies(
    session: Session, entries: Sequence[LogEntry], first: date, last: date, today: date
) -> Tallies:
    """schedule.habits.tally from `first` to `last` (the day stood on), each day asked for
    what the plan that judges it (see `_pieces`) asks; the entries are named as the
    current plan names them, and so are the habits of the result."""
    calendar = session.calendar()
    pieces = _pieces(session, first, last, today)
    if all(then is session for then, _, _ in pieces):
        return tally(session.plan, calendar, entries, first, last)
    renames = Renames.of(session.plan)
    parts: list[tuple[Tallies, bool]] = []
    for then, start, end in pieces:
        if then is session:
            parts.append((tally(session.plan, calendar, entries, start, end), True))
            continue
        named = _named_by(then, renames, entries)
        counted = tally(then.plan, then.calendar(), named, start, end)
        habits = tuple(
            Tally(renames.track(h.id), h.title, h.planned, h.done, h.kept, h.days)
            for h in counted.habits
        )
        ritual = counted.ritual_track
        parts.append((Tallies(habits, counted.ritual, ritual and renames.track(ritual)), False))
    return _merged(session, parts)


def _named_by(then: Session, renames: Renames, entries: Iterable[LogEntry]) -> list[LogEntry]:
    """The entries (named by the current plan) as an older plan named their targets."""
    from pacer.record import replace

    tracks = {renames.track(t.id): t.id for t in then.plan.tracks}
    units = {renames.unit(u.id): u.id for u in then.plan.units()}
    out = []
    for e in entries:
        if e.kind == "unit" and units.get(e.target, e.target) != e.target:
            e = replace(e, target=units[e.target])
        elif e.kind == "habit" and tracks.get(e.target, e.target) != e.target:
            e = replace(e, target=tracks[e.target])
        out.append(e)
    return out


def _merged(session: Session, parts: list[tuple[Tallies, bool]]) -> Tallies:
    """The pieces' tallies as one: the current plan's habits in its order, then those only
    an older plan had; titles (and the review's track) as the current plan gives them."""
    ordered = sorted(parts, key=lambda part: not part[1])  # the current plan's piece first
    sums: dict[str, Tally] = {}
    for counted, _ in ordered:
        for h in counted.habits:
            was = sums.get(h.id)
            sums[h.id] = h if was is None else _plus(was, h)
    order = [t.id for t in session.plan.tracks if t.id in sums]
    order += [tid for tid in sums if tid not in order]
    ritual = ordered[0][0].ritual
    for counted, _ in ordered[1:]:
        ritual = _plus(ritual, counted.ritual)
    return Tallies(tuple(sums[tid] for tid in order), ritual, ordered[0][0].ritual_track)


def _plus(a: Tally, b: Tally) -> Tally:
    """Two spans' counts of one habit (or the review) added, the first one's title kept."""
    return Tally(
        a.id,
        a.title or b.title,
        a.planned + b.planned,
        a.done + b.done,
        a.kept + b.kept,
        a.days + b.days,
    )
