"""`pacer export json`, `pacer import json`, `pacer backup` and `pacer doctor`, end to end."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import apsw
import pytest

from pacer import clock
from pacer.schedule.catchup import CatchupChoice
from pacer.schedule.decisions import ReviewDecision
from pacer.schedule.weeks import IsoWeek
from pacer.service import Session, doctor, doctor_json
from pacer.service.health import filesystem_of, network_filesystem
from pacer.store.catchup import add_choice
from pacer.store.db import open_store
from pacer.store.log import add_entry
from pacer.store.metrics import add_value
from pacer.store.migrations import LATEST
from pacer.store.milestones import set_check
from pacer.store.notes import add_note
from pacer.store.orphans import accept_orphans
from pacer.store.reviews import save_review
from pacer.store.roster import import_roster
from pacer.store.trips import add_trip
from tests.helpers import Run, example_plan_text

Pacer = Callable[..., Run]
TOP_KEYS = {
    "format",
    "format_version",
    "schema_version",
    "pacer_version",
    "exported_at",
    "plan",
    "tables",
}


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


def fill(db: Path) -> None:
    """A row (or two) in every table, through the store as pacer writes them."""
    clock.set_now(datetime(2026, 3, 10, 13, 0, tzinfo=UTC))
    store = open_store(db)
    try:
        add_entry(store, date(2026, 3, 9), "habit", "english", 30, "Lex Fridman #400", False)
        add_entry(store, date(2026, 3, 10), "unit", "m1801-improper-1", 50, "反常积分", True)
        add_trip(store, date(2026, 3, 16), date(2026, 3, 27), "深圳出差", uid="abc@calendar")
        day = date(2026, 3, 14)
        import_roster(store, [("shift-1@roster", day, day, "deep", "Früh")])
        add_choice(
            store,
            CatchupChoice("move_due", "phase-a", due=date(2026, 4, 15), reason="出差两周"),
        )
        add_choice(
            store,
            CatchupChoice("stretch", "phase-a", start=date(2026, 3, 10), end=date(2026, 3, 24)),
        )
        week = IsoWeek.parse("2026-W10")
        assert week is not None
        save_review(
            store,
            week,
            [("done", "看完 18.06 向量一讲。\n画了等高线。"), ("adjust", "")],
            {"week": "2026-W10", "tracks": [{"id": "math", "planned": 180, "done": 60}]},
            replace=False,
            decisions=[(ReviewDecision("blog-1", "keep", reason="写作周"), None)],
        )
        set_check(store, "phase-a", "mit1801", "https://notes.example/1801", date(2026, 3, 10))
        add_value(store, "listening", date(2026, 3, 9), 41.5, "Lex #400")
        add_note(store, "blog1", date(2026, 3, 8), "TensorRT engine 构建要 20 分钟")
        accept_orphans(store, [("unit", "m1801-gone")])
    finally:
        store.close()
        clock.set_now(None)


def without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


# -- export and import -------------------------------------------------------------------------
def test_export_import_export_round_trips_everything(pacer: Pacer, home: Path) -> None:
    fill(home / "pacer.db")
    out = home / "backup" / "pacer.json"
    first = pacer("export", "json", "-o", str(out))
    assert first.code == 0, first.err
    assert first.out == (
        f"wrote {out} (23 rows: log 2, trips 1, reviews 1, milestone checks 1,"
        " metric values 1, notes 1, catch-up choices 2, roster 1, changes 11,"
        " accepted orphans 1, review decisions 1)\n"
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document) == TOP_KEYS
    assert document["format"] == "pacer-export"
    assert (document["format_version"], document["schema_version"]) == (4, LATEST)
    assert document["plan"]["source"] == "<built-in 2026 plan>"
    assert len(document["plan"]["sha256"]) == 64
    tables = document["tables"]
    assert all(tables[name] for name in tables), "a table without rows proves nothing"
    assert tables["log"][1] == {
        "id": 2,
        "local_date": "2026-03-10",
        "logged_at": "2026-03-10T13:00:00+00:00",
        "target_kind": "unit",
        "target": "m1801-improper-1",
        "minutes": 50,
        "done": 1,
        "note": "反常积分",
    }
    assert tables["reviews"][0]["answers"] == {
        "done": "看完 18.06 向量一讲。\n画了等高线。",
        "adjust": "",
    }
    assert tables["trips"][0]["uid"] == "abc@calendar"

    restored = pacer("--db", str(home / "restored.db"), "import", "json", str(out))
    assert restored.code == 0, restored.err
    assert errors(restored) == []  # the same plan: no notice
    assert restored.out.startswith(f"imported {out}: 23 rows (log 2, trips 1, reviews 1,")
    again = pacer("--db", str(home / "restored.db"), "export", "json")
    assert again.code == 0, again.err
    assert without_stamp(json.loads(again.out)) == without_stamp(document)
    # What pacer shows from the restored database is what it showed before.
    for args in (
        ("status", "--json"),
        ("review", "--list", "--json"),
        ("trip", "list"),
        ("roster", "list"),
    ):
        before = pacer(*args)
        after = pacer("--db", str(home / "restored.db"), *args)
        assert (after.code, after.out) == (before.code, before.out), args


def test_export_goes_to_standard_output_without_o(pacer: Pacer, home: Path) -> None:
    run = pacer("export", "json")
    assert run.code == 0, run.err
    document = json.loads(run.out)
    assert set(document) == TOP_KEYS
    assert set(document["tables"]) == {
        "log",
        "trips",
        "roster",
        "catchup",
        "reviews",
        "milestone_checks",
        "metric_values",
        "notes",
        "audit",
        "accepted_orphans",
        "review_decisions",
    }
    assert list(home.iterdir()) != []  # the database, nothing else written but the cache
    assert not any(p.suffix == ".json" for p in home.iterdir())


def test_export_replaces_an_older_export_in_one_piece(pacer: Pacer, home: Path) -> None:
    out = home / "pacer.json"
    out.write_text("yesterday's export", encoding="utf-8")
    assert pacer("log", "30", "english").code == 0
    run = pacer("export", "json", "-o", str(out), "--force")
    assert run.code == 0, run.err
    assert json.loads(out.read_text(encoding="utf-8"))["tables"]["log"][0]["minutes"] == 30
    assert sorted(p.name for p in home.iterdir() if p.name.startswith(".")) == []


def _export(pacer: Pacer, home: Path) -> dict[str, Any]:
    fill(home / "pacer.db")
    run = pacer("export", "json")
    assert run.code == 0, run.err
    return dict(json.loads(run.out))


def _edit(document: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> str:
    change(document)
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(format_version=5),
            "is export format 5, newer than this pacer reads (4); upgrade pacer to import it",
        ),
        (
            lambda d: d.update(schema_version=99),
            f"was exported at schema 99, newer than this pacer ({LATEST}); upgrade pacer to"
            " import it",
        ),
        (lambda d: d.pop("format"), "is not a pacer export"),
        (lambda d: d.update(format_version="1"), "'format_version' is missing or malformed"),
        (lambda d: d["tables"].update(moods=[]), "table 'moods' is unknown to this pacer"),
        (
            lambda d: d["tables"]["notes"][0].update(mood="good"),
            "'tables.notes[0].mood' is unknown to this pacer",
        ),
        (
            lambda d: d["tables"]["log"][1].update(local_date="yesterday"),
            "'tables.log[1].local_date' cannot be 'yesterday'",
        ),
        (
            lambda d: d["tables"]["log"][1].update(minutes="50"),
            "'tables.log[1].minutes' cannot be '50'",
        ),
        (
            lambda d: d["tables"]["log"][1].update(minutes=-50),
            "row 1 of log: minutes -50 is outside 0 to 1440 (24 hours)",
        ),
        (
            lambda d: d["tables"]["notes"].append(d["tables"]["notes"][0]),
            "row 1 of notes was refused (UNIQUE constraint failed: notes.id)",
        ),
        (
            lambda d: d["tables"]["log"][1].update(id=2**70),
            "tables.log[1].id",
        ),
        (lambda d: d["tables"]["log"][1].update(id=-3), "tables.log[1].id"),
        (
            lambda d: d["tables"]["metric_values"][0].update(value=2**70),
            "'tables.metric_values[0].value' cannot be 1180591620717411303424",
        ),
    ],
    ids=[
        "newer-format",
        "newer-schema",
        "not-an-export",
        "format-as-text",
        "unknown-table",
        "unknown-column",
        "bad-date",
        "minutes-as-text",
        "negative-minutes",
        "duplicate-id",
        "huge-id",
        "negative-id",
        "huge-value",
    ],
)
def test_a_bad_export_is_refused_in_one_line_and_nothing_is_written(
    pacer: Pacer, home: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    bad = home / "bad.json"
    bad.write_text(_edit(_export(pacer, home), change), encoding="utf-8")
    target = home / "restored.db"
    run = pacer("--db", str(target), "import", "json", str(bad))
    assert run.code == 1
    assert run.out == ""
    (line,) = errors(run)
    assert message in line, line
    assert "nothing was imported" in line or "upgrade pacer to import it" in line
    if target.exists():
        store = sqlite3.connect(target)
        try:
            counts = [
                store.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("log", "notes", "trips")
            ]
        finally:
            store.close()
        assert counts == [0, 0, 0]


def _trip(start: str, end: str, tid: int = 2) -> dict[str, Any]:
    return {
        "id": tid,
        "start_date": start,
        "end_date": end,
        "note": "",
        "uid": None,
        "created_at": "2026-03-10T13:00:00+00:00",
    }


def _log(day: str, minutes: int, lid: int = 3) -> dict[str, Any]:
    return {
        "id": lid,
        "local_date": day,
        "logged_at": "2026-03-10T13:00:00+00:00",
        "target_kind": "habit",
        "target": "english",
        "minutes": minutes,
        "done": 0,
        "note": "",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["tables"]["trips"].append(_trip("2026-03-20", "2026-03-30")),
            "row 1 of trips: overlaps row 0 (2026-03-16 → 2026-03-27); trips may not overlap",
        ),
        (
            lambda d: d["tables"]["trips"].append(_trip("2026-04-01", "2027-04-10")),
            "row 1 of trips: a trip from 2026-04-01 to 2027-04-10 is longer than a year",
        ),
        (
            lambda d: d["tables"]["trips"].append(_trip("2026-04-10", "2026-04-01")),
            "row 1 of trips: the trip ends (2026-04-01) before it starts (2026-04-10)",
        ),
        (
            lambda d: d["tables"]["log"].append(_log("2026-03-09", 1420)),
            "row 2 of log: 2026-03-09 already has 30 min logged; 1420 more would pass 1440 min",
        ),
        (
            lambda d: d["tables"]["log"].append(_log("2026-03-11", 1441)),
            "row 2 of log: minutes 1441 is outside 0 to 1440 (24 hours)",
        ),
        (
            lambda d: d["tables"]["log"][1].update(minutes=-50),
            "row 1 of log: minutes -50 is outside 0 to 1440 (24 hours)",
        ),
        (
            lambda d: d["tables"]["log"][0].update(target_kind="lesson"),
            "row 0 of log: target_kind 'lesson' is not one of unit, habit, ritual",
        ),
        (
            lambda d: d["tables"]["catchup"][0].update(kind="skip"),
            "row 0 of catchup: kind 'skip' is not one of stretch, defer, move_due, focus",
        ),
        (
            lambda d: d["tables"]["log"][0].update(logged_at="yesterday noon"),
            "row 0 of log: logged_at 'yesterday noon' is not an ISO 8601 time with its UTC offset",
        ),
        (
            lambda d: d["tables"]["notes"][0].update(logged_at="2026-03-08T10:00:00"),
            "row 0 of notes: logged_at '2026-03-08T10:00:00' is not an ISO 8601 time with its",
        ),
        (
            lambda d: d["tables"]["reviews"][0].update(week="2026-W60"),
            "row 0 of reviews: '2026-W60' is not an ISO week",
        ),
        (
            lambda d: d["tables"]["reviews"][0].update(answers=["a", "b"]),
            "row 0 of reviews: the stored review for 2026-W10 is damaged",
        ),
        (
            lambda d: d["tables"]["metric_values"][0].update(value=float("nan")),
            "row 0 of metric_values: value nan is not a finite number",
        ),
        (
            lambda d: d["tables"]["metric_values"][0].update(value=float("inf")),
            "row 0 of metric_values: value inf is not a finite number",
        ),
        (
            lambda d: d["tables"]["log"][0].update(local_date="2031-01-01"),
            "row 0 of log: dated 2031-01-01, after it was logged (2026-03-10T13:00:00+00:00)",
        ),
        (
            lambda d: d["tables"]["log"][0].update(logged_at="9999-12-31T23:59:59+14:00"),
            "row 0 of log: logged_at '9999-12-31T23:59:59+14:00' is not an ISO 8601 time with",
        ),
    ],
    ids=[
        "overlapping-trips",
        "year-long-trip",
        "trip-ends-before-it-starts",
        "day-over-24-hours",
        "minutes-over-24-hours",
        "negative-minutes",
        "log-kind",
        "catchup-kind",
        "timestamp",
        "timestamp-without-offset",
        "iso-week",
        "review-answers-not-a-mapping",
        "nan",
        "infinity",
        "log-dated-ahead",
        "far-timestamp",
    ],
)
def test_import_checks_every_row_by_the_rules_the_commands_enforce(
    pacer: Pacer, home: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    bad = home / "bad.json"
    bad.write_text(_edit(_export(pacer, home), change), encoding="utf-8")
    target = home / "restored.db"
    run = pacer("--db", str(target), "import", "json", str(bad))
    assert run.code == 1
    assert run.out == ""
    (line,) = errors(run)
    assert line.startswith(f"pacer: {bad}: row "), line
    assert message in line, line
    assert line.endswith("; nothing was imported"), line
    assert pacer("--db", str(target), "export", "json").json()["tables"] == {
        name: [] for name in _export_tables()
    }


def _export_tables() -> tuple[str, ...]:
    return (
        "log",
        "trips",
        "catchup",
        "reviews",
        "milestone_checks",
        "metric_values",
        "notes",
        "roster",
        "audit",
        "accepted_orphans",
        "review_decisions",
    )


def test_import_takes_trips_that_touch_but_do_not_overlap(pacer: Pacer, home: Path) -> None:
    document = _export(pacer, home)
    document["tables"]["trips"].append(_trip("2026-03-28", "2026-04-02"))
    document["tables"]["log"].append(_log("2026-03-09", 1410))  # 30 + 1410: a full day
    path = home / "ok.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    run = pacer("--db", str(home / "restored.db"), "import", "json", str(path))
    assert run.code == 0, run.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "bad.json:1:2: not valid JSON"),
        (b"\xff\xfe{}", "bad.json is not UTF-8 text"),
        (b"[]", "is not a pacer export"),
    ],
    ids=["syntax", "not-utf8", "a-list"],
)
def test_a_file_that_is_no_export_is_refused(
    pacer: Pacer, home: Path, content: bytes, message: str
) -> None:
    bad = home / "bad.json"
    bad.write_bytes(content)
    run = pacer("import", "json", str(bad))
    assert run.code == 1
    (line,) = errors(run)
    assert message in line, line


def test_import_refuses_a_database_that_holds_data(pacer: Pacer, home: Path) -> None:
    document = _export(pacer, home)
    path = home / "pacer.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = pacer("export", "json").json()
    run = pacer("import", "json", str(path))
    assert run.code == 1
    assert errors(run) == [
        f"pacer: {home / 'pacer.db'} already holds data (log 2, trips 1, reviews 1,"
        " milestone checks 1, metric values 1, notes 1, catch-up choices 2, roster 1,"
        " changes 11, acce…); import only"
        " into an"
        " empty database: pacer --db NEW.db import json FILE"
    ]
    assert without_stamp(pacer("export", "json").json()) == without_stamp(before)


def test_import_says_when_the_export_was_made_with_another_plan(
    pacer: Pacer, home: Path, write_plan: Callable[[str], Path]
) -> None:
    document = _export(pacer, home)
    path = home / "pacer.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = write_plan(example_plan_text())
    run = pacer("--plan", str(other), "--db", str(home / "new.db"), "import", "json", str(path))
    assert run.code == 0, run.err
    assert errors(run) == [
        "pacer: the export was made with another plan (its SHA-256 differs from the plan in"
        " force); everything was imported — 'pacer doctor' lists what the plan no longer names"
    ]
    assert run.out.startswith(f"imported {path}: 23 rows")


def test_import_without_a_format_is_a_usage_hint(pacer: Pacer) -> None:
    run = pacer("import")
    assert run.code == 2
    assert run.err == (
        "pacer: say what to import: pacer import json FILE (see 'pacer import --help')\n"
    )


def test_import_messages_in_chinese(pacer: Pacer, home: Path) -> None:
    run = pacer("import", "json", str(home / "missing.json"), lang="zh")
    assert run.code == 1
    assert errors(run) == [f"pacer: {home / 'missing.json'} 不存在"]


# -- backup ------------------------------------------------------------------------------------
def test_backup_copies_the_database_into_the_data_directory(pacer: Pacer, home: Path) -> None:
    fill(home / "pacer.db")
    run = pacer("backup")
    assert run.code == 0, run.err
    made = home / "backups" / "pacer-20260309-120000.db"
    assert run.out.startswith(f"backed up {home / 'pacer.db'} to {made} (")
    assert run.out.endswith(" KB, integrity checked)\n")
    assert [p.name for p in (home / "backups").iterdir()] == [made.name]
    restored = pacer("--db", str(made), "export", "json").json()
    assert without_stamp(restored) == without_stamp(pacer("export", "json").json())


def test_backup_to_a_folder_or_a_file(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    assert pacer("log", "30", "english").code == 0
    folder = tmp_path / "copies"
    folder.mkdir()
    assert pacer("backup", str(folder)).code == 0
    assert [p.name for p in folder.iterdir()] == ["pacer-20260309-120000.db"]
    named = tmp_path / "nightly.db"
    named.write_bytes(b"last night's copy")
    run = pacer("backup", str(named), "--force")
    assert run.code == 0, run.err
    assert named.read_bytes()[:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copies", "home", "nightly.db"]


def test_backup_never_replaces_the_database_itself(pacer: Pacer, home: Path) -> None:
    assert pacer("log", "30", "english").code == 0
    db = home / "pacer.db"
    before = db.read_bytes()
    run = pacer("backup", str(db), "--force")
    assert run.code == 1
    assert errors(run) == [
        f"pacer: {db} is the database itself; choose another path for the backup"
    ]
    assert db.read_bytes() == before


# -- doctor ------------------------------------------------------------------------------------
def test_doctor_on_a_sound_database(pacer: Pacer, home: Path) -> None:
    assert pacer("log", "30", "english").code == 0
    run = pacer("doctor")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == f"Database  {home / 'pacer.db'}"
    assert lines[1] == f"Schema    version {LATEST} (this pacer: {LATEST})"
    assert lines[3] == f"SQLite    {apsw.sqlite_lib_version()}"
    assert "  ✓ SQLite has the fix for lost writes with several writers (3.51.3 and later)" in lines
    assert "  ✓ integrity check: ok" in lines
    assert "  ✓ foreign key check: ok" in lines
    assert lines[-1] == "everything is fine"
    report = pacer("doctor", "--json").json()
    assert report == {
        "ok": True,
        "database": str(home / "pacer.db"),
        "plan": "<built-in 2026 plan>",
        "schema": {"version": LATEST, "latest": LATEST},
        "integrity": [],
        "foreign_keys": [],
        "network_filesystem": report["network_filesystem"],
        "sqlite": apsw.sqlite_lib_version(),
        "not_in_plan": [],
        "orphans": [],
        "binding": {
            "database": {
                "id": "plan-2026",
                "title": "2026执行方案",
                "source": "<built-in 2026 plan>",
                "sha256": report["binding"]["database"]["sha256"],
            },
            "in_force": {"id": "plan-2026", "title": "2026执行方案"},
            "matches": True,
        },
        "findings": report["findings"],
    }
    assert all(f["level"] == "info" for f in report["findings"])
    assert all(list(f) == ["level", "code", "text"] for f in report["findings"])


def test_doctor_reports_what_the_edited_plan_no_longer_names_and_status_counts_it(
    pacer: Pacer, home: Path, write_plan: Callable[[str], Path]
) -> None:
    fill(home / "pacer.db")
    plan = write_plan(example_plan_text())
    assert pacer("--plan", str(plan), "log", "45", "calc-2", "--date", "2026-03-09").code == 0
    run = pacer("--plan", str(plan), "doctor", "--json")
    assert run.code == 1, run.err  # the catch-up choices name a milestone the plan lacks
    report = run.json()
    assert report["ok"] is False
    assert report["not_in_plan"] == [
        {
            "table": "log",
            "id": 2,
            "date": "2026-03-10",
            "kind": "unit",
            "target": "m1801-improper-1",
            "minutes": 50,
            "clear": None,
        },
        {
            "table": "milestone_checks",
            "id": None,
            "date": "2026-03-10",
            "kind": "criterion",
            "target": "phase-a/mit1801",
            "minutes": None,
            "clear": None,
        },
        {
            "table": "notes",
            "id": 1,
            "date": "2026-03-08",
            "kind": "post",
            "target": "blog1",
            "minutes": None,
            "clear": None,
        },
        *(
            {
                "table": "reviews",
                "id": None,
                "date": "2026-03-02",
                "kind": "prompt",
                "target": f"2026-W10/{prompt}",
                "minutes": None,
                "clear": None,
            }
            for prompt in ("done", "adjust")
        ),
        {
            "table": "catchup",
            "id": 1,
            "date": "2026-04-15",
            "kind": "milestone",
            "target": "phase-a",
            "minutes": None,
            "clear": "pacer catchup --drop 1",
        },
        {
            "table": "catchup",
            "id": 2,
            "date": "2026-03-10",
            "kind": "milestone",
            "target": "phase-a",
            "minutes": None,
            "clear": "pacer catchup --drop 2",
        },
    ]  # english is a habit of both plans and listening a metric of both: not listed
    assert [(f["level"], f["code"]) for f in report["findings"]] == [
        ("info", "doctor.stray_log"),
        ("warning", "renames.doctor.orphans"),
        ("info", "doctor.stray_other"),
        ("warning", "doctor.stale_choice"),
        ("warning", "doctor.stale_choice"),
    ]
    assert [f["text"] for f in report["findings"] if f["level"] == "info"] == [
        "not in the plan: 1 log entry (50 min) for a unit, habit or ritual it does not have; kept"
        " and still counted",
        "not in the plan: 4 other rows naming something it does not have (kept)",
    ]
    assert [f["text"] for f in report["findings"] if f["code"] == "doctor.stale_choice"] == [
        f"catch-up choice {n} names milestone phase-a, which the plan no longer has; that"
        f" part of it is ignored — clear it with 'pacer catchup --drop {n}' (and choose again"
        " with 'pacer catchup')"
        for n in (1, 2)
    ]
    text = pacer("--plan", str(plan), "doctor")
    assert text.code == 1
    assert "Not in the plan (kept, never deleted):" in text.out
    assert text.out.endswith("\nproblems: 0, warnings: 3\n")
    assert "  log                    #2  2026-03-10  unit m1801-improper-1  50 min" in text.out
    assert (
        "  catch-up choices       #1  2026-04-15  milestone phase-a  → pacer catchup --drop 1"
        in text.out
    )
    for n in (1, 2):
        assert pacer("--plan", str(plan), "catchup", "--drop", str(n)).code == 0
    assert pacer("--plan", str(plan), "doctor").code == 1  # the log's orphan, unexplained
    assert pacer("--plan", str(plan), "doctor", "--accept-orphans").code == 0
    kept = pacer("--plan", str(plan), "doctor")
    assert kept.code == 0  # what is left is the person's record: reported, not wrong
    assert kept.out.endswith("\nnothing is wrong (the rows listed are kept on purpose)\n")
    # Nothing was deleted, and status still counts the entry beside the plan's tracks.
    assert pacer("--plan", str(plan), "export", "json").json()["tables"]["log"][1]["id"] == 2
    status = pacer("--plan", str(plan), "status", "--date", "2026-03-10", "--json").json()
    assert status["not_in_plan"] == {
        "entries": 1,
        "minutes": 50,
        "targets": ["m1801-improper-1"],
    }
    done = sum(t["done"] for t in status["tracks"]) + status["not_in_plan"]["minutes"]
    habits = sum(t["habit_done"] for t in status["tracks"]) + status["ritual"]["done"]
    assert done + habits == 30 + 50 + 45  # every minute logged up to the day
    shown = pacer("--plan", str(plan), "status", "--date", "2026-03-10").out
    line = "  (not in the plan)         —           0.8 h       1 entry; see 'pacer doctor'"
    assert line in shown


def test_doctor_finds_a_damaged_database_and_exits_non_zero(pacer: Pacer, home: Path) -> None:
    db = home / "pacer.db"
    assert pacer("log", "30", "english").code == 0
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    for i in range(3000):
        conn.execute(
            "INSERT INTO log (local_date, logged_at, target_kind, target, minutes, note)"
            " VALUES ('2026-03-08', 'x', 'habit', 'english', 0, ?)",
            (f"entry {i} " * 4,),
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(len(data) - 6 * 4096, len(data) - 2 * 4096, 97):
        data[offset] = 0xFF
    db.write_bytes(bytes(data))
    run = pacer("doctor")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[6].startswith("  ✗ integrity check: "), lines
    assert lines[7:9] == ["  ✓ foreign key check: ok", "  ✓ not on a network filesystem"]
    assert lines[-1] == "problems: 1, warnings: 0"
    report = pacer("doctor", "--json")
    assert report.code == 1
    assert report.json()["ok"] is False and report.json()["integrity"] != []


MOUNTINFO = r"""22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home/me/nas rw,relatime shared:20 - nfs4 nas:/export rw,vers=4.2
41 40 0:36 / /home/me/nas/local\040disk rw,relatime - ext4 /dev/sdb1 rw
42 22 0:37 / /mnt/share rw - cifs //srv/share rw
43 22 0:38 / /mnt/ssh rw - fuse.sshfs me@host: rw
44 22 0:39 / /tmp rw - tmpfs tmpfs rw
"""


@pytest.mark.parametrize(
    ("path", "kind", "network"),
    [
        ("/home/me/.local/share/pacer/pacer.db", "ext4", None),
        ("/home/me/nas/pacer/pacer.db", "nfs4", "nfs4"),
        ("/home/me/nas/local disk/pacer.db", "ext4", None),
        ("/home/me/nasty/pacer.db", "ext4", None),
        ("/mnt/share/pacer.db", "cifs", "cifs"),
        ("/mnt/ssh/pacer.db", "fuse.sshfs", "fuse.sshfs"),
        ("/tmp/pacer.db", "tmpfs", None),
    ],
)
def test_the_network_filesystem_is_found_from_mountinfo(
    path: str, kind: str, network: str | None
) -> None:
    assert filesystem_of(Path(path), MOUNTINFO) == kind
    assert network_filesystem(Path(path), MOUNTINFO) == network


def test_no_mountinfo_means_nothing_detected() -> None:
    assert filesystem_of(Path("/x"), "") is None
    assert network_filesystem(Path("/x"), "garbage line\n") is None


def test_doctor_warns_about_a_network_filesystem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACER_HOME", str(tmp_path))
    mountinfo = (
        f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:35 / {tmp_path} rw - nfs4 nas:/x rw\n"
    )
    with Session(db_path=tmp_path / "pacer.db") as session:
        report = doctor(session, mountinfo=mountinfo)
    assert report.ok is False
    assert report.filesystem == "nfs4"
    shown = doctor_json(report)
    assert shown["network_filesystem"] == "nfs4"
    assert [(f["level"], f["code"]) for f in shown["findings"]] == [
        ("warning", "doctor.network_fs")
    ]
    assert shown["findings"][0]["text"].startswith(
        f"{tmp_path / 'pacer.db'} is on a network filesystem (nfs4): SQLite's WAL is unsafe there"
    )


def test_doctor_fails_on_a_sqlite_known_to_lose_writes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SQLite of Debian 12's Python (3.40.1) has the WAL-reset race: doctor says so."""
    from pacer.service import Session
    from pacer.service.health import doctor
    from pacer.store import db

    monkeypatch.setenv("PACER_HOME", str(home))
    assert db.version_is_safe(db.sqlite_version())
    assert not db.version_is_safe("3.40.1") and not db.version_is_safe("3.51.2")
    assert db.version_is_safe("3.51.3") and db.version_is_safe("3.100.0")
    monkeypatch.setattr(db, "sqlite_version", lambda: "3.40.1")
    with Session() as session:
        report = doctor(session)
    assert not report.ok
    bad = [f for f in report.findings if f.message.key == "doctor.sqlite_unsafe"]
    assert [f.level for f in bad] == ["error"]
    assert "3.40.1 can lose writes" in str(bad[0].message)
