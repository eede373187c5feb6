"""An absence that is not travel is not called a trip (issue 15's tryout): `today`, `status`,
`report week` (en and zh), `undo`, `trip rm` and `trip list` say the kind's own title, or a
neutral word for several kinds together; travel, and the built-in plan's trips, keep "trip"."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import OTHER_PLAN
from tests.helpers import Run, day_lines

Pacer = Callable[..., Run]
PLAN = ("--plan", str(OTHER_PLAN.with_name("plan-absence.yaml")))  # sick: "off sick"


def ok(run: Run) -> str:
    assert run.code == 0, run.err
    return run.out


def test_a_sick_day_in_today_is_not_a_trip(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "sick", "--days", "3"))
    en = day_lines(ok(pacer(*PLAN, "today")))
    assert "  ○ this absence (off sick) moves: exam +1 d" in en
    assert "  ○ off sick: day 1 of 3 (2026-03-09 → 2026-03-11) — rest; nothing is planned" in en
    assert not [line for line in en if "✈" in line or "trip" in line]
    zh = day_lines(ok(pacer(*PLAN, "today", lang="zh")))
    assert "  ○ 这次off sick的影响：exam +1 天" in zh
    assert not [line for line in zh if "✈" in line or "出差" in line]


def test_travel_in_the_same_plan_is_still_a_trip(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "trip", "add", "2026-03-12", "2026-03-13"))
    en = day_lines(ok(pacer(*PLAN, "today", "--date", "2026-03-12")))
    assert any(line.startswith("  ✈ this trip moves: exam +") for line in en)
    assert "  ✈ away: day 1 of 2 (2026-03-12 → 2026-03-13) — piano app and reading only" in en


def test_status_names_each_absence_by_its_kind(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "sick", "--days", "3"))
    ok(pacer(*PLAN, "trip", "add", "2026-03-12", "2026-03-13"))
    out = ok(pacer(*PLAN, "status"))
    assert "  ○ off sick 2026-03-09 → 2026-03-11 moves: exam +3 d" in out
    assert "  ✈ trip 2026-03-12 → 2026-03-13 moves: exam +4 d" in out


def test_a_week_with_a_trip_and_a_sick_day_counts_each_kind(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "sick", "--days", "3"))
    ok(pacer(*PLAN, "trip", "add", "2026-03-12", "2026-03-13", "--note", "Hamburg"))
    en = ok(pacer(*PLAN, "report", "week")).splitlines()
    assert "Absences: off sick 1 time, 3 days; away 1 time, 2 days" in en
    assert "Absences and what they cost" in en
    assert "  2026-03-09 → 2026-03-11 off sick — moved milestones by up to 3 d" in en
    assert "  2026-03-12 → 2026-03-13 away · Hamburg — moved milestones by up to 4 d" in en
    zh = ok(pacer(*PLAN, "report", "week", lang="zh"))
    assert "离开：off sick 1 次，共 3 天；away 1 次，共 2 天" in zh.splitlines()
    assert "离开及其影响" in zh.splitlines()
    assert "出差" not in zh
    md = ok(pacer(*PLAN, "report", "week", "--format", "md"))
    assert "## Absences and what they cost" in md
    assert "Trips" not in md and "trip" not in md.replace("trip_", "")


def test_a_week_with_only_a_sick_day_says_its_title(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "sick"))
    en = ok(pacer(*PLAN, "report", "week"))
    assert "Absences: off sick 1 time, 1 day" in en.splitlines()
    assert "travelling" not in en and "Trips" not in en
    zh = ok(pacer(*PLAN, "report", "week", lang="zh"))
    assert "离开：off sick 1 次，共 1 天" in zh.splitlines()
    assert "出差" not in zh


def test_undo_and_rm_of_a_sick_day_name_its_kind(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "trip", "add", "2026-03-16", "2026-03-18"))
    ok(pacer(*PLAN, "sick"))
    assert ok(pacer(*PLAN, "undo")) == "undid: removed off sick 2 (2026-03-09 → 2026-03-09)\n"
    ok(pacer(*PLAN, "sick"))
    assert ok(pacer(*PLAN, "undo", lang="zh")) == (
        "已撤销：删除了off sick 3（2026-03-09 → 2026-03-09）\n"
    )
    ok(pacer(*PLAN, "sick"))
    assert ok(pacer(*PLAN, "trip", "rm", "4")) == "removed off sick 4: 2026-03-09 → 2026-03-09\n"
    assert ok(pacer(*PLAN, "undo")) == (
        "undid: the removal of off sick 4 (2026-03-09 → 2026-03-09); it is back\n"
    )
    ok(pacer(*PLAN, "trip", "rm", "4"))
    assert ok(pacer(*PLAN, "trip", "rm", "1")) == "removed trip 1: 2026-03-16 → 2026-03-18\n"


def test_trip_list_shows_each_kinds_title(pacer: Pacer) -> None:
    ok(pacer(*PLAN, "trip", "add", "2026-03-16", "2026-03-18"))
    ok(pacer(*PLAN, "sick"))
    ok(pacer(*PLAN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "conference"))
    assert ok(pacer(*PLAN, "trip", "list")) == (
        "  2  2026-03-09 → 2026-03-09  (1 day)  off sick\n"
        "  1  2026-03-16 → 2026-03-18  (3 days)  away\n"
        "  3  2026-04-06 → 2026-04-10  (5 days)  at a conference\n"
    )
    zh = ok(pacer(*PLAN, "trip", "list", lang="zh")).splitlines()
    assert zh[0] == "  2  2026-03-09 → 2026-03-09  (1 天)  off sick"


def test_a_sick_day_on_a_plan_without_absences_says_sick(pacer: Pacer) -> None:
    berlin = ("--plan", str(OTHER_PLAN))
    ok(pacer(*berlin, "sick"))
    zh = ok(pacer(*berlin, "report", "week", lang="zh"))
    assert "离开：病假 1 次，共 1 天" in zh.splitlines()
    assert "出差" not in zh
    assert ok(pacer(*berlin, "trip", "list", lang="zh")) == (
        "  1  2026-03-09 → 2026-03-09  (1 天)  病假\n"
    )


# -- the built-in plan: a trip is still a trip, in English and Chinese -------------------------
def test_the_builtin_plans_trip_is_still_a_trip(pacer: Pacer) -> None:
    ok(pacer("trip", "add", "2026-03-09", "2026-03-20"))
    zh = day_lines(ok(pacer("today", lang="zh")))
    assert any(line.startswith("  ✈ 这次出差的影响：") for line in zh)
    assert any(line.startswith("  ✈ 出差：第 1/12 天") for line in zh)
    en = day_lines(ok(pacer("today")))
    assert any(line.startswith("  ✈ this trip moves: ") for line in en)
    week = ok(pacer("report", "week", lang="zh")).splitlines()
    assert "出差 1 次，共 7 天" in week and "出差及其影响" in week
    week_en = ok(pacer("report", "week")).splitlines()
    assert "7 days travelling on 1 trip" in week_en and "Trips and what they cost" in week_en
    assert "  1  2026-03-09 → 2026-03-20  (12 天)  出差" in ok(pacer("trip", "list", lang="zh"))
    assert "  1  2026-03-09 → 2026-03-20  (12 days)  trip" in ok(pacer("trip", "list"))
    assert ok(pacer("undo")) == "undid: removed trip 1 (2026-03-09 → 2026-03-20)\n"
