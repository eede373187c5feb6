"""The forecast's fan chart, as PNG and SVG: per milestone the P10–P90 band of its finish,
its P50 and its due date, coloured by its chance of meeting that date, and the forecast's
day; a legend entry for each.

Like the report's charts (charts.py), every series carries a gid — `forecast-<milestone
id>-band`, `-p50` and `-due`, and `forecast-today` — that the SVG keeps as the id of its group.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacer.i18n import t
from pacer.report import charts
from pacer.report.charts import (
    DONE_COLOR,
    DUE_COLOR,
    LATE_COLOR,
    _figure,
    _x,
    date_axis,
    legend_below,
    today_line,
)
from pacer.report.fonts import configure
from pacer.service.forecast import ForecastView, chance

LIKELY = 0.8  # a band in green from this chance on
EVEN = 0.5  # amber from this one, red below it
AMBER = "#f9a825"
BAND_ALPHA = 0.45


def _color(probability: float) -> str:
    if probability >= LIKELY:
        return DONE_COLOR
    return AMBER if probability >= EVEN else LATE_COLOR


def fan_chart(view: ForecastView, stem: Path) -> list[Path]:
    """Draw the chart to `stem`.png and `stem`.svg (the folder is made when missing)."""
    from matplotlib.patches import Patch

    from pacer.workspace import make_folder

    configure()
    make_folder(stem.parent)
    rows = list(view.milestones)
    known: list[date] = [view.day]
    for m in rows:
        known += [m.due] + [d for d in (m.p10, m.p50, m.p90) if d is not None]
    edge = max(known) + timedelta(days=14)  # where "later than the horizon" is drawn
    fig = _figure(9.0, 1.5 + 0.34 * max(1, len(rows)))
    ax = fig.add_subplot()
    colours = set()
    for y, m in enumerate(reversed(rows)):
        low, high = m.p10 or edge, m.p90 or edge
        left, right = _x([low, high])
        colour = _color(m.probability)
        colours.add(colour)
        bars = ax.barh(y, max(right - left, 0.8), left=left, height=0.55, color=colour)
        bars.patches[0].set_alpha(BAND_ALPHA)
        bars.patches[0].set_gid(f"forecast-{m.id}-band")
        if m.p50 is not None:
            (middle,) = ax.plot(
                _x([m.p50]), [y], "|", color="#212121", ms=13, mew=2, label=t("forecast.p50")
            )
            middle.set_gid(f"forecast-{m.id}-p50")
        (due,) = ax.plot(_x([m.due]), [y], "D", color=DUE_COLOR, ms=5, label=t("forecast.due"))
        due.set_gid(f"forecast-{m.id}-due")
    labels = [f"{m.title} · {chance(m.probability)}" for m in reversed(rows)]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_ylim(-0.7, max(1, len(rows)) - 0.3)
    today_line(ax, view.day).set_gid("forecast-today")
    date_axis(ax, min(known), edge, pad=3)
    ax.set_title(t("forecast.chart_title", day=view.day, runs=view.runs))
    # The bands' colours first (what each means), then the lines.
    percent = (round(100 * EVEN), round(100 * LIKELY))
    bands = [
        Patch(facecolor=colour, alpha=BAND_ALPHA, label=name)
        for colour, name in (
            (DONE_COLOR, t("forecast.likely", percent=percent[1])),
            (AMBER, t("forecast.even", low=percent[0], high=percent[1])),
            (LATE_COLOR, t("forecast.unlikely", percent=percent[0])),
        )
        if colour in colours
    ]
    legend_below(fig, [ax], ncols=3, first=bands)
    return charts._save(fig, stem)
