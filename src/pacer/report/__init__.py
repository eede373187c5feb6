"""Reports: summaries of a week, month or year, with charts (matplotlib, imported here only)."""
