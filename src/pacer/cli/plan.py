"""`pacer init`, `pacer plan check` and `pacer plan show`: the plan file itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacer.cli.common import add_date, add_json, flush_notices, print_json, session_from, show
from pacer.cli.text import day_or_dash, pad, signed_days
from pacer.i18n import joined, minutes_text, notice_json, t
from pacer.plan.builtin import STARTING_POINTS
from pacer.plan.model import WEEKDAYS, Block, Plan
from pacer.service import (
    TimelineView,
    block_filters,
    check_plan,
    init_plan,
    parse_day,
    plan_summary,
    plan_warnings,
    state_text,
    timeline,
    use_plan,
)
from pacer.service.absence import absence_title
from pacer.workspace import resolve_plan_path

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from pacer.plan.problems import PlanInvalid, Problem


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help=t("help.init"))
    p.add_argument("path", nargs="?", type=Path, help=t("help.init.path"))
    p.add_argument(
        "--template", metavar="NAME", choices=tuple(STARTING_POINTS), help=t("help.init.template")
    )
    p.set_defaults(handler=run_init)
    p = sub.add_parser("plan", parents=[common], help=t("help.plan"))
    psub = p.add_subparsers(
        dest="plan_command",
        metavar="check|show|use|import|timeline|history|diff|why|reload",
        parser_class=type(p),
    )
    c = psub.add_parser("check", parents=[common], help=t("help.plan.check"))
    c.add_argument("path", nargs="?", type=Path, help=t("help.plan.check.path"))
    add_json(c)
    c.set_defaults(handler=run_check)
    u = psub.add_parser("use", parents=[common], help=t("help.plan.use"))
    u.add_argument("path", type=Path, help=t("help.plan.use.path"))
    u.add_argument("--reason", metavar="TEXT", help=t("help.plan.reason"))
    u.set_defaults(handler=run_use)
    s = psub.add_parser("show", parents=[common], help=t("help.plan.show"))
    add_json(s)
    s.set_defaults(handler=run_show)
    tl = psub.add_parser("timeline", parents=[common], help=t("help.plan.timeline"))
    add_date(tl)
    add_json(tl)
    tl.set_defaults(handler=run_timeline)
    im = psub.add_parser("import", parents=[common], help=t("help.plan.import"))
    im.add_argument("markdown", type=Path, help=t("help.plan.import.markdown"))
    im.add_argument("-o", "--output", type=Path, metavar="FILE", help=t("help.plan.import.output"))
    im.add_argument("--force", action="store_true", help=t("help.output.force"))
    im.set_defaults(handler=run_import)
    from pacer.cli import planversions

    planversions.register(psub, common)
    p.set_defaults(handler=run_show, json=False)


def run_init(args: argparse.Namespace) -> int:
    path = init_plan(args.path, args.template)
    print(t("init.written", path=path))
    return 0


def run_use(args: argparse.Namespace) -> int:
    from pacer.cli.planversions import record_now
    from pacer.service.planversions import check_reason

    reason = check_reason(args.reason) if args.reason is not None else ""  # before any write
    adopted = use_plan(args.path, getattr(args, "db", None))
    print(t("plan.used", path=adopted.path, title=adopted.plan.title, source=args.path))
    if adopted.previous is not None:
        print(t("plan.used_previous", path=adopted.previous))
    return record_now(args, reason, use=True)


def run_check(args: argparse.Namespace) -> int:
    from pacer.plan.problems import PlanInvalid

    given = args.path or getattr(args, "plan", None)
    given_as = "plan check" if args.path else "--plan"  # the path as the person typed it
    if args.json:
        # An invalid plan is an answer here, not an error: the problems, each with its place.
        path = given or resolve_plan_path(None)[0]
        try:
            plan, _ = check_plan(given, given_as)
        except PlanInvalid as exc:
            print_json(check_json(path, None, exc))
            return 2
        warnings = plan_warnings(plan, resolve_plan_path(given)[0])
        print_json({**check_json(path, plan, None), "warnings": problems_json(warnings)})
        return 0
    plan, resolved = check_plan(given, given_as)
    warnings = plan_warnings(plan, resolved)
    s = plan_summary(plan)
    print(
        t(
            "plan.ok",
            path=args.path or resolved,
            title=plan.title,
            units=s.units,
            hours=round(s.unit_minutes / 60),
            milestones=s.milestones,
        )
    )
    for w in warnings:
        print(f"{args.path or resolved}:{w.loc.line}:{w.loc.col}: {w.message}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Parse, draft through the service, then show: the YAML, or one line about the file."""
    from pacer import clock
    from pacer.service.markdown_import import import_markdown_plan

    done = import_markdown_plan(args.markdown, args.output, args.force, clock.wall_date())
    if done.written is None:
        sys.stdout.write(done.text)
        return 0
    print(
        t(
            "mdimport.written",
            path=done.written,
            months=done.months,
            tracks=done.tracks,
            curricula=done.curricula,
            units=done.units,
            phases=done.phases,
        )
    )
    return 0


