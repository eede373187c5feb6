"""The Gantt chart drawn: a diamond per milestone (due, and projected where it is), a bar per
curriculum, absences shaded, the labels in the chosen language; for files and for a phone."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pacer import clock
from pacer.i18n import set_lang
from pacer.report.charts import PHONE, PRINT, Look
from pacer.report.gantt_chart import gantt_files
from pacer.service import Session
from pacer.service.gantt import gantt_of
from pacer.store.trips import add_trip
from tests.conftest import OTHER_PLAN

SVG = "{http://www.w3.org/2000/svg}"
PLANS = {"builtin": None, "berlin": OTHER_PLAN}
TITLES = {"en": "The plan: planned and projected spans", "zh": "计划：计划跨度与预计跨度"}


def _group(root: ET.Element, gid: str) -> ET.Element | None:
    return next((el for el in root.iter(f"{SVG}g") if el.get("id") == gid), None)


@pytest.mark.parametrize("chosen", [PRINT, PHONE], ids=["print", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("which", PLANS)
def test_the_gantt_chart_has_a_diamond_per_milestone_in_its_language(
    which: str, lang: str, chosen: Look, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACER_HOME", str(tmp_path / "home"))
    clock.set_now(datetime(2026, 3, 20, 12, 0, tzinfo=UTC))
    set_lang(lang)
    with Session(PLANS[which]) as s:
        add_trip(s.store, date(2026, 4, 6), date(2026, 4, 19), "Hamburg")
        data = gantt_of(s, date(2026, 3, 20))
        plan = s.plan
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the font would raise
        written = gantt_files(data, tmp_path / "out", "plan-gantt", chosen)
    assert sorted(p.suffix for p in written) == sorted(chosen.suffixes)
    svg = next(p for p in written if p.suffix == ".svg")
    root = ET.parse(svg).getroot()
    due = _group(root, "gantt-milestones-due")
    assert due is not None and len(due.findall(f".//{SVG}use")) == len(plan.milestones)
    placed = [m for m in data.milestones if m.projected is not None]
    projected = _group(root, "gantt-milestones-projected")
    assert projected is not None and len(projected.findall(f".//{SVG}use")) == len(placed)
    for row in data.rows:
        if row.planned is not None:
            assert _group(root, f"gantt-{row.id}-planned") is not None, row.id
    assert _group(root, "gantt-absence-0") is not None
    assert _group(root, "gantt-today") is not None
    if chosen is PHONE:
        # Text stays text, sized for a phone; the chart has a viewBox and no fixed size.
        text = "".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))
        assert TITLES[lang] in text
        other = TITLES["en" if lang == "zh" else "zh"]
        assert other not in text
        sizes = [float(x) for x in re.findall(r"font-size: ([\d.]+)px", svg.read_text())]
        assert sizes and min(sizes) >= 9
        assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
    else:
        assert not list(root.iter(f"{SVG}text"))  # glyphs as outlines, the same everywhere
