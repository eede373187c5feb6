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
    # -- pacer roster ------------------------------------------------------------------------------
    "help.roster": (
        "a shift roster from a calendar file: the days it gives a day template",
        "来自日历文件的排班：它为哪些日子指定日模板",
    ),
    "help.roster.import": (
        "set each day a shift event covers to a day template; again changes nothing",
        "把每个班次日程覆盖的日子设为某个日模板；重复导入不会改动任何内容",
    ),
    "help.roster.import.file": ("an iCalendar file (.ics)", "iCalendar 文件（.ics）"),
    "help.roster.import.map": (
        "an event whose summary has SUMMARY (ignoring case; a Latin word begins a word) gets"
        " day template TEMPLATE; repeat for more; the longest that matches wins",
        "摘要含 SUMMARY（不分大小写；拉丁字母开头的词须在词首）的日程使用日模板 TEMPLATE；"
        "可重复；多个匹配时取最长的",
    ),
    "help.roster.list": ("list the roster's entries", "列出排班条目"),
    "help.roster.rm": ("remove a roster entry", "删除一条排班"),
    "help.roster.rm.id": ("entry id (see roster list)", "条目 id（见 roster list）"),
    "rota.roster.no_map": (
        'roster import needs at least one --map SUMMARY=TEMPLATE, e.g. --map "Nacht=night"',
        'roster import 至少需要一个 --map SUMMARY=TEMPLATE，例如 --map "Nacht=night"',
    ),
    "rota.roster.bad_map": (
        "--map '{raw}': write SUMMARY=TEMPLATE, e.g. --map \"Nacht=night\"",
        "--map '{raw}'：请写成 SUMMARY=TEMPLATE，例如 --map \"Nacht=night\"",
    ),
    "rota.roster.unknown_template": (
        "--map '{raw}': the plan has no day template '{id}'; its templates: {known}",
        "--map '{raw}'：计划中没有日模板 '{id}'；已有的日模板：{known}",
    ),
    "rota.roster.unknown_template_hint": (
        "--map '{raw}': the plan has no day template '{id}'; did you mean '{hint}'?",
        "--map '{raw}'：计划中没有日模板 '{id}'；是不是 '{hint}'？",
    ),
    "rota.roster.duplicate_map": (
        "--map '{raw}': '{key}' is mapped twice; give each summary one template",
        "--map '{raw}'：'{key}' 被映射了两次；每个摘要只能对应一个日模板",
    ),
    "rota.roster.not_calendar": (
        "{path} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR);"
        " nothing imported",
        "{path} 不是 iCalendar 文件（开头不是 BEGIN:VCALENDAR）；未导入任何排班",
    ),
    "rota.roster.summary": (
        "roster: {added} added, {updated} updated, {same} unchanged, {skipped} skipped"
        " ({events:plural(event|events)} in the file)",
        "排班：新增 {added}，更新 {updated}，未变 {same}，跳过 {skipped}（文件中共 {events} 个日程）",
    ),
    "rota.roster.line": (
        "{id:>3}  {start} → {end}  ({days:plural(day|days)})  {template}  {summary}",
        "{id:>3}  {start} → {end}（{days} 天）  {template}  {summary}",
    ),
    "rota.roster.none": (
        "No roster entries; add them with 'pacer roster import FILE.ics --map SUMMARY=TEMPLATE'.",
        "没有排班；用 'pacer roster import FILE.ics --map SUMMARY=TEMPLATE' 导入。",
    ),
    "rota.roster.removed": ("removed roster entry {entry}", "已删除排班条目 {entry}"),
    "rota.roster.no_such": (
        "no roster entry {id}; see 'pacer roster list'",
        "没有排班条目 {id}；见 'pacer roster list'",
    ),
    "rota.roster.bad_id": (
        "'{raw}' is not a roster entry id; see 'pacer roster list'",
        "'{raw}' 不是排班条目 id；见 'pacer roster list'",
    ),
    "table.roster": ("roster", "排班"),
    "rota.warn.unused_shape": (
        "warning: week shape '{id}' is never used: no rotation, period, override or kind of"
        " absence names it",
        "警告：周模板 '{id}' 从未被使用：没有轮班、时段、指定日或缺勤类型引用它",
    ),
    "rota.warn.unused_template": (
        "warning: day template '{id}' is never used: no week shape in use, override, rotation,"
        " kind of absence, holiday or makeup day names it (a template only a roster import sets: list it in"
        " calendar.roster_templates)",
        "警告：日模板 '{id}' 从未被使用：没有在用的周模板、指定日、轮班、缺勤类型、节假日或调休日引用它"
        "（只由排班导入设置的日模板：请列入 calendar.roster_templates）",
    ),
    "rota.show.rotation": (
        "Rotation from {start}: {cycle}, then again",
        "轮班（自 {start} 起）：{cycle}，循环往复",
    ),
    "rota.show.periods": ("Periods", "时段"),
}