def check_json(path: Path, plan: Plan | None, invalid: PlanInvalid | None) -> dict[str, Any]:
    """`plan check --json`: the summary of a valid plan, or every problem of an invalid one."""
    from pacer.plan.builtin import builtin_plan_path

    summary = plan_summary(plan) if plan is not None else None
    return {
        "ok": plan is not None,
        "path": str(path),
        "builtin": Path(path) == builtin_plan_path(),
        "title": plan.title if plan is not None else None,
        "units": summary.units if summary else None,
        "minutes": summary.unit_minutes if summary else None,
        "covered": summary.covered if summary else None,
        "milestones": summary.milestones if summary else None,
        "problems": problems_json(invalid.raw if invalid is not None else []),
        "warnings": [],
    }


def problems_json(problems: list[Problem]) -> list[dict[str, Any]]:
    return [{"line": p.loc.line, "column": p.loc.col, **notice_json(p.message)} for p in problems]


def run_show(args: argparse.Namespace) -> int:
    session = session_from(args)
    plan = session.plan
    flush_notices(session)
    show(args, lambda: plan_json(plan, session.compiled.source), lambda: render_plan(plan))
    return 0


def plan_json(plan: Plan, source: str) -> dict[str, Any]:
    """`plan show --json`: what the text shows, as data (ids where the text has titles)."""
    return {
        "source": source,
        "id": plan.id,
        "title": plan.title,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "timezone": plan.timezone,
        "locale": plan.locale,
        "country": plan.calendar.country,
        "subdivision": plan.calendar.subdivision,
        "holidays_off": plan.calendar.holidays_off,
        "principles": list(plan.principles),
        "tracks": [track_json(plan, tr.id, tr.title) for tr in plan.tracks],
        "baseline": [
            {
                "track": b.track,
                "have": list(b.have),
                "lack": list(b.lack),
                "conclusion": b.conclusion,
                "covers": list(b.covers),
            }
            for b in plan.baseline
        ],
        "templates": [
            {
                "id": tpl.id,
                "title": tpl.title,
                "start": tpl.start,
                "blocks": [block_json(b) for b in tpl.blocks],
            }
            for tpl in plan.day_templates
        ],
        "week_shapes": [
            {"id": shape.id, "days": dict(zip(WEEKDAYS, shape.days, strict=True))}
            for shape in plan.week_shapes
        ],
        "overrides": [
            {
                "date": o.day.isoformat(),
                "template": o.template or None,
                "shape": o.shape or None,
                "reason": o.reason,
            }
            for o in plan.calendar.overrides
        ],
        **patterns_json(plan),
        "day_starts": plan.day_starts,
        "absences": [
            {
                "kind": a.kind,
                "title": a.title or None,  # the plan's words; the same in every language
                "shape": a.shape or None,
                "template": a.template if plan.template_or_none(a.template) else None,
                "banner": a.banner,
            }
            for a in (plan.absence(kind) for kind in plan.absence_kinds())
            if a is not None
        ],
        "phases": [
            {
                "id": ph.id,
                "title": ph.title,
                "start": str(ph.start),
                "end": str(ph.end),
                "deliverable": ph.deliverable,
            }
            for ph in plan.phases
        ],
        "months": [
            {
                "month": str(m.month),
                "title": m.title,
                "keywords": m.keywords,
                "items": [
                    {"track": track, "text": item} for track, items in m.items for item in items
                ],
            }
            for m in plan.months
        ],
        "milestones": [
            {"id": ms.id, "title": ms.title, "due": ms.due.isoformat()} for ms in plan.milestones
        ],
        "decisions": [
            {
                "id": d.id,
                "question": d.question,
                "due": d.due.isoformat(),
                "evidence": list(d.evidence),
                "notes": d.notes,
            }
            for d in plan.decisions
        ],
    }


def track_json(plan: Plan, track: str, title: str) -> dict[str, Any]:
    """A track with the units still to do (those the baseline covers aside), as the text's
    "(N units, H h)"."""
    covered = plan.covered_units()
    units = [u for u in plan.units() if u.track == track and u.id not in covered]
    return {
        "id": track,
        "title": title,
        "units": len(units),
        "minutes": sum(u.minutes for u in units),
    }


