"""Messages of the charts' axes, legends and colour scales: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Dates on the axes. Month names, space-separated, January first.
    "chart.month_names": (
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    ),
    "chart.tick.day": ("{name} {day}", "{name}{day}日"),
    "chart.tick.month_year": ("{name} {year}", "{year}年{name}"),
    "chart.today": ("today", "今天"),
    # The heatmap: its title counts the plan's days up to the report's day.
    "chart.heatmap_title": (
        "Minutes per day, {first} – {last}\n"
        "{logged} of {days:plural(day|days)} up to {today} with something logged",
        "每日分钟数 {first} – {last}\n截至 {today} 的 {days} 天中有 {logged} 天有记录",
    ),
    "chart.heatmap_ahead": (
        "Minutes per day, {first} – {last}\nnone of these days has come yet",
        "每日分钟数 {first} – {last}\n这些日子尚未到来",
    ),
    "chart.heatmap_outside": (
        "Minutes per day, {first} – {last}\nno day of the plan ({start} – {end}) falls here",
        "每日分钟数 {first} – {last}\n不在计划（{start} – {end}）之内",
    ),
    "chart.missed": ("nothing logged", "无记录"),
    "chart.future": ("still to come", "尚未到来"),
    "chart.trip": ("trip", "出差"),
    "chart.at_least": ("{minutes} or more", "{minutes}及以上"),
    # The milestones' due → projected connector, by which side of the due date it lands.
    "chart.late": ("projected after due", "预计晚于截止"),
    "chart.in_time": ("projected by due", "预计按时"),
    "chart.recorded": ("recorded", "记录值"),
    "chart.road": ("target road", "目标路线"),
    "chart.target": ("target", "目标点"),
    # The fan chart's band colours: the chance of meeting the due date.
    "forecast.likely": ("chance ≥ {percent} %", "把握 ≥ {percent}%"),
    "forecast.even": ("chance {low}–{high} %", "把握 {low}–{high}%"),
    "forecast.unlikely": ("chance < {percent} %", "把握 < {percent}%"),
}
