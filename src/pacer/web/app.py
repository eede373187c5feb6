"""The dashboard: Starlette routes, thin over pacer.service, guarded by web/security.py.

Handlers are plain functions run in a lane's thread (web/lanes.py): pages in the reader's,
actions in the one writer's, each with the database connection it keeps; the event loop
only parses, checks and sends. The language is a context variable, so a request's language
reaches its own page only.
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from pacer import clock, service
from pacer.errors import InputError, PacerError, StoreBusy
from pacer.i18n import LANGS, Message, days_text, minutes_text, set_lang, t
from pacer.plan.model import WEEKDAYS, Plan
from pacer.plan.problems import PlanInvalid
from pacer.service import Session
from pacer.service.absence import absence_icon
from pacer.service.planchanges import plan_change_lines
from pacer.service.trips import effect_trip
from pacer.web.lanes import ChartCache, ChartKey, Lane
from pacer.web.security import SESSION_DAYS, Guard, SignInThrottle

SESSION_COOKIE = "pacer_session"
LANG_COOKIE = "pacer_lang"
STATIC = Path(__file__).parent / "static"

# Sent with every answer, errors and static files included. No inline script or style
# anywhere (the page's CSS and htmx are files under /static), so an injected <script> or
# style= does nothing; no framing (clickjacking), no Referer leaving for another site.
# `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with a
# plain form POST, so without JavaScript (htmx's requests do carry the origin) every form
# was refused as not coming from a pacer page.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]

# A chart opened on its own: its shapes are styled inline (style attributes), nothing else.
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

# A page or action: a plain function run in a lane's thread, or (Progress) a coroutine that
# hands its slow parts to the lanes itself.
Handler = Callable[[Request], Response | Awaitable[Response]]
RETRY_AFTER_SECONDS = 2
MAX_PLAN_PROBLEMS = 10  # lines of a broken plan's problems shown on a page
KEPT_SAID = 64  # sessions whose last action's result waits for their next page
KEPT_DAYS = 16  # Today pages kept: a few days and languages; older keys are unreachable
CHART_WAIT_SECONDS = 2.0


def pick_lang(request: Request) -> tuple[str, bool]:
    """(language, whether to remember it): ?lang=, else the cookie, else Accept-Language."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return str(asked), True
    kept = request.cookies.get(LANG_COOKIE)
    if kept in LANGS:
        return str(kept), False
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh", False
        if tag.startswith("en"):
            return "en", False
    return "en", False


