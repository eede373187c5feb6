"""Days as the person sees them: agenda, week, the log, trips, and their JSON shapes."""

from __future__ import annotations

from datetime import date, timedelta

from pacer import clock
from pacer.bounds import check_text
from pacer.calendar.days import Calendar, DayInfo, Trip
from pacer.errors import AlreadyDone, PacerError
from pacer.i18n import Message, notice_json, t
from pacer.plan.model import REVIEW_TARGET, Curriculum, Plan, Unit
from pacer.record import record
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import BlockPlan, DayPlan, project
from pacer.service.session import Session, _entries, resolve_target

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from pacer.schedule.progress import TargetKind
    from pacer.schedule.ramp import RampDay


DAY_MINUTES = 24 * 60


# -- agenda -----------------------------------------------------------------------------------
@record
class DayView:
    """One date as the person sees it: template, reason, blocks with work, what was logged."""

    plan: DayPlan
    logged: tuple[LogEntry, ...]
    notices: tuple[Message, ...] = ()
    # Each flexible habit the day shows: (track, days of its week logged up to the day,
    # per_week) — "2 of 3 this week".
    weekly: tuple[tuple[str, int, int], ...] = ()

    # The older plan version that planned a past day (None: the plan in force): a unit it
    # placed there may be gone from the plan since, and is then named as that version named it.
    planned_by: Plan | None = None

    def unit(self, plan: Plan, unit_id: str) -> Unit:
        """A unit placed on the day: the plan in force's, else the older version's."""
        try:
            return plan.unit(unit_id)
        except KeyError:
            if self.planned_by is None:
                raise
            return self.planned_by.unit(unit_id)

    def curriculum(self, plan: Plan, curriculum_id: str) -> Curriculum:
        """A placed unit's curriculum: the plan in force's, else the older version's."""
        try:
            return plan.curriculum(curriculum_id)
        except KeyError:
            if self.planned_by is None:
                raise
            return self.planned_by.curriculum(curriculum_id)

    def week_count(self, track: str | None) -> tuple[int, int] | None:
        """(days logged this week, per_week) of a flexible habit's track shown that day."""
        return next(((n, of) for t, n, of in self.weekly if t == track), None)


def ramp_notice(ramp: RampDay) -> Message:
    """The notice of a first day back: lighter blocks, which day of how many, the share."""
    return Message("ramp.first_days_back", n=ramp.n, days=ramp.days, percent=ramp.percent)


def _day_notices(session: Session, info: DayInfo, calendar: Calendar) -> list[Message]:
    from pacer.service.reviewdue import review_moved_notice

    table = session.compiled.holidays
    out: list[Message] = []
    if table.country and info.day.year in table.years_without_data:
        out.append(Message("notice.no_holiday_data", country=table.country, year=info.day.year))
    plan = session.plan
    if not plan.start <= info.day <= plan.end:
        out.append(Message("notice.outside_plan", start=plan.start, end=plan.end))
    moved = review_moved_notice(session, info.day, calendar)
    if moved is not None:
        out.append(moved)
    return out


