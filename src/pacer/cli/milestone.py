"""`pacer milestone list|show|check`: milestones, their needed units and acceptance criteria."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_date, add_json, flush_notices, session_from, show
from pacer.cli.text import day_or_dash, pad, signed_days
from pacer.i18n import joined, t
from pacer.service import (
    MilestoneView,
    check_criterion,
    milestone_detail,
    milestone_detail_json,
    milestone_list_json,
    milestone_statuses,
    parse_day,
    state_text,
    uncheck_criterion,
)

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.status import MilestoneStatus

UNIT_MARKS = {"done": "✓", "covered": "✓", "deferred": "↷", "started": "◐", "todo": "·"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("milestone", parents=[common], help=t("help.milestone"))
    msub = p.add_subparsers(
        dest="milestone_command", metavar="list|show|check", parser_class=type(p)
    )
    ls = msub.add_parser("list", parents=[common], help=t("help.milestone.list"))
    add_date(ls)
    add_json(ls)
    ls.set_defaults(handler=run_list)
    sh = msub.add_parser("show", parents=[common], help=t("help.milestone.show"))
    sh.add_argument("id", help=t("help.milestone.id"))
    add_date(sh)
    add_json(sh)
    sh.set_defaults(handler=run_show)
    ck = msub.add_parser("check", parents=[common], help=t("help.milestone.check"))
    ck.add_argument("id", help=t("help.milestone.id"))
    ck.add_argument("criterion", help=t("help.milestone.check.criterion"))
    how = ck.add_mutually_exclusive_group(required=True)
    how.add_argument("--evidence", metavar="TEXT_OR_URL", help=t("help.milestone.check.evidence"))
    how.add_argument("--uncheck", action="store_true", help=t("help.milestone.check.uncheck"))
    ck.add_argument("--date", help=t("help.milestone.check.date"))
    ck.set_defaults(handler=run_check)
    p.set_defaults(handler=run_list_default)


def run_list_default(args: argparse.Namespace) -> int:
    args.json, args.date = False, None
    return run_list(args)


def run_list(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        statuses = milestone_statuses(session, day)
        flush_notices(session)
        show(args, lambda: milestone_list_json(day, statuses), lambda: render_list(day, statuses))
    return 0


def render_list(day: Any, statuses: list[MilestoneStatus]) -> list[str]:
    lines = [
        t("milestone.heading", day=day),
        "",
        "  "
        + pad(t("status.milestone"), 42)
        + pad(t("status.due"), 12)
        + pad(t("status.projected"), 12)
        + pad(t("status.slip"), 9)
        + pad(t("milestone.criteria_col"), 10)
        + t("status.state"),
    ]
    for m in statuses:
        moved = "*" if m.due != m.original_due else ""
        lines.append(
            "  "
            + pad(m.id, 17)
            + pad(m.title, 24)
            + " "
            + pad(m.due.isoformat() + moved, 12)
            + pad(day_or_dash(m.projected), 12)
            + pad(signed_days(m.slip_days), 9)
            + pad(f"{m.criteria_checked}/{m.criteria_total}", 10)
            + state_text(m)
        )
    if any(m.due != m.original_due for m in statuses):
        lines += ["", t("milestone.moved_note")]
    return lines


def run_show(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        view = milestone_detail(session, args.id, day)
        flush_notices(session)
        show(args, lambda: milestone_detail_json(view), lambda: render_show(view))
    return 0


def render_show(view: MilestoneView) -> list[str]:
    m = view.status
    lines = [f"{m.id} · {m.title}"]
    if m.due != m.original_due:
        lines.append("  " + t("milestone.due_moved", due=m.due, original=m.original_due))
    else:
        lines.append("  " + t("milestone.due", due=m.due))
    lines.append(
        "  "
        + t(
            "milestone.projected",
            projected=day_or_dash(m.projected),
            slip=signed_days(m.slip_days),
            state=state_text(m),
            day=view.day,
        )
    )
    done = sum(1 for u in view.units if u.state in ("done", "covered", "deferred"))
    width = max((len(u.id) for u in view.units), default=0)
    lines += ["", "  " + t("milestone.units", done=done, total=len(view.units))]
    for u in view.units:
        if u.state == "done":
            where = t("milestone.unit_done", day=u.finished)
        elif u.state in ("covered", "deferred"):
            where = t(f"milestone.unit_{u.state}")
        elif u.projected is not None:
            where = t("milestone.unit_projected", day=u.projected)
        else:
            where = t("timeline.beyond")
        shown = f"{u.logged}/{u.minutes}" if u.state == "started" else f"{u.minutes}"
        minutes = t("unit.min", n=shown)
        lines.append(
            f"    {UNIT_MARKS[u.state]} "
            + pad(u.id, width + 2)
            + pad(u.title, 39)
            + " "
            + pad(minutes, 12)
            + where
        )
    if m.status == "met" and m.open_units:
        lines.append("    " + t("milestone.met_open_units", units=joined(m.open_units)))
    checked = sum(1 for c in view.criteria if c.check is not None)
    lines += ["", "  " + t("milestone.criteria", checked=checked, total=len(view.criteria))]
    if not view.criteria:
        lines.append("    " + t("milestone.no_criteria_met_by_units"))
    width = max((len(c.id) for c in view.criteria), default=0)
    for c in view.criteria:
        lines.append(f"    [{'x' if c.check else ' '}] " + pad(c.id, width + 2) + c.text)
        if c.check is not None:
            lines.append(f"        {c.check.day} — {c.check.evidence}")
    return lines


def run_check(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        if args.uncheck:
            result = uncheck_criterion(session, args.id, args.criterion)
            flush_notices(session)
            print(
                t(
                    "criterion.unchecked",
                    milestone=result.milestone.id,
                    id=result.check.criterion,
                    checked=result.checked,
                    total=result.total,
                )
            )
            return 0
        result = check_criterion(
            session, args.id, args.criterion, args.evidence, parse_day(args.date, session.plan)
        )
        flush_notices(session)
        key = "criterion.checked_again" if result.replaced else "criterion.checked"
        print(
            t(
                key,
                milestone=result.milestone.id,
                id=result.check.criterion,
                day=result.check.day,
                checked=result.checked,
                total=result.total,
            )
        )
        if result.checked == result.total:
            print(t("criterion.all_checked", milestone=result.milestone.id))
    return 0
