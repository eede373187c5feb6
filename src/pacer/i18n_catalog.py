"""The message catalog: key -> (English, 中文), with str.format placeholders."""

from __future__ import annotations

from _thread import allocate_lock

_CATALOG: dict[str, tuple[str, str]] = {
    # -- reading YAML ----------------------------------------------------------------------
    "yaml.too_big": (
        "file is {size} bytes; a plan may be at most {limit} bytes",
        "文件有 {size} 字节；计划文件最多 {limit} 字节",
    ),
    "yaml.not_utf8": (
        "file is not UTF-8 text; save it as UTF-8",
        "文件不是 UTF-8 文本；请以 UTF-8 保存",
    ),
    "yaml.syntax": ("YAML syntax error: {detail}", "YAML 语法错误：{detail}"),
    "yaml.alias_bomb": (
        "anchors and aliases expand to more than {limit} values; refusing to read further",
        "锚点与别名展开后超过 {limit} 个值，拒绝继续读取",
    ),
    "yaml.recursive": ("an alias refers to itself", "别名引用了自身"),
    "yaml.bad_merge": ("'<<' must merge a mapping", "'<<' 只能合并映射"),
    "yaml.key_not_text": ("a key must be plain text", "键必须是普通文本"),
    "yaml.duplicate_key": (
        "duplicate key '{key}' (first at line {line})",
        "重复的键 '{key}'（第一次出现在第 {line} 行）",
    ),
    "yaml.unquoted_time": (
        'unquoted time {raw} reads as a number; write it quoted: "{quoted}"',
        '未加引号的时间 {raw} 会被读成数字；请写成 "{quoted}"',
    ),
    "yaml.bad_scalar": ("cannot read value '{raw}'", "无法读取值 '{raw}'"),
    # -- validating the plan ---------------------------------------------------------------
    "plan.empty": ("the plan file is empty", "计划文件是空的"),
    "plan.want_mapping": (
        "{where}: expected a mapping (key: value)",
        "{where}：应为映射（键: 值）",
    ),
    "plan.want_list": ("{where}: expected a list", "{where}：应为列表"),
    "plan.want_text": ("{where}: expected text", "{where}：应为文本"),
    "plan.want_int": (
        "{where}: expected a whole number, got '{raw}'",
        "{where}：应为整数，实际为 '{raw}'",
    ),
    "plan.want_number": (
        "{where}: expected a number, got '{raw}'",
        "{where}：应为数字，实际为 '{raw}'",
    ),
    "plan.want_bool": (
        "{where}: expected true or false, got '{raw}'",
        "{where}：应为 true 或 false，实际为 '{raw}'",
    ),
    "plan.want_date": (
        "{where}: expected a date YYYY-MM-DD, got '{raw}'",
        "{where}：应为日期 YYYY-MM-DD，实际为 '{raw}'",
    ),
    "plan.impossible_date": (
        "{where}: {raw} is not a real date",
        "{where}：{raw} 不是真实存在的日期",
    ),
    "plan.want_month": (
        "{where}: expected a month YYYY-MM, got '{raw}'",
        "{where}：应为月份 YYYY-MM，实际为 '{raw}'",
    ),
    "plan.want_time": (
        "{where}: expected a time \"HH:MM\", got '{raw}'",
        "{where}：应为时间 \"HH:MM\"，实际为 '{raw}'",
    ),
    "plan.int_range": (
        "{where}: {value} is outside {low}..{high}",
        "{where}：{value} 不在 {low}..{high} 范围内",
    ),
    "plan.bad_id": (
        "{where}: '{value}' is not an id (letters, digits, - _ .)",
        "{where}：'{value}' 不是合法的 id（字母、数字、- _ .）",
    ),
    "plan.bad_choice": (
        "{where}: '{raw}' is not one of {choices}",
        "{where}：'{raw}' 不是 {choices} 之一",
    ),
    "plan.bad_timezone": (
        "unknown time zone '{raw}' (e.g. Asia/Shanghai)",
        "未知时区 '{raw}'（例如 Asia/Shanghai）",
    ),
    "plan.unknown_key": (
        "unknown key '{key}' in {where} (known: {known})",
        "{where} 中有未知的键 '{key}'（可用：{known}）",
    ),
    "plan.unknown_key_hint": (
        "unknown key '{key}' in {where}; did you mean '{hint}'?",
        "{where} 中有未知的键 '{key}'；是不是 '{hint}'？",
    ),
    "plan.missing_key": ("{where}: missing required key '{key}'", "{where}：缺少必需的键 '{key}'"),
    "plan.duplicate_id": (
        "duplicate {kind} id '{id}' (first at line {line})",
        "重复的 {kind} id '{id}'（第一次出现在第 {line} 行）",
    ),
    "plan.unknown_ref": ("unknown {kind} '{id}'", "未知的 {kind} '{id}'"),
    "plan.unknown_ref_hint": (
        "unknown {kind} '{id}'; did you mean '{hint}'?",
        "未知的 {kind} '{id}'；是不是 '{hint}'？",
    ),
    "plan.cycle": ("prerequisite cycle: {path}", "前置条件形成循环：{path}"),
    "plan.unit_clashes": (
        "unit id '{id}' clashes with a track id or 'review'; rename the unit",
        "单元 id '{id}' 与某个方向 id 或 'review' 冲突；请改名",
    ),
    "plan.month_outside": (
        "month {month} is outside the plan span {start}..{end}",
        "月份 {month} 不在计划范围 {start}..{end} 内",
    ),
    "plan.month_order": (
        "month range ends ({end}) before it starts ({start})",
        "月份范围的结束（{end}）早于开始（{start}）",
    ),
    "plan.end_before_start": (
        "plan ends ({end}) before it starts ({start})",
        "计划结束（{end}）早于开始（{start}）",
    ),
    "plan.format_version": (
        "plan format {version} is not supported; this pacer reads format {supported}",
        "不支持计划格式 {version}；此版本 pacer 读取格式 {supported}",
    ),
    "plan.habit_needs_track": ("a habit block needs a 'track'", "习惯块需要 'track'"),
    "plan.key_not_for_type": (
        "'{key}' does not apply to a {type} block",
        "'{key}' 不适用于 {type} 块",
    ),
    "plan.empty_units": ("curriculum '{id}' has no units", "课程 '{id}' 没有单元"),
    "plan.targets_order": ("target dates must increase", "目标日期必须递增"),
    "plan.weight_positive": ("weight must be above 0, got {raw}", "权重必须大于 0，实际为 {raw}"),
}

