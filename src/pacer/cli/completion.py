"""`pacer completion bash|zsh|fish`: a shell completion script written by shtab from the
parser, and `pacer completion ids KIND`, the plan's ids the script asks for at a TAB."""

from __future__ import annotations

import argparse
import sys

from pacer.i18n import t

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SHELLS = ("bash", "zsh", "fish")
KINDS = ("units", "tracks", "milestones", "targets", "metrics", "posts", "absences")

# Which arguments complete to which of the plan's ids: (command words, dest) -> kind. A TAB
# there runs `pacer completion ids KIND` (the compiled-plan cache makes it quick).
IDS: dict[tuple[tuple[str, ...], str], str] = {
    (("log", "add"), "target"): "targets",
    (("log", "list"), "target"): "targets",
    (("log", "edit"), "target"): "targets",
    (("start",), "target"): "targets",
    (("start",), "switch"): "targets",
    (("done",), "unit"): "units",
    (("milestone", "show"), "id"): "milestones",
    (("milestone", "check"), "id"): "milestones",
    (("catchup",), "milestone"): "milestones",
    (("metric", "add"), "id"): "metrics",
    (("metric", "show"), "id"): "metrics",
    (("note", "add"), "post"): "posts",
    (("export", "hexo"), "post"): "posts",
    (("trip", "add"), "kind"): "absences",
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("completion", parents=[common], help=t("help.completion"))
    p.add_argument(
        "shell",
        choices=(*SHELLS, "ids"),
        metavar="bash|zsh|fish|ids",
        help=t("help.completion.shell"),
    )
    # `pacer completion ids KIND` is what the generated scripts run at a TAB.
    p.add_argument("kind", nargs="?", choices=KINDS, metavar="KIND", help=t("help.completion.kind"))
    p.set_defaults(handler=run_completion)


def run_completion(args: argparse.Namespace) -> int:
    if args.shell == "ids":
        if args.kind is None:
            from pacer.errors import PacerError
            from pacer.i18n import Message

            raise PacerError(Message("completion.kind_missing", kinds="|".join(KINDS)))
        return _print_ids(args)
    sys.stdout.write(script(args.shell))
    return 0


def _print_ids(args: argparse.Namespace) -> int:
    """One id a line; nothing (and exit 0) when the plan cannot be read: a TAB must never
    print an error into the person's command line."""
    from pacer.cli.common import session_from
    from pacer.errors import PacerError
    from pacer.plan.problems import PlanInvalid

    try:
        with session_from(args) as session:
            plan = session.plan
            session.notices.clear()
    except (PacerError, PlanInvalid, OSError):
        return 0
    units = [u.id for u in plan.units()]
    if args.kind == "units":
        ids = units
    elif args.kind == "tracks":
        ids = [tr.id for tr in plan.tracks]
    elif args.kind == "milestones":
        ids = [m.id for m in plan.milestones]
    elif args.kind == "metrics":
        ids = [m.id for m in plan.metrics]
    elif args.kind == "posts":
        ids = [c.id for c in plan.curricula if c.post]
    elif args.kind == "absences":
        ids = list(plan.absence_kinds())
    else:  # targets: what `pacer log` takes
        from pacer.plan.model import REVIEW_TARGET

        habits = plan.habit_tracks()
        ids = units + [tr.id for tr in plan.tracks if tr.id in habits] + [REVIEW_TARGET]
    sys.stdout.write("".join(f"{i}\n" for i in dict.fromkeys(ids)))
    return 0


def script(shell: str) -> str:
    """The completion script for `shell`, from the full parser with the plan's ids marked."""
    import shtab

    from pacer.cli.parser import build_parser

    parser = build_parser()
    _mark(parser, (), shtab, fold=shell != "zsh")
    preamble = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}[shell]
    return str(shtab.complete(parser, shell=shell, preamble=preamble)) + "\n"


def _mark(parser: argparse.ArgumentParser, path: tuple[str, ...], shtab: Any, fold: bool) -> None:
    """Give the arguments that take the plan's ids (and files) their completers, and fold a
    default subcommand (`pacer log 30 m18` is `pacer log add 30 m18`) into its parent.

    Not for zsh: shtab's zsh script puts a parser's own positionals before its subcommands'
    names, so a folded `log` would no longer complete `log add …` (there `pacer log 30 m18`
    does not complete; `pacer log add 30 m18` does)."""
    for action in parser._actions:
        kind = IDS.get((path, action.dest))
        if kind is not None:
            action.complete = {  # type: ignore[attr-defined]
                "bash": f"_pacer_ids_{kind}",
                "zsh": f"_pacer_ids {kind}",
                "fish": f"(_pacer_ids {kind})",
            }
        elif action.type is _path_type() and action.help != argparse.SUPPRESS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                _mark(child, (*path, name), shtab, fold)
    default = parser.get_default("_default_subcommand")
    if default is None or not fold:
        return
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    child = sub.choices[default]
    # The subcommand's first positional stands where the subcommand's name would be (a word
    # that is no subcommand), so its other positionals follow the subparsers' slot; its
    # options are offered too.
    positionals = [a for a in child._actions if not a.option_strings]
    have = {s for a in parser._actions for s in a.option_strings}
    options = [a for a in child._actions if a.option_strings and have.isdisjoint(a.option_strings)]
    parser._actions += positionals[1:] + options
    # The subparsers' slot then takes one word (argparse's own nargs, "A...", would take all).
    sub.nargs = None


def _path_type() -> Any:
    from pathlib import Path

    return Path


_BASH_IDS = "\n".join(
    f'_pacer_ids_{kind}() {{ compgen -W "$(_pacer_ids {kind})" -- "$1"; }}' for kind in KINDS
)

# The ids come from the plan the command line names (`--plan FILE`), else the plan in force.
_BASH = f"""\
_pacer_ids() {{
  local i plan=()
  for ((i = 1; i < ${{#COMP_WORDS[@]}} - 1; i++)); do
    [[ ${{COMP_WORDS[i]}} == --plan ]] && plan=(--plan "${{COMP_WORDS[i+1]}}")
  done
  command pacer completion ids "$1" "${{plan[@]}}" 2>/dev/null
}}
{_BASH_IDS}
"""

# _arguments calls an action with compadd's options first (-J group …): the kind comes last.
_ZSH = """\
_pacer_ids() {
  local kind=${@[-1]} i=${words[(I)--plan]}
  local -a plan ids
  (( i > 0 )) && plan=(--plan "${words[i+1]}")
  ids=(${(f)"$(command pacer completion ids $kind $plan 2>/dev/null)"})
  compadd "${@[1,-2]}" -a ids
}
"""

_FISH = """\
function _pacer_ids
  set -l words (commandline -opc)
  set -l plan
  if set -l i (contains -i -- --plan $words)
    set plan --plan $words[(math $i + 1)]
  end
  command pacer completion ids $argv[1] $plan 2>/dev/null
end
"""
