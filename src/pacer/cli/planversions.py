"""`pacer plan history|diff|why|reload`: the plan's versions, what changed and why."""

from __future__ import annotations

import argparse
import sys

from pacer.cli.common import add_json, flush_notices, print_json, session_from, show
from pacer.i18n import joined, t
from pacer.service.session import Session

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.plan.diff import PlanDiff
    from pacer.service.planversions import HistoryEntry, MilestoneEffect


def register(psub: Any, common: argparse.ArgumentParser) -> None:
    h = psub.add_parser("history", parents=[common], help=t("help.plan.history"))
    add_json(h)
    h.set_defaults(handler=run_history)
    d = psub.add_parser("diff", parents=[common], help=t("help.plan.diff"))
    d.add_argument("v1", metavar="V1", help=t("help.plan.diff.v1"))
    d.add_argument("v2", metavar="V2", nargs="?", help=t("help.plan.diff.v2"))
    add_json(d)
    d.set_defaults(handler=run_diff)
    w = psub.add_parser("why", parents=[common], help=t("help.plan.why"))
    w.add_argument("version", metavar="VERSION", help=t("help.plan.why.version"))
    w.add_argument("text", metavar="TEXT", help=t("help.plan.why.text"))
    w.set_defaults(handler=run_why)
    r = psub.add_parser("reload", parents=[common], help=t("help.plan.reload"))
    r.add_argument("--reason", metavar="TEXT", required=True, help=t("help.plan.reason"))
    r.set_defaults(handler=run_reload)


def record_now(args: argparse.Namespace, reason: str, use: bool = False) -> int:
    """Record the plan in force (after `plan use`: the data folder's copy) as a version."""
    from pacer.errors import PacerError
    from pacer.i18n import Message
    from pacer.service.planversions import plan_path, record_plan

    plan = None if use else getattr(args, "plan", None)
    # Not recorded on opening: this command records it, and says so when it wrote.
    with Session(plan, getattr(args, "db", None), record_plan=False) as session:
        if use and session.store.read_only:
            # The plan is in use already; only its history line cannot be written.
            print(f"pacer: {Message('versions.read_only')}", file=sys.stderr)
            return 0
        recorded = record_plan(session, reason)
        if recorded is None:
            raise PacerError(Message("versions.changed_meanwhile", path=plan_path(session)))
        flush_notices(session)
        version, wrote = recorded
        if not wrote:
            if not use and reason:
                # Never the version's reason replaced by a reload: say where to change it.
                key = "versions.already" if version.reason else "versions.already_no_reason"
                print(t(key, version=version.number, reason=version.reason))
            return 0  # (after `plan use`: the plan in force again, nothing new to say)
        from pacer.service.planversions import times_in_force

        day = version.day.isoformat()
        if times_in_force(session, version.number) > 1:
            # A return to an older version: it keeps its own reason.
            key = "versions.again" if version.reason else "versions.again_no_reason"
            print(t(key, version=version.number, day=day, reason=version.reason))
        elif version.reason:
            print(t("versions.recorded", version=version.number, day=day, reason=version.reason))
        else:
            print(t("versions.recorded_no_reason", version=version.number, day=day))
    return 0


def run_reload(args: argparse.Namespace) -> int:
    from pacer.service.planversions import check_reason

    return record_now(args, check_reason(args.reason))


def run_why(args: argparse.Namespace) -> int:
    from pacer.service.planversions import give_reason

    with session_from(args) as session:
        version = give_reason(session, args.version, args.text)
        flush_notices(session)
        print(t("versions.reason_set", version=version.number, reason=version.reason))
    return 0


def run_history(args: argparse.Namespace) -> int:
    from pacer.service.planversions import plan_history

    with session_from(args) as session:
        entries = plan_history(session)
        flush_notices(session)
        show(args, lambda: history_json(entries), lambda: render_history(entries))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from pacer.service.planversions import plan_diff

    with session_from(args) as session:
        v1, v2, diff = plan_diff(session, args.v1, args.v2)
        flush_notices(session)
        if args.json:
            print_json({"from": v1, "to": v2, "changes": changes_json(diff)})
            return 0
        from pacer.service.planchanges import change_text

        lines = [t("versions.diff_heading", v1=v1, v2=v2)]
        lines += [f"  {change_text(c)}" for c in diff.changes] or [f"  {t('versions.diff_none')}"]
        print("\n".join(lines))
    return 0


# -- text ---------------------------------------------------------------------------------------
def summary(entry: HistoryEntry) -> str:
    from pacer.service.planchanges import changes_summary

    if entry.unreadable:
        return t("versions.unreadable", detail=entry.unreadable)
    return changes_summary(entry.diff.changes if entry.diff is not None else None)


def _moved(effect: MilestoneEffect) -> str:
    from pacer.schedule.review import MilestoneMove
    from pacer.service.planchanges import moved_text

    return moved_text(
        MilestoneMove(effect.id, effect.title, effect.before, effect.after, effect.days)
    )


def render_history(entries: list[HistoryEntry]) -> list[str]:
    if not entries:
        return [t("versions.none")]
    lines = [t("versions.heading")]
    for entry in entries:
        v = entry.version
        line = t("versions.line", version=v.number, day=v.day.isoformat(), summary=summary(entry))
        lines.append(line + (f"  {t('versions.current')}" if entry.current else ""))
        if v.reason:
            lines.append("    " + t("versions.why", reason=v.reason))
        else:
            lines.append("    " + t("versions.no_reason", version=v.number))
        again = [d.isoformat() for d in entry.in_force if d != v.day]
        if again:
            lines.append("    " + t("versions.in_force_again", days=joined(again)))
        if entry.diff is not None:
            moved = [e for e in entry.effects if e.before != e.after]
            if moved:
                lines.append("    " + t("versions.milestones", list=joined(map(_moved, moved))))
            else:
                lines.append("    " + t("versions.milestones_same"))
    return lines


# -- JSON (docs/json.md) ------------------------------------------------------------------------
def changes_json(diff: PlanDiff | None) -> list[dict[str, Any]] | None:
    if diff is None:
        return None
    return [
        {"kind": c.kind, "id": c.id, "before": c.before, "after": c.after} for c in diff.changes
    ]


def history_json(entries: list[HistoryEntry]) -> dict[str, Any]:
    current = next((e.version.number for e in entries if e.current), None)
    return {
        "current": current,
        "versions": [
            {
                "version": e.version.number,
                "digest": e.version.digest,
                "plan_id": e.version.plan_id,
                "first_seen": e.version.first_seen.isoformat(),
                "day": e.version.day.isoformat(),
                "in_force": [d.isoformat() for d in e.in_force],
                "reason": e.version.reason or None,
                "readable": not e.unreadable,
                "changes": changes_json(e.diff),
                "milestones": None
                if e.diff is None
                else [
                    {
                        "id": m.id,
                        "before": m.before.isoformat() if m.before else None,
                        "after": m.after.isoformat() if m.after else None,
                        "days": m.days,
                    }
                    for m in e.effects
                ],
            }
            for e in entries
        ],
    }
