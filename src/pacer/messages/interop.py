"""Messages for calendars in and out, backups and restores: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
