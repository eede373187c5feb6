"""Where each track and milestone stands on a date: planned vs done, projected, slip."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.habits import Tallies, Tally
from pacer.schedule.progress import LogEntry, LogTargets, not_in_plan_entries
from pacer.schedule.projection import Projection

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    MilestoneState = Literal["met", "missed", "done", "on_track", "at_risk", "late"]


AT_RISK_DAYS = 7  # less slack than a week before the due date is at risk


@record
class TrackStatus:
    id: str
    title: str
    planned_to_date: int  # unit minutes the plan placed up to the date
    done: int  # unit minutes logged up to the date
    remaining: int  # unit minutes still to do
    projected_finish: date | None  # when its last required unit is projected to finish
    habit_planned_to_date: int = 0  # minutes the templates ask for its habit up to the date
    habit_done: int = 0  # habit minutes logged up to the date
    habit_kept: int = 0  # days with a habit entry, among the days that ask for it
    habit_days: int = 0  # days inside the plan up to the date whose template asks for it
    has_units: bool = True
    has_habit: bool = False


@record
class MilestoneStatus:
    id: str
    title: str
    due: date
    original_due: date
    projected: date | None  # None: not finished within the projection
    slip_days: int | None
    status: MilestoneState
    criteria_checked: int = 0  # acceptance criteria checked (by the date)
    criteria_total: int = 0
    units_done: bool = False  # every needed unit finished (logged, covered or deferred)
    open_units: tuple[str, ...] = ()  # needed units not finished yet, in the plan's order


@record
class CriterionCheck:
    """An acceptance criterion checked off, with its evidence, on a local date."""

    milestone: str
    criterion: str
    evidence: str
    day: date
    checked_at: str = ""  # UTC, ISO 8601


def finished_on(plan: Plan, entries: Iterable[LogEntry], until: date) -> dict[str, date]:
    """The day each unit was finished by the log (its `done` entry, or the day its logged
    minutes reached the estimate), counting entries up to `until`."""
    estimate = {u.id: u.minutes for u in plan.units()}
    total: dict[str, int] = {}
    out: dict[str, date] = {}
    for e in sorted(entries, key=lambda e: (e.day, e.id)):
        if e.kind != "unit" or e.day > until or e.target not in estimate or e.target in out:
            continue
        total[e.target] = total.get(e.target, 0) + e.minutes
        if e.done or total[e.target] >= estimate[e.target]:
            out[e.target] = e.day
    return out


def planned_by_track(plan: Plan, planned: Projection, day: date) -> dict[str, int]:
    """Per track, the unit minutes a planned pour placed up to `day`."""
    targets = LogTargets.of(plan)
    planned_minutes: dict[str, int] = {}
    for dp in planned.days:
        if dp.info.day > day:
            break
        for bp in dp.blocks:
            for p in bp.items:
                tid = targets.units[p.unit]
                planned_minutes[tid] = planned_minutes.get(tid, 0) + p.minutes
    return planned_minutes


def track_status(
    plan: Plan,
    planned_minutes: Mapping[str, int],
    projection: Projection,
    remaining: Mapping[str, int],
    entries: Iterable[LogEntry],
    day: date,
    habits: Tallies,
) -> list[TrackStatus]:
    """Per track: unit minutes the plan placed up to `day` (`planned_minutes`, see
    planned_by_track) against the minutes logged, what remains and when the projection
    finishes it; its habit beside (`habits`: the habits' tally up to `day`)."""
    targets = LogTargets.of(plan)
    done: dict[str, int] = {}
    for e in entries:
        place = targets.place(e)
        if e.day <= day and place is not None and place.kind == "unit" and place.track:
            done[place.track] = done.get(place.track, 0) + e.minutes
    out = []
    for track in plan.tracks:
        units = [u for u in plan.units() if u.track == track.id]
        required = [u.id for u in units if not u.optional]
        habit = habits.habit(track.id) or Tally(track.id, track.title)
        out.append(
            TrackStatus(
                track.id,
                track.title,
                planned_minutes.get(track.id, 0),
                done.get(track.id, 0),
                sum(remaining.get(u.id, 0) for u in units),
                projection.finish_of(required) if required else None,
                habit.planned,
                habit.done,
                habit.kept,
                habit.days,
                has_units=bool(units),
                has_habit=habits.habit(track.id) is not None,
            )
        )
    return out


@record
class NotInPlan:
    """Log entries up to a date that name a unit, habit or ritual the plan does not have (it
    was edited since, or they came from elsewhere): they stay in the record, and in the
    totals beside the plan's tracks; `pacer doctor` lists the same entries."""

    entries: int = 0
    minutes: int = 0
    targets: tuple[str, ...] = ()  # the names, sorted


def not_in_plan(plan: Plan, entries: Iterable[LogEntry], day: date) -> NotInPlan:
    """The entries up to `day` that track_status cannot count: progress.not_in_plan_entries,
    the rule `doctor` uses too."""
    stray = not_in_plan_entries(plan, (e for e in entries if e.day <= day))
    return NotInPlan(
        len(stray), sum(e.minutes for e in stray), tuple(sorted({e.target for e in stray}))
    )


def finish_date(
    unit_ids: Iterable[str], finished: Mapping[str, date], projection: Projection
) -> tuple[date | None, bool]:
    """When these units are all finished (by the log, or projected), and whether they
    already are. None when one of them is not finished within the projection."""
    dates: list[date] = []
    complete = True
    for uid in unit_ids:
        if uid in finished:
            dates.append(finished[uid])
        elif uid in projection.done:
            continue  # covered by the baseline, deferred, or logged to its estimate
        elif uid in projection.finish:
            complete = False
            dates.append(projection.finish[uid])
        else:
            return None, False
    return (max(dates) if dates else None), complete


def date_state(due: date, projected: date | None, day: date) -> MilestoneState:
    """What the dates alone say of an unfinished milestone on `day`: missed once its due
    date has passed, else late, at risk (under a week of slack) or on track."""
    if due < day:
        return "missed"
    if projected is None or projected > due:
        return "late"
    if (due - projected).days < AT_RISK_DAYS:
        return "at_risk"
    return "on_track"


def milestone_status(
    plan: Plan,
    projection: Projection,
    finished: Mapping[str, date],
    day: date,
    due_moves: Mapping[str, date],
    checks: Iterable[CriterionCheck] = (),
) -> list[MilestoneStatus]:
    """Each milestone on `day`, the first state that holds:

    - met: every acceptance criterion checked (a milestone without criteria: every needed
      unit finished) — units still open are listed beside it, not hidden;
    - done: every needed unit finished by the due date, the acceptance still open — on the
      due date and after it alike: the work was in time, only the checking is not;
    - missed: the due date has passed (work not finished, or finished after it);
    - late, at risk or on track by the projected date.
    """
    checked: dict[str, set[str]] = {}
    for c in checks:
        if c.day <= day:
            checked.setdefault(c.milestone, set()).add(c.criterion)
    out = []
    for m in plan.milestones:
        due = due_moves.get(m.id, m.due)
        projected, complete = finish_date(m.needs, finished, projection)
        slip = (projected - due).days if projected is not None else None
        criteria = {c.id for c in m.criteria}
        n_checked = len(criteria & checked.get(m.id, set()))
        state: MilestoneState
        if (n_checked == len(criteria)) if criteria else complete:
            state = "met"
        elif complete and (projected is None or projected <= due):
            state = "done"
        else:
            state = date_state(due, projected, day)
        still_open = tuple(u for u in m.needs if u not in finished and u not in projection.done)
        out.append(
            MilestoneStatus(
                m.id,
                m.title,
                due,
                m.due,
                projected,
                slip,
                state,
                n_checked,
                len(criteria),
                complete,
                still_open,
            )
        )
    return out
