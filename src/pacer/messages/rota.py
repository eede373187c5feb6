"""Messages for week patterns (rotation, periods, roster): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the plan file --------------------------------------------------------------------------
    "rota.plan.rotation_one_of": (
        "calendar.rotation: give either 'weeks' (a cycle of week shapes) or 'days' (a cycle of"
        " day templates), exactly one of them",
        "calendar.rotation：请给出 'weeks'（周模板的循环）或 'days'（日模板的循环），二者只能选一",
    ),
    "rota.plan.rotation_empty": (
        "{where}: the cycle is empty; list at least one id",
        "{where}：循环为空；请至少列出一个 id",
    ),
    "rota.plan.rotation_not_monday": (
        "calendar.rotation.start: {day} is a {weekday}; a cycle of weeks starts on a Monday"
        " (e.g. {monday})",
        "calendar.rotation.start：{day} 是{weekday}；按周循环须从周一开始（例如 {monday}）",
    ),
    "rota.plan.period_order": (
        "calendar.periods[]: 'to' ({end}) is before 'from' ({start})",
        "calendar.periods[]：'to'（{end}）早于 'from'（{start}）",
    ),
    "rota.plan.period_overlap": (
        "calendar.periods[]: {start} → {end} overlaps the period on line {line}; periods may"
        " not overlap",
        "calendar.periods[]：{start} → {end} 与第 {line} 行的时段重叠；时段不能重叠",
    ),
    "rota.plan.override_one_of": (
        "calendar.overrides[]: name a 'shape' (a week shape) or a 'template' (a day template),"
        " exactly one of them",
        "calendar.overrides[]：请指定 'shape'（周模板）或 'template'（日模板），二者只能选一",
    ),
    # -- why a day is what it is ------------------------------------------------------------------
    "reason.roster": ("roster", "排班"),
    "rota.why.rotation_week": ("rotation: {shape} week", "轮班：{shape} 周"),
    "rota.why.rotation_day": ("rotation: {template}", "轮班：{template}"),
    "rota.why.period": ("period: {reason}", "时段：{reason}"),
    "rota.why.shape": ("week shape {shape}", "周模板 {shape}"),
    "rota.why.roster": ("roster: {summary}", "排班：{summary}"),
}
