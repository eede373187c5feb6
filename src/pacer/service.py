"""The operations the CLI and the web share: agenda, week, log, trips, plan checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pacer import clock
from pacer.calendar.days import Calendar, DayInfo, Trip
from pacer.errors import PacerError
from pacer.i18n import Message, current_lang
from pacer.plan.model import REVIEW_TARGET, Plan
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Adjustments, DayPlan, Projection, project
from pacer.store.db import Store, open_store
from pacer.workspace import DB_FILE, CompiledPlan, compile_plan, data_dir, resolve_plan_path

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.catchup import CatchupChoice, Option
    from pacer.schedule.progress import TargetKind
    from pacer.schedule.status import MilestoneStatus, TrackStatus


DAY_MINUTES = 24 * 60


class Session:
    """One person's pacer: the plan in force, the database and the calendar they make."""

    def __init__(self, plan_path: Path | None = None, db_path: Path | None = None) -> None:
        self._plan_path = plan_path
        self._db_path = db_path
        self._compiled: CompiledPlan | None = None
        self._store: Store | None = None
        self._choices: list[CatchupChoice] | None = None
        self.notices: list[Message] = []

    @property
    def compiled(self) -> CompiledPlan:
        if self._compiled is None:
            path, builtin = resolve_plan_path(self._plan_path)
            self._compiled = compile_plan(path, builtin)
            if builtin:
                self.notices.append(Message("notice.builtin_plan"))
        return self._compiled

    @property
    def plan(self) -> Plan:
        return self.compiled.plan

    @property
    def store(self) -> Store:
        if self._store is None:
            _ = self.compiled  # a broken plan stops us before any database file is created
            self._store = open_store(self._db_path or data_dir() / DB_FILE)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def choices(self) -> list[CatchupChoice]:
        from pacer.store.catchup import list_choices

        if self._choices is None:
            self._choices = list_choices(self.store)
        return self._choices

    def adjustments(self) -> Adjustments:
        """What the recorded catch-up choices do to the projection."""
        if not self.choices():
            return Adjustments()
        from pacer.schedule.catchup import adjustments_of

        return adjustments_of(self.choices())[0]

    def due_moves(self) -> dict[str, date]:
        if not self.choices():
            return {}
        from pacer.schedule.catchup import adjustments_of

        return adjustments_of(self.choices())[1]

    def calendar(self) -> Calendar:
        from pacer.store.trips import list_trips

        return Calendar(
            self.plan, self.compiled.holidays, tuple(list_trips(self.store)), current_lang()
        )


# -- input parsing shared by CLI and web -----------------------------------------------------
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "今天": 0, "昨天": -1, "明天": 1}
_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+)m?)?$")


def parse_day(text: str | None) -> date:
    """A local date from YYYY-MM-DD, today, yesterday or tomorrow (None: today)."""
    if text is None:
        return clock.today()
    text = text.strip()
    if text.lower() in _RELATIVE:
        return clock.today() + timedelta(days=_RELATIVE[text.lower()])
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PacerError(Message("input.bad_date", raw=text)) from None


def parse_minutes(text: str) -> int:
    """Minutes from 45, 45m, 1h, 1.5h or 1h30; between 1 and 24 hours."""
    raw = text.strip().lower().replace(" ", "")
    match = _DURATION.match(raw)
    if not raw or not match or not (match.group(1) or match.group(2)):
        raise PacerError(Message("input.bad_minutes", raw=text))
    minutes = round(float(match.group(1) or 0) * 60) + int(match.group(2) or 0)
    if not 1 <= minutes <= DAY_MINUTES:
        raise PacerError(Message("input.minutes_range", raw=text, limit=DAY_MINUTES))
    return minutes


def resolve_target(plan: Plan, target: str) -> TargetKind:
    """What a log target names: a unit id, a habit's track id, or the weekly review."""
    if target == REVIEW_TARGET:
        return "ritual"
    if target in plan.habit_tracks():
        return "habit"
    if any(u.id == target for u in plan.units()):
        return "unit"
    if any(t.id == target for t in plan.tracks):
        raise PacerError(Message("log.track_without_habit", target=target))
    import difflib

    choices = [u.id for u in plan.units()] + sorted(plan.habit_tracks()) + [REVIEW_TARGET]
    close = difflib.get_close_matches(target, choices, n=1, cutoff=0.5)
    if close:
        raise PacerError(Message("log.unknown_target_hint", target=target, hint=close[0]))
    raise PacerError(Message("log.unknown_target", target=target))


# -- agenda -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DayView:
    """One date as the person sees it: template, reason, blocks with work, what was logged."""

    plan: DayPlan
    logged: tuple[LogEntry, ...]
    notices: tuple[Message, ...] = field(default=())


