"""`pacer today` and `pacer week`: the day's blocks and concrete work, as text or JSON."""

from __future__ import annotations

from pacer import clock
from pacer.cli.common import add_date, add_json, flush_notices, print_json, session_from
from pacer.i18n import days_text, joined, minutes_text, t
from pacer.service import (
    DayView,
    Session,
    absence_banner,
    absence_title,
    agenda,
    day_json,
    day_why,
    empty_block_reason,
    iso_week,
    parse_day,
    target_titles,
    trip_effect,
    week,
)
from pacer.service import logged_by_target as logged_by_target_of
from pacer.service.absence import absence_icon

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from datetime import date
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("today", parents=[common], help=t("help.today"))
    add_date(p)
    add_json(p)
    p.set_defaults(handler=run_today)
    p = sub.add_parser("week", parents=[common], help=t("help.week"))
    add_date(p)
    add_json(p)
    p.set_defaults(handler=run_week)


def run_today(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        view = agenda(session, day)
        moved = trip_effect(session, day, clock.today(session.plan))
        from pacer.service.streaks import habit_streaks, streak_json, streak_lines
        from pacer.service.timer import running, timer_json, today_line

        timing = running(session)
        streaks = habit_streaks(session, day, clock.today(session.plan), recent=0)
        # What the rendered-day cache keeps this text for: not while a timer runs (its
        # minutes change by the minute).
        from pacer.service.daycache import rendered
        from pacer.workspace import BUILTIN

        # Nor under another plan's data: its line names the bound plan's file while it exists.
        compiled = session.compiled
        rendered(
            session.plan.day_starts,
            clock.today(session.plan),
            cacheable=timing is None and session.bound_elsewhere is None,
            plan=None if compiled.source == BUILTIN else compiled.content,
        )
        flush_notices(session)
        if args.json:
            shown = day_json(session, view)
            shown["trip_effect"] = [{"milestone": m, "days": n} for m, n in moved]
            shown["timer"] = timer_json(session, timing)
            # Each habit's streak, as `habit list --json` gives it without the recent days.
            shown["streaks"] = [
                {k: v for k, v in streak_json(s).items() if k != "recent"} for s in streaks
            ]
            print_json(shown)
        else:
            lines = render_day(session, view, streaks=streak_lines(streaks))
            if timing is not None:
                lines.insert(1, "  " + today_line(session, timing))
            if moved:
                biggest = sorted(moved, key=lambda e: -abs(e[1]))
                effect = joined(f"{m} {days_text(n)}" for m, n in biggest[:5])
                if len(biggest) > 5:
                    effect += " " + t("today.and_more", n=len(biggest) - 5)
                lines.insert(1, effect_line(session, day, effect))
            # The week's review comes first until it is done (issue 15): its notice leads the
            # day, right under the day's heading (which stays the first line, for scripts).
            due = next((n for n in view.notices if n.key == "notice.review_due"), None)
            if due is not None:
                lines.remove(f"  ! {due}")
                lines.insert(1, "  ! " + t("review.today_lead", week=due.args["week"]))
            print("\n".join(lines))
    return 0


def effect_line(session: Session, day: date, effect: str) -> str:
    """ "✈ this trip moves: …" for travel; "○ this absence (off sick) moves: …" otherwise."""
    from pacer.service.trips import effect_trip

    trip = effect_trip(session, day)
    kind = trip.kind if trip is not None else "travel"
    if kind == "travel":
        return "  ✈ " + t("today.trip_effect", effect=effect)
    title = absence_title(session.plan, kind)
    return f"  {absence_icon(kind)} " + t("today.absence_effect", title=title, effect=effect)


def run_week(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        views = week(session, day)
        flush_notices(session)
        if args.json:
            print_json({"week": iso_week(day), "days": [day_json(session, v) for v in views]})
        else:
            print(t("week.heading", week=iso_week(day)))
            # A notice that holds for several days (no holiday data for the year) is said once.
            for notice in dict.fromkeys(str(n) for v in views for n in v.notices):
                print(f"  ! {notice}")
            for v in views:
                print()
                print("\n".join(render_day(session, v, compact=True)))
    return 0


def render_day(
    session: Session,
    view: DayView,
    compact: bool = False,
    streaks: dict[str, str] | None = None,
) -> list[str]:
    """The day as lines of text: heading, travel banner, blocks with work (a habit with its
    streak, from `streaks` by track), the log."""
    plan = session.plan
    info = view.plan.info
    why = day_why(info)
    if info.trip:
        # On an absence, its kind says why: "vacation", "conference", not "trip" for them all.
        reason = absence_title(plan, info.trip.kind)
    elif info.kind == "roster":
        # A roster day says only what the roster says; a rotation or period adds its words.
        reason = why
    else:
        reason = t(f"reason.{info.kind}")
    if info.holiday:
        reason = f"{reason} · {info.holiday}"
        if info.provisional:
            reason = f"{reason} ({t('reason.provisional')})"
    if why and info.kind != "roster":
        reason = f"{reason} · {why}"
    if info.note and info.kind == "override":
        reason = f"{reason} · {info.note}"
    weekday = t("weekday." + info.weekday)
    title = view.plan.template.title
    # pacer's day with nothing planned has no title of its own: the reason says it all.
    head = f"{title} ({reason})" if title else reason
    lines = [f"{info.day.isoformat()} {weekday} · {head}"]
    if info.trip is not None:
        icon = absence_icon(info.trip.kind)
        lines.append(f"  {icon} " + absence_banner(plan, info.trip, info.day))
    if not compact:
        for n in view.notices:
            lines.append(f"  ! {n}")
    logged_by_target, _ = logged_by_target_of(view)
    for bp in view.plan.blocks:
        b = bp.block
        mins = minutes_text(*view.plan.asks(bp))
        tag = t(f"block.{b.type}")
        target = b.track if b.type == "habit" else ("review" if b.type == "ritual" else None)
        done = logged_by_target.get(target, 0) if target else 0
        mark = f"  ✓ {done}" if done else ""
        counted = view.week_count(b.track) if b.type == "habit" else None
        if counted is not None:
            mark += "  · " + t("habits.week_count", n=counted[0], of=counted[1])
        lines.append(f"  [{tag}] {b.title}  {mins}{mark}")
        if streaks and b.type == "habit" and b.track in streaks:
            lines.append(f"      ↻ {streaks[b.track]}")
        if compact:
            for p in bp.items:
                lines.append(f"      · {view.unit(plan, p.unit).title}  {minutes_text(p.minutes)}")
            continue
        for s in b.steps:
            detail = f" — {s.detail}" if s.detail else ""
            lines.append(f"      · {s.title} {minutes_text(s.minutes, s.max_minutes)}{detail}")
        if b.detail:
            lines.append(f"      {b.detail}")
        empty = empty_block_reason(bp)
        if empty is not None:
            lines.append(f"      · {empty}")
        for p in bp.items:
            unit = view.unit(plan, p.unit)
            left = (
                t("today.unit_logged", n=logged_by_target[unit.id])
                if unit.id in logged_by_target
                else ""
            )
            lines.append(f"      · {unit.title}  {minutes_text(p.minutes)}  [{unit.id}]{left}")
            curriculum = view.curriculum(plan, unit.curriculum)
            lines.append(f"        {curriculum.title} · {t('kind.' + unit.kind)}")
            for q in unit.prompts:
                lines.append(f"        ? {q}")
        if b.type == "ritual":
            for prompt in plan.review.prompts:
                lines.append(f"      ? {prompt.text}")
    # "today" only of today: `week` and `today --date` show other days.
    is_today = info.day == clock.today(session.plan)
    if view.logged:
        lines.append("  " + t("today.logged" if is_today else "today.logged_day"))
        names = target_titles(session, [e.target for e in view.logged])
        for e in view.logged:
            note = f" — {e.note}" if e.note else ""
            finished = f" ({t('today.done')})" if e.done else ""
            name = f"{names[e.target]} [{e.target}]" if names[e.target] != e.target else e.target
            lines.append(f"      {name} {minutes_text(e.minutes)}{finished}{note}")
    elif not compact:
        lines.append("  " + t("today.nothing_logged" if is_today else "today.nothing_logged_day"))
    return lines
