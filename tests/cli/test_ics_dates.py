"""`pacer trip import` dates, end to end: all-day events written as times, folds inside a
character, UTF-16 files and repeating trips, for a plan in Shanghai and one in New York.

Each file goes through the installed `pacer` in a subprocess and the trips are read back with
`trip list --json`. The person's zone (PACER_TZ) is unset and the machine's zone is Kiritimati
(UTC+14): the dates must come from the events' own zones and the plan's, never the machine's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import Run

Pacer = Callable[..., Run]
MACHINE = {"PACER_TZ": "", "TZ": "Pacific/Kiritimati"}
ZONES = ["Asia/Shanghai", "America/New_York"]


@pytest.fixture(params=ZONES)
def plan(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The Berlin nurse's plan (2026-03-02 → 2026-08-30) moved to another zone."""
    text = OTHER_PLAN.read_text(encoding="utf-8")
    assert "timezone: Europe/Berlin" in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace("Europe/Berlin", request.param), encoding="utf-8")
    return path


def calendar(*events: str, head: str = "") -> str:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\n{head}{body}END:VCALENDAR\n"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def run_import(pacer: Pacer, plan: Path, data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "cal.ics"
    path.write_bytes(data)
    run = pacer("--plan", str(plan), "trip", "import", str(path), env=MACHINE)
    assert run.code == 0, run.err
    return run.out.splitlines()


def table(pacer: Pacer, plan: Path) -> list[tuple[str, str, str]]:
    run = pacer("--plan", str(plan), "trip", "list", "--json", env=MACHINE)
    assert run.code == 0, run.err
    return [(t["start"], t["end"], t["note"]) for t in run.json()["trips"]]


# -- all-day events written as times ------------------------------------------------------------
@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # Midnight to midnight UTC: one day, 28 March, wherever the plan is.
        (
            "DTSTART:20260328T000000Z\nDTEND:20260329T000000Z",
            ("2026-03-28", "2026-03-28"),
        ),
        # Local midnight to midnight in the event's own zone.
        (
            "DTSTART;TZID=Europe/Berlin:20260401T000000\nDTEND;TZID=Europe/Berlin:20260403T000000",
            ("2026-04-01", "2026-04-02"),
        ),
        # VALUE=DATE with a time part: the value says it is a date.
        (
            "DTSTART;VALUE=DATE:20260410T000000Z\nDTEND;VALUE=DATE:20260412T000000Z",
            ("2026-04-10", "2026-04-11"),
        ),
        # Outlook's all-day flag on an event that ends a minute before midnight.
        (
            "DTSTART;TZID=Europe/Berlin:20260420T000000\n"
            "DTEND;TZID=Europe/Berlin:20260420T235900\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            ("2026-04-20", "2026-04-20"),
        ),
        # Outlook's flag on UTC times with no calendar zone: the writer's midnight (16:00Z is
        # Shanghai's) rounds to the nearest UTC midnight, and the event lasts its whole days:
        # 8-9 June in every plan's zone (New York once made it 7-9 June).
        (
            "DTSTART:20260607T160000Z\nDTEND:20260609T160000Z\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            ("2026-06-08", "2026-06-09"),
        ),
        # A timed trip is dated where it happens: Tokyo 23:00 on the 28th is the 28th, even
        # when it is still the morning of the 28th in New York (and the 29th in Kiritimati).
        (
            "DTSTART;TZID=Asia/Tokyo:20260328T230000\nDTEND;TZID=Asia/Tokyo:20260331T180000",
            ("2026-03-28", "2026-03-31"),
        ),
    ],
)
def test_an_event_is_dated_in_its_own_zone(
    pacer: Pacer, plan: Path, tmp_path: Path, event: str, expected: tuple[str, str]
) -> None:
    data = crlf(calendar(f"UID:a@x\nSUMMARY:Trip\n{event}"))
    assert run_import(pacer, plan, data, tmp_path)[0] == "1 imported, 0 skipped; 1 event read"
    assert table(pacer, plan) == [(*expected, "Trip")]