def _day_notices(session: Session, info: DayInfo) -> list[Message]:
    table = session.compiled.holidays
    out: list[Message] = []
    if table.country and info.day.year in table.years_without_data:
        out.append(Message("notice.no_holiday_data", country=table.country, year=info.day.year))
    plan = session.plan
    if not plan.start <= info.day <= plan.end:
        out.append(Message("notice.outside_plan", start=plan.start, end=plan.end))
    return out


def day_views(session: Session, first: date, count: int, today: date) -> list[DayView]:
    """Consecutive days from `first`, seen on `today`.

    Days from today on show the projection: the remaining stream poured from today, after
    the log before today. Past days are never re-planned: they show what the plan had for
    them (the stream poured from the plan's start into the calendar with its trips, nothing
    logged), beside what was logged.
    """
    from pacer.store.log import all_entries

    entries = all_entries(session.store)
    calendar = session.calendar()
    adjustments = session.adjustments()
    plan, stream = session.plan, session.compiled.stream
    last = first + timedelta(days=count - 1)
    plans: list[DayPlan] = []
    past_end = min(last, today - timedelta(days=1))
    if first <= past_end:
        begin = min(first, plan.start)
        planned = project(
            plan,
            calendar,
            stream,
            progress_of(plan, ()),
            begin,
            until=past_end,
            adjustments=adjustments,
        )
        plans += [dp for dp in planned.days if dp.info.day >= first]
    ahead_start = max(first, today)
    if ahead_start <= last:
        state = progress_of(plan, entries, before=today)
        run = project(plan, calendar, stream, state, today, until=last, adjustments=adjustments)
        plans += [dp for dp in run.days if dp.info.day >= ahead_start]
    views = []
    for dp in plans:
        logged = tuple(e for e in entries if e.day == dp.info.day)
        views.append(DayView(dp, logged, tuple(_day_notices(session, dp.info))))
    return views


def agenda(session: Session, day: date) -> DayView:
    return day_views(session, day, 1, clock.today())[0]


def week(session: Session, day: date) -> list[DayView]:
    monday = day - timedelta(days=day.weekday())
    return day_views(session, monday, 7, clock.today())


# -- log ----------------------------------------------------------------------------------------
def log_minutes(session: Session, minutes: int, target: str, note: str, day: date) -> LogEntry:
    from pacer.store.log import add_entry

    kind = resolve_target(session.plan, target)
    return add_entry(session.store, day, kind, target, minutes, note, done=False)


def mark_done(session: Session, unit_id: str, day: date, minutes: int, note: str) -> LogEntry:
    from pacer.store.log import add_entry

    if resolve_target(session.plan, unit_id) != "unit":
        raise PacerError(Message("log.done_needs_unit", target=unit_id))
    return add_entry(session.store, day, "unit", unit_id, minutes, note, done=True)


def undo(session: Session) -> LogEntry:
    from pacer.store.log import remove_newest

    removed = remove_newest(session.store)
    if removed is None:
        raise PacerError(Message("log.nothing_to_undo"))
    return removed


# -- trips --------------------------------------------------------------------------------------
def add_trip(session: Session, start: date, end: date, note: str) -> Trip:
    from pacer.store.trips import add_trip as store_add

    if end < start:
        raise PacerError(Message("trip.end_before_start", start=start, end=end))
    if (end - start).days > 366:
        raise PacerError(Message("trip.too_long", start=start, end=end))
    return store_add(session.store, start, end, note)


def list_trips(session: Session) -> list[Trip]:
    from pacer.store.trips import list_trips as store_list

    return store_list(session.store)


def remove_trip(session: Session, trip_id: int) -> Trip:
    from pacer.store.trips import remove_trip as store_remove

    return store_remove(session.store, trip_id)


# -- JSON shapes (documented in docs/json.md) -----------------------------------------------
def trip_json(trip: Trip | None) -> dict[str, Any] | None:
    if trip is None:
        return None
    return {
        "id": trip.id,
        "start": trip.start.isoformat(),
        "end": trip.end.isoformat(),
        "note": trip.note,
    }


def entry_json(entry: LogEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "target": entry.target,
        "kind": entry.kind,
        "minutes": entry.minutes,
        "done": entry.done,
        "note": entry.note,
        "logged_at": entry.logged_at,
    }


