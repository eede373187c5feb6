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
    "renames.plan.was_twice": (
        "was: '{id}' is already given on line {line}; an old id can count for only one new id",
        "was：'{id}' 已在第 {line} 行给出；一个旧 id 只能归入一个新 id",
    ),
}