_CATALOG.update(
    {
        # -- input ---------------------------------------------------------------------------
        "input.bad_date": (
            "'{raw}' is not a date; write YYYY-MM-DD (e.g. 2026-03-10), today or yesterday",
            "'{raw}' 不是日期；请写 YYYY-MM-DD（如 2026-03-10）、today 或 yesterday",
        ),
        "input.bad_minutes": (
            "'{raw}' is not a duration; write minutes like 45, 45m, 1h or 1h30",
            "'{raw}' 不是时长；请写分钟数，如 45、45m、1h 或 1h30",
        ),
        "input.minutes_range": (
            "'{raw}' is outside 1 minute to 24 hours ({limit} min)",
            "'{raw}' 超出 1 分钟到 24 小时（{limit} 分钟）的范围",
        ),
        "cli.see_help": ("see '{prog} --help'", "见 '{prog} --help'"),
        "cli.internal": (
            "internal error ({detail}); please report it, with PACER_DEBUG=1 for details",
            "内部错误（{detail}）；请报告此问题，设置 PACER_DEBUG=1 可查看详情",
        ),
        # -- files ---------------------------------------------------------------------------
        "file.exists": (
            "{path} already exists; pacer will not overwrite it (choose another path)",
            "{path} 已存在；pacer 不会覆盖它（请换一个路径）",
        ),
        "file.exists_force": (
            "{path} already exists; add --force to replace it",
            "{path} 已存在；加 --force 才会替换它",
        ),
        "file.cannot_write": ("cannot write {path}: {detail}", "无法写入 {path}：{detail}"),
        "plan.not_found": (
            "no plan file at {path}; 'pacer init --template blank|example|seed-2026' writes one",
            "{path} 没有计划文件；'pacer init --template blank|example|seed-2026' 可写出一份",
        ),
        "plan.unreadable": ("cannot read plan {path}: {detail}", "无法读取计划 {path}：{detail}"),
        "plan.ok": (
            "{path}: ok — {title}: {units:plural(unit|units)}, {hours} h of work, {milestones:plural(milestone|milestones)}",
            "{path}：通过 — {title}：{units} 个单元，{hours} 小时工作量，{milestones} 个里程碑",
        ),
        "init.unknown_template": (
            "no starting point called '{raw}'; choose one of: {choices}",
            "没有名为 '{raw}' 的起始计划；可选：{choices}",
        ),
        "plan.used": (
            "now using {title} ({path}, copied from {source})",
            "现在使用 {title}（{path}，复制自 {source}）",
        ),
        "plan.used_previous": (
            "the previous plan is kept as {path}",
            "之前的计划已另存为 {path}",
        ),
        "init.written": (
            "wrote {path}; edit it, then check it with 'pacer plan check'",
            "已写入 {path}；编辑后可用 'pacer plan check' 检查",
        ),
        "store.cannot_open": (
            "cannot open database {path}: {detail}",
            "无法打开数据库 {path}：{detail}",
        ),
        "store.not_sqlite": (
            "{path} is not a pacer database ({detail}); pass another file with --db",
            "{path} 不是 pacer 数据库（{detail}）；请用 --db 指定其他文件",
        ),
        "store.busy": (
            "the database is busy (another pacer is writing); try again",
            "数据库正忙（另一个 pacer 正在写入）；请稍后再试",
        ),
        "store.full": (
            "the disk holding {path} is full; nothing was written (free some space and try again)",
            "{path} 所在的磁盘已满；没有写入任何内容（请腾出空间后重试）",
        ),
        "store.read_only": (
            "{path} is on read-only storage; nothing was written (reading commands still work)",
            "{path} 位于只读存储上；没有写入任何内容（只读命令仍可使用）",
        ),
        "store.read_only_old": (
            "{path} is read-only and needs an upgrade to schema {version}; make it writable once",
            "{path} 是只读的，且需要升级到结构版本 {version}；请先让它可写一次",
        ),
        "store.corrupt": (
            "{path} is damaged ({detail}); restore a backup (pacer import, or copy a backup file)",
            "{path} 已损坏（{detail}）；请恢复备份（pacer import，或复制备份文件）",
        ),
        "store.failed": (
            "the database {path} refused the operation: {detail}",
            "数据库 {path} 拒绝了该操作：{detail}",
        ),
        "store.too_new": (
            "the database is at schema {version}, newer than this pacer ({supported}); upgrade pacer",
            "数据库结构版本 {version} 比此 pacer 支持的 {supported} 新；请升级 pacer",
        ),
        # -- notices -------------------------------------------------------------------------
        "notice.builtin_plan": (
            "using the built-in 2026 plan ('pacer init' writes a copy you can edit;"
            " 'pacer init --template blank' a plan of your own, then 'pacer plan use')",
            "正在使用内置的 2026 计划（'pacer init' 可写出一份可编辑的副本；"
            "'pacer init --template blank' 可写出空白计划，再用 'pacer plan use' 启用）",
        ),
        "notice.no_holiday_data": (
            "no holiday data for {country} {year} yet: public holidays and makeup workdays may be missing",
            "尚无 {country} {year} 年的节假日数据：法定假日和调休可能缺失",
        ),
        "notice.outside_plan": (
            "this date is outside the plan ({start}..{end})",
            "该日期不在计划范围（{start}..{end}）内",
        ),
        # -- log -----------------------------------------------------------------------------
        "log.logged": (
            "logged {minutes} min for {target} on {day}",
            "已记录 {day} {target} {minutes} 分钟",
        ),
        "log.done": ("{target} is done ({day})", "{target} 已完成（{day}）"),
        "log.day_full": (
            "{day} already has {total} min logged; {minutes} more would pass {limit} min (24 h)",
            "{day} 已记录 {total} 分钟；再加 {minutes} 分钟会超过 {limit} 分钟（24 小时）",
        ),
        "log.unknown_target": (
            "unknown target '{target}'; use a unit id, a habit's track (e.g. {example}) or review",
            "未知目标 '{target}'；请用单元 id、习惯的方向（如 {example}）或 review",
        ),
        "log.unknown_target_no_habit": (
            "unknown target '{target}'; use a unit id or review",
            "未知目标 '{target}'；请用单元 id 或 review",
        ),
        "log.unknown_target_hint": (
            "unknown target '{target}'; did you mean '{hint}'?",
            "未知目标 '{target}'；是不是 '{hint}'？",
        ),
        "log.track_without_habit": (
            "'{target}' is a track without a daily habit; log a unit id of it instead",
            "'{target}' 是没有每日习惯的方向；请改为记录它的某个单元 id",
        ),
        "log.done_needs_unit": (
            "only units can be marked done; '{target}' is a habit or the review (use 'pacer log')",
            "只有单元可以标记完成；'{target}' 是习惯或复盘（请用 'pacer log'）",
        ),
        # -- trips ---------------------------------------------------------------------------
        "trip.added": (
            "trip {id}: {start} → {end} ({days:plural(day|days)})",
            "出差 {id}：{start} → {end}（{days} 天）",
        ),
        "trip.removed": ("removed trip {id}: {start} → {end}", "已删除出差 {id}：{start} → {end}"),
        "trip.none": ("no trips", "没有出差记录"),
        "trip.days": ("{days:plural(day|days)}", "{days} 天"),
        "trip.end_before_start": (
            "the trip ends ({end}) before it starts ({start}); give START then END",
            "出差结束（{end}）早于开始（{start}）；请先写开始再写结束日期",
        ),
        "trip.too_long": (
            "a trip from {start} to {end} is longer than a year; check the dates",
            "从 {start} 到 {end} 的出差超过一年；请检查日期",
        ),
        "trip.overlaps": (
            "overlaps trip {id} ({start} → {end}); remove it first with 'pacer trip rm {id}'",
            "与出差 {id}（{start} → {end}）重叠；请先用 'pacer trip rm {id}' 删除",
        ),
        "trip.no_such": (
            "no trip {id}; see 'pacer trip list'",
            "没有出差 {id}；见 'pacer trip list'",
        ),
        "trip.bad_id": (
            "'{raw}' is not a trip id; see 'pacer trip list'",
            "'{raw}' 不是出差 id；见 'pacer trip list'",
        ),
        # -- today / week --------------------------------------------------------------------
        "unit.min": ("{n} min", "{n} 分钟"),
        "unit.days_signed": ("{n:+d} d", "{n:+d} 天"),
        "unit.hours": ("{n} h", "{n} 小时"),
        "week.heading": ("Week {week}", "{week} 周"),
        # {title}: the kind of absence's (the plan's `absences:` title, or the catalog's word).
        "today.trip_banner": (
            "{title}: day {n} of {days} ({start} → {end})",
            "{title}：第 {n}/{days} 天（{start} → {end}）",
        ),
        "today.nothing_eligible": ("nothing eligible for this block", "此时段没有可安排的内容"),
        "today.unit_logged": (" — {n} min logged today", " — 今天已记录 {n} 分钟"),
        "today.logged": ("Logged today:", "今日已记录："),
        "today.nothing_logged": ("Nothing logged yet today.", "今天还没有记录。"),
        "today.logged_day": ("Logged:", "已记录："),
        "today.nothing_logged_day": ("Nothing logged.", "没有记录。"),
        "today.done": ("done", "完成"),
        "reason.weekday": ("weekday", "工作日"),
        "reason.weekend": ("weekend", "周末"),
        "reason.trip": ("trip", "出差"),
        "reason.holiday": ("public holiday", "法定节假日"),
        "reason.provisional": (
            "provisional: computed, not yet announced",
            "暂定：按规则推算，尚未公布",
        ),
        "reason.makeup": ("makeup workday", "调休上班"),
        "reason.override": ("plan override", "计划指定"),
        "weekday.mon": ("Monday", "周一"),
        "weekday.tue": ("Tuesday", "周二"),
        "weekday.wed": ("Wednesday", "周三"),
        "weekday.thu": ("Thursday", "周四"),
        "weekday.fri": ("Friday", "周五"),
        "weekday.sat": ("Saturday", "周六"),
        "weekday.sun": ("Sunday", "周日"),
        "block.habit": ("habit", "习惯"),
        "block.work": ("work", "主线"),
        "block.ritual": ("ritual", "仪式"),
        "kind.study": ("study", "学习"),
        "kind.code": ("code", "代码"),
        "kind.experiment": ("experiment", "实验"),
        "kind.write": ("write", "写作"),
        "kind.reading": ("reading", "阅读"),
        "kind.review": ("review", "复盘"),
        # -- plan show -----------------------------------------------------------------------
        "show.tracks": ("Tracks", "方向"),
        "show.track_units": ("{n:plural(unit|units)}, {hours} h", "{n} 个单元，{hours} 小时"),
        "show.phases": ("Phases", "阶段"),
        "show.months": ("Months", "月计划"),
        "show.milestones": ("Milestones", "里程碑"),
        "show.baseline": ("Baseline", "能力基线"),
        "show.templates": ("Day templates", "日模板"),
        "show.shapes": ("Week shapes", "周型"),
        "show.overrides": ("Dates with a template of their own", "指定模板的日期"),
        "show.decisions": ("Decisions", "待定的决定"),
        "show.evidence": ("evidence: {ids}", "依据：{ids}"),
        "show.filter_tracks": ("tracks: {tracks}", "方向：{tracks}"),
        "show.filter_kinds": ("kinds: {kinds}", "类型：{kinds}"),
        "show.only_started": ("only units already started", "只接着做已开始的单元"),
    }
)

