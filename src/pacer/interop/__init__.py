"""Exchange with other tools: Hexo Markdown drafts and iCalendar files."""
