"""`--json` on every listing, end to end through the installed `pacer`: each shape of
docs/json.md checked exactly (keys and types, and values on a fixed day), on the built-in plan
and on the Berlin fixture; notices carry a stable code; the JSON is the same in every language
but for the fields documented as translated text."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from tests.helpers import ROOT, Run, complete_review

Pacer = Callable[..., Run]
PLANS = ["builtin", "berlin"]

# -- shapes ------------------------------------------------------------------------------------
# A schema is a type name ("str", "int", "bool", "null", "float"), a tuple of schemas (any one
# of them), a dict (exactly these keys, in this order), or a one-element list (every item).
Schema = Any


def conforms(value: Any, schema: Schema, where: str = "$") -> None:
    if isinstance(schema, tuple):
        failures = []
        for option in schema:
            try:
                conforms(value, option, where)
                return
            except AssertionError as exc:
                failures.append(str(exc))
        raise AssertionError(f"{where}: {value!r} is none of {schema}: {failures}")
    if isinstance(schema, dict):
        assert isinstance(value, dict), f"{where}: {value!r} is not an object"
        assert list(value) == list(schema), f"{where}: keys {list(value)} != {list(schema)}"
        for key, sub in schema.items():
            conforms(value[key], sub, f"{where}.{key}")
        return
    if isinstance(schema, list):
        assert isinstance(value, list), f"{where}: {value!r} is not a list"
        for i, item in enumerate(value):
            conforms(item, schema[0], f"{where}[{i}]")
        return
    kinds = {
        "str": str,
        "int": int,
        "bool": bool,
        "float": float,
        "null": type(None),
    }
    ok = isinstance(value, kinds[schema])
    if schema == "int":
        ok = ok and not isinstance(value, bool)
    assert ok, f"{where}: {value!r} is not {schema}"


DAY = "str"
MAYBE_DAY = ("str", "null")
NOTICE = {"code": "str", "text": "str"}
BLOCK = {
    "id": "str",
    "type": "str",
    "title": "str",
    "minutes": "int",
    "max": "int",
    "track": ("str", "null"),
    "tracks": ["str"],
    "kinds": ["str"],
    "new_units": "bool",
    "days": ["str"],
    "per_week": ("int", "null"),
}
PLAN_SHOW = {
    "source": "str",
    "id": "str",
    "title": "str",
    "start": DAY,
    "end": DAY,
    "timezone": "str",
    "locale": "str",
    "country": ("str", "null"),
    "subdivision": ("str", "null"),
    "holidays_off": "bool",
    "principles": ["str"],
    "tracks": [{"id": "str", "title": "str", "units": "int", "minutes": "int"}],
    "baseline": [
        {"track": "str", "have": ["str"], "lack": ["str"], "conclusion": "str", "covers": ["str"]}
    ],
    "templates": [{"id": "str", "title": "str", "start": ("str", "null"), "blocks": [BLOCK]}],
    "week_shapes": [
        {
            "id": "str",
            "days": {d: "str" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
        }
    ],
    "overrides": [
        {"date": DAY, "template": ("str", "null"), "shape": ("str", "null"), "reason": "str"}
    ],
    "rotation": (
        "null",
        {"start": DAY, "weeks": (["str"], "null"), "days": (["str"], "null")},
    ),
    "periods": [{"from": DAY, "to": DAY, "shape": "str", "reason": "str"}],
    "roster_templates": ["str"],
    "day_starts": "str",
    "absences": [
        {
            "kind": "str",
            "title": ("str", "null"),
            "shape": ("str", "null"),
            "template": ("str", "null"),
            "banner": "str",
        }
    ],
    "phases": [{"id": "str", "title": "str", "start": "str", "end": "str", "deliverable": "str"}],
    "months": [
        {
            "month": "str",
            "title": "str",
            "keywords": "str",
            "items": [{"track": "str", "text": "str"}],
        }
    ],
    "milestones": [{"id": "str", "title": "str", "due": DAY}],
    "decisions": [
        {"id": "str", "question": "str", "due": DAY, "evidence": ["str"], "notes": "str"}
    ],
}
PLAN_CHECK = {
    "ok": "bool",
    "path": "str",
    "builtin": "bool",
    "title": ("str", "null"),
    "units": ("int", "null"),
    "minutes": ("int", "null"),
    "covered": ("int", "null"),
    "milestones": ("int", "null"),
    "problems": [{"line": "int", "column": "int", "code": "str", "text": "str"}],
    "warnings": [{"line": "int", "column": "int", "code": "str", "text": "str"}],
}
MILESTONE = {
    "id": "str",
    "title": "str",
    "due": DAY,
    "original_due": DAY,
    "projected": MAYBE_DAY,
    "slip_days": ("int", "null"),
    "status": "str",
    "criteria": {"checked": "int", "total": "int"},
    "open_units": ["str"],
}
TIMELINE = {
    "date": DAY,
    "weeks": [DAY],
    "curricula": [
        {
            "id": "str",
            "title": "str",
            "planned": [DAY],
            "actual": [DAY],
            "planned_finish": MAYBE_DAY,
            "projected_finish": MAYBE_DAY,
            "slip_days": ("int", "null"),
        }
    ],
    "milestones": [MILESTONE],
}
BACKUP = {"source": "str", "path": "str", "bytes": "int"}
ICS = {"path": "str", "first": DAY, "last": DAY, "days": "int", "events": "int", "bytes": "int"}
HEXO = {"post": "str", "folder": "str", "files": ["str"], "units": "int", "notes": "int"}
TRIP = {
    "id": "int",
    "start": DAY,
    "end": DAY,
    "note": "str",
    "kind": "str",
    "tz": ("str", "null"),
}
TRIP_IMPORT = {
    "events": "int",
    "added": [TRIP],
    "known": [{"trip": TRIP, "start": DAY, "end": DAY, "moved": "bool"}],
    "skipped": [{"line": "int", "summary": "str", "code": "str", "text": "str"}],
}
IMPORT = {
    "path": "str",
    "database": "str",
    "rows": {
        t: "int"
        for t in (
            "log",
            "trips",
            "reviews",
            "milestone_checks",
            "metric_values",
            "notes",
            "catchup",
            "roster",
            "audit",
            "accepted_orphans",
            "review_decisions",
        )
    },
    "plan_matches": "bool",
    "plan_restored": ("str", "null"),
    "notices": [NOTICE],
}


def test_the_schema_check_can_fail() -> None:
    with pytest.raises(AssertionError, match="keys"):
        conforms({"a": 1, "b": 2}, {"b": "int", "a": "int"})
    with pytest.raises(AssertionError, match="is not int"):
        conforms({"a": [1, True]}, {"a": ["int"]})
    with pytest.raises(AssertionError, match="none of"):
        conforms("x", ("int", "null"))


# -- the plans ---------------------------------------------------------------------------------
@pytest.fixture(params=PLANS)
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def plan_args(which: str, other_plan: Path) -> tuple[str, ...]:
    return () if which == "builtin" else ("--plan", str(other_plan))


def plan_file(which: str, other_plan: Path) -> Path:
    return builtin_plan_path() if which == "builtin" else other_plan


def ok(run: Run) -> Any:
    assert run.code == 0, run.err
    return run.json()


# -- plan show, check, timeline ------------------------------------------------------------------
def test_plan_show(pacer: Pacer, which: str, other_plan: Path) -> None:
    shown = ok(pacer(*plan_args(which, other_plan), "plan", "show", "--json"))
    conforms(shown, PLAN_SHOW)
    plan = load_plan_file(plan_file(which, other_plan))
    assert shown["source"] == ("<built-in 2026 plan>" if which == "builtin" else str(other_plan))
    assert (shown["id"], shown["title"], shown["timezone"]) == (plan.id, plan.title, plan.timezone)
    assert [m["id"] for m in shown["milestones"]] == [m.id for m in plan.milestones]
    assert [t["id"] for t in shown["templates"]] == [t.id for t in plan.day_templates]
    assert sum(t["units"] for t in shown["tracks"]) == len(plan.units()) - len(plan.covered_units())
    if which == "berlin":
        assert (shown["start"], shown["end"], shown["country"]) == (
            "2026-03-02",
            "2026-08-30",
            "DE",
        )
        assert shown["tracks"] == [
            {"id": "pharm", "title": "Pharmacology", "units": 4, "minutes": 360},
            {"id": "thesis", "title": "Thesis", "units": 4, "minutes": 435},
            {"id": "piano", "title": "Piano", "units": 0, "minutes": 0},
        ]
        away = next(t for t in shown["templates"] if t["id"] == "away")
        assert (away["start"], away["blocks"][1]) == (
            None,
            {
                "id": "read",
                "type": "work",
                "title": "Reading",
                "minutes": 30,
                "max": 30,
                "track": None,
                "tracks": [],
                "kinds": ["study", "reading"],
                "new_units": False,
                "days": [],
                "per_week": None,
            },
        )
        assert shown["week_shapes"][1] == {
            "id": "travel",
            "days": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "away"),
        }
        assert shown["phases"] == [
            {
                "id": "spring",
                "title": "Spring",
                "start": "2026-03",
                "end": "2026-05",
                "deliverable": "exam passed",
            }
        ]
        assert shown["months"][0]["items"] == [{"track": "pharm", "text": "antibiotics"}]
        assert shown["milestones"] == [
            {"id": "exam", "title": "Pharmacology exam", "due": "2026-05-20"}
        ]
    else:
        assert (shown["start"], shown["country"]) == ("2026-02-09", "CN")
        assert shown["baseline"] and shown["principles"] and shown["decisions"]
    # Plain `pacer plan` is the text, never JSON.
    assert not pacer(*plan_args(which, other_plan), "plan").out.startswith("{")


def test_plan_check(pacer: Pacer, which: str, other_plan: Path) -> None:
    args = () if which == "builtin" else (str(other_plan),)
    shown = ok(pacer("plan", "check", *args, "--json"))
    conforms(shown, PLAN_CHECK)
    expected = {
        "builtin": (str(builtin_plan_path()), True, "2026执行方案", 215, 17975, 0, 15),
        "berlin": (str(other_plan), False, "Nurse's study year", 8, 795, 0, 1),
    }[which]
    assert shown == dict(
        zip(list(PLAN_CHECK), (True, *expected, [], []), strict=True),
    )


def test_plan_check_of_an_invalid_plan_lists_its_problems(
    pacer: Pacer, other_plan: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    text = other_plan.read_text(encoding="utf-8")
    text = text.replace("minutes: 90}", "minutes: lots}", 1).replace(
        "  locale: en\n", "  colour: red\n"
    )
    bad.write_text(text, encoding="utf-8")
    run = pacer("plan", "check", str(bad), "--json")
    assert (run.code, run.err) == (2, "")  # as the text's exit; stdout holds the JSON
    shown = run.json()
    conforms(shown, PLAN_CHECK)
    assert (shown["ok"], shown["path"], shown["title"], shown["units"]) == (
        False,
        str(bad),
        None,
        None,
    )
    text_lines = pacer("plan", "check", str(bad)).err.splitlines()
    assert [f"{bad}:{p['line']}:{p['column']}: {p['text']}" for p in shown["problems"]] == (
        text_lines
    )
    assert [(p["line"], p["code"]) for p in shown["problems"]] == [
        (10, "plan.unknown_key"),
        (80, "plan.want_int"),
    ]
    zh = pacer("plan", "check", str(bad), "--json", lang="zh").json()
    assert [p["code"] for p in zh["problems"]] == [p["code"] for p in shown["problems"]]
    assert [p["text"] for p in zh["problems"]] != [p["text"] for p in shown["problems"]]


def test_plan_timeline(pacer: Pacer, which: str, other_plan: Path) -> None:
    args = plan_args(which, other_plan)
    shown = ok(pacer(*args, "plan", "timeline", "--json"))
    conforms(shown, TIMELINE)
    plan = load_plan_file(plan_file(which, other_plan))
    weeks = shown["weeks"]
    monday = plan.start.toordinal() - plan.start.weekday()
    assert weeks[0] == type(plan.start).fromordinal(monday).isoformat()
    assert all(w in weeks for c in shown["curricula"] for w in c["planned"] + c["actual"])
    assert [c["id"] for c in shown["curricula"]] == [c.id for c in plan.curricula]
    status = ok(pacer(*args, "status", "--json"))
    assert shown["milestones"] == status["milestones"]
    if which == "berlin":
        assert (shown["date"], len(weeks), weeks[-1]) == ("2026-03-09", 26, "2026-08-24")
        # Nothing logged in the plan's first week: a week later than the plan, both.
        assert shown["curricula"] == [
            {
                "id": "drugs",
                "title": "ICU pharmacology",
                "planned": ["2026-03-02", "2026-03-09"],
                "actual": ["2026-03-09", "2026-03-16"],
                "planned_finish": "2026-03-08",
                "projected_finish": "2026-03-15",
                "slip_days": 7,
            },
            {
                "id": "write",
                "title": "Thesis chapters",
                "planned": ["2026-03-02", "2026-03-09"],
                "actual": ["2026-03-09", "2026-03-16"],
                "planned_finish": "2026-03-10",
                "projected_finish": "2026-03-17",
                "slip_days": 7,
            },
            {
                "id": "night-notes",  # a post: July and August
                "title": "Blog: what night shifts taught me about sedation",
                "planned": ["2026-06-29"],
                "actual": ["2026-06-29"],
                "planned_finish": "2026-07-03",
                "projected_finish": "2026-07-03",
                "slip_days": 0,
            },
        ]
    else:
        assert (len(weeks), weeks[-1]) == (47, "2026-12-28")
        first = shown["curricula"][0]
        assert (first["id"], first["planned_finish"], first["projected_finish"]) == (
            "mit1802-start",
            "2026-02-09",
            "2026-03-09",
        )
        assert first["slip_days"] == 28


# -- files written: backup, export ics, export hexo ----------------------------------------------
def test_backup(pacer: Pacer, which: str, other_plan: Path, home: Path, tmp_path: Path) -> None:
    args = plan_args(which, other_plan)
    assert pacer(*args, "log", "20", "--date", "2026-03-05", pick_habit(which)).code == 0
    target = tmp_path / "copy.db"
    shown = ok(pacer(*args, "backup", str(target), "--json"))
    conforms(shown, BACKUP)
    assert shown == {
        "source": str(home / "pacer.db"),
        "path": str(target),
        "bytes": target.stat().st_size,
    }
    with sqlite3.connect(target) as db:
        assert db.execute("select minutes from log").fetchall() == [(20,)]
    into_folder = ok(pacer(*args, "backup", "--json"))
    assert Path(into_folder["path"]).parent == home / "backups"


def pick_habit(which: str) -> str:
    return "english" if which == "builtin" else "piano"


def test_export_ics(pacer: Pacer, which: str, other_plan: Path, tmp_path: Path) -> None:
    args = plan_args(which, other_plan)
    out = tmp_path / "cal.ics"
    shown = ok(pacer(*args, "export", "ics", "--days", "7", "-o", str(out), "--json"))
    conforms(shown, ICS)
    events = out.read_bytes().count(b"BEGIN:VEVENT")
    assert shown == {
        "path": str(out),
        "first": "2026-03-09",
        "last": "2026-03-15",
        "days": 7,
        "events": events,
        "bytes": out.stat().st_size,
    }
    text = pacer(*args, "export", "ics", "--days", "7", "-o", str(out), "--force")
    assert text.out == f"wrote {out}: {events} events over 7 days\n"


def test_export_ics_json_needs_a_file(pacer: Pacer) -> None:
    run = pacer("export", "ics", "--json")
    assert (run.code, run.out) == (1, "")
    assert run.err.splitlines()[-1] == (
        "pacer: --json reports the file written: add -o FILE (without --json the calendar"
        " itself goes to standard output)"
    )
    zh = pacer("export", "ics", "--json", lang="zh")
    assert zh.err.splitlines()[-1].startswith("pacer: --json 报告写入的文件")


def test_export_hexo(pacer: Pacer, tmp_path: Path) -> None:
    """The built-in plan's first post (the Berlin fixture has no blog posts)."""
    assert pacer("note", "TensorRT 构建要 20 分钟", "--for", "blog1").code == 0
    folder = tmp_path / "drafts"
    shown = ok(pacer("export", "hexo", "blog1", "-o", str(folder), "--json"))
    conforms(shown, HEXO)
    assert shown["files"] and all(not Path(f).is_absolute() for f in shown["files"])
    assert all((folder / f).is_file() for f in shown["files"])
    assert (shown["post"], shown["folder"], shown["notes"]) == ("blog1", str(folder), 1)
    assert shown["files"][0] == "blog1.md"
    assert shown["units"] == len(load_plan_file(builtin_plan_path()).curriculum("blog1").units)


