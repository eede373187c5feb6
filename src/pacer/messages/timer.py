"""Messages for the timer (`pacer start`, `pacer stop`, the web's Start/Stop): key ->
(English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ----------------------------------------------------------------------------------
    "help.start": ("start a timer for a unit or a habit", "为单元或习惯开始计时"),
    "help.start.target": (
        "a unit id, a habit's track id, or review",
        "单元 id、习惯所属方向的 id 或 review",
    ),
    "help.start.switch": (
        "stop the running timer (logging it) and start one for this target",
        "结束正在运行的计时（记下时长），并为此目标开始计时",
    ),
    "help.start.note": ("a note, kept with the entry", "备注，随记录保存"),
    "help.stop": (
        "stop the running timer and log its minutes",
        "结束正在运行的计时并记下分钟数",
    ),
    "help.stop.note": (
        "a note, added to the start's note",
        "备注，接在开始时的备注之后",
    ),
    "help.stop.minutes": (
        "log these minutes instead of the time measured (e.g. 45, 1h30)",
        "记下这些分钟数，而不是计得的时长（如 45、1h30）",
    ),
    "help.stop.discard": (
        "end the timer without logging anything",
        "结束计时，不记录任何内容",
    ),
    # -- starting --------------------------------------------------------------------------------
    "timer.started": (
        "timer started for {target} at {time} (counts for {day}); stop it with: pacer stop",
        "已开始为 {target} 计时，{time} 起（计入 {day}）；结束请运行：pacer stop",
    ),
    "timer.switched": (
        "timer started for {target} at {time} (counts for {day})",
        "已开始为 {target} 计时，{time} 起（计入 {day}）",
    ),
    "timer.already": (
        "a timer for {target} is running since {started} ({elapsed}); stop it with"
        " `pacer stop`, or log it and start this one with `pacer start --switch {new}`",
        "{target} 的计时从 {started} 起正在运行（{elapsed}）；请先用 `pacer stop` 结束，"
        "或用 `pacer start --switch {new}` 记下它并开始这一个",
    ),
    "timer.already_plain": (
        "a timer for {target} is already running; stop it with `pacer stop`",
        "{target} 的计时已在运行；请先用 `pacer stop` 结束",
    ),
    "timer.target_twice": (
        "name the target once: `pacer start TARGET`, or `pacer start --switch TARGET`",
        "目标只写一次：`pacer start 目标`，或 `pacer start --switch 目标`",
    ),
    "timer.no_target": (
        "name what to time: `pacer start` with a unit id, a habit's track id or review",
        "请写明要计时的内容：`pacer start` 加单元 id、习惯所属方向的 id 或 review",
    ),
    # -- stopping --------------------------------------------------------------------------------
    "timer.none": (
        "no timer is running; start one with `pacer start` and a unit id, a habit's track id"
        " or review",
        "没有正在运行的计时；用 `pacer start` 加单元 id、习惯所属方向的 id 或 review 开始",
    ),
    "timer.gone": (
        "the timer was stopped meanwhile (on another device?); nothing logged",
        "计时已在别处结束（另一台设备？）；未记录任何内容",
    ),
    "timer.stopped": (
        "logged {minutes} for {target} on {day} (timer {started}–{ended})",
        "已记录 {day} {target} {minutes}（计时 {started}–{ended}）",
    ),
    "timer.too_short": (
        "the timer for {target} ran {seconds:plural(second|seconds)}, under a minute:"
        " nothing logged",
        "{target} 的计时只有 {seconds} 秒，不足 1 分钟：未记录",
    ),
    "timer.discarded": (
        "the timer for {target} (since {started}) is ended; nothing logged",
        "{target} 的计时（{started} 起）已结束；未记录任何内容",
    ),
    "timer.confirm": (
        "the timer for {target} started {started} and shows {elapsed}: {why}; nothing logged."
        " {how}",
        "{target} 的计时从 {started} 开始，已计 {elapsed}：{why}；未记录。{how}",
    ),
    "timer.why.long": (
        "longer than {hours:plural(hour|hours)}",
        "超过 {hours} 小时",
    ),
    "timer.why.next_day": (
        "it ran into the next study day ({day})",
        "已跨入下一个学习日（{day}）",
    ),
    "timer.why.clock": (
        "this clock reads earlier than its start",
        "本机时钟早于它的开始时间",
    ),
    "timer.how.cli": (
        "Say how many minutes you studied: pacer stop --minutes M (or pacer stop --discard)",
        "请说明实际学了多少分钟：pacer stop --minutes 分钟数（或 pacer stop --discard）",
    ),
    "timer.how.switch": (
        "Say how many minutes you studied with pacer stop --minutes M, then start again",
        "请先用 pacer stop --minutes 分钟数 说明实际学了多少分钟，再重新开始",
    ),
    # -- today ---------------------------------------------------------------------------------
    "timer.today": (
        "⏱ timer: {name} since {started}, {elapsed} (stop: pacer stop)",
        "⏱ 计时中：{name}，{started} 起，已 {elapsed}（结束：pacer stop）",
    ),
    "timer.today.confirm": (
        "⏱ timer: {name} since {started}, {elapsed}: {why}; stop with pacer stop --minutes M",
        "⏱ 计时中：{name}，{started} 起，已 {elapsed}：{why}；请用 pacer stop --minutes 分钟数 结束",
    ),
    # -- the web -------------------------------------------------------------------------------
    "web.timer.running": ("Timer: {name}", "计时中：{name}"),
    "web.timer.since": ("since {started} · {elapsed}", "{started} 起 · 已 {elapsed}"),
    "web.timer.start": ("Start timer", "开始计时"),
    "web.timer.switch": ("Switch timer here", "计时切换到这里"),
    "web.timer.stop": ("Stop and log", "结束并记录"),
    "web.timer.discard": ("Discard", "放弃"),
    "web.timer.minutes": ("Minutes studied", "实际分钟数"),
    "web.timer.confirm": ("{why}: {how}", "{why}：{how}"),
    "web.timer.how": (
        "Enter the minutes you studied and press “Stop and log”.",
        "请填写实际学习的分钟数，再按“结束并记录”。",
    ),
}
