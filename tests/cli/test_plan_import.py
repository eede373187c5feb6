"""`pacer plan import`: the real command turns Markdown into a plan that `plan check` accepts."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ROOT, Run

Pacer = Callable[..., Run]
SEED = ROOT / "tests" / "fixtures" / "seed-plan.md"
ENGLISH = ROOT / "tests" / "fixtures" / "plan-english.md"
GOLDEN = ROOT / "tests" / "golden" / "plan-import-english.yaml"


@pytest.mark.parametrize(
    ("source", "summary"),
    [
        (SEED, "11 months, 8 tracks, 9 curricula (42 units), 7 phases"),
        (ENGLISH, "7 months, 6 tracks, 7 curricula (25 units), 3 phases"),
    ],
)
def test_import_then_check(pacer: Pacer, tmp_path: Path, source: Path, summary: str) -> None:
    out = tmp_path / "plan.yaml"
    run = pacer("plan", "import", str(source), "-o", str(out))
    assert run.code == 0, run.err
    assert run.out == f"wrote {out}: {summary}; check the lines marked '# guess:'\n"
    check = pacer("--plan", str(out), "plan", "check")
    assert check.code == 0, check.err
    assert ": ok — " in check.out
    today = pacer("--plan", str(out), "today")
    assert today.code == 0, today.err
    # Without -o the same YAML goes to standard output.
    shown = pacer("plan", "import", str(source))
    assert shown.code == 0 and shown.out == out.read_text("utf-8")


def test_english_import_matches_the_golden_file(pacer: Pacer) -> None:
    run = pacer("plan", "import", str(ENGLISH))
    assert run.code == 0, run.err
    if os.environ.get("PACER_UPDATE_GOLDEN"):
        GOLDEN.write_text(run.out, encoding="utf-8")
    assert run.out == GOLDEN.read_text(encoding="utf-8")


def test_an_existing_output_needs_force(pacer: Pacer, tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("mine\n", encoding="utf-8")
    run = pacer("plan", "import", str(ENGLISH), "-o", str(out))
    assert run.code != 0
    assert run.err == f"pacer: {out} already exists; add --force to replace it\n"
    assert out.read_text("utf-8") == "mine\n"
    run = pacer("plan", "import", str(ENGLISH), "-o", str(out), "--force")
    assert run.code == 0, run.err
    assert out.read_text("utf-8").startswith("# drafted by 'pacer plan import'")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_without_a_plan_is_one_line(pacer: Pacer, tmp_path: Path, lang: str) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nNothing planned here.\n\n- milk\n- bread\n", encoding="utf-8")
    out = tmp_path / "plan.yaml"
    run = pacer("plan", "import", str(doc), "-o", str(out), lang=lang)
    assert run.code != 0 and run.out == ""
    assert len(run.err.splitlines()) == 1
    expected = "found no plan in it" if lang == "en" else "其中没有找到计划"
    assert expected in run.err and "Traceback" not in run.err
    assert not out.exists()


def test_a_file_that_is_not_utf8_is_one_line(pacer: Pacer, tmp_path: Path) -> None:
    doc = tmp_path / "plan.md"
    doc.write_bytes("## 2026.03｜启动\n\n- 向量\n".encode("gb18030"))
    run = pacer("plan", "import", str(doc))
    assert run.code != 0 and run.out == ""
    line = "is not UTF-8 text (at byte offset 10); save it as UTF-8 and import it again"
    assert run.err == f"pacer: {doc} {line}\n"


def test_a_missing_file_is_one_line(pacer: Pacer, tmp_path: Path) -> None:
    run = pacer("plan", "import", str(tmp_path / "nope.md"))
    assert run.code != 0
    assert run.err == f"pacer: no file at {tmp_path / 'nope.md'}\n"
