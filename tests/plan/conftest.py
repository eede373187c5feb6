"""Fixtures for plan tests: the docs example text, variants of it, and a fixed language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pacer.i18n import current_lang, set_lang
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plan-format.md"


def docs_example() -> str:
    """The last ```yaml block of docs/plan-format.md, exactly as written."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", DOCS.read_text(encoding="utf-8"), re.S | re.M)
    assert blocks, "docs/plan-format.md has no ```yaml block"
    return str(blocks[-1])


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English for every plan test; the previous language comes back after."""
    before = current_lang()
    set_lang("en")
    yield
    set_lang(before)


@pytest.fixture(scope="session")
def example_text() -> str:
    return docs_example()


@pytest.fixture(scope="session")
def example_plan() -> Plan:
    return load_plan_text(docs_example(), "tiny.yaml")


@pytest.fixture
def variant(example_text: str) -> Callable[..., str]:
    """The docs example with `old` (which must occur exactly once) replaced by `new`;
    several (old, new) pairs may be given in turn."""

    def make(*pairs: tuple[str, str]) -> str:
        text = example_text
        for old, new in pairs:
            assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
            text = text.replace(old, new)
        return text

    return make
