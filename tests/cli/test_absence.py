"""Kinds of absence end to end: `trip add --kind/--tz`, `pacer sick`, `trip import --match
WORD=KIND`, the banner of each kind in `today`, and block times in an absence's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from tests.conftest import OTHER_PLAN
from tests.helpers import ROOT, Run, day_lines

Pacer = Callable[..., Run]
ABSENCE_PLAN = OTHER_PLAN.with_name("plan-absence.yaml")
PLAN = ("--plan", str(ABSENCE_PLAN))
BERLIN = ("--plan", str(OTHER_PLAN))  # declares no absences at all


def ok(run: Run) -> str:
    assert run.code == 0, run.err
    return run.out


def lines(run: Run) -> list[str]:
    return day_lines(ok(run))


# -- the built-in plan: its travel banner is its own words, from its YAML ---------------------
def test_the_builtin_plans_banner_comes_from_its_yaml(pacer: Pacer) -> None:
    assert ok(pacer("trip", "add", "2026-03-16", "2026-03-27", "--note", "深圳出差")) == (
        "trip 1: 2026-03-16 → 2026-03-27 (12 days)\n"
    )
    zh = lines(pacer("today", "--date", "2026-03-21", lang="zh"))
    assert zh[0] == "2026-03-21 周六 · 出差周六 (出差)"
    words = "出差模板，不写代码，不做新任务"  # the plan's banner for its travel kind
    assert f"  ✈ 出差：第 6/12 天（2026-03-16 → 2026-03-27） — {words} — 深圳出差" in zh
    en = lines(pacer("today", "--date", "2026-03-21"))
    assert f"  ✈ trip: day 6 of 12 (2026-03-16 → 2026-03-27) — {words} — 深圳出差" in en


def test_the_plans_words_live_only_in_the_plan() -> None:
    """The catalog is neutral: the built-in plan's rule for trips is in its YAML alone."""
    words = "不写代码，不做新任务"
    builtin = ROOT / "src" / "pacer" / "plan" / "builtin" / "plan-2026.yaml"
    assert "banner: 出差模板，不写代码，不做新任务" in builtin.read_text(encoding="utf-8")
    for path in (ROOT / "src" / "pacer").rglob("*.py"):
        assert words not in path.read_text(encoding="utf-8"), path
    assert "no new tasks" not in (ROOT / "src" / "pacer" / "i18n_catalog.py").read_text(
        encoding="utf-8"
    )


# -- a plan with four kinds ---------------------------------------------------------------------
def test_a_conference_and_a_vacation_get_their_own_days_and_banners(pacer: Pacer) -> None:
    assert ok(pacer(*PLAN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "conference")) == (
        "at a conference 1: 2026-04-06 → 2026-04-10 (5 days)\n"
    )
    assert ok(pacer(*PLAN, "trip", "add", "2026-04-13", "2026-04-17", "--kind", "vacation")) == (
        "on vacation 2: 2026-04-13 → 2026-04-17 (5 days)\n"
    )
    conference = lines(pacer(*PLAN, "today", "--date", "2026-04-07"))
    assert conference[0] == "2026-04-07 Tuesday · Conference day (at a conference)"
    assert (
        "  ○ at a conference: day 2 of 5 (2026-04-06 → 2026-04-10)"
        " — read the papers of the talks you heard"
    ) in conference
    assert "  [work] Read the talks' papers  45 min" in conference
    vacation = lines(pacer(*PLAN, "today", "--date", "2026-04-14"))
    assert vacation[0] == "2026-04-14 Tuesday · Nothing planned (on vacation)"
    assert (
        "  ○ on vacation: day 2 of 5 (2026-04-13 → 2026-04-17) — no study at all - enjoy it"
        in vacation
    )
    assert not [line for line in vacation if line.startswith("  [")]  # no blocks at all
    zh = lines(pacer(*PLAN, "today", "--date", "2026-04-14", lang="zh"))
    assert (
        "  ○ on vacation：第 2/5 天（2026-04-13 → 2026-04-17） — no study at all - enjoy it" in zh
    )
    # The JSON says which template, and the trip's kind.
    shown = pacer(*PLAN, "today", "--date", "2026-04-07", "--json").json()
    assert (shown["template"], shown["reason"], shown["trip"]["kind"]) == (
        "papers",
        "trip",
        "conference",
    )
    assert pacer(*PLAN, "today", "--date", "2026-04-14", "--json").json()["template"] == "rest"
    listed = lines(pacer(*PLAN, "trip", "list"))
    assert listed == [
        "  1  2026-04-06 → 2026-04-10  (5 days)  at a conference",
        "  2  2026-04-13 → 2026-04-17  (5 days)  on vacation",
    ]


