"""Messages for data bound to its plan (issue 14, item 5): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "binding.other_plan": (
        "this data belongs to the plan {bound_id} ({bound_title}), but the plan in force is"
        " {plan_id} ({title}); nothing can be written until you choose: pacer plan use {path}",
        "这些数据属于计划 {bound_id}（{bound_title}），但当前使用的是计划 {plan_id}（{title}）；"
        "在你选定计划之前不能写入：pacer plan use {path}",
    ),
    "binding.path": ("PATH (the plan file to use)", "<计划文件>"),
    "binding.path_known": ("{path} (or the plan file you mean)", "{path}（或你要用的计划文件）"),
    "binding.refused": (
        "not written: this data belongs to the plan {bound_id} ({bound_title}), but the plan"
        " in force is {plan_id} ({title}); first type pacer plan use {path}",
        "未写入：这些数据属于计划 {bound_id}（{bound_title}），但当前使用的是计划 {plan_id}"
        "（{title}）；请先输入 pacer plan use {path}",
    ),
    "binding.plan_restored": (
        "restored the plan file {path} from the export (there was none)",
        "已从导出文件恢复计划文件 {path}（原先没有）",
    ),
    "binding.plan_file_restored": (
        "restored the plan file {path} from the database, whose data belongs to {plan_id}"
        " ({title}); there was none",
        "已从数据库恢复计划文件 {path}：数据属于计划 {plan_id}（{title}），原先没有计划文件",
    ),
    # `pacer import json`: the plan versions an export carries
    "import.version_digest": (
        "{path}: '{field}' is not the plan its digest names (edited by hand?);"
        " nothing was imported",
        "{path}：'{field}' 与其摘要所指的计划不符（手工改过？）；没有导入任何内容",
    ),
    "import.version_twice": (
        "{path}: '{field}' is the same plan as version {other}; each plan is stored once;"
        " nothing was imported",
        "{path}：'{field}' 与版本 {other} 是同一份计划；每份计划只存一次；没有导入任何内容",
    ),
    "import.in_force_unknown": (
        "{path}: '{field}' names version {version}, which 'plan.versions' does not hold;"
        " nothing was imported",
        "{path}：'{field}' 指向版本 {version}，但 'plan.versions' 中没有它；没有导入任何内容",
    ),
    # `pacer doctor`: a heading line like "Plan      …" (ten columns, then the value)
    "binding.doctor": ("Data of   {plan_id} ({title})", "数据属于  {plan_id}（{title}）"),
    "binding.doctor_none": (
        "Data of   no plan yet (the first write records the plan in force)",
        "数据属于  尚无计划（第一次写入时记下当前计划）",
    ),
}
