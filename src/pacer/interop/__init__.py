"""Exchange with other tools: Hexo Markdown drafts (and later iCalendar, JSON backups)."""
