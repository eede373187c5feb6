"""The dashboard's Today page on a first day back: lighter work blocks and the notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pacer import service
from pacer.service import Session
from tests.cli.test_ramp import CASES, with_ramp
from tests.web.test_language_pages import _client


@pytest.mark.parametrize("which", CASES)
def test_today_on_a_first_day_back_shows_lighter_work_blocks(
    web_home: Path, tmp_path: Path, which: str
) -> None:
    source, work, full, half, _ = CASES[which]
    plan = with_ramp(source, tmp_path)
    title = work.removeprefix("  [work] ")
    with Session(plan) as s:
        service.add_trip(s, date(2026, 3, 16), date(2026, 3, 29), "")
    with _client(web_home, plan) as client:
        back = client.get("/?date=2026-03-30&lang=en").text
        zh = client.get("/?date=2026-03-30&lang=zh").text
        later = client.get("/?date=2026-04-02&lang=en").text
    assert f'<h2>{title} <span class="muted">{half} min</span></h2>' in back
    assert "first days back: lighter blocks — day 1 of 3, work blocks at 50 %" in back
    assert "回来后的头几天：主线块减量 — 第 1/3 天，主线块按 50% 安排" in zh
    assert f'<h2>{title} <span class="muted">{full}' in later
    assert "first days back" not in later
