"""Plan versions from the command line: recorded when the plan changes, with reasons, and
what each change did to the milestones (`plan history`, `plan diff`, `plan why`)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.builtin import builtin_plan_path
from tests.conftest import OTHER_PLAN
from tests.helpers import Run, complete_review, doubled_templates, rename_id

FIRST_DAY = "2026-03-09T12:00:00+08:00"
EDIT_DAY = "2026-04-06T12:00:00+08:00"
PLANS = {"builtin": builtin_plan_path(), "berlin": OTHER_PLAN}

Pacer = Callable[..., Run]


def digest(path: Path) -> str:
    return blake2b(path.read_bytes(), digest_size=32).hexdigest()


def at(day: str) -> dict[str, str]:
    return {"PACER_NOW": day}


def one_edit(pacer: Pacer, home: Path, tmp_path: Path, name: str) -> tuple[Path, Path]:
    """`plan use` with a reason, then the plan file edited in place and `today` run a month
    later (which records the new version, without a reason). Returns both files' copies."""
    first = tmp_path / "first.yaml"
    shutil.copyfile(PLANS[name], first)
    used = pacer("plan", "use", str(first), "--reason", "the plan I start with", env=at(FIRST_DAY))
    assert used.code == 0, used.err
    assert used.out.splitlines()[-1] == (
        "plan version 1 (first seen 2026-03-09) is in force: the plan I start with"
    )
    second = tmp_path / "second.yaml"
    second.write_text(doubled_templates(first.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copyfile(second, home / "plan.yaml")
    today = pacer("today", env=at(EDIT_DAY))
    assert today.code == 0, today.err
    return first, second


@pytest.mark.parametrize("name", sorted(PLANS))
def test_history_shows_two_versions_with_reasons_and_milestone_effects(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    first, second = one_edit(pacer, home, tmp_path, name)
    why = pacer("plan", "why", "2", "More time after the new rota", env=at(EDIT_DAY))
    assert (why.code, why.out) == (0, "plan version 2: More time after the new rota\n")

    data = pacer("plan", "history", "--json", env=at(EDIT_DAY)).json()
    assert data["current"] == 2
    v1, v2 = data["versions"]
    assert (v1["version"], v1["digest"], v1["day"], v1["in_force"]) == (
        1,
        digest(first),
        "2026-03-09",
        ["2026-03-09"],
    )
    assert (v1["reason"], v1["changes"], v1["milestones"]) == ("the plan I start with", None, None)
    assert v1["first_seen"] == "2026-03-09T04:00:00+00:00"
    assert (v2["version"], v2["digest"], v2["day"]) == (2, digest(second), "2026-04-06")
    assert v2["reason"] == "More time after the new rota"
    kinds = {c["kind"] for c in v2["changes"]}
    assert kinds and kinds <= {"block_minutes", "block_max"}
    assert all(c["after"] == 2 * c["before"] for c in v2["changes"])
    # Twice the minutes every day: no milestone later, at least one earlier.
    moved = [m for m in v2["milestones"] if m["days"] is not None]
    assert moved and all(m["days"] <= 0 for m in moved)
    assert any(m["days"] < 0 for m in moved)

    text = pacer("plan", "history", env=at(EDIT_DAY))
    lines = text.out.splitlines()
    assert lines[:3] == [
        "Plan versions",
        "v1  2026-03-09  the first plan",
        "    why: the plan I start with",
    ]
    assert lines[3].startswith(f"v2  2026-04-06  {len(v2['changes'])} changes: block ")
    assert lines[3].endswith("(in force)")
    assert lines[4] == "    why: More time after the new rota"
    assert lines[5].startswith("    milestones: ") and "(-" in lines[5]


def test_history_and_diff_json_exactly_on_the_berlin_plan(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    first, second = one_edit(pacer, home, tmp_path, "berlin")
    assert pacer("plan", "history", "--json", env=at(EDIT_DAY)).json() == {
        "current": 2,
        "versions": [
            {
                "version": 1,
                "digest": digest(first),
                "plan_id": "nurse-2026",
                "first_seen": "2026-03-09T04:00:00+00:00",
                "day": "2026-03-09",
                "in_force": ["2026-03-09"],
                "reason": "the plan I start with",
                "readable": True,
                "changes": None,
                "milestones": None,
            },
            {
                "version": 2,
                "digest": digest(second),
                "plan_id": "nurse-2026",
                "first_seen": "2026-04-06T04:00:00+00:00",
                "day": "2026-04-06",
                "in_force": ["2026-04-06"],
                "reason": None,
                "readable": True,
                "changes": DIFF,
                "milestones": [
                    {"id": "exam", "before": "2026-04-11", "after": "2026-04-09", "days": -2}
                ],
            },
        ],
    }
    assert pacer("plan", "diff", "1", "2", "--json").json() == {"from": 1, "to": 2, "changes": DIFF}
    text = pacer("plan", "diff", "v1").out.splitlines()
    assert text[:3] == [
        "from v1 to v2",
        "  block away/keys 10 min → 20 min",
        "  block away/read 30 min → 60 min",
    ]


DIFF = [
    {"kind": "block_minutes", "id": "away/keys", "before": 10, "after": 20},
    {"kind": "block_minutes", "id": "away/read", "before": 30, "after": 60},
    {"kind": "block_minutes", "id": "free/deep", "before": 120, "after": 240},
    {"kind": "block_minutes", "id": "free/retro", "before": 20, "after": 40},
    {"kind": "block_minutes", "id": "shift/keys", "before": 20, "after": 40},
    {"kind": "block_minutes", "id": "shift/study", "before": 45, "after": 90},
    {"kind": "block_max", "id": "free/deep", "before": 150, "after": 300},
]


def test_going_back_to_the_first_plan_keeps_its_number(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    first, _ = one_edit(pacer, home, tmp_path, "berlin")
    back = pacer(
        "plan",
        "use",
        str(first),
        "--reason",
        "the rota was cancelled",
        env=at("2026-05-04T12:00:00+08:00"),
    )
    # A return keeps the version's own reason (issue 14 follow-up: never overwritten).
    assert back.out.splitlines()[-1] == (
        "plan version 1 (first seen 2026-03-09) is in force again: the plan I start with"
        " (its own reason; to change it: pacer plan why 1 TEXT)"
    )
    data = pacer("plan", "history", "--json").json()
    assert data["current"] == 1
    assert [v["in_force"] for v in data["versions"]] == [
        ["2026-03-09", "2026-05-04"],
        ["2026-04-06"],
    ]
    assert "in force again: 2026-05-04" in pacer("plan", "history").out


def test_reload_records_the_plan_file_as_it_is_now_with_its_reason(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(OTHER_PLAN, plan)
    assert pacer("plan", "use", str(plan)).out.splitlines()[-1] == (
        "plan version 1 (first seen 2026-03-09) is in force"
    )
    (home / "plan.yaml").write_text(doubled_templates(plan.read_text("utf-8")), "utf-8")
    done = pacer("plan", "reload", "--reason", "  longer   evenings ", env=at(EDIT_DAY))
    assert (done.code, done.out) == (
        0,
        "plan version 2 (first seen 2026-04-06) is in force: longer evenings\n",
    )
    again = pacer("plan", "reload", "--reason", "said twice", env=at(EDIT_DAY))
    assert again.out == (
        "the plan in force is version 2 already (longer evenings);"
        " to change its reason: pacer plan why 2 TEXT\n"
    )
    assert len(pacer("plan", "history", "--json").json()["versions"]) == 2


def test_bad_input_is_one_line_and_writes_nothing(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(OTHER_PLAN, plan)
    empty = pacer("plan", "use", str(plan), "--reason", "  ")
    assert (empty.code, empty.err) == (
        2,
        "pacer: the reason is empty; say in a few words why the plan changed\n",
    )
    assert not (home / "plan.yaml").exists()  # refused before anything was written
    assert pacer("plan", "use", str(plan)).code == 0
    unknown = pacer("plan", "why", "7", "x")
    assert (unknown.code, unknown.err) == (
        2,
        "pacer: no plan version 7; the versions are 1 to 1 (see: pacer plan history)\n",
    )
    word = pacer("plan", "diff", "latest")
    assert word.code == 2
    assert word.err == (
        "pacer: latest is not a plan version; give its number, e.g. 2 (see: pacer plan history)\n"
    )


def test_history_in_chinese(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    one_edit(pacer, home, tmp_path, "berlin")
    out = pacer("plan", "history", lang="zh", env=at(EDIT_DAY)).out.splitlines()
    assert out[:3] == [
        "计划版本",
        "版本1  2026-03-09  第一个计划",
        "    原因：the plan I start with",
    ]
    assert out[3].startswith("版本2  2026-04-06  ") and out[3].endswith("（当前）")
    assert out[4] == "    原因：（未填写；pacer plan why 2 原因）"
    assert out[5] == "    里程碑：exam 2026-04-11 → 2026-04-09（-2 天）"


@pytest.mark.parametrize("name", sorted(PLANS))
def test_days_before_the_first_version_keep_that_version_after_an_edit(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    # pacer first ran on 6 April; the weeks before were logged afterwards (--date).
    first = tmp_path / "first.yaml"
    shutil.copyfile(PLANS[name], first)
    assert pacer("plan", "use", str(first), env=at(EDIT_DAY)).code == 0
    earlier = ("week", "--json", "--date", "2026-03-16")
    before = pacer(*earlier, env=at(EDIT_DAY)).json()
    (home / "plan.yaml").write_text(doubled_templates(first.read_text("utf-8")), "utf-8")
    later = at("2026-04-09T12:00:00+08:00")
    reload = pacer("plan", "reload", "--reason", "longer days", env=later)
    assert reload.code == 0, reload.err
    assert pacer(*earlier, env=later).json() == before


@pytest.mark.parametrize("name", sorted(PLANS))
def test_editing_block_minutes_leaves_last_months_week_as_it_was(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    first = tmp_path / "first.yaml"
    shutil.copyfile(PLANS[name], first)
    assert pacer("plan", "use", str(first), env=at(FIRST_DAY)).code == 0
    last_month = ("week", "--json", "--date", "2026-03-16")
    this_week = ("week", "--json", "--date", "2026-04-06")
    before = pacer(*last_month, env=at(EDIT_DAY)).json()
    later = at("2026-04-09T12:00:00+08:00")  # some days of the week the edit is made in
    current_before = pacer(*this_week, env=later).json()
    (home / "plan.yaml").write_text(doubled_templates(first.read_text("utf-8")), "utf-8")
    assert pacer("today", env=at(EDIT_DAY)).code == 0  # records version 2
    assert pacer(*last_month, env=at(EDIT_DAY)).json() == before
    # The days from the edit on go by the edited plan.
    assert pacer(*this_week, env=at(EDIT_DAY)).json() != current_before


@pytest.mark.parametrize("name", sorted(PLANS))
def test_editing_block_minutes_leaves_the_forecasts_adherence_as_it_was(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    first = tmp_path / "first.yaml"
    shutil.copyfile(PLANS[name], first)
    assert pacer("plan", "use", str(first), env=at(FIRST_DAY)).code == 0
    for day in ("2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"):
        shown = pacer("today", "--json", "--date", day, env=at(FIRST_DAY)).json()
        unit = next(i["unit"] for b in shown["blocks"] if b["type"] == "work" for i in b["items"])
        logged = pacer("log", "20", unit, "--date", day, env=at("2026-03-13T12:00:00+08:00"))
        assert logged.code == 0, logged.err
    before = pacer("forecast", "--json", "--runs", "50", env=at(EDIT_DAY)).json()["history"]
    assert before["days"] > 0
    (home / "plan.yaml").write_text(doubled_templates(first.read_text("utf-8")), "utf-8")
    assert pacer("today", env=at(EDIT_DAY)).code == 0  # records version 2
    after = pacer("forecast", "--json", "--runs", "50", env=at(EDIT_DAY)).json()["history"]
    assert after == before


@pytest.mark.parametrize("name", sorted(PLANS))
def test_diff_and_history_show_renames_declared_with_was(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    from tests.cli.test_renames import a_habit_track, a_unit, add_was

    plan = tmp_path / "plan.yaml"
    shutil.copyfile(PLANS[name], plan)
    assert pacer("plan", "use", str(plan), env=at(FIRST_DAY)).code == 0
    copy = home / "plan.yaml"
    unit, track = a_unit(copy), a_habit_track(copy)
    rename_id(copy, unit, "renamed-unit")
    rename_id(copy, track, "renamed-track")
    add_was(copy, "renamed-unit", unit)
    add_was(copy, "renamed-track", track)
    # A new title too: only `was:` says it is the same unit.
    text = copy.read_text("utf-8")
    retitled = re.sub(r"(\{id: renamed-unit, [^\n]*? title: \"?)", r"\1New ", text, count=1)
    assert retitled != text
    copy.write_text(retitled, "utf-8")
    done = pacer("plan", "reload", "--reason", "clearer names", env=at(EDIT_DAY))
    assert done.code == 0, done.err

    changes = [
        {"kind": "track_renamed", "id": "renamed-track", "before": track, "after": None},
        {"kind": "unit_renamed", "id": "renamed-unit", "before": unit, "after": None},
    ]
    assert pacer("plan", "diff", "1", "2", "--json").json() == {
        "from": 1,
        "to": 2,
        "changes": changes,
    }
    assert pacer("plan", "diff", "1").out.splitlines() == [
        "from v1 to v2",
        f"  track {track} renamed renamed-track",
        f"  unit {unit} renamed renamed-unit",
    ]
    assert pacer("plan", "diff", "1", lang="zh").out.splitlines()[1:] == [
        f"  方向 {track} 改名为 renamed-track",
        f"  单元 {unit} 改名为 renamed-unit",
    ]
    history = pacer("plan", "history", env=at(EDIT_DAY)).out.splitlines()
    assert history[3] == (
        f"v2  2026-04-06  2 changes: track {track} renamed renamed-track, "
        f"unit {unit} renamed renamed-unit  (in force)"
    )
    assert history[4] == "    why: clearer names"


def log_last_month(pacer: Pacer) -> None:
    """Some unit work and a habit on days of March (the weeks the tests look back on)."""
    for d in ("2026-03-16", "2026-03-17", "2026-03-18"):
        shown = pacer("today", "--json", "--date", d, env=at(FIRST_DAY)).json()
        blocks = shown["blocks"]
        unit = next(i["unit"] for b in blocks if b["type"] == "work" for i in b["items"])
        habit = next(b["track"] for b in blocks if b["type"] == "habit")
        for target in (unit, habit):
            done = pacer("log", "20", target, "--date", d, env=at("2026-03-20T12:00:00+08:00"))
            assert done.code == 0, done.err


def reviewed(pacer: Pacer, week: str, *edit: str) -> Any:
    """The facts a review of `week` written (or, with --edit, rewritten) on EDIT_DAY keeps."""
    wrote = complete_review(
        pacer, "review", "--week", week, "--answers", "-", *edit, env=at(EDIT_DAY)
    )
    assert wrote.code == 0, wrote.err
    shown = pacer("review", "--show", "--week", week, "--json", env=at(EDIT_DAY))
    return shown.json()["facts"]


def planned_to_date(status: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [
        (tr["id"], tr["planned_to_date"], tr["habit_planned_to_date"]) for tr in status["tracks"]
    ]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_editing_block_minutes_leaves_last_months_review_and_report_as_they_were(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    first = tmp_path / "first.yaml"
    shutil.copyfile(PLANS[name], first)
    assert pacer("plan", "use", str(first), env=at(FIRST_DAY)).code == 0
    log_last_month(pacer)
    # First the review (its metric answer is a value the reports then show).
    review = reviewed(pacer, "2026-W12")
    reports = {
        "week": ("report", "week", "--json", "--date", "2026-03-22"),
        "month": ("report", "month", "--json", "--date", "2026-03-31"),
    }
    before = {k: pacer(*look, env=at(EDIT_DAY)).json() for k, look in reports.items()}
    status = ("status", "--json", "--date", "2026-03-31")
    status_before = planned_to_date(pacer(*status, env=at(EDIT_DAY)).json())
    assert any(planned for _, planned, _ in status_before)
    this_week = ("report", "week", "--json", "--date", "2026-04-12")
    later = at("2026-04-09T12:00:00+08:00")  # some days of the week the edit is made in
    current_before = pacer(*this_week, env=later).json()
    # Figures the edit would change if the past were judged by the edited plan.
    assert any(tr["planned"] for tr in before["month"]["tracks"])
    assert any(tr["habit_planned"] for tr in before["week"]["tracks"])
    assert any(h["planned"] for h in review["habits"])
    (home / "plan.yaml").write_text(doubled_templates(first.read_text("utf-8")), "utf-8")
    assert pacer("today", env=at(EDIT_DAY)).code == 0  # records version 2
    for k, look in reports.items():
        # Milestones are projections: they go by the current plan.
        now = pacer(*look, env=at(EDIT_DAY)).json()
        assert {**now, "milestones": None} == {**before[k], "milestones": None}, k
    # status: what the past asked for, per track, is what it asked then.
    assert planned_to_date(pacer(*status, env=at(EDIT_DAY)).json()) == status_before
    # The review written again (its facts gathered anew) says what it said.
    assert reviewed(pacer, "2026-W12", "--edit") == review
    # The days from the edit on go by the edited plan.
    current = pacer(*this_week, env=later).json()
    assert [tr["habit_planned"] for tr in current["tracks"]] != [
        tr["habit_planned"] for tr in current_before["tracks"]
    ]


LATER = "2026-04-13T12:00:00+08:00"  # the Monday after the week of the edit


@pytest.mark.parametrize("name", sorted(PLANS))
def test_the_weeks_review_and_the_year_list_the_plan_changes_with_reasons(
    pacer: Pacer, home: Path, tmp_path: Path, name: str
) -> None:
    one_edit(pacer, home, tmp_path, name)
    why = pacer("plan", "why", "2", "More time after the new rota", env=at(LATER))
    assert why.code == 0, why.err
    history = pacer("plan", "history", "--json", env=at(LATER)).json()["versions"][1]
    moved = [m for m in history["milestones"] if m["before"] != m["after"]]
    titles = {m["id"]: m["title"] for m in pacer("status", "--json").json()["milestones"]}
    change = {
        "version": 2,
        "day": "2026-04-06",
        "reason": "More time after the new rota",
        "changes": history["changes"],
        "milestones": [{**m, "title": titles[m["id"]]} for m in moved],
    }
    if name == "berlin":  # exactly, as docs/json.md shows it
        assert change == {
            "version": 2,
            "day": "2026-04-06",
            "reason": "More time after the new rota",
            "changes": DIFF,
            "milestones": [
                {
                    "id": "exam",
                    "title": "Pharmacology exam",
                    "before": "2026-04-11",
                    "after": "2026-04-09",
                    "days": -2,
                }
            ],
        }
    assert moved
    wrote = complete_review(pacer, "review", "--week", "2026-W15", "--answers", "-", env=at(LATER))
    assert wrote.code == 0, wrote.err
    lines = wrote.out.splitlines()
    at_section = lines.index("  Plan changes:")
    assert lines[at_section + 1].startswith(f"      v2  2026-04-06  {len(change['changes'])} ")
    assert lines[at_section + 2] == "          why: More time after the new rota"
    assert lines[at_section + 3].startswith("          milestones: ")
    shown = pacer("review", "--show", "--week", "2026-W15", "--json", env=at(LATER)).json()
    assert shown["facts"]["plan_changes"] == [change]
    markdown = pacer("review", "--show", "--week", "2026-W15", "--format", "md", env=at(LATER))
    assert "## Plan changes\n\n- v2  2026-04-06  " in markdown.out
    assert "\n  - why: More time after the new rota\n" in markdown.out
    # The week before has none; the year has the edit (the first plan is not a change).
    before = complete_review(pacer, "review", "--week", "2026-W14", "--answers", "-", env=at(LATER))
    assert "  Plan changes: none" in before.out.splitlines()
    year = pacer("report", "year", "--json", env=at(LATER)).json()
    assert year["plan_changes"] == [change]
    march = pacer("report", "month", "--date", "2026-03-31", "--json", env=at(LATER)).json()
    assert march["plan_changes"] == []
    text = pacer("report", "year", env=at(LATER)).out.splitlines()
    assert text[text.index("Plan changes") + 2] == "      why: More time after the new rota"
    zh = pacer("report", "year", lang="zh", env=at(LATER)).out.splitlines()
    heading = zh.index("计划修改")
    assert zh[heading + 1].startswith("  版本2  2026-04-06  ")
    assert zh[heading + 2] == "      原因：More time after the new rota"
    assert zh[heading + 3].startswith("      里程碑：")
