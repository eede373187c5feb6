"""`pacer habit list [--json]`: each habit's current and best streak and its last 30 days."""

from __future__ import annotations

import argparse

from pacer import clock
from pacer.cli.common import add_date, add_json, flush_notices, session_from, show
from pacer.i18n import t
from pacer.service import parse_day

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# One mark a day; the legend line under the list says what each means.
MARKS = {"kept": "●", "missed": "×", "not_asked": "·", "open": "○"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("habit", parents=[common], help=t("help.habit"))
    hsub = p.add_subparsers(dest="habit_command", metavar="list", parser_class=type(p))
    ls = hsub.add_parser("list", parents=[common], help=t("help.habit.list"))
    add_date(ls)
    add_json(ls)
    ls.set_defaults(handler=run_list)
    p.set_defaults(handler=run_list_default)


def run_list_default(args: argparse.Namespace) -> int:
    args.json, args.date = False, None
    return run_list(args)


def run_list(args: argparse.Namespace) -> int:
    from pacer.service.streaks import RECENT_DAYS, habit_streaks, streak_json, streak_text

    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        streaks = habit_streaks(session, day, clock.today(session.plan))
        flush_notices(session)

    def as_text() -> list[str]:
        if not streaks:
            return [t("streaks.no_habits")]
        lines = []
        for s in streaks:
            lines.append(f"{s.title} [{s.track}]  {streak_text(s)}")
            lines.append("  " + "".join(MARKS[state] for _, state in s.recent))
        lines.append(t("streaks.legend", n=RECENT_DAYS))
        return lines

    show(
        args,
        lambda: {"date": day.isoformat(), "habits": [streak_json(s) for s in streaks]},
        as_text,
    )
    return 0