def day_json(session: Session, view: DayView) -> dict[str, Any]:
    plan = session.plan
    info = view.plan.info
    blocks = []
    for bp in view.plan.blocks:
        b = bp.block
        block: dict[str, Any] = {
            "id": b.id,
            "type": b.type,
            "track": b.track,
            "minutes": b.minutes,
            "max": b.max_minutes,
            "title": b.title,
            "items": [],
            "steps": [
                {"title": s.title, "minutes": s.minutes, "max": s.max_minutes, "detail": s.detail}
                for s in b.steps
            ],
        }
        if b.type == "work":
            block["tracks"] = list(b.tracks)
            for p in bp.items:
                unit = plan.unit(p.unit)
                block["items"].append(
                    {
                        "unit": unit.id,
                        "title": unit.title,
                        "minutes": p.minutes,
                        "track": unit.track,
                        "kind": unit.kind,
                        "curriculum": unit.curriculum,
                        "prompts": list(unit.prompts),
                    }
                )
        if b.type == "ritual":
            block["prompts"] = [p.text for p in plan.review.prompts]
        blocks.append(block)
    return {
        "date": info.day.isoformat(),
        "weekday": info.weekday,
        "template": info.template,
        "template_title": view.plan.template.title,
        "reason": info.kind,
        "holiday": info.holiday or None,
        "trip": trip_json(info.trip),
        "blocks": blocks,
        "logged": [
            {"target": e.target, "minutes": e.minutes, "note": e.note, "done": e.done}
            for e in view.logged
        ],
        "notices": [str(n) for n in view.notices],
    }


def iso_week(day: date) -> str:
    year, weekno, _ = day.isocalendar()
    return f"{year}-W{weekno:02d}"


# -- the plan file ------------------------------------------------------------------------------
def init_plan(target: Path | None) -> Path:
    """Write an editable copy of the built-in plan (never over an existing file)."""
    from pacer.plan.builtin import builtin_plan_path
    from pacer.workspace import PLAN_FILE, write_file_atomic

    path = target if target is not None else data_dir() / PLAN_FILE
    if path.is_dir():
        path = path / PLAN_FILE
    write_file_atomic(path, builtin_plan_path().read_bytes())
    return path


def check_plan(path: Path | None) -> tuple[Plan, Path]:
    """Validate a plan file (the plan in force when no path is given); raises PlanInvalid."""
    from pacer.plan.loader import load_plan_text
    from pacer.workspace import read_plan_file

    resolved, _ = resolve_plan_path(path)
    return load_plan_text(read_plan_file(resolved), str(path or resolved)), resolved


@dataclass(frozen=True, slots=True)
class PlanSummary:
    units: int
    unit_minutes: int
    covered: int
    milestones: int


def plan_summary(plan: Plan) -> PlanSummary:
    covered = plan.covered_units()
    units = [u for u in plan.units() if u.id not in covered]
    return PlanSummary(
        len(units), sum(u.minutes for u in units), len(covered), len(plan.milestones)
    )


# -- status, timeline, catch-up ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StatusView:
    day: date
    tracks: tuple[TrackStatus, ...]
    milestones: tuple[MilestoneStatus, ...]


def _entries(session: Session) -> list[LogEntry]:
    from pacer.store.log import all_entries

    return all_entries(session.store)


def projection_at(
    session: Session,
    day: date,
    entries: list[LogEntry],
    adjustments: Adjustments | None = None,
    trips: tuple[Trip, ...] | None = None,
    keep_days: bool = False,
) -> Projection:
    """The re-flow at the end of `day`'s log: everything logged up to `day` counts, and the
    unit work logged on `day` uses up that much of its blocks."""
    plan = session.plan
    calendar = session.calendar() if trips is None else _calendar_with(session, trips)
    state = progress_of(plan, entries, before=day + timedelta(days=1))
    spent = sum(e.minutes for e in entries if e.day == day and e.kind == "unit")
    return project(
        plan,
        calendar,
        session.compiled.stream,
        state,
        day,
        adjustments=session.adjustments() if adjustments is None else adjustments,
        keep_days=keep_days,
        spent_on_start=spent,
    )


def planned_projection(session: Session, until: date | None = None) -> Projection:
    """The plan as written, poured from its first day into the calendar with its trips
    (every day up to `until` when given, else until the work runs out)."""
    return project(
        session.plan,
        session.calendar(),
        session.compiled.stream,
        progress_of(session.plan, ()),
        session.plan.start,
        until=until,
        adjustments=session.adjustments(),
    )


def _calendar_with(session: Session, trips: tuple[Trip, ...]) -> Calendar:
    return Calendar(session.plan, session.compiled.holidays, trips, current_lang())


