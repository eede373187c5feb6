"""Messages for bounded inputs (dates, numbers, environment, files): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "input.date_outside": (
        "{day} is outside the dates this plan covers: {first} to {last} (the plan's {start} to "
        "{end}, widened by {years} years); give a date in that range",
        "{day} 超出此计划涵盖的日期：{first} 至 {last}（计划的 {start} 至 {end}，前后各放宽 "
        "{years} 年）；请给出此范围内的日期",
    ),
    "input.week_outside": (
        "week {week} is outside the dates this plan covers: {first} to {last} (the plan's "
        "{start} to {end}, widened by {years} years); give a week in that range",
        "第 {week} 周超出此计划涵盖的日期：{first} 至 {last}（计划的 {start} 至 {end}，前后各"
        "放宽 {years} 年）；请给出此范围内的一周",
    ),
    "input.bad_number": (
        "{option} takes a whole number from {low} to {high}, not '{raw}'",
        "{option} 应为 {low} 到 {high} 之间的整数，而不是 '{raw}'",
    ),
    "input.json_too_deep": (
        "{path}: the JSON nests deeper than {limit} levels; pacer does not read it",
        "{path}：JSON 嵌套超过 {limit} 层；pacer 不读取它",
    ),
    "input.what.note": ("note", "备注"),
    "input.what.reason": ("reason", "原因"),
    "input.what.answer": ("answer", "回答"),
    "input.text_too_long": (
        "the {what} is {n} characters long; keep it to {limit}",
        "{what}有 {n} 个字符；请控制在 {limit} 个以内",
    ),
    "input.live_database": (
        "{option} {path} is pacer's own database; give the file to read (pacer export json makes one)",
        "{option} {path} 是 pacer 自己的数据库；请给出要读取的文件（pacer export json 可以生成一个）",
    ),
    # A file a command reads (workspace.read_input_file: `import json`, `plan import`).
    "file.not_found": ("no file at {path}", "{path} 不存在"),
    "file.unreadable": ("cannot read {path}: {detail}", "无法读取 {path}：{detail}"),
    "input.not_a_file": (
        "{option} {path} is {kind}, not a regular file; give the path of a file",
        "{option} {path} 是{kind}，不是普通文件；请给出一个文件的路径",
    ),
    "input.kind.directory": ("a folder", "文件夹"),
    "input.kind.fifo": ("a named pipe (FIFO)", "命名管道（FIFO）"),
    "input.kind.device": ("a device", "设备"),
    "input.kind.special": ("a special file", "特殊文件"),
    "clock.bad_now": (
        "PACER_NOW='{raw}' is not a moment; write ISO 8601 like 2026-03-10T08:00:00+08:00, "
        "or unset it",
        "PACER_NOW='{raw}' 不是时间；请写成 ISO 8601 格式，如 2026-03-10T08:00:00+08:00，"
        "或删除该变量",
    ),
    "clock.now_outside": (
        "PACER_NOW='{raw}' is outside {first} to {last}; set a moment in that range, or unset it",
        "PACER_NOW='{raw}' 超出 {first} 至 {last}；请设为此范围内的时间，或删除该变量",
    ),
    "clock.bad_zone": (
        "unknown time zone '{raw}' in PACER_TZ; write a name like Asia/Shanghai, or unset it",
        "PACER_TZ 中的时区 '{raw}' 未知；请写成 Asia/Shanghai 这样的名称，或删除该变量",
    ),
    "clock.bad_zone_hint": (
        "unknown time zone '{raw}' in PACER_TZ; did you mean '{hint}'?",
        "PACER_TZ 中的时区 '{raw}' 未知；你是不是想写 '{hint}'？",
    ),
    "yaml.too_deep": (
        "lists and mappings nest deeper than {limit} levels; pacer does not read further",
        "列表与映射嵌套超过 {limit} 层；pacer 不再读取",
    ),
    "plan.date_outside": (
        "{where}: {raw} is outside the years pacer plans in ({first} to {last})",
        "{where}：{raw} 超出 pacer 支持的年份（{first} 至 {last}）",
    ),
    "plan.span_too_long": (
        "the plan runs from {start} to {end}, longer than {years} years; split it into plans "
        "of at most {years} years",
        "计划从 {start} 到 {end}，超过 {years} 年；请拆分为每份不超过 {years} 年的计划",
    ),
}