def test_an_unknown_kind_is_one_line_listing_the_plans_kinds(pacer: Pacer) -> None:
    run = pacer(*PLAN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "holiday")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "pacer: unknown kind 'holiday'; the plan's kinds are: travel, conference, vacation, sick\n"
    )
    run = pacer(*PLAN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "vacaton", lang="zh")
    assert run.code == 2
    assert run.err == (
        "pacer: 未知的缺勤类型 'vacaton'；你是不是想写 'vacation'？"
        "（计划中的类型：travel, conference, vacation, sick）\n"
    )
    run = pacer(*BERLIN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "conference")
    assert run.err == "pacer: unknown kind 'conference'; the plan's kinds are: travel, sick\n"
    assert ok(pacer(*PLAN, "trip", "list")) == "no trips\n"  # nothing written


# -- pacer sick -----------------------------------------------------------------------------------
def test_sick_today_takes_the_plans_sick_kind(pacer: Pacer) -> None:
    # The fixture's clock: Monday 2026-03-09.
    assert ok(pacer(*PLAN, "sick")) == "off sick 1: 2026-03-09 → 2026-03-09 (1 day)\n"
    today = lines(pacer(*PLAN, "today"))
    assert today[0] == "2026-03-09 Monday · Nothing planned (off sick)"
    assert "  ○ off sick: day 1 of 1 (2026-03-09 → 2026-03-09) — rest; nothing is planned" in today
    assert not [line for line in today if line.startswith("  [")]
    # Tomorrow is a shift day again.
    assert lines(pacer(*PLAN, "today", "--date", "2026-03-10"))[0].endswith("Shift day (weekday)")


def test_sick_without_a_sick_kind_plans_nothing(pacer: Pacer) -> None:
    assert ok(pacer(*BERLIN, "sick", "2026-03-11", "--days", "2")) == (
        "sick 1: 2026-03-11 → 2026-03-12 (2 days)\n"
    )
    day = lines(pacer(*BERLIN, "today", "--date", "2026-03-12"))
    assert day[0] == "2026-03-12 Thursday · sick"
    assert "  ○ sick: day 2 of 2 (2026-03-11 → 2026-03-12)" in day
    assert not [line for line in day if line.startswith("  [")]
    zh = lines(pacer(*BERLIN, "today", "--date", "2026-03-12", lang="zh"))
    assert zh[0] == "2026-03-12 周四 · 病假"
    assert "  ○ 病假：第 2/2 天（2026-03-11 → 2026-03-12）" in zh
    shown = pacer(*BERLIN, "today", "--date", "2026-03-12", "--json").json()
    assert (shown["template"], shown["template_title"], shown["blocks"]) == ("_rest", "", [])
    # Status and the forecast run over the empty days.
    assert pacer(*BERLIN, "status").code == 0
    assert pacer(*BERLIN, "forecast", "--runs", "20").code == 0


def test_sick_days_are_checked(pacer: Pacer) -> None:
    run = pacer(*BERLIN, "sick", "--days", "0")
    assert (run.code, run.err) == (
        2,
        "pacer: --days '0' is not a number of days from 1 to 366; write e.g. --days 2\n",
    )
    run = pacer(*BERLIN, "sick", "--days", "两", lang="zh")
    assert run.err == "pacer: --days '两' 不是 1 到 366 之间的天数；请写成 --days 2 这样\n"
    assert ok(pacer(*BERLIN, "trip", "add", "2026-03-10", "2026-03-12")).startswith("trip 1")
    run = pacer(*BERLIN, "sick", "2026-03-11")
    assert run.code == 1
    assert "overlaps trip 1" in run.err


