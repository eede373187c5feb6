"""The reviews table: one review per ISO week, refused overwrites, edits, listing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from pacer import clock
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.schedule.review import Review
from pacer.schedule.weeks import IsoWeek
from pacer.store.db import Store
from pacer.store.reviews import get_review, has_review, list_reviews, save_review

W9, W10, W11 = IsoWeek(2026, 9), IsoWeek(2026, 10), IsoWeek(2026, 11)
FACTS = {"week": "2026-W10", "tracks": [{"id": "math", "planned": 300, "done": 240}]}
ANSWERS = (("done", "看完 18.06 第一讲\n画了等高线"), ("well", ""), ("listening", "60"))


def test_a_saved_review_reads_back_exactly(store: Store) -> None:
    saved = save_review(store, W10, ANSWERS, FACTS, replace=False)
    stamp = "2026-03-10T12:00:00+00:00"
    assert saved == Review(W10, ANSWERS, FACTS, stamp, stamp)
    assert get_review(store, W10) == saved
    assert has_review(store, W10)
    assert not has_review(store, W11)
    assert get_review(store, W11) is None


def test_answers_keep_their_order_and_text_is_stored_as_written(store: Store) -> None:
    reordered = (("listening", "70 %"), ("done", "a | b"), ("stuck", "🙂"))
    assert save_review(store, W10, reordered, {}, replace=False).answers == reordered
    raw = store.conn.execute("SELECT answers, facts FROM reviews").fetchone()
    assert raw == ('{"listening": "70 %", "done": "a | b", "stuck": "🙂"}', "{}")


def test_an_existing_review_is_not_overwritten(store: Store) -> None:
    first = save_review(store, W10, ANSWERS, FACTS, replace=False)
    with pytest.raises(PacerError) as info:
        save_review(store, W10, (("done", "other"),), {}, replace=False)
    assert info.value.message == Message("review.exists", week="2026-W10")
    assert get_review(store, W10) == first
    assert not store.conn.in_transaction


def test_replacing_keeps_created_at_and_moves_updated_at(store: Store) -> None:
    first = save_review(store, W10, ANSWERS, FACTS, replace=False)
    clock.set_now(datetime(2026, 3, 11, 8, 30, tzinfo=UTC))
    second = save_review(store, W10, (("done", "改过了"),), {"week": "2026-W10"}, replace=True)
    assert second == Review(
        W10,
        (("done", "改过了"),),
        {"week": "2026-W10"},
        first.created_at,
        "2026-03-11T08:30:00+00:00",
    )
    assert list_reviews(store) == [second]


def test_replace_on_a_new_week_just_writes_it(store: Store) -> None:
    saved = save_review(store, W11, ANSWERS, FACTS, replace=True)
    assert saved.created_at == saved.updated_at
    assert get_review(store, W11) == saved


def test_reviews_are_listed_oldest_week_first(store: Store) -> None:
    w11 = save_review(store, W11, (), {}, replace=False)
    w9 = save_review(store, W9, (), {}, replace=False)
    last_year = save_review(store, IsoWeek(2025, 52), (), {}, replace=False)
    w10 = save_review(store, W10, (), {}, replace=False)
    assert list_reviews(store) == [last_year, w9, w10, w11]


def test_a_damaged_row_is_one_error_not_a_traceback(store: Store) -> None:
    with store.write() as tx:
        tx.execute(
            "INSERT INTO reviews (week, answers, facts, created_at, updated_at)"
            " VALUES ('2026-W10', 'not json', '{}', 'x', 'x')"
        )
    with pytest.raises(PacerError) as info:
        get_review(store, W10)
    assert info.value.message == Message("review.bad_row", week="2026-W10")
    with store.write() as tx:
        tx.execute("UPDATE reviews SET answers = '[1, 2]'")
    with pytest.raises(PacerError):
        list_reviews(store)


def test_reviews_survive_reopening_the_database(open_db: Callable[..., Store]) -> None:
    first = open_db("a.db")
    saved = save_review(first, W10, ANSWERS, FACTS, replace=False)
    first.close()
    assert get_review(open_db("a.db"), W10) == saved


# -- decisions (migration 12) --------------------------------------------------------------------
def _counts(store: Store) -> tuple[int, ...]:
    tables = ("reviews", "review_decisions", "catchup", "metric_values")
    return tuple(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_decisions_choices_and_values_are_written_with_the_review(store: Store) -> None:
    from datetime import date

    from pacer.schedule.catchup import CatchupChoice
    from pacer.schedule.decisions import ReviewDecision
    from pacer.store.catchup import list_choices
    from pacer.store.reviews import list_decisions

    move = CatchupChoice("move_due", "phase-a", due=date(2026, 4, 30), reason="trips")
    decisions = [
        (ReviewDecision("phase-a", "move", due=date(2026, 4, 30), reason="trips"), move),
        (ReviewDecision("blog-1", "keep"), None),
    ]
    readings = [("listening", date(2026, 3, 8), 65.0, "2026-W10")]
    save_review(store, W10, ANSWERS, FACTS, replace=False, decisions=decisions, readings=readings)
    assert _counts(store) == (1, 2, 1, 1)
    assert list_decisions(store, W10) == [
        ReviewDecision("phase-a", "move", None, date(2026, 4, 30), "trips", 1, "move_due"),
        ReviewDecision("blog-1", "keep"),
    ]
    assert [(c.id, c.kind, c.due) for c in list_choices(store)] == [
        (1, "move_due", date(2026, 4, 30))
    ]
    assert list_decisions(store, W11) == []
    # A second save of the week is refused: none of its decisions, choices or values stay.
    with pytest.raises(PacerError):
        save_review(
            store, W10, ANSWERS, FACTS, replace=False, decisions=decisions, readings=readings
        )
    assert _counts(store) == (1, 2, 1, 1)


def test_the_table_refuses_an_unknown_decision_and_a_second_for_a_milestone(store: Store) -> None:
    insert = (
        "INSERT INTO review_decisions (week, milestone, decision, created_at)"
        " VALUES ('2026-W10', ?, ?, 'x')"
    )
    store.conn.execute(insert, ("phase-a", "keep"))
    # (the store's connection turns SQLite's refusal into its one-line error)
    with pytest.raises(PacerError):
        store.conn.execute(insert, ("blog-1", "ignore"))
    with pytest.raises(PacerError):
        store.conn.execute(insert, ("phase-a", "move"))
    assert _counts(store)[1] == 1