def test_outlooks_all_day_flag_on_utc_times_takes_the_calendars_zone(
    pacer: Pacer, plan: Path, tmp_path: Path
) -> None:
    """An all-day event on 15 April, made in Shanghai and written in UTC."""
    data = crlf(
        calendar(
            "UID:a@x\nSUMMARY:出差 深圳\nDTSTART:20260414T160000Z\nDTEND:20260415T160000Z\n"
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            head="X-WR-TIMEZONE:Asia/Shanghai\n",
        )
    )
    run_import(pacer, plan, data, tmp_path)
    assert table(pacer, plan) == [("2026-04-15", "2026-04-15", "出差 深圳")]


def test_utc_and_floating_times_are_read_in_the_plans_zone(
    pacer: Pacer, plan: Path, tmp_path: Path
) -> None:
    data = crlf(
        calendar(
            # 02:00 UTC: 10:00 in Shanghai, 22:00 the day before in New York.
            "UID:a@x\nSUMMARY:Trip UTC\nDTSTART:20260420T020000Z\nDTEND:20260422T020000Z",
            # A floating start is the plan's clock; its UTC end is 11:00 on the 8th in
            # Shanghai, 23:00 on the 7th in New York.
            "UID:b@x\nSUMMARY:Trip floating\nDTSTART:20260505T220000\nDTEND:20260508T030000Z",
        )
    )
    run_import(pacer, plan, data, tmp_path)
    new_york = "New_York" in plan.read_text(encoding="utf-8")
    assert table(pacer, plan) == (
        [
            ("2026-04-19", "2026-04-21", "Trip UTC"),
            ("2026-05-05", "2026-05-07", "Trip floating"),
        ]
        if new_york
        else [
            ("2026-04-20", "2026-04-22", "Trip UTC"),
            ("2026-05-05", "2026-05-08", "Trip floating"),
        ]
    )


# -- bytes before characters --------------------------------------------------------------------
def fold(line: bytes) -> bytes:
    """RFC 5545 folding at 75 octets, blind to characters (as many writers do it)."""
    parts = [line[:75]]
    rest = line[75:]
    while rest:
        parts.append(b" " + rest[:74])
        rest = rest[74:]
    return b"\r\n".join(parts)


