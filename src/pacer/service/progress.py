"""Where things stand: status, the trip effect, the timeline, catch-up choices."""

from __future__ import annotations

from datetime import date, timedelta

from pacer import clock
from pacer.bounds import check_text
from pacer.errors import PacerError
from pacer.i18n import Message, joined, t
from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.progress import progress_of
from pacer.service.milestones import all_checks, milestone_json
from pacer.service.session import (
    Session,
    _entries,
    planned_projection,
    projection_at,
)

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.calendar.days import Trip
    from pacer.schedule.catchup import CatchupChoice, Option
    from pacer.schedule.habits import Tally
    from pacer.schedule.status import MilestoneStatus, NotInPlan, TrackStatus
    from pacer.schedule.weekly import WeekHabit


DAY_MINUTES = 24 * 60


# -- status, timeline, catch-up ---------------------------------------------------------------
@record
class StatusView:
    day: date
    tracks: tuple[TrackStatus, ...]
    milestones: tuple[MilestoneStatus, ...]
    not_in_plan: NotInPlan  # logged for units or tracks the plan no longer has
    trips: tuple[tuple[Trip, tuple[tuple[str, int], ...]], ...] = ()  # trips ahead, and moves
    ritual: Tally | None = None  # the weekly review's minutes and days, up to the day
    ritual_track: str | None = None  # the track its ritual block names, if any
    weekly: tuple[WeekHabit, ...] = ()  # each flexible habit (`per_week`): week count, streak
    kinds: tuple[tuple[str, str], ...] = ()  # each kind of absence in `trips` and its title

    def kind_title(self, kind: str) -> str:
        return dict(self.kinds).get(kind, kind)

    def week_habit(self, track: str) -> WeekHabit | None:
        return next((w for w in self.weekly if w.track == track), None)


def status(session: Session, day: date) -> StatusView:
    from pacer.record import replace
    from pacer.schedule.progress import remaining_minutes
    from pacer.schedule.status import finished_on, milestone_status, not_in_plan, track_status

    plan = session.plan
    entries = _entries(session)
    projection = projection_at(session, day, entries)
    state = progress_of(plan, entries, before=day + timedelta(days=1))
    remaining = remaining_minutes(plan, state)
    for uid in session.adjustments().deferred:
        remaining[uid] = 0
    # Planned to date: each day before today by the plan in force on it (issue 14: an edited
    # plan does not rewrite what the past asked for); today and after by the current plan.
    from pacer.service.planned import habit_tallies, planned_unit_minutes

    today = clock.today(plan)
    planned: dict[str, int] = {}
    for (track, _), minutes in planned_unit_minutes(session, plan.start, day, today).items():
        planned[track] = planned.get(track, 0) + minutes
    habits = habit_tallies(session, entries, date.min, day, today)
    tracks = track_status(plan, planned, projection, remaining, entries, day, habits)
    finished = finished_on(plan, entries, day)
    checks = all_checks(session)
    milestones = milestone_status(plan, projection, finished, day, session.due_moves(), checks)
    stray = not_in_plan(plan, entries, day)
    from pacer.service.trips import trips_ahead

    trips = tuple((trip, tuple(moved)) for trip, moved in trips_ahead(session, day))
    ritual = habits.ritual
    if not ritual.title:  # a plan whose templates have no ritual still has its review
        ritual = replace(ritual, title=t("status.review"))
    from pacer.schedule.weekly import week_habit

    calendar = session.calendar()
    weekly = tuple(
        w
        for tr in plan.tracks
        if (w := week_habit(plan, calendar, entries, tr.id, day)) is not None
    )
    from pacer.service.absence import absence_title

    kinds = tuple((k, absence_title(plan, k)) for k in dict.fromkeys(tr.kind for tr, _ in trips))
    return StatusView(
        day,
        tuple(tracks),
        tuple(milestones),
        stray,
        trips,
        ritual,
        habits.ritual_track,
        weekly,
        kinds,
    )


def _weekly_json(week: WeekHabit | None) -> dict[str, Any]:
    """A flexible habit's keys of a status track (null for every other track)."""
    return {
        "habit_per_week": week.per_week if week else None,
        "habit_week_count": week.this_week if week else None,
        "habit_streak_weeks": week.streak if week else None,
    }


