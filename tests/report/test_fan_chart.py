"""The forecast's fan chart: both files, every milestone's series, Chinese glyphs present."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from PIL import Image

from pacer.i18n import set_lang
from pacer.report.fan import fan_chart
from pacer.schedule.forecast import MilestoneForecast
from pacer.service.forecast import ForecastView, HistoryFigure

DAY = date(2026, 5, 15)


def view() -> ForecastView:
    return ForecastView(
        DAY,
        2000,
        1,
        date(2026, 2, 9),
        95,
        (HistoryFigure("workday", "工作日", 0.7, 60),),
        (HistoryFigure("math", "数学", 0.9, 30),),
        (
            MilestoneForecast(
                "blog-1",
                "技术博客第 1 篇",
                date(2026, 3, 31),
                1.0,
                date(2026, 3, 22),
                date(2026, 3, 22),
                date(2026, 3, 22),
                True,
            ),
            MilestoneForecast(
                "june-acceptance",
                "阶段验收",
                date(2026, 6, 30),
                0.62,
                date(2026, 6, 18),
                date(2026, 6, 26),
                date(2026, 7, 9),
                False,
            ),
            MilestoneForecast(
                "year-end",
                "年度收官",
                date(2026, 12, 31),
                0.1,
                date(2026, 12, 20),
                None,
                None,
                False,
            ),
        ),
    )


def _ids(svg: Path) -> set[str]:
    return {el.get("id", "") for el in ET.parse(svg).iter() if el.get("id")}


def test_every_milestone_has_its_band_p50_and_due_in_chinese(tmp_path: Path) -> None:
    set_lang("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would raise here
        written = fan_chart(view(), tmp_path / "out" / "fan")
    assert sorted(p.name for p in written) == ["fan.png", "fan.svg"]
    with Image.open(tmp_path / "out" / "fan.png") as image:
        assert image.size[0] >= 600 and image.size[1] >= 200
    ids = _ids(tmp_path / "out" / "fan.svg")
    for mid in ("blog-1", "june-acceptance", "year-end"):
        assert {f"forecast-{mid}-band", f"forecast-{mid}-due"} <= ids, mid
    assert {"forecast-blog-1-p50", "forecast-june-acceptance-p50", "forecast-today"} <= ids
    # No P50 within the horizon: no P50 mark, the band runs to the chart's edge.
    assert "forecast-year-end-p50" not in ids


def test_the_same_forecast_draws_the_same_svg(tmp_path: Path) -> None:
    a = fan_chart(view(), tmp_path / "a")
    b = fan_chart(view(), tmp_path / "b")
    svg = [next(p for p in paths if p.suffix == ".svg").read_bytes() for paths in (a, b)]
    assert svg[0] == svg[1]
