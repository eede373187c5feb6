"""Messages for kinds of absence (trips, vacations, sick days): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the plan's `absences:` -------------------------------------------------------------------
    "absence.shape_or_template": (
        "{where}: give a week shape (shape: SHAPE) or one day template (template: TEMPLATE),"
        " one of the two",
        "{where}：请给出周形态（shape: SHAPE）或一个日模板（template: TEMPLATE），二者选一",
    ),
    # The words for the kinds pacer knows when the plan gives them no title.
    "absence.title.travel": ("trip", "出差"),
    "absence.title.sick": ("sick", "病假"),
    # -- an absence that is not travel, where a trip says "trip" (issue 15) -------------------------
    # {title}: the kind's title (the plan's, or the catalog's word above).
    "logfix.absence": ("{title} {id} ({start} → {end})", "{title} {id}（{start} → {end}）"),
    "absence.removed": (
        "removed {title} {id}: {start} → {end}",
        "已删除{title} {id}：{start} → {end}",
    ),
    "today.absence_effect": (
        "this absence ({title}) moves: {effect}",
        "这次{title}的影响：{effect}",
    ),
    "status.absence_effect": (
        "{title} {start} → {end} moves: {effect}",
        "{title} {start} → {end} 的影响：{effect}",
    ),
    "web.trips.absences": ("Absences", "离开"),
    "web.trips.no_absences": ("No absences.", "没有离开记录。"),
    "web.trips.new_absence": ("New absence", "新的离开"),
    "web.today.absence_effect": ("this absence ({title}) moves:", "这次{title}推迟了："),
    # A report's period with an absence that is not travel: each kind counted on its own.
    "report.absence_days": ("Absences: {kinds}", "离开：{kinds}"),
    "report.absence_kind": (
        "{title} {n:plural(time|times)}, {days:plural(day|days)}",
        "{title} {n} 次，共 {days} 天",
    ),
    "report.absence_sep": ("; ", "；"),
    "report.section.absences": ("Absences and what they cost", "离开及其影响"),
    "chart.absence": ("absence", "离开"),
    # -- trip add / sick ----------------------------------------------------------------------------
    "absence.added": (
        "{title} {id}: {start} → {end} ({days:plural(day|days)})",
        "{title} {id}：{start} → {end}（{days} 天）",
    ),
    "absence.in_zone": ("block times in {tz}", "时段按 {tz} 时间"),
    "absence.unknown_kind": (
        "unknown kind '{kind}'; the plan's kinds are: {kinds}",
        "未知的缺勤类型 '{kind}'；计划中的类型有：{kinds}",
    ),
    "absence.unknown_kind_hint": (
        "unknown kind '{kind}'; did you mean '{hint}'? (the plan's kinds: {kinds})",
        "未知的缺勤类型 '{kind}'；你是不是想写 '{hint}'？（计划中的类型：{kinds}）",
    ),
    "absence.bad_zone": (
        "unknown time zone '{raw}' for --tz; write a name like Asia/Tokyo",
        "--tz 的时区 '{raw}' 未知；请写成 Asia/Tokyo 这样的名称",
    ),
    "absence.bad_zone_hint": (
        "unknown time zone '{raw}' for --tz; did you mean '{hint}'?",
        "--tz 的时区 '{raw}' 未知；你是不是想写 '{hint}'？",
    ),
    "absence.bad_days": (
        "--days '{raw}' is not a number of days from 1 to {limit}; write e.g. --days 2",
        "--days '{raw}' 不是 1 到 {limit} 之间的天数；请写成 --days 2 这样",
    ),
    # -- trip import --match WORD=KIND --------------------------------------------------------------
    "absence.bad_match": (
        "--match '{raw}': write a word, or WORD=KIND (e.g. --match Urlaub=vacation)",
        "--match '{raw}'：请写一个词，或 WORD=KIND（如 --match 年假=vacation）",
    ),
    # -- help -----------------------------------------------------------------------------------------
    "help.trip.add.kind": (
        "the kind of absence, one of the plan's `absences:` (default: travel)",
        "缺勤类型，计划 absences: 中的一种（默认：travel）",
    ),
    "help.trip.add.tz": (
        "the time zone you are in on those days (e.g. Asia/Tokyo): exported block times follow it",
        "这几天所在的时区（如 Asia/Tokyo）：导出的时段按它的时间",
    ),
    "help.sick": ("record a sick day (or days) from today", "记录病假（默认从今天起一天）"),
    "help.sick.date": (
        "the first sick day YYYY-MM-DD (default: today)",
        "病假第一天 YYYY-MM-DD（默认：今天）",
    ),
    "help.sick.days": ("how many days (default: 1)", "共几天（默认：1）"),
    "show.absences": (
        "Absences (trip add --kind KIND, pacer sick)",
        "缺勤（trip add --kind 类型、pacer sick）",
    ),
    "show.absence": ("{kind}  {title}: {follows}", "{kind}  {title}：{follows}"),
    "show.absence_shape": ("week shape {shape}", "周模板 {shape}"),
    "show.absence_template": ("template {template} every day", "每天用日模板 {template}"),
    "show.absence_nothing": ("nothing planned", "不安排任何内容"),
    "show.day_starts": (
        "The study day begins at {time}: before it, it is still the day before",
        "学习日从 {time} 开始：在此之前仍算前一天",
    ),
}
