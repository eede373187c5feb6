"""The Plan page's Gantt chart: an SVG drawn for a phone, in the page's language, on both
plans; a tap opens it on its own, where it may style itself and run nothing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import service
from tests.conftest import OTHER_PLAN

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("which", ["builtin", "berlin"])
@pytest.mark.parametrize(
    ("lang", "title"),
    [("zh", "计划：计划跨度与预计跨度"), ("en", "The plan: planned and projected spans")],
)
def test_the_plan_page_shows_the_gantt_chart(
    client: TestClient, web_home: Path, which: str, lang: str, title: str
) -> None:
    if which == "berlin":
        (web_home / "plan.yaml").write_bytes(OTHER_PLAN.read_bytes())
    page = client.get(f"/plan?lang={lang}")
    assert page.status_code == 200
    names = re.findall(
        r'<a href="/charts/([\w-]+)\.svg"[^>]*><img src="/charts/\1\.svg"', page.text
    )
    assert len(names) == 1 and names[0].startswith("gantt")
    chart = client.get(f"/charts/{names[0]}.svg")
    assert chart.headers["content-type"] == "image/svg+xml"
    policy = chart.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script" not in policy
    root = ET.fromstring(chart.content)
    assert root.get("viewBox") and root.get("width") is None  # scales to the page
    text = "".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))
    assert title in text
    with service.Session() as s:
        milestones = len(s.plan.milestones)
    due = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "gantt-milestones-due")
    assert len(due.findall(f".//{SVG}use")) == milestones
    assert client.get(f"/plan?lang={lang}").text.count("/charts/") == 2  # kept, not redrawn
