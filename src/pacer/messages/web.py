"""Messages for the web dashboard (`pacer serve`): key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pacer serve ------------------------------------------------------------------------------
    "serve.needs_token": (
        "refusing to listen on {host}: other machines could reach it, and no access token exists;"
        " make one with 'pacer serve --new-token' first",
        "拒绝在 {host} 上监听：其他机器可以访问它，但还没有访问令牌；请先运行 'pacer serve --new-token'",
    ),
    "serve.cannot_listen": (
        "cannot listen on {host}:{port}: {detail}; choose another with --port (is pacer serve already running?)",
        "无法在 {host}:{port} 上监听：{detail}；请用 --port 换一个端口（pacer serve 是否已在运行？）",
    ),
    "serve.token_made": (
        "new access token (shown only this once; stored in {path}):\n  {token}",
        "新的访问令牌（仅显示这一次；保存在 {path}）：\n  {token}",
    ),
    "serve.feed_token_made": (
        "new calendar feed token (read-only; stored in {path}); subscribe the phone's calendar"
        " to:\n  http://HOST:PORT/calendar.ics?token={token}",
        "新的日历订阅令牌（只读；保存在 {path}）；在手机日历中订阅：\n"
        "  http://HOST:PORT/calendar.ics?token={token}",
    ),
    "serve.weak_token": (
        "{path} holds a token too short or too simple to be safe (under 128 bits);"
        " make a new one with 'pacer serve --new-token'",
        "{path} 中的令牌太短或太简单，不安全（不足 128 位）；请运行 'pacer serve --new-token' 重新生成",
    ),
    "serve.weak_feed_token": (
        "{path} holds a token too short or too simple to be safe (under 128 bits);"
        " make a new one with 'pacer serve --new-feed-token'",
        "{path} 中的令牌太短或太简单，不安全（不足 128 位）；请运行 'pacer serve --new-feed-token' 重新生成",
    ),
    "serve.listening": (
        "pacer serves on http://{host}:{port}/ (Ctrl-C stops it)",
        "pacer 正在 http://{host}:{port}/ 上提供服务（Ctrl-C 停止）",
    ),
    "serve.from_phone": (
        "on the phone (same network): http://{address}:{port}/ — sign in with the access token",
        "手机（同一网络）打开：http://{address}:{port}/ ——用访问令牌登录",
    ),
    # -- pages ------------------------------------------------------------------------------------
    "web.nav.today": ("Today", "今天"),
    "web.nav.week": ("Week", "本周"),
    "web.nav.plan": ("Plan", "计划"),
    "web.nav.progress": ("Progress", "进度"),
    "web.nav.review": ("Review", "复盘"),
    "web.nav.trips": ("Trips", "出差"),
    "web.error": ("Error", "出错"),
    "web.not_text": (
        "the field '{field}' must be text, not a file",
        "字段 '{field}' 必须是文字，而不是文件",
    ),
    "web.plan_invalid": (
        "The plan {path} has problems; mend them (pacer plan check {path} lists them):",
        "计划 {path} 有问题；请修正（pacer plan check {path} 会列出它们）：",
    ),
    "web.plan_invalid_more": ("… and {n} more", "……另有 {n} 处"),
    "web.back": ("Back to today", "返回今天"),
    "web.bad_origin": (
        "refused: this request did not come from a pacer page",
        "已拒绝：该请求不是从 pacer 页面发出的",
    ),
    "web.bad_csrf": (
        "refused: the form is stale or forged; reload the page and try again",
        "已拒绝：表单已过期或是伪造的；请刷新页面后重试",
    ),
    "web.bad_trip_id": ("no such trip", "没有这个出差"),
    "web.login.title": ("Sign in", "登录"),
    "web.login.token": ("Access token", "访问令牌"),
    "web.login.submit": ("Sign in", "登录"),
    "web.login.failed": ("That is not the access token.", "访问令牌不正确。"),
    "web.login.slow": (
        "Too many wrong tokens from here; wait {seconds} s before the next try.",
        "这里输错令牌的次数太多；请等 {seconds} 秒后再试。",
    ),
    "web.logout": ("Sign out everywhere", "在所有设备上退出"),
    "web.login.hint": (
        "The token was shown once by 'pacer serve --new-token'.",
        "令牌由 'pacer serve --new-token' 显示过一次。",
    ),
    "web.today.prev": ("← previous day", "← 前一天"),
    "web.today.next": ("next day →", "后一天 →"),
    "web.today.back": ("today", "回到今天"),
    "web.today.trip_effect": ("this trip moves:", "这次出差推迟了："),
    "web.today.log_planned": ("Log {minutes} min", "记录 {minutes} 分钟"),
    "web.today.done": ("Mark done", "标记完成"),
    "web.today.log_other": ("Log minutes", "记录分钟数"),
    "web.today.target": ("What you did", "做了什么"),
    "web.today.minutes": ("Minutes", "分钟"),
    "web.today.note": ("Note", "备注"),
    "web.today.log": ("Log", "记录"),
    "web.today.logged": ("Logged", "已记录"),
    "web.today.nothing": ("Nothing logged yet.", "还没有记录。"),
    "web.today.undo": (
        "Undo the last change (an entry, a metric value or a note)",
        "撤销最近一次改动（记录、指标数值或素材）",
    ),
    "web.week.day": ("Day", "日期"),
    "web.week.kind": ("Kind", "类型"),
    "web.week.planned": ("Planned min", "计划分钟"),
    "web.week.done": ("Done min", "完成分钟"),
    "web.plan.phases": ("Phases", "阶段"),
    "web.plan.months": ("Months", "月份"),
    "web.plan.timeline": ("Curricula: planned vs projected", "课程：计划与预计完成"),
    "web.plan.curriculum": ("Curriculum", "课程"),
    "web.plan.planned": ("Planned", "计划完成"),
    "web.plan.projected": ("Projected", "预计完成"),
    "web.plan.slip": ("Slip (d)", "推迟（天）"),
    "web.plan.milestones": ("Milestones", "里程碑"),
    "web.plan.milestone": ("Milestone", "里程碑"),
    "web.plan.due": ("Due", "截止"),
    "web.plan.track": ("Track", "方向"),
    "web.plan.have": ("Has (✓)", "已具备（✓）"),
    "web.plan.lack": ("Lacks (✗)", "尚缺（✗）"),
    "web.plan.conclusion": ("Conclusion", "结论"),
    "web.plan.question": ("Question", "问题"),
    "web.plan.evidence": ("Evidence", "依据"),
    "web.progress.title": ("Progress in {month}", "{month} 的进度"),
    "web.progress.none": ("No charts to show.", "没有可显示的图表。"),
    "web.progress.drawing": (
        "The charts are being drawn for the latest entries.",
        "正在根据最新记录绘制图表。",
    ),
    "web.progress.reload": ("Look again", "刷新"),
    "web.review.title": ("Weekly review {week}", "周复盘 {week}"),
    "web.review.track": ("Track", "方向"),
    "web.review.finished": ("Finished", "已完成"),
    "web.review.save": ("Save the review", "保存复盘"),
    "web.review.saved": ("Saved reviews (streak: {streak})", "已保存的复盘（连续 {streak} 周）"),
    "web.trips.remove": ("Remove", "删除"),
    "web.trips.none": ("No trips.", "没有出差。"),
    "web.trips.new": ("New trip", "新的出差"),
    "web.trips.start": ("From", "从"),
    "web.trips.end": ("To", "到"),
    "web.trips.preview": ("Show the effect", "查看影响"),
    "web.trips.effect": (
        "{start} → {end} ({title}) would move",
        "{start} → {end}（{title}）会推迟",
    ),
    "web.trips.kind": ("Kind", "类型"),
    "web.trips.no_effect": ("No milestone moves.", "没有里程碑会推迟。"),
    "web.trips.save": ("Save it", "保存"),
    "web.review_target": ("weekly review", "周复盘"),
    "web.notice.review_due": ("The weekly review for {week} is due.", "{week} 的周复盘该做了。"),
    "web.notice.review_due_week": (
        "The weekly review for {week} was not written.",
        "{week} 的周复盘还没有写。",
    ),
    "web.entry.hint": ("pick a day up to {today}", "请选择 {today} 及以前的日期"),
    "web.notice.write_review": ("Write it", "去写复盘"),
    "web.today.habit_logged": ("{minutes} min logged today ✓", "今天已记录 {minutes} 分钟 ✓"),
    "web.today.unit_done": ("done ✓", "已完成 ✓"),
    "web.today.unit_logged": ("{minutes} min logged today", "今天已记录 {minutes} 分钟"),
}
