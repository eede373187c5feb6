"""`pacer report week|month|year`: a summary with charts, as text, Markdown or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacer import clock
from pacer.cli.common import add_date, add_json, flush_notices, session_from
from pacer.i18n import t
from pacer.service import iso_week, parse_day

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SUFFIX = {"text": ".txt", "md": ".md", "html": ".html", "json": ".json"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help=t("help.report"))
    p.add_argument("period", choices=("week", "month", "year"), help=t("help.report.period"))
    add_date(p)
    p.add_argument(
        "--format", choices=("text", "md", "html"), default="text", help=t("help.report.format")
    )
    add_json(p)
    p.add_argument("-o", "--output", type=Path, help=t("help.report.output"))
    p.add_argument("--force", action="store_true", help=t("help.output.force"))
    p.set_defaults(handler=run_report)


def _stem(period: str, day: object) -> str:
    from datetime import date

    assert isinstance(day, date)
    key = {"week": iso_week(day), "month": f"{day.year}-{day.month:02d}", "year": str(day.year)}
    return f"pacer-{period}-{key[period]}"


def _chart_folder(target: Path, period: str, fmt: str) -> Path:
    """Where a report's charts go: beside it, except for the year summary in Markdown, a Hexo
    post, whose charts go in its asset folder (the post's path without `.md`: with
    `post_asset_folder: true` Hexo publishes a post's images only from there)."""
    if period == "year" and fmt == "md":
        return target.with_suffix("")
    return target.parent


def run_report(args: argparse.Namespace) -> int:
    from pacer.report.charts import chart_files, chart_stems, draw_all, processes_to_draw
    from pacer.report.document import html_report, markdown_report, text_report
    from pacer.report.progress import Progress
    from pacer.service.gantt import gantt_of
    from pacer.service.report import report_data, report_json
    from pacer.workspace import refuse_existing, write_file_atomic

    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        data = report_data(session, args.period, day, clock.today(session.plan))
        flush_notices(session)
        stem = _stem(args.period, data.first)
        fmt = "json" if args.json else args.format
        target: Path | None = args.output
        charts = {}
        if target is not None:
            if target.suffix not in SUFFIX.values():
                target = target / f"{stem}{SUFFIX[fmt]}"
            folder = _chart_folder(target, args.period, fmt)
            # JSON is the data alone: no charts are drawn beside it. The Gantt chart shows
            # the whole plan as it stood on the report's day.
            gantt = gantt_of(session, data.today) if fmt != "json" else None
            drawn = chart_files(data, folder, stem, gantt) if fmt != "json" else []
            # Every file this report would write is checked before any is: a hand-edited
            # summary (or chart) is never replaced without --force, nor half of a report.
            refuse_existing([target, *drawn], args.force)
            if drawn:
                bar = Progress(len(chart_stems(data, folder, stem, gantt)), t("report.drawing"))
                # This command's process has no threads: its charts are drawn side by side.
                charts = draw_all(
                    data, folder, stem, bar.step, gantt, processes=processes_to_draw()
                )
                bar.finish()
        if fmt == "json":
            import json

            body = json.dumps(report_json(data), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "text":
            body = text_report(data)
        elif fmt == "md":
            body = markdown_report(data, session.plan, charts, year_end=args.period == "year")
        else:
            body = html_report(data, session.plan, charts)
        if target is None:
            sys.stdout.write(body)
            return 0
        write_file_atomic(target, body.encode("utf-8"), overwrite=args.force)
        if fmt == "json":
            print(t("report.written_data", path=target))
        else:
            print(t("report.written", path=target, charts=sum(len(v) for v in charts.values())))
    return 0
