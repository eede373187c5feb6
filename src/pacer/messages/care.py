"""Messages for doctor and data care: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pacer export json ------------------------------------------------------------------------
    "export.json_written": (
        "wrote {path} ({rows:plural(row|rows)}: {detail})",
        "已写入 {path}（{rows} 行：{detail}）",
    ),
    "export.bytes": (
        "cannot export {table}.{column}: it holds bytes, not text",
        "无法导出 {table}.{column}：其中是字节而不是文本",
    ),
    "table.log": ("log", "记录"),
    "table.trips": ("trips", "出差"),
    "table.reviews": ("reviews", "周复盘"),
    "table.milestone_checks": ("milestone checks", "里程碑验收"),
    "table.metric_values": ("metric values", "指标数值"),
    "table.notes": ("notes", "素材"),
    "table.catchup": ("catch-up choices", "追赶选择"),
    "doctor.kind.unit": ("unit", "单元"),
    "doctor.kind.habit": ("habit", "习惯"),
    "doctor.kind.ritual": ("ritual", "仪式"),
    "doctor.kind.criterion": ("criterion", "验收标准"),
    "doctor.kind.post": ("post", "博客"),
    "doctor.kind.metric": ("metric", "指标"),
    "doctor.kind.milestone": ("milestone", "里程碑"),
    "doctor.kind.prompt": ("prompt", "复盘问题"),
    "doctor.builtin_plan": ("the built-in 2026 plan", "内置的 2026 计划"),
    # -- pacer import json ------------------------------------------------------------------------
    "import.choose": (
        "say what to import: pacer import json FILE (see 'pacer import --help')",
        "请指明导入什么：pacer import json 文件（见 'pacer import --help'）",
    ),
    "import.done": (
        "imported {path}: {rows:plural(row|rows)} ({detail})",
        "已导入 {path}：{rows} 行（{detail}）",
    ),
    "import.plan_differs": (
        "the export was made with another plan (its SHA-256 differs from the plan in force);"
        " everything was imported — 'pacer doctor' lists what the plan no longer names",
        "导出时用的是另一份计划（SHA-256 与当前计划不同）；数据已全部导入——'pacer doctor'"
        " 会列出当前计划中已不存在的条目",
    ),
    "import.too_big": (
        "{path} is larger than {limit} bytes; that is not a pacer export",
        "{path} 超过 {limit} 字节；这不是 pacer 导出文件",
    ),
    "import.not_utf8": (
        "{path} is not UTF-8 text; nothing was imported",
        "{path} 不是 UTF-8 文本；没有导入任何内容",
    ),
    "import.bad_json": (
        "{path}:{line}:{col}: not valid JSON ({detail}); nothing was imported",
        "{path}:{line}:{col}：不是有效的 JSON（{detail}）；没有导入任何内容",
    ),
    "import.not_export": (
        '{path} is not a pacer export (no "format": "pacer-export"); nothing was imported',
        '{path} 不是 pacer 导出文件（缺少 "format": "pacer-export"）；没有导入任何内容',
    ),
    "import.too_new": (
        "{path} is export format {version}, newer than this pacer reads ({supported});"
        " upgrade pacer to import it",
        "{path} 的导出格式为 {version}，比此 pacer 能读取的 {supported} 新；请升级 pacer 后再导入",
    ),
    "import.schema_too_new": (
        "{path} was exported at schema {version}, newer than this pacer ({supported});"
        " upgrade pacer to import it",
        "{path} 导出时的数据库结构版本为 {version}，比此 pacer 支持的 {supported} 新；"
        "请升级 pacer 后再导入",
    ),
    "import.bad_field": (
        "{path}: '{field}' is missing or malformed; nothing was imported",
        "{path}：'{field}' 缺失或格式不对；没有导入任何内容",
    ),
    "import.unknown_table": (
        "{path}: table '{table}' is unknown to this pacer; nothing was imported",
        "{path}：此 pacer 不认识表 '{table}'；没有导入任何内容",
    ),
    "import.unknown_column": (
        "{path}: '{field}' is unknown to this pacer; nothing was imported",
        "{path}：此 pacer 不认识 '{field}'；没有导入任何内容",
    ),
    "import.bad_value": (
        "{path}: '{field}' cannot be {value!r}; nothing was imported",
        "{path}：'{field}' 不能是 {value!r}；没有导入任何内容",
    ),
    "import.unknown_field": (
        "the database has no '{field}' (row {index} of {table}); nothing was imported",
        "数据库中没有 '{field}'（{table} 的第 {index} 行）；没有导入任何内容",
    ),
    "import.row_refused": (
        "row {index} of {table} was refused ({detail}); nothing was imported",
        "{table} 的第 {index} 行被拒绝（{detail}）；没有导入任何内容",
    ),
    "import.bad_change": (
        "{field} is not what undo can read (a JSON object of the table's row, its id the"
        " row_id, or null where the action allows it; a known table_name and action)",
        "{field} 不是 undo 能读取的内容（应为该表一行的 JSON 对象，其 id 等于 row_id，或在"
        "该动作允许时为 null；table_name 和 action 须是已知的）",
    ),
    "import.bad_row": (
        "{path}: row {index} of {table}: {detail}; nothing was imported",
        "{path}：{table} 的第 {index} 行：{detail}；没有导入任何内容",
    ),
    "import.trip_overlap": (
        "overlaps row {row} ({start} → {end}); trips may not overlap",
        "与第 {row} 行（{start} → {end}）重叠；出差不能重叠",
    ),
    "import.log_ahead": (
        "dated {day}, after it was logged ({logged_at}); 'pacer log' never writes a day ahead",
        "日期 {day} 晚于记录时间（{logged_at}）；'pacer log' 从不记录未来的日子",
    ),
    "import.minutes_range": (
        "minutes {minutes} is outside 0 to {limit} (24 hours)",
        "分钟数 {minutes} 超出 0 到 {limit}（24 小时）的范围",
    ),
    "import.bad_kind": (
        "{column} '{value}' is not one of {allowed}",
        "{column} '{value}' 不是 {allowed} 之一",
    ),
    "import.bad_timestamp": (
        "{column} '{value}' is not an ISO 8601 time with its UTC offset in 1970–2200"
        " (e.g. 2026-03-10T13:00:00+00:00)",
        "{column} '{value}' 不是 1970–2200 年间带 UTC 偏移的 ISO 8601 时间（如 2026-03-10T13:00:00+00:00）",
    ),
    "import.not_finite": (
        "value {value} is not a finite number",
        "数值 {value} 不是有限的数",
    ),
    "import.not_empty": (
        "{path} already holds data ({held}); import only into an empty database:"
        " pacer --db NEW.db import json FILE",
        "{path} 已有数据（{held}）；只能导入到空数据库：pacer --db 新.db import json 文件",
    ),
    # -- pacer backup -----------------------------------------------------------------------------
    "backup.written": (
        "backed up {source} to {path} ({size} KB, integrity checked)",
        "已将 {source} 备份到 {path}（{size} KB，已校验完整性）",
    ),
    "backup.failed": ("cannot back up to {path}: {detail}", "无法备份到 {path}：{detail}"),
    "backup.onto_database": (
        "{path} is the database itself; choose another path for the backup",
        "{path} 就是数据库本身；请为备份换一个路径",
    ),
    # -- pacer status: what the plan no longer names still counts -------------------------------
    "status.not_in_plan": ("(not in the plan)", "（计划中已没有）"),
    "status.not_in_plan_hint": (
        "{n:plural(entry|entries)}; see 'pacer doctor'",
        "{n} 条记录；见 'pacer doctor'",
    ),
    # -- pacer status: habits and the weekly review ----------------------------------------------
    "status.habit": ("Habit", "习惯"),
    "status.kept": ("Days kept", "坚持天数"),
    "status.kept_days": ("{kept} of {days:plural(day|days)}", "{days} 天中 {kept} 天"),
    "status.review": ("Weekly review", "每周复盘"),
    # -- pacer doctor -----------------------------------------------------------------------------
    "doctor.database": ("Database  {path}", "数据库    {path}"),
    "doctor.schema": (
        "Schema    version {version} (this pacer: {latest})",
        "结构版本  {version}（此 pacer：{latest}）",
    ),
    "doctor.plan": ("Plan      {plan}", "计划      {plan}"),
    "doctor.sqlite": ("SQLite    {version}", "SQLite 版本 {version}"),
    "doctor.sqlite_safe": (
        "SQLite has the fix for lost writes with several writers (3.51.3 and later)",
        "SQLite 已包含多进程写入丢失的修复（3.51.3 及以后）",
    ),
    "doctor.sqlite_unsafe": (
        "SQLite {version} can lose writes when several processes write (fixed in {safe}); reinstall pacer to get a current apsw",
        "SQLite {version} 在多个进程同时写入时可能丢失数据（{safe} 已修复）；请重新安装 pacer 以获得新版 apsw",
    ),
    "doctor.integrity_ok": ("integrity check: ok", "完整性检查：通过"),
    "doctor.integrity_bad": ("integrity check: {detail}", "完整性检查：{detail}"),
    "doctor.foreign_keys_ok": ("foreign key check: ok", "外键检查：通过"),
    "doctor.foreign_key_bad": ("foreign key check: {detail}", "外键检查：{detail}"),
    "doctor.local_fs": ("not on a network filesystem", "不在网络文件系统上"),
    "doctor.network_fs": (
        "{path} is on a network filesystem ({fs}): SQLite's WAL is unsafe there;"
        " keep the database on a local disk (--db, PACER_HOME) and copy it with 'pacer backup'",
        "{path} 位于网络文件系统（{fs}）：SQLite 的 WAL 在那里不安全；请把数据库放在本地磁盘"
        "（--db、PACER_HOME），用 'pacer backup' 复制",
    ),
    "doctor.stray_log": (
        "not in the plan: {n:plural(log entry|log entries)} ({minutes} min) for a unit, habit or"
        " ritual it does not have; kept and still counted",
        "不在计划中：{n} 条记录（{minutes} 分钟）指向计划中没有的单元、习惯或仪式；已保留并继续计入",
    ),
    "doctor.stray_other": (
        "not in the plan: {n:plural(other row|other rows)} naming something it does not have (kept)",
        "另有 {n} 行指向计划中已不存在的内容（已保留）",
    ),
    "doctor.stale_choice": (
        "catch-up choice {id} names {what}, which the plan no longer has; that part of it is"
        " ignored — clear it with 'pacer catchup --drop {id}' (and choose again with"
        " 'pacer catchup')",
        "追赶方案 {id} 引用了计划中已没有的{what}；这部分已被忽略——用"
        " 'pacer catchup --drop {id}' 清除它（再用 'pacer catchup' 重新选择）",
    ),
    "catchup.stale": (
        "names {what}, which the plan no longer has (ignored): pacer catchup --drop {id}",
        "引用了计划中已没有的{what}（已忽略）：pacer catchup --drop {id}",
    ),
    "doctor.stray_heading": (
        "Not in the plan (kept, never deleted):",
        "计划中已不存在（保留，不会删除）：",
    ),
    "doctor.all_ok": ("everything is fine", "一切正常"),
    "doctor.ok_with_notes": (
        "nothing is wrong (the rows listed are kept on purpose)",
        "没有问题（列出的行是有意保留的）",
    ),
    "doctor.summary": (
        "problems: {errors}, warnings: {warnings}",
        "问题：{errors}，警告：{warnings}",
    ),
}
