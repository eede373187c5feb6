"""Listing and correcting the record — log entries, metric values, notes — and `undo` of the
last change of any kind (store/audit.py keeps every change)."""

from __future__ import annotations

from datetime import date, timedelta

from pacer import clock
from pacer.bounds import check_text
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.record import record
from pacer.schedule.progress import LogEntry
from pacer.service.absence import absence_name
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.blog import Note
    from pacer.schedule.metrics import Reading
    from pacer.store.audit import Change, Row

LIST_DAYS = 28  # `log list` and the Log page: the last four weeks unless told


# -- log entries ---------------------------------------------------------------------------------
def list_span(session: Session, first: date | None, last: date | None) -> tuple[date, date]:
    """The days `log list` shows: up to `last` (today) from `first` (four weeks before)."""
    last = last or clock.today(session.plan)
    first = first or last - timedelta(days=LIST_DAYS - 1)
    if first > last:
        raise PacerError(Message("logfix.bad_span", first=first, last=last))
    return first, last


def list_entries(
    session: Session, first: date, last: date, target: str | None = None
) -> list[LogEntry]:
    """Entries from `first` to `last` (by date, then as written), of one target when given:
    those that count for it, written under its id or an old one (`was:` in the plan)."""
    from pacer.store.log import entries_between

    if target is None:
        return entries_between(session.store, first, last)
    from pacer.plan.renames import Renames, current_id
    from pacer.service.session import resolve_target
    from pacer.store.log import target_logged

    wanted = current_id(session.plan, target)
    if not target_logged(session.store, target):
        # An id the log holds stays listable when the plan no longer has it; any other
        # must be one the plan has, as for `log edit --target` (an unknown one says so).
        resolve_target(session.plan, wanted)
    found = entries_between(session.store, first, last)
    renames = Renames.of(session.plan)
    return [e for e in found if e.target == target or renames.target(e.kind, e.target) == wanted]


def get_entry(session: Session, entry_id: int) -> LogEntry:
    from pacer.store.log import get_entry as store_get

    entry = store_get(session.store, entry_id)
    if entry is None:
        raise PacerError(Message("logfix.no_entry", id=entry_id))
    return entry


def edit_entry(
    session: Session,
    entry_id: int,
    minutes: int | None = None,
    day: date | None = None,
    target: str | None = None,
    note: str | None = None,
) -> tuple[LogEntry, LogEntry]:
    """Change what is given of an entry, by the rules a new entry keeps (a day that has come
    and is in the plan, a target the plan has, 24 hours a day); (before, after)."""
    from pacer.plan.renames import current_id, old_ids
    from pacer.service.entries import check_entry_day
    from pacer.service.session import resolve_target
    from pacer.store.log import edit_entry as store_edit

    if minutes is None and day is None and target is None and note is None:
        raise PacerError(
            Message("logfix.nothing_to_change", options="--minutes, --date, --target, -m")
        )
    was = get_entry(session, entry_id)
    kind = was.kind
    if target is not None:
        target = current_id(session.plan, target)  # an old id: the one it counts for now
    if target is not None and target != was.target:
        kind = resolve_target(session.plan, target)
        if was.done and kind != "unit":
            raise PacerError(Message("log.done_needs_unit", target=target))
    if day is not None and day != was.day:
        check_entry_day(session.plan, day, clock.today(session.plan))
    if note is not None:
        check_text(note, t("input.what.note"))
    return store_edit(
        session.store,
        entry_id,
        was.day if day is None else day,
        kind,
        was.target if target is None else target,
        was.minutes if minutes is None else minutes,
        was.note if note is None else note,
        old_ids(session.plan, kind, was.target if target is None else target),
    )


def remove_entry(session: Session, entry_id: int) -> LogEntry:
    from pacer.store.log import remove_entry as store_remove

    return store_remove(session.store, entry_id)


def entry_text(entry: LogEntry) -> Message:
    """ "30 min for english on 2026-03-05" / "english marked done on 2026-03-05"."""
    if entry.done and entry.minutes == 0:
        return Message("logfix.entry_done", target=entry.target, day=entry.day)
    minutes = Message("unit.min", n=entry.minutes)
    return Message("logfix.entry", minutes=minutes, target=entry.target, day=entry.day)


# -- metric values -------------------------------------------------------------------------------
def edit_metric_value(
    session: Session, value_id: int, text: str | None = None, day: date | None = None
) -> tuple[Reading, Reading]:
    """Change a value's number or date, by the rules of `metric add`; (before, after)."""
    from pacer.service.entries import check_metric_value, check_reading_day
    from pacer.service.metrics import find_metric, parse_value
    from pacer.store.metrics import edit_value, get_value

    if text is None and day is None:
        raise PacerError(Message("logfix.nothing_to_change", options="--value, --date"))
    was = get_value(session.store, value_id)
    if was is None:
        raise PacerError(Message("logfix.no_metric_value", id=value_id))
    value = was.value
    if text is not None:
        metric = find_metric(session, was.metric)
        value = check_metric_value(metric, parse_value(metric, text))
    if day is not None:
        check_reading_day(day, clock.today(session.plan), session.plan)
    return edit_value(session.store, value_id, day or was.day, value)


def remove_metric_value(session: Session, value_id: int) -> Reading:
    from pacer.store.metrics import remove_value

    return remove_value(session.store, value_id)


