"""`pacer status` and `pacer catchup`: where things stand, and what catching up would do."""

from __future__ import annotations

import argparse
from datetime import date

from pacer.cli.common import add_date, add_json, flush_notices, session_from, show
from pacer.cli.text import day_or_dash, pad, signed_days
from pacer.i18n import Message, days_text, hours_text, joined, notice_json, t
from pacer.service import (
    StatusView,
    apply_catchup,
    behind,
    catchup_json,
    catchup_list_json,
    catchup_options,
    drop_catchup,
    list_catchup,
    parse_day,
    stale_catchup,
    state_text,
    status,
    status_json,
)
from pacer.service.absence import absence_icon

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.catchup import CatchupChoice, Option
    from pacer.schedule.status import MilestoneStatus


NAME, HOURS = 26, 12  # columns of the tables: a name, then hours ("123.5 小时" fits)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("status", parents=[common], help=t("help.status"))
    add_date(p)
    add_json(p)
    p.set_defaults(handler=run_status)
    c = sub.add_parser("catchup", parents=[common], help=t("help.catchup"))
    c.add_argument("milestone", nargs="?", help=t("help.catchup.milestone"))
    add_date(c)
    c.add_argument("--apply", metavar="N", help=t("help.catchup.apply"))
    c.add_argument("--reason", default="", help=t("help.catchup.reason"))
    c.add_argument("--list", action="store_true", help=t("help.catchup.list"))
    c.add_argument("--drop", metavar="ID", help=t("help.catchup.drop"))
    add_json(c)
    c.set_defaults(handler=run_catchup)


