"""Messages for the study day (plan.day_starts): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "studyday.bad_day_starts": (
        'plan.day_starts: expected a quoted time from "00:00" to "{latest}", got \'{raw}\';'
        ' write e.g. day_starts: "04:00" (before it, it is still yesterday; past noon most of'
        " the day would count for the day before)",
        'plan.day_starts：应为加引号的时间，从 "00:00" 到 "{latest}"，实际为 \'{raw}\'；'
        '例如写 day_starts: "04:00"（此时刻之前仍算前一天；晚于中午则一天的大半会算到前一天）',
    ),
}