def block_json(b: Block) -> dict[str, Any]:
    return {
        "id": b.id,
        "type": b.type,
        "title": b.title,
        "minutes": b.minutes,
        "max": b.max_minutes,
        "track": b.track,
        "tracks": list(b.tracks),
        "kinds": list(b.kinds),
        "new_units": b.new_units,
        "days": [WEEKDAYS[d] for d in b.days],
        "per_week": b.per_week,
    }


def render_plan(plan: Plan) -> list[str]:
    lines = [f"{plan.title}  {plan.start} → {plan.end}  ({plan.timezone})"]
    for p in plan.principles:
        lines.append(f"  · {p}")
    lines.append("")
    lines.append(t("show.tracks"))
    for tr in plan.tracks:
        units = [u for u in plan.units() if u.track == tr.id and u.id not in plan.covered_units()]
        hours = round(sum(u.minutes for u in units) / 60)
        lines.append(
            f"  {tr.id:<10} {tr.title}  ({t('show.track_units', n=len(units), hours=hours)})"
        )
    lines += _baseline(plan)
    lines += _templates(plan)
    if plan.phases:
        lines.append("")
        lines.append(t("show.phases"))
        for ph in plan.phases:
            lines.append(f"  {ph.id}  {ph.start}..{ph.end}  {ph.title}")
            if ph.deliverable:
                lines.append(f"      → {ph.deliverable}")
    if plan.months:
        lines.append("")
        lines.append(t("show.months"))
        for m in plan.months:
            kw = f" — {m.keywords}" if m.keywords else ""
            lines.append(f"  {m.month}  {m.title}{kw}")
            for track, items in m.items:
                for item in items:
                    lines.append(f"      [{track}] {item}")
    if plan.milestones:
        lines.append("")
        lines.append(t("show.milestones"))
        for ms in plan.milestones:
            lines.append(f"  {ms.due}  {ms.title}  [{ms.id}]")
    if plan.decisions:
        lines.append("")
        lines.append(t("show.decisions"))
        for d in plan.decisions:
            lines.append(f"  {d.due}  {d.question}  [{d.id}]")
            if d.evidence:
                lines.append("      " + t("show.evidence", ids=joined(d.evidence)))
            if d.notes:
                lines.append(f"      {d.notes}")
    return lines


def _baseline(plan: Plan) -> list[str]:
    """What the person can already do, per track: ✓ have, ✗ lack, → the conclusion."""
    if not plan.baseline:
        return []
    titles = {tr.id: tr.title for tr in plan.tracks}
    lines = ["", t("show.baseline")]
    for b in plan.baseline:
        lines.append(f"  {titles.get(b.track, b.track)} ({b.track})")
        lines += [f"      ✓ {line}" for line in b.have]
        lines += [f"      ✗ {line}" for line in b.lack]
        if b.conclusion:
            lines.append(f"      → {b.conclusion}")
    return lines


def _templates(plan: Plan) -> list[str]:
    """The day templates with their blocks (what each work block takes), the week shapes and
    the dates the plan gives a template of their own."""
    lines = ["", t("show.templates")]
    for tpl in plan.day_templates:
        lines.append(f"  {tpl.id}  {tpl.title}" + (f"  {tpl.start}" if tpl.start else ""))
        for b in tpl.blocks:
            lines.append(f"      {block_line(plan, b)}")
    lines += ["", t("show.shapes")]
    for shape in plan.week_shapes:
        days = " · ".join(
            f"{t('weekday.' + wd)} {tid}" for wd, tid in zip(WEEKDAYS, shape.days, strict=True)
        )
        lines.append(f"  {shape.id}  {days}")
    if plan.calendar.overrides:
        lines += ["", t("show.overrides")]
        for o in plan.calendar.overrides:
            named = o.template or t("rota.why.shape", shape=o.shape)
            lines.append(f"  {o.day}  {named}" + (f"  {o.reason}" if o.reason else ""))
    rotation, periods = plan.calendar.rotation, plan.calendar.periods
    if rotation is not None:
        cycle = " → ".join(rotation.weeks or rotation.days)
        lines += ["", t("rota.show.rotation", start=rotation.start, cycle=cycle)]
    if periods:
        lines += ["", t("rota.show.periods")]
        for p in periods:
            lines.append(
                f"  {p.start} → {p.end}  {p.shape}" + (f"  {p.reason}" if p.reason else "")
            )
    lines += ["", t("show.absences")]
    for a in (plan.absence(kind) for kind in plan.absence_kinds()):
        if a is None:
            continue
        follows = (
            t("show.absence_shape", shape=a.shape)
            if a.shape
            else t("show.absence_nothing")
            if not plan.template_or_none(a.template)
            else t("show.absence_template", template=a.template)
        )
        banner = f" — {a.banner}" if a.banner else ""
        title = absence_title(plan, a.kind)
        lines.append("  " + t("show.absence", kind=a.kind, title=title, follows=follows) + banner)
    if plan.day_starts != "00:00":
        lines += ["", t("show.day_starts", time=plan.day_starts)]
    return lines