def run_status(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        view = status(session, parse_day(args.date, session.plan))
        flush_notices(session)
        show(args, lambda: status_json(view), lambda: render_status(view))
    return 0


def _week_text(view: StatusView, track: str) -> str:
    """A flexible habit's week and streak after its kept days ("" for a daily habit)."""
    week = view.week_habit(track)
    if week is None:
        return ""
    return (
        " · "
        + t("habits.week_count", n=week.this_week, of=week.per_week)
        + " · "
        + t("habits.streak_weeks", n=week.streak)
    )


def render_status(view: StatusView) -> list[str]:
    lines = [t("status.heading", day=view.day), ""]
    lines.append(
        "  "
        + pad(t("status.track"), NAME)
        + pad(t("status.planned"), HOURS)
        + pad(t("status.done"), HOURS)
        + pad(t("status.remaining"), HOURS)
        + t("status.finish")
    )
    for tr in view.tracks:
        if tr.has_habit and not tr.has_units and not (tr.planned_to_date or tr.done):
            continue  # a habit of its own: its minutes are on the habit's line below
        lines.append(
            "  "
            + pad(f"{tr.title} ({tr.id})", NAME)
            + pad(hours_text(tr.planned_to_date), HOURS)
            + pad(hours_text(tr.done), HOURS)
            + pad(hours_text(tr.remaining), HOURS)
            + day_or_dash(tr.projected_finish)
        )
    stray = view.not_in_plan
    if stray.entries:
        lines.append(
            "  "
            + pad(t("status.not_in_plan"), NAME)
            + pad("—", HOURS)
            + pad(hours_text(stray.minutes), HOURS)
            + t("status.not_in_plan_hint", n=stray.entries)
        )
    habits = [
        (
            f"{tr.title} ({tr.id})",
            tr.habit_planned_to_date,
            tr.habit_done,
            tr.habit_kept,
            tr.habit_days,
            _week_text(view, tr.id),
        )
        for tr in view.tracks
        if tr.has_habit
    ]
    r = view.ritual
    if r is not None and (r.days or r.done):
        habits.append((f"{r.title} ({r.id})", r.planned, r.done, r.kept, r.days, ""))
    if habits:
        lines += [
            "",
            "  "
            + pad(t("status.habit"), NAME)
            + pad(t("status.planned"), HOURS)
            + pad(t("status.done"), HOURS)
            + t("status.kept"),
        ]
    for name, planned, done, kept, days, weekly in habits:
        lines.append(
            "  "
            + pad(name, NAME)
            + pad(hours_text(planned), HOURS)
            + pad(hours_text(done), HOURS)
            + t("status.kept_days", kept=kept, days=days)
            + weekly
        )
    lines += [
        "",
        "  "
        + pad(t("status.milestone"), 34)
        + pad(t("status.due"), 12)
        + pad(t("status.projected"), 12)
        + pad(t("status.slip"), 9)
        + t("status.state"),
    ]
    for m in view.milestones:
        moved = "*" if m.due != m.original_due else ""
        lines.append(
            "  "
            + pad(m.id, 17)
            + pad(m.title, 25)
            + pad(m.due.isoformat() + moved, 12)
            + pad(day_or_dash(m.projected), 12)
            + pad(signed_days(m.slip_days), 9)
            + state_text(m)
        )
    for trip, moves in view.trips:
        effect = joined(f"{m} {days_text(n)}" for m, n in moves) or t("status.trip_moves_nothing")
        if trip.kind == "travel":
            said = t("status.trip_effect", start=trip.start, end=trip.end, effect=effect)
        else:
            title = view.kind_title(trip.kind)
            said = t(
                "status.absence_effect", title=title, start=trip.start, end=trip.end, effect=effect
            )
        lines += ["", f"  {absence_icon(trip.kind)} {said}"]
    return lines


def run_catchup(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        if args.list:
            choices = list_catchup(session)
            flush_notices(session)
            show(
                args,
                lambda: catchup_list_json(session, choices),
                lambda: render_choices(choices, [stale_catchup(session, c) for c in choices]),
            )
            return 0
        if args.drop is not None:
            from pacer.bounds import parse_id

            choice_id = parse_id(args.drop, "catchup.bad_id")
            dropped = drop_catchup(session, choice_id)
            flush_notices(session)
            print(t("catchup.dropped", id=dropped.id, what=describe(dropped)))
            return 0
        day = parse_day(args.date, session.plan)
        if args.apply is not None:
            from pacer.bounds import parse_int

            n = parse_int(args.apply, 0, 10**6, "input.bad_number", option="--apply")
            chosen = apply_catchup(session, day, args.milestone, n, args.reason)
            flush_notices(session)
            print(t("catchup.applied", id=chosen.id, what=describe(chosen)))
            return 0
        target, options = catchup_options(session, day, args.milestone)
        flush_notices(session)
        show(
            args,
            lambda: options_json(day, target, options),
            lambda: render_options(day, target, options),
        )
    return 0


def render_choices(choices: list[CatchupChoice], stale: list[str]) -> list[str]:
    if not choices:
        return [t("catchup.none_recorded")]
    lines = []
    for c, what in zip(choices, stale, strict=True):
        lines.append(f"{c.id:>3}  {describe(c)}" + (f" — {c.reason}" if c.reason else ""))
        if what:
            lines.append("       ! " + t("catchup.stale", what=what, id=c.id))
    return lines


def nothing_to_catch_up(day: date, target: MilestoneStatus | None) -> Message | None:
    """Why there are no options: no milestone is late, or the one named is not behind."""
    if target is None:
        return Message("catchup.nothing_slips", day=day)
    if behind(target):
        return None
    return Message(
        "catchup.finished" if target.units_done else "catchup.on_track",
        title=target.title,
        id=target.id,
        projected=day_or_dash(target.projected),
        due=target.due,
        slip=signed_days(target.slip_days),
        state=Message(f"state.{target.status}"),
    )


def options_json(day: date, target: MilestoneStatus | None, options: list[Option]) -> Any:
    """`catchup --json`: the service's shape, with the text's notice when nothing is due."""
    shown = catchup_json(day, target, options)
    nothing = nothing_to_catch_up(day, target)
    shown["notices"] = [] if nothing is None else [notice_json(nothing)]
    return shown


def render_options(day: date, target: MilestoneStatus | None, options: list[Option]) -> list[str]:
    nothing = nothing_to_catch_up(day, target)
    if nothing is not None or target is None:
        return [str(nothing)]
    lines = [
        t(
            "catchup.heading",
            title=target.title,
            id=target.id,
            projected=day_or_dash(target.projected),
            due=target.due,
            slip=signed_days(target.slip_days),
        ),
        t("catchup.choose"),
    ]
    for n, option in enumerate(options, 1):
        lines += ["", *render_option(n, option, target, day)]
    return lines


def describe(choice: CatchupChoice) -> str:
    if choice.kind == "focus":
        return t(
            "catchup.focus",
            n=len(choice.units),
            id=choice.milestone,
            start=choice.start,
            end=choice.end,
        )
    if choice.kind == "stretch":
        return t("catchup.stretch", start=choice.start, end=choice.end, id=choice.milestone)
    if choice.kind == "defer":
        return t(
            "catchup.defer", id=choice.milestone, units=joined(choice.units), n=len(choice.units)
        )
    return t("catchup.move_due", id=choice.milestone, due=choice.due)


def render_option(n: int, option: Option, target: MilestoneStatus, day: date) -> list[str]:
    from pacer.schedule.catchup import shown_effects
    from pacer.schedule.status import date_state

    lines = [f"  {n}. {describe(option.choice)}"]
    if option.choice.kind == "move_due" and option.choice.due:
        moved = (option.choice.due - target.due).days
        lines.append(
            "       "
            + pad(target.id, 18)
            + t("catchup.due_moved", due=target.due, new=option.choice.due, days=signed_days(moved))
        )
        return lines
    for e in shown_effects(option):
        delta = (e.after - e.before).days if e.after and e.before else None
        verdict = t(f"state.{date_state(e.due, e.after, day)}")  # as status would say it
        lines.append(
            "       "
            + pad(e.milestone, 18)
            + f"{day_or_dash(e.before)} → {day_or_dash(e.after)}  ({signed_days(delta)})  "
            + t("catchup.due_verdict", due=e.due, verdict=verdict)
        )
    return lines
