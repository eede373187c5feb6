"""Random dates, numbers and strings into every command and every web route (hypothesis):
never a traceback, never "internal error" (exit 70) or a 500; bad input is exit 2 / a 4xx.

The commands run in-process through `pacer.cli.main` (a subprocess per example would cost
seconds); tests/cli/test_inputs.py runs the main paths through the real `pacer` command.
Each runs on the built-in plan and on the Berlin fixture, with a bounded number of examples.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from pacer import bounds, clock
from pacer.cli import EXIT_INTERNAL, main
from pacer.service import Session
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.conftest import OTHER_PLAN

NOW = "2026-03-09T12:00:00+08:00"
CLI_EXAMPLES = 150
WEB_EXAMPLES = 80
FUZZ = settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays predictable
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Ids:
    """Ids the plan in use really has, so that a command gets past its id to the input."""

    plan: Path | None
    unit: str
    habit: str
    metric: str
    milestone: str
    start: date
    end: date


@pytest.fixture(scope="module", params=["builtin", "other"])
def world(request: pytest.FixtureRequest) -> Iterator[Ids]:
    """A data directory of its own, a fixed clock and time zone, and the plan's ids."""
    saved = {k: os.environ.get(k) for k in ("PACER_HOME", "PACER_NOW", "PACER_TZ")}
    with tempfile.TemporaryDirectory() as home:
        os.environ.update({"PACER_HOME": home, "PACER_NOW": NOW, "PACER_TZ": "Asia/Shanghai"})
        plan_path = None if request.param == "builtin" else OTHER_PLAN
        with Session(plan_path) as s:
            plan = s.plan
            ids = Ids(
                plan_path,
                plan.units()[0].id,
                sorted(plan.habit_tracks())[0],
                plan.metrics[0].id if plan.metrics else "none",
                plan.milestones[0].id if plan.milestones else "none",
                plan.start,
                plan.end,
            )
        yield ids
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


# -- what is typed -------------------------------------------------------------------------
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=24,
)
_HUGE = st.integers(min_value=19, max_value=6000).map(lambda n: "9" * n)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    _HUGE,
    st.sampled_from(["nan", "inf", "-inf", "1e308", "1e309", "0", "-0", "1h", "1.5h", "90m"]),
    _TEXT,
)
FAR_DATES = st.one_of(
    st.dates(max_value=date(1999, 12, 31)),
    st.dates(min_value=date(2031, 1, 1)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]),
).map(date.isoformat)
MALFORMED_DATES = st.one_of(
    st.sampled_from(["2026-02-30", "2026-13-01", "26-03-10", "0000-01-01", "9999-99-99", ""]),
    _TEXT.filter(lambda s: not _is_date(s)),
    _HUGE,
)
NEAR_DATES = st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
DATES = st.one_of(FAR_DATES, MALFORMED_DATES, NEAR_DATES, st.sampled_from(["today", "明天"]))
VALUES = st.one_of(DATES, NUMBERS)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return text.strip().lower() in ("today", "yesterday", "tomorrow", "今天", "昨天", "明天")
    return True


def bad_date(ids: Ids, text: str) -> bool:
    """Whether `text` must be refused as a date on this plan."""
    if not _is_date(text):
        return True
    if text.strip().lower() in ("today", "yesterday", "tomorrow", "今天", "昨天", "明天"):
        return False
    first, last = bounds.reach(ids.start, ids.end)
    return not first <= date.fromisoformat(text.strip()) <= last


# -- the commands ----------------------------------------------------------------------------
def commands(ids: Ids, v: str) -> list[tuple[str, ...]]:
    """Every command, with `v` in the place of one input. Slow work is kept small
    (`forecast --runs 20`); `serve` only gets as far as --new-token."""
    return [
        ("today", "--date", v),
        ("today", "--json", "--date", v),
        ("week", "--date", v),
        ("log", v, ids.habit),
        ("log", "5", ids.habit, "--date", v),
        ("log", "5", v),
        ("done", ids.unit, "--date", v),
        ("done", ids.unit, "-m", v),
        ("trip", "add", v, "2026-04-02"),
        ("trip", "add", "2026-04-01", v),
        ("trip", "rm", v),
        ("trip", "list"),
        ("plan", "show"),
        ("plan", "timeline", "--date", v),
        ("status", "--date", v),
        ("status", "--json", "--date", v),
        ("catchup", "--date", v),
        ("catchup", "--drop", v),
        ("catchup", "--apply", v, "--reason", "r"),
        ("milestone", "list", "--date", v),
        ("milestone", "show", v),
        ("milestone", "show", ids.milestone, "--date", v),
        ("milestone", "check", ids.milestone, v, "--evidence", "e"),
        ("metric", "add", ids.metric, v),
        ("metric", "add", ids.metric, "5", "--date", v),
        ("metric", "list", "--date", v),
        ("metric", "show", ids.metric, "--date", v),
        ("note", "text", "--for", v),
        ("forecast", "--runs", "20", "--date", v),
        ("forecast", "--runs", v, "--date", "1999-01-01"),
        ("forecast", "--seed", v, "--date", "1999-01-01"),
        ("review", "--week", v, "--show"),
        ("review", "--list"),
        ("report", "week", "--date", v),
        ("export", "ics", "--days", v),
        ("export", "json"),
        ("serve", "--port", v, "--new-token"),
        ("doctor",),
        ("undo",),
    ]