def day_views(session: Session, first: date, count: int, today: date) -> list[DayView]:
    """Consecutive days from `first`, seen on `today`.

    Days from today on show the projection: the remaining stream poured from today, after
    the log before today. Past days are never re-planned: they show what the plan had for
    them (the stream poured from the plan's start into the calendar with its trips, nothing
    logged), beside what was logged.
    """
    from pacer.schedule.review import with_review

    entries = _entries(session)
    calendar = session.calendar()
    adjustments = session.adjustments()
    plan, stream = session.plan, session.compiled.stream
    last = first + timedelta(days=count - 1)
    plans: list[DayPlan] = []
    older: dict[date, Plan] = {}  # past days an older plan version planned
    past_end = min(last, today - timedelta(days=1))
    if first <= past_end:
        from pacer.service.planversions import plans_in_force

        # Each past day by the plan that was in force on it (issue 14): an edited plan
        # does not rewrite what the days before the edit asked for.
        for then, start, end in plans_in_force(session, first, past_end):
            old = then is not session
            planned = project(
                then.plan,
                then.calendar() if old else calendar,
                then.compiled.stream,
                progress_of(then.plan, ()),
                min(start, then.plan.start),
                until=end,
                adjustments=then.adjustments() if old else adjustments,
            )
            kept = [dp for dp in planned.days if start <= dp.info.day <= end]
            plans += [_as_planned_day(plan, dp) for dp in kept] if old else kept
            if old:
                older.update((dp.info.day, then.plan) for dp in kept)
    ahead_start = max(first, today)
    if ahead_start <= last:
        state = progress_of(plan, entries, before=today)
        run = project(plan, calendar, stream, state, today, until=last, adjustments=adjustments)
        plans += [dp for dp in run.days if dp.info.day >= ahead_start]
    views = []
    # A week's review shows on the day that holds it, also when its usual day has no room.
    for dp in with_review(plan, calendar, plans):
        logged = tuple(e for e in entries if e.day == dp.info.day)
        dp, weekly = _flexible_habits(plan, dp, entries)
        notices = tuple(_day_notices(session, dp.info, calendar))
        if dp.ramp is not None:  # a first day back: its work blocks are lighter (`ramp:`)
            notices += (ramp_notice(dp.ramp),)
        views.append(DayView(dp, logged, notices, weekly, older.get(dp.info.day)))
    return views


def _as_planned_day(plan: Plan, dp: DayPlan) -> DayPlan:
    """A past day an older plan version planned, its units and habit tracks named as the
    plan in force names them (`was:`): the log it is shown beside is named so too."""
    from pacer.plan.renames import Renames
    from pacer.record import replace

    renames = Renames.of(plan)
    if not renames:
        return dp
    blocks = []
    for bp in dp.blocks:
        b = bp.block
        track = renames.track(b.track) if b.track else b.track
        tracks = tuple(renames.track(t) for t in b.tracks)
        items = tuple(replace(p, unit=renames.unit(p.unit)) for p in bp.items)
        blocks.append(replace(bp, block=replace(b, track=track, tracks=tracks), items=items))
    return replace(dp, blocks=tuple(blocks))


def _flexible_habits(
    plan: Plan, dp: DayPlan, entries: list[LogEntry]
) -> tuple[DayPlan, tuple[tuple[str, int, int], ...]]:
    """The day without the flexible habits whose week's count was met before it, and the
    week's count of each one it shows."""
    from pacer.record import replace
    from pacer.schedule.weekly import habit_days, offered, week_count

    day = dp.info.day
    kept: list[BlockPlan] = []
    weekly: dict[str, tuple[int, int]] = {}
    for bp in dp.blocks:
        b = bp.block
        per_week = plan.habit_per_week(b.track) if b.type == "habit" and b.track else None
        if per_week is None or b.track is None:
            kept.append(bp)
            continue
        logged = habit_days(entries, b.track)
        if offered(per_week, logged, day):
            kept.append(bp)
            weekly[b.track] = (week_count(logged, day), per_week)
    if len(kept) == len(dp.blocks):
        return dp, tuple((t, n, of) for t, (n, of) in weekly.items())
    return replace(dp, blocks=tuple(kept)), tuple((t, n, of) for t, (n, of) in weekly.items())


def agenda(session: Session, day: date) -> DayView:
    """The single-day view; it also says when a weekly review is due and not yet written."""
    from pacer.record import replace
    from pacer.service.reviewdue import review_notice

    today = clock.today(session.plan)
    view = day_views(session, day, 1, today)[0]
    due = review_notice(session, day, today)
    return view if due is None else replace(view, notices=(*view.notices, due))


def empty_block_reason(bp: BlockPlan) -> Message | None:
    """Why a work block of a day holds no work (None: it holds some, or is no work block).
    The CLI's line and the web's card both say this."""
    if bp.block.type != "work" or bp.items:
        return None
    if not bp.block.new_units:
        return Message("today.nothing_eligible_started")
    return Message("today.nothing_eligible")


@record
class LogTarget:
    """Something a day offers to log minutes for: a habit's track, a unit, the review."""

    kind: TargetKind
    id: str
    title: str