# -- imports -----------------------------------------------------------------------------------
ICS_FILE = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:trip-1@example
DTSTART;VALUE=DATE:20260316
DTEND;VALUE=DATE:20260321
SUMMARY:Trip to Hamburg
END:VEVENT
BEGIN:VEVENT
UID:trip-2@example
STATUS:CANCELLED
DTSTART;VALUE=DATE:20260401
DTEND;VALUE=DATE:20260404
SUMMARY:Cancelled trip to Kiel
END:VEVENT
END:VCALENDAR
"""


def test_trip_list(pacer: Pacer, which: str, other_plan: Path) -> None:
    args = plan_args(which, other_plan)
    assert pacer(*args, "trip", "add", "2026-03-16", "2026-03-20", "--note", "Kyoto").code == 0
    assert pacer(*args, "trip", "add", "2026-03-23", "2026-03-24", "--tz", "Asia/Tokyo").code == 0
    assert pacer(*args, "sick", "2026-03-10").code == 0
    shown = ok(pacer(*args, "trip", "list", "--json"))
    conforms(shown, {"trips": [TRIP]})
    assert shown == {
        "trips": [
            {
                "id": 3,
                "start": "2026-03-10",
                "end": "2026-03-10",
                "note": "",
                "kind": "sick",
                "tz": None,
            },
            {
                "id": 1,
                "start": "2026-03-16",
                "end": "2026-03-20",
                "note": "Kyoto",
                "kind": "travel",
                "tz": None,
            },
            {
                "id": 2,
                "start": "2026-03-23",
                "end": "2026-03-24",
                "note": "",
                "kind": "travel",
                "tz": "Asia/Tokyo",
            },
        ]
    }


def test_trip_import(pacer: Pacer, which: str, other_plan: Path, tmp_path: Path) -> None:
    args = plan_args(which, other_plan)
    cal = tmp_path / "trips.ics"
    cal.write_text(ICS_FILE.replace("\n", "\r\n"), encoding="utf-8")
    shown = ok(pacer(*args, "trip", "import", str(cal), "--json"))
    conforms(shown, TRIP_IMPORT)
    trip = {
        "id": 1,
        "start": "2026-03-16",
        "end": "2026-03-20",
        "note": "Trip to Hamburg",
        "kind": "travel",
        "tz": None,
    }
    assert shown == {
        "events": 2,
        "added": [trip],
        "known": [],
        "skipped": [
            {
                "line": 10,
                "summary": "Cancelled trip to Kiel",
                "code": "ics.skip.cancelled",
                "text": "cancelled (STATUS:CANCELLED)",
            }
        ],
    }
    again = ok(pacer(*args, "trip", "import", str(cal), "--json", lang="zh"))
    assert again["added"] == []
    assert again["known"] == [
        {"trip": trip, "start": "2026-03-16", "end": "2026-03-20", "moved": False}
    ]
    assert again["skipped"][0]["code"] == "ics.skip.cancelled"
    assert again["skipped"][0]["text"] == "已取消（STATUS:CANCELLED）"


def test_import_json(pacer: Pacer, other_plan: Path, tmp_path: Path) -> None:
    assert pacer("log", "30", "english", "--date", "2026-03-05").code == 0
    assert pacer("trip", "add", "2026-03-16", "2026-03-20").code == 0
    export = tmp_path / "all.json"
    assert pacer("export", "json", "-o", str(export)).code == 0
    same = ok(pacer("--db", str(tmp_path / "a.db"), "import", "json", str(export), "--json"))
    conforms(same, IMPORT)
    rows = dict.fromkeys(IMPORT["rows"], 0) | {"log": 1, "trips": 1, "audit": 2}
    assert same == {
        "path": str(export),
        "database": str(tmp_path / "a.db"),
        "rows": rows,
        "plan_matches": True,
        "plan_restored": None,
        "notices": [],
    }
    other = pacer(
        "--plan", str(other_plan), "--db", str(tmp_path / "b.db"), "import", "json", str(export)
    )
    assert other.code == 0
    shown = ok(
        pacer(
            "--plan",
            str(other_plan),
            "--db",
            str(tmp_path / "c.db"),
            "import",
            "json",
            str(export),
            "--json",
        )
    )
    assert (shown["plan_matches"], [n["code"] for n in shown["notices"]]) == (
        False,
        ["import.plan_differs"],
    )
    assert other.err.strip() == f"pacer: {shown['notices'][0]['text']}"


# -- notices -----------------------------------------------------------------------------------
def test_an_empty_work_block_says_nothing_is_eligible(
    pacer: Pacer, which: str, other_plan: Path
) -> None:
    """A trip weekend's reading block takes no new units: on the plan's first trip nothing is
    started, so nothing fits it, and the JSON says so as the text does."""
    args = plan_args(which, other_plan)
    day = {"builtin": "2026-03-14", "berlin": "2026-03-10"}[which]
    assert pacer(*args, "trip", "add", "2026-03-09", "2026-03-22").code == 0
    shown = ok(pacer(*args, "today", "--date", day, "--json"))
    work = [b for b in shown["blocks"] if b["type"] == "work"]
    assert work and not work[0]["items"]
    nothing = {"code": "today.nothing_eligible", "text": "nothing eligible for this block"}
    assert work[0]["notices"] == [nothing]
    assert "· nothing eligible for this block" in pacer(*args, "today", "--date", day).out
    others = [b for b in shown["blocks"] if b["type"] != "work"]
    assert all("notices" not in b for b in others)
    busy = ok(pacer(*args, "today", "--date", "2026-03-30", "--json"))
    assert all(b["notices"] == [] for b in busy["blocks"] if b["type"] == "work" and b["items"])
    week = ok(pacer(*args, "week", "--date", day, "--json"))
    assert nothing in [n for d in week["days"] for b in d["blocks"] for n in b.get("notices", [])]


def documented_codes() -> set[str]:
    """The codes of docs/json.md's notice table (a row may name several)."""
    doc = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    table = doc.split("### Notices", 1)[1].split("\n\n|", 1)[1].split("\n\n", 1)[0]
    codes: set[str] = set()
    for row in table.splitlines()[2:]:
        codes |= set(re.findall(r"`([a-z_]+\.[a-z_.]+)`", row.split("|")[1]))
    return codes


