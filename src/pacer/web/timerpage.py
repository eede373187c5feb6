"""The timer on the web's Today page: the running timer as the page shows it, and the POSTs
of its Start, Switch and Stop buttons, thin over service/timer.py (what `pacer start` and
`pacer stop` call)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pacer.errors import InputError
from pacer.i18n import Message

if TYPE_CHECKING:
    from pacer.service import Session
    from pacer.web.app import Dashboard


def timer_view(s: Session) -> dict[str, Any] | None:
    """The running timer for the Today page: its JSON (as `today --json`), with the texts the
    page shows: who, since when, how long, and why it needs the minutes said."""
    from pacer.service import timer as timing

    found = timing.running(s)
    shown = timing.timer_json(s, found)
    if found is None or shown is None:
        return None
    title, target = shown["title"], shown["target"]
    return {
        **shown,
        "name": target if title == target else f"{title} [{target}]",
        "started_text": timing.started_text(s, found.timer.started_at),
        "elapsed_text": timing.elapsed_text(found),
        "why": None if found.confirm is None else str(timing.why_text(s, found)),
    }


class TimerActions:
    """POST /timer/start and /timer/stop; each answers 303 to Today once written."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.d = dashboard

    def start(self, request: Request) -> Response:
        from pacer.service import timer as timing

        d = self.d
        d.begin(request)
        target = d.form(request, "target")
        if not target:
            raise InputError(Message("web.log.no_target"))
        switch = d.form(request, "switch") == "1"
        with d.session(request) as s:
            try:
                timer, stopped = timing.start(s, target, d.form(request, "note"), switch)
            except timing.NeedsMinutes as exc:
                raise self._on_the_page(exc) from None
            # What was logged when switching; else that it started (without the command
            # that stops it: the page has the button).
            if stopped is not None:
                said = timing.stopped_message(s, stopped)
            else:
                said = timing.started_message(s, timer, switched=True)
        d.say(request, said)
        return RedirectResponse("/", status_code=303)

    def stop(self, request: Request) -> Response:
        from pacer import service
        from pacer.service import timer as timing

        d = self.d
        d.begin(request)
        raw = d.form(request, "minutes")
        minutes = service.parse_minutes(raw) if raw else None
        with d.session(request) as s:
            try:
                stopped = timing.stop(
                    s, d.form(request, "note"), minutes, d.form(request, "discard") == "1"
                )
            except timing.NeedsMinutes as exc:
                raise self._on_the_page(exc) from None
            said = timing.stopped_message(s, stopped)
        d.say(request, said)
        return RedirectResponse("/", status_code=303)

    @staticmethod
    def _on_the_page(exc: Any) -> InputError:
        """The refusal of a long timer as the page says it: the minutes go in the field on
        the page, not after an option on a command line."""
        message = exc.message
        how = Message("web.timer.how")
        return InputError(Message(message.key, **{**message.args, "how": how}))