# How a reference's kind reads inside "unknown {kind} '{id}'".
_CATALOG.update(
    {
        "ref.track": ("track", "方向"),
        "ref.unit": ("unit", "单元"),
        "ref.template": ("day template", "日模板"),
        "ref.curriculum": ("curriculum", "课程"),
        "ref.work": ("unit or curriculum", "单元或课程"),
        "ref.evidence": ("metric, milestone or track", "指标、里程碑或方向"),
        "ref.milestone": ("milestone", "里程碑"),
        "ref.metric": ("metric", "指标"),
        "ref.shape": ("week shape", "周模板"),
        "ref.block": ("block", "时段"),
        "ref.month": ("month", "月份"),
    }
)

_CATALOG.update(
    {
        "today.trip_effect": ("this trip moves: {effect}", "这次出差的影响：{effect}"),
        "status.trip_effect": (
            "trip {start} → {end} moves: {effect}",
            "出差 {start} → {end} 的影响：{effect}",
        ),
        "status.trip_moves_nothing": ("no milestone", "不影响任何里程碑"),
        "list.sep": (", ", "、"),
        "today.and_more": ("and {n} more (pacer status)", "等另外 {n} 项（见 pacer status）"),
        "status.heading": ("Status at the end of {day}", "{day} 的进度"),
        "status.track": ("Track", "方向"),
        "status.planned": ("Planned", "计划"),
        "status.done": ("Done", "完成"),
        "status.remaining": ("Remaining", "剩余"),
        "status.finish": ("Projected finish", "预计完成"),
        "status.milestone": ("Milestone", "里程碑"),
        "status.due": ("Due", "截止"),
        "status.projected": ("Projected", "预计"),
        "status.slip": ("Slip", "偏差"),
        "status.state": ("Status", "状态"),
        "state.done": ("done", "已完成"),
        "state.on_track": ("on track", "正常"),
        "state.at_risk": ("at risk", "有风险"),
        "state.late": ("late", "延误"),
        "timeline.heading": (
            "Timeline on {day} (one column a week)",
            "{day} 的时间线（每列一周）",
        ),
        "timeline.beyond": ("beyond the horizon", "超出预测范围"),
        "timeline.legend": (
            "░ planned  █ planned and done/projected  ▓ done/projected off plan  ◆ due  ● projected  ✓ done  ▼ today",
            "░ 计划  █ 计划且已做/预计  ▓ 计划外已做/预计  ◆ 截止  ● 预计  ✓ 完成  ▼ 今天",
        ),
        "milestone.unknown": (
            "unknown milestone '{id}'; see 'pacer status'",
            "未知里程碑 '{id}'；见 'pacer status'",
        ),
        "milestone.unknown_hint": (
            "unknown milestone '{id}'; did you mean '{hint}'?",
            "未知里程碑 '{id}'；是不是 '{hint}'？",
        ),
        "catchup.heading": (
            "{title} [{id}] is projected for {projected}, due {due} ({slip}).",
            "{title} [{id}] 预计 {projected} 完成，截止 {due}（{slip}）。",
        ),
        "catchup.choose": (
            "Options — nothing changes until you record one with 'pacer catchup --apply N':",
            "可选方案 — 只有执行 'pacer catchup --apply N' 后才会生效：",
        ),
        "catchup.nothing_slips": (
            "no milestone is late on {day}",
            "{day} 没有延误的里程碑",
        ),
        "catchup.on_track": (
            "{title} [{id}] is on track: nothing to catch up (projected {projected}, due {due},"
            " {slip}).",
            "{title} [{id}] 进度正常：无需追赶（预计 {projected}，截止 {due}，{slip}）。",
        ),
        "catchup.finished": (
            "{title} [{id}] has its units finished ({state}): nothing to catch up.",
            "{title} [{id}] 所需单元已全部完成（{state}）：无需追赶。",
        ),
        "catchup.focus": (
            "put the units of {id} first from {start} to {end} ({n} to do)",
            "{start} 至 {end} 期间优先安排 {id} 的单元（{n} 个待完成）",
        ),
        "catchup.stretch": (
            "stretch work blocks to their max from {start} to {end} (for {id})",
            "{start} 至 {end} 期间把主线时段拉长到上限（为 {id}）",
        ),
        "catchup.defer": (
            "defer the optional {n:form(unit|units)} {units} (for {id})",
            "推迟 {n} 个可选单元 {units}（为 {id}）",
        ),
        "catchup.move_due": ("move the due date of {id} to {due}", "把 {id} 的截止日期改为 {due}"),
        "catchup.due_moved": ("due {due} → {new}  ({days})", "截止 {due} → {new}（{days}）"),
        "catchup.due_verdict": ("due {due}: {verdict}", "截止 {due}：{verdict}"),
        "catchup.applied": ("recorded choice {id}: {what}", "已记录方案 {id}：{what}"),
        "catchup.dropped": ("dropped choice {id}: {what}", "已撤销方案 {id}：{what}"),
        "catchup.none_recorded": ("no catch-up choices recorded", "没有记录的追赶方案"),
        "catchup.no_such": (
            "no catch-up choice {id}; see 'pacer catchup --list'",
            "没有追赶方案 {id}；见 'pacer catchup --list'",
        ),
        "catchup.bad_id": (
            "'{raw}' is not a choice id; see 'pacer catchup --list'",
            "'{raw}' 不是方案 id；见 'pacer catchup --list'",
        ),
        "catchup.no_option": (
            "there is no option {n} for {id} (it has {count}); run 'pacer catchup {id}' to see"
            " them",
            "{id} 没有方案 {n}（共 {count} 个）；运行 'pacer catchup {id}' 查看",
        ),
        "catchup.no_options": (
            "{id} has nothing to catch up, so there is no option to apply; see 'pacer catchup {id}'",
            "{id} 无需追赶，没有可记录的方案；见 'pacer catchup {id}'",
        ),
        "catchup.needs_reason": (
            "moving a due date needs a reason: add --reason TEXT",
            "修改截止日期需要说明原因：请加 --reason TEXT",
        ),
    }
)