def test_every_documented_code_is_a_message() -> None:
    from pacer.i18n_catalog import CATALOG

    codes = documented_codes()
    assert {"notice.review_due", "today.nothing_eligible", "doctor.stale_choice"} <= codes
    assert codes <= set(CATALOG)


def notice_codes(value: Any) -> set[str]:
    """Every code of a notice (or a finding) anywhere in a JSON document."""
    if isinstance(value, list):
        return set().union(*(notice_codes(v) for v in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    found = {value["code"]} if "code" in value and "text" in value else set()
    return found.union(*(notice_codes(v) for v in value.values()))


# Every --json command a person can run on the plan, with the dates that make notices: a
# computed 2027 holiday (no data yet), a day outside the plan, a review due, an empty block.
TOUR: list[tuple[str, ...]] = [
    ("today", "--json"),
    ("today", "--date", "2026-03-08", "--json"),
    ("today", "--date", "2027-02-09", "--json"),
    ("today", "--date", "2026-03-14", "--json"),
    ("week", "--json"),
    ("week", "--date", "2027-01-05", "--json"),
    ("trip", "list", "--json"),
    ("status", "--json"),
    ("catchup", "--json"),
    ("catchup", "--list", "--json"),
    ("forecast", "--runs", "50", "--json"),
    ("milestone", "list", "--json"),
    ("metric", "list", "--json"),
    ("note", "--list", "--json"),
    ("review", "--list", "--json"),
    ("doctor", "--json"),
    ("plan", "show", "--json"),
    ("plan", "check", "--json"),
    ("plan", "timeline", "--json"),
]


def masked(value: Any) -> Any:
    """The JSON with the fields documented as translated text blanked: notices' and
    problems' `text`, and a day's `holiday` name."""
    if isinstance(value, list):
        return [masked(v) for v in value]
    if isinstance(value, dict):
        out = {k: masked(v) for k, v in value.items()}
        if "code" in out and "text" in out:
            out["text"] = "…"
        if "holiday" in out and "reason" in out:
            out["holiday"] = "…" if out["holiday"] else None
        return out
    return value


def test_the_json_is_the_same_in_every_language_and_its_codes_are_documented(
    pacer: Pacer, which: str, other_plan: Path
) -> None:
    args = plan_args(which, other_plan)
    assert pacer(*args, "trip", "add", "2026-03-09", "2026-03-22").code == 0
    assert pacer(*args, "log", "25", pick_habit(which), "--date", "2026-03-05").code == 0
    plan = load_plan_file(plan_file(which, other_plan))
    milestone, metric = plan.milestones[0].id, plan.metrics[0].id
    assert pacer(*args, "metric", "add", metric, "40", "--date", "2026-03-05").code == 0
    codes: set[str] = set()
    more = [
        ("milestone", "show", milestone, "--json"),
        ("metric", "show", metric, "--json"),
        ("review", "--show", "--week", "2026-W10", "--json"),
    ]
    for command in TOUR + more:
        if command[0] == "review" and "--show" in command:  # after the notice it is due
            answers = ("--week", "2026-W10", "--answers", "-")
            assert complete_review(pacer, *args, "review", *answers).code == 0
        en, zh = pacer(*args, *command), pacer(*args, *command, lang="zh")
        assert en.code == zh.code == 0, (command, en.err, zh.err)
        assert masked(en.json()) == masked(zh.json()), command
        codes |= notice_codes(en.json())
    assert codes <= documented_codes()
    expected = {"notice.outside_plan", "today.nothing_eligible", "notice.review_due"}
    if which == "builtin":  # Germany's holidays follow rules: every year has its data
        expected.add("notice.no_holiday_data")
    assert expected <= codes
