"""The reviews table: one weekly review per ISO week, its answers and a snapshot of its facts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.store.audit import mark
from pacer.store.db import Store

TYPE_CHECKING = False  # the domain classes are only needed once a row exists
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.catchup import CatchupChoice
    from pacer.schedule.decisions import ReviewDecision
    from pacer.schedule.review import Review
    from pacer.schedule.weeks import IsoWeek

_COLUMNS = "week, answers, facts, created_at, updated_at"


def _review(row: tuple[object, ...]) -> Review:
    import json  # not at import: `pacer today` only asks whether a review exists

    from pacer.schedule.review import Review
    from pacer.schedule.weeks import IsoWeek

    week, answers, facts, created, updated = row
    parsed = IsoWeek.parse(str(week))
    if parsed is None:
        raise PacerError(Message("review.bad_row", week=week))
    try:
        stored = json.loads(str(answers))
        snapshot = json.loads(str(facts))
    except ValueError:
        raise PacerError(Message("review.bad_row", week=week)) from None
    if not isinstance(stored, dict) or not isinstance(snapshot, dict):
        raise PacerError(Message("review.bad_row", week=week))
    pairs = tuple((str(k), "" if v is None else str(v)) for k, v in stored.items())
    return Review(parsed, pairs, snapshot, str(created), str(updated))


def check_row(week: object, answers: object, facts: object) -> None:
    """Refuse (review.bad_row) a row that could not be read back: what an import checks."""
    _review((week, answers, facts, "", ""))


def get_review(store: Store, week: IsoWeek) -> Review | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM reviews WHERE week = ?", (str(week),)
    ).fetchone()
    return _review(row) if row is not None else None


def has_review(store: Store, week: IsoWeek) -> bool:
    row = store.conn.execute("SELECT 1 FROM reviews WHERE week = ?", (str(week),)).fetchone()
    return row is not None


def list_reviews(store: Store) -> list[Review]:
    """Every stored review, oldest week first (ISO week labels sort as text)."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM reviews ORDER BY week").fetchall()
    return [_review(r) for r in rows]


def save_review(
    store: Store,
    week: IsoWeek,
    answers: Sequence[tuple[str, str]],
    facts: Mapping[str, Any],
    *,
    replace: bool,
    decisions: Sequence[tuple[ReviewDecision, CatchupChoice | None]] = (),
    readings: Sequence[tuple[str, date, float, str]] = (),
) -> Review:
    """Store the review of `week`. An existing one is replaced only when `replace` is true
    (it keeps its created_at); otherwise the write is refused. In the same transaction: the
    metric values its answers give (metric, date, value, note), and its decisions, each with
    the catch-up choice it records (its id and kind are kept with the decision)."""
    import json

    from pacer.record import replace as replaced
    from pacer.store.audit import insert_row
    from pacer.store.catchup import insert_choice

    stamp = now_utc().isoformat(timespec="seconds")
    answers_text = json.dumps(dict(answers), ensure_ascii=False)
    facts_text = json.dumps(facts, ensure_ascii=False)
    with store.write() as tx:
        row = tx.execute("SELECT 1 FROM reviews WHERE week = ?", (str(week),)).fetchone()
        if row is not None and not replace:
            raise PacerError(Message("review.exists", week=str(week)))
        for metric, day, value, note in readings:
            values = {"metric": metric, "local_date": day.isoformat(), "value": value}
            insert_row(tx, "metric_values", {**values, "note": note, "logged_at": stamp})
        written = []
        for decision, choice in decisions:
            if choice is not None:
                recorded = insert_choice(tx, choice)
                decision = replaced(decision, catchup_id=recorded.id, choice=recorded.kind)
            written.append(decision)
        if row is None:
            tx.execute(
                "INSERT INTO reviews (week, answers, facts, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (str(week), answers_text, facts_text, stamp, stamp),
            )
        else:
            tx.execute(
                "UPDATE reviews SET answers = ?, facts = ?, updated_at = ? WHERE week = ?",
                (answers_text, facts_text, stamp, str(week)),
            )
        for d in written:
            tx.execute(
                "INSERT INTO review_decisions (week, milestone, decision, option, catchup_id,"
                " choice, due_date, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(week),
                    d.milestone,
                    d.kind,
                    d.option,
                    d.catchup_id,
                    d.choice,
                    d.due.isoformat() if d.due else None,
                    d.reason,
                    stamp,
                ),
            )
        saved = tx.execute(
            f"SELECT {_COLUMNS} FROM reviews WHERE week = ?", (str(week),)
        ).fetchone()
        # undo does not revert a review (`review --edit` changes it): it stops here
        mark(tx, "reviews", "add" if row is None else "edit", {"kind": "review", "week": str(week)})
    return _review(saved)


_DECISION_COLUMNS = "milestone, decision, option, catchup_id, choice, due_date, reason"


def list_decisions(store: Store, week: IsoWeek) -> list[ReviewDecision]:
    """The decisions of `week`'s review, in the order they were recorded."""
    from pacer.schedule.decisions import ReviewDecision

    rows = store.conn.execute(
        f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE week = ? ORDER BY id",
        (str(week),),
    ).fetchall()
    out = []
    for milestone, kind, option, catchup_id, choice, due, reason in rows:
        out.append(
            ReviewDecision(
                str(milestone),
                str(kind),
                int(option) if option is not None else None,
                date.fromisoformat(str(due)) if due else None,
                str(reason),
                int(catchup_id) if catchup_id is not None else None,
                str(choice) if choice is not None else None,
            )
        )
    return out
