"""Stored rows that name plan ids survive edits of the plan: a catch-up choice deferring a
unit that was then renamed, and every other kind of row naming an id the plan lost."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run, need_an_optional_unit, rename_id, seed_stale_rows

Pacer = Callable[..., Run]

# Every command that reads the plan and the database, as a person types them.
READING = (
    ("today",),
    ("today", "--json"),
    ("week",),
    ("status",),
    ("status", "--json"),
    ("report", "week"),
    ("report", "month"),
    ("forecast",),
    ("milestone", "list"),
    ("plan", "timeline"),
    ("catchup",),
    ("catchup", "--list"),
    ("review", "--list"),
    ("metric", "list"),
    ("note", "--list"),
    ("export", "json"),
)


def plan_copy(pacer: Pacer, which: str, other_plan: Path, folder: Path) -> Path:
    """An editable copy of the plan: the built-in one (`pacer init`) or the Berlin fixture."""
    path = folder / "plan.yaml"
    if which == "builtin":
        assert pacer("init", str(path)).code == 0
    else:
        path.write_bytes(other_plan.read_bytes())
    return path


def defer_option(pacer: Pacer, plan: Path, milestone: str) -> int:
    """The number of the catch-up option that defers optional units."""
    run = pacer("--plan", str(plan), "catchup", milestone)
    assert run.code == 0, run.err
    found = re.search(r"^  (\d+)\. defer the", run.out, re.M)
    assert found is not None, run.out
    return int(found.group(1))


def clean(run: Run) -> bool:
    return "internal error" not in run.err and "Traceback" not in run.err


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_a_deferred_unit_renamed_in_the_plan(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    milestone = need_an_optional_unit(plan, which)
    number = defer_option(pacer, plan, milestone)
    applied = pacer("--plan", str(plan), "catchup", milestone, "--apply", str(number))
    assert applied.code == 0, applied.err
    assert applied.out.startswith("recorded choice 1: defer the")
    (choice,) = pacer("--plan", str(plan), "export", "json").json()["tables"]["catchup"]
    deferred = choice["units"].split()
    old = deferred[0]
    rename_id(plan, old, old + "-v2")

    for command in READING:
        run = pacer("--plan", str(plan), *command)
        assert run.code == 0 and clean(run), (command, run.err)
    shown = pacer("--plan", str(plan), "milestone", "show", milestone)
    assert shown.code == 0, shown.err

    run = pacer("--plan", str(plan), "doctor")
    assert run.code == 1, run.out
    assert re.search(
        rf"^  catch-up choices +#1 +unit {re.escape(old)} +→ pacer catchup --drop 1$", run.out, re.M
    ), run.out
    assert (
        f"  ! catch-up choice 1 names unit {old}, which the plan no longer has; that part of it"
        " is ignored — clear it with 'pacer catchup --drop 1'"
    ) in run.out
    report = pacer("--plan", str(plan), "doctor", "--json")
    assert report.code == 1
    found = report.json()
    assert found["ok"] is False
    assert found["not_in_plan"] == [
        {
            "table": "catchup",
            "id": 1,
            "date": None,
            "kind": "unit",
            "target": old,
            "minutes": None,
            "clear": "pacer catchup --drop 1",
        }
    ]

    listed = pacer("--plan", str(plan), "catchup", "--list")
    assert listed.out.splitlines()[1] == (
        f"       ! names unit {old}, which the plan no longer has (ignored): pacer catchup --drop 1"
    )

    dropped = pacer("--plan", str(plan), "catchup", "--drop", "1")
    assert dropped.code == 0, dropped.err
    after = pacer("--plan", str(plan), "doctor")
    assert after.code == 0, after.out
    assert after.out.endswith("\neverything is fine\n")


def test_a_renamed_milestone_makes_its_moved_due_date_stale(
    pacer: Pacer, home: Path, other_plan: Path
) -> None:
    plan = plan_copy(pacer, "berlin", other_plan, home)
    assert need_an_optional_unit(plan, "berlin") == "exam"  # late: due March 10
    options = pacer("--plan", str(plan), "catchup", "exam").out
    found = re.search(r"^  (\d+)\. move the due date", options, re.M)
    assert found is not None, options
    applied = pacer("--plan", str(plan), "catchup", "exam", "--apply", found.group(1))
    assert applied.code == 1  # a due date moves only with a reason
    applied = pacer(
        "--plan", str(plan), "catchup", "exam", "--apply", found.group(1), "--reason", "shifts"
    )
    assert applied.code == 0, applied.err
    rename_id(plan, "exam", "final-exam")
    status = pacer("--plan", str(plan), "status", "--json")
    assert status.code == 0, status.err
    (exam,) = status.json()["milestones"]
    assert exam["id"] == "final-exam"
    assert exam["due"] == exam["original_due"] == "2026-03-10"  # the old move is ignored
    run = pacer("--plan", str(plan), "doctor")
    assert run.code == 1
    assert "catch-up choice 1 names milestone exam, which the plan no longer has" in run.out
    assert "pacer catchup --drop 1" in run.out
    zh = pacer("--plan", str(plan), "doctor", lang="zh")
    assert zh.code == 1
    assert "pacer catchup --drop 1" in zh.out
    assert "追赶方案 1" in zh.out


# -- every kind of row naming an id the plan no longer has ------------------------------------
@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_every_kind_of_stale_row_is_ignored_listed_and_never_crashes(
    pacer: Pacer, home: Path, other_plan: Path, which: str
) -> None:
    plan = plan_copy(pacer, which, other_plan, home)
    seed_stale_rows(home / "pacer.db")
    for command in (
        *READING,
        ("report", "year"),
        ("review", "--show", "--week", "2026-W10"),
        ("review", "--show", "--week", "2026-W10", "--format", "md"),
        ("export", "ics", "-o", str(home / "out.ics")),
    ):
        run = pacer("--plan", str(plan), *command)
        assert run.code == 0 and clean(run), (command, run.err)
    report = pacer("--plan", str(plan), "doctor", "--json")
    assert report.code == 1, report.out
    rows = {(r["table"], r["kind"], r["target"], r["clear"]) for r in report.json()["not_in_plan"]}
    assert rows == {
        ("log", "unit", "gone-unit", None),
        ("log", "habit", "gone-track", None),
        ("catchup", "milestone", "gone-milestone", "pacer catchup --drop 1"),
        ("catchup", "unit", "gone-optional", "pacer catchup --drop 1"),
        ("catchup", "milestone", "gone-milestone", "pacer catchup --drop 2"),
        ("catchup", "milestone", "gone-milestone", "pacer catchup --drop 3"),
        ("milestone_checks", "criterion", "gone-milestone/gone-criterion", None),
        ("metric_values", "metric", "gone-metric", None),
        ("notes", "post", "gone-post", None),
        ("reviews", "prompt", "2026-W10/gone-prompt", None),
    }
    for n in (1, 2, 3):
        assert pacer("--plan", str(plan), "catchup", "--drop", str(n)).code == 0
    # The log's orphan ids fail doctor until explained (`was:`) or accepted.
    assert pacer("--plan", str(plan), "doctor").code == 1
    assert pacer("--plan", str(plan), "doctor", "--accept-orphans").code == 0
    # What is left is the person's record: listed, kept, and not a failure.
    run = pacer("--plan", str(plan), "doctor")
    assert run.code == 0, run.out
    assert run.out.endswith("\nnothing is wrong (the rows listed are kept on purpose)\n")


def test_an_import_naming_ids_the_plan_lacks_reads_and_doctor_says_what_to_drop(
    pacer: Pacer, home: Path, other_plan: Path
) -> None:
    seed_stale_rows(home / "pacer.db")
    exported = pacer("export", "json", "-o", str(home / "old.json"))
    assert exported.code == 0, exported.err
    new = ("--plan", str(other_plan), "--db", str(home / "new.db"))
    imported = pacer(*new, "import", "json", str(home / "old.json"))
    assert imported.code == 0, imported.err
    for command in READING:
        run = pacer(*new, *command)
        assert run.code == 0 and clean(run), (command, run.err)
    doctor = pacer(*new, "doctor")
    assert doctor.code == 1
    assert "→ pacer catchup --drop 1" in doctor.out
