"""Terminal padding: Chinese counts two columns; a cell always ends in a blank column."""

from __future__ import annotations

import pytest

from pacer.cli.text import pad, width


@pytest.mark.parametrize(
    ("text", "columns", "shown"),
    [
        ("abc", 5, "abc  "),
        ("英语", 6, "英语  "),
        ("英语听力 Phase 1（1–2 月）", 12, "英语听力 P… "),
        ("abcdefgh", 6, "abcd… "),
        ("技术博客第 1 篇", 10, "技术博客… "),
        ("技术博客第 2 篇（偏工程）", 24, "技术博客第 2 篇（偏工…  "),  # fits exactly: cut
        ("abcd", 5, "abcd "),
    ],
)
def test_pad(text: str, columns: int, shown: str) -> None:
    assert pad(text, columns) == shown
    assert width(pad(text, columns)) == columns


def test_a_cell_never_touches_the_next_column() -> None:
    text = "Phase A：数学补全 + 端侧基础工程"
    for n in range(3, width(text) + 3):
        cell = pad(text, n)
        assert width(cell) == n and cell.endswith(" "), n
