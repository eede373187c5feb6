"""The plan as a Gantt chart: a row per curriculum (planned and projected span), a row per
milestone (◆ due, ◆ projected), absences shaded and today's line; drawn from GanttData.

Series carry gids, kept as ids in the SVG: gantt-ID-planned, gantt-ID-projected,
gantt-milestones-due, gantt-milestones-projected, gantt-absence-N, gantt-today."""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from pathlib import Path

from pacer.i18n import t
from pacer.report.charts import (
    DONE_COLOR,
    DUE_COLOR,
    LATE_COLOR,
    PLAN_COLOR,
    TRIP_COLOR,
    Look,
    _figure,
    _save,
    _x,
    date_axis,
    draw_set,
    legend_below,
    look,
    today_line,
)
from pacer.report.gantt import GanttData

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.artist import Artist

ABSENCE_COLORS = ("#90caf9", "#ffcc80", "#ce93d8", "#a5d6a7")  # one per kind, in order seen
SEPARATOR = "#bdbdbd"


def _cut(label: str, chosen: Look) -> str:
    """A row label no wider than `chosen.label_chars` Latin letters (a CJK one counts two)."""
    if not chosen.label_chars:
        return label
    out, used = "", 0
    for ch in label:
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > chosen.label_chars - 1:
            return out.rstrip() + "…"
        out += ch
    return label


def draw_gantt(data: GanttData, stem: Path) -> list[Path]:
    """The chart into `stem`.png/.svg (as the current look says)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    chosen = look()
    rows, stones = data.rows, data.milestones
    count = len(rows) + len(stones)
    per_row = 0.24 if chosen.fixed_width else 0.26
    fig = _figure(chosen.width, 1.3 + per_row * max(1, count))
    ax = fig.add_subplot()
    labels: list[str] = []
    y = count - 1  # the first curriculum on top
    late_drawn = in_time_drawn = False
    for r in rows:
        if r.planned is not None:
            left, right = _x([r.planned[0], r.planned[1] + timedelta(days=1)])
            bars = ax.barh(y, right - left, left=left, height=0.7, color=PLAN_COLOR, alpha=0.45)
            bars.patches[0].set_gid(f"gantt-{r.id}-planned")
        if r.projected is not None:
            late = r.open_end or (r.slip_days is not None and r.slip_days > 0)
            late_drawn |= late
            in_time_drawn |= not late
            left, right = _x([r.projected[0], r.projected[1] + timedelta(days=1)])
            bars = ax.barh(
                y, right - left, left=left, height=0.32, color=LATE_COLOR if late else DONE_COLOR
            )
            bars.patches[0].set_gid(f"gantt-{r.id}-projected")
        labels.append(_cut(r.title, chosen))
        y -= 1
    if rows and stones:
        ax.axhline(y + 0.5, color=SEPARATOR, lw=0.8)
    due: list[tuple[float, int]] = []
    projected: list[tuple[float, int]] = []
    for m in stones:
        due.append((_x([m.due])[0], y))
        if m.projected is not None:
            projected.append((_x([m.projected])[0], y))
            late = m.projected > m.due
            ax.plot(
                _x([m.due, m.projected]), [y, y], color=LATE_COLOR if late else DONE_COLOR, lw=1
            )
        labels.append(_cut(m.title, chosen))
        y -= 1
    size = 6 if chosen.fixed_width else 5
    for points, face, gid in (
        (due, DUE_COLOR, "gantt-milestones-due"),
        (projected, TRIP_COLOR, "gantt-milestones-projected"),
    ):
        if points:
            (line,) = ax.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                "D",
                color=face,
                ms=size,
                linestyle="none",
            )
            line.set_gid(gid)
    colors: dict[str, str] = {}
    for i, a in enumerate(data.absences):
        color = colors.setdefault(a.title, ABSENCE_COLORS[len(colors) % len(ABSENCE_COLORS)])
        left, right = _x([a.start, a.end + timedelta(days=1)])
        ax.axvspan(left, right, color=color, alpha=0.35, lw=0).set_gid(f"gantt-absence-{i}")
    today_line(ax, data.today).set_gid("gantt-today")
    ax.set_yticks(range(count - 1, -1, -1), labels, fontsize=chosen.small)
    ax.set_ylim(-0.7, count - 0.3)
    ax.tick_params(axis="y", length=0)
    date_axis(ax, data.first, data.last, pad=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(t("chart.gantt"), fontsize=chosen.title)
    handles: list[Artist] = [Patch(facecolor=PLAN_COLOR, alpha=0.45, label=t("chart.planned"))]
    if in_time_drawn:
        handles.append(Patch(facecolor=DONE_COLOR, label=t("chart.gantt_in_time")))
    if late_drawn:
        handles.append(Patch(facecolor=LATE_COLOR, label=t("chart.gantt_late")))
    if stones:
        handles.append(
            Line2D([], [], marker="D", color=DUE_COLOR, ls="none", ms=size, label=t("chart.due"))
        )
    if projected:
        handles.append(
            Line2D(
                [], [], marker="D", color=TRIP_COLOR, ls="none", ms=size, label=t("chart.projected")
            )
        )
    handles += [Patch(facecolor=c, alpha=0.35, label=title) for title, c in colors.items()]
    legend_below(fig, [ax], ncols=2 if chosen.fixed_width else 4, first=handles)
    return _save(fig, stem)


def gantt_files(data: GanttData, folder: Path, stem: str, chosen: Look) -> list[Path]:
    """The Gantt chart alone, into `folder` (the web's Plan page draws it so)."""
    return draw_set(folder, {"gantt": (folder / stem, lambda at: draw_gantt(data, at))}, chosen)[
        "gantt"
    ]
