"""Messages for listing and correcting the record, and undo: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ------------------------------------------------------------------------------------
    "help.log.add": (
        "log minutes (the default: pacer log 45 english)",
        "记录分钟数（默认动作：pacer log 45 english）",
    ),
    "help.log.list": ("the log's entries with their ids", "列出记录及其 id"),
    "help.log.list.from": (
        "first day (default: 4 weeks before --to)",
        "第一天（默认：--to 之前 4 周）",
    ),
    "help.log.list.to": ("last day (default: today)", "最后一天（默认：今天）"),
    "help.log.list.target": ("only this unit, track or review", "只列出这个单元、方向或 review"),
    "help.log.edit": ("change an entry", "修改一条记录"),
    "help.log.id": ("entry id (see pacer log list)", "记录 id（见 pacer log list）"),
    "help.log.edit.minutes": ("new minutes: 45, 1h, 1h30", "新的分钟数：45、1h、1h30"),
    "help.log.edit.date": ("new date YYYY-MM-DD", "新的日期 YYYY-MM-DD"),
    "help.log.edit.target": ("new unit, track or review", "新的单元、方向或 review"),
    "help.log.edit.note": ("new note", "新的备注"),
    "help.log.rm": (
        "remove an entry (pacer undo brings it back)",
        "删除一条记录（pacer undo 可恢复）",
    ),
    "help.metric.edit": ("change a recorded value", "修改一个已记录的数值"),
    "help.metric.value_id": (
        "the value's id (see metric show ID --json)",
        "数值的 id（见 metric show ID --json）",
    ),
    "help.metric.edit.value": ("new value, e.g. 55 or 55%%", "新的数值，如 55 或 55%%"),
    "help.metric.edit.date": ("new date YYYY-MM-DD", "新的日期 YYYY-MM-DD"),
    "help.metric.rm": (
        "remove a recorded value (pacer undo brings it back)",
        "删除一个已记录的数值（pacer undo 可恢复）",
    ),
    "help.note.add": (
        "add a note (the default: pacer note TEXT)",
        "添加素材（默认动作：pacer note 文字）",
    ),
    "help.note.edit": ("change a note's text", "修改素材的文字"),
    "help.note.id": ("note id (see pacer note --list)", "素材 id（见 pacer note --list）"),
    "help.note.edit.text": ("the new text", "新的文字"),
    "help.note.rm": ("remove a note (pacer undo brings it back)", "删除素材（pacer undo 可恢复）"),
    "help.log.more": (
        "also: pacer log list, pacer log edit ID, pacer log rm ID (each has --help)",
        "另有：pacer log list、pacer log edit ID、pacer log rm ID（各有 --help）",
    ),
    "help.note.more": (
        "also: pacer note edit ID -m TEXT, pacer note rm ID",
        "另有：pacer note edit ID -m 文字、pacer note rm ID",
    ),
    # -- ids -------------------------------------------------------------------------------------
    "logfix.bad_entry_id": (
        "'{raw}' is not an entry id; see 'pacer log list'",
        "'{raw}' 不是记录 id；请看 'pacer log list'",
    ),
    "logfix.bad_value_id": (
        "'{raw}' is not a metric value id; see 'pacer metric show METRIC --json'",
        "'{raw}' 不是指标数值 id；请看 'pacer metric show 指标 --json'",
    ),
    "logfix.bad_note_id": (
        "'{raw}' is not a note id; see 'pacer note --list'",
        "'{raw}' 不是素材 id；请看 'pacer note --list'",
    ),
    "logfix.no_entry": (
        "no log entry {id}; see 'pacer log list'",
        "没有记录 {id}；请看 'pacer log list'",
    ),
    "logfix.no_metric_value": (
        "no metric value {id}; see 'pacer metric show METRIC --json'",
        "没有指标数值 {id}；请看 'pacer metric show 指标 --json'",
    ),
    "logfix.no_note": (
        "no note {id}; see 'pacer note --list'",
        "没有素材 {id}；请看 'pacer note --list'",
    ),
    "logfix.nothing_to_change": (
        "nothing to change: give {options}",
        "没有要修改的内容：请给出 {options}",
    ),
    "logfix.bad_span": (
        "--from {first} is after --to {last}; give the earlier day first",
        "--from {first} 晚于 --to {last}；请先写较早的日期",
    ),
    # -- what was done ---------------------------------------------------------------------------
    "logfix.list.none": (
        "no entries from {first} to {last}",
        "{first} 至 {last} 没有记录",
    ),
    "logfix.list.done": ("done", "已完成"),
    "logfix.entry": ("{minutes} for {target} on {day}", "{day} {target} {minutes}"),
    "logfix.entry_done": ("{target} marked done on {day}", "{day} 标记 {target} 完成"),
    "logfix.value": ("{value} ({metric}, {day})", "{value}（{metric}，{day}）"),
    "logfix.note": ("note {id} ({post}, {day})", "素材 {id}（{post}，{day}）"),
    "logfix.log.edited": ("entry {id} is now {what}", "记录 {id} 已改为：{what}"),
    "logfix.log.removed": (
        "removed entry {id}: {what} ('pacer undo' brings it back)",
        "已删除记录 {id}：{what}（'pacer undo' 可恢复）",
    ),
    "logfix.metric.edited": ("metric value {id} is now {what}", "指标数值 {id} 已改为 {what}"),
    "logfix.metric.removed": (
        "removed metric value {id}: {what} ('pacer undo' brings it back)",
        "已删除指标数值 {id}：{what}（'pacer undo' 可恢复）",
    ),
    "logfix.note.edited": ("changed the text of {what}", "已修改{what}的文字"),
    "logfix.note.removed": (
        "removed {what} ('pacer undo' brings it back)",
        "已删除{what}（'pacer undo' 可恢复）",
    ),
    # -- undo ------------------------------------------------------------------------------------
    "logfix.undid.add.log": ("undid: removed {what}", "已撤销：删除了 {what}"),
    "logfix.undid.edit.log": (
        "undid: the edit of entry {id}; it is again {what}",
        "已撤销：记录 {id} 的修改；恢复为 {what}",
    ),
    "logfix.undid.remove.log": (
        "undid: the removal of entry {id}; {what} is back",
        "已撤销：记录 {id} 的删除；{what} 已恢复",
    ),
    "logfix.undid.add.metric_values": (
        "undid: removed metric value {what}",
        "已撤销：删除了指标数值 {what}",
    ),
    "logfix.undid.edit.metric_values": (
        "undid: the edit of metric value {id}; it is again {what}",
        "已撤销：指标数值 {id} 的修改；恢复为 {what}",
    ),
    "logfix.undid.remove.metric_values": (
        "undid: the removal of metric value {id}; {what} is back",
        "已撤销：指标数值 {id} 的删除；{what} 已恢复",
    ),
    "logfix.undid.add.notes": ("undid: removed {what}", "已撤销：删除了{what}"),
    "logfix.undid.edit.notes": (
        "undid: the edit of {what}; its text is as before",
        "已撤销：{what}的修改；文字已恢复",
    ),
    "logfix.undid.remove.notes": (
        "undid: the removal of {what}; it is back",
        "已撤销：{what}的删除；已恢复",
    ),
    "logfix.trip": ("trip {id} ({start} → {end})", "出差 {id}（{start} → {end}）"),
    "logfix.undid.add.trips": ("undid: removed {what}", "已撤销：删除了{what}"),
    "logfix.undid.edit.trips": (
        "undid: the edit of {what}; it is as before",
        "已撤销：{what}的修改；已恢复原样",
    ),
    "logfix.undid.remove.trips": (
        "undid: the removal of {what}; it is back",
        "已撤销：{what}的删除；已恢复",
    ),
    "logfix.undid.add.milestone_checks": (
        "undid: the check of {milestone}/{criterion} (evidence: {evidence})",
        "已撤销：{milestone}/{criterion} 的勾选（依据：{evidence}）",
    ),
    "logfix.undid.edit.milestone_checks": (
        "undid: the new evidence of {milestone}/{criterion}; it is again {evidence}",
        "已撤销：{milestone}/{criterion} 的新依据；依据恢复为 {evidence}",
    ),
    "logfix.undid.remove.milestone_checks": (
        "undid: the uncheck of {milestone}/{criterion}; checked again (evidence: {evidence})",
        "已撤销：{milestone}/{criterion} 的取消勾选；已重新勾选（依据：{evidence}）",
    ),
    # A newer change undo does not revert: named, with what reverses it; nothing is written.
    "logfix.stop": (
        "cannot undo: the newest change is {what}, which undo does not revert; {how}",
        "无法撤销：最近一次改动是{what}，undo 不能撤销它；{how}",
    ),
    "logfix.stop.what.catchup_apply": (
        "catch-up choice {id} ({milestone})",
        "补进度选择 {id}（{milestone}）",
    ),
    "logfix.stop.how.catchup_apply": (
        "'pacer catchup --drop {id}' reverses it",
        "'pacer catchup --drop {id}' 可撤回",
    ),
    "logfix.stop.what.catchup_drop": (
        "the removal of catch-up choice {id} ({milestone})",
        "删除补进度选择 {id}（{milestone}）",
    ),
    "logfix.stop.how.catchup_drop": (
        "'pacer catchup {milestone}' shows the options to record it again",
        "'pacer catchup {milestone}' 列出可重新记录的选项",
    ),
    "logfix.stop.what.review": ("the review of {week}", "{week} 的周复盘"),
    "logfix.stop.how.review": (
        "'pacer review --week {week} --edit' changes it",
        "'pacer review --week {week} --edit' 可修改",
    ),
    "logfix.stop.what.accept_orphans": (
        "doctor --accept-orphans ({ids})",
        "doctor --accept-orphans（{ids}）",
    ),
    "logfix.stop.how.accept_orphans": (
        "no command takes it back (doctor only stops counting those ids)",
        "没有命令可撤回（doctor 只是不再把这些 id 算作问题）",
    ),
    "logfix.stop.what.roster_import": (
        "the roster import from {file}",
        "从 {file} 导入排班",
    ),
    "logfix.stop.how.roster_import": (
        "'pacer roster rm ID' removes an entry (see 'pacer roster list')",
        "'pacer roster rm ID' 可删除一项（见 'pacer roster list'）",
    ),
    "logfix.stop.what.roster_rm": (
        "the removal of roster entry {id}",
        "删除排班项 {id}",
    ),
    "logfix.stop.how.roster_rm": (
        "'pacer roster import FILE' brings it back",
        "'pacer roster import 文件' 可恢复",
    ),
    "logfix.stop.what.plan_use": (
        "the switch to the plan {source} ('pacer plan use')",
        "切换到计划 {source}（'pacer plan use'）",
    ),
    "logfix.stop.how.plan_use": (
        "'pacer plan use {previous}' goes back to the plan before",
        "'pacer plan use {previous}' 可回到之前的计划",
    ),
    "logfix.stop.how.plan_use_any": (
        "'pacer plan use PATH' with the plan you had goes back",
        "用之前的计划文件运行 'pacer plan use 路径' 可回到它",
    ),
    "logfix.stop.what.plan_why": (
        "the reason of plan version {version}",
        "计划版本 {version} 的原因",
    ),
    "logfix.stop.how.plan_why": (
        "'pacer plan why {version} TEXT' changes it",
        "'pacer plan why {version} 文字' 可修改",
    ),
    "logfix.bad_audit_row": (
        "cannot undo: change {id} of the record is unreadable ({field}); correct the entry"
        " with an edit instead",
        "无法撤销：第 {id} 条改动记录无法读取（{field}）；请改用 edit 修改",
    ),
    "logfix.nothing_to_undo": (
        "nothing to undo: no recorded change is left (see 'pacer log list' to fix an entry)",
        "没有可撤销的改动（要修改记录，请看 'pacer log list'）",
    ),
    "logfix.undo_conflict": (
        "cannot undo: row {id} of {table} was changed without a record since; correct it with"
        " an edit instead",
        "无法撤销：{table} 的第 {id} 行此后被未经记录地修改过；请改用 edit 修改",
    ),
    "table.audit": ("changes", "改动记录"),
    # -- web -------------------------------------------------------------------------------------
    "web.nav.log": ("Log", "记录"),
    "web.logpage.title": ("Log", "记录"),
    "web.logpage.intro": (
        "Entries from {first} to {last}. Change a number and press Save; Remove can be undone.",
        "{first} 至 {last} 的记录。修改后按保存；删除可以撤销。",
    ),
    "web.logpage.save": ("Save", "保存"),
    "web.logpage.remove": ("Remove", "删除"),
    "web.logpage.edit": ("edit", "修改"),
    "web.logpage.undo": ("Undo the last change", "撤销最近一次改动"),
    "web.logpage.earlier": ("← earlier", "← 更早"),
    "web.logpage.latest": ("latest →", "最新 →"),
    "web.logpage.entries": ("Entries", "学习记录"),
    "web.logpage.values": ("Metric values", "指标数值"),
    "web.logpage.notes": ("Notes", "素材"),
    "web.logpage.none": ("Nothing from {first} to {last}.", "{first} 至 {last} 没有内容。"),
    "web.logpage.date": ("Date", "日期"),
    "web.logpage.target": ("Unit, habit or review", "单元、习惯或复盘"),
    "web.logpage.value": ("Value", "数值"),
    "web.logpage.text": ("Text", "文字"),
    "web.logpage.unchanged": ("nothing changed: {what}", "没有改动：{what}"),
    "web.logpage.removed": (
        "removed entry {id}: {what} (Undo brings it back)",
        "已删除记录 {id}：{what}（可用“撤销”恢复）",
    ),
    "web.logpage.value_removed": (
        "removed metric value {id}: {what} (Undo brings it back)",
        "已删除指标数值 {id}：{what}（可用“撤销”恢复）",
    ),
    "web.logpage.note_removed": (
        "removed {what} (Undo brings it back)",
        "已删除{what}（可用“撤销”恢复）",
    ),
    "web.logpage.value_id": ("metric value {id}", "指标数值 {id}"),
    "web.logpage.bad_id": (
        "'{raw}' is not an id of this page; reload the Log page",
        "'{raw}' 不是本页上的 id；请重新打开记录页",
    ),
    "web.logpage.gone": (
        "{id} is no longer there (changed elsewhere?); reload the Log page",
        "{id} 已不存在（在别处改过？）；请重新打开记录页",
    ),
}
