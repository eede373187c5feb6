"""Reports as text, Markdown or HTML; the year's Markdown is the 年终技术总结 for the blog."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from pacer.i18n import days_text, hours_text, joined, t
from pacer.plan.model import Plan
from pacer.service.milestones import state_text
from pacer.service.planchanges import plan_change_lines
from pacer.service.report import ReportData, TrackSeries


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


def _percent(done: int, planned: int) -> str:
    return f"{100 * done / planned:.0f} %" if planned else "—"


def summary_lines(data: ReportData) -> list[str]:
    """The facts as plain lines (the text format, and the body of the others). The days
    counted are those of `data.counted` only: inside the plan, not after the report's day."""
    lines = [
        t(
            "report.heading",
            period=t("report.period." + data.period),
            first=data.first,
            last=data.last,
        ),
        t(
            "report.totals",
            hours=hours_text(sum(data.minutes)),
            days=data.logged_days,
            of=data.counted.days if data.counted is not None else 0,
            streak=data.best_streak,
        ),
    ]
    lines += [str(n.message) for n in data.notices]
    if data.trip_days and data.travel_only:
        lines.append(t("report.trip_days", days=len(data.trip_days), trips=len(data.trips)))
    elif data.trip_days:
        lines.append(t("report.absence_days", kinds=_kinds_count(data)))
    return lines


def _track_rows(data: ReportData) -> list[tuple[str, str, str, str, str]]:
    """Planned and done up to the report's day (the end of the period once it is over)."""
    rows = []
    for tr in data.tracks:
        planned, done = data.at_today(tr.planned), data.at_today(tr.done)
        rows.append(
            (
                tr.title,
                _hours(planned),
                _hours(done),
                _percent(done, planned),
                _habit(tr),
            )
        )
    return rows


def _habit(tr: TrackSeries) -> str:
    """A track's habit to the report's day: hours planned and done, days kept ("—": none)."""
    if not tr.has_habit:
        return "—"
    return t(
        "report.habit_cell",
        planned=_hours(tr.habit_planned),
        done=_hours(tr.habit_done),
        kept=tr.habit_kept,
        days=tr.habit_days,
    )


def _milestone_rows(data: ReportData) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in data.milestones:
        s = line.status
        slip = f"{s.slip_days:+d}" if s.slip_days is not None else "—"
        projected = s.projected.isoformat() if s.projected else "—"
        rows.append((s.title, s.due.isoformat(), projected, slip, state_text(s)))
    return rows


def _kinds_count(data: ReportData) -> str:
    """The period's absences by kind, in the order they come: "off sick 1 time, 3 days;
    away 1 time, 2 days" (days counted inside the period only)."""
    by_kind: dict[str, list[int]] = {}
    for trip, _ in sorted(data.trips, key=lambda e: e[0].start):
        days = (min(trip.end, data.last) - max(trip.start, data.first)).days + 1
        n = by_kind.setdefault(trip.kind, [0, 0])
        n[0] += 1
        n[1] += max(days, 0)
    return t("report.absence_sep").join(
        t("report.absence_kind", title=data.kind_title(k), n=n, days=days)
        for k, (n, days) in by_kind.items()
    )


def _trips_heading(data: ReportData) -> str:
    return t("report.section.trips" if data.travel_only else "report.section.absences")


def _trip_rows(data: ReportData) -> list[tuple[str, str, str]]:
    """Each absence's dates, note (led by its kind's title when not every one is travel)
    and what it cost."""
    rows = []
    for trip, moved in data.trips:
        worst = max((d for _, d in moved), default=0)
        note = trip.note
        if not data.travel_only:
            title = data.kind_title(trip.kind)
            note = f"{title} · {note}" if note else title
        rows.append((f"{trip.start} → {trip.end}", note, t("report.trip_cost", days=worst)))
    return rows


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return out


def _track_head() -> tuple[str, ...]:
    return (
        t("report.col.track"),
        t("report.col.planned_h"),
        t("report.col.done_h"),
        t("report.col.share"),
        t("report.col.habit_h"),
    )