def status(session: Session, day: date) -> StatusView:
    from pacer.schedule.progress import remaining_minutes
    from pacer.schedule.status import finished_on, milestone_status, track_status

    plan = session.plan
    entries = _entries(session)
    projection = projection_at(session, day, entries)
    state = progress_of(plan, entries, before=day + timedelta(days=1))
    remaining = remaining_minutes(plan, state)
    for uid in session.adjustments().deferred:
        remaining[uid] = 0
    planned = planned_projection(session, until=day)
    tracks = track_status(plan, planned, projection, remaining, entries, day)
    finished = finished_on(plan, entries, day)
    milestones = milestone_status(plan, projection, finished, day, session.due_moves())
    return StatusView(day, tuple(tracks), tuple(milestones))


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
            }
            for t in view.tracks
        ],
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "due": m.due.isoformat(),
                "original_due": m.original_due.isoformat(),
                "projected": iso(m.projected),
                "slip_days": m.slip_days,
                "status": m.status,
            }
            for m in view.milestones
        ],
    }


def trip_effect(session: Session, day: date) -> list[tuple[str, int]]:
    """On a trip day, and in the week after one, how far that trip moved each milestone: the
    projection from the trip's first day with the trip, beside the same without it."""
    trips = tuple(session.calendar().trips)
    trip = next((t for t in trips if t.start <= day <= t.end + timedelta(days=7)), None)
    if trip is None:
        return []
    return trip_delays(session, trip, trips)


def trip_delays(session: Session, trip: Trip, trips: tuple[Trip, ...]) -> list[tuple[str, int]]:
    """Days each milestone moves because of `trip` (only those that move)."""
    plan = session.plan
    state = progress_of(plan, _entries(session), before=trip.start)
    adjustments = session.adjustments()

    def run(with_trips: tuple[Trip, ...]) -> Projection:
        calendar = _calendar_with(session, with_trips)
        return project(
            plan, calendar, session.compiled.stream, state, trip.start, adjustments=adjustments
        )

    with_trip = run(trips)
    without = run(tuple(t for t in trips if t != trip))
    moved = []
    for m in plan.milestones:
        a, b = with_trip.finish_of(m.needs), without.finish_of(m.needs)
        if b is None:
            continue
        after = a if a is not None else with_trip.last + timedelta(days=1)
        if after != b:
            moved.append((m.id, (after - b).days))
    return moved


@dataclass(frozen=True, slots=True)
class TimelineRow:
    id: str
    title: str
    planned: frozenset[int]  # week indexes with planned work
    actual: frozenset[int]  # weeks with logged (past) or projected (ahead) work
    planned_finish: date | None
    projected_finish: date | None


@dataclass(frozen=True, slots=True)
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
    milestones = milestone_status(plan, projection, finished, day, session.due_moves())
    return TimelineView(day, weeks, tuple(rows), tuple(milestones))


# -- catch-up -----------------------------------------------------------------------------------
def catchup_options(
    session: Session, day: date, milestone_id: str | None
) -> tuple[MilestoneStatus | None, list[Option]]:
    """The options for one milestone (by default the one that slips most), each with its
    effect on every milestone. Nothing is recorded."""
    from pacer.schedule.catchup import options_for

    view = status(session, day)
    if milestone_id is not None:
        target = next((m for m in view.milestones if m.id == milestone_id), None)
        if target is None:
            raise PacerError(_unknown_milestone(session.plan, milestone_id))
    else:
        slipping = [m for m in view.milestones if m.status in ("late", "at_risk")]
        if not slipping:
            return None, []
        target = max(slipping, key=lambda m: (m.slip_days is None, m.slip_days or 0))
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


def _unknown_milestone(plan: Plan, milestone_id: str) -> Message:
    import difflib

    close = difflib.get_close_matches(milestone_id, [m.id for m in plan.milestones], n=1)
    if close:
        return Message("milestone.unknown_hint", id=milestone_id, hint=close[0])
    return Message("milestone.unknown", id=milestone_id)


def apply_catchup(
    session: Session, day: date, milestone_id: str | None, number: int, reason: str
) -> CatchupChoice:
    from dataclasses import replace

    from pacer.store.catchup import add_choice

    _, options = catchup_options(session, day, milestone_id)
    if not 1 <= number <= len(options):
        raise PacerError(Message("catchup.no_option", n=number, count=len(options)))
    choice = options[number - 1].choice
    if choice.kind == "move_due" and not reason.strip():
        raise PacerError(Message("catchup.needs_reason"))
    return add_choice(session.store, replace(choice, reason=reason))


def list_catchup(session: Session) -> list[CatchupChoice]:
    return session.choices()


def drop_catchup(session: Session, choice_id: int) -> CatchupChoice:
    from pacer.store.catchup import remove_choice

    return remove_choice(session.store, choice_id)
