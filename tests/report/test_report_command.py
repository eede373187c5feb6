"""`pacer report` end to end: the installed command over a year of history."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PACER, ROOT

GOLDEN = ROOT / "tests" / "golden"


def _pacer(home: Path, *args: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        PACER_HOME=str(home),
        PACER_NOW="2026-12-20T21:00:00+08:00",
        PACER_TZ="Asia/Shanghai",
        LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8",
    )
    return subprocess.run(
        [str(PACER), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_year_end_summary_in_markdown_with_its_charts(year_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pacer(year_home, "report", "year", "--format", "md", "-o", f"{out}/")
    assert run.returncode == 0, run.stderr
    assert "\r" not in run.stderr  # no progress bar when stderr is not a terminal
    assert sorted(p.name for p in out.iterdir()) == ["pacer-year-2026", "pacer-year-2026.md"]
    # The summary is a Hexo post: its charts are in its asset folder (post_asset_folder).
    assert sorted(p.name for p in (out / "pacer-year-2026").iterdir()) == sorted(
        f"pacer-year-2026-{c}.{s}"
        for c in ("heatmap", "burnup", "milestones", "metrics", "gantt")
        for s in ("png", "svg")
    )
    text = (out / "pacer-year-2026.md").read_text(encoding="utf-8")
    golden = GOLDEN / "report-year-2026.md"
    if os.environ.get("PACER_WRITE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("period", ["week", "month", "year"])
def test_text_report_to_stdout(year_home: Path, period: str) -> None:
    run = _pacer(year_home, "report", period, "--date", "2026-04-08", lang="en")
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[0]
    expected = {
        "week": "Week 2026-04-06 – 2026-04-12",
        "month": "Month 2026-04-01 – 2026-04-30",
        "year": "Year 2026-01-01 – 2026-12-31",
    }
    assert first == expected[period]
    assert "Tracks: planned vs done" in run.stdout and "Milestones" in run.stdout
    if period == "week":
        assert "7 days travelling on 1 trip\n" in run.stdout


def test_html_report_escapes_and_links_its_svg_charts(year_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "month.html"
    run = _pacer(
        year_home, "report", "month", "--date", "2026-09-10", "--format", "html", "-o", str(target)
    )
    assert run.returncode == 0, run.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    for chart in ("heatmap", "burnup", "milestones"):
        assert f'src="pacer-month-2026-09-{chart}.svg"' in page
        assert (tmp_path / f"pacer-month-2026-09-{chart}.svg").exists()
    assert "生活（化妆/Cos、摄影、执行/复盘）" in page


def test_a_bad_period_is_one_line(year_home: Path) -> None:
    run = _pacer(year_home, "report", "decade")
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "decade" in run.stderr
