"""The Log page: the record of a window of days, newest first, each row edited or removed
through service/logfix.py (the operations of `log edit|rm`, `metric edit|rm`, `note edit|rm`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pacer import service
from pacer.errors import InputError, PacerError
from pacer.i18n import Message
from pacer.plan.model import REVIEW_TARGET

if TYPE_CHECKING:
    from collections.abc import Callable

    from pacer.plan.model import Plan
    from pacer.service import Session
    from pacer.web.app import Dashboard

# What the page's own forms send as an id that no longer names a row (removed in another tab,
# undone meanwhile): the CLI's line names `pacer log list`; the page says to reload.
_GONE = ("logfix.no_entry", "logfix.no_metric_value", "logfix.no_note")


def number_text(value: float) -> str:
    """A metric value as its field shows it: the stored number, without trailing zeros (so
    that an unchanged field is seen as unchanged)."""
    return f"{value + 0.0:.6f}".rstrip("0").rstrip(".")


class LogPage:
    """GET /log and the POSTs that edit and remove its rows; thin over pacer.service."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    # -- the page -----------------------------------------------------------------------------
    def page(self, request: Request) -> Response:
        d = self.d
        d.begin(request)
        query = request.query_params
        with d.session(request) as s:
            opened: int | None = None
            if query.get("edit"):
                opened = self._id(query["edit"])
                # The window that holds the entry to edit (an old one's four weeks).
                entry = self._gone(lambda: service.get_entry(s, opened))
                first, last = service.list_span(s, None, None)
                if entry.day < first:
                    first, last = service.list_span(s, None, entry.day)
            else:
                first, last = self._window(s, query.get("from"), query.get("to"))
            context = self._rows(s, first, last)
            latest = service.list_span(s, None, None)
        earlier = first - timedelta(days=1)
        return d.render(
            request,
            "log.html",
            first=first,
            last=last,
            opened=opened,
            window=urlencode({"from": first.isoformat(), "to": last.isoformat()}),
            earlier="/log?" + urlencode({"to": earlier.isoformat()}),
            latest=None if (first, last) == latest else "/log",
            number=number_text,
            **context,
        )

    def _window(self, s: Session, first: str | None, last: str | None) -> tuple[date, date]:
        return service.list_span(
            s,
            service.parse_day(first, s.plan) if first else None,
            service.parse_day(last, s.plan) if last else None,
        )

    def _rows(self, s: Session, first: date, last: date) -> dict[str, Any]:
        entries = list(reversed(service.list_entries(s, first, last)))
        values = [
            (r, service.value_text(s, r))
            for view in service.metric_views(s, last)
            for r in view.values
            if first <= r.day <= last
        ]
        values.sort(key=lambda pair: (pair[0].day, pair[0].id), reverse=True)
        notes = [n for n in service.list_notes(s) if first <= n.day <= last]
        notes.sort(key=lambda n: (n.day, n.id), reverse=True)
        return {
            "entries": entries,
            "names": service.target_titles(s, {e.target for e in entries}),
            "targets": _targets(s.plan),
            "values": values,
            "notes": notes,
        }

    # -- actions ------------------------------------------------------------------------------
    def edit_entry(self, request: Request) -> Response:
        d = self.d
        d.begin(request)
        entry_id = self._id(d.form(request, "id"))
        with d.session(request) as s:
            was = self._gone(lambda: service.get_entry(s, entry_id))
            # The form shows every field filled in: only what differs is a change.
            raw = d.form(request, "minutes")
            minutes = service.parse_minutes(raw) if raw and raw != str(was.minutes) else None
            raw = d.form(request, "date")
            day = service.parse_day(raw, s.plan) if raw else None
            target = d.form(request, "target") or None
            # A field the form did not send is left alone (an empty one is cleared).
            note = d.form(request, "note") if "note" in request.state.form else None
            given = (
                minutes,
                None if day == was.day else day,
                None if target == was.target else target,
                None if note == was.note else note,
            )
            if given == (None, None, None, None):
                d.say(request, Message("web.logpage.unchanged", what=service.entry_text(was)))
            else:
                _, after = service.edit_entry(s, entry_id, *given)
                what = service.entry_text(after)
                d.say(request, Message("logfix.log.edited", id=after.id, what=what))
            back = self._back(request, s.plan, f"entry-{entry_id}")
        return back

    def remove_entry(self, request: Request) -> Response:
        def said(s: Session, row_id: int) -> Message:
            removed = service.remove_entry(s, row_id)
            what = service.entry_text(removed)
            return Message("web.logpage.removed", id=removed.id, what=what)

        return self._remove(request, said, "entries")

    def _remove(
        self, request: Request, remove: Callable[[Session, int], Message], anchor: str
    ) -> Response:
        """Remove the row the form names (`remove` says what it removed), then back to the
        window, at `anchor`."""
        d = self.d
        d.begin(request)
        row_id = self._id(d.form(request, "id"))
        with d.session(request) as s:
            d.say(request, self._gone(lambda: remove(s, row_id)))
            back = self._back(request, s.plan, anchor)
        return back

    def edit_value(self, request: Request) -> Response:
        d = self.d
        d.begin(request)
        value_id = self._id(d.form(request, "id"))
        with d.session(request) as s:
            # What the page showed is sent beside what is sent now: an untouched field
            # changes nothing (a value is never re-rounded by being shown).
            text = d.form(request, "value")
            raw = d.form(request, "date")
            changed_text = text if text and text != d.form(request, "shown_value") else None
            changed_day = (
                service.parse_day(raw, s.plan)
                if raw and raw != d.form(request, "shown_date")
                else None
            )
            if changed_text is None and changed_day is None:
                what = Message("web.logpage.value_id", id=value_id)
                d.say(request, Message("web.logpage.unchanged", what=what))
            else:
                _, after = self._gone(
                    lambda: service.edit_metric_value(s, value_id, changed_text, changed_day)
                )
                what = service.value_text(s, after)
                d.say(request, Message("logfix.metric.edited", id=after.id, what=what))
            back = self._back(request, s.plan, f"value-{value_id}")
        return back

    def remove_value(self, request: Request) -> Response:
        def said(s: Session, row_id: int) -> Message:
            removed = service.remove_metric_value(s, row_id)
            what = service.value_text(s, removed)
            return Message("web.logpage.value_removed", id=removed.id, what=what)

        return self._remove(request, said, "values")

    def edit_note(self, request: Request) -> Response:
        d = self.d
        d.begin(request)
        note_id = self._id(d.form(request, "id"))
        with d.session(request) as s:
            before, after = self._gone(
                lambda: service.edit_note(s, note_id, d.form(request, "text"))
            )
            key = "logfix.note.edited" if before != after else "web.logpage.unchanged"
            d.say(request, Message(key, what=service.note_text(after)))
            back = self._back(request, s.plan, f"note-{note_id}")
        return back

    def remove_note(self, request: Request) -> Response:
        def said(s: Session, row_id: int) -> Message:
            removed = service.remove_note(s, row_id)
            return Message("web.logpage.note_removed", what=service.note_text(removed))

        return self._remove(request, said, "notes")

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _id(raw: str) -> int:
        from pacer.bounds import parse_id

        return parse_id(raw, "web.logpage.bad_id")

    @staticmethod
    def _gone(action: Any) -> Any:
        """`action()`, with a row the page named that is no longer there said as the page
        says it (reload), not as the command does."""
        try:
            return action()
        except PacerError as exc:
            if exc.message.key in _GONE:
                raise InputError(Message("web.logpage.gone", id=exc.message.args["id"])) from None
            raise

    def _back(self, request: Request, plan: Plan, anchor: str) -> Response:
        """303 to the window the form was sent from (a window that does not parse: the latest)."""
        d = self.d
        query: dict[str, str] = {}
        for key in ("from", "to"):
            raw = d.form(request, key)
            try:
                if raw:
                    query[key] = service.parse_day(raw, plan).isoformat()
            except PacerError:
                return RedirectResponse(f"/log#{anchor}", status_code=303)
        suffix = "?" + urlencode(query) if query else ""
        return RedirectResponse(f"/log{suffix}#{anchor}", status_code=303)


def _targets(plan: Plan) -> list[str]:
    """What an entry may name, for the target field's suggestions: units, habits, review."""
    habits = [t.id for t in plan.tracks if t.id in plan.habit_tracks()]
    return [*habits, *(u.id for u in plan.units()), REVIEW_TARGET]
