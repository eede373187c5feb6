"""A backup alone restores everything (issue 14, item 5): `export json` carries the plan
versions and `import json` writes them back; a `.db` backup copied into a data folder with no
plan.yaml writes the plan file back from the database's copy of it."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path
from typing import Any

import pytest

from pacer.plan.builtin import builtin_plan_path
from tests.conftest import OTHER_PLAN, pacer_runner
from tests.helpers import Run, doubled_templates

Pacer = Callable[..., Run]

FIRST_DAY = "2026-03-09T12:00:00+08:00"
EDIT_DAY = "2026-04-06T12:00:00+08:00"
LATER = "2026-04-08T12:00:00+08:00"
# (plan file, a unit, a habit, a metric, a post, its id)
PLANS: dict[str, tuple[Path, str, str, str, str, str]] = {
    "builtin": (builtin_plan_path(), "m1801-improper-1", "english", "listening", "blog1", ""),
    "berlin": (OTHER_PLAN, "abx-basics", "piano", "mock-score", "night-notes", "nurse-2026"),
}


def at(moment: str) -> dict[str, str]:
    return {"PACER_NOW": moment}


def ok(run: Run) -> Run:
    assert run.code == 0, run.err
    return run


def a_year(pacer: Pacer, home: Path, tmp_path: Path, which: str) -> None:
    """Entries, a metric value and a note under the plan, then the plan edited once: two
    plan versions. The built-in plan runs with no plan.yaml until the edit (`plan use` of
    an edited copy); the Berlin plan comes in through `plan use` and is edited in place."""
    source, unit, habit, metric, post, _ = PLANS[which]
    if which == "berlin":
        ok(pacer("plan", "use", str(source), "--reason", "the plan I start", env=at(FIRST_DAY)))
    for args in (
        ("log", "45", unit, "--date", "2026-03-09"),
        ("log", "20", habit, "--date", "2026-03-09"),
        ("metric", "add", metric, "41.5", "--date", "2026-03-09"),
        ("note", "the first chapter took longer", "--for", post, "--date", "2026-03-09"),
    ):
        ok(pacer(*args, env=at(FIRST_DAY)))
    edited = doubled_templates(source.read_text(encoding="utf-8"))
    if which == "berlin":
        (home / "plan.yaml").write_text(edited, encoding="utf-8")
        ok(pacer("plan", "reload", "--reason", "more time after the rota", env=at(EDIT_DAY)))
    else:
        copy = tmp_path / "mine.yaml"
        copy.write_text(edited, encoding="utf-8")
        ok(
            pacer(
                "plan", "use", str(copy), "--reason", "more time after the rota", env=at(EDIT_DAY)
            )
        )
    ok(pacer("log", "30", unit, "--date", "2026-04-06", env=at(EDIT_DAY)))
    history = ok(pacer("plan", "history", "--json", env=at(LATER))).json()
    assert [v["reason"] for v in history["versions"]] == [
        "the plan I start" if which == "berlin" else None,
        "more time after the rota",
    ]


@pytest.fixture(scope="module")
def berlin_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A data folder after a_year on the Berlin plan and its `export json`, made once for
    the tests that take the export apart."""
    folder = tmp_path_factory.mktemp("restore")
    home = folder / "home"
    home.mkdir()
    run = pacer_runner(home)
    a_year(run, home, folder, "berlin")
    return home, ok(run("export", "json", env=at(LATER))).json()