def value_text(session: Session, reading: Reading) -> Message:
    """ "100% (listening, 2026-03-05)": the value in its metric's unit when the plan has it."""
    from pacer.service.entries import _amount

    metric = next((m for m in session.plan.metrics if m.id == reading.metric), None)
    shown = (
        _amount(metric, reading.value)
        if metric is not None
        else f"{round(reading.value, 2) + 0.0:.2f}".rstrip("0").rstrip(".")
    )
    return Message("logfix.value", value=shown, metric=reading.metric, day=reading.day)


# -- notes ---------------------------------------------------------------------------------------
def edit_note(session: Session, note_id: int, text: str) -> tuple[Note, Note]:
    from pacer.store.notes import edit_note as store_edit

    text = text.strip()
    if not text:
        raise PacerError(Message("note.empty"))
    check_text(text, t("input.what.note"))
    return store_edit(session.store, note_id, text)


def remove_note(session: Session, note_id: int) -> Note:
    from pacer.store.notes import remove_note as store_remove

    return store_remove(session.store, note_id)


def note_text(note: Note) -> Message:
    return Message("logfix.note", id=note.id, post=note.post, day=note.day)


# -- undo ----------------------------------------------------------------------------------------
@record
class Undone:
    """What `undo` reverted: the change, what it says, and the day the row is on."""

    change: Change
    message: Message
    day: date


def undo(session: Session) -> Undone:
    """Revert the last change of any kind (store/audit.py: each undo walks one further back).
    A newer write undo does not revert (a marker) is named with the command that reverses it,
    and nothing is written; so is a stored change undo cannot read."""
    from pacer.store.audit import undo_last

    done = undo_last(session.store, lambda change: _undone(session, change))
    if done is None:
        raise PacerError(Message("logfix.nothing_to_undo"))
    return done[1]


def _undone(session: Session, change: Change) -> Undone:
    """What undoing `change` says; refuses a marker, and a row it cannot read, in one line."""
    from pacer.store.audit import MARKS

    if change.table in MARKS:
        raise PacerError(_stop(change))
    row = change.after if change.action == "add" else change.before
    try:
        assert row is not None
        args, day = _row_args(session, change.table, row)
        if change.table == "milestone_checks" and change.action == "edit":
            assert change.after is not None
            args["now"] = change.after["evidence"]
    except (AssertionError, KeyError, TypeError, ValueError):
        raise PacerError(
            Message("logfix.bad_audit_row", id=change.id, field="before_json")
        ) from None
    key = f"logfix.undid.{change.action}.{change.table}"
    return Undone(change, Message(key, id=change.row_id, **args), day)


_STOPS = frozenset(
    {
        "catchup_apply",
        "catchup_drop",
        "review",
        "accept_orphans",
        "roster_import",
        "roster_rm",
        "plan_use",
        "plan_why",
    }
)


def _stop(change: Change) -> Message:
    """ "cannot undo: the newest change is catch-up choice 3 (M), which undo does not revert;
    'pacer catchup --drop 3' reverses it"."""
    what = change.after or {}
    kind = what.get("kind")
    if kind not in _STOPS:
        return Message("logfix.bad_audit_row", id=change.id, field="after_json")
    args = {k: v for k, v in what.items() if k != "kind"}
    how = f"logfix.stop.how.{kind}"
    if kind == "plan_use" and not args.get("previous"):
        how = "logfix.stop.how.plan_use_any"
    stop = Message(
        "logfix.stop",
        what=Message(f"logfix.stop.what.{kind}", **args),
        how=Message(how, **args),
    )
    try:
        str(stop)  # a Message is rendered when shown: a marker missing a value fails here
    except (KeyError, IndexError, TypeError, ValueError):
        return Message("logfix.bad_audit_row", id=change.id, field="after_json")
    return stop


def _row_args(session: Session, table: str, row: Row) -> tuple[dict[str, object], date]:
    if table == "trips":
        start, end = (
            date.fromisoformat(str(row["start_date"])),
            date.fromisoformat(str(row["end_date"])),
        )
        kind = str(row.get("kind") or "travel")
        trip_id = int(str(row["id"]))
        return {"what": absence_name(session.plan, kind, trip_id, start, end)}, start
    if table == "milestone_checks":
        day = date.fromisoformat(str(row["local_date"]))
        return {
            "milestone": str(row["milestone"]),
            "criterion": str(row["criterion"]),
            "evidence": str(row["evidence"]),
        }, day
    what, day = _row_text(session, table, row)
    return {"what": what}, day


def _row_text(session: Session, table: str, row: Row) -> tuple[Message, date]:
    if table == "log":
        from pacer.store.log import entry_of

        entry = entry_of(row)
        return entry_text(entry), entry.day
    if table == "metric_values":
        from pacer.store.metrics import reading_of

        reading = reading_of(row)
        return value_text(session, reading), reading.day
    from pacer.store.notes import note_of

    note = note_of(row)
    return note_text(note), note.day


# -- JSON (documented in docs/json.md) -----------------------------------------------------------
def log_list_json(
    session: Session, first: date, last: date, target: str | None, entries: list[LogEntry]
) -> dict[str, Any]:
    from pacer.service.days import entry_json, target_titles

    titles = target_titles(session, {e.target for e in entries})
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "target": target,
        "entries": [{**entry_json(e), "title": titles[e.target]} for e in entries],
    }
