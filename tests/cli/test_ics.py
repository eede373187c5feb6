"""`pacer export ics` and `pacer trip import`, end to end with the installed command."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.helpers import ROOT, Run, example_plan_text

Pacer = Callable[..., Run]
GOLDEN = ROOT / "tests" / "golden" / "export-ics-tiny.ics"
SHANGHAI = ZoneInfo("Asia/Shanghai")
TRAVEL = {"kind": "travel", "tz": None}  # an imported trip: a plain trip


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


def events(text: str | bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def trips(pacer: Pacer, *args: str) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = pacer(*args, "trip", "list", "--json").json()["trips"]
    return listed


@pytest.fixture
def tiny(write_plan: Callable[[str], Path]) -> Path:
    return write_plan(example_plan_text())


# -- export -------------------------------------------------------------------------------------
def test_export_matches_the_golden_file(pacer: Pacer, tiny: Path, tmp_path: Path) -> None:
    plan = ("--plan", str(tiny))
    assert pacer(*plan, "trip", "add", "2026-03-12", "2026-03-13", "--note", "深圳").code == 0
    assert pacer(*plan, "log", "30", "calc-2", "--date", "2026-03-06").code == 0
    out = tmp_path / "out" / "tiny.ics"
    run = pacer(*plan, "export", "ics", "--days", "7", "-o", str(out))
    assert (run.code, run.err) == (0, "")
    assert run.out == f"wrote {out}: 12 events over 7 days\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["tiny.ics"]  # no temporary file
    data = out.read_bytes()
    if os.environ.get("PACER_WRITE_GOLDEN"):
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()
    # Each block rings once, 10 minutes before (the default `alarm`); the trip does not.
    for event in events(data):
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        if str(event["UID"]).startswith("trip-"):
            assert alarms == []
        else:
            (alarm,) = alarms
            assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
    # Written again (the same day): the same bytes, replacing the file.
    assert pacer(*plan, "export", "ics", "--days", "7", "-o", str(out), "--force").code == 0
    assert out.read_bytes() == data


def test_the_events_are_the_days_week_shows(pacer: Pacer) -> None:
    """Built-in plan, Monday 9 March: each block of `week` at its time, with its units."""
    run = pacer("export", "ics", "--days", "7")
    assert run.code == 0, run.err
    got = {str(e["UID"]): e for e in events(run.out)}
    week = pacer("week", "--json").json()["days"]
    expected: dict[str, tuple[datetime, datetime, list[str]]] = {}
    starts = {"workday": (21, 0), "deep": (9, 30), "light": (15, 0)}
    for day in week:
        when = date.fromisoformat(day["date"])
        moment = datetime(
            when.year, when.month, when.day, *starts[day["template"]], tzinfo=SHANGHAI
        )
        for block in day["blocks"]:
            end = moment + timedelta(minutes=block["minutes"])
            if block["type"] != "work" or block["items"]:
                units = [i["unit"] for i in block["items"]]
                expected[f"plan-2026-{when:%Y%m%d}-{block['id']}@pacer"] = (moment, end, units)
            moment = end
    assert sorted(got) == sorted(expected)
    for uid, (start, end, units) in expected.items():
        event = got[uid]
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (start, end), uid
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        description = str(event.get("DESCRIPTION", ""))
        assert [u for u in units if f"({u})" in description] == units, uid
    ritual = got["plan-2026-20260315-review@pacer"]
    assert str(ritual["SUMMARY"]) == "周复盘（强制）"


def test_a_trip_is_one_all_day_event_with_an_exclusive_end(pacer: Pacer) -> None:
    assert pacer("trip", "add", "2026-03-05", "2026-03-10", "--note", "上海").code == 0
    assert pacer("trip", "add", "2026-04-06", "2026-04-08").code == 0  # after the 28 days
    (trip,) = [e for e in events(pacer("export", "ics").out) if str(e["UID"]).startswith("trip-")]
    assert (str(trip["UID"]), str(trip["SUMMARY"])) == ("trip-1@pacer", "上海")
    assert (trip["DTSTART"].dt, trip["DTEND"].dt) == (date(2026, 3, 5), date(2026, 3, 11))
    # The trip's days hold the travel template's blocks (at the workday's 21:00).
    listening = [e for e in events(pacer("export", "ics").out) if "20260310-listening" in e["UID"]]
    assert listening[0]["DTSTART"].dt == datetime(2026, 3, 10, 21, 0, tzinfo=SHANGHAI)
    assert listening[0]["DTEND"].dt == datetime(2026, 3, 10, 21, 20, tzinfo=SHANGHAI)


def test_default_28_days_from_today_and_only_inside_the_plan(pacer: Pacer) -> None:
    days = {e["DTSTART"].dt.date() for e in events(pacer("export", "ics").out)}
    assert (min(days), max(days), len(days)) == (date(2026, 3, 9), date(2026, 4, 5), 28)
    late = pacer("export", "ics", "--days", "30", env={"PACER_NOW": "2026-12-20T12:00:00+08:00"})
    days = {e["DTSTART"].dt.date() for e in events(late.out)}
    assert max(days) == date(2026, 12, 31)  # the plan's last day


def test_the_same_day_gives_the_same_uids_after_logging(pacer: Pacer) -> None:
    before = {str(e["UID"]) for e in events(pacer("export", "ics", "--days", "3").out)}
    assert pacer("log", "60", "m1801-improper-1", "--date", "2026-03-08").code == 0
    after = {str(e["UID"]) for e in events(pacer("export", "ics", "--days", "3").out)}
    assert after == before


@pytest.mark.parametrize("days", ["0", "-3", "367", "four"])
def test_bad_days_are_refused(pacer: Pacer, days: str, tmp_path: Path) -> None:
    run = pacer("export", "ics", "--days", days, "-o", str(tmp_path / "x.ics"))
    assert run.code == 2 and run.out == ""  # bad input: EX_USAGE
    assert errors(run) == [f"pacer: --days takes a number of days from 1 to 366, not '{days}'"]
    assert not (tmp_path / "x.ics").exists()


def test_a_folder_as_output_is_an_error_and_stays_as_it_was(pacer: Pacer, tmp_path: Path) -> None:
    folder = tmp_path / "cal"
    folder.mkdir()
    run = pacer("export", "ics", "-o", str(folder))
    assert run.code == 1
    (line,) = errors(run)
    assert line.startswith(f"pacer: cannot write {folder}")
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["cal", "home"]


# -- import -------------------------------------------------------------------------------------
CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:beijing@example.com
SUMMARY:出差 北京
DTSTART;VALUE=DATE:20260401
DTEND;VALUE=DATE:20260404
END:VEVENT
BEGIN:VEVENT
UID:tokyo@example.com
SUMMARY:Business trip to Tokyo
DTSTART;TZID=Tokyo Standard Time:20260420T090000
DTEND;TZID=Tokyo Standard Time:20260424T000000
END:VEVENT
BEGIN:VEVENT
UID:dentist@example.com
SUMMARY:Dentist
DTSTART;VALUE=DATE:20260402
END:VEVENT
BEGIN:VEVENT
UID:call@example.com
SUMMARY:Travel booking call
DTSTART:20260410T020000Z
DTEND:20260410T030000Z
END:VEVENT
BEGIN:VEVENT
UID:again@example.com
SUMMARY:Travel: Beijing again
DTSTART;VALUE=DATE:20260403
DTEND;VALUE=DATE:20260406
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "work.ics"
    path.write_bytes(CALENDAR.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_import_adds_the_trips_and_says_what_it_skipped(pacer: Pacer, calendar_file: Path) -> None:
    run = pacer("trip", "import", str(calendar_file))
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "2 imported, 2 skipped (1 within one day, 1 overlapping a trip); 5 events read",
        "  + trip 1: 2026-04-01 → 2026-04-03 (3 days)  出差 北京",
        "  + trip 2: 2026-04-20 → 2026-04-23 (4 days)  Business trip to Tokyo",
        '  - line 21 "Travel booking call": a timed event within one day (2026-04-10), not a trip',
        '  - line 27 "Travel: Beijing again": overlaps trip 1 (2026-04-01 → 2026-04-03)',
    ]
    assert trips(pacer) == [
        {"id": 1, "start": "2026-04-01", "end": "2026-04-03", "note": "出差 北京"} | TRAVEL,
        {"id": 2, "start": "2026-04-20", "end": "2026-04-23", "note": "Business trip to Tokyo"}
        | TRAVEL,
    ]


def test_importing_again_changes_nothing(pacer: Pacer, calendar_file: Path) -> None:
    assert pacer("trip", "import", str(calendar_file)).code == 0
    before = trips(pacer)
    for _ in range(2):
        run = pacer("trip", "import", str(calendar_file))
        assert run.code == 0, run.err
        assert run.out.splitlines()[:3] == [
            "0 imported, 2 skipped (1 within one day, 1 overlapping a trip);"
            " 2 already imported; 5 events read",
            "  = trip 1: 2026-04-01 → 2026-04-03  出差 北京 — already imported",
            "  = trip 2: 2026-04-20 → 2026-04-23  Business trip to Tokyo — already imported",
        ]
        assert trips(pacer) == before


def test_a_moved_event_is_reported_not_applied(pacer: Pacer, calendar_file: Path) -> None:
    assert pacer("trip", "import", str(calendar_file)).code == 0
    moved = calendar_file.read_text(encoding="utf-8").replace("20260404", "20260405")
    calendar_file.write_text(moved, encoding="utf-8")
    run = pacer("trip", "import", str(calendar_file))
    assert (
        "  = trip 1: 2026-04-01 → 2026-04-03  出差 北京 — already imported; the calendar now says"
        " 2026-04-01 → 2026-04-04 (to take that: pacer trip rm 1, then import again)"
    ) in run.out.splitlines()
    assert trips(pacer)[0]["end"] == "2026-04-03"


def test_the_dates_are_where_the_trip_happens(pacer: Pacer, calendar_file: Path) -> None:
    """Tokyo 09:00 on the 20th to midnight on the 24th is 20 → 23 April, even for a person
    in Los Angeles (where it begins on the 19th): a trip is dated where it happens."""
    run = pacer("trip", "import", str(calendar_file), env={"PACER_TZ": "America/Los_Angeles"})
    assert run.code == 0, run.err
    assert [(t["start"], t["end"]) for t in trips(pacer)] == [
        ("2026-04-01", "2026-04-03"),
        ("2026-04-20", "2026-04-23"),
    ]


def test_match_words_replace_the_defaults(pacer: Pacer, calendar_file: Path) -> None:
    run = pacer("trip", "import", str(calendar_file), "--match", "DENTIST", "--match", "tokyo")
    assert run.out.splitlines()[0] == "2 imported, 0 skipped; 5 events read"
    assert [(t["start"], t["end"], t["note"]) for t in trips(pacer)] == [
        ("2026-04-02", "2026-04-02", "Dentist"),
        ("2026-04-20", "2026-04-23", "Business trip to Tokyo"),
    ]


def test_import_in_chinese(pacer: Pacer, calendar_file: Path) -> None:
    run = pacer("trip", "import", str(calendar_file), lang="zh")
    assert run.out.splitlines()[0] == (
        "导入 2 个，跳过 2 个（1 个在一天之内，1 个与已有出差重叠）；共读取 5 个日程"
    )
    assert "  - 第 27 行 “Travel: Beijing again”：与出差 1（2026-04-01 → 2026-04-03）重叠" in (
        run.out.splitlines()
    )


def test_an_overlap_with_a_trip_added_by_hand_is_skipped(pacer: Pacer, calendar_file: Path) -> None:
    assert pacer("trip", "add", "2026-04-22", "2026-04-25", "--note", "hand").code == 0
    run = pacer("trip", "import", str(calendar_file))
    lines = run.out.splitlines()
    assert lines[0] == (
        "1 imported, 3 skipped (2 overlapping a trip, 1 within one day); 5 events read"
    )
    assert '  - line 10 "Business trip to Tokyo": overlaps trip 1 (2026-04-22 → 2026-04-25)' in (
        lines
    )
    assert [t["note"] for t in trips(pacer)] == ["出差 北京", "hand"]


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda p: p / "missing.ics", 1, "cannot read {path}: No such file or directory"),
        (
            lambda p: p,
            2,  # bad input, refused before anything is opened, as for every file pacer reads
            "trip import {path} is a folder, not a regular file; give the path of a file",
        ),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing(
    pacer: Pacer, tmp_path: Path, make: Callable[[Path], Path], code: int, message: str
) -> None:
    assert pacer("trip", "add", "2026-05-01", "2026-05-02").code == 0
    path = make(tmp_path)
    run = pacer("trip", "import", str(path))
    assert (run.code, run.out) == (code, "")
    assert errors(run) == ["pacer: " + message.format(path=path)]
    assert len(trips(pacer)) == 1


def test_an_empty_match_word_is_refused(pacer: Pacer, calendar_file: Path) -> None:
    run = pacer("trip", "import", str(calendar_file), "--match", " ")
    assert run.code == 1
    assert errors(run) == ["pacer: --match needs a word; an empty one would match every event"]
    assert trips(pacer) == []


def test_export_then_import_elsewhere_gives_the_same_trips(
    pacer: Pacer, tmp_path: Path, home: Path
) -> None:
    assert pacer("trip", "add", "2026-03-12", "2026-03-14", "--note", "出差 深圳").code == 0
    out = tmp_path / "cal.ics"
    assert pacer("export", "ics", "-o", str(out)).code == 0
    other = {"PACER_HOME": str(tmp_path / "other")}
    run = pacer("trip", "import", str(out), env=other)
    assert run.out.splitlines()[0].startswith("1 imported, 0 skipped;"), run.err
    assert pacer("trip", "list", "--json", env=other).json()["trips"] == [
        {"id": 1, "start": "2026-03-12", "end": "2026-03-14", "note": "出差 深圳"} | TRAVEL
    ]


def test_an_imported_trip_keeps_its_event_uid_after_rm_and_import(
    pacer: Pacer, calendar_file: Path
) -> None:
    assert pacer("trip", "import", str(calendar_file)).code == 0

    def trip_events() -> dict[str, str]:
        out = pacer("export", "ics", "--days", "60").out
        return {str(e["SUMMARY"]): str(e["UID"]) for e in events(out) if "trip-" in e["UID"]}

    first = trip_events()
    assert sorted(first) == ["Business trip to Tokyo", "出差 北京"]
    assert all(uid.endswith("@pacer") and "example.com" not in uid for uid in first.values())
    assert pacer("trip", "rm", "1").code == 0
    assert pacer("trip", "import", str(calendar_file)).out.startswith("1 imported")
    assert [t["id"] for t in trips(pacer)] == [3, 2]
    assert trip_events() == first