def status_json(view: StatusView) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "date": view.day.isoformat(),
        "tracks": [
            {
                "id": t.id,
                "title": t.title,
                "planned_to_date": t.planned_to_date,
                "done": t.done,
                "remaining": t.remaining,
                "projected_finish": iso(t.projected_finish),
                "habit_planned_to_date": t.habit_planned_to_date,
                "habit_done": t.habit_done,
                "habit_days_kept": t.habit_kept,
                "habit_days": t.habit_days,
                **_weekly_json(view.week_habit(t.id)),
            }
            for t in view.tracks
        ],
        "ritual": _ritual_json(view),
        "milestones": [milestone_json(m) for m in view.milestones],
        "not_in_plan": {
            "entries": view.not_in_plan.entries,
            "minutes": view.not_in_plan.minutes,
            "targets": list(view.not_in_plan.targets),
        },
        "trips": [
            {
                "id": trip.id,
                "start": trip.start.isoformat(),
                "end": trip.end.isoformat(),
                "moves": [{"milestone": m, "days": n} for m, n in moved],
            }
            for trip, moved in view.trips
        ],
    }


def _ritual_json(view: StatusView) -> dict[str, Any] | None:
    r = view.ritual
    if r is None:
        return None
    return {
        "id": r.id,
        "title": r.title,
        "track": view.ritual_track,
        "planned_to_date": r.planned,
        "done": r.done,
        "days_kept": r.kept,
        "days": r.days,
    }


@record
class TimelineRow:
    id: str
    title: str
    planned: frozenset[int]  # week indexes with planned work
    actual: frozenset[int]  # weeks with logged (past) or projected (ahead) work
    planned_finish: date | None
    projected_finish: date | None


@record
class TimelineView:
    day: date
    weeks: tuple[date, ...]  # the Monday of each column
    curricula: tuple[TimelineRow, ...]
    milestones: tuple[MilestoneStatus, ...]

    def week_of(self, d: date) -> int:
        return (d - self.weeks[0]).days // 7


def timeline(session: Session, day: date) -> TimelineView:
    """Curricula week by week: where the plan put them, where they really are and will be."""
    from pacer.schedule.status import finish_date, finished_on, milestone_status

    plan = session.plan
    entries = _entries(session)
    planned = planned_projection(session)
    projection = projection_at(session, day, entries, keep_days=True)
    finished = finished_on(plan, entries, day)
    ends = [plan.end, planned.last, projection.last if projection.left else plan.end]
    first_monday = plan.start - timedelta(days=plan.start.weekday())
    last = max(d for d in ends)
    weeks = tuple(
        first_monday + timedelta(weeks=i) for i in range((last - first_monday).days // 7 + 1)
    )
    curriculum_of = {u.id: u.curriculum for u in plan.units()}

    def index(d: date) -> int:
        return (d - first_monday).days // 7

    planned_weeks: dict[str, set[int]] = {}
    for dp in planned.days:
        for bp in dp.blocks:
            for p in bp.items:
                planned_weeks.setdefault(curriculum_of[p.unit], set()).add(index(dp.info.day))
    actual_weeks: dict[str, set[int]] = {}
    for e in entries:
        if e.kind == "unit" and e.target in curriculum_of and e.day <= day and e.minutes:
            actual_weeks.setdefault(curriculum_of[e.target], set()).add(index(e.day))
    for dp in projection.days:
        for bp in dp.blocks:
            for p in bp.items:
                actual_weeks.setdefault(curriculum_of[p.unit], set()).add(index(dp.info.day))
    rows = []
    for c in plan.curricula:
        required = [u.id for u in c.units if not u.optional]
        projected, _ = finish_date(required, finished, projection)
        rows.append(
            TimelineRow(
                c.id,
                c.title,
                frozenset(planned_weeks.get(c.id, ())),
                frozenset(actual_weeks.get(c.id, ())),
                planned.finish_of(required),
                projected,
            )
        )
    checks = all_checks(session)
    milestones = milestone_status(plan, projection, finished, day, session.due_moves(), checks)
    return TimelineView(day, weeks, tuple(rows), tuple(milestones))


# -- catch-up -----------------------------------------------------------------------------------
def behind(m: MilestoneStatus) -> bool:
    """Whether catch-up has work for a milestone: late, or missed with units still to do. An
    on-track (or at-risk) milestone is projected in time, a done or met one is finished."""
    return m.status == "late" or (m.status == "missed" and not m.units_done)


def catchup_options(
    session: Session, day: date, milestone_id: str | None
) -> tuple[MilestoneStatus | None, list[Option]]:
    """The options for one milestone (by default the most late one), each with its effect on
    every milestone; none for a milestone that is not behind. Nothing is recorded."""
    from pacer.schedule.catchup import options_for

    view = status(session, day)
    if milestone_id is not None:
        target = next((m for m in view.milestones if m.id == milestone_id), None)
        if target is None:
            raise PacerError(_unknown_milestone(session.plan, milestone_id))
        if not behind(target):
            return target, []
    else:
        late = [m for m in view.milestones if behind(m)]
        if not late:
            return None, []
        # Not placed within the horizon is the most late; ties: the first in plan order.
        target = max(late, key=lambda m: (m.slip_days is None, m.slip_days or 0))
    entries = _entries(session)
    milestone = next(m for m in session.plan.milestones if m.id == target.id)
    options = options_for(
        session.plan,
        milestone,
        day,
        session.adjustments(),
        session.due_moves(),
        lambda adj: projection_at(session, day, entries, adjustments=adj),
    )
    return target, options


def catchup_json(
    day: date, target: MilestoneStatus | None, options: list[Option]
) -> dict[str, Any]:
    """`pacer catchup --json`: the milestone (as `status --json` has it), whether it is
    behind, and the options, numbered as `--apply` takes them."""
    from pacer.schedule.catchup import shown_effects

    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "date": day.isoformat(),
        "milestone": milestone_json(target) if target else None,
        "behind": target is not None and behind(target),
        "options": [
            {
                "number": n,
                "kind": o.choice.kind,
                "start": iso(o.choice.start),
                "end": iso(o.choice.end),
                "units": list(o.choice.units),
                "due": iso(o.choice.due),
                "effects": [
                    {
                        "milestone": e.milestone,
                        "before": iso(e.before),
                        "after": iso(e.after),
                        "days": (e.after - e.before).days if e.after and e.before else None,
                        "due": e.due.isoformat(),
                        "late": e.after is None or e.after > e.due,
                    }
                    for e in shown_effects(o)
                ],
            }
            for n, o in enumerate(options, 1)
        ],
    }


