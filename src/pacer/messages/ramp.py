"""Messages for a gentle first week back (`ramp:` of a kind of absence): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the plan's `absences.KIND.ramp` ----------------------------------------------------------
    "ramp.bad_share": (
        "{where}: share {raw} must be more than 0 and at most 1 (0.5 = half the minutes);"
        " write e.g. share: 0.5",
        "{where}：share {raw} 必须大于 0 且不超过 1（0.5 即一半的分钟数）；请写成 share: 0.5 这样",
    ),
    "ramp.bad_days": (
        "{where}: {raw} must be a whole number of days from 1 to 366; write e.g. {key}: 3",
        "{where}：{raw} 必须是 1 到 366 之间的整数天数；请写成 {key}: 3 这样",
    ),
    # -- today / the web's Today page -------------------------------------------------------------
    "ramp.first_days_back": (
        "first days back: lighter blocks — day {n} of {days}, work blocks at {percent} %",
        "回来后的头几天：主线块减量 — 第 {n}/{days} 天，主线块按 {percent}% 安排",
    ),
}
