"""`undo` of trips and milestone checks, and its refusal to reach past a change it does not
revert (a catch-up choice, a review, a plan switch …), end to end through `pacer`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, complete_review

Pacer = Callable[..., Run]
Plan = tuple[tuple[str, ...], dict[str, str]]

PLANS = {
    "builtin": {"habit": "english", "post": "blog1", "milestone": "phase-a", "crit": "mit1801"},
    "berlin": {"habit": "piano", "post": "night-notes", "milestone": "exam", "crit": "mock"},
}


@pytest.fixture(params=sorted(PLANS))
def plan(request: pytest.FixtureRequest, other_plan: Path) -> Plan:
    name = request.param
    return (() if name == "builtin" else ("--plan", str(other_plan))), PLANS[name]


def ok(run: Run) -> Run:
    assert run.code == 0, run.err
    return run


def trips(pacer: Pacer, p: tuple[str, ...]) -> list[dict[str, object]]:
    return list(ok(pacer(*p, "trip", "list", "--json")).json()["trips"])


def notes(pacer: Pacer, p: tuple[str, ...]) -> list[dict[str, object]]:
    return list(ok(pacer(*p, "note", "--list", "--json")).json()["notes"])


def checked(pacer: Pacer, p: tuple[str, ...], milestone: str) -> int:
    shown = ok(pacer(*p, "milestone", "show", milestone, "--json")).json()
    return int(shown["criteria"]["checked"])


def test_undo_after_a_check_unchecks_it_and_leaves_the_note(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    m, c = ids["milestone"], ids["crit"]
    ok(pacer(*p, "note", "TensorRT notes", "--for", ids["post"]))
    ok(pacer(*p, "milestone", "check", m, c, "--evidence", "foo"))
    undone = ok(pacer(*p, "undo"))
    assert undone.out == f"undid: the check of {m}/{c} (evidence: foo)\n"
    assert checked(pacer, p, m) == 0
    assert len(notes(pacer, p)) == 1  # the older change stays

    # Evidence replaced, then unchecked: each undo brings back the check as it was.
    ok(pacer(*p, "milestone", "check", m, c, "--evidence", "foo"))
    ok(pacer(*p, "milestone", "check", m, c, "--evidence", "bar"))
    ok(pacer(*p, "milestone", "check", m, c, "--uncheck"))
    assert checked(pacer, p, m) == 0
    assert (
        ok(pacer(*p, "undo")).out
        == f"undid: the uncheck of {m}/{c}; checked again (evidence: bar)\n"
    )
    assert checked(pacer, p, m) == 1
    assert ok(pacer(*p, "undo")).out == (f"undid: the new evidence of {m}/{c}; it is again foo\n")
    shown = ok(pacer(*p, "milestone", "show", m)).out
    assert "foo" in shown and "bar" not in shown


def test_undo_after_a_trip_removes_it_and_brings_a_removed_trip_back(
    pacer: Pacer, plan: Plan
) -> None:
    p, ids = plan
    ok(pacer(*p, "log", "30", ids["habit"]))
    ok(pacer(*p, "trip", "add", "2026-03-16", "2026-03-20"))
    assert ok(pacer(*p, "undo")).out == "undid: removed trip 1 (2026-03-16 → 2026-03-20)\n"
    assert trips(pacer, p) == []
    assert len(ok(pacer(*p, "log", "list", "--json")).json()["entries"]) == 1

    ok(pacer(*p, "trip", "add", "2026-03-16", "2026-03-20", "--note", "Lisbon"))
    before = trips(pacer, p)
    ok(pacer(*p, "trip", "rm", str(before[0]["id"])))
    assert trips(pacer, p) == []
    undone = ok(pacer(*p, "undo"))
    assert (
        undone.out
        == f"undid: the removal of trip {before[0]['id']} (2026-03-16 → 2026-03-20); it is back\n"
    )
    assert trips(pacer, p) == before  # the same id, note and kind

    # A new trip never takes the id of a removed one (undo could not bring it back).
    ok(pacer(*p, "trip", "rm", str(before[0]["id"])))
    ok(pacer(*p, "sick", "2026-03-09"))
    (sick,) = trips(pacer, p)
    assert sick["id"] != before[0]["id"] and sick["kind"] == "sick"
    assert ok(pacer(*p, "undo")).out.startswith(f"undid: removed sick {sick['id']} ")
    assert trips(pacer, p) == []


def test_undo_after_a_trip_import_removes_the_imported_trips_one_by_one(
    pacer: Pacer, plan: Plan, tmp_path: Path
) -> None:
    p, _ = plan
    ics = tmp_path / "trips.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@t\r\nDTSTAMP:20260301T000000Z\r\nSUMMARY:Trip Lisbon\r\n"
        "DTSTART;VALUE=DATE:20260316\r\nDTEND;VALUE=DATE:20260321\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    imported = ok(pacer(*p, "trip", "import", str(ics)))
    assert len(trips(pacer, p)) == 1, imported.out
    assert ok(pacer(*p, "undo")).out.startswith("undid: removed trip 1 ")
    assert trips(pacer, p) == []


def refused(run: Run, line: str) -> None:
    assert run.code != 0
    assert run.out == ""
    assert line in run.err, run.err
    assert "Traceback" not in run.err and "internal error" not in run.err


def test_undo_never_reaches_past_a_catchup_choice(pacer: Pacer) -> None:
    ok(pacer("log", "30", "english"))
    ok(pacer("catchup", "--apply", "1"))
    before = ok(pacer("log", "list", "--json")).out
    refused(
        pacer("undo"),
        "cannot undo: the newest change is catch-up choice 1 (blog-1), which undo does not"
        " revert; 'pacer catchup --drop 1' reverses it",
    )
    assert ok(pacer("log", "list", "--json")).out == before
    ok(pacer("catchup", "--drop", "1"))
    refused(pacer("undo"), "the removal of catch-up choice 1 (blog-1)")
    assert ok(pacer("log", "list", "--json")).out == before
    # A newer change undo does revert is undone; then it stops at the choice again.
    ok(pacer("note", "x", "--for", "blog1"))
    assert ok(pacer("undo")).out.startswith("undid: removed note")
    refused(pacer("undo"), "catch-up choice 1")


def test_undo_never_reaches_past_a_review(pacer: Pacer, plan: Plan) -> None:
    p, ids = plan
    ok(pacer(*p, "log", "30", ids["habit"]))
    ok(complete_review(pacer, *p, "review", "--answers", "-"))
    refused(
        pacer(*p, "undo"),
        "cannot undo: the newest change is the review of 2026-W10, which undo does not"
        " revert; 'pacer review --week 2026-W10 --edit' changes it",
    )
    zh = pacer(*p, "undo", lang="zh")
    refused(zh, "无法撤销")
    assert "newest" not in zh.err
    assert len(ok(pacer(*p, "log", "list", "--json")).json()["entries"]) == 1


def test_undo_never_reaches_past_a_plan_switch(
    pacer: Pacer, other_plan: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "plan.yaml"
    copy.write_text(other_plan.read_text(encoding="utf-8"), encoding="utf-8")
    ok(pacer("plan", "use", str(copy)))
    ok(pacer("log", "30", "piano"))
    ok(pacer("plan", "use", str(copy)))
    refused(pacer("undo"), "cannot undo: the newest change is the switch to the plan ")
    assert len(ok(pacer("log", "list", "--json")).json()["entries"]) == 1


def test_undo_never_reaches_past_accepted_orphans(
    pacer: Pacer, other_plan: Path, tmp_path: Path
) -> None:
    from tests.helpers import rename_id

    copy = tmp_path / "plan.yaml"
    copy.write_text(other_plan.read_text(encoding="utf-8"), encoding="utf-8")
    ok(pacer("plan", "use", str(copy)))
    ok(pacer("log", "30", "piano"))
    rename_id(copy, "piano", "cello")
    ok(pacer("plan", "use", str(copy)))
    ok(pacer("log", "20", "cello"))
    accepted = pacer("doctor", "--accept-orphans")
    assert "piano" in accepted.out + accepted.err
    refused(pacer("undo"), "doctor --accept-orphans (piano)")
    assert len(ok(pacer("log", "list", "--json")).json()["entries"]) == 2


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("after_json", "not json", "after_json"),
        ("after_json", "[1, 2]", "after_json"),
        ("after_json", None, "after_json"),  # an 'add' must say what was added
        ("before_json", '{"id": 1}', "before_json"),  # an 'add' has nothing before
        ("table_name", "mood", "table_name"),
        ("action", "redo", "action"),
        ("row_id", 7, "after_json"),  # the object's id is another row's
    ],
)
def test_import_refuses_an_audit_row_undo_could_not_read(
    pacer: Pacer, plan: Plan, tmp_path: Path, field: str, value: object, named: str
) -> None:
    p, ids = plan
    ok(pacer(*p, "log", "30", ids["habit"]))
    ok(pacer(*p, "note", "x", "--for", ids["post"]))
    out = tmp_path / "export.json"
    ok(pacer(*p, "export", "json", "-o", str(out)))
    document = json.loads(out.read_text(encoding="utf-8"))
    document["tables"]["audit"][1][field] = value
    out.write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    run = pacer(*p, "--db", str(fresh), "import", "json", str(out))
    assert run.code != 0
    assert "row 1 of audit" in run.err and named in run.err, run.err
    assert "nothing was imported" in run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    assert ok(pacer(*p, "--db", str(fresh), "log", "list", "--json")).json()["entries"] == []


def test_undo_of_an_unreadable_stored_change_is_one_line(pacer: Pacer, home: Path) -> None:
    import apsw

    ok(pacer("log", "30", "english"))
    db = apsw.Connection(str(home / "pacer.db"))
    db.execute("UPDATE audit SET after_json = 'not json'")
    db.close()
    run = pacer("undo")
    assert run.code != 0
    assert "cannot undo: change 1 of the record is unreadable (after_json)" in run.err, run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    assert len(ok(pacer("log", "list", "--json")).json()["entries"]) == 1


def test_log_list_of_an_unknown_target_says_so(pacer: Pacer, plan: Plan, tmp_path: Path) -> None:
    p, ids = plan
    for target in ("nope", "", "x" * 5000):
        run = pacer(*p, "log", "list", "--target", target)
        assert run.code != 0, target
        assert "unknown target" in run.err, run.err
        assert run.out == "" and len(run.err.strip().splitlines()) <= 2
    # An id the log holds that the plan no longer has is still listed.
    ok(pacer(*p, "log", "30", ids["habit"], "--date", "2026-03-05"))
    if not p:
        return  # the Berlin plan shows an old id: its track renamed in a copy
    edited = tmp_path / "plan.yaml"
    text = Path(p[1]).read_text(encoding="utf-8")
    from tests.helpers import rename_id

    edited.write_text(text, encoding="utf-8")
    rename_id(edited, ids["habit"], "cello")
    listed = ok(pacer("--plan", str(edited), "log", "list", "--target", ids["habit"], "--json"))
    assert [e["target"] for e in listed.json()["entries"]] == [ids["habit"]]
