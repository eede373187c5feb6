"""The report's charts, each written as PNG and SVG: heatmap, burn-up, milestones, metrics.

Every drawn series carries a gid ("burnup-math-done" …), which the SVG keeps as the id of its
group: tests (and curious people) can find each series in the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from pacer.i18n import t
from pacer.report.fonts import configure
from pacer.service.report import ReportData

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DONE_COLOR = "#2e7d32"
PLAN_COLOR = "#9e9e9e"
LATE_COLOR = "#c62828"
TRIP_COLOR = "#1565c0"
_EPOCH = date(1970, 1, 1).toordinal()


def _x(days: Sequence[date]) -> list[float]:
    """Dates as matplotlib's numbers: days since its epoch, 1970-01-01 (configure() sets it);
    the axis is told to show them as dates."""
    return [float(d.toordinal() - _EPOCH) for d in days]


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


SUFFIXES = (".png", ".svg")


def _save(fig: Figure, stem: Path) -> list[Path]:
    """Each format into atomic_target's temporary file, which is private (0600) before
    matplotlib opens it: the chart keeps that mode."""
    from pacer.workspace import atomic_target

    written = []
    for suffix in SUFFIXES:
        path = stem.with_suffix(suffix)
        with atomic_target(path, overwrite=True) as tmp:
            fig.savefig(tmp, format=suffix[1:], metadata=_metadata(suffix))
        written.append(path)
    return written


def _metadata(suffix: str) -> dict[str, str | None]:
    # No creation dates in the files: the same data draws the same bytes.
    return {"Date": None} if suffix == ".svg" else {"Software": "pacer"}


def heatmap(data: ReportData, stem: Path) -> list[Path]:
    """Minutes logged per day on a calendar grid (a column a week); trip days outlined."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    start = data.first - timedelta(days=data.first.weekday())
    weeks = (data.last - start).days // 7 + 1
    fig = _figure(max(4.0, 1.2 + weeks * 0.22), 2.6)
    ax = fig.add_subplot()
    cells, trips, values = [], [], []
    top = max(data.minutes) or 1
    for d, minutes in zip(data.days, data.minutes, strict=True):
        col, row = (d - start).days // 7, d.weekday()
        cells.append(Rectangle((col, 6 - row), 0.9, 0.9))
        values.append(minutes / top)
        if d in data.trip_days:
            trips.append(Rectangle((col, 6 - row), 0.9, 0.9))
    import matplotlib

    cmap = matplotlib.colormaps["Greens"]
    days = PatchCollection(
        cells, facecolors=[cmap(0.08 + 0.92 * v) if v else "#eeeeee" for v in values]
    )
    days.set_gid("heatmap-days")
    ax.add_collection(days)
    if trips:
        marked = PatchCollection(trips, facecolors="none", edgecolors=TRIP_COLOR, linewidths=1.2)
        marked.set_gid("heatmap-trips")
        ax.add_collection(marked)
    ax.set_xlim(-0.2, weeks + 0.1)
    ax.set_ylim(-0.2, 7.1)
    ax.set_yticks([6 - i + 0.45 for i in range(7)], [t("weekday." + k) for k in WEEKDAY_KEYS])
    months: list[tuple[float, str]] = []
    for col in range(weeks):
        shown = max(start + timedelta(weeks=col), data.first)
        if not months or months[-1][1] != f"{shown.month}":
            months.append((col + 0.45, f"{shown.month}"))
    ax.set_xticks([m[0] for m in months], [m[1] for m in months])
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(t("chart.heatmap", first=data.first, last=data.last, top=top), fontsize=10)
    return _save(fig, stem)


def burnup(data: ReportData, stem: Path) -> list[Path]:
    """Per track, cumulative unit minutes: planned (dashed) against done (solid)."""
    tracks = [tr for tr in data.tracks if tr.planned[-1] or tr.done[-1]] or list(data.tracks)
    cols = 2 if len(tracks) > 1 else 1
    rows = (len(tracks) + cols - 1) // cols
    fig = _figure(9.0, 2.2 * rows + 0.6)
    x = list(data.days)
    for i, tr in enumerate(tracks):
        ax = fig.add_subplot(rows, cols, i + 1)
        ax.xaxis_date()
        (planned,) = ax.plot(_x(x), [m / 60 for m in tr.planned], "--", color=PLAN_COLOR)
        planned.set_gid(f"burnup-{tr.id}-planned")
        shown = [(d, m / 60) for d, m in zip(x, tr.done, strict=True) if d <= data.today]
        (done,) = ax.plot(_x([d for d, _ in shown]), [h for _, h in shown], "-", color=DONE_COLOR)
        done.set_gid(f"burnup-{tr.id}-done")
        ax.set_title(tr.title, fontsize=10)
        ax.set_ylabel(t("chart.hours"))
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(t("chart.burnup"))
    fig.legend(
        [t("chart.planned"), t("chart.done")], loc="outside lower center", ncols=2, frameon=False
    )
    return _save(fig, stem)


