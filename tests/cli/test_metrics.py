"""`pacer metric add|list|show`: values against the road, end to end through `pacer`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, example_plan_text

Pacer = Callable[..., Run]
METRIC_KEYS = {
    "id",
    "title",
    "unit",
    "track",
    "higher_is_better",
    "latest",
    "expected",
    "margin",
    "state",
    "next_target",
}
LISTENING = {
    "id": "listening",
    "title": "技术内容听懂比例",
    "unit": "%",
    "track": "english",
    "higher_is_better": True,
}


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


@pytest.fixture
def weight_plan(write_plan: Callable[[str], Path]) -> Path:
    """The example plan with a lower-is-better metric: 70 kg on March 1 to 64 kg on March 31."""
    text = example_plan_text().replace(
        "review:\n",
        "  - id: weight\n    title: 体重\n    unit: kg\n    higher_is_better: false\n"
        "    targets:\n      - {date: 2026-03-01, value: 70}\n"
        "      - {date: 2026-03-31, value: 64}\nreview:\n",
        1,
    )
    assert "id: weight" in text
    return write_plan(text)


def test_values_against_the_road_exactly(pacer: Pacer) -> None:
    before = pacer("metric", "list", "--json")
    assert before.code == 0, before.err
    # Nothing recorded: the road is the plan's targets, 50 % on Feb 28 to 70 % on June 30.
    assert before.json() == {
        "date": "2026-03-09",
        "metrics": [
            {
                **LISTENING,
                "latest": None,
                "expected": None,
                "margin": None,
                "state": "no_data",
                "next_target": {"date": "2026-06-30", "value": 70.0},
            }
        ],
    }
    first = pacer("metric", "add", "listening", "40%", "--date", "2026-03-02", "-m", "Lex #400")
    assert first.code == 0, first.err
    assert (
        first.out == "recorded listening = 40% on 2026-03-02; on track: right on the road (40%)\n"
    )
    # The road now runs from 40 % on March 2 to 70 % on June 30: a quarter point a day.
    second = pacer("metric", "add", "listening", "41")
    assert second.out == (
        "recorded listening = 41% on 2026-03-09; behind: 0.75% short of the road (41.75%)\n"
    )
    item = {
        **LISTENING,
        "latest": {"id": 2, "date": "2026-03-09", "value": 41.0, "note": ""},
        "expected": 41.75,
        "margin": -0.75,
        "state": "behind",
        "next_target": {"date": "2026-06-30", "value": 70.0},
    }
    listed = pacer("metric", "list", "--json").json()
    assert listed == {"date": "2026-03-09", "metrics": [item]}
    assert set(listed["metrics"][0]) == METRIC_KEYS
    shown = pacer("metric", "show", "listening", "--json").json()
    assert shown == {
        "date": "2026-03-09",
        **item,
        "expected_today": 41.75,
        "targets": [{"date": "2026-02-28", "value": 50.0}, {"date": "2026-06-30", "value": 70.0}],
        "road": [{"date": "2026-03-02", "value": 40.0}, {"date": "2026-06-30", "value": 70.0}],
        "values": [
            {"id": 1, "date": "2026-03-02", "value": 40.0, "note": "Lex #400", "expected": 40.0},
            {"id": 2, "date": "2026-03-09", "value": 41.0, "note": "", "expected": 41.75},
        ],
    }
    # Standing on an earlier day: the later value does not count yet.
    earlier = pacer("metric", "show", "listening", "--date", "2026-03-06", "--json").json()
    assert (earlier["latest"]["id"], earlier["state"], earlier["margin"]) == (1, "on_track", 0.0)
    assert earlier["expected_today"] == 41.0
    assert [v["id"] for v in earlier["values"]] == [1]


def test_metric_text(pacer: Pacer) -> None:
    assert pacer("metric", "add", "listening", "40", "--date", "2026-03-02").code == 0
    assert pacer("metric", "add", "listening", "43.5", "-m", "BBC").code == 0
    shown = pacer("metric", "show", "listening")
    assert shown.code == 0, shown.err
    assert shown.out.splitlines() == [
        "listening · 技术内容听懂比例 (higher is better)",
        "  Targets: 50% by 2026-02-28, 70% by 2026-06-30",
        "  Road: 40% on 2026-03-02 → 70% on 2026-06-30, then flat",
        "  the road on 2026-03-09: 41.75%",
        "",
        "  Values",
        "    1  2026-03-02       40%  road 40%             +0%",
        "    2  2026-03-09     43.5%  road 41.75%       +1.75%  BBC",
        "",
        "  on track: 1.75% ahead of the road (41.75%)",
        "  next target: 70% by 2026-06-30",
    ]
    listed = pacer("metric", "list").out.splitlines()
    assert listed == [
        "listening  技术内容听懂比例",
        "  latest 43.5% on 2026-03-09 · on track: 1.75% ahead of the road (41.75%)",
        "  the road on 2026-03-09: 41.75% · next target: 70% by 2026-06-30",
    ]
    assert pacer("metric").out == pacer("metric", "list").out
    zh = pacer("metric", "list", lang="zh").out
    assert "正常：比路线（41.75%）超前 1.75%" in zh


def test_lower_is_better_and_negative_values(pacer: Pacer, weight_plan: Path) -> None:
    plan = ("--plan", str(weight_plan))
    later = {"PACER_NOW": "2026-03-31T20:00:00+08:00"}  # values are recorded on their day
    assert pacer("metric", "add", "weight", "70kg", "--date", "2026-03-01", *plan).code == 0
    run = pacer("metric", "add", "weight", "68.5", "--date", "2026-03-16", *plan, env=later)
    assert run.out == (
        "recorded weight = 68.5 kg on 2026-03-16; behind: 1.5 kg short of the road (67 kg)\n"
    )
    shown = pacer("metric", "show", "weight", "--date", "2026-03-20", "--json", *plan).json()
    assert (shown["higher_is_better"], shown["expected"], shown["margin"], shown["state"]) == (
        False,
        67.0,
        -1.5,
        "behind",
    )
    assert shown["expected_today"] == 66.2
    run = pacer("metric", "add", "weight", "-0.5", "--date", "2026-03-31", *plan, env=later)
    assert run.code == 0, run.err
    assert "on track: 64.5 kg ahead of the road (64 kg)" in run.out
    assert "(lower is better)" in pacer("metric", "show", "weight", *plan).out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "listenin", "40"), "unknown metric 'listenin'; did you mean 'listening'?"),
        (("add", "xyz", "40"), "unknown metric 'xyz'; the plan's metrics: listening"),
        (("show", "listenin"), "unknown metric 'listenin'; did you mean 'listening'?"),
        (("add", "listening", "forty"), "'forty' is not a number"),
        (("add", "listening", "inf"), "'inf' is not a number"),
        (("add", "listening", "40 kg"), "'40 kg' is not a number"),
        (("add", "listening", "40", "--date", "someday"), "'someday' is not a date"),
    ],
)
def test_metric_errors_are_one_line_and_record_nothing(
    pacer: Pacer, args: tuple[str, ...], message: str
) -> None:
    run = pacer("metric", *args)
    bad_input = "is not a number" in message or "is not a date" in message
    assert run.code == (2 if bad_input else 1), run.out  # bad input: EX_USAGE
    lines = errors(run)
    assert len(lines) == 1 and message in lines[0], run.err
    assert pacer("metric", "show", "listening", "--json").json()["values"] == []


def test_a_plan_without_metrics(pacer: Pacer, write_plan: Callable[[str], Path]) -> None:
    text = example_plan_text()
    text = text[: text.index("metrics:\n")] + text[text.index("review:\n") :]
    path = write_plan(text.replace("evidence: [listening]", "evidence: [m1]"))
    assert pacer("metric", "list", "--plan", str(path)).out == "the plan has no metrics\n"
    assert pacer("metric", "list", "--json", "--plan", str(path)).json() == {
        "date": "2026-03-09",
        "metrics": [],
    }
    run = pacer("metric", "add", "listening", "40", "--plan", str(path))
    assert run.code == 1 and errors(run) == ["pacer: the plan has no metrics"]


# -- a value on a target's own date (issue 11, item 10) --------------------------------------------
def berlin_with_two_targets(folder: Path, other_plan: Path) -> Path:
    """The Berlin fixture whose mock-exam score has a second target after the first."""
    text = other_plan.read_text(encoding="utf-8")
    first = "      - {date: 2026-05-15, value: 80}\n"
    assert first in text
    path = folder / "berlin.yaml"
    path.write_text(text.replace(first, first + "      - {date: 2026-07-31, value: 90}\n"))
    return path


@pytest.mark.parametrize(
    ("which", "metric", "target_day", "target", "unit"),
    [
        ("builtin", "listening", "2026-02-28", 50, "%"),
        ("berlin", "mock-score", "2026-05-15", 80, "%"),
    ],
)
def test_a_value_on_a_targets_day_is_judged_against_that_target(
    pacer: Pacer,
    tmp_path: Path,
    other_plan: Path,
    which: str,
    metric: str,
    target_day: str,
    target: int,
    unit: str,
) -> None:
    """The first value, entered on the day of a target that is not the last: 10 below the
    target is behind (it read "on track: right on the road"), in every screen."""
    plan = (
        () if which == "builtin" else ("--plan", str(berlin_with_two_targets(tmp_path, other_plan)))
    )
    env = {"PACER_NOW": f"{target_day}T21:00:00+08:00"}
    value = target - 10
    added = pacer("metric", "add", metric, str(value), "--date", target_day, *plan, env=env)
    assert added.code == 0, added.err
    assert added.out == (
        f"recorded {metric} = {value}{unit} on {target_day}; "
        f"behind: 10{unit} short of the road ({target}{unit})\n"
    )
    listed = pacer("metric", "list", "--json", *plan, env=env).json()["metrics"]
    shown = next(m for m in listed if m["id"] == metric)
    assert (shown["expected"], shown["margin"], shown["state"]) == (target, -10, "behind")
    detail = pacer("metric", "show", metric, "--json", *plan, env=env).json()
    assert (detail["expected"], detail["state"]) == (target, "behind")
    assert detail["road"][0] == {"date": target_day, "value": target}
