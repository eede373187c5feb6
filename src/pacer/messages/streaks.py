"""Messages for habit streaks and `pacer habit list`: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- today, the web, habit list: one habit's streak ----------------------------------------
    "streaks.days": (
        "streak {n:plural(day|days)}, best {best}",
        "连续 {n} 天，最长 {best} 天",
    ),
    "streaks.weeks": (
        "streak {n:plural(week|weeks)} met, best {best}",
        "连续 {n} 周达成，最长 {best} 周",
    ),
    # -- habit list ---------------------------------------------------------------------------
    "streaks.legend": (
        "last {n:plural(day|days)}, oldest first: ● kept  × missed  · not asked  ○ open",
        "最近 {n} 天，自左向右由旧到新：● 完成  × 未完成  · 当天无此习惯  ○ 进行中",
    ),
    "streaks.no_habits": ("The plan has no habits.", "计划中没有习惯。"),
    "help.habit": ("habits: streaks and the last 30 days", "习惯：连续天数与最近 30 天"),
    "help.habit.list": (
        "each habit with its current and best streak and the last 30 days",
        "每个习惯的当前与最长连续记录，以及最近 30 天",
    ),
}