def test_a_fold_inside_a_cjk_character(pacer: Pacer, plan: Path, tmp_path: Path) -> None:
    summary = "出差：上海浦东张江高科技园区客户现场联调与验收（第二阶段）"
    line = f"SUMMARY:{summary}".encode()
    folded = fold(line)
    cut = folded.index(b"\r\n ")
    assert line[cut] & 0xC0 == 0x80  # the fold splits a three-byte character
    head = crlf("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:cjk@x\n")
    tail = crlf("\nDTSTART;VALUE=DATE:20260406\nDTEND;VALUE=DATE:20260409\nEND:VEVENT\n")
    data = head + folded + tail + b"END:VCALENDAR\r\n"
    assert run_import(pacer, plan, data, tmp_path)[0] == "1 imported, 0 skipped; 1 event read"
    assert table(pacer, plan) == [("2026-04-06", "2026-04-08", summary)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_with_a_bom(pacer: Pacer, plan: Path, tmp_path: Path, codec: str) -> None:
    text = calendar(
        "UID:u@x\nSUMMARY:出差 北京\nDTSTART;VALUE=DATE:20260406\nDTEND;VALUE=DATE:20260408"
    ).replace("\n", "\r\n")
    data = ("\ufeff" + text).encode(codec)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert run_import(pacer, plan, data, tmp_path)[0] == "1 imported, 0 skipped; 1 event read"
    assert table(pacer, plan) == [("2026-04-06", "2026-04-07", "出差 北京")]


# -- repeating trips ----------------------------------------------------------------------------
WEEKLY = calendar(
    # Every Monday 08:00 → Wednesday 20:00 in Shanghai, six times, without 20 April; the
    # trip of 27 April moved to 29 April → 1 May.
    "UID:weekly@corp\nSUMMARY:出差 苏州\nDTSTART;TZID=Asia/Shanghai:20260406T080000\n"
    "DTEND;TZID=Asia/Shanghai:20260408T200000\nRRULE:FREQ=WEEKLY;COUNT=6\n"
    "EXDATE;TZID=Asia/Shanghai:20260420T080000",
    "UID:weekly@corp\nRECURRENCE-ID;TZID=Asia/Shanghai:20260427T080000\nSUMMARY:出差 苏州（改期）\n"
    "DTSTART;TZID=Asia/Shanghai:20260429T080000\nDTEND;TZID=Asia/Shanghai:20260501T200000",
    "UID:standup@corp\nSUMMARY:Standup\nDTSTART:20260406T010000Z\nDURATION:PT15M\nRRULE:FREQ=DAILY",
)


def test_a_weekly_trip_with_an_exception_and_a_moved_one(
    pacer: Pacer, plan: Path, tmp_path: Path
) -> None:
    lines = run_import(pacer, plan, crlf(WEEKLY), tmp_path)
    assert lines[0] == "5 imported, 0 skipped; 3 events read"
    expected = [
        ("2026-04-06", "2026-04-08", "出差 苏州"),
        ("2026-04-13", "2026-04-15", "出差 苏州"),
        ("2026-04-29", "2026-05-01", "出差 苏州（改期）"),
        ("2026-05-04", "2026-05-06", "出差 苏州"),
        ("2026-05-11", "2026-05-13", "出差 苏州"),
    ]
    assert table(pacer, plan) == expected
    for _ in range(2):
        again = run_import(pacer, plan, crlf(WEEKLY), tmp_path)
        assert again[0] == "0 imported, 0 skipped; 5 already imported; 3 events read"
        assert table(pacer, plan) == expected


def test_an_open_ended_repeat_stops_at_the_plans_end(
    pacer: Pacer, plan: Path, tmp_path: Path
) -> None:
    """Monthly from January, for ever: only the trips inside the plan (2 March → 30 August)."""
    data = crlf(
        calendar(
            "UID:monthly@x\nSUMMARY:Travel to the plant\nDTSTART;VALUE=DATE:20260115\n"
            "DTEND;VALUE=DATE:20260117\nRRULE:FREQ=MONTHLY"
        )
    )
    assert run_import(pacer, plan, data, tmp_path)[0] == "6 imported, 0 skipped; 1 event read"
    assert table(pacer, plan) == [
        (f"2026-{m:02d}-15", f"2026-{m:02d}-16", "Travel to the plant") for m in range(3, 9)
    ]
    assert run_import(pacer, plan, data, tmp_path)[0] == (
        "0 imported, 0 skipped; 6 already imported; 1 event read"
    )


def test_the_built_in_plan_reads_the_three_files_in_shanghai(pacer: Pacer, tmp_path: Path) -> None:
    """The issue's three files on the built-in plan (Asia/Shanghai, ends 31 December)."""
    summary = "出差：上海浦东张江高科技园区客户现场联调与验收（第二阶段）"
    files = [
        crlf(calendar("UID:m@x\nSUMMARY:Trip\nDTSTART:20260328T000000Z\nDTEND:20260329T000000Z")),
        crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:cjk@x\n")
        + fold(f"SUMMARY:{summary}".encode())
        + crlf("\nDTSTART;VALUE=DATE:20260601\nEND:VEVENT\nEND:VCALENDAR\n"),
        crlf(WEEKLY),
    ]
    for number, data in enumerate(files):
        path = tmp_path / f"{number}.ics"
        path.write_bytes(data)
        assert pacer("trip", "import", str(path), env=MACHINE).code == 0
    trips = [(t["start"], t["end"]) for t in pacer("trip", "list", "--json").json()["trips"]]
    assert trips == [
        ("2026-03-28", "2026-03-28"),
        ("2026-04-06", "2026-04-08"),
        ("2026-04-13", "2026-04-15"),
        ("2026-04-29", "2026-05-01"),
        ("2026-05-04", "2026-05-06"),
        ("2026-05-11", "2026-05-13"),
        ("2026-06-01", "2026-06-01"),
    ]
