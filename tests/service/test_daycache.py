"""The rendered-day cache: `pacer today` is served from it only while nothing it shows has
changed — every kind of write, a new plan file, a new day or zone makes the next `today` a
fresh rendering (a stale agenda is a bug worse than a slow one)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import Run, complete_review

TRACE = {"PACER_CACHE_TRACE": "1"}
Pacer = Callable[..., Run]


@dataclass(frozen=True)
class World:
    """A plan and the ids its writes name."""

    name: str
    plan: tuple[str, ...]  # the global options that pick the plan
    zone: str
    habit: str
    unit: str
    metric: str
    metric_value: str
    milestone: str
    late_on: str  # a moment at which `milestone` is late, for catch-up
    review_week: str  # the week before late_on's, reviewed then
    post: str

    def env(self, now: str = "2026-03-09T12:00:00+08:00") -> dict[str, str]:
        return {**TRACE, "PACER_TZ": self.zone, "PACER_NOW": now}


BUILTIN = World(
    "built-in",
    (),
    "Asia/Shanghai",
    "english",
    "m1802-w1-lecture1",
    "listening",
    "60",
    "blog-1",
    "2026-05-20T12:00:00+08:00",
    "2026-W20",
    "blog1",
)
BERLIN = World(
    "berlin",
    ("--plan", str(OTHER_PLAN)),
    "Europe/Berlin",
    "piano",
    "abx-basics",
    "mock-score",
    "60",
    "exam",
    "2026-08-20T12:00:00+02:00",
    "2026-W33",
    "night-notes",
)


@pytest.fixture(params=[BUILTIN, BERLIN], ids=lambda w: w.name)
def world(request: pytest.FixtureRequest) -> World:
    return request.param  # type: ignore[no-any-return]


def today(pacer: Pacer, world: World, *extra: str, env: dict[str, str] | None = None) -> Run:
    run = pacer(*world.plan, "today", *extra, env=env or world.env())
    assert run.code == 0, run.err
    return run


def served(run: Run) -> bool:
    return "pacer: day cache hit" in run.err


def shown(run: Run) -> tuple[str, str]:
    """What a person sees: the text and the notices, without the cache's trace."""
    return run.out, "".join(line for line in run.err.splitlines(True) if "day cache" not in line)


def warm(pacer: Pacer, world: World, *extra: str, env: dict[str, str] | None = None) -> Run:
    """`today` until it is served from the cache (a first run may record the plan)."""
    for _ in range(3):
        run = today(pacer, world, *extra, env=env)
        if served(run):
            return run
    raise AssertionError(f"never served from the cache: {run.err}")


def fresh(
    pacer: Pacer, home: Path, world: World, *extra: str, env: dict[str, str] | None = None
) -> Run:
    """`today` rendered anew: the cache folder removed first."""
    shutil.rmtree(home / "cache" / "today", ignore_errors=True)
    run = today(pacer, world, *extra, env=env)
    assert not served(run)
    return run


def entry_id(pacer: Pacer, world: World) -> str:
    run = pacer(*world.plan, "log", "list", "--json", env=world.env())
    assert run.code == 0, run.err
    return str(run.json()["entries"][-1]["id"])


def test_an_unchanged_day_is_served_from_the_cache_as_it_was_printed(
    pacer: Pacer, world: World
) -> None:
    assert pacer(*world.plan, "log", "30", world.habit, env=world.env()).code == 0
    first = today(pacer, world)
    again = warm(pacer, world)
    assert shown(again) == shown(first)
    as_json = warm(pacer, world, "--json")
    assert json.loads(as_json.out)["date"] == "2026-03-09"
    zh = warm(pacer, world, "--lang", "zh")
    assert shown(zh) != shown(again)  # each language its own entry
    assert shown(warm(pacer, world)) == shown(first)


# Each kind of write, as a person types it: (setup, the write, whether `today` shows it).
WRITES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "log": ((), ("log", "25", "{habit}"), True),
    "done": ((), ("done", "{unit}"), True),
    "undo": (("log", "25", "{habit}"), ("undo",), True),
    "edit": (("log", "25", "{habit}"), ("log", "edit", "{entry}", "--minutes", "40"), True),
    "remove": (("log", "25", "{habit}"), ("log", "rm", "{entry}"), True),
    "trip": ((), ("trip", "add", "2026-03-09", "2026-03-12"), True),
    "sick": ((), ("sick",), True),
    "metric": ((), ("metric", "add", "{metric}", "{metric_value}"), False),
    "note": ((), ("note", "--for", "{post}", "a thought for the blog"), False),
    "timer": ((), ("start", "{habit}"), True),
}