def _milestone_head() -> tuple[str, ...]:
    return (
        t("report.col.milestone"),
        t("report.col.due"),
        t("report.col.projected"),
        t("report.col.slip"),
        t("report.col.status"),
    )


def text_report(data: ReportData) -> str:
    lines = summary_lines(data)
    lines += ["", t("report.section.tracks")]
    # In the heading's order: planned, then done (each number named); a track with no unit
    # work in the period shows its habit alone.
    for tr in data.tracks:
        planned, done = data.at_today(tr.planned), data.at_today(tr.done)
        if tr.has_habit and not any(tr.planned) and not any(tr.done):
            lines.append("  " + t("report.habit_line", title=tr.title, habit=_habit(tr)))
            continue
        line = t(
            "report.track_line" if tr.has_habit else "report.track_line_plain",
            title=tr.title,
            planned=hours_text(planned),
            done=hours_text(done),
            share=_percent(done, planned),
            habit=_habit(tr),
        )
        lines.append(f"  {line}")
    lines += ["", t("report.section.milestones")]
    for title, due, projected, slip, state in _milestone_rows(data):
        moved = days_text(None if slip == "—" else int(slip))
        line = t(
            "report.milestone_line",
            title=title,
            due=due,
            projected=projected,
            moved=moved,
            state=state,
        )
        lines.append(f"  {line}")
    if data.trips:
        lines += ["", _trips_heading(data)]
        for span, note, cost in _trip_rows(data):
            lines.append(f"  {span} {note} — {cost}")
    if data.plan_changes:
        lines += ["", t("report.section.plan_changes")]
        for change in data.plan_changes:
            head, *rest = plan_change_lines(change)
            lines += [f"  {head}", *(f"      {line}" for line in rest)]
    return "\n".join(lines) + "\n"


def markdown_report(
    data: ReportData, plan: Plan, charts: dict[str, list[Path]], year_end: bool
) -> str:
    out: list[str] = []
    if year_end:
        out += [f"# {t('report.year_title', year=data.first.year)}", ""]
    else:
        out += [f"# {summary_lines(data)[0]}", ""]
    for line in summary_lines(data)[1:]:  # each its own paragraph: Markdown joins lines
        out += [line, ""]
    out += [f"## {t('report.section.tracks')}", "", *_table(_track_head(), _track_rows(data)), ""]
    out += [f"## {t('report.section.milestones')}", ""]
    out += [*_table(_milestone_head(), _milestone_rows(data)), ""]
    if data.units_finished:
        out += [t("report.units_finished", n=len(data.units_finished)), ""]
    if data.metrics:
        out += [f"## {t('report.section.metrics')}", ""]
        for m in data.metrics:
            latest = f"{m.values[-1][1]:g}" if m.values else "—"
            target = f"{m.road[-1][1]:g}" if m.road else "—"
            out.append(f"- {m.title}: {latest} {m.unit} ({t('report.target')} {target} {m.unit})")
        out.append("")
    if data.trips:
        out += [f"## {_trips_heading(data)}", ""]
        out += [
            *_table(
                (t("report.col.dates"), t("report.col.note"), t("report.col.cost")),
                _trip_rows(data),
            ),
            "",
        ]
    if data.plan_changes:
        out += [f"## {t('report.section.plan_changes')}", ""]
        for change in data.plan_changes:
            head, *rest = plan_change_lines(change)
            out += [f"- {head}", *(f"  - {line}" for line in rest)]
        out.append("")
    if data.habit_streaks:
        out += [f"## {t('report.section.streaks')}", ""]
        titles = {tr.id: tr.title for tr in data.tracks}
        out += [
            f"- {titles.get(track, track)}: {t('report.days', n=n)}"
            for track, n in data.habit_streaks
        ] + [""]
    if year_end:
        out += _year_end_sections(data, plan)
    if charts:
        out += [f"## {t('report.section.charts')}", ""]
        for name, paths in charts.items():
            png = next(p for p in paths if p.suffix == ".png")
            out += [f"![{t('chart.' + name + '_name')}]({png.name})", ""]
    body = "\n".join(out).rstrip() + "\n"
    if not year_end:
        return body
    # The year summary is a Hexo post: its front matter quoted, its text kept from Nunjucks.
    from pacer.interop.hexo import protect

    return "\n".join(_front_matter(data, plan)) + "\n\n" + protect(body)


