"""A corpus of bad calendar files, made here, each through `pacer trip import`.

Every file is imported as far as it can be ("N imported, M skipped (why)", exit 0) or refused
whole (one error line, exit 1); the trips table is checked after each: nothing partial.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers import Run

Pacer = Callable[..., Run]


def ics(*events: str, head: str = "", end: str = "END:VCALENDAR\n") -> bytes:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\n{head}{body}{end}".replace("\n", "\r\n").encode()


def table(pacer: Pacer) -> list[tuple[str, str, str]]:
    trips = pacer("trip", "list", "--json").json()["trips"]
    return [(t["start"], t["end"], t["note"]) for t in trips]


def imported(pacer: Pacer, path: Path, **kw: dict[str, str]) -> list[str]:
    run = pacer("trip", "import", str(path), **kw)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "built-in" not in line] == []
    return run.out.splitlines()


def refused(pacer: Pacer, path: Path) -> str:
    before = table(pacer)
    run = pacer("trip", "import", str(path))
    assert (run.code, run.out) == (1, "")
    (line,) = [line for line in run.err.splitlines() if "built-in" not in line]
    assert table(pacer) == before
    return line


def test_empty_values(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "empty.ics"
    path.write_bytes(
        ics(
            "UID:\nSUMMARY:Trip A\nDTSTART;VALUE=DATE:20260401\nDTEND:\nDESCRIPTION:",
            "UID:b\nSUMMARY:Trip B\nDTSTART:\nDTEND:",
            "UID:c\nSUMMARY:\nDTSTART;VALUE=DATE:20260501",
            # an empty TZID is a floating time; without an end, a moment: not a trip
            "UID:d\nSUMMARY:Trip D\nDTSTART;TZID=:20260601T090000\nDURATION:",
            "",
        )
    )
    lines = imported(pacer, path)
    assert lines[0] == (
        "1 imported, 2 skipped (1 without a start, 1 within one day); 5 events read"
    )
    assert table(pacer) == [("2026-04-01", "2026-04-01", "Trip A")]
    assert imported(pacer, path)[0].startswith("0 imported, 2 skipped (")  # its UID is derived
    assert len(table(pacer)) == 1


def test_dtend_equal_to_dtstart(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "zero.ics"
    path.write_bytes(
        ics(
            "UID:a\nSUMMARY:Trip all day\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260401",
            "UID:b\nSUMMARY:Trip timed\nDTSTART:20260410T090000Z\nDTEND:20260410T090000Z",
        )
    )
    assert imported(pacer, path)[0] == "1 imported, 1 skipped (1 within one day); 2 events read"
    assert table(pacer) == [("2026-04-01", "2026-04-01", "Trip all day")]


def test_tzid_on_date_values(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "tzdate.ics"
    path.write_bytes(
        ics(
            "UID:a\nSUMMARY:出差\nDTSTART;TZID=Asia/Shanghai;VALUE=DATE:20260401\n"
            "DTEND;TZID=Asia/Shanghai;VALUE=DATE:20260403",
            "UID:b\nSUMMARY:trip\nDTSTART;TZID=Europe/Paris:20260410\nDTEND;TZID=Nowhere:20260412",
        )
    )
    lines = imported(pacer, path, env={"PACER_TZ": "America/Los_Angeles"})
    assert lines[0] == "2 imported, 0 skipped; 2 events read"
    assert table(pacer) == [
        ("2026-04-01", "2026-04-02", "出差"),
        ("2026-04-10", "2026-04-11", "trip"),
    ]


def test_windows_zone_names(pacer: Pacer, tmp_path: Path) -> None:
    outlook_zone = (
        "BEGIN:VTIMEZONE\nTZID:China Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
        "TZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    path = tmp_path / "outlook.ics"
    path.write_bytes(
        ics(
            "UID:a\nSUMMARY:出差 上海\nDTSTART;TZID=China Standard Time:20260401T200000\n"
            "DTEND;TZID=China Standard Time:20260403T100000",
            # a Windows name with no VTIMEZONE in the file
            "UID:b\nSUMMARY:Trip Berlin\nDTSTART;TZID=W. Europe Standard Time:20260420T230000\n"
            "DTEND;TZID=W. Europe Standard Time:20260423T120000",
            # a made-up name with no VTIMEZONE: skipped, not guessed
            "UID:c\nSUMMARY:Trip Mars\nDTSTART;TZID=Mars Standard Time:20260501T090000\n"
            "DURATION:P2D",
            head=outlook_zone,
        )
    )
    lines = imported(pacer, path)
    assert lines[0] == "2 imported, 1 skipped (1 in an unknown time zone); 3 events read"
    assert (
        "  - line 23 \"Trip Mars\": unknown time zone 'Mars Standard Time'"
        " (and no VTIMEZONE for it in the file)"
    ) in lines
    # 23:00 in Berlin is the 20th there (05:00 on the 21st in Shanghai): dated where it is.
    assert table(pacer) == [
        ("2026-04-01", "2026-04-03", "出差 上海"),
        ("2026-04-20", "2026-04-23", "Trip Berlin"),
    ]


def test_non_utf8_bytes(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "gbk.ics"
    data = ics(
        "UID:a\nSUMMARY:@GBK@ 深圳\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260403",
        "UID:b\nSUMMARY:Trip to Z@L1@rich\nDTSTART;VALUE=DATE:20260410\nDTEND;VALUE=DATE:20260412",
        "UID:c\nSUMMARY:Dentist\nDESCRIPTION:\xff\xfe\nDTSTART;VALUE=DATE:20260420",
    )
    data = data.replace("@GBK@ 深圳".encode(), "出差 深圳".encode("gbk"))
    path.write_bytes(data.replace(b"@L1@", "ü".encode("latin-1")))
    lines = imported(pacer, path)
    assert lines[0] == "1 imported, 1 skipped (1 not UTF-8); 3 events read"
    assert lines[-1] == (
        '  - line 3 "\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd": the summary is not'
        " UTF-8 text (save the calendar as UTF-8)"
    )
    assert table(pacer) == [("2026-04-10", "2026-04-11", "Trip to Z\ufffdrich")]


def test_a_10_mb_file(pacer: Pacer, tmp_path: Path) -> None:
    """Two trips around one event whose folded description is 10 MB."""
    long = "x" * (10 * 1024 * 1024)
    folded = "\n ".join(long[i : i + 74] for i in range(0, len(long), 74))
    path = tmp_path / "big.ics"
    path.write_bytes(
        ics(
            "UID:a\nSUMMARY:Trip one\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260403",
            f"UID:b\nSUMMARY:Notes\nDESCRIPTION:{folded}\nDTSTART;VALUE=DATE:20260405",
            "UID:c\nSUMMARY:Trip two\nDTSTART;VALUE=DATE:20260410\nDTEND;VALUE=DATE:20260412",
        )
    )
    assert path.stat().st_size > 10 * 1024 * 1024
    assert imported(pacer, path)[0] == "2 imported, 0 skipped; 3 events read"
    assert table(pacer) == [
        ("2026-04-01", "2026-04-02", "Trip one"),
        ("2026-04-10", "2026-04-11", "Trip two"),
    ]


def test_100000_events(pacer: Pacer, tmp_path: Path) -> None:
    """100,000 events: meetings, and every 1,000th a three-day trip a week after the last."""
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"]
    expected = []
    first = date(2026, 1, 5)
    for i in range(100_000):
        if i % 1000 == 0:
            day = first + timedelta(weeks=i // 1000)
            parts.append(
                f"BEGIN:VEVENT\r\nUID:trip-{i}@corp\r\nSUMMARY:Business trip {i}\r\n"
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\n"
                f"DTEND;VALUE=DATE:{day + timedelta(days=3):%Y%m%d}\r\nEND:VEVENT\r\n"
            )
            expected.append((str(day), str(day + timedelta(days=2)), f"Business trip {i}"))
            continue
        parts.append(
            f"BEGIN:VEVENT\r\nUID:m{i}@corp\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART;TZID=Asia/Shanghai:20260302T{i % 10 + 9:02d}0000\r\n"
            f"DURATION:PT1H\r\nSUMMARY:Meeting {i}\r\nEND:VEVENT\r\n"
        )
    parts.append("END:VCALENDAR\r\n")
    path = tmp_path / "huge.ics"
    path.write_text("".join(parts), encoding="utf-8")
    assert imported(pacer, path)[0] == "100 imported, 0 skipped; 100000 events read"
    assert table(pacer) == expected
    again = imported(pacer, path)
    assert again[0] == "0 imported, 0 skipped; 100 already imported; 100000 events read"
    assert table(pacer) == expected


def test_a_file_cut_in_the_middle(pacer: Pacer, tmp_path: Path) -> None:
    whole = ics(
        "UID:a\nSUMMARY:Trip A\nDTSTART;VALUE=DATE:20260401\nDTEND;VALUE=DATE:20260403",
        "UID:b\nSUMMARY:Trip B\nDTSTART;VALUE=DATE:20260410\nDTEND;VALUE=DATE:20260412",
    )
    path = tmp_path / "cut.ics"
    path.write_bytes(whole[: whole.index(b"DTEND;VALUE=DATE:20260412") + 10])
    lines = imported(pacer, path)
    assert lines[0] == "1 imported, 1 skipped (1 cut off); 2 events read"
    assert lines[-1] == '  - line 9 "Trip B": the event is cut off (no END:VEVENT)'
    assert table(pacer) == [("2026-04-01", "2026-04-02", "Trip A")]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b'{"trips": []}',
        "出差 2026-04-01 → 2026-04-03\n".encode("gbk"),
        b"BEGIN:VEVENT\r\nSUMMARY:Trip\r\nDTSTART:20260401\r\nEND:VEVENT\r\n",
    ],
)
def test_not_a_calendar_imports_nothing(pacer: Pacer, tmp_path: Path, data: bytes) -> None:
    assert pacer("trip", "add", "2026-03-01", "2026-03-02").code == 0
    path = tmp_path / "not.ics"
    path.write_bytes(data)
    line = refused(pacer, path)
    assert line == (
        f"pacer: {path} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR);"
        " nothing imported"
    )


def test_a_file_too_big_to_read_imports_nothing(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"
    with path.open("wb") as fh:  # sparse: 65 MB on paper, nothing on the disk
        fh.write(ics("UID:a\nSUMMARY:Trip\nDTSTART:20260401"))
        fh.truncate(65 * 1024 * 1024)
    line = refused(pacer, path)
    assert line == (
        f"pacer: {path} is 65 MB; pacer reads calendars up to 64 MB (export fewer months)"
    )