@pytest.mark.parametrize("kind", list(WRITES))
def test_every_kind_of_write_makes_the_next_today_fresh(
    pacer: Pacer, home: Path, world: World, kind: str
) -> None:
    setup, write, visible = WRITES[kind]
    names = {
        "habit": world.habit,
        "unit": world.unit,
        "metric": world.metric,
        "metric_value": world.metric_value,
        "post": world.post,
    }
    if setup:
        assert pacer(*world.plan, *[w.format(**names) for w in setup], env=world.env()).code == 0
        names["entry"] = entry_id(pacer, world)
    before = warm(pacer, world)
    run = pacer(*world.plan, *[w.format(**names) for w in write], env=world.env())
    assert run.code == 0, run.err
    after = today(pacer, world)
    assert not served(after), kind
    assert shown(after) == shown(fresh(pacer, home, world)), kind
    if visible:
        assert after.out != before.out, kind
    if kind == "timer":  # a running timer's minutes change: never kept
        assert not served(today(pacer, world))


def test_a_review_and_a_catch_up_make_the_next_today_fresh(
    pacer: Pacer, home: Path, world: World
) -> None:
    env = world.env(world.late_on)
    warm(pacer, world, env=env)
    chosen = pacer(*world.plan, "catchup", world.milestone, "--apply", "1", env=env)
    assert chosen.code == 0, chosen.err
    after = today(pacer, world, env=env)
    assert not served(after)
    assert shown(after) == shown(fresh(pacer, home, world, env=env))
    warm(pacer, world, env=env)
    answered = complete_review(
        pacer, *world.plan, "review", "--week", world.review_week, "--answers", "-", env=env
    )
    assert answered.code == 0, answered.err
    after = today(pacer, world, env=env)
    assert not served(after)
    assert shown(after) == shown(fresh(pacer, home, world, env=env))


def test_an_edited_plan_file_is_a_new_day(pacer: Pacer, home: Path, world: World) -> None:
    plan = home / "plan.yaml"
    if world.plan:
        shutil.copy(OTHER_PLAN, plan)
        local = World(**{**world.__dict__, "plan": ("--plan", str(plan))})
    else:
        assert pacer("init", env=world.env()).code == 0
        local = world
    before = warm(pacer, local)
    text = plan.read_text(encoding="utf-8")
    title = before.out.splitlines()[0].split(" · ", 1)[1].split(" (")[0]
    assert title and title in text
    plan.write_text(text.replace(title, "Renamed day"), encoding="utf-8")
    after = today(pacer, local)
    assert not served(after)
    assert "Renamed day" in after.out
    assert shown(after) == shown(fresh(pacer, home, local))


def test_a_new_day_or_another_zone_is_not_served_the_old_day(pacer: Pacer, world: World) -> None:
    warm(pacer, world)
    # The same day a few hours later is still served.
    later = today(pacer, world, env=world.env("2026-03-09T18:00:00+08:00"))
    assert served(later)
    tomorrow = today(pacer, world, env=world.env("2026-03-10T12:00:00+08:00"))
    assert not served(tomorrow)
    assert "2026-03-10" in tomorrow.out.splitlines()[0]
    # The same moment on a clock in Los Angeles is still Sunday 8 March there.
    away = today(pacer, world, env={**world.env(), "PACER_TZ": "America/Los_Angeles"})
    assert not served(away)
    assert away.out.splitlines()[0].startswith("2026-03-08")


def test_a_write_by_another_database_path_or_data_folder_is_kept_apart(
    pacer: Pacer, home: Path, world: World
) -> None:
    warm(pacer, world)
    other = home / "other.db"
    run = pacer(*world.plan, "--db", str(other), "log", "45", world.habit, env=world.env())
    assert run.code == 0, run.err
    mine = today(pacer, world)
    assert served(mine)
    theirs = pacer(*world.plan, "--db", str(other), "today", env=world.env())
    assert not served(theirs)
    assert theirs.out != mine.out