def _unknown_milestone(plan: Plan, milestone_id: str) -> Message:
    import difflib

    close = difflib.get_close_matches(milestone_id, [m.id for m in plan.milestones], n=1)
    if close:
        return Message("milestone.unknown_hint", id=milestone_id, hint=close[0])
    return Message("milestone.unknown", id=milestone_id)


def apply_catchup(
    session: Session, day: date, milestone_id: str | None, number: int, reason: str
) -> CatchupChoice:
    from pacer.record import replace
    from pacer.store.catchup import add_choice

    target, options = catchup_options(session, day, milestone_id)
    if target is None:
        raise PacerError(Message("catchup.nothing_slips", day=day))
    if not options:  # on track, or its units finished: the numbers of no list
        raise PacerError(Message("catchup.no_options", id=target.id))
    if not 1 <= number <= len(options):
        # Name the milestone: the default one changes once a choice is recorded.
        raise PacerError(Message("catchup.no_option", n=number, count=len(options), id=target.id))
    choice = options[number - 1].choice
    if choice.kind == "move_due" and not reason.strip():
        raise PacerError(Message("catchup.needs_reason"))
    check_text(reason, t("input.what.reason"))
    return add_choice(session.store, replace(choice, reason=reason))


def list_catchup(session: Session) -> list[CatchupChoice]:
    return session.choices()


def catchup_list_json(session: Session, choices: list[CatchupChoice]) -> dict[str, Any]:
    """`pacer catchup --list --json`: the recorded choices, oldest first, each with the ids
    it names that the plan no longer has (ignored)."""
    from pacer.schedule.catchup import stale_ids

    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "choices": [
            {
                "id": c.id,
                "kind": c.kind,
                "milestone": c.milestone,
                "start": iso(c.start),
                "end": iso(c.end),
                "units": list(c.units),
                "due": iso(c.due),
                "reason": c.reason,
                "stale": [{"kind": k, "id": i} for k, i in stale_ids(session.plan, c)],
            }
            for c in choices
        ]
    }


def stale_catchup(session: Session, choice: CatchupChoice) -> str:
    """What a recorded choice names that the plan no longer has (ignored), as "unit a,
    milestone b"; "" when it names nothing missing."""
    from pacer.schedule.catchup import stale_ids

    return joined(
        f"{Message('doctor.kind.' + kind)} {target}"
        for kind, target in stale_ids(session.plan, choice)
    )


def drop_catchup(session: Session, choice_id: int) -> CatchupChoice:
    from pacer.store.catchup import remove_choice

    return remove_choice(session.store, choice_id)
