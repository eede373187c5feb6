"""`pacer report -o` draws the plan's Gantt chart beside its other charts, on both plans and
in both languages (the installed command in a subprocess)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, pacer_env

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("which", "lang", "name"),
    [("builtin", "zh", "甘特图"), ("berlin", "en", "Gantt chart")],
)
def test_report_draws_the_gantt_chart(tmp_path: Path, which: str, lang: str, name: str) -> None:
    plan = ["--plan", str(OTHER_PLAN)] if which == "berlin" else []
    env = pacer_env(tmp_path / "home", "2026-03-20T21:00:00+08:00")
    args = ["report", "month", "--lang", lang, *plan, "--format", "html"]
    run = subprocess.run(
        [str(PACER), *args, "-o", f"{tmp_path / 'out'}/"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    assert (out / "pacer-month-2026-03-gantt.png").is_file()
    svg = ET.parse(out / "pacer-month-2026-03-gantt.svg").getroot()
    due = next(g for g in svg.iter(f"{SVG}g") if g.get("id") == "gantt-milestones-due")
    milestones = 15 if which == "builtin" else 1
    assert len(due.findall(f".//{SVG}use")) == milestones
    html = (out / "pacer-month-2026-03.html").read_text(encoding="utf-8")
    assert f'src="pacer-month-2026-03-gantt.svg" alt="{name}"' in html
