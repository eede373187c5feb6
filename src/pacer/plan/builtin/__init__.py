"""The plans that ship with pacer: the 2026 plan of its first user."""

from __future__ import annotations

from pathlib import Path


def builtin_plan_path() -> Path:
    """The built-in 2026 plan (plan-2026.yaml beside this file)."""
    return Path(__file__).with_name("plan-2026.yaml")
