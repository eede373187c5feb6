"""Messages of the guards on entries (log, done, metric values) and of the day's cards:
key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- a day that takes no entry --------------------------------------------------------------
    "entry.future": (
        "{day} is after today ({today}): nothing can be recorded for a day that has not come;"
        " {hint}",
        "{day} 在今天（{today}）之后，还不能记录；{hint}",
    ),
    "entry.hint.yesterday": (
        "for yesterday type --date yesterday",
        "要记昨天请用 --date 昨天",
    ),
    "entry.hint.meant": ("did you mean --date {day}?", "是不是 --date {day}？"),
    "entry.hint.up_to": ("give a date up to {today}", "请给出 {today} 及以前的日期"),
    "entry.outside_plan": (
        "{day} is outside the plan ({start} to {end}); log only days of the plan",
        "{day} 不在计划范围（{start} 至 {end}）内；只能记录计划内的日期",
    ),
    # -- a unit already done --------------------------------------------------------------------
    "log.already_finished": (
        "{target} is already finished: its logged minutes reached its estimate on {day};"
        " nothing written",
        "{target} 已完成：记录的分钟数在 {day} 达到预估；没有写入",
    ),
    "log.already_done": (
        "{target} is already done (marked on {day}); nothing written",
        "{target} 已在 {day} 标记完成；没有写入",
    ),
    # -- metric values and ranges ---------------------------------------------------------------
    "metric.out_of_range": (
        "{value} is outside the range of {id}: {range}",
        "{value} 超出 {id} 的范围：{range}",
    ),
    "range.between": ("{low} to {high}", "{low} 到 {high}"),
    "range.at_least": ("at least {low}", "不小于 {low}"),
    "range.at_most": ("at most {high}", "不大于 {high}"),
    "plan.target_outside_range": (
        "target {value} is outside the metric's range: {range}",
        "目标值 {value} 超出该指标的范围：{range}",
    ),
    "plan.metric_range": (
        "min ({low}) must be below max ({high})",
        "min（{low}）必须小于 max（{high}）",
    ),
    # -- the day's cards ------------------------------------------------------------------------
    "today.nothing_eligible_started": (
        "nothing eligible for this block: it only continues units already started",
        "此时段没有可安排的内容：它只继续已开始的单元",
    ),
    "web.today.not_yet": (
        "This day has not come yet: log it on the day.",
        "这一天还没到：到那天再记录。",
    ),
    "web.today.pick": ("— choose —", "— 请选择 —"),
    "web.today.habits": ("Habits", "习惯"),
    "web.today.units": ("Units of the day", "当天的单元"),
    "web.today.rituals": ("Review", "复盘"),
    "web.today.other_target": ("or type another id", "或输入其他 id"),
    "web.log.no_target": (
        "choose what you did from the list, or type its id",
        "请从列表中选择做了什么，或输入它的 id",
    ),
}
