"""Helpers shared by test modules: the example plan, the result of a `pacer` run."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACER = Path(sys.executable).with_name("pacer")


def example_plan_text() -> str:
    """The complete small example of docs/plan-format.md, exactly as documented."""
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", doc, re.S)[-1]


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)
