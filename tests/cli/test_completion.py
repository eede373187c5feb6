"""Shell completion (issue 15, item 6): the script `pacer completion bash` writes, sourced in a
real bash, completes commands, options and the plan's ids — on the built-in plan and on the
Berlin plan (in force, or named with --plan on the line)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run

Pacer = Callable[..., Run]
BUILTIN = load_plan_file(builtin_plan_path())
BERLIN = load_plan_file(OTHER_PLAN)


@pytest.fixture
def complete(pacer: Pacer, home: Path, tmp_path: Path) -> Callable[..., list[str]]:
    """Complete the last word of a `pacer` command line in bash; COMPREPLY, one per item."""
    run = pacer("completion", "bash")
    assert run.code == 0, run.err
    script = tmp_path / "pacer.bash"
    script.write_text(run.out, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    # The script runs `pacer completion ids …` at a TAB: the pacer under test, on PATH.
    env.update(
        PATH=f"{PACER.parent}{os.pathsep}{env.get('PATH', '')}",
        PACER_HOME=str(home),
        LANG="C.UTF-8",
        PACER_NOW="2026-03-09T12:00:00+08:00",
        PACER_TZ="Asia/Shanghai",
    )

    def words(*line: str) -> list[str]:
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in line)
        program = (
            f"source '{script}'\n"
            f"COMP_WORDS=({quoted}); COMP_CWORD={len(line) - 1}\n"
            "_shtab_pacer\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        bash = shutil.which("bash")
        assert bash is not None
        proc = subprocess.run(
            [bash, "--norc", "--noprofile", "-c", program],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return [w for w in proc.stdout.splitlines() if w]

    return words


def _missing(reason: str) -> None:
    """A shell to drive is missing: a skip on a developer's machine, a failure in CI
    (PACER_REQUIRE_TOOLS=1, set by .ci/run, which installs them)."""
    if os.environ.get("PACER_REQUIRE_TOOLS") == "1":
        pytest.fail(f"the completion tests need every shell here, but {reason}")
    pytest.skip(reason)


def test_log_target_completes_to_the_built_in_plans_units(
    complete: Callable[..., list[str]],
) -> None:
    got = complete("pacer", "log", "30", "m18")
    want = [u.id for u in BUILTIN.units() if u.id.startswith("m18")]
    assert want and sorted(got) == sorted(want)
    # `log add` named, and a unit to `done`.
    assert sorted(complete("pacer", "log", "add", "30", "m18")) == sorted(want)
    assert sorted(complete("pacer", "done", "m18")) == sorted(want)


def test_commands_options_and_milestones(complete: Callable[..., list[str]]) -> None:
    assert "today" in complete("pacer", "to")
    assert complete("pacer", "hab") == ["habit"]
    assert complete("pacer", "completion", "") == ["bash", "zsh", "fish", "ids"]
    assert "--note" in complete("pacer", "log", "30", "english", "--n")
    milestones = sorted(m.id for m in BUILTIN.milestones)
    assert sorted(complete("pacer", "milestone", "show", "")) == milestones
    habit = next(iter(BUILTIN.habit_tracks()))
    assert habit in complete("pacer", "log", "list", "--target", habit[:2])


def test_the_timer_and_posts_complete_to_the_plans_ids(complete: Callable[..., list[str]]) -> None:
    want = [u.id for u in BUILTIN.units() if u.id.startswith("m18")]
    assert sorted(complete("pacer", "start", "m18")) == sorted(want)
    assert sorted(complete("pacer", "start", "--switch", "m18")) == sorted(want)
    posts = sorted(c.id for c in BUILTIN.curricula if c.post)
    assert posts and sorted(complete("pacer", "export", "hexo", "")) == posts
    assert sorted(complete("pacer", "note", "add", "x", "--for", "")) == posts
    kinds = sorted(BUILTIN.absence_kinds())
    assert "sick" in kinds and sorted(complete("pacer", "trip", "add", "--kind", "")) == kinds


# Argument names that always hold one of the plan's ids, wherever a command takes them.
_ID_DESTS = {"target", "unit", "milestone", "switch", "post", "kind"}


def test_every_argument_that_takes_a_plan_id_completes_to_them() -> None:
    """A new command's TARGET or UNIT is not forgotten by the completion table."""
    import argparse

    from pacer.cli import build_parser
    from pacer.cli.completion import IDS

    def walk(
        p: argparse.ArgumentParser, path: tuple[str, ...]
    ) -> list[tuple[tuple[str, ...], str]]:
        found = []
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found += walk(child, (*path, name))
            elif action.dest in _ID_DESTS and path != ("completion",):  # its own KIND
                found.append((path, action.dest))
        return found

    taken = walk(build_parser(), ())
    assert len(taken) >= 8
    assert [arg for arg in taken if arg not in IDS] == []


