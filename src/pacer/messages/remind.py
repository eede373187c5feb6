"""Messages for reminders: calendar alarms and `pacer remind`: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.export.ics.no_alarms": (
        "no reminders before the blocks (default: the plan's alarm minutes)",
        "时段前不加提醒（默认：按计划的 alarm 分钟数提醒）",
    ),
}
