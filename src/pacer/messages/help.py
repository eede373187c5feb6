"""Messages of the command line's help and usage errors: key -> (English, 中文).

The help.* texts are argparse help strings, which argparse %-formats: a literal % is
written %%. The argparse.* entries are argparse's own words; their English is argparse's
msgid, exactly, for pacer.cli to find them by (see pacer.cli._argparse_zh).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pacer and its global options -----------------------------------------------------------
    "help.pacer": ("Keeps a year-long study plan on pace.", "让一整年的学习计划按节奏推进。"),
    "help.version": ("show program's version number and exit", "显示程序版本号并退出"),
    "help.opt.plan": ("plan YAML file", "计划 YAML 文件"),
    "help.opt.db": ("SQLite database", "SQLite 数据库"),
    "help.opt.lang": ("interface language", "界面语言"),
    "help.opt.json": ("machine-readable output", "机器可读的输出（JSON）"),
    "help.opt.date": (
        "YYYY-MM-DD, today, yesterday or tomorrow (default: today)",
        "YYYY-MM-DD、'today'、'yesterday' 或 'tomorrow'（默认：今天）",
    ),
    # -- today, week ----------------------------------------------------------------------------
    "help.today": ("what to do today", "今天做什么"),
    "help.week": ("the seven days of an ISO week", "一个 ISO 周的七天"),
    # -- log, done, undo ------------------------------------------------------------------------
    "help.log": ("log minutes for a unit, a habit or review", "为单元、习惯或复盘记录分钟数"),
    "help.log.minutes": ("45, 45m, 1h, 1.5h or 1h30", "45、45m、1h、1.5h 或 1h30"),
    "help.log.target": (
        "a unit id, a habit's track id, or review",
        "单元 id、习惯所属方向的 id 或 review",
    ),
    "help.log.note": ("what you did", "做了什么"),
    "help.trip.note": ("where, or why (e.g. 深圳出差)", "去哪里或为什么（如：深圳出差）"),
    "help.report.period": (
        "week, month or year (the one holding --date)",
        "week、month 或 year（包含 --date 的那一个）",
    ),
    "help.report.format": (
        "text (default), md (Markdown) or html",
        "text（默认）、md（Markdown）或 html",
    ),
    "help.done": ("mark a unit finished", "把单元标记为完成"),
    "help.done.unit": ("unit id", "单元 id"),
    "help.done.minutes": ("minutes spent in this last session", "最后这一次用了多少分钟"),
    "help.undo": (
        "undo the last change: an entry, a metric value or a note, added, edited or removed",
        "撤销最近一次改动：记录、指标数值或素材的添加、修改或删除",
    ),
    # -- trip -----------------------------------------------------------------------------------
    "help.trip": ("business trips", "出差"),
    "help.trip.add": ("add a trip (dates inclusive)", "添加出差（包含起止两天）"),
    "help.trip.add.start": ("first day YYYY-MM-DD", "第一天 YYYY-MM-DD"),
    "help.trip.add.end": ("last day YYYY-MM-DD", "最后一天 YYYY-MM-DD"),
    "help.trip.list": ("list trips", "列出出差"),
    "help.trip.rm": ("remove a trip", "删除一次出差"),
    "help.trip.rm.id": ("trip id (see trip list)", "出差 id（见 trip list）"),
    "help.trip.import": (
        "trips from a calendar file (.ics), again changes nothing",
        "从日历文件（.ics）导入出差；重复导入不会改动任何内容",
    ),
    "help.trip.import.file": ("an iCalendar file", "iCalendar 文件"),
    "help.trip.import.match": (
        "an event is a trip when its summary has this word (WORD=KIND: an absence of that"
        " kind); repeat for more (default: 出差, trip, travel)",
        "标题含有这个词的日程算作出差（WORD=KIND：算作该类型的缺勤）；可重复给出多个"
        "（默认：出差、trip、travel）",
    ),
    # -- init, plan -----------------------------------------------------------------------------
    "help.init": (
        "write an editable plan to start from (default: a copy of the 2026 plan)",
        "写出一份可编辑的起始计划（默认：2026 计划的副本）",
    ),
    "help.init.template": (
        "blank (an English skeleton), example (an English plan of a shift worker),"
        " seed-2026 (the built-in plan)",
        "blank（英文空白骨架）、example（一位轮班工作者的英文计划）、seed-2026（内置计划）",
    ),
    "help.plan.use": (
        "check a plan file and make it the plan in force (the old one is kept as a dated copy)",
        "校验计划文件并设为当前计划（旧计划另存为带日期的副本）",
    ),
    "help.plan.use.path": ("the plan file to use", "要使用的计划文件"),
    "help.init.path": ("where (default: the data directory)", "写到哪里（默认：数据目录）"),
    "help.plan": ("check or show the plan", "检查或查看计划"),
    "help.plan.check": ("validate a plan file", "校验计划文件"),
    "help.plan.check.path": (
        "plan file (default: the plan in force)",
        "计划文件（默认：当前生效的计划）",
    ),
    "help.plan.show": ("phases, months and tracks", "阶段、月计划和方向"),
    "help.plan.timeline": ("planned vs projected, week by week", "逐周对比计划与预计"),
    # -- status, catchup ------------------------------------------------------------------------
    "help.status": (
        "tracks and milestones: planned, done, projected",
        "方向与里程碑：计划、已完成、预计",
    ),
    "help.catchup": (
        "options that make a late milestone earlier",
        "为延误的里程碑给出能让它提前的追赶方案",
    ),
    "help.catchup.milestone": (
        "milestone id (default: the most late one)",
        "里程碑 id（默认：延误最多的那个）",
    ),
    "help.catchup.apply": ("record option N", "记录第 N 个方案"),
    "help.catchup.reason": ("why (required to move a due date)", "原因（修改截止日期时必填）"),
    "help.catchup.list": ("show recorded choices", "列出已记录的方案"),
    "help.catchup.drop": ("undo a recorded choice", "撤销一个已记录的方案"),
    # -- milestone ------------------------------------------------------------------------------
    "help.milestone": ("milestones and acceptance criteria", "里程碑与验收标准"),
    "help.milestone.list": (
        "every milestone: due, projected, status",
        "全部里程碑：截止日期、预计完成、状态",
    ),
    "help.milestone.show": ("one milestone: units and criteria", "单个里程碑：单元与验收标准"),
    "help.milestone.id": ("milestone id", "里程碑 id"),
    "help.milestone.check": (
        "check a criterion off (or back on)",
        "勾选一条验收标准（或取消勾选）",
    ),
    "help.milestone.check.criterion": (
        "criterion id (see milestone show)",
        "验收标准 id（见 milestone show）",
    ),
    "help.milestone.check.evidence": ("what proves it (a URL or text)", "证明材料（URL 或文字）"),
    "help.milestone.check.uncheck": ("take the check back", "撤销勾选"),
    "help.milestone.check.date": (
        "the day it was met (default: today)",
        "达成的日期（默认：今天）",
    ),
    # -- metric ---------------------------------------------------------------------------------
    "help.metric": ("self-reported numbers and their targets", "自己记录的指标数值及其目标"),
    "help.metric.add": ("record a value", "记录一个数值"),
    "help.metric.add.id": ("metric id (see metric list)", "指标 id（见 metric list）"),
    "help.metric.add.value": ("a number, e.g. 55 or 55%%", "一个数，如 55 或 55%%"),
    "help.metric.add.note": ("how it was measured", "是怎样测得的"),
    "help.metric.list": (
        "every metric: latest value and the road",
        "全部指标：最新数值与目标路线",
    ),
    "help.metric.show": (
        "one metric: values over time, the road",
        "单个指标：历次数值与目标路线",
    ),
    "help.metric.show.id": ("metric id", "指标 id"),
    # -- note -----------------------------------------------------------------------------------
    "help.note": ("material for a blog post (博客素材)", "博客文章的素材"),
    "help.note.text": ("the material (quote it)", "素材内容（请加引号）"),
    "help.note.post": (
        "the post's id (a curriculum marked post: true in the plan)",
        "哪篇文章：文章的 id（计划中标有 post: true 的课程）",
    ),
    "help.note.list": (
        "show the notes (of POST with --for)",
        "列出素材（加 --for 时只列 POST 的）",
    ),
    # -- export ---------------------------------------------------------------------------------
    "help.export": ("write files for other tools", "为其他工具写出文件"),
    "help.export.hexo": ("a Hexo Markdown draft of a blog post", "博客文章的 Hexo Markdown 草稿"),
    "help.export.hexo.post": (
        "the post's id (a curriculum marked post: true in the plan)",
        "哪篇文章：文章的 id（计划中标有 post: true 的课程）",
    ),
    "help.export.hexo.output": ("folder (default: .)", "文件夹（默认：.）"),
    "help.export.hexo.force": ("replace an existing draft", "覆盖已有的草稿"),
    "help.output.force": (
        "replace files that already exist (without it, pacer refuses and writes nothing)",
        "替换已存在的文件（不加时 pacer 拒绝执行，什么也不写）",
    ),
    "help.export.json": (
        "everything in the database, for 'pacer import json'",
        "数据库中的全部数据，供 'pacer import json' 使用",
    ),
    "help.export.ics": (
        "the coming days' blocks and trips as an iCalendar file",
        "把接下来几天的时段和出差导出为 iCalendar 文件",
    ),
    "help.export.ics.days": (
        "how many days from today (default: 28)",
        "从今天起导出多少天（默认：28）",
    ),
    "help.export.output": (
        "write FILE (default: standard output)",
        "写入 FILE（默认：标准输出）",
    ),
    # -- report, review -------------------------------------------------------------------------
    "help.report": ("a week, month or year: summary and charts", "一周、一月或一年的总结与图表"),
    "help.report.output": (
        "a folder (or file) to write; charts beside it",
        "写入的文件夹（或文件）；图表放在它旁边",
    ),
    "help.review": (
        "the weekly review: the week's facts and your answers",
        "周复盘：本周的事实与你的回答",
    ),
    "help.review.list": ("the weeks reviewed and the streak", "已复盘的周与连续复盘的周数"),
    "help.review.show": ("print or export one stored review", "显示或导出一份已保存的复盘"),
    "help.review.week": (
        "ISO week, e.g. 2026-W10 (default: the week that is due)",
        "ISO 周，如 2026-W10（默认：该复盘的那一周）",
    ),
    "help.review.answers": (
        "answers as YAML or JSON (prompt id: text); - for stdin",
        "YAML 或 JSON 格式的回答（问题 id: 文字）；- 表示从标准输入读取",
    ),
    "help.review.edit": ("change a review already written", "修改已写好的复盘"),
    "help.review.format": (
        "--show: text, md (Markdown) or json",
        "--show：text、md（Markdown）或 json",
    ),
    "help.review.output": ("--show: write to FILE", "--show：写入 FILE"),
    # -- backup, import, doctor -----------------------------------------------------------------
    "help.backup": (
        "copy the database (safe while pacer is writing)",
        "备份数据库（pacer 正在写入时也安全）",
    ),
    "help.backup.path": (
        "a file, or a folder to add a new backup to (ending in / it is a folder, made if "
        "missing; default: backups/ in the data directory)",
        "一个文件，或在其中新增备份的文件夹（以 / 结尾即为文件夹，不存在时创建；"
        "默认：数据目录下的 backups/）",
    ),
    "help.import": ("restore data from an export", "从导出文件恢复数据"),
    "help.import.json": (
        "load a 'pacer export json' file into an empty database",
        "把 'pacer export json' 导出的文件载入空数据库",
    ),
    "help.import.json.file": ("the export", "导出的文件"),
    "help.doctor": (
        "check the database and what the plan no longer names",
        "检查数据库，并找出计划中已不存在的条目",
    ),
    # -- forecast -------------------------------------------------------------------------------
    "help.forecast": (
        "each milestone's chance of meeting its due date, from your own record",
        "根据你自己的记录，估算每个里程碑按期完成的概率",
    ),
    "help.forecast.runs": ("simulated futures", "模拟次数"),
    "help.forecast.seed": ("the same seed, the same runs", "随机种子：种子相同，模拟结果就相同"),
    "help.forecast.chart": (
        "write a fan chart as PATH.png and PATH.svg",
        "把扇形图写成 PATH.png 和 PATH.svg",
    ),
    # -- serve ----------------------------------------------------------------------------------
    "help.serve": ("the web dashboard (phone and desk)", "网页仪表盘（手机与电脑）"),
    "help.serve.host": ("address to bind (default {host})", "监听的地址（默认 {host}）"),
    "help.serve.port": ("default {port}", "端口（默认 {port}）"),
    "help.serve.new_token": (
        "make a new access token (signing out every browser), print it once, and stop",
        "生成新的访问令牌（所有浏览器随之退出登录），只显示这一次，然后退出",
    ),
    "help.serve.new_feed_token": (
        "make a new read-only token for the calendar feed (/calendar.ics), print it, and stop",
        "生成新的日历订阅（/calendar.ics）只读令牌，显示后退出",
    ),
    "help.serve.allow_host": (
        "another name or address the browser uses for this machine (repeatable)",
        "浏览器访问本机时用的另一个名称或地址（可重复给出）",
    ),
    # -- usage errors that pacer words itself ---------------------------------------------------
    "cli.unknown_command_hint": (
        "unknown command '{command}'; did you mean '{hint}'?",
        "未知命令 '{command}'；是不是 '{hint}'？",
    ),
    # -- argparse's own words: the English is argparse's msgid, exactly -------------------------
    "argparse.usage": ("usage: ", "用法："),
    "argparse.positionals": ("positional arguments", "位置参数"),
    "argparse.options": ("options", "选项"),
    "argparse.help": ("show this help message and exit", "显示此帮助信息并退出"),
    "argparse.required": (
        "the following arguments are required: %s",
        "缺少必需的参数：%s",
    ),
    "argparse.invalid_choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "无效的选择：%(value)r（可选：%(choices)s）",
    ),
    "argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "参数 %(argument_name)s：%(message)s",
    ),
    "argparse.invalid_type": ("invalid %(type)s value: %(value)r", "无效的 %(type)s 值：%(value)r"),
    "argparse.expected_one": ("expected one argument", "需要一个值"),
    "argparse.expected_at_most_one": ("expected at most one argument", "最多只能有一个值"),
    "argparse.expected_at_least_one": ("expected at least one argument", "至少需要一个值"),
    "argparse.expected_n": ("expected %s argument", "需要 %s 个值"),
    "argparse.expected_n_plural": ("expected %s arguments", "需要 %s 个值"),
    "argparse.unrecognized": ("unrecognized arguments: %s", "无法识别的参数：%s"),
    "argparse.not_allowed_with": ("not allowed with argument %s", "不能与参数 %s 同时使用"),
    "argparse.one_required": (
        "one of the arguments %s is required",
        "参数 %s 中必须给出一个",
    ),
    "argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "有歧义的选项：%(option)s 可能是 %(matches)s",
    ),
    "argparse.ignored_explicit": ("ignored explicit argument %r", "此选项不接受值（多给了 %r）"),
}