def test_a_hit_loads_no_engine(pacer: Pacer, home: Path) -> None:
    """What makes the hit fast: no plan model, no schedule, no argparse, no message catalog."""
    assert pacer("log", "30", "english", env=BUILTIN.env()).code == 0
    warm(pacer, BUILTIN)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update({"PACER_HOME": str(home), "LANG": "C.UTF-8", **BUILTIN.env()})
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pacer", "today"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "pacer: day cache hit" in proc.stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "pacer.service.daycache" in loaded
    for heavy in ("pacer.plan.model", "pacer.schedule.projection", "argparse", "pacer.i18n"):
        assert heavy not in loaded, heavy


def test_a_planted_entry_is_never_shown(pacer: Pacer, home: Path) -> None:
    """Whoever can write the cache folder but not the data folder cannot make `today` say
    anything: an entry whose signature does not hold is a miss."""
    warm(pacer, BUILTIN)
    (entry,) = (home / "cache" / "today").iterdir()
    data = bytearray(entry.read_bytes())
    data[-2:-1] = b"X"
    entry.write_bytes(bytes(data))
    run = today(pacer, BUILTIN)
    assert not served(run)
    assert "X" not in run.out[-2:]


def test_under_another_plans_data_today_is_never_kept(pacer: Pacer, home: Path) -> None:
    """Its line names the bound plan's file only while that file exists: no key tells."""
    own = home / "own.yaml"
    shutil.copy(OTHER_PLAN, own)
    env = BERLIN.env()
    assert pacer("--plan", str(own), "log", "20", "piano", env=env).code == 0
    assert pacer("init", env=env).code == 0  # the 2026 plan as plan.yaml: another plan
    for _ in range(3):
        run = pacer("today", env=env)
        assert run.code == 0 and "own.yaml" in run.err, run.err
        assert not served(run)
    own.rename(home / "moved.yaml")
    moved = pacer("today", env=env)
    assert "own.yaml" not in moved.err, moved.err


def test_a_restored_plan_file_is_restored_again_not_replayed(pacer: Pacer, home: Path) -> None:
    """Data bound to a plan file, no plan.yaml: the run that writes it back is not kept, so
    after the file is removed again the next run writes it again."""
    shutil.copy(OTHER_PLAN, home / "plan.yaml")
    env = BERLIN.env()
    assert pacer("log", "20", "piano", env=env).code == 0
    for _ in range(2):
        (home / "plan.yaml").unlink()
        run = pacer("today", env=env)
        assert run.code == 0, run.err
        assert not served(run)
        assert (home / "plan.yaml").is_file()
        assert "restored the plan file" in run.err


def test_a_plan_file_saved_while_today_runs_is_not_kept_under_the_old_bytes(
    pacer: Pacer, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key holds the bytes read when the command starts; the day is made from the bytes
    read later: when they differ, nothing is kept."""
    from pacer import entry
    from pacer.service import daycache

    plan = home / "draft.yaml"
    shutil.copy(OTHER_PLAN, plan)
    args = ["--plan", str(plan), "today"]
    assert pacer(*args[:2], "log", "20", "piano", env=BERLIN.env()).code == 0
    for name, value in {**BERLIN.env(), "PACER_HOME": str(home), "LANG": "C.UTF-8"}.items():
        monkeypatch.setenv(name, value)
    found = daycache.probe(args)
    assert found is not None
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Shift day", "Night duty"), encoding="utf-8")  # saved now
    words = daycache.today_words(args)
    assert words is not None
    assert entry._run_today(words, None, found) == 0
    printed = capsys.readouterr()
    assert "Night duty" in printed.out
    assert "day cache not kept (another plan was read)" in printed.err
    again = pacer(*args, env=BERLIN.env())
    assert not served(again)
    assert "Night duty" in again.out


def test_another_install_of_the_holiday_library_is_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pacer import stamps

    package = tmp_path / "lib" / "holidaysish"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    before = stamps.library_stamp("holidaysish")
    (package / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")
    assert stamps.library_stamp("holidaysish") != before
    assert stamps.library_stamp("no_such_library_here") == "-"
