"""Whether a weekly review is due, and on which day a week's review falls: light enough for
`pacer today`."""

from __future__ import annotations

from datetime import date

from pacer import clock
from pacer.calendar.days import Calendar
from pacer.i18n import Message
from pacer.schedule.weeks import IsoWeek
from pacer.service.session import Session


def review_due_week(session: Session, today: date, calendar: Calendar | None = None) -> IsoWeek:
    """The week whose review is due on `today`: this week from the day that holds its review
    on (the plan's review day, or the day off it moved to), else the previous week."""
    from pacer.schedule.review import due_week_on

    return due_week_on(session.plan, calendar or session.calendar(), today)


def review_day_of(session: Session, week: IsoWeek, calendar: Calendar | None = None) -> date:
    """The day that holds `week`'s review."""
    from pacer.schedule.review import review_day

    return review_day(session.plan, calendar or session.calendar(), week)


def first_use(session: Session) -> date | None:
    """The first day the person used pacer: the earliest of the day the database was made and
    the earliest day anything is logged on (an entry logged for an earlier day counts)."""
    from pacer.store.log import first_entry_day
    from pacer.store.migrations import created_at

    plan = session.plan
    made = created_at(session.store)
    days = []
    if made is not None:  # its study day: at 02:00 after a late night, still the day before
        moment = clock.shown_at(made, plan.timezone)
        days.append(clock.study_date(moment, moment.tzinfo or clock.wall_zone(), plan.day_starts))
    logged = first_entry_day(session.store)
    if logged is not None:
        days.append(logged)
    return min(days, default=None)


def review_notice(
    session: Session, day: date, today: date, calendar: Calendar | None = None
) -> Message | None:
    """From the review's day on, until the review of that week exists: on that day itself
    that week's, before it in the week the previous week's. Not for days still ahead, nor for
    weeks outside the plan, nor for a week over before the person first used pacer (a new
    user is not asked to review, and decide about, a week they never recorded)."""
    from pacer.store.reviews import has_review

    if day > today:
        return None
    plan = session.plan
    calendar = calendar or session.calendar()
    week = review_due_week(session, day, calendar)
    if not IsoWeek.of(plan.start) <= week <= IsoWeek.of(plan.end):
        return None
    first = first_use(session)
    if first is not None and week.days()[-1] < first:
        return None
    if has_review(session.store, week):
        return None
    if week == review_due_week(session, today, calendar):
        return Message("notice.review_due", week=str(week))
    return Message("notice.review_due_week", week=str(week))


def review_moved_notice(session: Session, day: date, calendar: Calendar) -> Message | None:
    """On the day a week's review moved to: where it comes from, and why."""
    plan = session.plan
    week = IsoWeek.of(day)
    if not IsoWeek.of(plan.start) <= week <= IsoWeek.of(plan.end):
        return None
    usual = week.day(plan.review.day)
    if usual == day or review_day_of(session, week, calendar) != day:
        return None
    why = Message("reason." + calendar.resolve(usual).kind)
    return Message("notice.review_moved", week=str(week), day=usual, why=why)