# -- trip import --match WORD=KIND -------------------------------------------------------------
ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//test//EN
BEGIN:VEVENT
UID:a@example
DTSTART;VALUE=DATE:20260316
DTEND;VALUE=DATE:20260321
SUMMARY:ESICM Konferenz Lisbon
END:VEVENT
BEGIN:VEVENT
UID:b@example
DTSTART;VALUE=DATE:20260406
DTEND;VALUE=DATE:20260411
SUMMARY:Urlaub Mallorca
END:VEVENT
BEGIN:VEVENT
UID:c@example
DTSTART;VALUE=DATE:20260504
DTEND;VALUE=DATE:20260506
SUMMARY:Trip to Hamburg
END:VEVENT
END:VCALENDAR
"""


def test_import_matches_words_to_kinds(pacer: Pacer, tmp_path: Path) -> None:
    cal = tmp_path / "cal.ics"
    cal.write_text(ICS.replace("\n", "\r\n"), encoding="utf-8")
    matches = ("--match", "Konferenz=conference", "--match", "Urlaub=vacation", "--match", "trip")
    out = ok(pacer(*PLAN, "trip", "import", str(cal), *matches))
    assert out.startswith("3 imported")
    listed = pacer(*PLAN, "trip", "list", "--json").json()["trips"]
    assert [(t["note"], t["kind"]) for t in listed] == [
        ("ESICM Konferenz Lisbon", "conference"),
        ("Urlaub Mallorca", "vacation"),
        ("Trip to Hamburg", "travel"),
    ]
    assert lines(pacer(*PLAN, "today", "--date", "2026-04-08"))[0].endswith("(on vacation)")


def test_import_refuses_an_unknown_kind_before_reading(pacer: Pacer, tmp_path: Path) -> None:
    cal = tmp_path / "cal.ics"
    cal.write_text(ICS, encoding="utf-8")
    run = pacer(*PLAN, "trip", "import", str(cal), "--match", "Urlaub=holidays")
    assert (run.code, run.err) == (
        2,
        "pacer: unknown kind 'holidays'; the plan's kinds are: travel, conference, vacation,"
        " sick\n",
    )
    run = pacer(*PLAN, "trip", "import", str(cal), "--match", "Urlaub=")
    assert run.err == (
        "pacer: --match 'Urlaub=': write a word, or WORD=KIND (e.g. --match Urlaub=vacation)\n"
    )
    assert ok(pacer(*PLAN, "trip", "list")) == "no trips\n"


# -- an absence in another zone -------------------------------------------------------------------
def test_block_times_on_a_trip_with_a_zone_follow_it(pacer: Pacer, tmp_path: Path) -> None:
    """The shift template starts at 20:00; on a trip day in Tokyo (the travel template has no
    start: the shift day's hour) the first block is at 20:00 Asia/Tokyo, the next day at
    20:00 in Berlin again."""
    run = pacer(*PLAN, "trip", "add", "2026-03-10", "2026-03-10", "--tz", "Asia/Tokyo")
    assert ok(run) == "away 1: 2026-03-10 → 2026-03-10 (1 day) · block times in Asia/Tokyo\n"
    assert "  1  2026-03-10 → 2026-03-10  (1 day)  away  Asia/Tokyo" in lines(
        pacer(*PLAN, "trip", "list")
    )
    out = tmp_path / "cal.ics"
    assert pacer(*PLAN, "export", "ics", "--days", "3", "-o", str(out)).code == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    starts = {
        str(e["uid"]): e.decoded("dtstart") for e in cal.walk("VEVENT") if "keys" in str(e["uid"])
    }
    tokyo, berlin = ZoneInfo("Asia/Tokyo"), ZoneInfo("Europe/Berlin")
    on_trip = starts["nurse-absence-2026-20260310-keys@pacer"]
    assert on_trip == datetime(2026, 3, 10, 20, 0, tzinfo=tokyo)
    assert on_trip.utcoffset() == tokyo.utcoffset(on_trip)
    assert starts["nurse-absence-2026-20260311-keys@pacer"] == datetime(
        2026, 3, 11, 20, 0, tzinfo=berlin
    )
    assert {tz["tzid"] for tz in cal.walk("VTIMEZONE")} == {"Asia/Tokyo", "Europe/Berlin"}


def test_a_zone_is_checked_as_pacer_tz_is(pacer: Pacer) -> None:
    run = pacer(*PLAN, "trip", "add", "2026-03-10", "2026-03-12", "--tz", "asia/tokyo")
    assert (run.code, run.err) == (
        2,
        "pacer: unknown time zone 'asia/tokyo' for --tz; did you mean 'Asia/Tokyo'?\n",
    )
    run = pacer(*PLAN, "trip", "add", "2026-03-10", "2026-03-12", "--tz", "Mars/Olympus", lang="zh")
    assert run.err == "pacer: --tz 的时区 'Mars/Olympus' 未知；请写成 Asia/Tokyo 这样的名称\n"


def test_an_import_keeps_kinds_and_zones_and_refuses_a_bad_zone(
    pacer: Pacer, tmp_path: Path
) -> None:
    import json

    assert pacer(*PLAN, "trip", "add", "2026-04-06", "2026-04-10", "--kind", "conference").code == 0
    assert pacer(*PLAN, "trip", "add", "2026-04-13", "2026-04-14", "--tz", "Asia/Tokyo").code == 0
    export = tmp_path / "all.json"
    assert pacer(*PLAN, "export", "json", "-o", str(export)).code == 0
    fresh = ("--db", str(tmp_path / "new.db"))
    assert pacer(*PLAN, *fresh, "import", "json", str(export)).code == 0
    listed = pacer(*PLAN, *fresh, "trip", "list", "--json").json()["trips"]
    assert [(t["kind"], t["tz"]) for t in listed] == [
        ("conference", None),
        ("travel", "Asia/Tokyo"),
    ]
    document = json.loads(export.read_text(encoding="utf-8"))
    document["tables"]["trips"][1]["tz"] = "Asia/Tokio"
    export.write_text(json.dumps(document), encoding="utf-8")
    run = pacer(*PLAN, "--db", str(tmp_path / "other.db"), "import", "json", str(export))
    assert run.code != 0
    assert "unknown time zone 'Asia/Tokio' for --tz; did you mean 'Asia/Tokyo'?" in run.err
