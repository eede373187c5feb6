"""The report's charts as PNG and SVG (heatmap, burn-up, milestones, metrics), or for a phone.

Every drawn series carries a gid ("burnup-math-done" …), which the SVG keeps as the id of its
group: tests (and curious people) can find each series in the file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from pacer.i18n import minutes_text, t
from pacer.record import record
from pacer.report.fonts import configure
from pacer.service.report import ReportData

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from pacer.report.gantt import GanttData

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DONE_COLOR = "#2e7d32"
PLAN_COLOR = "#9e9e9e"
LATE_COLOR = "#c62828"
TRIP_COLOR = "#1565c0"
TODAY_COLOR = "#ff8f00"
DUE_COLOR = "#424242"
TARGET_COLOR = "#6a1b9a"
MISSED_COLOR = "#e0e0e0"  # a plan day gone by with nothing logged
FUTURE_EDGE = "#bdbdbd"  # a plan day still to come: an outline, no fill
TICK_SIZE = 7
_EPOCH = date(1970, 1, 1).toordinal()


@record
class Look:
    """How a chart is drawn: for a file (PRINT: PNG and SVG, as wide as a page) or for a phone
    (PHONE: SVG only, scaled to the screen's width, so its lettering is sized for ~360 px)."""

    width: float  # inches of a chart as wide as the page
    tick: float  # points: axis labels
    small: float  # legends, axis names, row labels
    title: float
    suffixes: tuple[str, ...]
    fixed_width: bool = False  # every chart exactly `width` wide (it is scaled to the screen)
    label_chars: int = 0  # a longer row label is cut short with "…" (0: never)
    columns: int = 2  # of the burn-up's small charts
    most_ticks: int = 0  # dates labelled along an axis, at most (0: as date_ticks gives)

    def cut(self, label: str) -> str:
        if self.label_chars and len(label) > self.label_chars:
            return label[: self.label_chars - 1] + "…"
        return label


PRINT = Look(9.0, TICK_SIZE, 8, 10, (".png", ".svg"))
# Drawn 4 in (288 pt of viewBox) wide and shown ~364 CSS px wide (a 390 px phone less the
# page's margins), 1 pt becomes 1.26 px: 9 pt lettering reads as 11.4 px.
PHONE_POINTS = 288
PHONE = Look(4.0, 9, 9, 10.5, (".svg",), True, 16, 1, 5)
_LOOK: ContextVar[Look] = ContextVar("pacer_chart_look", default=PRINT)


def look() -> Look:
    """The look charts are being drawn in (draw_all sets it)."""
    return _LOOK.get()


@contextmanager
def drawn_as(chosen: Look) -> Iterator[None]:
    """Draw in `chosen`'s look (in this thread: a context variable)."""
    token = _LOOK.set(chosen)
    try:
        yield
    finally:
        _LOOK.reset(token)


# matplotlib's settings are one for every thread: an SVG is written under this lock with its
# own svg.fonttype, so two servers' chart threads (or a test's) never swap them mid-file.
_SVG_LOCK = threading.Lock()
_PNG_LEVEL = {"compress_level": 3}


def _draw_into(fig: Figure, tmp: Path | BinaryIO, suffix: str) -> None:
    """Save into `tmp` (atomic_target's temporary file, or a buffer in memory) as `suffix`
    says. A phone's SVG keeps its text as text (its sizes can be read, and
    the phone's own CJK font draws it); a file's has the glyphs as outlines (it looks the
    same everywhere)."""
    if suffix != ".svg":
        # zlib's level 3: the same pixels as its default 6, written in half the time (and
        # no larger, for charts' flat colours).
        fig.savefig(tmp, format=suffix[1:], metadata=_metadata(suffix), pil_kwargs=_PNG_LEVEL)
        return
    import matplotlib

    with _SVG_LOCK:
        matplotlib.rcParams["svg.fonttype"] = "none" if look().fixed_width else "path"
        fig.savefig(tmp, format="svg", metadata=_metadata(suffix))


def _x(days: Sequence[date]) -> list[float]:
    """Dates as matplotlib's numbers: days since its epoch, 1970-01-01 (configure() sets it);
    date_axis labels them."""
    return [float(d.toordinal() - _EPOCH) for d in days]


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    if look().fixed_width:
        width = look().width
    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def shown_span(data: ReportData) -> tuple[date, date]:
    """The period's days that are the plan's (the whole period when none is)."""
    start, end = data.span or (data.first, data.last)
    first, last = max(data.first, start), min(data.last, end)
    return (first, last) if first <= last else (data.first, data.last)


def _month_name(month: int) -> str:
    return t("chart.month_names").split()[month - 1]


def day_label(d: date) -> str:
    """A day as a tick label: "Apr 6" / "4月6日"."""
    return t("chart.tick.day", name=_month_name(d.month), day=d.day)


def _month_starts(lo: date, hi: date, every: int) -> list[date]:
    """The first days of months from lo to hi, of every `every`-th month of the year."""
    out = []
    m = date(lo.year, lo.month, 1)
    if m < lo:
        m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
    while m <= hi:
        if (m.month - 1) % every == 0:
            out.append(m)
        m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
    return out


def date_ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Dates to label between lo and hi, few enough to stand apart on a chart: each day of a
    week, Mondays of a month (every other one up to three months), firsts of the months of a
    year (a quarter's beyond 15 months); a new year's first month shows its year."""
    span = (hi - lo).days
    if span <= 100:
        step = 1 if span <= 10 else 7 if span <= 35 else 14
        first = lo if step == 1 else lo + timedelta(days=(7 - lo.weekday()) % 7)
        days = [first + timedelta(days=i) for i in range(0, (hi - first).days + 1, step)]
        return [(d, day_label(d)) for d in days]
    months = _month_starts(lo, hi, 1 if span <= 460 else 3)
    years = len({m.year for m in months}) > 1
    out = []
    for m in months:
        if years and (m.month == 1 or m == months[0]):
            label = t("chart.tick.month_year", name=_month_name(m.month), year=m.year)
        else:
            label = _month_name(m.month)
        out.append((m, label))
    return out


def date_axis(ax: Axes, lo: date, hi: date, pad: float = 0.5) -> None:
    """Show lo–hi (a day's `pad` beyond each) with date_ticks' labels, in the current
    language: matplotlib's own date labels run into each other on a narrow chart."""
    ticks = date_ticks(lo, hi)
    most = look().most_ticks
    if most and len(ticks) > most:
        ticks = ticks[:: -(-len(ticks) // most)]
    ax.set_xticks(_x([d for d, _ in ticks]), [label for _, label in ticks])
    left, right = _x([lo, hi])
    ax.set_xlim(left - pad, right + pad)
    ax.tick_params(axis="x", labelsize=look().tick)


def _dated(
    ax: Axes,
    points: Sequence[tuple[date, float]],
    gid: str,
    fmt: str,
    color: str,
    label: str,
    size: float | None = None,
) -> None:
    """A labelled line of (day, value) points, named `gid` for the legibility checks."""
    (line,) = ax.plot(
        _x([d for d, _ in points]), [v for _, v in points], fmt, color=color, label=label
    )
    if size is not None:
        line.set_markersize(size)
    line.set_gid(gid)


def today_line(ax: Axes, today: date) -> Line2D:
    """The report's day as a vertical line, labelled for the legend."""
    return ax.axvline(_x([today])[0], color=TODAY_COLOR, lw=1, label=t("chart.today"))


def legend_below(
    fig: Figure, axes: Sequence[Axes], ncols: int | None = None, first: Sequence[Artist] = ()
) -> None:
    """One legend under the figure: `first` (labelled handles for what has no artist of its
    own), then an entry for each label drawn on `axes`, once."""
    entries: dict[str, Artist] = {str(h.get_label()): h for h in first}
    for ax in axes:
        handles, labels = ax.get_legend_handles_labels()
        for handle, label in zip(handles, labels, strict=True):
            entries.setdefault(label, handle)
    if entries:
        fig.legend(
            list(entries.values()),
            list(entries),
            loc="outside lower center",
            # A phone's chart is narrow: its legend wraps to rows of two.
            ncols=min(ncols or len(entries), 2 if look().fixed_width else len(entries)),
            frameon=False,
            fontsize=look().small,
        )


SUFFIXES = (".png", ".svg")


def laid_out(fig: Figure) -> Figure:
    """`fig` laid out once (constrained layout, on an Agg canvas at the figure's dpi) and its
    layout engine then dropped: each savefig would otherwise lay the figure out again and draw
    it once more before drawing it (with the layout engine set, savefig always does), which
    cost a report's charts seconds. The positions stay; PNG and SVG are drawn from them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    engine = fig.get_layout_engine()
    if engine is None:
        return fig
    FigureCanvasAgg(fig)  # the canvas the layout measures text on (and PNGs are drawn by)
    engine.execute(fig)
    fig.set_layout_engine(None)
    return fig


def _save(fig: Figure, stem: Path) -> list[Path]:
    """Each format into atomic_target's temporary file, which is private (0600) before
    matplotlib opens it: the chart keeps that mode."""
    from pacer.workspace import atomic_target, write_file_atomic

    laid_out(fig)
    written = []
    for suffix in look().suffixes:
        path = stem.with_suffix(suffix)
        if look().fixed_width and suffix == ".svg":
            write_file_atomic(path, fluid_svg(fig), overwrite=True)
        else:
            with atomic_target(path, overwrite=True) as tmp:
                _draw_into(fig, tmp, suffix)
        written.append(path)
    return written


def fluid_svg(fig: Figure) -> bytes:
    """The figure as an SVG with a viewBox and no width or height: it takes the width its page
    gives it (CSS `width: 100%`), its height following."""
    import io
    import re

    tmp = io.BytesIO()
    _draw_into(fig, tmp, ".svg")
    head, rest = tmp.getvalue().split(b"<svg ", 1)
    tag, body = rest.split(b">", 1)
    tag = re.sub(rb'\s*\b(?:width|height)="[^"]*"', b"", tag)
    return head + b"<svg " + tag + b">" + body


def _metadata(suffix: str) -> dict[str, str | None]:
    # No creation dates in the files: the same data draws the same bytes.
    return {"Date": None} if suffix == ".svg" else {"Software": "pacer"}


@record
class HeatDays:
    """What the heatmap draws: the period's days and minutes, the plan's span, the report's
    day. Days outside the span get no cell; after `today` an outline; else a colour."""

    first: date  # the period
    last: date
    start: date  # the plan
    end: date
    today: date
    minutes: tuple[int, ...]  # logged, per day from first to last
    trip_days: frozenset[date]
    travel_only: bool = True  # every absence is travel: the legend says "trip"

    @classmethod
    def of(cls, data: ReportData) -> HeatDays:
        start, end = data.span or (data.first, data.last)
        return cls(
            data.first,
            data.last,
            start,
            end,
            data.today,
            data.minutes,
            data.trip_days,
            data.travel_only,
        )

    def kind(self, day: date, minutes: int) -> str:
        """outside (the plan), future (after the report's day, whatever is logged on it),
        missed or logged."""
        if not self.start <= day <= self.end:
            return "outside"
        if day > self.today:
            return "future"
        return "logged" if minutes > 0 else "missed"


def minute_classes(logged: Sequence[int]) -> list[int]:
    """The lower bounds of the heatmap's four greens: 1, then the largest round step up to
    half the median logged day, twice and four times it — a short day, a usual one, a long
    one and a very long one read apart (1, 30, 60, 120 for a usual 70-minute day)."""
    middle = sorted(logged)[len(logged) // 2] if logged else 60
    steps = (5, 10, 15, 20, 30, 45, 60, 90, 120, 180)
    step = max((s for s in steps if 2 * s <= middle), default=steps[0])
    return [1, step, 2 * step, 4 * step]


def heatmap(data: ReportData, stem: Path) -> list[Path]:
    """Minutes logged per day on a calendar grid (a column a week): see draw_heatmap."""
    return draw_heatmap(HeatDays.of(data), stem)


def draw_heatmap(heat: HeatDays, stem: Path) -> list[Path]:
    """The plan's days of the period on a grid, a column a week (Monday on top): logged days
    in four greens by minutes, missed days light grey, days to come outlined, trip days in a
    blue frame, days outside the plan left out. Months along the top of a long grid, the
    weeks' Mondays under a short one; a legend of swatches is the colour scale."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Patch, Rectangle

    in_plan = [d for d in _days(heat.first, heat.last) if heat.start <= d <= heat.end]
    lo, hi = (in_plan[0], in_plan[-1]) if in_plan else (heat.first, heat.last)
    origin = lo - timedelta(days=lo.weekday())
    weeks = (hi - origin).days // 7 + 1
    long = weeks > 10
    cell = 0.22 if long else 0.42
    fig = _figure(max(4.8, 1.4 + weeks * cell), (1.3 if long else 1.5) + 7 * cell)
    ax = fig.add_subplot()
    bounds = minute_classes(
        [
            m
            for d, m in zip(_days(heat.first, heat.last), heat.minutes, strict=True)
            if heat.kind(d, m) == "logged"
        ]
    )
    import matplotlib

    greens = [matplotlib.colormaps["Greens"](v) for v in (0.3, 0.5, 0.7, 0.9)]
    cells: dict[str, list[Rectangle]] = {"missed": [], "future": [], "logged": [], "trips": []}
    colours: list[object] = []
    for d, minutes in zip(_days(heat.first, heat.last), heat.minutes, strict=True):
        kind = heat.kind(d, minutes)
        if kind == "outside":
            continue
        col, row = (d - origin).days // 7, d.weekday()
        box = Rectangle((col + 0.05, 6 - row + 0.05), 0.9, 0.9)
        cells[kind].append(box)
        if kind == "logged":
            colours.append(greens[sum(1 for b in bounds[1:] if minutes >= b)])
        if d in heat.trip_days:
            cells["trips"].append(Rectangle((col + 0.05, 6 - row + 0.05), 0.9, 0.9))
    styles: dict[str, dict[str, object]] = {
        "missed": {"facecolors": MISSED_COLOR, "edgecolors": "none"},
        "future": {"facecolors": "none", "edgecolors": FUTURE_EDGE, "linewidths": 0.8},
        "logged": {"facecolors": colours, "edgecolors": "none"},
        "trips": {"facecolors": "none", "edgecolors": TRIP_COLOR, "linewidths": 1.4},
    }
    for kind, boxes in cells.items():
        if boxes:
            group = PatchCollection(boxes, **styles[kind])  # type: ignore[arg-type]
            group.set_gid(f"heatmap-{kind}")
            ax.add_collection(group)
    ax.set_xlim(0, weeks)
    ax.set_ylim(0, 7)
    ax.set_aspect("equal")
    ax.set_yticks([6 - i + 0.5 for i in range(7)], [t("weekday." + k) for k in WEEKDAY_KEYS])
    if long:
        months = _month_starts(lo, hi, 1)
        placed = [(m - origin).days // 7 for m in months]
        if not placed or placed[0] >= 2:  # room for the first month's name before the next
            months, placed = [lo, *months], [0, *placed]
        ax.set_xticks([])
        top_axis = ax.secondary_xaxis("top")
        top_axis.set_xticks([c + 0.5 for c in placed], [_month_name(m.month) for m in months])
        top_axis.tick_params(length=0, labelsize=look().tick + 1)
        top_axis.spines["top"].set_visible(False)
    else:
        mondays = [origin + timedelta(weeks=c) for c in range(weeks)]
        # Every Monday, or every other one where a phone's columns are too narrow for it.
        step = 2 if look().fixed_width and weeks > 3 else 1
        ax.set_xticks(
            [c + 0.5 for c in range(0, weeks, step)], [day_label(m) for m in mondays[::step]]
        )
    ax.tick_params(length=0, labelsize=look().tick + 1)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    # Above the months along the top: a figure title (an axes title would run into them).
    fig.suptitle(_heatmap_title(heat, in_plan), fontsize=look().title)
    handles: list[Artist] = [
        Patch(facecolor=greens[i], label=_class_label(bounds, i)) for i in range(4)
    ]
    handles.append(Patch(facecolor=MISSED_COLOR, label=t("chart.missed")))
    if cells["future"]:
        handles.append(Patch(facecolor="none", edgecolor=FUTURE_EDGE, label=t("chart.future")))
    if cells["trips"]:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=TRIP_COLOR,
                lw=1.4,
                label=t("chart.trip" if heat.travel_only else "chart.absence"),
            )
        )
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=2 if look().fixed_width else len(handles) if long else 4,
        frameon=False,
        fontsize=look().small,
    )
    return _save(fig, stem)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _class_label(bounds: list[int], i: int) -> str:
    if i == len(bounds) - 1:
        return t("chart.at_least", minutes=minutes_text(bounds[i]))
    return minutes_text(bounds[i], bounds[i + 1] - 1)


def _heatmap_title(heat: HeatDays, in_plan: list[date]) -> str:
    """The days counted are the plan's days of the period up to the report's day."""
    if not in_plan:
        return t(
            "chart.heatmap_outside",
            first=heat.first,
            last=heat.last,
            start=heat.start,
            end=heat.end,
        )
    first, last = in_plan[0], in_plan[-1]
    counted = [d for d in in_plan if d <= heat.today]
    if not counted:
        return t("chart.heatmap_ahead", first=first, last=last)
    by_day = dict(zip(_days(heat.first, heat.last), heat.minutes, strict=True))
    logged = sum(1 for d in counted if by_day[d] > 0)
    return t(
        "chart.heatmap_title",
        first=first,
        last=last,
        today=counted[-1],
        logged=logged,
        days=len(counted),
    )


def burnup(data: ReportData, stem: Path) -> list[Path]:
    """Per track, cumulative unit minutes over the plan's days of the period: planned
    (dashed) against done (solid), and the report's day while the period runs."""
    tracks = [tr for tr in data.tracks if tr.planned[-1] or tr.done[-1]] or list(data.tracks)
    cols = min(look().columns, len(tracks))
    rows = (len(tracks) + cols - 1) // cols
    fig = _figure(9.0, 2.2 * rows + 0.8)
    lo, hi = shown_span(data)
    axes = []
    for i, tr in enumerate(tracks):
        ax = fig.add_subplot(rows, cols, i + 1)
        axes.append(ax)
        series = [(d, p, m) for d, p, m in zip(data.days, tr.planned, tr.done, strict=True)]
        series = [s for s in series if lo <= s[0] <= hi]
        (planned,) = ax.plot(
            _x([d for d, _, _ in series]),
            [p / 60 for _, p, _ in series],
            "--",
            color=PLAN_COLOR,
            label=t("chart.planned"),
        )
        planned.set_gid(f"burnup-{tr.id}-planned")
        shown = [(d, m / 60) for d, _, m in series if d <= data.today]
        (done,) = ax.plot(
            _x([d for d, _ in shown]),
            [h for _, h in shown],
            "-",
            color=DONE_COLOR,
            label=t("chart.done"),
        )
        done.set_gid(f"burnup-{tr.id}-done")
        if lo <= data.today < hi:
            today_line(ax, data.today).set_gid(f"burnup-{tr.id}-today")
        date_axis(ax, lo, hi)
        # Hours from zero (a track with nothing in the period is not drawn around -0.04 h).
        most = max((max(p, m) for _, p, m in series), default=0)
        ax.set_ylim(0, max(1.0, most / 60 * 1.05))
        ax.set_title(tr.title, fontsize=look().title)
        ax.set_ylabel(t("chart.hours"), fontsize=look().small)
        ax.tick_params(axis="y", labelsize=look().tick + 1)
    fig.suptitle(t("chart.burnup"), wrap=True)
    legend_below(fig, axes)
    return _save(fig, stem)


def milestones(data: ReportData, stem: Path) -> list[Path]:
    """Each milestone: its due date, where the plan put it, where it is projected, if met."""
    rows = list(data.milestones)
    fig = _figure(9.0, 1.1 + 0.32 * max(1, len(rows)))
    ax = fig.add_subplot()
    due, planned, projected, met = [], [], [], []
    seen: list[date] = [data.today]
    for y, line in enumerate(reversed(rows)):
        s = line.status
        due.append((s.due, y))
        seen.append(s.due)
        if line.planned is not None:
            planned.append((line.planned, y))
            seen.append(line.planned)
        if s.projected is not None:
            projected.append((s.projected, y))
            seen.append(s.projected)
            late = s.projected > s.due
            ax.plot(
                _x([s.due, s.projected]),
                [y, y],
                color=LATE_COLOR if late else DONE_COLOR,
                lw=1,
                label=t("chart.late" if late else "chart.in_time"),
            )
        if s.status in ("met", "done"):
            met.append((s.projected or s.due, y))
    for points, marker, color, gid, name in (
        (due, "D", DUE_COLOR, "milestones-due", t("chart.due")),
        (planned, "s", PLAN_COLOR, "milestones-planned", t("chart.planned")),
        (projected, "o", TRIP_COLOR, "milestones-projected", t("chart.projected")),
        (met, "*", DONE_COLOR, "milestones-met", t("chart.met")),
    ):
        if points:
            (line2d,) = ax.plot(
                _x([p[0] for p in points]),
                [p[1] for p in points],
                marker,
                color=color,
                ms=6,
                label=name,
            )
            line2d.set_gid(gid)
    labels = [look().cut(line.status.title) for line in reversed(rows)]
    ax.set_yticks(range(len(rows)), labels, fontsize=look().small)
    ax.set_ylim(-0.7, max(1, len(rows)) - 0.3)
    today_line(ax, data.today).set_gid("milestones-today")
    date_axis(ax, min(seen), max(seen), pad=7)
    if look().fixed_width:  # over the whole figure: the labels leave the axes too narrow
        fig.suptitle(t("chart.milestones"), wrap=True)
    else:
        ax.set_title(t("chart.milestones"))
    legend_below(fig, [ax])
    return _save(fig, stem)


def metrics(data: ReportData, stem: Path) -> list[Path]:
    """Each metric over the plan: its values, the road between its target points, the
    targets themselves, and the report's day."""
    shown = list(data.metrics)
    fig = _figure(9.0, 2.4 * max(1, len(shown)) + 0.8)
    start, end = data.span or (data.first, data.last)
    axes = []
    for i, m in enumerate(shown):
        ax = fig.add_subplot(len(shown), 1, i + 1)
        axes.append(ax)
        days = [start, end, data.today] + [d for d, _ in m.values + m.targets]
        lo, hi = min(days), max(days)
        if m.road:
            # The road stays level after its last target, to the chart's edge.
            points = list(m.road) + ([(hi, m.road[-1][1])] if m.road[-1][0] < hi else [])
            _dated(ax, points, f"metric-{m.id}-road", "--", PLAN_COLOR, t("chart.road"))
        if m.targets:
            _dated(ax, m.targets, f"metric-{m.id}-targets", "X", TARGET_COLOR, t("chart.target"), 8)
        if m.values:
            _dated(ax, m.values, f"metric-{m.id}-values", "o-", DONE_COLOR, t("chart.recorded"), 4)
        today_line(ax, data.today).set_gid(f"metric-{m.id}-today")
        date_axis(ax, lo, hi, pad=3)
        ax.tick_params(axis="y", labelsize=look().tick + 1)
        ax.set_title(f"{m.title} ({m.unit})" if m.unit else m.title, fontsize=look().title)
    fig.suptitle(t("chart.metrics"), wrap=True)
    legend_below(fig, axes)
    return _save(fig, stem)


CHARTS: dict[str, Callable[[ReportData, Path], list[Path]]] = {
    "heatmap": heatmap,
    "burnup": burnup,
    "milestones": milestones,
    "metrics": metrics,
}


def chart_stems(
    data: ReportData, folder: Path, stem: str, gantt: GanttData | None = None
) -> dict[str, Path]:
    """Each chart draw_all would draw, by name, and where (a stem: .png and .svg beside it)."""
    out = {name: folder / f"{stem}-{name}" for name in CHARTS if name != "metrics" or data.metrics}
    if gantt is not None:
        out["gantt"] = folder / f"{stem}-gantt"
    return out


def chart_files(
    data: ReportData, folder: Path, stem: str, gantt: GanttData | None = None
) -> list[Path]:
    """Every file draw_all would write: to refuse an existing one before drawing any."""
    stems = chart_stems(data, folder, stem, gantt).values()
    return [s.with_suffix(x) for s in stems for x in SUFFIXES]


def draw_all(
    data: ReportData,
    folder: Path,
    stem: str,
    progress: Callable[[str], None] | None = None,
    gantt: GanttData | None = None,
    chosen: Look | None = None,
    processes: int = 1,
) -> dict[str, list[Path]]:
    """Draw every chart that has something to show into `folder` (made 0700 when missing),
    replacing what is there, the Gantt chart too when its data is given; `progress` is told
    each. In `chosen`'s look (None: the look in force, PRINT unless drawn_as says), in up to
    `processes` processes (see draw_set)."""
    from functools import partial

    from pacer.report.gantt_chart import draw_gantt

    jobs: dict[str, tuple[Path, Callable[[Path], list[Path]]]] = {}
    for name, where in chart_stems(data, folder, stem, gantt).items():
        if name == "gantt" and gantt is not None:
            jobs[name] = (where, partial(draw_gantt, gantt))
        else:
            jobs[name] = (where, partial(CHARTS[name], data))
    return draw_set(folder, jobs, chosen or look(), progress, processes)


def draw_set(
    folder: Path,
    jobs: dict[str, tuple[Path, Callable[[Path], list[Path]]]],
    chosen: Look,
    progress: Callable[[str], None] | None = None,
    processes: int = 1,
) -> dict[str, list[Path]]:
    """Draw each job (name -> its stem, its drawing) into `folder`. When one cannot be drawn
    (a full disk), the files this call made are removed again: a retry finds none in its
    way. With `processes` > 1 (a command's own process, no threads of its own: it forks), the
    jobs are drawn side by side in forked copies of this process, one chart each at a time."""
    from pacer.workspace import make_folder

    configure()
    make_folder(folder)
    files = [where.with_suffix(x) for where, _ in jobs.values() for x in chosen.suffixes]
    before = {p for p in files if p.exists()}
    out: dict[str, list[Path]] = {}
    try:
        with drawn_as(chosen):
            if processes > 1 and len(jobs) > 1 and hasattr(os, "fork"):
                out = _draw_forked(jobs, chosen, progress, min(processes, len(jobs)))
            else:
                for name, (where, draw) in jobs.items():
                    if progress is not None:
                        progress(name)
                    out[name] = draw(where)
    except BaseException:
        for made in files:
            if made not in before:
                made.unlink(missing_ok=True)
        # What a drawing process that died left behind (its temporary files).
        from pacer.workspace import remove_stale_temps

        names = {made.name for made in files}
        remove_stale_temps(folder, lambda name: name in names)
        raise
    return out


def processes_to_draw() -> int:
    """How many processes a command draws its charts in: one per CPU it may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# The jobs of the draw_set running now, for its forked processes (which inherit them: a
# drawing is a closure, nothing to send them but its name).
_FORKED_JOBS: dict[str, tuple[Path, Callable[[Path], list[Path]]]] = {}
# Longest to draw first (a process that takes it is busy while others draw the rest).
_SLOWEST_FIRST = ("gantt", "burnup", "milestones")


def _draw_one(name: str, chosen: Look) -> list[Path]:
    where, draw = _FORKED_JOBS[name]
    with drawn_as(chosen):
        return draw(where)


def _draw_forked(
    jobs: dict[str, tuple[Path, Callable[[Path], list[Path]]]],
    chosen: Look,
    progress: Callable[[str], None] | None,
    processes: int,
) -> dict[str, list[Path]]:
    """The jobs drawn in `processes` forked processes, `progress` told of each as it is done;
    the first failure is raised here (the others are drawn or cancelled first)."""
    from concurrent.futures.process import BrokenProcessPool

    # Imported (and the fonts found) once, here, before the fork: not in every process.
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_svg
    import matplotlib.figure  # noqa: F401

    order = sorted(jobs, key=lambda n: _SLOWEST_FIRST.index(n) if n in _SLOWEST_FIRST else 9)
    _FORKED_JOBS.clear()
    _FORKED_JOBS.update(jobs)

    done: dict[str, list[Path]] = {}
    try:
        try:
            _draw_in_pool(order, chosen, progress, processes, done)
        except BrokenProcessPool:
            # A drawing process died (a full disk can end one before it reports): what is
            # left is drawn here, where a failure is raised as itself.
            for name in order:
                if name not in done:
                    if progress is not None:
                        progress(name)
                    done[name] = _draw_one(name, chosen)
    finally:
        _FORKED_JOBS.clear()
    return {name: done[name] for name in jobs}


def _draw_in_pool(
    order: list[str],
    chosen: Look,
    progress: Callable[[str], None] | None,
    processes: int,
    done: dict[str, list[Path]],
) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = {pool.submit(_draw_one, name, chosen): name for name in order}
        try:
            for future in as_completed(futures):
                done[futures[future]] = future.result()
                if progress is not None:
                    progress(futures[future])
        except BaseException:
            for future in futures:
                future.cancel()
            raise
