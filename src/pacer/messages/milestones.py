"""Messages for milestone checks, metrics and blog notes: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- milestone states beside done / on track / at risk / late ------------------------------
    "state.met": ("met", "已达成"),
    "state.missed": ("missed", "未达成"),
    "state.accept_open": ("done, acceptance open", "已完成，待验收"),
    "state.met_open": ("met, open units: {n}", "已达成，未完成单元：{n}"),
    # -- pacer milestone ------------------------------------------------------------------------
    "milestone.heading": ("Milestones at the end of {day}", "{day} 的里程碑"),
    "milestone.criteria_col": ("Criteria", "验收"),
    "milestone.moved_note": (
        "* due date moved by a recorded catch-up choice (pacer catchup --list)",
        "* 截止日期已被记录的追赶方案修改（pacer catchup --list）",
    ),
    "milestone.due": ("due {due}", "截止 {due}"),
    "milestone.due_moved": (
        "due {due} (moved from {original})",
        "截止 {due}（原为 {original}）",
    ),
    "milestone.projected": (
        "projected {projected} ({slip}) · {state} (at the end of {day})",
        "预计 {projected}（{slip}）· {state}（截至 {day}）",
    ),
    "milestone.units": ("Units: {done} of {total} done", "单元：{done}/{total} 已完成"),
    "milestone.unit_done": ("done {day}", "{day} 完成"),
    "milestone.unit_covered": ("covered by the baseline", "基线已覆盖"),
    "milestone.unit_deferred": ("deferred (catch-up choice)", "已推迟（追赶方案）"),
    "milestone.unit_projected": ("projected {day}", "预计 {day}"),
    "milestone.criteria": (
        "Criteria: {checked} of {total} checked",
        "验收标准：{checked}/{total} 已勾选",
    ),
    "milestone.met_open_units": (
        "met by its acceptance; units still open: {units}",
        "验收已通过；仍未完成的单元：{units}",
    ),
    "milestone.no_criteria_met_by_units": (
        "no acceptance criteria: met when its units are done",
        "没有验收标准：单元全部完成即达成",
    ),
    "milestone.no_criteria": (
        "milestone '{id}' has no acceptance criteria to check",
        "里程碑 '{id}' 没有可勾选的验收标准",
    ),
    "criterion.unknown": (
        "milestone '{milestone}' has no criterion '{id}'; its criteria: {choices}",
        "里程碑 '{milestone}' 没有验收标准 '{id}'；可选：{choices}",
    ),
    "criterion.unknown_hint": (
        "milestone '{milestone}' has no criterion '{id}'; did you mean '{hint}'?",
        "里程碑 '{milestone}' 没有验收标准 '{id}'；是不是 '{hint}'？",
    ),
    "criterion.needs_evidence": (
        "checking a criterion needs evidence: --evidence TEXT_OR_URL",
        "勾选验收标准需要证据：--evidence 文本或链接",
    ),
    "criterion.evidence_one_line": (
        "evidence is one line: a URL or a short text",
        "证据只能是一行：一个链接或一句话",
    ),
    "criterion.future": (
        "{day} is in the future; a criterion is checked on the day it was met",
        "{day} 还没到；验收标准在达成当天勾选",
    ),
    "criterion.not_checked": (
        "criterion '{id}' of '{milestone}' is not checked",
        "'{milestone}' 的验收标准 '{id}' 尚未勾选",
    ),
    "criterion.checked": (
        "checked {milestone}/{id} on {day}: {checked} of {total:plural(criterion|criteria)} checked",
        "已勾选 {milestone}/{id}（{day}）：{checked}/{total} 项验收标准已勾选",
    ),
    "criterion.checked_again": (
        "checked {milestone}/{id} again on {day} (evidence replaced): {checked} of {total:plural(criterion|criteria)} checked",
        "重新勾选 {milestone}/{id}（{day}，证据已替换）：{checked}/{total} 项验收标准已勾选",
    ),
    "criterion.all_checked": (
        "{milestone} is met: every criterion is checked",
        "{milestone} 已达成：全部验收标准已勾选",
    ),
    "criterion.unchecked": (
        "unchecked {milestone}/{id}: {checked} of {total:plural(criterion|criteria)} checked",
        "已取消勾选 {milestone}/{id}：{checked}/{total} 项验收标准已勾选",
    ),
    # -- pacer metric ---------------------------------------------------------------------------
    "metric.none_in_plan": ("the plan has no metrics", "计划里没有指标"),
    "metric.unknown": (
        "unknown metric '{id}'; the plan's metrics: {choices}",
        "未知指标 '{id}'；计划中的指标：{choices}",
    ),
    "metric.unknown_hint": (
        "unknown metric '{id}'; did you mean '{hint}'?",
        "未知指标 '{id}'；是不是 '{hint}'？",
    ),
    "metric.bad_value": (
        "'{raw}' is not a number; write e.g. 55 or 55%",
        "'{raw}' 不是数字；请写成 55 或 55% 这样的形式",
    ),
    "metric.recorded": (
        "recorded {id} = {value} on {day}; {verdict}",
        "已记录 {id} = {value}（{day}）；{verdict}",
    ),
    "metric.on_track": (
        "on track: {by} ahead of the road ({expected})",
        "正常：比路线（{expected}）超前 {by}",
    ),
    "metric.on_road": (
        "on track: right on the road ({expected})",
        "正常：正好在路线上（{expected}）",
    ),
    "metric.behind": (
        "behind: {by} short of the road ({expected})",
        "落后：比路线（{expected}）差 {by}",
    ),
    "metric.no_values": ("no values recorded yet", "还没有记录"),
    "metric.latest": ("latest {value} on {day}", "最新 {value}（{day}）"),
    "metric.road_today": ("the road on {day}: {value}", "{day} 的路线值：{value}"),
    "metric.next_target": ("next target: {value} by {day}", "下一个目标：{day} 前达到 {value}"),
    "metric.no_next_target": ("no target ahead", "前面没有目标了"),
    "metric.higher_better": ("higher is better", "越高越好"),
    "metric.lower_better": ("lower is better", "越低越好"),
    "metric.targets": ("Targets: {targets}", "目标：{targets}"),
    "metric.by": ("{value} by {day}", "{day} 前 {value}"),
    "metric.on": ("{value} on {day}", "{day} {value}"),
    "metric.road": ("Road: {road}, then flat", "路线：{road}，之后持平"),
    "metric.values": ("Values", "记录"),
    "metric.road_at": ("road {value}", "路线 {value}"),
    # -- pacer note -----------------------------------------------------------------------------
    "note.added": ("note {id} for {post} on {day}", "已记录素材 {id}：{post}（{day}）"),
    "note.none": ("no notes yet", "还没有素材"),
    "note.none_for": ("no notes for {post} yet", "{post} 还没有素材"),
    "note.empty": ("a note needs some text", "素材不能为空"),
    "note.needs_text": (
        "write the note: pacer note TEXT --for POST (or --list)",
        "请写上素材：pacer note 文本 --for 文章（或 --list）",
    ),
    "note.needs_post": (
        "say which post it is for: --for POST (e.g. --for {example})",
        "请指明是哪篇文章的素材：--for 文章（如 --for {example}）",
    ),
    "note.list_takes_no_text": (
        "--list shows notes; it takes no TEXT",
        "--list 只列出素材，不接受文本",
    ),
    "post.none_in_plan": (
        "the plan has no blog posts; mark a curriculum as one with post: true",
        "计划里没有博客文章；在课程中写上 post: true 即可把它标为一篇文章",
    ),
    "post.unknown": (
        "unknown post '{id}'; the plan's posts: {choices}",
        "未知文章 '{id}'；计划中的文章：{choices}",
    ),
    "post.unknown_hint": (
        "unknown post '{id}'; did you mean '{hint}'?",
        "未知文章 '{id}'；是不是 '{hint}'？",
    ),
    # -- pacer export hexo ----------------------------------------------------------------------
    "export.written": (
        "wrote {path} ({units:plural(unit|units)}, {notes:plural(note|notes)})",
        "已写入 {path}（{units} 个单元，{notes} 条素材）",
    ),
    "export.exists": (
        "{path} already exists; add --force to replace it",
        "{path} 已存在；加 --force 才会替换它",
    ),
    "export.choose": (
        "say what to export: pacer export hexo POST, json or ics (see 'pacer export --help')",
        "请指明导出什么：pacer export hexo 文章、json 或 ics（见 'pacer export --help'）",
    ),
    "export.not_dir": (
        "{path} is not a folder; -o takes the folder to write the draft in",
        "{path} 不是文件夹；-o 后面写草稿所在的文件夹",
    ),
    "export.is_dir": ("{path} is a directory", "{path} 是一个目录"),
    # -- the Hexo draft (in the plan's language) ------------------------------------------------
    "hexo.outline": ("Outline", "提纲"),
    "hexo.due": (" (due {due})", "（截止 {due}）"),
    "hexo.keywords": ("Keywords: {keywords}", "关键词：{keywords}"),
    "hexo.item": ("{track}: {item}", "{track}：{item}"),
    "hexo.no_items": ("(nothing listed for this month)", "（本月没有列出事项）"),
    "hexo.material": ("Material", "素材"),
    "hexo.no_material": (
        "No material yet: pacer note TEXT --for {post}",
        "还没有素材：pacer note 文本 --for {post}",
    ),
}
