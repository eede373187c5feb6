"""Fixtures for calendar tests: the docs example plan and real CN holiday data."""

from __future__ import annotations

import pytest
from tests.helpers import example_plan_text

from pacer.calendar.days import HolidayTable
from pacer.calendar.source import load_holiday_table
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan


@pytest.fixture(scope="session")
def example_plan() -> Plan:
    return load_plan_text(example_plan_text(), "tiny.yaml")


@pytest.fixture(scope="session")
def cn_table() -> HolidayTable:
    return load_holiday_table("CN", range(2026, 2028))
