"""Fixtures for plan tests: the docs example text, variants of it, and a fixed language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from tests.helpers import example_plan_text

from pacer.i18n import current_lang, set_lang
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan


def docs_example() -> str:
    """The complete small example of docs/plan-format.md, exactly as written."""
    return example_plan_text()


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
