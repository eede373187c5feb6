"""The operations the CLI and the web share: agenda, week, log, trips, plan checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pacer import clock
from pacer.calendar.days import Calendar, DayInfo, Trip
from pacer.errors import PacerError
from pacer.i18n import Message, current_lang
from pacer.plan.model import REVIEW_TARGET, Plan
from pacer.schedule.progress import LogEntry, TargetKind, progress_of
from pacer.schedule.projection import Adjustments, DayPlan, project
from pacer.store.db import Store, open_store
from pacer.workspace import DB_FILE, CompiledPlan, compile_plan, data_dir, resolve_plan_path

DAY_MINUTES = 24 * 60


class Session:
    """One person's pacer: the plan in force, the database and the calendar they make."""

    def __init__(self, plan_path: Path | None = None, db_path: Path | None = None) -> None:
        self._plan_path = plan_path
        self._db_path = db_path
        self._compiled: CompiledPlan | None = None
        self._store: Store | None = None
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

    def adjustments(self) -> Adjustments:
        """The catch-up choices recorded in the database (none yet in this version)."""
        return Adjustments()

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
        plans += _bare_days(
            session, calendar, max(first, planned.last + timedelta(days=1)), past_end
        )
    ahead_start = max(first, today)
    if ahead_start <= last:
        state = progress_of(plan, entries, before=today)
        run = project(plan, calendar, stream, state, today, until=last, adjustments=adjustments)
        plans += [dp for dp in run.days if dp.info.day >= ahead_start]
        plans += _bare_days(session, calendar, max(ahead_start, run.last + timedelta(days=1)), last)
    views = []
    for dp in plans:
        logged = tuple(e for e in entries if e.day == dp.info.day)
        views.append(DayView(dp, logged, tuple(_day_notices(session, dp.info))))
    return views


def _bare_days(session: Session, calendar: Calendar, first: date, last: date) -> list[DayPlan]:
    """Days after all work is placed: their templates, with empty work blocks."""
    from pacer.schedule.projection import BlockPlan

    out = []
    d = first
    while d <= last:
        info = calendar.resolve(d)
        template = session.plan.template(info.template)
        blocks = tuple(
            BlockPlan(b, (), b.minutes if b.type == "work" else 0) for b in template.blocks
        )
        out.append(DayPlan(info, template, blocks))
        d += timedelta(days=1)
    return out


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
