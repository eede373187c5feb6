"""The forecast's fan chart, as PNG and SVG: per milestone the P10–P90 band of its finish,
its P50 and its due date, coloured by its chance of meeting that date.

Like the report's charts (charts.py), every series carries a gid — `forecast-<milestone
id>-band`, `-p50` and `-due`, and `forecast-today` — that the SVG keeps as the id of its group.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacer.i18n import t
from pacer.report.charts import DONE_COLOR, LATE_COLOR, PLAN_COLOR, _figure, _save, _x
from pacer.report.fonts import configure
from pacer.service.forecast import ForecastView, chance

LIKELY = 0.8  # a band in green from this chance on
EVEN = 0.5  # amber from this one, red below it
AMBER = "#f9a825"
DUE_COLOR = "#424242"
TODAY_COLOR = "#ff8f00"


def _color(probability: float) -> str:
    if probability >= LIKELY:
        return DONE_COLOR
    return AMBER if probability >= EVEN else LATE_COLOR


def fan_chart(view: ForecastView, stem: Path) -> list[Path]:
    """Draw the chart to `stem`.png and `stem`.svg (the folder is made when missing)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from pacer.workspace import make_folder

    configure()
    make_folder(stem.parent)
    rows = list(view.milestones)
    known: list[date] = [view.day]
    for m in rows:
        known += [m.due] + [d for d in (m.p10, m.p50, m.p90) if d is not None]
    edge = max(known) + timedelta(days=14)  # where "later than the horizon" is drawn
    fig = _figure(9.0, 1.2 + 0.34 * max(1, len(rows)))
    ax = fig.add_subplot()
    ax.xaxis_date()
    for y, m in enumerate(reversed(rows)):
        low, high = m.p10 or edge, m.p90 or edge
        left, right = _x([low, high])
        bars = ax.barh(
            y, max(right - left, 0.8), left=left, height=0.55, color=_color(m.probability)
        )
        bars.patches[0].set_alpha(0.45)
        bars.patches[0].set_gid(f"forecast-{m.id}-band")
        if m.p50 is not None:
            (middle,) = ax.plot(_x([m.p50]), [y], "|", color="#212121", ms=13, mew=2)
            middle.set_gid(f"forecast-{m.id}-p50")
        (due,) = ax.plot(_x([m.due]), [y], "D", color=DUE_COLOR, ms=5)
        due.set_gid(f"forecast-{m.id}-due")
    labels = [f"{m.title} · {chance(m.probability)}" for m in reversed(rows)]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_ylim(-0.7, max(1, len(rows)) - 0.3)
    today = ax.axvline(_x([view.day])[0], color=TODAY_COLOR, lw=1)
    today.set_gid("forecast-today")
    ax.tick_params(axis="x", labelsize=8)
    ax.set_title(t("forecast.chart_title", day=view.day, runs=view.runs))
    handles = [
        Patch(facecolor=PLAN_COLOR, alpha=0.45),
        Line2D([], [], ls="", marker="|", color="#212121", ms=13, mew=2),
        Line2D([], [], ls="", marker="D", color=DUE_COLOR, ms=5),
    ]
    names = [t("forecast.band"), t("forecast.p50"), t("forecast.due")]
    fig.legend(handles, names, loc="outside lower center", ncols=3, frameon=False)
    return _save(fig, stem)
