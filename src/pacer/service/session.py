"""One person's open pacer (plan, database, calendar) and input parsing."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path

from pacer import clock
from pacer.calendar.days import Calendar, Trip
from pacer.errors import InputError, PacerError
from pacer.i18n import Message, current_lang
from pacer.plan.model import REVIEW_TARGET, Plan
from pacer.schedule.progress import LogEntry, progress_of
from pacer.schedule.projection import Adjustments, Projection, project
from pacer.store.db import Store, open_store
from pacer.workspace import (
    DB_FILE,
    CompiledPlan,
    compile_plan,
    data_dir,
    private_dir,
    resolve_plan_path,
)

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.schedule.catchup import CatchupChoice
    from pacer.schedule.progress import TargetKind
    from pacer.store.binding import PlanCopy


DAY_MINUTES = 24 * 60


class Session:
    """One person's pacer: the plan in force, the database and the calendar they make.

    A session opens the database at most once, and closes only what it opened: a long-lived
    process (the web server) lends it a kept connection instead."""

    def __init__(
        self,
        plan_path: Path | None = None,
        db_path: Path | None = None,
        kept: KeptStore | _Lent | None = None,
        record_plan: bool = True,
    ) -> None:
        self._records_plan = record_plan
        self._plan_path = plan_path
        self._db_path = db_path
        self._compiled: CompiledPlan | None = None
        self._kept = kept
        self._store: Store | None = None
        self._choices: list[CatchupChoice] | None = None
        self.notices: list[Message] = []
        # The plan the database belongs to when it is not the plan in force (else None).
        self.bound_elsewhere: PlanCopy | None = None
        self._writes_at_open = 0
        self._previews: bool | None = None  # see previews()
        self._store_checked = False  # the binding checked, the plan in force recorded
        # The log as the plan names its targets, read once per data version (see _entries).
        self._entries: tuple[tuple[int, str], Plan, list[LogEntry]] | None = None

    @property
    def compiled(self) -> CompiledPlan:
        if self._compiled is None:
            path, builtin = resolve_plan_path(self._plan_path)
            if builtin:  # only then is the database asked: `today` with a plan.yaml never is
                restored = self._restore_bound_plan()
                if restored is not None:
                    path, builtin = restored, False
            self._compiled = compile_plan(path, builtin)
            if builtin and not self._has_logged():
                self.notices.append(Message("notice.builtin_plan"))
        return self._compiled

    def _has_logged(self) -> bool:
        """Whether anything is logged yet: the built-in plan notice is for first steps, not
        a line on every command of someone who chose that plan."""
        from pacer.store.log import has_entries

        if self._store is None and self._kept is None and not self.db_path.exists():
            return False  # no database yet: nothing logged, and none made just to ask
        return has_entries(self.store)

    @property
    def plan_given(self) -> bool:
        """Whether the plan in force was named (--plan) rather than found."""
        return self._plan_path is not None

    @property
    def plan(self) -> Plan:
        return self.compiled.plan

    @property
    def db_path(self) -> Path:
        return self._db_path or data_dir() / DB_FILE

    @property
    def store(self) -> Store:
        if self._store is None or not self._store_checked:
            # A broken plan stops us before any database file is created. Compiling may
            # open the store itself (the built-in plan's first-steps check, the bound plan's
            # restore): never twice, and checked once.
            _ = self.compiled
            if self._store is None:
                self._store = self._open_store()
            if not self._store_checked:
                self._store_checked = True
                self._open_checks(self._store)
        return self._store

    def _open_checks(self, store: Store) -> None:
        """Judge the binding and record the plan in force, once per session — and on a
        connection a long-lived process keeps (the web server's, every request), once per
        plan and data version: nothing they look at has changed since the last time."""
        kept = self._kept if isinstance(self._kept, KeptStore) else None
        stamp: tuple[object, ...] = ()
        if kept is not None:
            compiled = self.compiled
            stamp = (compiled.digest, compiled.source, self._records_plan, store.data_version())
            # Not under another plan's data: its line names the bound plan's file while that
            # file exists, which no data version tells.
            if kept.checked is not None and kept.checked[0] == stamp and kept.checked[1] is None:
                _, self.bound_elsewhere, notices = kept.checked
                self.notices.extend(notices)
                self._writes_at_open = store.writes
                return
        before = len(self.notices)
        if not isinstance(self._kept, _Lent):  # a stored version's session judges nothing
            self._check_binding(store)
        if self._records_plan:
            self._note_plan_in_force(store)
            # Recording a plan version is not the person's first write: it binds nothing.
            self._writes_at_open = store.writes
        if kept is not None:
            # After the checks: what they wrote (a binding, a plan version) is part of it.
            stamp = (*stamp[:3], store.data_version())
            kept.checked = (stamp, self.bound_elsewhere, tuple(self.notices[before:]))

    def _open_store(self) -> Store:
        if self._kept is not None:
            return self._kept.store()
        path = self.db_path
        with suppress(OSError):  # open_store says what is wrong with the folder
            private_dir(path.parent)  # the data folder is the person's alone: 0700
        return open_store(path)

    def _restore_bound_plan(self) -> Path | None:
        """With no plan named and no plan.yaml in the data folder, a database bound to a plan
        file (a backup copied into a new data folder) gets that plan file back: the version of
        that plan last recorded in force, written as plan.yaml, said in one notice, and in
        force (so no change of plan is recorded). None (the
        built-in plan stays in force) when there is no database, --db names a database other
        than the data folder's, nothing is bound yet, or the data belongs to the built-in
        plan."""
        from pacer.store.binding import read_binding
        from pacer.workspace import BUILTIN, PLAN_FILE, write_file_atomic

        target = data_dir() / PLAN_FILE
        if (
            self._db_path is not None
            and self._db_path.absolute() != target.with_name(DB_FILE).absolute()
        ):
            return None  # another database (--db): the data folder's plan.yaml is not its own
        if self._store is None and self._kept is None and not self.db_path.exists():
            return None  # no database: nothing to restore, and none made just to ask
        if self._store is None:
            self._store = self._open_store()  # kept: the checks run once the plan is known
        bound = read_binding(self._store)
        if bound is None or bound.source == BUILTIN:
            return None
        from pacer.store.inforce import newest_content

        # The plan in force, as recorded: the binding's copy is refreshed only by `plan use`
        # and `backup`, so after an edit and `plan reload` it is an older version (and writing
        # that back would put it in force again). The copy serves a database without versions.
        text = newest_content(self._store, bound.plan_id) or bound.text
        try:
            write_file_atomic(target, text)  # 0600, whole or not at all, never over one
        except PacerError:
            # Another pacer wrote it meanwhile (then it is in force), or the folder cannot be
            # written: the built-in plan, and the binding's line saying what to type.
            return target if target.is_file() else None
        self.notices.append(
            Message(
                "binding.plan_file_restored", path=target, plan_id=bound.plan_id, title=bound.title
            )
        )
        return target

    def plan_copy(self) -> PlanCopy:
        """The plan in force as the database keeps it: id, title, path, SHA-256, bytes."""
        import hashlib

        from pacer.plan.builtin import builtin_plan_path
        from pacer.store.binding import PlanCopy
        from pacer.workspace import BUILTIN, read_plan_file

        source = self.compiled.source
        data = read_plan_file(builtin_plan_path() if source == BUILTIN else Path(source))
        digest = hashlib.sha256(data).hexdigest()
        return PlanCopy(self.plan.id, self.plan.title, source, digest, data)

    def _check_binding(self, store: Store) -> None:
        """Data belongs to the plan it was written with: under another plan, reading works
        (with a notice naming both) and every write is refused — store.write() is the one
        door, and a store that refuses says why — until `pacer plan use PATH`."""
        from pacer.i18n import t
        from pacer.store.binding import holds_data, read_binding

        bound = read_binding(store)
        self._writes_at_open = store.writes
        if store.refusal is not None and store.refusal.key == "binding.refused":
            # A kept connection (the web server) lent to an earlier session under another plan.
            store.read_only, store.refusal = False, None
        if bound is None:
            if not store.read_only and holds_data(store):
                # Data written before pacer recorded bindings: it belongs to the plan in force.
                from pacer.store.binding import bind

                bind(store, self.plan_copy())
            return
        if bound.plan_id == self.plan.id:
            return
        self.bound_elsewhere = bound
        args = {
            "bound_id": bound.plan_id,
            "bound_title": bound.title,
            "plan_id": self.plan.id,
            "title": self.plan.title,
            # What to type: the plan file it was bound with when that is still there.
            "path": t("binding.path_known", path=bound.source)
            if Path(bound.source).is_file()
            else t("binding.path"),
        }
        self.notices.append(Message("binding.other_plan", **args))
        if not store.read_only:
            store.read_only, store.refusal = True, Message("binding.refused", **args)

    def _bind_after_first_write(self) -> None:
        """The first write binds the database to the plan in force (right after it, in
        the same session)."""
        store = self._store
        if store is None or store.read_only or store.writes == self._writes_at_open:
            return
        from pacer.store.binding import bind, read_binding

        if read_binding(store) is None:
            bind(store, self.plan_copy())

    def previews(self) -> bool:
        """Whether this is a one-off `--plan` of a file other than the plan the data is bound
        to (the binding's source; after `plan use`, the data folder's plan.yaml): a draft
        shown, which records no plan version and changes nothing in force. Someone who always
        runs with `--plan ~/x.yaml` is bound to that path, and gets versions recorded."""
        if self._previews is None:
            self._previews = False
            if self._plan_path is not None:
                from pacer.store.binding import read_binding
                from pacer.workspace import BUILTIN

                bound = read_binding(self.store)
                if bound is not None:
                    self._previews = bound.source == BUILTIN or not _same_file(
                        Path(bound.source), self._plan_path
                    )
        return self._previews

    def _note_plan_in_force(self, store: Store) -> None:
        """Store the plan in force as a plan version when it is new (see
        service/planversions.py): one indexed read when it is not. A database that cannot
        be written records nothing, nor does a preview (see previews); a failure to record
        only loses that history line."""
        if store.read_only:
            return
        from pacer.store.inforce import current_digest

        compiled = self.compiled
        with suppress(PacerError):
            if current_digest(store) != compiled.content and not self.previews():
                from pacer.service.planversions import record_plan

                record_plan(self, "")

    @classmethod
    def lent(cls, compiled: CompiledPlan, store: Store) -> Session:
        """A session over another plan (a stored version) and this session's store, which it
        neither records into nor closes."""
        session = cls(kept=_Lent(store), record_plan=False)
        session._compiled = compiled
        return session

    def data_version(self) -> tuple[int, str]:
        """Changes whenever anything in the database changes (for caches of drawn charts)."""
        return self.store.data_version()

    def close(self) -> None:
        # Not binding now is no loss: the next open binds a database that holds data.
        with suppress(PacerError):
            self._bind_after_first_write()
        if self._store is not None and self._kept is None:
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
            if self._choices:
                from pacer.schedule.catchup import as_planned_choice

                self._choices = [as_planned_choice(self.plan, c) for c in self._choices]
        return self._choices

    def adjustments(self) -> Adjustments:
        """What the recorded catch-up choices do to the projection (ids the plan no longer
        has are left out: the plan may have been edited since a choice was recorded)."""
        if not self.choices():
            return Adjustments()
        from pacer.schedule.catchup import adjustments_of

        return adjustments_of(self.plan, self.choices())[0]

    def due_moves(self) -> dict[str, date]:
        if not self.choices():
            return {}
        from pacer.schedule.catchup import adjustments_of

        return adjustments_of(self.plan, self.choices())[1]

    def calendar(self) -> Calendar:
        from pacer.store.trips import list_trips

        return _calendar_with(self, tuple(list_trips(self.store)))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


class KeptStore:
    """One connection that a long-lived process keeps open for one of its threads (the web
    server's reader and writer): one connection per process and purpose, opened once, and
    lent to each request's Session."""

    __slots__ = ("_busy_timeout_ms", "_db_path", "_store", "checked")

    def __init__(self, db_path: Path | None, busy_timeout_ms: int) -> None:
        self._db_path = db_path
        self._busy_timeout_ms = busy_timeout_ms
        self._store: Store | None = None
        # The last open checks' (plan, data version) and outcome: see Session._open_checks.
        self.checked: tuple[tuple[object, ...], PlanCopy | None, tuple[Message, ...]] | None = None

    def store(self) -> Store:
        if self._store is None:
            path = self._db_path or data_dir() / DB_FILE
            self._store = open_store(path, self._busy_timeout_ms)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self.checked = None


class _Lent:
    """A store lent by another session: used, never closed."""

    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:
        self._store = store

    def store(self) -> Store:
        return self._store

    def close(self) -> None:
        pass


# -- input parsing shared by CLI and web -----------------------------------------------------
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "今天": 0, "昨天": -1, "明天": 1}
_DURATION = re.compile(r"^(?:([0-9]+(?:\.[0-9]+)?)h)?(?:([0-9]+)m?)?$")  # ASCII digits only
_DURATION_DIGITS = 6  # more digits than any duration in a day has: refused before float/int


def parse_day(text: str | None, plan: Plan) -> date:
    """A local date from YYYY-MM-DD, today, yesterday or tomorrow (None: today), inside the
    plan's span widened by bounds.MARGIN_YEARS; anything else is an InputError."""
    from pacer.bounds import check_day, shown

    if text is None:
        day = clock.today(plan)
    else:
        raw = text.strip()
        if raw.lower() in _RELATIVE:
            day = clock.today(plan) + timedelta(days=_RELATIVE[raw.lower()])
        else:
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                raise InputError(Message("input.bad_date", raw=shown(text))) from None
    return check_day(day, plan.start, plan.end)


def parse_minutes(text: str) -> int:
    """Minutes from 45, 45m, 1h, 1.5h or 1h30; between 1 and 24 hours."""
    from pacer.bounds import shown

    raw = text.strip().lower().replace(" ", "")
    match = _DURATION.match(raw)
    if not raw or not match or not (match.group(1) or match.group(2)):
        raise InputError(Message("input.bad_minutes", raw=shown(text)))
    hours, mins = match.group(1) or "0", match.group(2) or "0"
    if match.group(1) and match.group(2) and int(mins) >= 60:
        # 1h90 is a slip for 1h30 or 2h30: after hours, minutes are those of the next hour.
        raise InputError(Message("input.bad_minutes", raw=shown(text)))
    if max(len(hours.partition(".")[0]), len(mins)) > _DURATION_DIGITS:
        raise InputError(Message("input.minutes_range", raw=shown(text), limit=DAY_MINUTES))
    minutes = round(float(hours) * 60) + int(mins)
    if not 1 <= minutes <= DAY_MINUTES:
        raise InputError(Message("input.minutes_range", raw=shown(text), limit=DAY_MINUTES))
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
    # The example is one of this plan's own habits (in the plan's order), never a made-up id.
    habits = [t.id for t in plan.tracks if t.id in plan.habit_tracks()]
    if habits:
        raise PacerError(Message("log.unknown_target", target=target, example=habits[0]))
    raise PacerError(Message("log.unknown_target_no_habit", target=target))


def _entries(session: Session) -> list[LogEntry]:
    """Every log entry, as the plan in force names its targets (renames mapped)."""
    from pacer.schedule.progress import as_planned
    from pacer.store.log import all_entries

    # `today` asks twice (the agenda, the streaks): the log is read once while nothing
    # changed (the data version changes with every committed write, by any process).
    version = session.store.data_version()
    kept = session._entries
    if kept is not None and kept[0] == version and kept[1] is session.plan:
        return list(kept[2])
    entries = as_planned(session.plan, all_entries(session.store))
    session._entries = (version, session.plan, entries)
    return list(entries)


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
    from pacer.store.roster import list_roster

    roster = tuple(list_roster(session.store))
    return Calendar(session.plan, session.compiled.holidays, trips, current_lang(), roster)
