"""Data bound to its plan (issue 14, item 5): the database records the id of the plan it was
written with; another plan in force says so in one line and refuses to write until
`pacer plan use PATH`; export, backup and import carry the plan file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.plan.builtin import builtin_plan_path
from tests.conftest import OTHER_PLAN
from tests.helpers import Run

Pacer = Callable[..., Run]

# (plan file, a unit of it, a habit of it, its id, its title)
BUILTIN_ID = "plan-2026"
PLANS: dict[str, tuple[Path | None, str, str, str, str]] = {
    "builtin": (None, "m1801-improper-1", "english", BUILTIN_ID, "2026执行方案"),
    "berlin": (OTHER_PLAN, "abx-basics", "piano", "nurse-2026", "Nurse's study year"),
}


def _year_of_entries(pacer: Pacer, home: Path, which: str) -> None:
    """The plan copied into the data folder (the built-in plan: none) and entries across its
    span."""
    source, unit, habit, _, _ = PLANS[which]
    if source is not None:
        assert pacer("plan", "use", str(source)).code == 0
    for day, target, minutes in (
        ("2026-03-03", unit, "45"),
        ("2026-03-04", habit, "20"),
        ("2026-03-05", unit, "30"),
    ):
        run = pacer("log", minutes, target, "--date", day)
        assert run.code == 0, run.err
    assert (home / "plan.yaml").exists() == (source is not None)


@pytest.mark.parametrize("which", ["berlin"])  # the built-in plan has no file to lose
def test_a_missing_plan_file_is_written_back_from_the_database(
    pacer: Pacer, home: Path, which: str
) -> None:
    """A data folder whose plan.yaml is gone (a backup copied to a new machine, a file deleted)
    gets it back from the database's copy: said in one line, and everything works as before."""
    _, _, habit, plan_id, title = PLANS[which]
    _year_of_entries(pacer, home, which)
    before = pacer("status", "--json")
    assert before.code == 0, before.err
    kept = (home / "plan.yaml").read_bytes()
    (home / "plan.yaml").unlink()

    status = pacer("status", "--json")
    assert status.code == 0, status.err
    (line,) = status.err.splitlines()
    assert line.startswith(f"pacer: restored the plan file {home / 'plan.yaml'} from the database")
    assert plan_id in line and title in line
    assert status.json() == before.json()
    assert (home / "plan.yaml").read_bytes() == kept
    assert (home / "plan.yaml").stat().st_mode & 0o777 == 0o600
    ok = pacer("log", "20", habit, "--date", "2026-03-06")
    assert (ok.code, ok.err) == (0, "")

    # In Chinese too, in Chinese words.
    (home / "plan.yaml").unlink()
    zh = pacer("status", lang="zh")
    assert zh.code == 0, zh.err
    (line,) = zh.err.splitlines()
    assert "已从数据库恢复计划文件" in line and "restored" not in line, line


def test_data_of_the_built_in_plan_writes_no_plan_file(pacer: Pacer, home: Path) -> None:
    _year_of_entries(pacer, home, "builtin")
    run = pacer("status")
    assert run.code == 0 and "restored" not in run.err, run.err
    assert not (home / "plan.yaml").exists()


def test_a_wrong_plan_option_is_refused_and_plan_use_switches_on_purpose(
    pacer: Pacer, home: Path
) -> None:
    """Data written with the built-in plan; `--plan` names another plan."""
    assert pacer("log", "30", "english", "--date", "2026-03-03").code == 0
    other = ("--plan", str(OTHER_PLAN))
    _, _, habit, plan_id, title = PLANS["berlin"]

    shown = pacer("today", *other)
    assert shown.code == 0, shown.err
    assert BUILTIN_ID in shown.err and plan_id in shown.err and title in shown.err

    refused = pacer("log", "20", habit, "--date", "2026-03-04", *other)
    assert refused.code != 0
    assert refused.err.count("\n") == 1 and BUILTIN_ID in refused.err, refused.err
    for write in (
        ("trip", "add", "2026-04-01", "2026-04-03", *other),
        ("metric", "add", "mock-score", "50", *other),
        ("plan", "reload", "--reason", "x", *other),  # the binding's line, not "read-only"
    ):
        run = pacer(*write)
        assert run.code != 0 and BUILTIN_ID in run.err and plan_id in run.err, (write, run.err)

    # `pacer plan use` is the deliberate switch: the data now belongs to the Berlin plan.
    assert pacer("plan", "use", str(OTHER_PLAN)).code == 0
    ok = pacer("log", "20", habit, "--date", "2026-03-04")
    assert ok.code == 0, ok.err
    assert BUILTIN_ID not in ok.err

    # And the built-in plan is now the other plan.
    builtin = ("--plan", str(builtin_plan_path()))
    again = pacer("log", "30", "english", "--date", "2026-03-05", *builtin)
    assert again.code != 0 and plan_id in again.err and BUILTIN_ID in again.err


def test_messages_read_right_in_chinese(pacer: Pacer, home: Path) -> None:
    assert pacer("log", "30", "english", "--date", "2026-03-03").code == 0
    run = pacer("log", "20", "piano", "--plan", str(OTHER_PLAN), lang="zh")
    assert run.code != 0
    assert "计划" in run.err and "pacer plan use <计划文件>" in run.err, run.err
    assert "plan in force" not in run.err