# Commands whose `v` is a date read before anything else can refuse: a bad one is exit 2.
_DATE_FIRST = re.compile(r"^(today|week|status|plan timeline|metric list|milestone list)\b")


def run(ids: Ids, args: tuple[str, ...]) -> tuple[int, str]:
    plan = ("--plan", str(ids.plan)) if ids.plan is not None else ()
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # has .buffer, like sys.stdout
    err = io.StringIO()
    clock.set_now(None)
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([*plan, *args])
        except SystemExit as exc:  # argparse's own refusals
            code = int(exc.code or 0)
    return code, err.getvalue()


def check(code: int, err: str, args: tuple[str, ...]) -> None:
    assert code != EXIT_INTERNAL, (args, err)
    assert "internal error" not in err and "Traceback" not in err, (args, err)
    # 3: `done` on a unit already done (docs/inputs.md), nothing written.
    assert code in (0, 1, 2) or (code == 3 and args[0] == "done"), (args, code, err)
    assert all(len(line) < 400 for line in err.splitlines()), (args, err)  # no 5000 digits


@FUZZ
@given(data=st.data(), value=VALUES)
def test_every_command_takes_any_input(world: Ids, data: st.DataObject, value: str) -> None:
    choices = commands(world, value)
    args = choices[data.draw(st.integers(0, len(choices) - 1), label="command")]
    code, err = run(world, args)
    check(code, err, args)
    joined = " ".join(args[:2])
    if (
        args[-2:] == ("--date", value)
        and _DATE_FIRST.match(joined)
        and bad_date(world, value)
        and not value.startswith("-")
    ):
        assert code == 2, (args, err)


@FUZZ
@given(value=st.one_of(FAR_DATES, MALFORMED_DATES.filter(lambda s: not s.startswith("-"))))
def test_a_bad_date_is_exit_2_everywhere(world: Ids, value: str) -> None:
    for args in (("today", "--date", value), ("status", "--date", value)):
        code, err = run(world, args)
        check(code, err, args)
        assert code == 2, (args, err)


@FUZZ
@given(value=st.one_of(_HUGE, st.integers(max_value=0).map(str), st.sampled_from(["nan", "x"])))
def test_a_bad_number_is_exit_2(world: Ids, value: str) -> None:
    for args in (
        ("log", value, world.habit),
        ("trip", "rm", value),
        ("export", "ics", "--days", value),
        ("serve", "--port", value, "--new-token"),
    ):
        code, err = run(world, args)
        check(code, err, args)
        assert code == 2, (args, err)


# -- the web -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def web(world: Ids) -> Iterator[TestClient]:
    home = Path(os.environ["PACER_HOME"])
    guard = Guard("127.0.0.1", load_secret(home), "t" * 32, ())
    app = create_app(guard, plan_path=world.plan)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        yield client


def _csrf(client: TestClient) -> str:
    page = client.get("/trips")
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


WEB_FUZZ = settings(FUZZ, max_examples=WEB_EXAMPLES)


@WEB_FUZZ
@given(data=st.data(), value=VALUES)
def test_every_route_takes_any_input(
    world: Ids, web: TestClient, data: st.DataObject, value: str
) -> None:
    clock.set_now(None)
    token = _csrf(web)
    origin = {"origin": "http://127.0.0.1:8765"}
    gets = ["/", "/week", "/plan", "/review", "/trips"]
    posts: list[tuple[str, dict[str, str]]] = [
        ("/log", {"target": world.habit, "minutes": value}),
        ("/log", {"target": world.habit, "minutes": "5", "date": value}),
        ("/log", {"target": value, "minutes": "5"}),
        ("/done", {"unit": world.unit, "date": value}),
        ("/done", {"unit": world.unit, "minutes": value}),
        ("/trips/preview", {"start": value, "end": "2026-04-02"}),
        ("/trips/add", {"start": "2026-04-01", "end": value}),
        ("/trips/remove", {"id": value}),
        ("/review", {"answer-x": value}),
    ]
    pick = data.draw(st.integers(0, len(gets) + len(posts) - 1), label="route")
    if pick < len(gets):
        path = gets[pick]
        response = web.get(path, params={"date": value})
        assert response.status_code < 500, (path, value, response.text[:300])
        if path in ("/", "/week") and bad_date(world, value):
            assert response.status_code == 400, (path, value)
        return
    path, form = posts[pick - len(gets)]
    response = web.post(path, data={"csrf": token, **form}, headers=origin, follow_redirects=False)
    assert response.status_code < 500, (path, form, response.text[:300])
    if form.get("date") == value and bad_date(world, value) and value.strip():
        assert response.status_code == 400, (path, form)
