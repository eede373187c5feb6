"""The timer through the real `pacer` command: `pacer start` in one process, `pacer stop` in
another (the clock moved between them with PACER_NOW), on the built-in plan and on Berlin's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, day_lines

Pacer = Callable[..., Run]

# Per plan: its arguments, the person's zone, a habit, a unit.
PLANS = {
    "builtin": ((), "Asia/Shanghai", "+08:00", "english", "m1801-ode-1"),
    "berlin": (None, "Europe/Berlin", "+01:00", "piano", "abx-basics"),
}
TITLES = {"m1801-ode-1": "初等微分方程（重点）：可分离变量方程", "abx-basics": "Antibiotic classes"}


@pytest.fixture(params=sorted(PLANS))
def plan(request: pytest.FixtureRequest, other_plan: Path) -> tuple[tuple[str, ...], ...]:
    args, zone, offset, habit, unit = PLANS[request.param]
    given = ("--plan", str(other_plan)) if args is None else args
    return given, (zone, offset, habit, unit)


def at(pacer: Pacer, plan: tuple, when: str, *args: str, lang: str = "en") -> Run:
    """`pacer ARGS` at `when` ("2026-03-09T21:00:00") on the plan's person's wall clock."""
    given, (zone, offset, _, _) = plan
    env = {"PACER_NOW": when + offset, "PACER_TZ": zone}
    return pacer(*args, *given, lang=lang, env=env)


def ok(run: Run) -> Run:
    assert run.code == 0, run.err
    return run


def entries(pacer: Pacer, plan: tuple) -> list[tuple[str, str, int, str]]:
    rows = ok(at(pacer, plan, "2026-03-12T12:00:00", "log", "list", "--json")).json()["entries"]
    return [(e["date"], e["target"], e["minutes"], e["note"]) for e in rows]


def test_started_in_one_process_stopped_in_another_is_logged(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    started = ok(at(pacer, plan, "2026-03-09T21:00:00", "start", habit, "-m", "warm-up"))
    assert started.out == (
        f"timer started for {habit} at 21:00 (counts for 2026-03-09); stop it with: pacer stop\n"
    )
    assert entries(pacer, plan) == []
    # 25 min 31 s: the nearest minute is 26, and the span it shows is as long.
    stopped = ok(at(pacer, plan, "2026-03-09T21:25:31", "stop", "-m", "scales"))
    assert stopped.out == f"logged 26 min for {habit} on 2026-03-09 (timer 21:00–21:26)\n"
    assert entries(pacer, plan) == [("2026-03-09", habit, 26, "warm-up; scales")]
    # Stopped is stopped: a second stop says there is none, and logs nothing.
    again = at(pacer, plan, "2026-03-09T21:30:00", "stop")
    assert (again.code, again.out) == (1, "")
    assert again.err.endswith(
        "pacer: no timer is running; start one with `pacer start` and a unit id, a habit's"
        " track id or review\n"
    )
    # The entry is an entry like `pacer log`'s: undo takes it back.
    ok(at(pacer, plan, "2026-03-09T21:31:00", "undo"))
    assert entries(pacer, plan) == []


def test_the_running_timer_on_today(pacer: Pacer, plan: tuple) -> None:
    _, (_, offset, _, unit) = plan
    ok(at(pacer, plan, "2026-03-09T20:00:00", "start", unit))
    shown = ok(at(pacer, plan, "2026-03-09T20:42:10", "today", "--json")).json()["timer"]
    titles = TITLES
    utc_hour = {"+08:00": "12", "+01:00": "19"}[offset]
    assert shown == {
        "target": unit,
        "kind": "unit",
        "title": titles[unit],
        "day": "2026-03-09",
        "started_at": f"2026-03-09T{utc_hour}:00:00+00:00",
        "started": f"2026-03-09T20:00:00{offset}",
        "elapsed_seconds": 42 * 60 + 10,
        "minutes": 42,
        "confirm": None,
        "note": "",
    }
    # The timer's line comes first under the heading (after the review's, while one is due).
    text = day_lines(ok(at(pacer, plan, "2026-03-09T20:42:10", "today")).out)
    assert text[1] == f"  ⏱ timer: {titles[unit]} [{unit}] since 20:00, 42 min (stop: pacer stop)"
    zh = day_lines(ok(at(pacer, plan, "2026-03-09T20:42:10", "today", lang="zh")).out)
    assert zh[1] == f"  ⏱ 计时中：{titles[unit]} [{unit}]，20:00 起，已 42 分钟（结束：pacer stop）"
    ok(at(pacer, plan, "2026-03-09T20:50:00", "stop"))
    assert ok(at(pacer, plan, "2026-03-09T20:50:00", "today", "--json")).json()["timer"] is None
    assert "⏱" not in ok(at(pacer, plan, "2026-03-09T20:50:00", "today")).out


def test_a_second_start_is_refused_and_switch_logs_and_starts(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, unit) = plan
    ok(at(pacer, plan, "2026-03-09T19:00:00", "start", habit))
    refused = at(pacer, plan, "2026-03-09T19:20:00", "start", unit)
    assert (refused.code, refused.out) == (1, "")
    assert refused.err.splitlines()[-1] == (
        f"pacer: a timer for {habit} is running since 19:00 (20 min); stop it with `pacer stop`,"
        f" or log it and start this one with `pacer start --switch {unit}`"
    )
    zh = at(pacer, plan, "2026-03-09T19:20:00", "start", unit, lang="zh")
    assert zh.err.splitlines()[-1] == (
        f"pacer: {habit} 的计时从 19:00 起正在运行（20 分钟）；请先用 `pacer stop` 结束，"
        f"或用 `pacer start --switch {unit}` 记下它并开始这一个"
    )
    switched = ok(at(pacer, plan, "2026-03-09T19:20:00", "start", "--switch", unit))
    assert switched.out.splitlines() == [
        f"logged 20 min for {habit} on 2026-03-09 (timer 19:00–19:20)",
        f"timer started for {unit} at 19:20 (counts for 2026-03-09)",
    ]
    ok(at(pacer, plan, "2026-03-09T20:05:00", "stop"))
    assert entries(pacer, plan) == [
        ("2026-03-09", habit, 20, ""),
        ("2026-03-09", unit, 45, ""),
    ]


def test_under_a_minute_logs_nothing_and_says_so(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    ok(at(pacer, plan, "2026-03-09T21:00:00", "start", habit))
    stopped = ok(at(pacer, plan, "2026-03-09T21:00:59", "stop"))
    assert stopped.out == f"the timer for {habit} ran 59 seconds, under a minute: nothing logged\n"
    assert entries(pacer, plan) == []
    ok(at(pacer, plan, "2026-03-09T21:00:00", "start", habit))
    zh = ok(at(pacer, plan, "2026-03-09T21:00:01", "stop", lang="zh"))
    assert zh.out == f"{habit} 的计时只有 1 秒，不足 1 分钟：未记录\n"


def test_past_four_hours_asks_for_the_minutes(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    ok(at(pacer, plan, "2026-03-09T18:00:00", "start", habit))
    long = at(pacer, plan, "2026-03-09T22:01:00", "stop")
    assert (long.code, long.out) == (1, "")
    assert long.err.splitlines()[-1] == (
        f"pacer: the timer for {habit} started 18:00 and shows 241 min: longer than 4 hours;"
        " nothing logged. Say how many minutes you studied: pacer stop --minutes M"
        " (or pacer stop --discard)"
    )
    today = day_lines(ok(at(pacer, plan, "2026-03-09T22:01:00", "today")).out)
    assert today[1].endswith(": longer than 4 hours; stop with pacer stop --minutes M")
    assert entries(pacer, plan) == []
    confirmed = ok(at(pacer, plan, "2026-03-09T22:01:00", "stop", "--minutes", "1h30"))
    assert confirmed.out == f"logged 90 min for {habit} on 2026-03-09 (timer 18:00–22:01)\n"
    assert entries(pacer, plan) == [("2026-03-09", habit, 90, "")]


def test_a_timer_into_the_next_day_counts_for_its_first(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    ok(at(pacer, plan, "2026-03-09T23:40:00", "start", habit))
    crossed = at(pacer, plan, "2026-03-10T00:10:00", "stop", lang="zh")
    assert crossed.code == 1
    assert crossed.err.splitlines()[-1] == (
        f"pacer: {habit} 的计时从 2026-03-09 23:40 开始，已计 30 分钟：已跨入下一个学习日"
        "（2026-03-10）；未记录。请说明实际学了多少分钟：pacer stop --minutes 分钟数"
        "（或 pacer stop --discard）"
    )
    # --switch does not log it either: the minutes are asked for first.
    switch = at(pacer, plan, "2026-03-10T00:10:00", "start", "--switch", habit)
    assert switch.code == 1 and "then start again" in switch.err
    stopped = ok(at(pacer, plan, "2026-03-10T00:10:00", "stop", "--minutes", "30"))
    assert stopped.out.startswith(f"logged 30 min for {habit} on 2026-03-09 ")
    assert entries(pacer, plan) == [("2026-03-09", habit, 30, "")]


def test_discard_ends_the_timer_logging_nothing(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    ok(at(pacer, plan, "2026-03-08T20:00:00", "start", habit))
    gone = ok(at(pacer, plan, "2026-03-09T09:00:00", "stop", "--discard"))
    assert gone.out == f"the timer for {habit} (since 2026-03-08 20:00) is ended; nothing logged\n"
    assert entries(pacer, plan) == []
    assert at(pacer, plan, "2026-03-09T09:00:00", "stop").code == 1


def test_bad_starts_are_one_line_and_start_nothing(pacer: Pacer, plan: tuple) -> None:
    _, (_, _, habit, _) = plan
    unknown = at(pacer, plan, "2026-03-09T21:00:00", "start", "no-such-unit")
    assert unknown.code == 1 and unknown.err.splitlines()[-1].startswith(
        "pacer: unknown target 'no-such-unit'"
    )
    twice = at(pacer, plan, "2026-03-09T21:00:00", "start", habit, "--switch", habit)
    assert (twice.code, twice.err) == (
        2,
        "pacer: name the target once: `pacer start TARGET`, or `pacer start --switch TARGET`\n",
    )
    none = at(pacer, plan, "2026-03-09T21:00:00", "start")
    assert none.code == 2 and "name what to time" in none.err
    assert at(pacer, plan, "2026-03-09T21:00:00", "stop").code == 1  # nothing was started
