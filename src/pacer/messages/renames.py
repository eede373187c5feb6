"""Messages for renames (`was:` in the plan, orphans in `doctor`): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the plan file --------------------------------------------------------------------------
    "renames.plan.was_self": (
        "was: '{id}' is this id itself; list only the ids it had before",
        "was：'{id}' 就是它自己的 id；只列出改名前用过的 id",
    ),
    "renames.plan.was_current": (
        "was: '{id}' is the id of a {kind} the plan has now; an old id must name nothing"
        " current (remove it from 'was', or rename that {kind})",
        "was：'{id}' 是计划中现有{kind}的 id；旧 id 不能与现有 id 相同（从 'was' 中删去，"
        "或给那个{kind}改名）",
    ),
    # -- logging by an old id ---------------------------------------------------------------
    "renames.log.now": (
        "{old} is now {new} (was: in the plan)",
        "{old} 已改名为 {new}（见计划中的 was:）",
    ),
    "renames.plan.was_twice": (
        "was: '{id}' is already given on line {line}; an old id can count for only one new id",
        "was：'{id}' 已在第 {line} 行给出；一个旧 id 只能归入一个新 id",
    ),
}
MESSAGES.update(
    {
        # -- pacer doctor -------------------------------------------------------------------
        "help.doctor.accept_orphans": (
            "record that the log's ids the plan no longer has are meant to be so (doctor"
            " then stops counting them)",
            "记下计划中已没有的记录 id 是有意为之（之后 doctor 不再把它们算作问题）",
        ),
        "renames.doctor.orphans": (
            "{n:plural(id|ids)} in the log the plan no longer has; if renamed, add the `was:`"
            " line below to the plan, else 'pacer doctor --accept-orphans'",
            "记录中有 {n} 个计划已没有的 id；若是改名，请把下面的 'was:' 行加入计划，"
            "否则运行 'pacer doctor --accept-orphans'",
        ),
        "renames.doctor.accepted": (
            "{n:plural(id|ids)} in the log the plan no longer has, accepted as intended",
            "记录中有 {n} 个计划已没有的 id，已确认为有意为之",
        ),
        "renames.heading": (
            "Likely renames (the history of an old id counts once its new id says `was:`):",
            "可能的改名（新 id 写上 'was:' 后，旧 id 的记录即归入新 id）：",
        ),
        "renames.closest": (
            "add `{was}` to {kind} {id} ({where})",
            "给{kind} {id} 加上 '{was}'（{where}）",
        ),
        "renames.same_title": (
            "add `{was}` to {kind} {id}, which has its title ({where})",
            "给{kind} {id}（标题相同）加上 '{was}'（{where}）",
        ),
        "renames.where": ("{file} line {line}", "{file} 第 {line} 行"),
        "renames.where_builtin": (
            "the built-in plan: 'pacer init' writes a copy to edit",
            "内置计划：用 'pacer init' 写出一份副本再编辑",
        ),
        "renames.no_guess": (
            "no likely rename in the plan",
            "计划中找不到可能的新 id",
        ),
        "renames.or_accept": (
            "not renamed? 'pacer doctor --accept-orphans' records them as intended",
            "并非改名？'pacer doctor --accept-orphans' 会把它们记为有意为之",
        ),
        "renames.accepted": (
            "accepted {n:plural(orphan id|orphan ids)} as intended: {ids}",
            "已确认 {n} 个孤立 id 为有意为之：{ids}",
        ),
        "renames.accepted_none": (
            "no orphan ids left to accept",
            "没有需要确认的孤立 id",
        ),
        "table.accepted_orphans": ("accepted orphans", "已确认的孤立 id"),
    }
)
