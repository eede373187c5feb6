"""Charts a person can read: every chart of a week, a month and a year report, and the
forecast's fan, for the built-in plan and the Berlin one, in English and Chinese — drawn by
the code the reports use, then looked at: no tick labels on top of each other or cut off by
the edge, no glyph missing from the font, a legend entry for every line drawn."""

from __future__ import annotations

import random
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from pacer import clock
from pacer.i18n import set_lang
from pacer.report import charts, fan
from pacer.service import Session, forecast_at, planned_projection
from pacer.service.report import report_data
from pacer.store.log import add_entry
from pacer.store.metrics import add_value
from pacer.store.trips import add_trip
from tests.conftest import OTHER_PLAN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DAY = date(2026, 4, 20)  # the reports' day: mid-month, two months into both plans
AFTER = date(2026, 4, 23)  # an entry dated after DAY: the guards refuse one now; old data may not
PLANS = {"builtin": None, "berlin": OTHER_PLAN}
# Each plan's days in 2026 up to DAY, and after it: the built-in plan runs 2026-02-09 –
# 12-31 (326 days), Berlin's 2026-03-02 – 08-30 (182 days).
SPLIT = {"builtin": (71, 255), "berlin": (50, 132)}


@pytest.fixture(scope="module", params=sorted(PLANS))
def history(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Session]:
    """A session over a plan (its name in `session.name`) with its planned pieces logged on
    most days up to `DAY` (at ~85 % of their minutes), a week's trip in April, three readings
    of each metric and one entry dated after `DAY`."""
    plan: Path | None = PLANS[request.param]
    db = tmp_path_factory.mktemp(request.param) / "pacer.db"
    was = clock._fixed
    clock.set_now(datetime(2026, 4, 20, 12, 0, tzinfo=UTC))
    rnd = random.Random(12)
    with Session(plan, db) as session:
        store = session.store
        add_trip(store, date(2026, 4, 6), date(2026, 4, 12), "trip")
        for m in session.plan.metrics:
            for day, value in ((date(2026, 3, 10), 40.0), (date(2026, 3, 28), 48.0), (DAY, 55.0)):
                add_value(store, m.id, day, value, "")
        planned = planned_projection(session, until=DAY)
        for d in planned.days:
            if d.info.day > DAY or rnd.random() < 0.15:
                continue
            for bp in d.blocks:
                if bp.block.type == "habit" and bp.block.track:
                    add_entry(
                        store, d.info.day, "habit", bp.block.track, bp.block.minutes, "", False
                    )
                for item in bp.items:
                    last = planned.finish.get(item.unit) == d.info.day
                    minutes = max(1, item.minutes * 85 // 100)
                    add_entry(store, d.info.day, "unit", item.unit, minutes, "", last)
        habit = next(b for t in session.plan.day_templates for b in t.blocks if b.track)
        assert habit.track is not None
        add_entry(store, AFTER, "habit", habit.track, 30, "", False)
        clock.set_now(was)
        session.name = request.param  # type: ignore[attr-defined]
        yield session


def _drawn(
    monkeypatch: pytest.MonkeyPatch, draw: Callable[[], Any]
) -> tuple[list[tuple[str, Figure]], list[str]]:
    """Every figure that `draw` saves (through the charts' own _save), by file stem, and the
    warnings drawing them raised."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    seen: list[tuple[str, Figure]] = []
    real = charts._save

    def spy(fig: Figure, stem: Path) -> list[Path]:
        written = real(fig, stem)
        # Laid out once more on a canvas of its own, as savefig did, to measure its text.
        FigureCanvasAgg(fig).draw()
        seen.append((stem.name, fig))
        return written

    monkeypatch.setattr(charts, "_save", spy)  # fan.py saves through it too
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw()
    return seen, [str(w.message) for w in caught]


def _all_axes(fig: Figure) -> list[Axes]:
    out: list[Axes] = []
    for ax in fig.axes:
        out += [ax, *ax.child_axes]  # secondary axes (labels along the top) are children
    return out


def tick_label_problems(fig: Figure) -> list[str]:
    """Tick labels that overlap one another on an axis, or reach past the figure's edge."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    edge = fig.bbox
    problems = []
    for ax in _all_axes(fig):
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            locs = list(axis.get_majorticklocs())
            boxes = []
            for loc, tick in zip(locs, axis.get_major_ticks(len(locs)), strict=True):
                if not lo - 1e-6 <= loc <= hi + 1e-6:
                    continue  # not drawn
                for label in (tick.label1, tick.label2):
                    if label.get_visible() and label.get_text().strip():
                        boxes.append((label.get_text(), label.get_window_extent(renderer)))
            for text, box in boxes:
                if box.x0 < edge.x0 - 1 or box.x1 > edge.x1 + 1 or box.y0 < edge.y0 - 1:
                    problems.append(f"{text!r} cut off by the figure's edge")
            for (a, box_a), (b, box_b) in combinations(boxes, 2):
                if box_a.overlaps(box_b):
                    problems.append(f"{a!r} overlaps {b!r}")
    return problems


def legend_problems(fig: Figure) -> list[str]:
    """Lines drawn (with data, visible) whose label is not an entry of a legend."""
    entries = {t.get_text() for leg in fig.legends for t in leg.get_texts()}
    problems = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            entries |= {t.get_text() for t in legend.get_texts()}
    for ax in fig.axes:
        for line in ax.get_lines():
            if not line.get_visible() or len(line.get_xdata()) == 0:  # type: ignore[arg-type]
                continue
            label = str(line.get_label())
            if label.startswith("_") or label not in entries:
                problems.append(f"line {line.get_gid() or label!r} has no legend entry")
    return problems


def glyph_problems(fig: Figure, caught: list[str]) -> list[str]:
    """Characters of the figure's text in none of the fonts in use, and matplotlib's own
    "Glyph … missing from font" warnings."""
    from matplotlib import font_manager, rcParams
    from matplotlib.ft2font import FT2Font
    from matplotlib.text import Text

    known: set[int] = set()
    for family in rcParams["font.sans-serif"]:
        path = font_manager.findfont(family, fallback_to_default=False)
        known |= set(FT2Font(path).get_charmap())
    problems = [w for w in caught if "missing from font" in w]
    for text in fig.findobj(Text):
        if not isinstance(text, Text) or not text.get_visible():
            continue
        missing = {c for c in text.get_text() if not c.isspace() and ord(c) not in known}
        if missing:
            problems.append(f"{text.get_text()!r}: no glyph for {''.join(sorted(missing))}")
    return problems


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_report_chart_is_legible(
    history: Session, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_lang(lang)

    def draw() -> None:
        for period in ("week", "month", "year"):
            # As `pacer report` draws them (cli/report.py), and the web's month (lanes.py).
            data = report_data(history, period, DAY)
            charts.draw_all(data, tmp_path, f"pacer-{period}")
        fan.fan_chart(forecast_at(history, DAY, runs=200), tmp_path / "fan")

    seen, caught = _drawn(monkeypatch, draw)
    names = [name for name, _ in seen]
    periods = ("week", "month", "year")
    expected = [f"pacer-{p}-{c}" for p in periods for c in charts.CHARTS] + ["fan"]
    assert names == expected
    problems = []
    for name, fig in seen:
        for problem in (
            tick_label_problems(fig) + legend_problems(fig) + glyph_problems(fig, caught)
        ):
            problems.append(f"{name}: {problem}")
    assert not problems, "\n".join(problems)
    assert not [w for w in caught if not re.search("missing from font", w)], caught


def test_the_checks_catch_what_they_look_for() -> None:
    """Each check finds its fault in a figure made to have it."""
    from matplotlib.figure import Figure

    from pacer.report.fonts import configure

    configure()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(2, 2))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], label="done")
    ax.axvline(0.5, label="today")
    ax.set_xticks([0, 0.01], ["2026-04-01", "2026-05-01"])
    ax.legend(handles=ax.get_lines()[:1])
    text = fig.suptitle("ab\u0d9e")  # a Sinhala letter: in neither font
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()  # type: ignore[no-untyped-call]
    assert any("overlaps" in p for p in tick_label_problems(fig))
    assert legend_problems(fig) == ["line 'today' has no legend entry"]
    problems = glyph_problems(fig, [str(w.message) for w in caught])
    assert any("missing from font" in p for p in problems)
    assert f"{text.get_text()!r}: no glyph for \u0d9e" in problems