class HostCheck:
    """Refuses, with 400, every request whose Host header the guard does not accept."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = ""
            for key, value in scope["headers"]:
                if key == b"host":
                    host = value.decode("latin-1")
                    break
            if not self.guard.host_ok(host):
                await Response("Invalid host header", status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP answer, and `Cache-Control: no-store` to every
    HTML page (they carry CSRF tokens and the person's log)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                html = any(
                    k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers
                )
                if html and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class PacerApp(Starlette):
    """Starlette with SecurityHeaders outside everything, so that the 500 page of its
    outermost error middleware (and HostCheck's 400) carries the headers too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def _on_the_page(message: Message) -> Message:
    """A refusal as the page says it: a day after today is fixed by picking another day on
    the page, not by typing an option (the command's hint names `--date`)."""
    if message.key == "entry.future":
        hint = Message("web.entry.hint", today=message.args["today"])
        return Message("entry.future", **{**message.args, "hint": hint})
    return message


class Dashboard:
    """One running dashboard: where its data lives, what it trusts, its templates."""

    def __init__(
        self,
        guard: Guard,
        db_path: Path | None = None,
        plan_path: Path | None = None,
        cache: Path | None = None,
        chart_wait: float = CHART_WAIT_SECONDS,
    ) -> None:
        from pacer.workspace import cache_dir

        self.guard = guard
        self.db_path = db_path
        self.plan_path = plan_path
        self.reader = Lane("reader", db_path)
        self.writer = Lane("writer", db_path)
        # Shared by every server on this data folder, kept over a restart.
        charts = cache or cache_dir() / "web-charts"
        self.charts = ChartCache(charts, chart_wait, salt=str(db_path))
        self.throttle = SignInThrottle()
        # What an action did, said once on the page it redirects to (by session id): the
        # answer to a POST is a 303, so its result line waits here for the next page.
        self.said: dict[str, Message] = {}
        # The Today page's contents by (plan digest, data version, study date, day, language).
        self.days: dict[tuple[object, ...], dict[str, Any]] = {}
        # Waits between wrong tokens count real seconds, whatever PACER_NOW says; tests
        # replace this to move time on.
        self.ticks: Callable[[], float] = time.monotonic
        self.env = Environment(
            loader=PackageLoader("pacer.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["t"] = t
        self.env.globals["mins"] = minutes_text
        self.env.globals["days"] = days_text
        self.env.globals["plan_change_lines"] = plan_change_lines

    def session(self, request: Request) -> Session:
        """The request's Session, on the connection its lane keeps."""
        return Session(self.plan_path, self.db_path, kept=request.state.lane.kept)

    def say(self, request: Request, message: Message) -> None:
        """Show `message` (in the reader's language) on this session's next page."""
        self.said.pop(request.state.sid, None)
        while len(self.said) >= KEPT_SAID:  # a session that never came back
            self.said.pop(next(iter(self.said)))
        self.said[request.state.sid] = message

    def close(self) -> None:
        for lane in (self.reader, self.writer):
            lane.close()
        self.charts.close()

    # -- the guard, around every handler -----------------------------------------------------
    def page(self, handler: Handler, *, feed: bool = False, open_: bool = False) -> Handler:
        async def guarded(request: Request) -> Response:
            request.state.open_ = open_  # signing in and out touch no data: never refused
            request.state.bound = None
            guard = self.guard
            now = clock.now_utc().timestamp()
            found = guard.read_session(request.cookies.get(SESSION_COOKIE), now)
            fresh: str | None = None
            if found is None:
                fresh = guard.make_session(not guard.needs_sign_in, now)
                found = guard.read_session(fresh, now)
                assert found is not None
            sid, signed_in = found
            request.state.sid = sid
            request.state.signed_in = signed_in
            lang, remember = pick_lang(request)
            request.state.lang = lang
            response: Response
            if feed:
                # The feed's own token (never the sign-in token: a calendar subscription URL
                # is not a key to the dashboard), or a session this browser already had.
                known = signed_in and fresh is None
                if guard.feed_ok(request.query_params.get("token")) or known:
                    response = await self._checked(handler, request)
                else:
                    response = Response("access token needed", status_code=401)
            elif not signed_in and not open_:
                response = RedirectResponse("/login", status_code=303)
            else:
                response = await self._checked(handler, request)
            if fresh is not None and not feed:
                response.set_cookie(
                    SESSION_COOKIE, fresh, httponly=True, samesite="strict", path="/"
                )
            if remember:
                response.set_cookie(
                    LANG_COOKIE, lang, max_age=400 * 86400, samesite="strict", path="/"
                )
            return response

        return guarded

    async def _checked(self, handler: Handler, request: Request) -> Response:
        if request.method != "POST":
            return await self._run(handler, request)
        host = request.headers.get("host", "")
        if not self.guard.origin_ok(
            request.headers.get("origin"), request.headers.get("referer"), request.url.scheme, host
        ):
            return self.error(request, t("web.bad_origin"), 403)
        async with request.form() as form:  # closes what a sent file spooled to disk
            request.state.form = form
            given = form.get("csrf")
            if not isinstance(given, str) or not self.guard.csrf_ok(request.state.sid, given):
                return self.error(request, t("web.bad_csrf"), 403)
            return await self._run(handler, request)

    async def _run(self, handler: Handler, request: Request) -> Response:
        # Pages read in the reader's thread; every action writes in the one writer's.
        lane = self.writer if request.method == "POST" else self.reader
        request.state.lane = lane
        # The refusals below are rendered here, not in the lane: in the reader's language
        # (this request's task has its own context), not the server's default.
        set_lang(request.state.lang)
        try:
            if not request.state.open_:
                request.state.bound = await lane.run(self._bound_elsewhere, request)
            if request.method == "POST" and request.state.bound is not None:
                # Data of another plan: every action is refused before it runs (nothing
                # written, nothing half done), with the line that names both plans.
                refused = Message("binding.refused", **request.state.bound.args)
                return self.error(request, str(refused), 409)
            if inspect.iscoroutinefunction(handler):
                answer: Response = await handler(request)
            else:
                answer = await lane.run(cast("Callable[[Request], Response]", handler), request)
            return answer
        except StoreBusy as exc:
            response = self.error(request, str(exc.message), 503)
            response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)
            return response
        except PlanInvalid as exc:
            # The plan file was edited into a broken state while the server runs: say where,
            # as `pacer plan check` would, until it is mended (never a bare 500).
            shown = exc.problems[:MAX_PLAN_PROBLEMS]
            more = len(exc.problems) - len(shown)
            lines = [t("web.plan_invalid", path=exc.path), *shown]
            if more:
                lines.append(t("web.plan_invalid_more", n=more))
            return self.render(request, "error.html", status=503, message="\n".join(lines))
        except PacerError as exc:
            from pacer.bounds import clipped

            return self.error(request, str(clipped(_on_the_page(exc.message))), 400)

    def _bound_elsewhere(self, request: Request) -> Message | None:
        """The line naming both plans when the database belongs to another plan than the
        one this server runs with (service/session.py decides; see store/binding.py)."""
        with self.session(request) as s:
            _ = s.store  # opening the store judges the binding
            return next((n for n in s.notices if n.key == "binding.other_plan"), None)

    # -- rendering ----------------------------------------------------------------------------
    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        set_lang(request.state.lang)
        bound = getattr(request.state, "bound", None)
        said = self.said.pop(request.state.sid, None) if status == 200 else None
        html = self.env.get_template(name).render(
            request=request,
            lang=request.state.lang,
            csrf=self.guard.csrf_token(request.state.sid),
            signed_in=request.state.signed_in,
            can_sign_out=request.state.signed_in and self.guard.needs_sign_in,
            bound=None if bound is None else str(bound),
            said=None if said is None else str(said),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, message: str, status: int) -> Response:
        return self.render(request, "error.html", status=status, message=message)

    def form(self, request: Request, key: str, default: str = "") -> str:
        value = request.state.form.get(key)
        if value is None:
            return default
        if not isinstance(value, str):  # a file sent where a form field belongs
            raise InputError(Message("web.not_text", field=key))
        return value.strip()

    def begin(self, request: Request) -> None:
        """Every page and action speaks the request's language (service messages too)."""
        set_lang(request.state.lang)

    # -- sign-in ------------------------------------------------------------------------------
    def login_page(self, request: Request) -> Response:
        return self.render(request, "login.html")

    def login(self, request: Request) -> Response:
        address = request.client.host if request.client else ""
        wait = self.throttle.wait(address, self.ticks())
        if wait > 0:
            seconds = math.ceil(wait)
            response = self.render(request, "login.html", status=429, slow=seconds)
            response.headers["retry-after"] = str(seconds)
            return response
        if not self.guard.token_ok(self.form(request, "token")):
            self.throttle.failed(address, self.ticks())
            return self.render(request, "login.html", status=401, failed=True)
        self.throttle.succeeded(address)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            self.guard.make_session(True, clock.now_utc().timestamp()),
            max_age=SESSION_DAYS * 86400,  # the phone signs in once a month, not daily
            httponly=True,
            samesite="strict",
            path="/",
        )
        return response

    def logout(self, request: Request) -> Response:
        # Signing out ends every session, the phone's too: one button for "I lost a device".
        self.guard.revoke_all()
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # -- Today --------------------------------------------------------------------------------
    def today(self, request: Request) -> Response:
        self.begin(request)
        with self.session(request) as s:
            # A date outside the plan's reach is a 400 here, before any projection runs.
            day = service.parse_day(request.query_params.get("date"), s.plan)
            today = clock.today(s.plan)
            # The day's page is made once per plan, data version, study date and language
            # (issue 16): every write changes the data version, so nothing stale is shown.
            key = (s.compiled.digest, s.data_version(), today, day, request.state.lang)
            context = self.days.get(key)
            if context is None:
                context = self._today_context(s, day, today)
                if context["timer"] is None:  # a running timer's minutes change: not kept
                    while len(self.days) >= KEPT_DAYS:
                        self.days.pop(next(iter(self.days)))
                    self.days[key] = context
        return self.render(request, "today.html", **context)

    def _today_context(self, s: Session, day: date, today: date) -> dict[str, Any]:
        """What the Today page shows of `day`, in the request's language."""
        view = service.agenda(s, day)
        shown = service.day_json(s, view)
        # A person reads milestones by their titles; the id stays in the tooltip.
        titles = {m.id: m.title for m in s.plan.milestones}
        moved = [(m, titles.get(m, m), n) for m, n in service.trip_effect(s, day, today)]
        # The line naming both plans of bound data is on every page (base.html).
        footnotes = [str(n) for n in s.notices if n.key != "binding.other_plan"]
        names = service.target_titles(s, [e.target for e in view.logged])
        # The service decides which days take entries (the CLI refuses the same ones):
        # a day that has not come, or one outside the plan, shows no log buttons.
        refusal = service.entry_refusal(s.plan, day, today)
        targets = service.day_targets(s, view)
        finished = frozenset(service.done_units(s))
        trip = view.plan.info.trip
        # The kind of absence and the plan's words for it, as `today` says them.
        away = service.absence_banner(s.plan, trip, day) if trip is not None else None
        away_icon = absence_icon(trip.kind) if trip is not None else ""
        # Whose effect `moved` is: a trip's ("this trip moves"), or another kind's, by title.
        mover = effect_trip(s, day) if moved else None
        moved_kind = mover.kind if mover is not None else "travel"
        moved_title = "" if moved_kind == "travel" else service.absence_title(s.plan, moved_kind)
        from pacer.web.timerpage import timer_view

        timer = timer_view(s)

        from pacer.service.streaks import habit_streaks, streak_lines

        streaks = streak_lines(habit_streaks(s, day, today, recent=0))
        logged, _ = service.logged_by_target(view)
        empty = [service.empty_block_reason(bp) for bp in view.plan.blocks]
        closed: str | None = None
        if refusal is not None:
            closed = t("web.today.not_yet") if refusal.key == "entry.future" else str(refusal)
        # The review-due notice says "run 'pacer review'" for the terminal; here it links.
        # The week's review due leads the page until it is done (issue 15): out of the list.
        lead = next((n for n in view.notices if n.key == "notice.review_due"), None)
        notices: list[tuple[str, str | None]] = [
            (t("web.notice.review_due", **n.args), "/review")
            if n.key == "notice.review_due"
            # A past week's review is written with the command; the page says only that.
            else (t("web.notice.review_due_week", **n.args), None)
            if n.key == "notice.review_due_week"
            else (str(n), None)
            for n in view.notices
            if n is not lead
        ]
        return {
            "lead": None if lead is None else t("web.notice.review_due", **lead.args),
            "day": shown,
            "streaks": streaks,
            "away": away,
            "away_icon": away_icon,
            "moved": moved,
            "moved_icon": absence_icon(moved_kind),
            "moved_title": moved_title,
            "notices": notices,
            "footnotes": footnotes,
            "logged": logged,
            "entries": view.logged,
            "finished": finished,
            "names": names,
            "around": self._days_around(day, today),
            "closed": closed,
            "targets": targets,
            "empty": [None if e is None else str(e) for e in empty],
            # The running timer; Start buttons only on today's page (a timer runs from now).
            "timer": timer,
            "timing": day == today and refusal is None,
        }

    @staticmethod
    def _days_around(day: date, today: date) -> dict[str, str | None]:
        """Links to the day before, the day after and back to today (None: this is today)."""
        from datetime import timedelta

        def link(d: date) -> str:
            return "/" if d == today else f"/?date={d.isoformat()}"

        return {
            "prev": link(day - timedelta(days=1)),
            "next": link(day + timedelta(days=1)),
            "today": None if day == today else "/",
        }

    def _back(self, day: date, today: date) -> Response:
        suffix = "" if day == today else f"?date={day.isoformat()}"
        return RedirectResponse("/" + suffix, status_code=303)

    def log(self, request: Request) -> Response:
        self.begin(request)
        minutes = service.parse_minutes(self.form(request, "minutes"))
        # The form offers the day's targets to pick; an id typed beside them wins.
        target = self.form(request, "other") or self.form(request, "target")
        if not target:
            raise InputError(Message("web.log.no_target"))
        with self.session(request) as s:
            day = service.parse_day(self.form(request, "date") or None, s.plan)
            service.log_minutes(s, minutes, target, self.form(request, "note"), day)
            today = clock.today(s.plan)
        return self._back(day, today)

    def done(self, request: Request) -> Response:
        self.begin(request)
        raw = self.form(request, "minutes")
        minutes = service.parse_minutes(raw) if raw else 0
        with self.session(request) as s:
            day = service.parse_day(self.form(request, "date") or None, s.plan)
            service.mark_done(
                s, self.form(request, "unit"), day, minutes, self.form(request, "note")
            )
            today = clock.today(s.plan)
        return self._back(day, today)

    def undo(self, request: Request) -> Response:
        self.begin(request)
        with self.session(request) as s:
            undone = service.undo(s)
            today = clock.today(s.plan)
        # Exactly what was undone, on the page it goes back to: any change, not only entries.
        self.say(request, undone.message)
        if self.form(request, "back") == "log":
            return RedirectResponse("/log", status_code=303)
        return self._back(undone.day, today)

    # -- Week and Plan --------------------------------------------------------------------------
    def week(self, request: Request) -> Response:
        self.begin(request)
        with self.session(request) as s:
            day = service.parse_day(request.query_params.get("date"), s.plan)
            days = [service.day_json(s, v) for v in service.week(s, day)]
            today = clock.today(s.plan)
        rows = [(d, *service.day_minutes(d)) for d in days]
        return self.render(
            request,
            "week.html",
            week=service.iso_week(day),
            rows=rows,
            today=today.isoformat(),
        )

    async def plan(self, request: Request) -> Response:
        lang = request.state.lang
        request.state.lane = self.reader

        def gather() -> tuple[Any, ...]:
            set_lang(lang)
            with self.session(request) as s:
                plan = s.plan
                today = clock.today(s.plan)
                line = service.timeline(s, today)
                filters = {
                    (tpl.id, b.id): service.block_filters(plan, b)
                    for tpl in plan.day_templates
                    for b in tpl.blocks
                }
                key = ("gantt", s.compiled.digest, s.data_version(), lang, today.isoformat())
                gantt = None if self.charts.charts(key) is not None else service.gantt_of(s, today)
            return plan, line, filters, key, gantt

        plan, line, filters, key, gantt = await self.reader.run(gather)
        charts = await self._charts(key, gantt, _draw_gantt)
        titles = {tr.id: tr.title for tr in plan.tracks}
        return self.render(
            request,
            "plan.html",
            plan=plan,
            line=line,
            filters=filters,
            titles=titles,
            weekdays=WEEKDAYS,
            state_text=service.state_text,
            charts=charts or [],
            drawing=charts is None,
        )

    # -- Progress -------------------------------------------------------------------------------
    async def progress(self, request: Request) -> Response:
        lang = request.state.lang
        request.state.lane = self.reader

        def gather() -> tuple[ChartKey, Any, date]:
            set_lang(lang)
            with self.session(request) as s:
                today = clock.today(s.plan)
                key = ("month", s.compiled.digest, s.data_version(), lang, today.isoformat())
                if self.charts.charts(key) is not None:
                    return key, None, today
                return key, service.month_chart_data(s, today), today

        key, data, today = await self.reader.run(gather)
        charts = await self._charts(key, data, _draw_month)
        return self.render(
            request, "progress.html", charts=charts or [], drawing=charts is None, month=today
        )

    async def _charts(
        self, key: ChartKey, data: Any, drawer: Callable[[Any, Path], dict[str, list[Path]]]
    ) -> list[tuple[str, str]] | None:
        """The charts drawn for `key` (None while they are drawn): `data` None means the
        cache had them when the page looked."""
        if data is None:
            return self.charts.charts(key)
        return await self.charts.draw(key, data, drawer)

    def chart(self, request: Request) -> Response:
        # The name only picks one of the files this server drew; it is never a path.
        path = self.charts.file(str(request.path_params["name"]))
        if path is None or not path.is_file():
            return Response("no such chart", status_code=404)
        # Opened on its own (a tap on the chart), the SVG styles its shapes inline; it has
        # no script, and may run none.
        return FileResponse(
            path, media_type="image/svg+xml", headers={"content-security-policy": CHART_CSP}
        )

    # -- Review -----------------------------------------------------------------------------------
    def review(
        self,
        request: Request,
        missing: tuple[Message, ...] = (),
        typed: dict[str, str] | None = None,
        wrong: tuple[Message, ...] = (),
    ) -> Response:
        """The week's facts and its form: the prompts (pre-filled where pacer knows them) and
        a decision for each milestone that slipped, with its catch-up options. After a refused
        save, what was given wrong (`wrong`: a decision that cannot be recorded, an answer
        that is not a metric's value), what was missing (`missing`) and what was typed
        (`typed`)."""
        from pacer.service.reviewdecide import describe_choice, review_needs, slip_options

        self.begin(request)
        with self.session(request) as s:
            today = clock.today(s.plan)
            week = service.review_due_week(s, today)
            facts = service.review_facts(s, week, today)
            existing = service.find_review(s, week)
            reviews, streak = service.list_reviews(s, today)
            saved = [(r.week, service.answer_rows(s.plan, r)) for r in reversed(reviews)]
            prompts = s.plan.review.prompts
            needs = review_needs(s, week, facts, today, existing)
            slips = [
                (
                    slip,
                    [
                        (n, describe_choice(o.choice))
                        for n, o in enumerate(slip_options(s, today, slip.milestone), 1)
                    ],
                )
                for slip in needs.undecided()
            ]
        answers = dict(needs.prefill) | (dict(existing.answers) if existing is not None else {})
        return self.render(
            request,
            "review.html",
            status=400 if missing or wrong else 200,
            week=week,
            facts=facts,
            prompts=prompts,
            answers=answers | {k[7:]: v for k, v in (typed or {}).items() if k[:7] == "answer-"},
            typed=typed or {},
            slips=slips,
            missing=[str(m) for m in missing],
            wrong=[str(m) for m in wrong],
            saved=saved,
            streak=streak,
        )

    def save_review(self, request: Request) -> Response:
        from pacer.record import replace
        from pacer.service.reviewdecide import (
            ReviewIncomplete,
            decide_review,
            parse_decision_text,
            review_needs,
        )

        self.begin(request)
        with self.session(request) as s:
            today = clock.today(s.plan)
            week = service.review_due_week(s, today)
            service.check_week(s, week, today)
            given = {p.id: self.form(request, "answer-" + p.id) for p in s.plan.review.prompts}
            facts = service.review_facts(s, week, today)
            existing = service.find_review(s, week)
            needs = review_needs(s, week, facts, today, existing)
            decisions = {}
            for slip in needs.undecided():
                mid = slip.milestone
                chosen = self.form(request, "decide-" + mid)
                reason = self.form(request, "reason-" + mid)
                if chosen == "move":
                    chosen = f"move {self.form(request, 'due-' + mid)} {reason}"
                decision = parse_decision_text(mid, chosen) if chosen else None
                if decision is not None:  # none chosen: listed as missing
                    decisions[mid] = replace(decision, reason=decision.reason or reason)
            try:
                decide_review(
                    s, needs, given, decisions, facts, today, edit=existing is not None, hint=""
                )
            except ReviewIncomplete as exc:
                typed = {k: v for k, v in request.state.form.items() if isinstance(v, str)}
                refused = (exc.problems, exc.items)
            else:
                return RedirectResponse("/review", status_code=303)
        return self.review(request, refused[1], typed, wrong=refused[0])

    # -- Trips ------------------------------------------------------------------------------------
    def trips(self, request: Request, **extra: Any) -> Response:
        self.begin(request)
        with self.session(request) as s:
            trips = service.list_trips(s)
            # The plan's kinds of absence, as `trip add --kind` takes them, by their titles.
            kinds = {k: service.absence_title(s.plan, k) for k in s.plan.absence_kinds()}
            # A plan that declares kinds other than travel has absences, not only trips.
            absences = any(a.kind != "travel" for a in s.plan.absences) or any(
                tr.kind != "travel" for tr in trips
            )
        return self.render(
            request, "trips.html", trips=trips, kinds=kinds, absences=absences, **extra
        )

    def _trip_form(self, request: Request, plan: Plan) -> tuple[date, date, str, str]:
        start = service.parse_day(self.form(request, "start"), plan)
        end = service.parse_day(self.form(request, "end"), plan)
        kind = service.check_kind(plan, self.form(request, "kind") or "travel")
        return start, end, self.form(request, "note"), kind

    def preview_trip(self, request: Request) -> Response:
        self.begin(request)
        with self.session(request) as s:
            start, end, note, kind = self._trip_form(request, s.plan)
            moved = service.preview_trip(s, start, end, note, clock.today(s.plan), kind)
        preview = {"start": start, "end": end, "note": note, "kind": kind, "moved": moved}
        return self.trips(request, preview=preview)

    def add_trip(self, request: Request) -> Response:
        self.begin(request)
        with self.session(request) as s:
            start, end, note, kind = self._trip_form(request, s.plan)
            service.add_trip(s, start, end, note, kind)
        return RedirectResponse("/trips", status_code=303)

    def remove_trip(self, request: Request) -> Response:
        self.begin(request)
        from pacer.bounds import parse_id

        try:
            trip_id = parse_id(self.form(request, "id"), "trip.bad_id")
        except PacerError:
            return self.error(request, t("web.bad_trip_id"), 400)
        with self.session(request) as s:
            service.remove_trip(s, trip_id)
        return RedirectResponse("/trips", status_code=303)

    # -- the calendar feed --------------------------------------------------------------------
    def calendar(self, request: Request) -> Response:
        from pacer.service.ics import DEFAULT_DAYS

        set_lang(request.state.lang)
        with self.session(request) as s:
            # `?alarms=0`: a calendar app that rings on its own gets no second reminder.
            alarms = request.query_params.get("alarms", "1") not in ("0", "no", "false", "off")
            export = service.export_ics(s, DEFAULT_DAYS * 2, alarms)
        return Response(export.data, media_type="text/calendar; charset=utf-8")


def _draw_month(data: Any, folder: Path) -> dict[str, list[Path]]:
    """The Progress page's charts (looked up when called: tests count the drawings)."""
    return service.draw_month_charts(data, folder)


def _draw_gantt(data: Any, folder: Path) -> dict[str, list[Path]]:
    from pacer.report.charts import look
    from pacer.report.gantt_chart import gantt_files

    return {"gantt": gantt_files(data, folder, "plan-gantt", look())}


def create_app(
    guard: Guard,
    db_path: Path | None = None,
    plan_path: Path | None = None,
    cache: Path | None = None,
    chart_wait: float = CHART_WAIT_SECONDS,
) -> Starlette:
    from pacer.web.logpage import LogPage
    from pacer.web.timerpage import TimerActions

    d = Dashboard(guard, db_path, plan_path, cache, chart_wait)
    lp = LogPage(d)
    timer = TimerActions(d)
    get, post = ["GET"], ["POST"]
    routes = [
        Route("/login", d.page(d.login_page, open_=True), methods=get),
        Route("/login", d.page(d.login, open_=True), methods=post),
        Route("/logout", d.page(d.logout, open_=True), methods=post),
        Route("/", d.page(d.today), methods=get),
        Route("/log", d.page(d.log), methods=post),
        Route("/done", d.page(d.done), methods=post),
        Route("/undo", d.page(d.undo), methods=post),
        Route("/timer/start", d.page(timer.start), methods=post),
        Route("/timer/stop", d.page(timer.stop), methods=post),
        Route("/log", d.page(lp.page), methods=get),
        Route("/log/edit", d.page(lp.edit_entry), methods=post),
        Route("/log/remove", d.page(lp.remove_entry), methods=post),
        Route("/log/value/edit", d.page(lp.edit_value), methods=post),
        Route("/log/value/remove", d.page(lp.remove_value), methods=post),
        Route("/log/note/edit", d.page(lp.edit_note), methods=post),
        Route("/log/note/remove", d.page(lp.remove_note), methods=post),
        Route("/week", d.page(d.week), methods=get),
        Route("/plan", d.page(d.plan), methods=get),
        Route("/progress", d.page(d.progress), methods=get),
        Route("/charts/{name}.svg", d.page(d.chart), methods=get),
        Route("/review", d.page(d.review), methods=get),
        Route("/review", d.page(d.save_review), methods=post),
        Route("/trips", d.page(d.trips), methods=get),
        Route("/trips/preview", d.page(d.preview_trip), methods=post),
        Route("/trips/add", d.page(d.add_trip), methods=post),
        Route("/trips/remove", d.page(d.remove_trip), methods=post),
        Route("/calendar.ics", d.page(d.calendar, feed=True), methods=get),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]

    # A Host header outside the allow-list (DNS rebinding) is refused with 400 everywhere.
    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        d.close()  # each lane closes its connection in its own thread

    app = PacerApp(
        routes=routes, middleware=[Middleware(HostCheck, guard=guard)], lifespan=lifespan
    )
    app.state.dashboard = d
    return app
