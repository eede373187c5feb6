"""Messages for plan versions (plan history, diff, why, reload): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- commands ---------------------------------------------------------------------------------
    "help.plan.history": (
        "every plan version pacer has run with: when, what changed, why, and what it did to"
        " the milestones",
        "pacer 用过的每个计划版本：何时、改了什么、为什么、对里程碑有何影响",
    ),
    "help.plan.diff": (
        "what changed from one plan version to another",
        "两个计划版本之间改了什么",
    ),
    "help.plan.diff.v1": (
        "the older version (a number from plan history)",
        "较早的版本（plan history 中的编号）",
    ),
    "help.plan.diff.v2": (
        "the newer version (default: the plan in force)",
        "较新的版本（默认：当前计划）",
    ),
    "help.plan.why": ("record why a plan version was made", "记下某个计划版本的修改原因"),
    "help.plan.why.version": (
        "the version's number (see plan history)",
        "版本编号（见 plan history）",
    ),
    "help.plan.why.text": ("the reason, in a few words", "原因，几个字即可"),
    "help.plan.reload": (
        "record the plan file as it is now as a plan version, with a reason",
        "把当前的计划文件记为一个计划版本，并写明原因",
    ),
    "help.plan.reason": (
        "why the plan changed (shown by plan history)",
        "计划为何修改（plan history 会显示）",
    ),
    # -- answers ----------------------------------------------------------------------------------
    "versions.recorded": (
        "plan version {version} (first seen {day}) is in force: {reason}",
        "计划版本 {version}（首次出现于 {day}）现为当前计划：{reason}",
    ),
    "versions.recorded_no_reason": (
        "plan version {version} (first seen {day}) is in force",
        "计划版本 {version}（首次出现于 {day}）现为当前计划",
    ),
    "versions.already": (
        "the plan in force is version {version} already ({reason}); to change its reason:"
        " pacer plan why {version} TEXT",
        "当前计划已是版本{version}（{reason}）；要改它的原因：pacer plan why {version} 原因",
    ),
    "versions.already_no_reason": (
        "the plan in force is version {version} already; to give its reason:"
        " pacer plan why {version} TEXT",
        "当前计划已是版本{version}；要填写原因：pacer plan why {version} 原因",
    ),
    "versions.again": (
        "plan version {version} (first seen {day}) is in force again: {reason}"
        " (its own reason; to change it: pacer plan why {version} TEXT)",
        "计划版本 {version}（首次出现于 {day}）再次成为当前计划：{reason}"
        "（这是它原来的原因；要修改：pacer plan why {version} 原因）",
    ),
    "versions.again_no_reason": (
        "plan version {version} (first seen {day}) is in force again",
        "计划版本 {version}（首次出现于 {day}）再次成为当前计划",
    ),
    "versions.reason_set": (
        "plan version {version}: {reason}",
        "计划版本 {version}：{reason}",
    ),
    "versions.none": (
        "no plan version recorded yet (pacer records one the first time it runs with a plan)",
        "尚未记录任何计划版本（pacer 第一次使用某个计划时会记录）",
    ),
    "versions.unknown": (
        "no plan version {raw}; the versions are 1 to {last} (see: pacer plan history)",
        "没有计划版本 {raw}；现有版本为 1 到 {last}（见：pacer plan history）",
    ),
    "versions.bad_number": (
        "{raw} is not a plan version; give its number, e.g. 2 (see: pacer plan history)",
        "{raw} 不是计划版本；请给出编号，例如 2（见：pacer plan history）",
    ),
    "versions.empty_reason": (
        "the reason is empty; say in a few words why the plan changed",
        "原因为空；请用几个字说明计划为何修改",
    ),
    "versions.changed_meanwhile": (
        "the plan file {path} changed while pacer read it; run the command again",
        "计划文件 {path} 在读取时被修改；请再运行一次该命令",
    ),
    "versions.read_only": (
        "the database cannot be written, so no plan version is recorded",
        "数据库不可写入，因此无法记录计划版本",
    ),
    "versions.preview": (
        "{path} is not the plan the data belongs to ({bound}), so it is only shown, never"
        " recorded; to make it the plan: pacer plan use {path}",
        "{path} 不是数据所属的计划（{bound}），只供预览，不会记录；要改用它：pacer plan use {path}",
    ),
    "versions.unreadable": (
        "(this pacer cannot read this version any more: {detail})",
        "（当前的 pacer 已无法读取这个版本：{detail}）",
    ),
    # -- plan history -----------------------------------------------------------------------------
    "versions.heading": ("Plan versions", "计划版本"),
    "versions.line": ("v{version}  {day}  {summary}", "版本{version}  {day}  {summary}"),
    "versions.current": ("(in force)", "（当前）"),
    "versions.first": ("the first plan", "第一个计划"),
    "versions.no_change": ("nothing that moves work or dates", "没有影响工作量或日期的修改"),
    "versions.changes": (
        "{n:plural(change|changes)}: {list}",
        "{n} 处修改：{list}",
    ),
    "versions.more": ("and {n} more", "等另外 {n} 处"),
    "versions.why": ("why: {reason}", "原因：{reason}"),
    "versions.no_reason": (
        "why: (not given; pacer plan why {version} TEXT)",
        "原因：（未填写；pacer plan why {version} 原因）",
    ),
    "versions.milestones": ("milestones: {list}", "里程碑：{list}"),
    "versions.milestones_same": ("milestones: none moved", "里程碑：都没有变化"),
    "versions.moved": ("{id} {before} → {after} ({days})", "{id} {before} → {after}（{days}）"),
    "versions.in_force_again": ("in force again: {days}", "再次启用：{days}"),
    "versions.diff_heading": ("from v{v1} to v{v2}", "从版本{v1}到版本{v2}"),
    "versions.diff_none": (
        "no change that moves work or dates",
        "没有影响工作量或日期的修改",
    ),
    # -- one change each ----------------------------------------------------------------------
    "versions.change.span.start": ("first day {before} → {after}", "开始日期 {before} → {after}"),
    "versions.change.span.end": ("last day {before} → {after}", "结束日期 {before} → {after}"),
    "versions.change.track_added": ("track {id} added", "新增方向 {id}"),
    "versions.change.track_removed": ("track {id} removed", "删除方向 {id}"),
    "versions.change.track_renamed": ("track {before} renamed {id}", "方向 {before} 改名为 {id}"),
    "versions.change.unit_added": ("unit {id} added ({after})", "新增单元 {id}（{after}）"),
    "versions.change.unit_removed": ("unit {id} removed ({before})", "删除单元 {id}（{before}）"),
    "versions.change.unit_renamed": ("unit {before} renamed {id}", "单元 {before} 改名为 {id}"),
    "versions.change.estimate": (
        "estimate of {id} {before} → {after}",
        "{id} 的估计 {before} → {after}",
    ),
    "versions.change.unit_due": (
        "due date of {id} {before} → {after}",
        "{id} 的截止日期 {before} → {after}",
    ),
    "versions.change.milestone_added": (
        "milestone {id} added (due {after})",
        "新增里程碑 {id}（截止 {after}）",
    ),
    "versions.change.milestone_removed": (
        "milestone {id} removed (was due {before})",
        "删除里程碑 {id}（原截止 {before}）",
    ),
    "versions.change.milestone_due": (
        "milestone {id} due {before} → {after}",
        "里程碑 {id} 截止日期 {before} → {after}",
    ),
    "versions.change.milestone_needs": (
        "milestone {id} needs {before:plural(unit|units)} → {after}",
        "里程碑 {id} 所需单元 {before} → {after} 个",
    ),
    "versions.change.template_added": ("day template {id} added", "新增日模板 {id}"),
    "versions.change.template_removed": ("day template {id} removed", "删除日模板 {id}"),
    "versions.change.block_added": ("block {id} added ({after})", "新增时间块 {id}（{after}）"),
    "versions.change.block_removed": (
        "block {id} removed ({before})",
        "删除时间块 {id}（{before}）",
    ),
    "versions.change.block_minutes": (
        "block {id} {before} → {after}",
        "时间块 {id} {before} → {after}",
    ),
    "versions.change.block_max": (
        "block {id} at most {before} → {after}",
        "时间块 {id} 上限 {before} → {after}",
    ),
    "versions.change.week_shape": (
        "week shape {id} {before} → {after}",
        "周模板 {id} {before} → {after}",
    ),
}
