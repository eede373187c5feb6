"""Messages for reminders: calendar alarms and `pacer remind`: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.export.ics.no_alarms": (
        "no reminders before the blocks (default: the plan's alarm minutes)",
        "时段前不加提醒（默认：按计划的 alarm 分钟数提醒）",
    ),
    "help.remind": (
        "send the day's agenda to your phone (the URLs in remind.toml, via apprise)",
        "把当天的安排推送到手机（通过 apprise，发往 remind.toml 中的地址）",
    ),
    "help.remind.dry_run": (
        "print what would be sent, send nothing",
        "只显示将要发送的内容，不发送",
    ),
    "help.remind.systemd": (
        "print systemd user units that run 'pacer remind' when the plan's days begin",
        "输出 systemd 用户单元，在计划每天开始的时刻运行 'pacer remind'",
    ),
    # The settings file.
    "remind.no_settings": (
        "no reminder settings: create {path} with a line like: {example}"
        " (any apprise URL: ntfy, Telegram, e-mail …)",
        "没有提醒设置：请创建 {path}，写入一行，例如：{example}"
        "（任何 apprise 地址均可：ntfy、Telegram、电子邮件……）",
    ),
    "remind.unreadable": ("cannot read {path}: {detail}", "无法读取 {path}：{detail}"),
    "remind.bad_settings": (
        "{path} is not valid TOML ({detail}); write a line like: {example}",
        "{path} 不是有效的 TOML（{detail}）；请写成这样一行：{example}",
    ),
    "remind.no_urls": (
        "{path} has no notification URLs; write a line like: {example}",
        "{path} 中没有推送地址；请写成这样一行：{example}",
    ),
    "remind.unknown_key": (
        "{path}: unknown key '{key}' (only urls); write a line like: {example}",
        "{path}：未知的键 '{key}'（只支持 urls）；请写成这样一行：{example}",
    ),
    "remind.bad_url": (
        "{path}: apprise does not understand URL {n} ({url}); write a line like: {example}",
        "{path}：apprise 无法识别第 {n} 个地址（{url}）；请写成这样一行：{example}",
    ),
    "remind.no_apprise": (
        "pacer remind needs the apprise package: pip install apprise",
        "pacer remind 需要 apprise 包：pip install apprise",
    ),
    "remind.send_failed": (
        "the reminder was not sent ({reason}); check the URLs in {path} and the network",
        "提醒未能发送（{reason}）；请检查 {path} 中的地址和网络",
    ),
    # What happened.
    "remind.sent": (
        "sent the agenda of {day} to {n:plural(service|services)}",
        "已把 {day} 的安排发送到 {n} 个服务",
    ),
    "remind.nothing": (
        "nothing planned on {day} and no review due: nothing sent",
        "{day} 没有安排，也没有待做的复盘：未发送",
    ),
    "remind.would_send": ("would send to: {urls}", "将发送到：{urls}"),
    "remind.no_settings_yet": (
        "nothing is sent until {path} exists, with a line like: {example}",
        "创建 {path} 之后才会发送，例如写入一行：{example}",
    ),
    # The message itself.
    "remind.title": (
        "pacer · {weekday} {day} · {template}",
        "pacer · {day} {weekday} · {template}",
    ),
    "remind.title_plain": ("pacer · {weekday} {day}", "pacer · {day} {weekday}"),
    "remind.logged": ("✓ {minutes} logged", "✓ 已记录 {minutes}"),
    # systemd units: the comments and descriptions in them.
    "remind.systemd.save_as": ("# save as {path}", "# 保存为 {path}"),
    "remind.systemd.service": (
        "pacer: send the day's agenda to the phone",
        "pacer：把当天的安排推送到手机",
    ),
    "remind.systemd.timer": (
        "pacer: remind when the plan's day begins",
        "pacer：在计划每天开始时提醒",
    ),
    "remind.systemd.enable": (
        "# then: systemctl --user daemon-reload && systemctl --user enable --now"
        " pacer-remind.timer",
        "# 然后运行：systemctl --user daemon-reload && systemctl --user enable --now"
        " pacer-remind.timer",
    ),
    "remind.systemd.none": (
        "no template of the normal week has blocks: there is no time to remind at",
        "正常周的模板都没有时段：没有可提醒的时刻",
    ),
}