def test_the_berlin_plan_in_force_and_named_on_the_line(
    complete: Callable[..., list[str]], pacer: Pacer
) -> None:
    units = sorted(u.id for u in BERLIN.units())
    targets = sorted([*units, "piano", "review"])
    # Named with --plan on the line being completed.
    named = complete("pacer", "--plan", str(OTHER_PLAN), "log", "30", "")
    assert sorted(named) == targets
    # In force (`plan use`): no --plan needed.
    assert pacer("plan", "use", str(OTHER_PLAN)).code == 0
    assert sorted(complete("pacer", "log", "30", "")) == targets
    assert complete("pacer", "log", "30", "abx-d") == ["abx-dosing"]
    assert sorted(complete("pacer", "milestone", "check", "")) == sorted(
        m.id for m in BERLIN.milestones
    )
    assert not any(u.id in targets for u in BUILTIN.units())


def test_ids_are_one_a_line_and_quiet_on_a_broken_plan(pacer: Pacer, tmp_path: Path) -> None:
    run = pacer("--plan", str(OTHER_PLAN), "completion", "ids", "tracks")
    assert (run.code, run.out) == (0, "".join(f"{t.id}\n" for t in BERLIN.tracks))
    broken = tmp_path / "broken.yaml"
    broken.write_text("pacer: 1\nplan: [\n", encoding="utf-8")
    run = pacer("--plan", str(broken), "completion", "ids", "units")
    assert (run.code, run.out, run.err) == (0, "", "")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_the_ids_helper(pacer: Pacer, shell: str) -> None:
    run = pacer("completion", shell)
    assert run.code == 0, run.err
    assert "_pacer_ids" in run.out and "pacer completion ids" in run.out
    assert "milestones" in run.out


def test_fish_completes_the_plans_ids(pacer: Pacer, home: Path, tmp_path: Path) -> None:
    fish = shutil.which("fish")
    if fish is None:
        _missing("fish is not installed (apt-get install fish)")
    script = tmp_path / "pacer.fish"
    script.write_text(pacer("completion", "fish").out, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PATH=f"{PACER.parent}{os.pathsep}{env.get('PATH', '')}", PACER_HOME=str(home))
    proc = subprocess.run(
        [fish, "--no-config", "-c", f"source '{script}'; complete -C 'pacer log 30 abx-'"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    # Without --plan on the line the plan in force is the built-in one: no Berlin ids.
    assert "abx-basics" not in proc.stdout
    proc = subprocess.run(
        [
            fish,
            "--no-config",
            "-c",
            f"source '{script}'; complete -C 'pacer --plan {OTHER_PLAN} log 30 abx-'",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert [line.split("\t")[0] for line in proc.stdout.splitlines()] == [
        "abx-basics",
        "abx-dosing",
    ]


def test_zsh_ids_helper_takes_the_kind_after_compadds_options(
    pacer: Pacer, home: Path, tmp_path: Path
) -> None:
    """_arguments calls an action as `_pacer_ids -J -default- units`: the kind comes last."""
    zsh = shutil.which("zsh")
    if zsh is None:
        _missing("zsh is not installed (apt-get install zsh)")
    script = pacer("completion", "zsh").out
    helper = script[script.index("_pacer_ids() {") :].split("\n}\n", 1)[0] + "\n}\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PATH=f"{PACER.parent}{os.pathsep}{env.get('PATH', '')}", PACER_HOME=str(home))
    program = (
        'compadd() { print -r -- "${@[1,-3]}"; print -rl -- "${(@P)${@[-1]}}"; }\n'
        + helper
        + f"words=(pacer --plan '{OTHER_PLAN}' milestone show '')\n"
        + "_pacer_ids -J -default- milestones\n"
    )
    proc = subprocess.run(
        [zsh, "-f", "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "-J -default-"
    assert lines[1:] == [m.id for m in BERLIN.milestones]
