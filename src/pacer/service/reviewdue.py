"""Whether a weekly review is due: light enough for `pacer today`."""

from __future__ import annotations

from datetime import date

from pacer.i18n import Message
from pacer.schedule.weeks import IsoWeek, due_week
from pacer.service.session import Session


def review_due_week(session: Session, today: date) -> IsoWeek:
    """The week whose review is due on `today`: this week from the plan's review day on,
    else the previous week."""
    return due_week(today, session.plan.review.day)


def review_notice(session: Session, day: date, today: date) -> Message | None:
    """From the review day on, until the review of that week exists: on the review day
    itself that week's, before it in the week the previous week's. Not for days still
    ahead, nor for weeks outside the plan."""
    from pacer.store.reviews import has_review

    if day > today:
        return None
    plan = session.plan
    week = review_due_week(session, day)
    if not IsoWeek.of(plan.start) <= week <= IsoWeek.of(plan.end):
        return None
    if has_review(session.store, week):
        return None
    if week == review_due_week(session, today):
        return Message("notice.review_due", week=str(week))
    return Message("notice.review_due_week", week=str(week))
