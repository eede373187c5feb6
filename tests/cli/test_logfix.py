"""Listing and correcting the record (`log list|edit|rm`, `metric rm|edit`, `note rm|edit`)
and `undo` of the last change of any kind, end to end through `pacer`."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers import Run

Pacer = Callable[..., Run]


def test_undo_after_a_metric_typo_removes_the_metric_value_not_a_log_entry(
    pacer: Pacer,
) -> None:
    assert pacer("log", "30", "english", "--date", "2026-03-05").code == 0
    assert pacer("metric", "add", "listening", "100", "--date", "2026-03-05").code == 0
    undone = pacer("undo")
    assert undone.code == 0, undone.err
    assert undone.out.strip() == "undid: removed metric value 100% (listening, 2026-03-05)"
    assert pacer("metric", "show", "listening", "--json").json()["values"] == []
    assert [
        e["minutes"] for e in pacer("today", "--date", "2026-03-05", "--json").json()["logged"]
    ] == [30]
