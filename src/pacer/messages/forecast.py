"""Messages for forecasts: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "forecast.heading": (
        "Forecast on {day}: {runs:plural(run|runs)}, seed {seed}",
        "预测（{day}）：模拟 {runs} 次，随机种子 {seed}",
    ),
    "forecast.history": (
        "From your record: {days:plural(day|days)} of history since {first}",
        "依据你的记录：自 {first} 起共 {days} 天",
    ),
    "forecast.no_history": (
        "No history yet: the figures below are the priors",
        "还没有历史记录：以下数字均为先验",
    ),
    "forecast.thin_history": (
        "Little history yet: the figures lean on the priors (adherence {adherence}, velocity {velocity}) until three weeks of days and six finished units speak for themselves.",
        "历史记录还少：以下数字部分依据先验（执行率 {adherence}，速度 {velocity}），直到有三周的记录和六个已完成单元。",
    ),
    "forecast.adherence": (
        "Adherence (unit minutes done ÷ the minutes placed that day), by day template",
        "执行率（完成的单元分钟数 ÷ 当天安排的分钟数），按日模板",
    ),
    "forecast.velocity": (
        "Velocity (actual ÷ estimated minutes of finished units), by track",
        "速度（已完成单元的实际 ÷ 预估分钟数），按方向",
    ),
    "forecast.days": ("{n} d", "{n} 天"),
    "forecast.units": ("{n:plural(unit|units)}", "{n} 个单元"),
    "forecast.col.milestone": ("Milestone", "里程碑"),
    "forecast.col.due": ("Due", "截止"),
    "forecast.col.chance": ("Chance", "按期概率"),
    "forecast.col.p50": ("P50", "P50 日期"),
    "forecast.col.p90": ("P90", "P90 日期"),
    "forecast.explain": (
        "Chance: the share of runs that finish the milestone's units by its due date (a moved due date counts); P50 and P90: the days by which half and nine in ten of the runs have.",
        "按期概率：在截止日期（含已调整的截止日期）前完成该里程碑全部单元的模拟所占比例；P50、P90：一半、九成模拟完成的日期。",
    ),
    "forecast.beyond": (
        "—: not within a year after the plan's end",
        "—：计划结束后一年内仍未完成",
    ),
    "forecast.no_milestones": (
        "The plan has no milestones to forecast.",
        "计划中没有可预测的里程碑。",
    ),
    "forecast.bad_runs": (
        "--runs must be between 1 and {limit}, got {raw}",
        "--runs 须在 1 到 {limit} 之间，实际为 {raw}",
    ),
    "forecast.bad_seed": (
        "--seed must be 0 or more, got {raw}",
        "--seed 须为 0 或正整数，实际为 {raw}",
    ),
    "forecast.chart_written": ("wrote {png} and {svg}", "已写入 {png} 和 {svg}"),
    "forecast.chart_title": (
        "Forecast on {day}: when each milestone is done ({runs:plural(run|runs)})",
        "预测（{day}）：各里程碑的完成时间（模拟 {runs} 次）",
    ),
    "forecast.band": ("P10–P90 of the finish", "完成时间 P10–P90"),
    "forecast.p50": ("P50 of the finish", "完成时间 P50"),
    "forecast.due": ("due date", "截止日期"),
}