def _heatmaps(
    history: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> dict[str, Figure]:
    def draw() -> None:
        for period in ("month", "year"):  # as draw_all draws it
            charts.CHARTS["heatmap"](report_data(history, period, DAY), tmp_path / period)

    seen, _ = _drawn(monkeypatch, draw)
    return dict(seen)


def _cells(fig: Figure) -> dict[str, int]:
    from matplotlib.collections import PatchCollection

    found = fig.findobj(PatchCollection)
    return {str(c.get_gid()).removeprefix("heatmap-"): len(c.get_paths()) for c in found}


def test_the_heatmap_draws_plan_days_past_and_to_come_apart(
    history: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Days outside the plan have no cell, days after the report's day are outlined (an entry
    dated after it too), missed days grey, logged ones green; the title counts the plan's
    days up to the report's day, not the year's 365."""
    past, future = SPLIT[history.name]  # type: ignore[attr-defined]
    year = _heatmaps(history, monkeypatch, tmp_path)["year"]
    cells = _cells(year)
    assert cells["logged"] + cells["missed"] == past
    assert cells["future"] == future
    assert cells["missed"] > 0 and cells["trips"] == 7
    title = year.get_suptitle()
    logged = cells["logged"]
    assert title.endswith(f"{logged} of {past} days up to {DAY} with something logged")
    assert "365" not in title
    set_lang("zh")
    year = _heatmaps(history, monkeypatch, tmp_path)["year"]
    assert year.get_suptitle().endswith(f"截至 {DAY} 的 {past} 天中有 {logged} 天有记录")


def test_the_heatmap_has_week_labels_and_a_colour_scale(
    history: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    maps = _heatmaps(history, monkeypatch, tmp_path)
    month, year = maps["month"], maps["year"]
    # A month: each column is labelled with its Monday (April 2026 starts on a Wednesday).
    labels = [label.get_text() for label in month.axes[0].get_xticklabels()]
    assert labels == ["Mar 30", "Apr 6", "Apr 13", "Apr 20", "Apr 27"]
    # A year: the months along the top, from the plan's first month to its last.
    top = year.axes[0].child_axes[0]
    months = [label.get_text() for label in top.get_xticklabels()]
    first, last = history.plan.start, history.plan.end
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert months == names[first.month - 1 : last.month]
    # The colour scale: four classes of minutes, then what grey, an outline and a frame mean.
    for fig in (month, year):
        legend = [text.get_text() for text in fig.legends[0].get_texts()]
        assert legend[4:] == ["nothing logged", "still to come", "trip"]
        assert all(re.fullmatch(r"\d+–\d+ min|\d+ min or more", x) is not None for x in legend[:4])
        assert legend[0].startswith("1–") and legend[3].endswith(" min or more")


@pytest.mark.parametrize(
    ("logged", "classes"),
    [
        ([70] * 9 + [200], [1, 30, 60, 120]),  # a usual day reads apart from a deep Saturday
        ([], [1, 30, 60, 120]),
        ([3, 4, 12], [1, 5, 10, 20]),
        ([400, 500], [1, 180, 360, 720]),
    ],
)
def test_the_heatmap_colour_classes_round_to_the_usual_day(
    logged: list[int], classes: list[int]
) -> None:
    assert charts.minute_classes(logged) == classes
