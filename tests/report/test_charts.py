"""The report's charts: real files, every series drawn, Chinese glyphs present."""

from __future__ import annotations

import io
import warnings
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from pacer.i18n import set_lang
from pacer.report.charts import draw_all
from pacer.report.fonts import CJK_FAMILIES, configure
from pacer.report.progress import Progress
from pacer.service import Session
from pacer.service.report import report_data

SVG = "{http://www.w3.org/2000/svg}"


def _ids(svg: Path) -> set[str]:
    return {el.get("id", "") for el in ET.parse(svg).iter() if el.get("id")}


def test_a_cjk_font_is_found_through_the_package_index() -> None:
    assert configure() in CJK_FAMILIES


def test_missing_glyphs_would_be_caught() -> None:
    """The check below is real: without a CJK font, matplotlib warns about every glyph."""
    from matplotlib.figure import Figure

    fig = Figure()
    fig.suptitle("累计：计划与完成", family="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_year_charts_draw_every_series_in_chinese(year_home: Path, tmp_path: Path) -> None:
    set_lang("zh")
    out = tmp_path / "charts"
    with Session() as session, warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would raise here
        data = report_data(session, "year", date(2026, 12, 20))
        charts = draw_all(data, out, "pacer-year-2026")
    assert set(charts) == {"heatmap", "burnup", "milestones", "metrics"}
    for name, paths in charts.items():
        png = next(p for p in paths if p.suffix == ".png")
        with Image.open(png) as image:
            width, height = image.size
        assert width >= 400 and height >= 200, (name, image.size)
    heat = _ids(out / "pacer-year-2026-heatmap.svg")
    assert {"heatmap-logged", "heatmap-missed", "heatmap-future", "heatmap-trips"} <= heat
    burn = _ids(out / "pacer-year-2026-burnup.svg")
    for track in ("math", "eng", "english", "japanese", "output", "life"):
        assert {f"burnup-{track}-planned", f"burnup-{track}-done"} <= burn, track
    assert {"metric-listening-values", "metric-listening-road", "metric-listening-targets"} <= _ids(
        out / "pacer-year-2026-metrics.svg"
    )
    stones = _ids(out / "pacer-year-2026-milestones.svg")
    assert {"milestones-due", "milestones-planned", "milestones-projected"} <= stones
    # The plan's 326 days (2026-02-09 – 12-31) have a cell, the year's 39 before it none:
    # 11 still to come after 12-20; 23 of them trip days, framed.
    tree = ET.parse(out / "pacer-year-2026-heatmap.svg")

    def cells(gid: str) -> int:
        group = next(el for el in tree.iter() if el.get("id") == gid)
        return len(list(group.iter(f"{SVG}path")))

    assert cells("heatmap-logged") + cells("heatmap-missed") == 326 - 11
    assert cells("heatmap-future") == 11
    assert cells("heatmap-trips") == 14 + 9


def test_the_same_data_draws_the_same_svg(year_home: Path, tmp_path: Path) -> None:
    with Session() as session:
        data = report_data(session, "month", date(2026, 4, 10))
        first = draw_all(data, tmp_path / "a", "m")
        second = draw_all(data, tmp_path / "b", "m")
    for name in first:
        a = next(p for p in first[name] if p.suffix == ".svg").read_bytes()
        b = next(p for p in second[name] if p.suffix == ".svg").read_bytes()
        assert a == b, name


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_stays_quiet_when_piped() -> None:
    tty, pipe = _Terminal(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(2, "drawing", stream)
        bar.step("heatmap")
        bar.step("burnup")
        bar.finish()
    assert "[############------------] 1/2 heatmap" in tty.getvalue()
    assert "2/2 burnup" in tty.getvalue()
    assert pipe.getvalue() == ""
