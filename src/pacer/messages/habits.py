"""Messages for blocks on given weekdays and flexible habits: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- plan: a block's days and a habit's per_week ------------------------------------------
    "habits.bad_weekday": (
        "'{raw}' is not a weekday; write one of {choices}",
        "'{raw}' 不是星期几；请写 {choices} 之一",
    ),
    "habits.bad_weekday_hint": (
        "'{raw}' is not a weekday; did you mean '{hint}'? (write mon, tue, wed, thu, fri, sat, sun)",
        "'{raw}' 不是星期几；是不是 '{hint}'？（请写 mon、tue、wed、thu、fri、sat、sun）",
    ),
    "habits.days_empty": (
        "{where}: list at least one weekday, e.g. [mon, wed, fri], or leave 'days' out for every day",
        "{where}：至少列出一个星期几，例如 [mon, wed, fri]；每天都有则不写 'days'",
    ),
    # -- today, status, the web: a flexible habit's week -------------------------------------
    "habits.week_count": ("{n} of {of} this week", "本周 {n}/{of} 天"),
    "habits.streak_weeks": (
        "{n:plural(week|weeks)} in a row met",
        "连续 {n} 周达成",
    ),
    # -- plan show and the Plan page: what a block says about its days --------------------------
    "habits.filter_days": ("only on {days}", "仅限 {days}"),
    "habits.filter_per_week": ("{n:plural(day|days)} a week", "每周 {n} 天"),
    "habits.per_week_disagree": (
        "per_week: the habit blocks of track '{track}' must agree; line {line} says {n}",
        "per_week：方向 '{track}' 的习惯块必须一致；第 {line} 行写的是 {n}",
    ),
    "habits.per_week_over_days": (
        "per_week: {n} is more than the {days:plural(day|days)} this block can occur in a week"
        " ({names}); lower per_week or add days",
        "per_week: {n} 超过了此块每周可出现的 {days} 天（{names}）；请调低 per_week 或增加 days",
    ),
}
