"""`pacer metric add|list|show`: self-reported numbers against the plan's target road."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_date, add_json, flush_notices, print_json, session_from, show
from pacer.cli.text import pad
from pacer.i18n import joined, t
from pacer.service import (
    MetricView,
    add_metric_value,
    metric_detail_json,
    metric_json,
    metric_view,
    metric_views,
    parse_day,
)

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.plan.model import Metric


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("metric", parents=[common], help=t("help.metric"))
    msub = p.add_subparsers(
        dest="metric_command", metavar="add|list|show|edit|rm", parser_class=type(p)
    )
    a = msub.add_parser("add", parents=[common], help=t("help.metric.add"))
    a.add_argument("id", help=t("help.metric.add.id"))
    a.add_argument("value", help=t("help.metric.add.value"))
    a.add_argument("-m", "--note", default="", help=t("help.metric.add.note"))
    add_date(a)
    a.set_defaults(handler=run_add)
    ls = msub.add_parser("list", parents=[common], help=t("help.metric.list"))
    add_date(ls)
    add_json(ls)
    ls.set_defaults(handler=run_list)
    sh = msub.add_parser("show", parents=[common], help=t("help.metric.show"))
    sh.add_argument("id", help=t("help.metric.show.id"))
    add_date(sh)
    add_json(sh)
    sh.set_defaults(handler=run_show)
    ed = msub.add_parser("edit", parents=[common], help=t("help.metric.edit"))
    ed.add_argument("id", help=t("help.metric.value_id"))
    ed.add_argument("--value", help=t("help.metric.edit.value"))
    ed.add_argument("--date", help=t("help.metric.edit.date"))
    ed.set_defaults(handler=run_edit)
    rm = msub.add_parser("rm", parents=[common], help=t("help.metric.rm"))
    rm.add_argument("id", help=t("help.metric.value_id"))
    rm.set_defaults(handler=run_rm)
    p.set_defaults(handler=run_list_default)


def amount(metric: Metric, value: float | None, signed: bool = False) -> str:
    """A value in the metric's unit, at most two decimals: 55%, 3.5 h, +2.5%."""
    if value is None:
        return "—"
    value = round(value, 2) + 0.0
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    text = text.rstrip("0").rstrip(".")
    if not metric.unit:
        return text
    return f"{text}{metric.unit}" if metric.unit == "%" else f"{text} {metric.unit}"


def verdict(view: MetricView) -> str:
    s, m = view.standing, view.metric
    if s.latest is None:
        return t("metric.no_values")
    by = amount(m, abs(s.margin or 0.0))
    if s.state == "behind":
        return t("metric.behind", by=by, expected=amount(m, s.expected))
    if by == amount(m, 0.0):
        return t("metric.on_road", expected=amount(m, s.expected))
    return t("metric.on_track", by=by, expected=amount(m, s.expected))


def next_target(view: MetricView) -> str:
    target = view.standing.next_target
    if target is None:
        return t("metric.no_next_target")
    return t("metric.next_target", value=amount(view.metric, target.value), day=target.day)


def run_add(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        reading, view = add_metric_value(session, args.id, args.value, day, args.note)
        flush_notices(session)
        print(
            t(
                "metric.recorded",
                id=reading.metric,
                value=amount(view.metric, reading.value),
                day=reading.day,
                verdict=verdict(view),
            )
        )
    return 0


def run_list_default(args: argparse.Namespace) -> int:
    args.json, args.date = False, None
    return run_list(args)


def run_list(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        views = metric_views(session, day)
        flush_notices(session)
        if args.json:
            print_json({"date": day.isoformat(), "metrics": [metric_json(v) for v in views]})
            return 0
        if not views:
            print(t("metric.none_in_plan"))
        for v in views:
            s = v.standing
            latest = (
                t("metric.latest", value=amount(v.metric, s.latest.value), day=s.latest.day)
                if s.latest
                else t("metric.no_values")
            )
            print(f"{v.metric.id}  {v.metric.title}")
            print(f"  {latest} · {verdict(v) if s.latest else ''}".rstrip(" ·"))
            print(
                "  "
                + t("metric.road_today", value=amount(v.metric, s.expected_today), day=day)
                + " · "
                + next_target(v)
            )
    return 0


def run_show(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        view = metric_view(session, args.id, day)
        flush_notices(session)
        show(args, lambda: metric_detail_json(view), lambda: render_show(view))
    return 0


def render_show(view: MetricView) -> list[str]:
    from pacer.schedule.metrics import margin_of, road_value

    m, s = view.metric, view.standing
    direction = t("metric.higher_better" if m.higher_is_better else "metric.lower_better")
    lines = [f"{m.id} · {m.title} ({direction})"]
    targets = joined(t("metric.by", value=amount(m, p.value), day=p.day) for p in m.targets)
    lines.append("  " + t("metric.targets", targets=targets or "—"))
    road = " → ".join(t("metric.on", value=amount(m, p.value), day=p.day) for p in view.road)
    lines.append("  " + t("metric.road", road=road or "—"))
    lines.append("  " + t("metric.road_today", value=amount(m, s.expected_today), day=view.day))
    lines += ["", "  " + t("metric.values")]
    if not view.values:
        lines.append("    " + t("metric.no_values"))
    width = max((len(str(r.id)) for r in view.values), default=1)
    for r in view.values:
        expected = road_value(view.road, r.day) or 0.0
        # The value's id first: what `metric edit ID` and `metric rm ID` take.
        lines.append(
            f"    {r.id:>{width}}  {r.day}  {amount(m, r.value):>8}  "
            + pad(t("metric.road_at", value=amount(m, expected)), 16)
            + f"{amount(m, margin_of(m, r.value, expected), signed=True):>8}"
            + (f"  {r.note}" if r.note else "")
        )
    lines += ["", "  " + verdict(view), "  " + next_target(view)]
    return lines


def run_edit(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import edit_metric_value, value_text

    value_id = parse_id(args.id, "logfix.bad_value_id")
    with session_from(args) as session:
        day = parse_day(args.date, session.plan) if args.date is not None else None
        _, after = edit_metric_value(session, value_id, args.value, day)
        flush_notices(session)
        print(t("logfix.metric.edited", id=after.id, what=value_text(session, after)))
    return 0


def run_rm(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_id
    from pacer.service import remove_metric_value, value_text

    value_id = parse_id(args.id, "logfix.bad_value_id")
    with session_from(args) as session:
        removed = remove_metric_value(session, value_id)
        flush_notices(session)
        print(t("logfix.metric.removed", id=removed.id, what=value_text(session, removed)))
    return 0