def day_targets(session: Session, view: DayView) -> tuple[LogTarget, ...]:
    """What the day offers to log, in the order of its blocks: habits' tracks, the units
    placed in its work blocks, the weekly review when the day holds it; then what was
    logged that day besides (each once)."""
    found: dict[str, TargetKind] = {}
    for bp in view.plan.blocks:
        b = bp.block
        if b.type == "habit" and b.track:
            found.setdefault(b.track, "habit")
        elif b.type == "ritual":
            found.setdefault(REVIEW_TARGET, "ritual")
        for p in bp.items:
            found.setdefault(p.unit, "unit")
    for e in view.logged:
        found.setdefault(e.target, e.kind)
    titles = target_titles(session, found)
    return tuple(LogTarget(kind, target, titles[target]) for target, kind in found.items())


def done_units(session: Session) -> dict[str, date]:
    """Each unit finished, and the day: marked done, or its logged minutes reached its
    estimate (as status counts it; a later `done` would add nothing)."""
    from pacer.schedule.status import finished_on

    return finished_on(session.plan, _entries(session), date.max)


def week(session: Session, day: date) -> list[DayView]:
    monday = day - timedelta(days=day.weekday())
    return day_views(session, monday, 7, clock.today(session.plan))


# -- log ----------------------------------------------------------------------------------------
def log_minutes(session: Session, minutes: int, target: str, note: str, day: date) -> LogEntry:
    """Record minutes for a target on a day of the plan that has come (service/entries.py
    says why another day takes none)."""
    from pacer.plan.renames import current_id
    from pacer.service.entries import check_entry_day
    from pacer.store.log import add_entry

    # An old id (`was:` in the plan) is written as the id it counts for now.
    target = current_id(session.plan, target)
    kind = resolve_target(session.plan, target)
    check_entry_day(session.plan, day, clock.today(session.plan))
    check_text(note, t("input.what.note"))
    return add_entry(session.store, day, kind, target, minutes, note, done=False)


def mark_done(session: Session, unit_id: str, day: date, minutes: int, note: str) -> LogEntry:
    """Mark a unit done, once: a unit already done raises AlreadyDone and writes nothing."""
    from pacer.plan.renames import current_id, old_ids
    from pacer.service.entries import check_entry_day
    from pacer.store.log import add_entry

    unit_id = current_id(session.plan, unit_id)
    if resolve_target(session.plan, unit_id) != "unit":
        raise PacerError(Message("log.done_needs_unit", target=unit_id))
    check_entry_day(session.plan, day, clock.today(session.plan))
    check_text(note, t("input.what.note"))
    # A unit whose minutes already finished it is done as status counts it: marking it
    # would write a row that changes nothing. (Two `done`s at once: store/log.py decides.)
    from pacer.schedule.status import finished_on

    own = [e for e in _entries(session) if e.kind == "unit" and e.target == unit_id]
    finished = finished_on(session.plan, own, date.max).get(unit_id)
    if finished is not None and not any(e.done for e in own):
        raise AlreadyDone(Message("log.already_finished", target=unit_id, day=finished))
    # Marked done under an old id is done: the store looks under every id it had.
    aliases = old_ids(session.plan, "unit", unit_id)
    return add_entry(session.store, day, "unit", unit_id, minutes, note, True, aliases)


# -- trips --------------------------------------------------------------------------------------
def add_trip(
    session: Session,
    start: date,
    end: date,
    note: str,
    kind: str = "travel",
    tz: str | None = None,
) -> Trip:
    """An absence of `kind` (one of the plan's, default a trip), its block times in `tz`."""
    from pacer.service.absence import check_kind, check_zone
    from pacer.service.trips import check_trip_span
    from pacer.store.trips import add_trip as store_add

    check_kind(session.plan, kind)
    if tz is not None:
        check_zone(tz)
    check_trip_span(start, end)
    check_text(note, t("input.what.note"))
    return store_add(session.store, start, end, note, kind=kind, tz=tz)


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
        "kind": trip.kind,
        "tz": trip.tz,
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


