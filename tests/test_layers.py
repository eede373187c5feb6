"""The layering rules of DESIGN.md, checked on the source: imports and the one clock."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    for heavy in (*heavy_ones, "recurring_ical_events", "x_wr_timezone"):
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
