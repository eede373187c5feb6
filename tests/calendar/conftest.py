"""Fixtures for calendar tests: the docs example plan and real CN holiday data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pacer.calendar.days import HolidayTable
from pacer.calendar.source import load_holiday_table
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plan-format.md"


@pytest.fixture(scope="session")
def example_plan() -> Plan:
    blocks = re.findall(r"^```yaml\n(.*?)^```", DOCS.read_text(encoding="utf-8"), re.S | re.M)
    return load_plan_text(blocks[-1], "tiny.yaml")


@pytest.fixture(scope="session")
def cn_table() -> HolidayTable:
    return load_holiday_table("CN", range(2026, 2028))
