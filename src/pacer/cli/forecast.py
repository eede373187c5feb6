"""`pacer forecast`: each milestone's chance of meeting its due date, from your own record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacer.cli.common import add_date, add_json, flush_notices, session_from, show
from pacer.cli.text import day_or_dash, pad
from pacer.i18n import Message, notice_json, t
from pacer.service import ForecastView, forecast_at, forecast_json, parse_day
from pacer.service.forecast import DEFAULT_RUNS, DEFAULT_SEED, chance

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "forecast",
        parents=[common],
        help=t("help.forecast"),
    )
    add_date(p)
    p.add_argument("--runs", default=str(DEFAULT_RUNS), metavar="N", help=t("help.forecast.runs"))
    p.add_argument("--seed", default=str(DEFAULT_SEED), metavar="S", help=t("help.forecast.seed"))
    add_json(p)
    p.add_argument("--chart", type=Path, metavar="PATH", help=t("help.forecast.chart"))
    p.add_argument("--force", action="store_true", help=t("help.output.force"))
    p.set_defaults(handler=run_forecast)


def run_forecast(args: argparse.Namespace) -> int:
    from pacer.bounds import parse_int
    from pacer.schedule.forecast import MAX_RUNS

    runs = parse_int(args.runs, 1, MAX_RUNS, "forecast.bad_runs", limit=MAX_RUNS)
    seed = parse_int(args.seed, 0, 2**32 - 1, "input.bad_number", option="--seed")
    stem: Path | None = None
    if args.chart is not None:
        from pacer.report.charts import SUFFIXES
        from pacer.workspace import refuse_existing

        target: Path = args.chart
        stem = target.with_suffix("") if target.suffix in SUFFIXES else target
        refuse_existing([stem.with_suffix(s) for s in SUFFIXES], args.force)
    with session_from(args) as session:
        view = forecast_at(session, parse_day(args.date, session.plan), runs, seed)
        flush_notices(session)
    written: list[Path] = []
    if stem is not None:
        from pacer.report.fan import fan_chart

        written = fan_chart(view, stem)
    show(args, lambda: as_json(view), lambda: render_forecast(view))
    if written:
        png, svg = (next(p for p in written if p.suffix == s) for s in (".png", ".svg"))
        (sys.stderr if args.json else sys.stdout).write(
            t("forecast.chart_written", png=png, svg=svg) + "\n"
        )
    return 0


def history_notices(view: ForecastView) -> list[Message]:
    """What the text says of a history too short to stand on its own."""
    if view.first is None:
        return [Message("forecast.no_history")]
    if view.leaning:
        return [Message("forecast.thin_history", adherence="0.8", velocity="1.0")]
    return []


def as_json(view: ForecastView) -> Any:
    shown = forecast_json(view)
    shown["notices"] = [notice_json(m) for m in history_notices(view)]
    return shown


def render_forecast(view: ForecastView) -> list[str]:
    lines = [t("forecast.heading", day=view.day, runs=view.runs, seed=view.seed)]
    if view.first is not None:
        lines.append(t("forecast.history", days=view.days, first=view.first))
    lines += [str(m) for m in history_notices(view)]
    lines += ["", "  " + t("forecast.adherence")]
    for f in view.adherence:
        lines.append(
            "    "
            + pad(f"{f.title} ({f.id})", 34)
            + f"{f.mean:5.2f}   "
            + t("forecast.days", n=f.count)
        )
    lines += ["", "  " + t("forecast.velocity")]
    for f in view.velocity:
        lines.append(
            "    "
            + pad(f"{f.title} ({f.id})", 34)
            + f"{f.mean:5.2f}   "
            + t("forecast.units", n=f.count)
        )
    lines.append("")
    if not view.milestones:
        lines.append(t("forecast.no_milestones"))
        return lines
    lines.append(
        "  "
        + pad(t("forecast.col.milestone"), 42)
        + pad(t("forecast.col.due"), 12)
        + pad(t("forecast.col.chance"), 10)
        + pad(t("forecast.col.p50"), 12)
        + t("forecast.col.p90")
    )
    for m in view.milestones:
        lines.append(
            "  "
            + pad(m.id, 17)
            + pad(m.title, 24)
            + " "
            + pad(m.due.isoformat(), 12)
            + pad(chance(m.probability), 10)
            + pad(day_or_dash(m.p50), 12)
            + day_or_dash(m.p90)
        )
    lines += ["", t("forecast.explain")]
    if any(m.p50 is None or m.p90 is None for m in view.milestones if not m.finished):
        lines.append(t("forecast.beyond"))
    return lines