def _front_matter(data: ReportData, plan: Plan) -> list[str]:
    from pacer.interop.hexo import front_matter

    tags = [t("report.year_tag")] + [tr.title for tr in data.tracks if tr.done[-1]]
    title = t("report.year_title", year=data.first.year)
    return front_matter(title, f"{data.last.isoformat()} 21:00:00", tags, [plan.title])


def _year_end_sections(data: ReportData, plan: Plan) -> list[str]:
    out = []

    def titled(*states: str) -> str:
        names = [m.status.title for m in data.milestones if m.status.status in states]
        return joined(names) if names else "—"

    out += [f"## {t('report.section.outcome')}", ""]
    out += [f"- {t('report.met')}: {titled('met')}"]
    out += [f"- {t('report.awaiting')}: {titled('done')}"]
    out += [f"- {t('report.missed')}: {titled('missed', 'late')}", ""]
    from pacer.schedule.blog import posts  # the curricula marked `post: true`

    outputs = posts(plan)
    if outputs:
        out += [f"## {t('report.section.blog')}", ""]
        finished = set(data.units_finished)
        for c in outputs:
            done = all(u.id in finished for u in c.units if not u.optional)
            out.append(f"- {c.title}: {t('state.done') if done else t('report.not_finished')}")
        out.append("")
    if plan.decisions:
        out += [f"## {t('report.section.decisions')}", ""]
        by_metric = {m.id: m for m in data.metrics}
        by_milestone = {m.status.id: m.status for m in data.milestones}
        by_track = {tr.id: tr for tr in data.tracks}
        for d in plan.decisions:
            out.append(f"### {d.question}")
            for ev in d.evidence:
                if ev in by_metric and by_metric[ev].values:
                    m = by_metric[ev]
                    out.append(f"- {m.title}: {m.values[-1][1]:g} {m.unit}")
                elif ev in by_milestone:
                    s = by_milestone[ev]
                    out.append(f"- {s.title}: {state_text(s)}")
                elif ev in by_track:
                    tr = by_track[ev]
                    out.append(f"- {tr.title}: {_hours(tr.done[-1])} h")
                else:
                    out.append(f"- {ev}: {t('report.no_evidence')}")
            out.append("")
    return out


def html_report(data: ReportData, plan: Plan, charts: dict[str, list[Path]]) -> str:
    esc = html.escape
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in _track_rows(data)
    )
    mrows = "".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in _milestone_rows(data)
    )
    head = "".join(f"<th>{esc(c)}</th>" for c in _track_head())
    mhead = "".join(f"<th>{esc(c)}</th>" for c in _milestone_head())
    images = "".join(
        f'<figure><img src="{esc(next(p for p in paths if p.suffix == ".svg").name)}" '
        f'alt="{esc(t("chart." + name + "_name"))}"></figure>'
        for name, paths in charts.items()
    )
    facts = "".join(f"<p>{esc(line)}</p>" for line in summary_lines(data)[1:])
    changes = ""
    if data.plan_changes:
        items = "".join(
            "<li>" + "<br>".join(esc(line) for line in plan_change_lines(c)) + "</li>"
            for c in data.plan_changes
        )
        changes = f"<h2>{esc(t('report.section.plan_changes'))}</h2><ul>{items}</ul>"
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(summary_lines(data)[0])}</title>"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}"
        "img{max-width:100%}</style></head><body>"
        f"<h1>{esc(summary_lines(data)[0])}</h1>{facts}"
        f"<h2>{esc(t('report.section.tracks'))}</h2><table><tr>{head}</tr>{rows}</table>"
        f"<h2>{esc(t('report.section.milestones'))}</h2><table><tr>{mhead}</tr>{mrows}</table>"
        f"{changes}{images}<p>{esc(plan.title)}</p></body></html>\n"
    )
