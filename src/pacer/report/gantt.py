"""What the Gantt chart draws: each curriculum's planned and projected span, the milestones'
due and projected dates, the absences and today — a pure function of the plan's data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from pacer.calendar.days import Trip
from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.progress import LogEntry
from pacer.schedule.projection import Projection
from pacer.schedule.status import MilestoneStatus

Span = tuple[date, date]  # first and last day, inclusive


@record
class GanttRow:
    """One curriculum: its window, where the plan as written puts its units (`planned`),
    and where they really are and will be (`projected`: logged days up to today, then the
    re-flow), None when nothing of it is placed."""

    id: str
    title: str
    track: str
    window: Span
    planned: Span | None
    projected: Span | None
    open_end: bool = False  # work of it left that the projection never places

    @property
    def slip_days(self) -> int | None:
        """Days the projected end lands after the planned one (negative: before)."""
        if self.planned is None or self.projected is None:
            return None
        return (self.projected[1] - self.planned[1]).days


@record
class GanttMilestone:
    id: str
    title: str
    due: date  # the due date in force (a recorded move included)
    projected: date | None  # None: not finished within the projection
    status: str  # as `status` says it: on_track, at_risk, late, missed, met, done


@record
class GanttAbsence:
    start: date
    end: date  # inclusive
    kind: str
    title: str  # what the plan calls the kind, in the chart's language


@record
class GanttData:
    """The whole chart: `first`–`last` spans every bar, diamond and the plan itself."""

    today: date
    start: date  # the plan's span
    end: date
    first: date  # the chart's span
    last: date
    rows: tuple[GanttRow, ...]
    milestones: tuple[GanttMilestone, ...]
    absences: tuple[GanttAbsence, ...]


def _span(days: Iterable[date]) -> Span | None:
    seen = sorted(days)
    return (seen[0], seen[-1]) if seen else None


def _placed_days(projection: Projection, curriculum_of: Mapping[str, str]) -> dict[str, set[date]]:
    out: dict[str, set[date]] = {}
    for dp in projection.days:
        for bp in dp.blocks:
            for p in bp.items:
                if p.minutes > 0 and p.unit in curriculum_of:
                    out.setdefault(curriculum_of[p.unit], set()).add(dp.info.day)
    return out


def gantt_data(
    plan: Plan,
    planned: Projection,
    projection: Projection,
    entries: Sequence[LogEntry],
    milestones: Sequence[MilestoneStatus],
    absences: Sequence[Trip],
    kind_titles: Mapping[str, str],
    today: date,
) -> GanttData:
    """The chart's data: `planned` is the plan as written poured from its first day,
    `projection` the re-flow from `today` (both keeping their days), `entries` the log (only
    unit work up to `today` counts), `milestones` their statuses on `today`, `absences` every
    absence recorded, titled by `kind_titles` (kind -> its name)."""
    curriculum_of = {u.id: u.curriculum for u in plan.units()}
    planned_days = _placed_days(planned, curriculum_of)
    ahead = _placed_days(projection, curriculum_of)
    logged: dict[str, set[date]] = {}
    for e in entries:
        worked = e.minutes > 0 or e.done
        if e.kind == "unit" and e.target in curriculum_of and e.day <= today and worked:
            logged.setdefault(curriculum_of[e.target], set()).add(e.day)
    rows = []
    for c in plan.curricula:
        required = {u.id for u in c.units if not u.optional}
        rows.append(
            GanttRow(
                c.id,
                c.title,
                c.track,
                (c.opens, c.closes),
                _span(planned_days.get(c.id, ())),
                _span(logged.get(c.id, set()) | ahead.get(c.id, set())),
                any(projection.left.get(uid, 0) > 0 for uid in required),
            )
        )
    stones = tuple(GanttMilestone(m.id, m.title, m.due, m.projected, m.status) for m in milestones)
    seen = [plan.start, plan.end, today]
    for r in rows:
        for span in (r.planned, r.projected):
            if span is not None:
                seen += span
    for m in stones:
        seen += [m.due] + ([m.projected] if m.projected else [])
    first, last = min(seen), max(seen)
    shown = tuple(
        GanttAbsence(max(a.start, first), min(a.end, last), a.kind, kind_titles.get(a.kind, a.kind))
        for a in sorted(absences, key=lambda a: (a.start, a.end, a.id))
        if a.start <= last and a.end >= first
    )
    return GanttData(today, plan.start, plan.end, first, last, tuple(rows), stones, shown)
