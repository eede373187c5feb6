"""Bad input on the command line, end to end: one line naming what was wrong, exit 2
(EX_USAGE), never an internal error; on the built-in plan and on a non-Chinese plan."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run

Pacer = Callable[..., Run]
HUGE = "9" * 5000  # int() of this raises ValueError in Python 3.11: it must never get there


@pytest.fixture(params=["builtin", "other"])
def plan_args(request: pytest.FixtureRequest, other_plan: Path) -> tuple[str, ...]:
    """The options that pick the plan: none (the built-in plan) or --plan the Berlin one."""
    return () if request.param == "builtin" else ("--plan", str(other_plan))


def one_line(run: Run) -> str:
    """The run's only error line (the built-in plan's first-steps notice aside)."""
    lines = [ln for ln in run.err.splitlines() if "built-in 2026 plan" not in ln]
    assert len(lines) == 1, run.err
    assert "internal error" not in lines[0] and "Traceback" not in run.err, run.err
    return lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("today", "--date", "0001-01-01"), "0001-01-01 is outside the dates this plan covers"),
        (("status", "--date", "9999-12-31"), "9999-12-31 is outside the dates this plan covers"),
        (("week", "--date", "9999-12-25"), "9999-12-25 is outside the dates this plan covers"),
        (("plan", "timeline", "--date", "0001-01-01"), "0001-01-01 is outside"),
        (("forecast", "--date", "2100-01-01"), "2100-01-01 is outside"),
        (("log", "30", "x", "--date", "1999-01-01"), "1999-01-01 is outside"),
        (("milestone", "list", "--date", "9999-12-31"), "9999-12-31 is outside"),
        (("metric", "list", "--date", "9999-12-31"), "9999-12-31 is outside"),
        (("report", "week", "--date", "9999-12-31"), "9999-12-31 is outside"),
        (("trip", "add", "2026-04-01", "9999-12-31"), "9999-12-31 is outside"),
        (("catchup", "--date", "9999-12-31"), "9999-12-31 is outside"),
        (("review", "--week", "9999-W10"), "week 9999-W10 is outside"),
        (("review", "--week", "9999-12-31", "--show"), "week 9999-W52 is outside"),
        (("review", "--week", "9999-W52"), "week 9999-W52 is outside"),
        (("today", "--date", "2026-02-30"), "'2026-02-30' is not a date"),
        (("trip", "rm", "99999999999999999999999"), "is not a trip id"),
        (("trip", "rm", HUGE), "'" + "9" * 39 + "…' is not a trip id"),
        (("catchup", "--drop", HUGE), "is not a choice id"),
        (("catchup", "--apply", HUGE), "--apply takes a whole number"),
        (("log", HUGE, "x"), "is outside 1 minute to 24 hours"),
        (("log", HUGE + "h", "x"), "is outside 1 minute to 24 hours"),
        (("log", HUGE + ".5h", "x"), "is outside 1 minute to 24 hours"),
        (("export", "ics", "--days", HUGE), "--days takes a number of days from 1 to 366"),
        (("forecast", "--seed", HUGE), "--seed takes a whole number"),
        (("serve", "--port", "70000"), "--port takes a whole number from 1 to 65535"),
        (("serve", "--port", "0"), "--port takes a whole number from 1 to 65535"),
        (("log", "١٢", "x"), "'١٢' is not a duration"),  # digits, but not ASCII ones
        (("trip", "rm", "１２"), "'１２' is not a trip id"),
        (("export", "ics", "--days", "٣"), "--days takes a number of days"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    pacer: Pacer, plan_args: tuple[str, ...], args: tuple[str, ...], message: str
) -> None:
    run = pacer(*plan_args, *args)
    assert run.code == 2, run.err
    assert message in one_line(run)
    assert run.out == ""


def test_free_text_is_bounded(pacer: Pacer, plan_args: tuple[str, ...]) -> None:
    habit = "piano" if plan_args else "english"
    run = pacer(*plan_args, "log", "10", habit, "-m", "n" * 5000)
    assert run.code == 2
    assert one_line(run) == "pacer: the note is 5000 characters long; keep it to 4000"
    trip = pacer(*plan_args, "trip", "add", "2026-04-06", "2026-04-10", "--note", "t" * 4001)
    assert trip.code == 2
    assert pacer(*plan_args, "today", "--json").json()["logged"] == []
    assert pacer(*plan_args, "trip", "list", "--json").json() == {"trips": []}
    assert pacer(*plan_args, "log", "10", habit, "-m", "n" * 4000).code == 0


def test_a_huge_metric_value_is_not_a_number(pacer: Pacer) -> None:
    for value in ("nan", "inf", "1e300", HUGE):
        run = pacer("metric", "add", "listening", value)
        assert run.code == 2, run.err
        assert "is not a number" in one_line(run)
    assert pacer("metric", "show", "listening", "--json").json()["values"] == []


def test_a_date_in_the_plans_reach_still_works(pacer: Pacer, other_plan: Path) -> None:
    """Three years either side of the span are fine (a look back at last year's log)."""
    assert pacer("today", "--date", "2024-01-01").code == 0
    assert pacer("--plan", str(other_plan), "status", "--date", "2029-08-30").code == 0


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"PACER_TZ": "Europe/Berln"},
            "unknown time zone 'Europe/Berln' in PACER_TZ; did you mean 'Europe/Berlin'?",
        ),
        (
            {"PACER_TZ": "asia/shanghai"},
            "unknown time zone 'asia/shanghai' in PACER_TZ; did you mean 'Asia/Shanghai'?",
        ),
        ({"PACER_TZ": "../../etc/passwd"}, "unknown time zone '../../etc/passwd' in PACER_TZ"),
        ({"PACER_NOW": "yesterday-ish"}, "PACER_NOW='yesterday-ish' is not a moment"),
        ({"PACER_NOW": "9999-12-31T00:00:00+00:00"}, "is outside 1970-01-01 to 2200-12-31"),
        ({"PACER_NOW": "0001-01-01"}, "is outside 1970-01-01 to 2200-12-31"),
        ({"PACER_NOW": "2100-01-01T08:00:00+08:00"}, "2100-01-01 is outside the dates"),
    ],
)
def test_a_broken_environment_is_one_line(
    pacer: Pacer, plan_args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    run = pacer(*plan_args, "today", env=env)
    assert run.code == 2, run.err
    assert message in one_line(run)


def test_serve_refuses_a_broken_environment_before_listening(pacer: Pacer) -> None:
    run = pacer("serve", "--port", "1", env={"PACER_TZ": "Europe/Berln"})
    assert run.code == 2
    assert "did you mean 'Europe/Berlin'?" in one_line(run)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_plan_on_a_fifo_device_or_folder_is_refused(
    pacer: Pacer, fifo: Path, tmp_path: Path
) -> None:
    """Checked with stat before opening: reading a FIFO would block forever."""
    for path, kind in (
        (fifo, "a named pipe (FIFO)"),
        ("/dev/zero", "a device"),
        (tmp_path, "a folder"),
    ):
        run = pacer("--plan", str(path), "today")
        assert run.code == 2, run.err
        assert (
            one_line(run)
            == f"pacer: --plan {path} is {kind}, not a regular file; give the path of a file"
        )


def test_plan_use_and_plan_check_name_the_command_typed_once(pacer: Pacer, fifo: Path) -> None:
    """The path was given to a command, not to --plan; the line says which, once."""
    for command, lang, kind in (
        (("plan", "use"), "en", "is a named pipe (FIFO), not a regular file"),
        (("plan", "check"), "en", "is a named pipe (FIFO), not a regular file"),
        (("plan", "check", "--json"), "en", "is a named pipe (FIFO), not a regular file"),
        (("plan", "use"), "zh", "是命名管道（FIFO），不是普通文件"),
    ):
        run = pacer(*command, str(fifo), lang=lang)
        assert run.code == 2, run.err
        line = one_line(run)
        typed = " ".join(command[:2])
        assert line.startswith(f"pacer: {typed} {fifo} {kind}"), line
        assert line.count("pacer") == 1 and "--plan" not in line, line


def test_import_and_answers_on_a_fifo_are_refused(pacer: Pacer, fifo: Path) -> None:
    run = pacer("import", "json", str(fifo))
    assert run.code == 2 and "is a named pipe (FIFO)" in one_line(run)
    run = pacer("review", "--answers", str(fifo))
    assert run.code == 2 and "is a named pipe (FIFO)" in one_line(run)


def test_deeply_nested_json_is_refused(pacer: Pacer, tmp_path: Path) -> None:
    exported = pacer("export", "json").json()
    exported["tables"]["trips"] = [[[[]]]] * 0 + [json.loads("[" * 100 + "]" * 100)]
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(exported), encoding="utf-8")
    run = pacer("import", "json", str(deep))
    assert run.code == 2
    assert (
        one_line(run)
        == f"pacer: {deep}: the JSON nests deeper than 64 levels; pacer does not read it"
    )
    deeper = tmp_path / "deeper.json"
    deeper.write_text('{"format": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    run = pacer("import", "json", str(deeper))
    assert run.code == 2 and "nests deeper than 64 levels" in one_line(run)


def test_deeply_nested_answers_are_refused(pacer: Pacer) -> None:
    run = pacer("review", "--week", "2026-W10", "--answers", "-", stdin="[" * 900 + "]" * 900)
    assert run.code != 70 and "nest deeper than 64 levels" in one_line(run)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("end: 2026-08-30", "end: 9999-12-31", "8:8: plan.end: 9999-12-31 is outside the years"),
        ("start: 2026-03-02", "start: 0001-01-01", "7:10: plan.start: 0001-01-01 is outside"),
        (
            "start: 2026-03-02",
            "start: 2001-01-01",
            "8:8: the plan runs from 2001-01-01 to 2026-08-30, longer than 20 years",
        ),
    ],
)
def test_plan_check_refuses_dates_beyond_the_bounds(
    pacer: Pacer,
    other_plan: Path,
    write_plan: Callable[[str, str], Path],
    old: str,
    new: str,
    message: str,
) -> None:
    text = other_plan.read_text(encoding="utf-8")
    assert old in text
    path = write_plan(text.replace(old, new), "far.yaml")
    run = pacer("plan", "check", str(path))
    assert run.code == 2
    assert f"{path}:{message}" in run.err
    # and every other command says the same instead of breaking later
    run = pacer("--plan", str(path), "today")
    assert run.code == 2 and f"{path}:{message}" in run.err
