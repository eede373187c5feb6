"""Messages for the weekly review: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# -- errors ---------------------------------------------------------------------------------
MESSAGES["review.bad_week"] = (
    "'{raw}' is not an ISO week; write YYYY-Www (e.g. 2026-W10) or a date in the week",
    "'{raw}' 不是 ISO 周；请写成 YYYY-Www（如 2026-W10）或该周内的某个日期",
)
MESSAGES["review.before_plan"] = (
    "{week} is before the plan starts ({start}); there is nothing to review",
    "{week} 在计划开始（{start}）之前，没有可复盘的内容",
)
MESSAGES["review.not_due"] = (
    "the review for {week} is not due until {day}",
    "{week} 的周复盘要到 {day} 才开始",
)
MESSAGES["review.exists"] = (
    "the review for {week} already exists; add --edit to change it",
    "{week} 的周复盘已经存在；要修改请加 --edit",
)
MESSAGES["review.none"] = (
    "there is no review for {week}; write it with 'pacer review --week {week}'",
    "{week} 还没有周复盘；用 'pacer review --week {week}' 来写",
)
MESSAGES["review.no_terminal"] = (
    "no terminal to ask the prompts on: pass --answers FILE (YAML or JSON), or --answers - to read them from stdin",
    "没有终端可以逐条提问：请用 --answers FILE（YAML 或 JSON），或用 --answers - 从标准输入读取",
)
MESSAGES["review.cannot_read"] = ("cannot read {path}: {detail}", "无法读取 {path}：{detail}")
MESSAGES["review.answers_at"] = (
    "{source}:{line}:{col}: {problem}",
    "{source}:{line}:{col}：{problem}",
)
MESSAGES["review.answers_not_mapping"] = (
    "the answers must be a mapping of prompt id to text (e.g. {example}: ...)",
    "回答必须是“提问 id: 文字”的映射（如 {example}: ...）",
)
MESSAGES["review.answers_not_mapping_plain"] = (
    "the answers must be a mapping of prompt id to text",
    "回答必须是“提问 id: 文字”的映射",
)
MESSAGES["review.unknown_prompt_hint"] = (
    "unknown prompt id '{id}'; did you mean '{hint}'?",
    "未知的提问 id '{id}'；是不是 '{hint}'？",
)
MESSAGES["review.unknown_prompt"] = (
    "unknown prompt id '{id}'; the plan's prompts are: {known}",
    "未知的提问 id '{id}'；计划中的提问有：{known}",
)
MESSAGES["review.answer_not_text"] = (
    "the answer to '{id}' must be text, not a list or mapping",
    "'{id}' 的回答必须是文字，不能是列表或映射",
)
MESSAGES["review.bad_row"] = (
    "the stored review for {week} is damaged",
    "{week} 保存的周复盘已损坏",
)
MESSAGES["review.option_needs"] = (
    "{option} only goes with {other}",
    "{option} 只能和 {other} 一起用",
)
MESSAGES["review.option_conflict"] = (
    "{option} cannot go with {other}",
    "{option} 不能和 {other} 一起用",
)

# -- the notice in `pacer today` ------------------------------------------------------------
MESSAGES["notice.review_due"] = (
    "weekly review for {week} is due: run 'pacer review'",
    "{week} 的周复盘该做了：运行 'pacer review'",
)
MESSAGES["notice.review_due_week"] = (
    "weekly review for {week} is due: run 'pacer review --week {week}'",
    "{week} 的周复盘该做了：运行 'pacer review --week {week}'",
)

MESSAGES["notice.review_moved"] = (
    "the weekly review of {week} is on this day: {day}, its usual day, is a {why} this week",
    "{week} 的周复盘改在今天：平时复盘的 {day} 这周是{why}",
)

# -- the facts, the prompts, the list -------------------------------------------------------
MESSAGES["review.title"] = ("Weekly review {week}", "周复盘 {week}")
MESSAGES["review.span"] = ("{start} – {end}", "{start} – {end}（周一至周日）")
MESSAGES["review.tracks"] = ("Minutes per track", "各方向分钟数")
MESSAGES["review.habits"] = ("Habits kept", "习惯坚持")
MESSAGES["review.finished"] = ("Units finished", "完成的单元")
MESSAGES["review.milestones"] = ("Milestones that moved", "移动了的里程碑")
MESSAGES["review.plan_changes"] = ("Plan changes", "计划修改")
MESSAGES["review.trips"] = ("Trips", "出差")
MESSAGES["review.answers"] = ("Answers", "回答")
MESSAGES["review.nothing"] = ("none", "无")
MESSAGES["review.section"] = ("{title}:", "{title}：")
MESSAGES["review.section_none"] = ("{title}: none", "{title}：无")
MESSAGES["review.no_answer"] = ("no answer", "未作答")
MESSAGES["review.no_facts"] = ("no facts were stored with this review", "这次复盘没有保存数据快照")
MESSAGES["review.total"] = ("Total", "合计")
MESSAGES["review.col.track"] = ("Track", "方向")
MESSAGES["review.col.planned"] = ("Planned (min)", "计划（分钟）")
MESSAGES["review.col.done"] = ("Done (min)", "完成（分钟）")
MESSAGES["review.col.habit"] = ("Habit", "习惯")
MESSAGES["review.col.kept"] = ("Days kept", "坚持天数")
MESSAGES["review.col.date"] = ("Date", "日期")
MESSAGES["review.col.unit"] = ("Unit", "单元")
MESSAGES["review.col.milestone"] = ("Milestone", "里程碑")
MESSAGES["review.col.before"] = ("Before", "周初预计")
MESSAGES["review.col.after"] = ("After", "周末预计")
MESSAGES["review.col.moved"] = ("Moved", "变化")
MESSAGES["review.col.from"] = ("From", "开始")
MESSAGES["review.col.to"] = ("To", "结束")
MESSAGES["review.col.note"] = ("Note", "备注")
MESSAGES["review.kept"] = ("{kept} of {days:plural(day|days)}", "{days} 天中 {kept} 天")
MESSAGES["review.habit_kept"] = (
    "kept {kept} of {days:plural(day|days)}",
    "{days} 天中坚持 {kept} 天",
)
MESSAGES["review.habit_minutes"] = (
    "kept {kept} of {days:plural(day|days)} · {planned} min planned, {done} min done",
    "{days} 天中坚持 {kept} 天 · 计划 {planned} 分钟，完成 {done} 分钟",
)
MESSAGES["review.ask_intro"] = (
    "Answer each prompt; an empty line ends an answer.",
    "逐条回答；空行结束一条回答。",
)
MESSAGES["review.ask_edit"] = (
    "An empty reply keeps the previous answer.",
    "直接回车保留原来的回答。",
)
MESSAGES["review.previous"] = ("previous answer:", "原来的回答：")
MESSAGES["review.saved"] = ("saved the weekly review for {week}", "已保存 {week} 的周复盘")
MESSAGES["review.updated"] = ("updated the weekly review for {week}", "已更新 {week} 的周复盘")
MESSAGES["review.wrote"] = ("wrote {path}", "已写入 {path}")
MESSAGES["review.list_none"] = (
    "no weekly reviews yet; write one with 'pacer review'",
    "还没有周复盘；用 'pacer review' 写一篇",
)
MESSAGES["review.list_row"] = ("written {created}", "写于 {created}")
MESSAGES["review.list_edited"] = ("edited {updated}", "修改于 {updated}")
MESSAGES["review.streak"] = (
    "streak: {n:plural(week|weeks)} in a row, up to {week}",
    "连续复盘：截至 {week} 连续 {n} 周",
)
