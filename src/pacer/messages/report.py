"""Messages for reports and charts: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.bad_period": (
        "'{raw}' is not a period; use one of {choices}",
        "'{raw}' 不是时间段；请用 {choices} 之一",
    ),
    "report.period.week": ("Week", "周报"),
    "report.period.month": ("Month", "月报"),
    "report.period.year": ("Year", "年报"),
    "report.heading": ("{period} {first} – {last}", "{period}：{first} 至 {last}"),
    "report.totals": (
        "{hours} logged on {days} of {of:plural(day|days)}; longest run: {streak:plural(day|days)}",
        "共记录 {hours}，{of} 天中有 {days} 天有记录；最长连续记录 {streak} 天",
    ),
    # Why a report counts fewer days than its period has (code in `report --json`).
    "report.notice.before": (
        "the plan begins on {start}: the days before it are not counted",
        "计划从 {start} 开始：之前的日子不计入",
    ),
    "report.notice.after": (
        "the plan ended on {end}: the days after it are not counted",
        "计划已于 {end} 结束：之后的日子不计入",
    ),
    "report.notice.all_before": (
        "the plan begins on {start}: no day of this period is counted",
        "计划从 {start} 开始：本期没有计入的日子",
    ),
    "report.notice.all_after": (
        "the plan ended on {end}: no day of this period is counted",
        "计划已于 {end} 结束：本期没有计入的日子",
    ),
    "report.notice.ahead": (
        "this period begins on {first}: no day of it is counted yet",
        "本期从 {first} 开始：还没有计入的日子",
    ),
    "report.notice.outside_entries": (
        "not counted: {n:plural(entry|entries)} dated outside the plan ({start} – {end})",
        "不计入：计划（{start} 至 {end}）之外的 {n} 条记录",
    ),
    "report.notice.future_entries": (
        "not counted: {n:plural(entry|entries)} dated after {today}",
        "不计入：日期在 {today} 之后的 {n} 条记录",
    ),
    "report.trip_days": (
        "{days:plural(day|days)} travelling on {trips:plural(trip|trips)}",
        "出差 {trips} 次，共 {days} 天",
    ),
    "report.trip_cost": ("moved milestones by up to {days} d", "使里程碑最多推迟 {days} 天"),
    "report.section.tracks": ("Tracks: planned vs done", "各方向：计划与完成"),
    "report.section.milestones": ("Milestones", "里程碑"),
    "report.section.metrics": ("Metrics", "指标"),
    "report.section.trips": ("Trips and what they cost", "出差及其影响"),
    "report.section.streaks": ("Habit streaks (longest run of days)", "习惯连续天数（最长）"),
    "report.section.charts": ("Charts", "图表"),
    "report.section.outcome": ("Milestones met and missed", "达成与未达成的里程碑"),
    "report.section.blog": ("Blog posts", "博客"),
    "report.section.decisions": ("Decisions for next year, with the evidence", "明年的决策与依据"),
    "report.col.track": ("Track", "方向"),
    "report.col.planned_h": ("Planned h", "计划（小时）"),
    "report.col.done_h": ("Done h", "完成（小时）"),
    "report.col.share": ("Done %", "完成率"),
    "report.col.habit_h": ("Habit h", "习惯（小时）"),
    "report.col.milestone": ("Milestone", "里程碑"),
    "report.col.due": ("Due", "截止"),
    "report.col.projected": ("Projected", "预计"),
    "report.col.slip": ("Slip d", "偏差（天）"),
    "report.col.status": ("Status", "状态"),
    "report.col.dates": ("Dates", "日期"),
    "report.col.note": ("Note", "备注"),
    "report.col.cost": ("Cost", "影响"),
    "report.habit": ("habit", "习惯"),
    "report.track_line": (
        "{title}: planned {planned}, done {done} ({share}); habit {habit}",
        "{title}：计划 {planned}，完成 {done}（{share}）；习惯 {habit}",
    ),
    "report.milestone_line": (
        "{title}: {due} → {projected} ({moved}, {state})",
        "{title}：{due} → {projected}（{moved}，{state}）",
    ),
    "report.units_finished": (
        "{n:plural(unit|units)} finished in this period.",
        "本期完成 {n} 个单元。",
    ),
    "report.target": ("target", "目标"),
    "report.days": ("{n:plural(day|days)}", "{n} 天"),
    "report.met": ("Met", "已达成"),
    "report.missed": ("Missed or late", "未达成或延误"),
    "report.not_finished": ("not finished", "未完成"),
    "report.no_evidence": ("no evidence recorded", "尚无记录"),
    "report.year_title": ("{year} year-end technical summary", "{year} 年终技术总结"),
    "report.year_tag": ("year-end summary", "年终总结"),
    "report.drawing": ("drawing charts", "正在绘制图表"),
    "report.written_data": ("wrote {path}", "已写入 {path}"),
    "report.written": (
        "wrote {path} and {charts:plural(chart file|chart files)}",
        "已写入 {path} 及 {charts} 个图表文件",
    ),
    "chart.heatmap": (
        # Two lines: a month's grid is only four inches wide and one line would be clipped.
        "Minutes per day, {first} – {last}\n(darkest: {top} min; blue outline: trip)",
        "每日分钟数 {first} – {last}\n（最深：{top} 分钟；蓝框：出差）",
    ),
    "chart.hours": ("hours", "小时"),
    "chart.burnup": ("Planned vs done, cumulative", "累计：计划与完成"),
    "chart.planned": ("planned", "计划"),
    "chart.done": ("done", "完成"),
    "chart.milestones": (
        "Milestones: due, planned, projected, met",
        "里程碑：截止、计划、预计、达成",
    ),
    "chart.due": ("due", "截止"),
    "chart.projected": ("projected", "预计"),
    "chart.met": ("met", "达成"),
    "chart.metrics": ("Metrics against their target road", "指标与目标路线"),
    "chart.heatmap_name": ("heatmap", "热力图"),
    "chart.burnup_name": ("burn-up", "累计图"),
    "chart.milestones_name": ("milestone timeline", "里程碑时间线"),
    "chart.metrics_name": ("metrics", "指标图"),
    "report.awaiting": ("Work done, acceptance not yet checked", "工作已完成、待验收"),
}