@pytest.fixture
def berlin_export(home: Path, berlin_year: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    """The test's data folder a copy of berlin_year's; its export, a copy of its own."""
    made, document = berlin_year
    shutil.copytree(made, home, dirs_exist_ok=True)
    return copy.deepcopy(document)


def shown(pacer: Pacer, env: dict[str, str]) -> tuple[Any, Any]:
    status = ok(pacer("status", "--json", env={**at(LATER), **env}))
    history = ok(pacer("plan", "history", "--json", env={**at(LATER), **env}))
    return status.json(), history.json()


# -- the done-when: a backup alone restores everything ---------------------------------------
@pytest.mark.parametrize("route", ["backup", "export"])
@pytest.mark.parametrize("which", sorted(PLANS))
def test_a_backup_alone_restores_everything_in_a_fresh_folder(
    pacer: Pacer, home: Path, tmp_path: Path, which: str, route: str
) -> None:
    a_year(pacer, home, tmp_path, which)
    before = shown(pacer, {})
    assert len(before[1]["versions"]) == 2

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    env = {"PACER_HOME": str(fresh)}
    if route == "backup":
        copy = tmp_path / "copy.db"
        ok(pacer("backup", str(copy), env=at(LATER)))
        shutil.copyfile(copy, fresh / "pacer.db")
        first = ok(pacer("status", "--json", env={**at(LATER), **env}))
        lines = [ln for ln in first.err.splitlines() if str(fresh / "plan.yaml") in ln]
        assert len(lines) == 1, first.err
        assert "restored the plan file" in lines[0]
        assert "pacer plan use" not in first.err and "built-in" not in first.err, first.err
    else:
        export = tmp_path / "all.json"
        ok(pacer("export", "json", "-o", str(export), env=at(LATER)))
        done = ok(pacer("import", "json", str(export), env={**at(LATER), **env}))
        assert str(fresh / "plan.yaml") in done.out

    assert (fresh / "plan.yaml").read_bytes() == (home / "plan.yaml").read_bytes()
    after = shown(pacer, env)
    assert after == before
    # Writing works there (the data belongs to the plan now in force) and adds no version.
    ok(pacer("log", "20", PLANS[which][2], "--date", "2026-04-07", env={**at(LATER), **env}))
    assert shown(pacer, env)[1] == before[1]
    again = ok(pacer("status", env={**at(LATER), **env}))
    assert "restored" not in again.err  # said once, when it was written


def test_another_database_named_with_db_never_writes_the_data_folder_plan_file(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    """Someone on the built-in plan (no plan.yaml) looks into a backup of a Berlin plan's data:
    their data folder keeps running the built-in plan."""
    a_year(pacer, home, tmp_path, "berlin")
    copy = tmp_path / "berlin.db"
    ok(pacer("backup", str(copy), env=at(LATER)))
    mine = tmp_path / "mine"
    mine.mkdir()
    env = {**at(LATER), "PACER_HOME": str(mine)}
    ok(pacer("log", "30", "english", "--date", "2026-03-09", env=env))
    run = ok(pacer("--db", str(copy), "status", env=env))
    assert "nurse-2026" in run.err and "restored" not in run.err, run.err
    assert not (mine / "plan.yaml").exists()
    ok(pacer("log", "30", "english", "--date", "2026-03-10", env=env))


# -- the export's plan versions ----------------------------------------------------------------
def test_an_export_carries_every_plan_version_as_text(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    a_year(pacer, home, tmp_path, "berlin")
    plan = ok(pacer("export", "json", env=at(LATER))).json()["plan"]
    first = OTHER_PLAN.read_text(encoding="utf-8")
    second = (home / "plan.yaml").read_text(encoding="utf-8")

    def digest(text: str) -> str:
        return blake2b(text.encode("utf-8"), digest_size=32).hexdigest()

    assert plan["versions"] == [
        {
            "version": 1,
            "digest": digest(first),
            "plan_id": "nurse-2026",
            "first_seen": "2026-03-09T04:00:00+00:00",
            "day": "2026-03-09",
            "reason": "the plan I start",
            "text": first,
        },
        {
            "version": 2,
            "digest": digest(second),
            "plan_id": "nurse-2026",
            "first_seen": "2026-04-06T04:00:00+00:00",
            "day": "2026-04-06",
            "reason": "more time after the rota",
            "text": second,
        },
    ]
    assert plan["in_force"] == [
        {"version": 1, "since": "2026-03-09T04:00:00+00:00", "day": "2026-03-09"},
        {"version": 2, "since": "2026-04-06T04:00:00+00:00", "day": "2026-04-06"},
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(versions={}), "'plan.versions' is missing or malformed"),
        (lambda p: p.update(in_force=3), "'plan.in_force' is missing or malformed"),
        (lambda p: p["versions"].append(7), "'plan.versions[2]' is missing or malformed"),
        (lambda p: p["versions"][0].pop("day"), "'plan.versions[0].day' is missing or malformed"),
        (
            lambda p: p["versions"][0].update(mood="good"),
            "'plan.versions[0].mood' is unknown to this pacer",
        ),
        (
            lambda p: p["versions"][1].update(text=p["versions"][1]["text"] + "#"),
            "'plan.versions[1].text' is not the plan its digest names",
        ),
        (
            lambda p: p["versions"][1].update(version=1),
            "'plan.versions[1].version' cannot be 1",
        ),
        (
            lambda p: p["versions"][1].update(version="2"),
            "'plan.versions[1].version' cannot be '2'",
        ),
        (
            lambda p: p["versions"][1].update(p["versions"][0] | {"version": 2}),
            "'plan.versions[1]' is the same plan as version 1",
        ),
        (
            lambda p: p["versions"][0].update(first_seen="2026-03-09 04:00"),
            "'plan.versions[0].first_seen' cannot be '2026-03-09 04:00'",
        ),
        (
            lambda p: p["versions"][0].update(day="yesterday"),
            "'plan.versions[0].day' cannot be 'yesterday'",
        ),
        (
            lambda p: p["in_force"][1].update(version=5),
            "'plan.in_force[1].version' names version 5, which 'plan.versions' does not hold",
        ),
        (
            lambda p: p["in_force"][0].update(since=None),
            "'plan.in_force[0].since' cannot be None",
        ),
        (
            lambda p: p.update(text=p["text"].replace("minutes:", "minutes:  ", 1)),
            "'plan.text' is not the plan its digest names",
        ),
    ],
    ids=[
        "versions-not-a-list",
        "in-force-not-a-list",
        "version-not-an-object",
        "missing-field",
        "unknown-field",
        "text-not-its-digest",
        "number-twice",
        "number-as-text",
        "content-twice",
        "bad-timestamp",
        "bad-day",
        "unknown-version",
        "since-null",
        "plan-text-not-its-sha256",
    ],
)
def test_bad_plan_versions_are_refused_in_one_line_and_nothing_is_written(
    pacer: Pacer,
    tmp_path: Path,
    berlin_export: dict[str, Any],
    change: Callable[[dict[str, Any]], object],
    message: str,
) -> None:
    document = berlin_export
    change(document["plan"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "restored.db"
    run = pacer("--db", str(target), "import", "json", str(bad), env=at(LATER))
    assert (run.code, run.out) == (1, "")
    (line,) = run.err.splitlines()
    assert message in line and "nothing was imported" in line, line
    zh = pacer("--db", str(target), "import", "json", str(bad), env=at(LATER), lang="zh")
    (line,) = zh.err.splitlines()
    assert "没有导入任何内容" in line, line
    assert not re.search(r"\b(is|the|cannot|names|holds)\b", line.split(": ", 1)[1]), line
    count = ok(pacer("--db", str(target), "log", "list", "--json", env=at(LATER)))
    assert count.json()["entries"] == []


def test_an_older_export_without_versions_keeps_what_the_database_recorded(
    pacer: Pacer, tmp_path: Path, berlin_export: dict[str, Any]
) -> None:
    document = berlin_export
    document["format_version"] = 2
    document["plan"]["versions"] = []
    del document["plan"]["in_force"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    env = {**at(LATER), "PACER_HOME": str(fresh)}
    ok(pacer("import", "json", str(old), env=env))
    history = ok(pacer("plan", "history", "--json", env=env)).json()
    assert history["current"] == len(history["versions"]) >= 1
    # Without the versions the past is judged by the plan in force now: only what the days
    # before the edit asked for (planned to date, and the habits counted as asked) may differ
    # from the original's status.
    assert unplanned(ok(pacer("status", "--json", env=env)).json()) == unplanned(
        shown(pacer, {})[0]
    )


def unplanned(status: dict[str, Any]) -> dict[str, Any]:
    """A status without what the plan asked up to the date."""
    asked = (
        "planned_to_date",
        "habit_planned_to_date",
        "habit_kept",
        "habit_days",
        "habit_done",
        "habit_days_kept",
    )
    tracks = [{k: v for k, v in tr.items() if k not in asked} for tr in status["tracks"]]
    ritual = status["ritual"] and {
        k: v for k, v in status["ritual"].items() if k not in (*asked, "kept", "days")
    }
    return {**status, "tracks": tracks, "ritual": ritual}


# -- the files these commands read: bounded, and never a FIFO ---------------------------------
@pytest.mark.parametrize(
    ("args", "option"),
    [(("import", "json"), "import json"), (("plan", "import"), "plan import")],
    ids=["import-json", "plan-import"],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_fifo_is_refused_in_one_line_not_waited_on(
    pacer: Pacer, tmp_path: Path, args: tuple[str, ...], option: str, lang: str
) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = pacer(*args, str(fifo), "--db", str(tmp_path / "x.db"), lang=lang)  # blocked before
    assert (run.code, run.out) == (2, "")
    (line,) = run.err.splitlines()
    kind = "named pipe (FIFO)" if lang == "en" else "命名管道（FIFO）"
    assert f"{option} {fifo}" in line and kind in line, line
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [(("import", "json"), "no file at"), (("plan", "import"), "no file at")],
    ids=["import-json", "plan-import"],
)
def test_a_missing_file_is_named_in_one_line(
    pacer: Pacer, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    run = pacer(*args, str(tmp_path / "nothing.txt"))
    assert run.code != 0
    (line,) = run.err.splitlines()
    assert f"{said} {tmp_path / 'nothing.txt'}" in line, line
