"""Messages for calendars in and out, backups and restores: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pacer export ics ----------------------------------------------------------------------
    "ics.export.written": (
        "wrote {path}: {events:plural(event|events)} over {days:plural(day|days)}",
        "已写入 {path}：{days} 天内共 {events} 个日程",
    ),
    "ics.export.json_needs_output": (
        "--json reports the file written: add -o FILE (without --json the calendar itself"
        " goes to standard output)",
        "--json 报告写入的文件：请加上 -o 文件路径（不加 --json 时日历本身输出到标准输出）",
    ),
    "ics.export.bad_days": (
        "--days takes a number of days from 1 to {limit}, not '{raw}'",
        "--days 应为 1 到 {limit} 之间的天数，而不是 '{raw}'",
    ),
    # inside the events, in the plan's language
    "ics.minutes": ("{n} min", "{n} 分钟"),
    "ics.trip": ("Trip", "出差"),
    # -- pacer trip import ---------------------------------------------------------------------
    "ics.import.cannot_read": ("cannot read {path}: {detail}", "无法读取 {path}：{detail}"),
    "ics.import.not_calendar": (
        "{path} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR); nothing imported",
        "{path} 不是 iCalendar 文件（开头不是 BEGIN:VCALENDAR）；未导入任何出差",
    ),
    "ics.import.too_big": (
        "{path} is {size} MB; pacer reads calendars up to {limit} MB (export fewer months)",
        "{path} 有 {size} MB；pacer 最多读取 {limit} MB 的日历（请导出更少的月份）",
    ),
    "ics.import.empty_word": (
        "--match needs a word; an empty one would match every event",
        "--match 需要一个词；空词会匹配所有日程",
    ),
    "ics.import.summary": (
        "{imported} imported, {skipped} skipped{why}",
        "导入 {imported} 个，跳过 {skipped} 个{why}",
    ),
    "ics.import.why": (" ({reasons})", "（{reasons}）"),
    "ics.import.sep": (", ", "，"),
    "ics.import.already": (
        "; {n} already imported",
        "；{n} 个此前已导入",
    ),
    "ics.import.events": ("; {events:plural(event|events)} read", "；共读取 {events} 个日程"),
    "ics.import.added": (
        "  + trip {id}: {start} → {end} ({days:plural(day|days)})  {note}",
        "  + 出差 {id}：{start} → {end}（{days} 天）  {note}",
    ),
    "ics.import.known": (
        "  = trip {id}: {start} → {end}  {note} — already imported",
        "  = 出差 {id}：{start} → {end}  {note} — 此前已导入",
    ),
    "ics.import.known_moved": (
        "  = trip {id}: {start} → {end}  {note} — already imported; the calendar now says"
        " {new_start} → {new_end} (to take that: pacer trip rm {id}, then import again)",
        "  = 出差 {id}：{start} → {end}  {note} — 此前已导入；日历现在是 {new_start} → {new_end}"
        "（要采用它：pacer trip rm {id}，再导入一次）",
    ),
    "ics.import.skipped": (
        '  - line {line} "{summary}": {reason}',
        "  - 第 {line} 行 “{summary}”：{reason}",
    ),
    "ics.import.more": ("  … and {n} more skipped", "  …… 另有 {n} 个被跳过"),
    # why an event that may have been a trip is not one: the reason, then the count in the summary
    "ics.skip.not_utf8": (
        "the summary is not UTF-8 text (save the calendar as UTF-8)",
        "标题不是 UTF-8 文本（请以 UTF-8 保存日历）",
    ),
    "ics.why.not_utf8": ("{n} not UTF-8", "{n} 个非 UTF-8"),
    "ics.skip.incomplete": (
        "the event is cut off (no END:VEVENT)",
        "日程不完整（缺少 END:VEVENT）",
    ),
    "ics.why.incomplete": ("{n} cut off", "{n} 个不完整"),
    "ics.skip.bad_line": (
        "line {line} is not an iCalendar line (NAME:VALUE)",
        "第 {line} 行不是 iCalendar 行（名称:值）",
    ),
    "ics.why.bad_line": ("{n} malformed", "{n} 个格式错误"),
    "ics.skip.no_start": ("no start date (DTSTART)", "没有开始日期（DTSTART）"),
    "ics.why.no_start": ("{n} without a start", "{n} 个没有开始日期"),
    "ics.skip.bad_value": ("cannot read {prop} '{raw}'", "无法读取 {prop} '{raw}'"),
    "ics.why.bad_value": ("{n} with an unreadable date", "{n} 个日期无法读取"),
    "ics.skip.out_of_range": (
        "a date outside the years 1 to 9999",
        "日期超出公元 1 到 9999 年",
    ),
    "ics.why.out_of_range": ("{n} out of range", "{n} 个日期超出范围"),
    "ics.skip.unknown_zone": (
        "unknown time zone '{tzid}' (and no VTIMEZONE for it in the file)",
        "未知时区 '{tzid}'（文件里也没有它的 VTIMEZONE）",
    ),
    "ics.why.unknown_zone": ("{n} in an unknown time zone", "{n} 个时区未知"),
    "ics.skip.end_before_start": (
        "ends ({end}) before it starts ({start})",
        "结束（{end}）早于开始（{start}）",
    ),
    "ics.why.end_before_start": ("{n} ending before they start", "{n} 个结束早于开始"),
    "ics.skip.within_day": (
        "a timed event within one day ({day}), not a trip",
        "一天之内（{day}）的定时日程，不是出差",
    ),
    "ics.why.within_day": ("{n} within one day", "{n} 个在一天之内"),
    "ics.skip.too_long": (
        "{start} → {end} is longer than a year",
        "{start} → {end} 超过一年",
    ),
    "ics.why.too_long": ("{n} longer than a year", "{n} 个超过一年"),
    "ics.skip.too_often": (
        "repeats more often than daily (FREQ={freq}): no occurrence can be a trip",
        "重复频率高于每天（FREQ={freq}）：不会是出差",
    ),
    "ics.why.too_often": ("{n} repeating more often than daily", "{n} 个重复频率高于每天"),
    "ics.skip.cancelled": ("cancelled (STATUS:CANCELLED)", "已取消（STATUS:CANCELLED）"),
    "ics.why.cancelled": ("{n} cancelled", "{n} 个已取消"),
    "ics.skip.duplicate_uid": (
        "its UID {uid} was already used by the event at line {first}",
        "它的 UID {uid} 已被第 {first} 行的日程使用",
    ),
    "ics.why.duplicate_uid": ("{n} with a repeated UID", "{n} 个 UID 重复"),
    "ics.skip.overlaps": (
        "overlaps trip {id} ({start} → {end})",
        "与出差 {id}（{start} → {end}）重叠",
    ),
    "ics.why.overlaps": ("{n} overlapping a trip", "{n} 个与已有出差重叠"),
}
