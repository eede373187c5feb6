"""Messages for the review that decides (issue 15): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# -- refused: what is missing ---------------------------------------------------------------
MESSAGES["review.incomplete"] = (
    "the review for {week} is not complete; nothing was saved.{parts}",
    "{week} 的周复盘还不完整，没有保存。{parts}",
)
MESSAGES["review.part_wrong"] = (" To correct:{items}", "需要改正：{items}")
MESSAGES["review.part_missing"] = (" Missing:{items}", "缺少：{items}")
MESSAGES["review.hint_answers"] = (
    "Answer each prompt, and decide each milestone under decisions: in the answers, e.g."
    " decisions: {ID: keep}, {ID: {catchup: N}} (the options of 'pacer catchup ID') or"
    " {ID: {move: YYYY-MM-DD, reason: TEXT}}",
    "请回答每个提问，并在回答的 decisions: 下为每个里程碑做决定，如"
    " decisions: {ID: keep}、{ID: {catchup: N}}（'pacer catchup ID' 列出的选项）或"
    " {ID: {move: YYYY-MM-DD, reason: 原因}}",
)
MESSAGES["review.hint_terminal"] = (
    "Run '{command}' again to answer each prompt marked (required) and decide each milestone"
    " listed.",
    "请再次运行 '{command}'，回答标有（必答）的提问，并为列出的每个里程碑做决定。",
)
MESSAGES["review.missing_answer"] = ("an answer to {id}: {text}", "回答 {id}：{text}")
MESSAGES["review.missing_moved"] = (
    "a decision for {id} ({title}): projected {before} → {after} this week, due {due}",
    "对 {id}（{title}）的决定：本周预计完成日 {before} → {after}，截止 {due}",
)
MESSAGES["review.missing_past_due"] = (
    "a decision for {id} ({title}): due {due} has passed with units still to do"
    " (projected {after})",
    "对 {id}（{title}）的决定：截止 {due} 已过，仍有单元未完成（预计 {after}）",
)

# -- refused: a decision that cannot be recorded ----------------------------------------------
MESSAGES["review.bad_decision"] = (
    "the decision for {id} must be keep, catchup N, {{catchup: N}} or"
    " {{move: YYYY-MM-DD, reason: TEXT}}",
    "{id} 的决定必须是 keep、catchup N、{{catchup: N}} 或 {{move: YYYY-MM-DD, reason: 原因}}",
)
MESSAGES["review.decision_not_needed"] = (
    "{id} did not slip in {week}: there is nothing to decide for it (to decide: {ids})",
    "{id} 在 {week} 没有推迟，无需决定（需要决定的：{ids}）",
)
MESSAGES["review.decision_made"] = (
    "{id} already has a decision in the review of {week}; 'pacer catchup --list' shows what"
    " it recorded",
    "{id} 在 {week} 的周复盘中已有决定；'pacer catchup --list' 可查看记录的内容",
)
MESSAGES["review.move_needs_reason"] = (
    "moving the due date of {id} needs a reason: {{move: YYYY-MM-DD, reason: TEXT}}",
    "修改 {id} 的截止日期需要说明原因：{{move: YYYY-MM-DD, reason: 原因}}",
)
MESSAGES["review.move_not_later"] = (
    "the new due date of {id} ({new}) must be after its due date {due}",
    "{id} 的新截止日期（{new}）必须晚于当前截止日期 {due}",
)
MESSAGES["review.answer_problem"] = ("the answer to {id}: {problem}", "{id} 的回答：{problem}")
MESSAGES["review.metric_answer"] = (
    "the answer to {id} is a value of the metric {metric}: {problem}",
    "{id} 的回答是指标 {metric} 的数值：{problem}",
)

# -- filled in, shown -------------------------------------------------------------------------
MESSAGES["review.prefill_track"] = (
    "{title}: {done} done of {planned} planned",
    "{title}：完成 {done}，计划 {planned}",
)
MESSAGES["review.prefill_habit"] = ("{title}: {kept}", "{title}：{kept}")
MESSAGES["review.decisions"] = ("Decisions", "决定")
MESSAGES["review.decided_keep"] = ("keep", "保持不变")
MESSAGES["review.decided_move"] = ("due date moved to {due}", "截止日期改为 {due}")
MESSAGES["review.decided_catchup"] = (
    "catch-up option {n} ({kind}, recorded as choice {id})",
    "追赶选项 {n}（{kind}，记录为选择 {id}）",
)
MESSAGES["review.today_lead"] = (
    "first: the weekly review for {week} — answer its prompts and decide each milestone that"
    " slipped: run 'pacer review'",
    "先做 {week} 的周复盘：回答提问，并为每个推迟的里程碑做决定。运行 'pacer review'",
)

# -- asked on the terminal --------------------------------------------------------------------
MESSAGES["review.ask_prefilled"] = (
    "pacer filled this in (an empty line keeps it):",
    "pacer 已预填（空行保留）：",
)
MESSAGES["review.ask_decide"] = (
    "Decide each milestone that slipped: keep, catchup N (an option below), or"
    " move YYYY-MM-DD REASON.",
    "为每个推迟的里程碑做决定：keep、catchup N（下列选项之一）或 move YYYY-MM-DD 原因。",
)
MESSAGES["review.ask_required_mark"] = (" (required)", "（必答）")
MESSAGES["review.ask_required"] = (
    "an answer is required here: write at least one line",
    "此问必答：请至少写一行",
)
MESSAGES["review.ask_move_reason"] = (
    "moving the due date of {id} needs a reason: {typed} REASON",
    "修改 {id} 的截止日期需要说明原因：{typed} 原因",
)
MESSAGES["review.ask_option"] = ("option {n}: {what}", "选项 {n}：{what}")
MESSAGES["review.ask_again"] = (
    "not understood: write keep, catchup N or move YYYY-MM-DD REASON",
    "无法理解：请写 keep、catchup N 或 move YYYY-MM-DD 原因",
)

MESSAGES["table.review_decisions"] = ("review decisions", "复盘决定")

# -- the web form -----------------------------------------------------------------------------
MESSAGES["web.review.incomplete"] = (
    "Not saved: the review is not complete. Missing:",
    "未保存：周复盘还不完整。缺少：",
)
MESSAGES["web.review.wrong"] = (
    "Not saved: the review is not complete. To correct:",
    "未保存：周复盘还不完整。需要改正：",
)
MESSAGES["web.review.also_missing"] = ("Missing:", "缺少：")
MESSAGES["web.review.decide"] = ("Decide", "决定")
MESSAGES["web.review.decide_none"] = ("— choose —", "— 请选择 —")
MESSAGES["web.review.keep"] = ("keep as it is", "保持不变")
MESSAGES["web.review.move"] = ("move the due date", "修改截止日期")
MESSAGES["web.review.new_due"] = ("new due date", "新截止日期")
MESSAGES["web.review.reason"] = ("reason", "原因")
MESSAGES["web.review.due_on"] = ("due {due}", "截止 {due}")
MESSAGES["web.review.slipped"] = ("Milestones to decide", "需要决定的里程碑")
MESSAGES["web.review.lead"] = (
    "First: the weekly review for {week}.",
    "先做 {week} 的周复盘。",
)