def day_why(info: DayInfo) -> str:
    """What chose the day's template, beyond its kind, in words: "rotation: night week",
    "period: exam month", "roster: Nacht", "week shape night" (an override by shape)."""
    if info.kind == "roster":
        return t("rota.why.roster", summary=info.note or info.template)
    if info.why == "rotation" and info.shape:
        return t("rota.why.rotation_week", shape=info.shape)
    if info.why == "rotation":
        return t("rota.why.rotation_day", template=info.template)
    if info.why == "period":
        return t("rota.why.period", reason=info.note or info.shape)
    if info.kind == "override" and info.shape:
        return t("rota.why.shape", shape=info.shape)
    return ""


def _ramp_json(dp: DayPlan) -> dict[str, Any] | None:
    """A first day back (`ramp:`): which of how many, the share its work blocks offer."""
    r = dp.ramp
    if r is None:
        return None
    return {"day": r.n, "of": r.days, "share": r.share, "after_trip": r.after.id}


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
            # What the block offers that day: `minutes`, its max under a stretch, less on a
            # first day back (`ramp`).
            block["offered"] = bp.capacity
            # What the text says under an empty work block, with its code for scripts.
            empty = [] if bp.items else [Message("today.nothing_eligible")]
            block["notices"] = [notice_json(m) for m in empty]
            for p in bp.items:
                unit = view.unit(plan, p.unit)
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
        if b.type == "habit":
            # A flexible habit's target and its week's count up to the day; null: every day.
            counted = view.week_count(b.track)
            block["per_week"] = counted[1] if counted else None
            block["week_count"] = counted[0] if counted else None
        blocks.append(block)
    return {
        "date": info.day.isoformat(),
        "weekday": info.weekday,
        "template": info.template,
        "template_title": view.plan.template.title,
        "reason": info.kind,
        "shape": info.shape or None,
        "rule": info.why or None,
        "note": info.note or None,
        "why": day_why(info) or None,
        "holiday": info.holiday or None,
        "provisional": info.provisional,
        "trip": trip_json(info.trip),
        "ramp": _ramp_json(view.plan),
        "blocks": blocks,
        "logged": [
            {"target": e.target, "minutes": e.minutes, "note": e.note, "done": e.done}
            for e in view.logged
        ],
        "notices": [notice_json(n) for n in view.notices],
    }


def day_minutes(shown: dict[str, Any]) -> tuple[int, int]:
    """(planned, logged) minutes of a day in its JSON shape: work blocks count the work placed
    in them, habits and rituals their minutes."""
    planned = sum(
        sum(i["minutes"] for i in b["items"]) if b["type"] == "work" else b["minutes"]
        for b in shown["blocks"]
    )
    return planned, sum(e["minutes"] for e in shown["logged"])


def logged_by_target(view: DayView) -> tuple[dict[str, int], frozenset[str]]:
    """The day's logged minutes per target, and the units marked done that day."""
    minutes: dict[str, int] = {}
    for e in view.logged:
        minutes[e.target] = minutes.get(e.target, 0) + e.minutes
    return minutes, frozenset(e.target for e in view.logged if e.done)


def target_titles(session: Session, targets: Iterable[str]) -> dict[str, str]:
    """What each log target is called in the plan: a unit's or a track's title; the weekly
    review's block title; an old id (`was:`) the title of what it counts for now; a target
    the plan no longer has keeps its id."""
    from pacer.plan.renames import Renames

    plan = session.plan
    units = {u.id: u.title for u in plan.units()}
    tracks = {t.id: t.title for t in plan.tracks}
    renames = Renames.of(plan)
    out: dict[str, str] = {}
    for target in targets:
        if target == REVIEW_TARGET:
            out[target] = str(Message("web.review_target"))
        elif target in units or target in tracks:
            out[target] = units[target] if target in units else tracks[target]
        else:
            now = renames.units.get(target) or renames.tracks.get(target) or target
            out[target] = units.get(now) or tracks.get(now) or target
    return out


def iso_week(day: date) -> str:
    year, weekno, _ = day.isocalendar()
    return f"{year}-W{weekno:02d}"
