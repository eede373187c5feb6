"""The milestone_checks table: checking, checking again, unchecking, listing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pacer.schedule.status import CriterionCheck
from pacer.store.db import Store
from pacer.store.milestones import list_checks, remove_check, set_check

CHECKED_AT = "2026-03-10T12:00:00+00:00"  # the fixed clock of tests/store/conftest.py


def test_a_check_is_stored_with_its_evidence_and_day(store: Store) -> None:
    check, replaced = set_check(
        store, "phase-a", "mit1801", "https://notes.example/18.01", date(2026, 3, 1)
    )
    assert check == CriterionCheck(
        "phase-a", "mit1801", "https://notes.example/18.01", date(2026, 3, 1), CHECKED_AT
    )
    assert replaced is None
    assert list_checks(store) == [check]


def test_checking_again_replaces_the_evidence_and_day_and_returns_the_old_check(
    store: Store,
) -> None:
    first, _ = set_check(store, "phase-a", "mit1801", "笔记", date(2026, 3, 1))
    second, replaced = set_check(store, "phase-a", "mit1801", "博客链接", date(2026, 3, 5))
    assert replaced == first
    assert (second.evidence, second.day) == ("博客链接", date(2026, 3, 5))
    assert list_checks(store) == [second]


def test_checks_are_listed_by_milestone_then_criterion_and_filtered(store: Store) -> None:
    b, _ = set_check(store, "phase-a", "tensorrt", "t", date(2026, 3, 2))
    c, _ = set_check(store, "blog-1", "published", "p", date(2026, 3, 3))
    a, _ = set_check(store, "phase-a", "mit1801", "m", date(2026, 3, 4))
    assert list_checks(store) == [c, a, b]
    assert list_checks(store, "phase-a") == [a, b]
    assert list_checks(store, "year-end") == []


def test_removing_a_check_returns_it_and_a_missing_one_gives_none(store: Store) -> None:
    check, _ = set_check(store, "phase-a", "mit1801", "m", date(2026, 3, 4))
    other, _ = set_check(store, "phase-a", "tensorrt", "t", date(2026, 3, 4))
    assert remove_check(store, "phase-a", "mit1801") == check
    assert list_checks(store) == [other]
    assert remove_check(store, "phase-a", "mit1801") is None
    assert remove_check(store, "nope", "tensorrt") is None
    assert list_checks(store) == [other]


def test_checks_survive_reopening_the_database(open_db: Callable[..., Store], store: Store) -> None:
    check, _ = set_check(store, "phase-a", "mit1801", "m", date(2026, 3, 4))
    store.close()
    again = open_db()
    assert list_checks(again) == [check]
