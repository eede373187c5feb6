"""The layering rules of DESIGN.md, checked on the source: imports and the one clock."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pacer.plan.model import Plan

SRC = Path(__file__).resolve().parent.parent / "src" / "pacer"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["plan", "schedule", "calendar"])
def test_pure_layers_import_no_io_layer(package: str) -> None:
    forbidden = ("sqlite3", "apsw", "pacer.store", "pacer.service", "pacer.cli", "pacer.web")
    for path in _modules(package):
        bad = {n for n in _imports(path) if n.startswith(forbidden)}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


@pytest.mark.parametrize("package", ["cli", "web"])
def test_interfaces_never_touch_sql(package: str) -> None:
    for path in _modules(package):
        bad = {n for n in _imports(path) if n.startswith(("sqlite3", "apsw", "pacer.store"))}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_sql_lives_only_in_store() -> None:
    for path in SRC.rglob("*.py"):
        if path.parent.name == "store":
            continue
        assert not {"sqlite3", "apsw"} & set(_imports(path)), path


def test_only_the_clock_reads_the_clock() -> None:
    calls = ("date.today(", "datetime.now(", "datetime.utcnow(", "datetime.today(", "time.time(")
    for path in SRC.rglob("*.py"):
        if path.name == "clock.py":
            continue
        text = path.read_text(encoding="utf-8")
        for call in calls:
            assert call not in text, f"{path.relative_to(SRC)} calls {call}"


def test_every_module_opens_with_a_docstring() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree)
        assert doc and doc.strip(), f"{path.relative_to(SRC)} has no docstring"


def test_today_path_keeps_heavy_libraries_out(tmp_path: Path) -> None:
    """With a warm plan cache, `pacer today` imports neither YAML nor the holiday library."""
    env = {**os.environ, "PACER_HOME": str(tmp_path), "PACER_NOW": "2026-03-10T12:00:00+08:00"}
    pacer = [sys.executable, "-X", "importtime", "-m", "pacer", "today"]
    subprocess.run(pacer, env=env, capture_output=True, check=True)  # warms the cache
    proc = subprocess.run(pacer, env=env, capture_output=True, text=True, check=True)
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    heavy_ones = ("yaml", "holidays", "matplotlib", "numpy", "icalendar", "jinja2", "rich")
    for heavy in (*heavy_ones, "recurring_ical_events", "x_wr_timezone", "markdown_it"):
        assert heavy not in imported, f"`pacer today` imported {heavy}"


def test_every_service_name_resolves_to_its_module() -> None:
    import importlib

    import pacer.service as service
    from pacer.service import _EXPORTS

    for name, subject in _EXPORTS.items():
        module = importlib.import_module(f"pacer.service.{subject}")
        assert getattr(service, name) is getattr(module, name), name
    assert sorted(service.__all__) == sorted(_EXPORTS)


def test_each_mapped_command_is_registered_by_its_module() -> None:
    """`pacer today` builds only its own module's parser; it must hold the same command."""
    from pacer.cli import COMMAND_MODULES, build_parser

    full = build_parser()
    commands = set(full._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for command, _module in COMMAND_MODULES.items():
        assert command in commands
        only = build_parser(command)
        assert command in only._subparsers._group_actions[0].choices  # type: ignore[union-attr]


def test_command_word_skips_global_options() -> None:
    from pacer.cli import _command_word

    assert _command_word(["--plan", "p.yaml", "--lang", "zh", "today", "--json"]) == "today"
    assert _command_word(["--json"]) is None
    assert _command_word(["week", "--date", "2026-03-10"]) == "week"


def _builtin_plan() -> Plan:
    from pacer.plan.builtin import builtin_plan_path
    from pacer.plan.loader import load_plan_file

    return load_plan_file(builtin_plan_path())


def _builtin_ids(plan: Plan) -> set[str]:
    """Every id the built-in plan defines: tracks, templates, blocks, shapes, curricula,
    units, phases, milestones and their criteria, metrics, review prompts, decisions."""
    ids = {t.id for t in plan.tracks} | {s.id for s in plan.week_shapes}
    ids |= {t.id for t in plan.day_templates} | {b.id for t in plan.day_templates for b in t.blocks}
    ids |= {c.id for c in plan.curricula} | {u.id for u in plan.units()}
    ids |= {p.id for p in plan.phases} | {m.id for m in plan.milestones}
    ids |= {c.id for m in plan.milestones for c in m.criteria} | {m.id for m in plan.metrics}
    ids |= {p.id for p in plan.review.prompts} | {d.id for d in plan.decisions}
    return ids


# Where prose names an example ("e.g. english", "如 --for blog1"): the example must come from
# the plan in use, never from the built-in one.
_EXAMPLE = re.compile(r"(?:e\.g\.|例如|如)[:：]?\s*(?:--[\w-]+\s+)?([A-Za-z0-9][\w.-]*)")
_WORD = re.compile(r"(?<![\w.-])[A-Za-z0-9][\w.-]*(?<![.-])")
# Built-in ids that are also words of the plan format itself (the week shapes and templates
# pacer falls back to, the review ritual) or of plain English prose.
_FORMAT_WORDS = {"normal", "travel", "holiday", "workday", "review", "year-end"}


def _texts() -> Iterator[tuple[str, int, str]]:
    """Each string constant of src/pacer outside plan/builtin/, and each web template."""
    for path in sorted(SRC.rglob("*.py")):
        if "builtin" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield str(path.relative_to(SRC)), node.lineno, node.value
    for path in sorted((SRC / "web" / "templates").glob("*.html")):
        yield str(path.relative_to(SRC)), 0, path.read_text(encoding="utf-8")


def test_no_module_names_an_id_of_the_builtin_plan() -> None:
    """Hints and help take their examples from the plan in use: the built-in plan's ids
    (english, blog1, output …) appear only under plan/builtin/. Flagged: a string that is
    exactly a built-in track id (`OUTPUT_TRACK = "output"`), an id with a digit or a hyphen
    anywhere in a string, and any built-in id given as an example."""
    plan = _builtin_plan()
    ids = _builtin_ids(plan) - _FORMAT_WORDS
    tracks = {t.id for t in plan.tracks}
    distinctive = {i for i in ids if re.search(r"[\d-]", i)}
    found = []
    for where, line, text in _texts():
        named = {m.group(1) for m in _EXAMPLE.finditer(text)} & ids
        named |= {w for w in _WORD.findall(text) if w in distinctive}
        if text in tracks:
            named.add(text)
        found += [f"{where}:{line}: {name}" for name in sorted(named)]
    assert not found, "built-in plan ids outside plan/builtin/:\n" + "\n".join(found)