def milestones(data: ReportData, stem: Path) -> list[Path]:
    """Each milestone: its due date, where the plan put it, where it is projected, if met."""
    rows = list(data.milestones)
    fig = _figure(9.0, 0.9 + 0.32 * max(1, len(rows)))
    ax = fig.add_subplot()
    due, planned, projected, met = [], [], [], []
    for y, line in enumerate(reversed(rows)):
        s = line.status
        due.append((s.due, y))
        if line.planned is not None:
            planned.append((line.planned, y))
        if s.projected is not None:
            projected.append((s.projected, y))
            late = s.projected > s.due
            ax.plot(
                _x([s.due, s.projected]), [y, y], color=LATE_COLOR if late else DONE_COLOR, lw=1
            )
        if s.status in ("met", "done"):
            met.append((s.projected or s.due, y))
    handles, names = [], []
    for points, marker, color, gid, name in (
        (due, "D", "#424242", "milestones-due", t("chart.due")),
        (planned, "s", PLAN_COLOR, "milestones-planned", t("chart.planned")),
        (projected, "o", TRIP_COLOR, "milestones-projected", t("chart.projected")),
        (met, "*", DONE_COLOR, "milestones-met", t("chart.met")),
    ):
        if points:
            (line2d,) = ax.plot(
                _x([p[0] for p in points]), [p[1] for p in points], marker, color=color, ms=6
            )
            line2d.set_gid(gid)
            handles.append(line2d)
            names.append(name)
    labels = [line.status.title for line in reversed(rows)]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.xaxis_date()
    ax.axvline(_x([data.today])[0], color="#ff8f00", lw=1)
    ax.set_title(t("chart.milestones"))
    fig.legend(handles, names, loc="outside lower center", ncols=len(handles), frameon=False)
    return _save(fig, stem)


def metrics(data: ReportData, stem: Path) -> list[Path]:
    """Each metric's values against the road between its target points."""
    shown = list(data.metrics)
    fig = _figure(9.0, 2.4 * max(1, len(shown)) + 0.4)
    for i, m in enumerate(shown):
        ax = fig.add_subplot(len(shown), 1, i + 1)
        ax.xaxis_date()
        if m.road:
            (road,) = ax.plot(
                _x([d for d, _ in m.road]), [v for _, v in m.road], "--", color=PLAN_COLOR
            )
            road.set_gid(f"metric-{m.id}-road")
        if m.values:
            (vals,) = ax.plot(
                _x([d for d, _ in m.values]), [v for _, v in m.values], "o-", color=DONE_COLOR
            )
            vals.set_gid(f"metric-{m.id}-values")
        ax.set_title(f"{m.title} ({m.unit})" if m.unit else m.title, fontsize=10)
    fig.suptitle(t("chart.metrics"))
    return _save(fig, stem)


CHARTS: dict[str, Callable[[ReportData, Path], list[Path]]] = {
    "heatmap": heatmap,
    "burnup": burnup,
    "milestones": milestones,
    "metrics": metrics,
}


def chart_stems(data: ReportData, folder: Path, stem: str) -> dict[str, Path]:
    """Each chart draw_all would draw, by name, and where (a stem: .png and .svg beside it)."""
    return {name: folder / f"{stem}-{name}" for name in CHARTS if name != "metrics" or data.metrics}


def chart_files(data: ReportData, folder: Path, stem: str) -> list[Path]:
    """Every file draw_all would write: to refuse an existing one before drawing any."""
    return [s.with_suffix(x) for s in chart_stems(data, folder, stem).values() for x in SUFFIXES]


def draw_all(
    data: ReportData, folder: Path, stem: str, progress: Callable[[str], None] | None = None
) -> dict[str, list[Path]]:
    """Draw every chart that has something to show into `folder` (made 0700 when missing),
    replacing what is there; `progress` is told each. When one cannot be drawn (a full
    disk), the files this call made are removed again: a retry finds none in its way."""
    from pacer.workspace import make_folder

    configure()
    make_folder(folder)
    before = {p for p in chart_files(data, folder, stem) if p.exists()}
    out: dict[str, list[Path]] = {}
    try:
        for name, where in chart_stems(data, folder, stem).items():
            if progress is not None:
                progress(name)
            out[name] = CHARTS[name](data, where)
    except BaseException:
        for made in chart_files(data, folder, stem):
            if made not in before:
                made.unlink(missing_ok=True)
        raise
    return out