def patterns_json(plan: Plan) -> dict[str, Any]:
    """`plan show --json`: the rotation, the periods and the roster's templates."""
    rules = plan.calendar
    rotation = rules.rotation
    return {
        "rotation": None
        if rotation is None
        else {
            "start": rotation.start.isoformat(),
            "weeks": list(rotation.weeks) or None,
            "days": list(rotation.days) or None,
        },
        "periods": [
            {
                "from": p.start.isoformat(),
                "to": p.end.isoformat(),
                "shape": p.shape,
                "reason": p.reason,
            }
            for p in rules.periods
        ],
        "roster_templates": list(rules.roster_templates),
    }


def block_line(plan: Plan, block: Block) -> str:
    """`[work] 主线  60 min · tracks: 数学 / 工程 & AI · kinds: …`: a block and what it takes."""
    mins = minutes_text(block.minutes, block.max_minutes)
    text = f"[{t('block.' + block.type)}] {block.title}  {mins}"
    return " · ".join([text, *block_filters(plan, block)])


def run_timeline(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        view = timeline(session, parse_day(args.date, session.plan))
        flush_notices(session)
        show(args, lambda: timeline_json(view), lambda: render_timeline(view))
    return 0


def timeline_json(view: TimelineView) -> dict[str, Any]:
    """`plan timeline --json`: per curriculum the weeks (by their Monday) the plan put work
    in and the weeks it is really there; the milestones as `status --json` has them."""
    from pacer.service import milestone_json

    def mondays(indexes: frozenset[int]) -> list[str]:
        return [view.weeks[i].isoformat() for i in sorted(indexes) if 0 <= i < len(view.weeks)]

    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "date": view.day.isoformat(),
        "weeks": [w.isoformat() for w in view.weeks],
        "curricula": [
            {
                "id": row.id,
                "title": row.title,
                "planned": mondays(row.planned),
                "actual": mondays(row.actual),
                "planned_finish": iso(row.planned_finish),
                "projected_finish": iso(row.projected_finish),
                "slip_days": (row.projected_finish - row.planned_finish).days
                if row.projected_finish and row.planned_finish
                else None,
            }
            for row in view.curricula
        ],
        "milestones": [milestone_json(m) for m in view.milestones],
    }


LABEL = 26


def render_timeline(view: TimelineView) -> list[str]:
    """One column a week. ░ planned only, █ planned and really there (logged or projected),
    ▓ there but not planned that week; ◆ a due date, ● a projected date, ✓ done."""
    n = len(view.weeks)
    months = [" "] * n
    for i, monday in enumerate(view.weeks):
        if i == 0 or monday.month != view.weeks[i - 1].month:
            label = f"{monday.month}"
            for k, ch in enumerate(label):
                if i + k < n:
                    months[i + k] = ch
    today = [" "] * n
    today[min(max(view.week_of(view.day), 0), n - 1)] = "▼"
    lines = [
        t("timeline.heading", day=view.day),
        " " * LABEL + "".join(months),
        " " * LABEL + "".join(today),
    ]
    for row in view.curricula:
        cells = []
        for i in range(n):
            planned, actual = i in row.planned, i in row.actual
            cells.append("█" if planned and actual else "░" if planned else "▓" if actual else "·")
        slip = (
            (row.projected_finish - row.planned_finish).days
            if row.projected_finish and row.planned_finish
            else None
        )
        mark = f" {signed_days(slip)}" if slip else ""
        if row.projected_finish is None:
            mark = " " + t("timeline.beyond")
        lines.append(pad(row.title, LABEL) + "".join(cells) + mark)
    lines.append("")
    for m in view.milestones:
        cells = ["·"] * n
        due = view.week_of(m.due)
        if 0 <= due < n:
            cells[due] = "◆"
        if m.projected is not None:
            at = view.week_of(m.projected)
            if 0 <= at < n:
                cells[at] = "✓" if m.units_done else "●"
        note = f" {day_or_dash(m.projected)} ({signed_days(m.slip_days)}, {state_text(m)})"
        lines.append(pad(m.title, LABEL) + "".join(cells) + note)
    lines.append("")
    lines.append(t("timeline.legend"))
    return lines
