"""Messages for `pacer completion`: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.completion": (
        "print a shell completion script (commands, options, the plan's ids)",
        "输出命令行补全脚本（命令、选项、计划中的 id）",
    ),
    "help.completion.shell": (
        "the shell: bash, zsh or fish (see the README for where the script goes)",
        "命令行外壳：bash、zsh 或 fish（脚本放在哪里见 README）",
    ),
    "help.completion.kind": (
        "with 'ids': the plan's ids of that kind, one a line (what the scripts ask at a TAB):"
        " units, tracks, milestones, targets, metrics, posts, absences",
        "与 'ids' 连用：计划中该类 id，每行一个（脚本在按 TAB 时调用）：units、tracks、"
        "milestones、targets、metrics、posts、absences",
    ),
    "completion.kind_missing": (
        "say which ids: pacer completion ids {kinds}",
        "请说明要哪类 id：pacer completion ids {kinds}",
    ),
}