@pytest.mark.parametrize("which", sorted(PLANS))
def test_an_export_alone_restores_everything_into_a_fresh_folder(
    pacer: Pacer, home: Path, tmp_path: Path, which: str
) -> None:
    """The issue's done-when: a backup restored into a fresh data folder with no plan.yaml
    shows the same `status --json` as the original."""
    _year_of_entries(pacer, home, which)
    original = pacer("status", "--json")
    assert original.code == 0, original.err
    export = tmp_path / "backup.json"
    assert pacer("export", "json", "-o", str(export)).code == 0

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    env = {"PACER_HOME": str(fresh)}
    done = pacer("import", "json", str(export), env=env)
    assert done.code == 0, done.err
    if PLANS[which][0] is None:  # the built-in plan is in force there too: nothing to restore
        assert not (fresh / "plan.yaml").exists()
    else:
        assert (fresh / "plan.yaml").read_bytes() == (home / "plan.yaml").read_bytes()
        assert str(fresh / "plan.yaml") in done.out
    restored = pacer("status", "--json", env=env)
    assert restored.code == 0, restored.err
    assert restored.json() == original.json()
    assert "pacer plan use" not in restored.err, restored.err
    # Writing works there: the data belongs to the plan now in force.
    assert pacer("log", "20", PLANS[which][2], env=env).code == 0


def test_an_export_carries_the_plan_file(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    import hashlib
    import json

    from pacer.workspace import content_digest

    _year_of_entries(pacer, home, "berlin")
    document = json.loads(pacer("export", "json").out)
    plan = document["plan"]
    data = (home / "plan.yaml").read_bytes()
    assert plan == {
        "source": str(home / "plan.yaml"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "id": "nurse-2026",
        "title": "Nurse's study year",
        "text": data.decode("utf-8"),
        "versions": [
            {
                "version": 1,
                "digest": content_digest(data),
                "plan_id": "nurse-2026",
                "first_seen": plan["versions"][0]["first_seen"],
                "day": plan["versions"][0]["day"],
                "reason": "",
                "text": data.decode("utf-8"),
            }
        ],
        "in_force": [
            {
                "version": 1,
                "since": plan["versions"][0]["first_seen"],
                "day": plan["versions"][0]["day"],
            }
        ],
    }
    assert "plan_binding" not in document["tables"]


@pytest.mark.parametrize("which", sorted(PLANS))
def test_doctor_reports_the_binding(pacer: Pacer, home: Path, which: str) -> None:
    import hashlib

    source, _, _, plan_id, title = PLANS[which]
    _year_of_entries(pacer, home, which)
    run = pacer("doctor")
    assert run.code == 0, run.out
    assert f"Data of   {plan_id} ({title})" in run.out.splitlines()
    report = pacer("doctor", "--json").json()
    plan_file = home / "plan.yaml" if source is not None else None
    data = plan_file.read_bytes() if plan_file else None
    expected_source = str(plan_file) if plan_file else "<built-in 2026 plan>"
    assert report["binding"]["database"]["source"] == expected_source
    if data is not None:
        assert report["binding"]["database"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert report["binding"] == {
        "database": {
            "id": plan_id,
            "title": title,
            "source": expected_source,
            "sha256": report["binding"]["database"]["sha256"],
        },
        "in_force": {"id": plan_id, "title": title},
        "matches": True,
    }

    # Under another plan: a warning naming both, and a non-zero exit.
    other = ("--plan", str(OTHER_PLAN) if source is None else str(builtin_plan_path()))
    in_force = (
        ("nurse-2026", "Nurse's study year") if source is None else (BUILTIN_ID, "2026执行方案")
    )
    run = pacer("doctor", *other)
    assert run.code == 1
    # Every id is an orphan under another plan: doctor suggests no renames against it.
    warned = [ln for ln in run.out.splitlines() if ln.startswith("  ! ")]
    assert len(warned) == 1 and plan_id in warned[0] and in_force[0] in warned[0], run.out
    report = pacer("doctor", "--json", *other).json()
    assert report["ok"] is False
    assert report["binding"]["in_force"] == {"id": in_force[0], "title": in_force[1]}
    assert report["binding"]["matches"] is False
    assert [f["code"] for f in report["findings"] if f["level"] == "warning"] == [
        "binding.other_plan"
    ]
    assert report["orphans"] == []


def test_doctor_before_the_first_write(pacer: Pacer) -> None:
    run = pacer("doctor", "--plan", str(OTHER_PLAN))
    assert "Data of   no plan yet (the first write records the plan in force)" in run.out
    assert pacer("doctor", "--json", "--plan", str(OTHER_PLAN)).json()["binding"] == {
        "database": None,
        "in_force": {"id": "nurse-2026", "title": "Nurse's study year"},
        "matches": True,
    }


def test_a_backup_holds_the_plan_in_force(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    import sqlite3

    _year_of_entries(pacer, home, "berlin")
    plan = home / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    target = tmp_path / "copy.db"
    assert pacer("backup", str(target)).code == 0
    with sqlite3.connect(target) as conn:
        row = conn.execute("SELECT plan_id, source, plan_text FROM plan_binding").fetchall()
    conn.close()
    assert row == [("nurse-2026", str(plan), plan.read_bytes())]
