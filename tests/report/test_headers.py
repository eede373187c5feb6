"""A report's headings name its numbers in the order it prints them: planned, then done —
text, Markdown and HTML, both languages, both plans, with done ≠ planned."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from pacer.i18n import hours_text, set_lang, t
from tests.report.homes import PLANS, report, seed_units

NOW = "2026-04-30T10:00:00+00:00"


def _order(text: str, first: str, second: str) -> bool:
    """Whether `first` appears in `text`, and before `second` (which appears too)."""
    return -1 < text.find(first) < text.find(second)


@pytest.fixture(params=sorted(PLANS))
def logged(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str, dict[str, int]]:
    """A home whose April log leaves one track with done ≠ planned; that track's figures."""
    which = str(request.param)
    seed_units(tmp_path, which, date(2026, 4, 20), 75)
    data = json.loads(report(tmp_path, which, NOW, "year", "--json").stdout)
    track = next(tr for tr in data["tracks"] if tr["done"] and tr["done"] != tr["planned"])
    return tmp_path, which, track


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_says_planned_then_done(logged: tuple[Path, str, dict[str, int]], lang: str) -> None:
    home, which, track = logged
    out = report(home, which, NOW, "year", lang=lang).stdout
    set_lang(lang)
    heading = t("report.section.tracks")
    assert heading in out
    assert _order(heading, t("chart.planned"), t("chart.done"))
    row = next(line for line in out.splitlines() if line.strip().startswith(track["title"]))
    planned, done = hours_text(track["planned"]), hours_text(track["done"])
    assert planned != done
    assert _order(row, planned, done), row
    assert _order(row, t("chart.planned"), t("chart.done")), row


def _cells(row: str, tag: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(rf"<{tag}>(.*?)</{tag}>", row)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_tables_put_each_number_under_its_heading(
    logged: tuple[Path, str, dict[str, int]], fmt: str, lang: str
) -> None:
    home, which, track = logged
    out = report(home, which, NOW, "year", "--format", fmt, lang=lang).stdout
    set_lang(lang)
    if fmt == "md":
        rows = [
            [c.strip() for c in line.strip().strip("|").split("|")]
            for line in out.splitlines()
            if line.startswith("|")
        ]
    else:
        rows = [_cells(r, "th") or _cells(r, "td") for r in re.findall(r"<tr>(.*?)</tr>", out)]
    head = next(r for r in rows if t("report.col.planned_h") in r)
    line = next(r for r in rows if r[0] == track["title"])
    planned, done = head.index(t("report.col.planned_h")), head.index(t("report.col.done_h"))
    assert planned < done
    assert line[planned] == f"{track['planned'] / 60:.1f}"
    assert line[done] == f"{track['done'] / 60:.1f}"
    heading = t("report.section.tracks")
    assert _order(heading, t("chart.planned"), t("chart.done"))
    # the share column is done ÷ planned, as its heading says
    share = head.index(t("report.col.share"))
    assert line[share] == f"{100 * track['done'] / track['planned']:.0f} %"