# Each feature keeps its messages in pacer/messages/<name>.py; a key is defined once. They
# are merged in on demand, in this order, until a key asked for is found: `pacer today`
# reads its help, review and streak texts (four modules), not all thirty (the first ones
# are those the daily commands ask for). Importing CATALOG merges them all.
_MODULES = (
    "help",
    "streaks",
    "review",
    "reviewdecide",
    "logfix",
    "inputs",
    "timer",
    "habits",
    "milestones",
    "report",
    "charts",
    "forecast",
    "interop",
    "care",
    "web",
    "guards",
    "regions",
    "studyday",
    "mdimport",
    "rota",
    "absence",
    "versions",
    "renames",
    "binding",
    "ramp",
    "remind",
    "completion",
    "gantt",
)
_merged = 0  # how many of _MODULES are in _CATALOG
_merging = allocate_lock()  # the web's threads render messages too


def _merge_next() -> None:
    global _merged
    from importlib import import_module

    with _merging:
        if _merged == len(_MODULES):
            return
        module = import_module(f"pacer.messages.{_MODULES[_merged]}")
        for key, texts in module.MESSAGES.items():
            assert key not in _CATALOG, f"message {key} defined twice"
            _CATALOG[key] = texts
        _merged += 1


def lookup(key: str) -> tuple[str, str] | None:
    """The (English, 中文) texts of a key, None for a key no module defines."""
    entry = _CATALOG.get(key)
    while entry is None and _merged < len(_MODULES):
        _merge_next()
        entry = _CATALOG.get(key)
    return entry


def __getattr__(name: str) -> dict[str, tuple[str, str]]:
    """CATALOG: every message, all modules merged."""
    if name != "CATALOG":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    while _merged < len(_MODULES):
        _merge_next()
    globals()["CATALOG"] = _CATALOG
    return _CATALOG
