"""Messages of the Gantt chart and of charts on the web: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The Gantt chart: where the plan as written puts each curriculum against the re-flow.
    "chart.gantt": ("The plan: planned and projected spans", "计划：计划跨度与预计跨度"),
    "chart.gantt_in_time": ("projected, by the plan", "预计（按计划）"),
    "chart.gantt_late": ("projected, later than planned", "预计（晚于计划）"),
    "chart.gantt_name": ("Gantt chart", "甘特图"),
    "web.plan.gantt": ("Gantt chart", "甘特图"),
    "web.chart.full_size": ("tap to open full size", "点按查看大图"),
}
