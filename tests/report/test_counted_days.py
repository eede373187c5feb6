"""Every "N of M days" of a report counts only days inside the plan and not after its day:
the installed `pacer report` on both plans, entries before the plan and after today."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers import PACER, Run, complete_review, pacer_env
from tests.report.homes import (
    PLANS,
    TOTALS_ZH,
    ZONES,
    habit_track,
    report,
    seed,
    seed_plan,
    totals,
)

MONDAY = date(2026, 3, 9)


@pytest.mark.parametrize("which", sorted(PLANS))
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_year_counts_the_plans_days_up_to_today(tmp_path: Path, which: str, fmt: str) -> None:
    """The issue's case: the year report on 2026-04-30 of a plan begun 2026-03-02 said
    "49 of 120 days"; an entry before the plan and one after today counted too."""
    plan = seed(tmp_path, which, [])
    before = plan.start - timedelta(days=5)
    today = date(2026, 4, 30)
    seed(tmp_path, which, [before, date(2026, 4, 28), date(2026, 4, 29), today, date(2026, 5, 3)])
    run = report(tmp_path, which, "2026-04-30T10:00:00+00:00", "year", "--format", fmt)
    span = (today - plan.start).days + 1
    assert totals(run.stdout) == (3, span)
    assert "1.5 h logged" in run.stdout  # 3 × 30 min: the two left out are not in the hours
    assert "longest run: 3 days" in run.stdout
    assert f"the plan begins on {plan.start}: the days before it are not counted" in run.stdout
    assert f"not counted: 1 entry dated outside the plan ({plan.start} – {plan.end})" in run.stdout
    assert f"not counted: 1 entry dated after {today}" in run.stdout


@pytest.mark.parametrize("which", sorted(PLANS))
def test_an_entry_after_today_never_makes_more_days_than_there_are(
    tmp_path: Path, which: str
) -> None:
    """A future-dated entry made "3 of 2 days" in the week report on a Tuesday."""
    monday = date(2026, 4, 27)
    seed(tmp_path, which, [monday, monday + timedelta(days=1), monday + timedelta(days=3)])
    run = report(tmp_path, which, "2026-04-28T10:00:00+00:00", "week")
    assert totals(run.stdout) == (2, 2)
    zh = report(tmp_path, which, "2026-04-28T10:00:00+00:00", "week", lang="zh")
    assert TOTALS_ZH.findall(zh.stdout) == [("2", "2")]
    assert "不计入：日期在 2026-04-28 之后的 1 条记录" in zh.stdout


@pytest.mark.parametrize("which", sorted(PLANS))
def test_a_later_date_stands_on_today(tmp_path: Path, which: str) -> None:
    """`--date` after the clock's day counts no further than the clock's day."""
    seed(tmp_path, which, [date(2026, 4, 27), date(2026, 4, 30)])
    run = report(tmp_path, which, "2026-04-28T10:00:00+00:00", "week", "--date", "2026-05-01")
    assert totals(run.stdout) == (1, 2)
    ahead = report(tmp_path, which, "2026-04-28T10:00:00+00:00", "week", "--date", "2026-05-05")
    assert totals(ahead.stdout) == (0, 0)
    assert "this period begins on 2026-05-04: no day of it is counted yet" in ahead.stdout


def test_a_month_after_the_plan_counts_nothing(tmp_path: Path) -> None:
    """The Berlin plan ends on 2026-08-30: September has no counted day, whatever is logged."""
    seed(tmp_path, "berlin", [date(2026, 8, 29), date(2026, 8, 30), date(2026, 9, 1)])
    september = report(tmp_path, "berlin", "2026-09-20T12:00:00+00:00", "month")
    assert totals(september.stdout) == (0, 0)
    assert "the plan ended on 2026-08-30: no day of this period is counted" in september.stdout
    august = report(
        tmp_path, "berlin", "2026-09-20T12:00:00+00:00", "month", "--date", "2026-08-31"
    )
    assert totals(august.stdout) == (2, 30)
    year = report(tmp_path, "berlin", "2026-09-20T12:00:00+00:00", "year", "--json")
    counted = json.loads(year.stdout)["counted"]
    assert counted == {"first": "2026-03-02", "last": "2026-08-30", "days": 182, "logged": 2}


@pytest.mark.parametrize("which", sorted(PLANS))
def test_a_review_before_sunday_counts_the_habit_days_up_to_today(
    tmp_path: Path, which: str
) -> None:
    """The weekly review's "kept N of M days" follows the same rule: on a plan whose review
    is on Wednesday, Thursday is not one of the days yet, and its entry is not kept."""
    from pacer.plan.builtin import builtin_plan_path

    source = Path(PLANS[which] or builtin_plan_path()).read_text(encoding="utf-8")
    assert source.count("review:\n  day: sun\n") == 1
    copy = tmp_path / "plan.yaml"
    copy.write_text(source.replace("review:\n  day: sun\n", "review:\n  day: wed\n"), "utf-8")
    plan = seed_plan(tmp_path, copy, [MONDAY, MONDAY + timedelta(days=1), MONDAY + timedelta(3)])
    track = habit_track(plan)
    env = pacer_env(tmp_path, "2026-03-11T12:00:00+00:00")
    env["PACER_TZ"] = ZONES[which]
    where = ["--plan", str(copy), "--db", str(tmp_path / "pacer.db")]

    def pacer(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> Run:
        proc = subprocess.run(
            [str(PACER), *where, *args],
            input=stdin,
            env=wall,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    wall = env
    run = complete_review(pacer, "review", "--week", "2026-W11", "--answers", "-")
    assert run.code == 0, run.err
    kept = re.findall(rf"\({re.escape(track)}\)\s+kept (\d+) of (\d+) days", run.out)
    assert kept == [("2", "3")], run.out
