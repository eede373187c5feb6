"""Messages for `pacer plan import` (a plan from Markdown): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.plan.import": (
        "draft a plan from a Markdown plan (months, tracks, week tables, templates)",
        "从 Markdown 计划生成计划草稿（月份、方向、周表、模板）",
    ),
    "help.plan.import.markdown": ("the Markdown file", "Markdown 文件"),
    "help.plan.import.output": (
        "write the draft to FILE (default: print it)",
        "把草稿写入 FILE（默认：直接打印）",
    ),
    "mdimport.header": (
        "drafted by 'pacer plan import' from {source}",
        "由 'pacer plan import' 从 {source} 生成的草稿",
    ),
    "mdimport.header_check": (
        "check each line marked 'guess:', then run 'pacer plan check'",
        "请核对每一行标有 'guess:' 的内容，再运行 'pacer plan check'",
    ),
    "mdimport.written": (
        "wrote {path}: {months:plural(month|months)}, {tracks:plural(track|tracks)}, {curricula:plural(curriculum|curricula)} ({units:plural(unit|units)}), {phases:plural(phase|phases)}; check the lines marked '# guess:'",
        "已写入 {path}：{months} 个月、{tracks} 个方向、{curricula} 门课程（{units} 个单元）、{phases} 个阶段；请核对标有 '# guess:' 的行",
    ),
    "mdimport.no_plan": (
        "{path}: found no plan in it: no month heading (like '## 2026.03' or '## March 2026'), table of weeks or table of phases; see docs/markdown-import.md",
        "{path}：其中没有找到计划：没有月份标题（如 '## 2026.03' 或 '## March 2026'）、周表或阶段表；见 docs/markdown-import.md",
    ),
    "mdimport.not_utf8": (
        "{path} is not UTF-8 text (at byte offset {offset}); save it as UTF-8 and import it again",
        "{path} 不是 UTF-8 文本（字节偏移 {offset} 处）；请另存为 UTF-8 后再导入",
    ),
    "mdimport.too_large": (
        "{path} is over 1 MiB; a plan in Markdown is far smaller: is it the right file?",
        "{path} 超过 1 MiB；Markdown 计划远小于此：文件选对了吗？",
    ),
    "mdimport.draft_invalid": (
        "the draft of {path} did not pass 'pacer plan check' ({problem}); please report it",
        "{path} 生成的草稿未通过 'pacer plan check'（{problem}）；请报告此问题",
    ),
    # -- the `# guess:` comments of the draft -------------------------------------------------
    "mdimport.guess.start": (
        "the first day of the first month found ({month})",
        "找到的第一个月（{month}）的第一天",
    ),
    "mdimport.guess.end": (
        "the last day of the last month found ({month})",
        "找到的最后一个月（{month}）的最后一天",
    ),
    "mdimport.guess.plan_id": ("made from the title", "由标题生成"),
    "mdimport.guess.title": ("the first heading", "第一个一级标题"),
    "mdimport.guess.timezone_zh": (
        "the zone of a plan written in Chinese; yours?",
        "中文计划的常用时区；是你的吗？",
    ),
    "mdimport.guess.timezone_en": (
        "no zone in the document; write yours (e.g. Europe/Berlin)",
        "文档中没有时区；请写上你的（如 Europe/Berlin）",
    ),
    "mdimport.guess.locale": ("the language of the headings", "标题所用的语言"),
    "mdimport.guess.country_zh": (
        "China's public holidays and makeup workdays (调休)",
        "中国的法定节假日与调休",
    ),
    "mdimport.guess.country_en": (
        "no public holidays; name your country (e.g. DE) to have them",
        "不计法定节假日；写上国家代码（如 DE）即可计入",
    ),
    "mdimport.guess.review_day": (
        "the day whose template has the review",
        "模板中有周复盘的那一天",
    ),
    "mdimport.guess.track_general": (
        "the items under no track heading",
        "不在任何方向标题下的条目",
    ),
    "mdimport.guess.track_table": (
        "a track named after the section of a table of weeks",
        "以周表所在章节命名的方向",
    ),
    "mdimport.guess.unit_minutes": ("a default estimate", "默认估计"),
    "mdimport.guess.week_minutes": (
        "a default estimate for one week's row",
        "每周一行的默认估计",
    ),
    "mdimport.guess.table_track": (
        "the track its headings name",
        "标题中提到的方向",
    ),
    "mdimport.guess.window_heading": (
        "the months its heading names, in {year}",
        "标题中的月份，按 {year} 年",
    ),
    "mdimport.guess.window_weeks": (
        "no months named: {weeks:plural(week|weeks)} from the plan's first month",
        "未写月份：从计划第一个月起 {weeks} 周",
    ),
    "mdimport.guess.window_clamped": (
        "the document says {start} to {end}; cut to the plan's months",
        "文档写的是 {start} 至 {end}；已截到计划的月份内",
    ),
    "mdimport.guess.phase_year": (
        "the table names months without a year: the plan's year",
        "表中月份没有年份：按计划的年份",
    ),
    "mdimport.guess.phase_clamped": (
        "the table says {start} to {end}; cut to the plan's months",
        "表中写的是 {start} 至 {end}；已截到计划的月份内",
    ),
    "mdimport.guess.block_ritual": ("a review, by its title", "按标题判断为复盘"),
    "mdimport.guess.block_habit": (
        "a daily habit, as its title names one track",
        "标题只提到一个方向，视为习惯",
    ),
    "mdimport.guess.block_work_tracks": (
        "work for the tracks its title names",
        "标题提到的几个方向的工作时段",
    ),
    "mdimport.guess.block_work": ("work for any track", "任意方向的工作时段"),
    "mdimport.guess.days_filled": (
        "the document does not say what {days} hold: {template}",
        "文档未写 {days} 的安排：用 {template}",
    ),
    "mdimport.guess.template_default": (
        "the document gives no minutes for these days: a default",
        "文档未给出这些天的分钟数：使用默认模板",
    ),
}
