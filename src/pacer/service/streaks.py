"""Each habit's streak and its recent days, each day asked what the plan in force on it
asked (service/planned.py): for `today`, the web's Today page and `pacer habit list`."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.record import record
from pacer.service.session import Session, _entries

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RECENT_DAYS = 30


@record
class HabitStreak:
    """One habit of the current plan standing on a day: its streak in days, or in weeks met
    for a flexible habit (`per_week`), and the state of each of its last days."""

    track: str
    title: str
    per_week: int | None
    current: int
    best: int
    recent: tuple[tuple[date, str], ...]  # oldest first, up to the day stood on

    @property
    def unit(self) -> str:
        return "days" if self.per_week is None else "weeks"


def habit_streaks(
    session: Session, day: date, today: date, recent: int = RECENT_DAYS
) -> tuple[HabitStreak, ...]:
    """Every habit of the current plan, in its order of tracks, as of `day` (`day` itself
    not over yet when it is `today`: not logged yet does not break the streak; a day after
    today: as of today)."""
    from pacer.plan.renames import Renames
    from pacer.schedule.progress import LogTargets
    from pacer.schedule.streaks import (
        day_states,
        flexible_day_states,
        runs,
        week_states,
    )
    from pacer.schedule.weekly import habit_days, habit_weeks
    from pacer.service.planned import _pieces

    # A day still ahead has no record yet: its streak is the one standing today.
    day = min(day, today)
    plan = session.plan
    targets = LogTargets.of(plan)
    tracks = [t for t in plan.tracks if t.id in targets.habits]
    if not tracks:
        return ()
    first = plan.start
    last = min(day, plan.end)
    # Days the templates ask for each habit: a day before today by the plan in force then.
    asked: dict[str, set[date]] = {t.id: set() for t in tracks}
    if first <= last:
        renames = Renames.of(plan)
        for then, start, end in _pieces(session, first, last, today):
            calendar = then.calendar()
            d = max(start, then.plan.start)
            while d <= min(end, then.plan.end):
                for b in then.plan.template(calendar.resolve(d).template).blocks_on(d):
                    if b.type != "habit" or b.track is None:
                        continue
                    # An older plan's track renamed since (`was:`) is the same habit.
                    tid = b.track if then is session else renames.track(b.track)
                    if tid in asked:
                        asked[tid].add(d)
                d += timedelta(days=1)
    entries = _entries(session)
    over_from = min(day, today)  # days from here on are still running
    window = (day - timedelta(days=recent - 1), day)
    calendar = session.calendar()
    out: list[HabitStreak] = []
    for track in tracks:
        logged = habit_days(entries, track.id)
        per_week = plan.habit_per_week(track.id)
        if per_week is None:
            states = day_states(asked[track.id], logged, first, last, over_from)
            streak = runs(states)
            shown = day_states(asked[track.id], logged, window[0], window[1], over_from)
        else:
            weeks = habit_weeks(plan, calendar, track.id, per_week, logged, last)
            streak = runs(week_states(weeks, over_from))
            shown = flexible_day_states(
                asked[track.id], logged, weeks, window[0], window[1], over_from
            )
        days = [window[0] + timedelta(days=i) for i in range(recent)]
        marks = tuple(
            (d, s if first <= d <= last else "not_asked") for d, s in zip(days, shown, strict=True)
        )
        out.append(HabitStreak(track.id, track.title, per_week, streak.current, streak.best, marks))
    return tuple(out)


def streak_text(s: HabitStreak) -> str:
    """ "streak 5 days, best 12" (or weeks met, for a flexible habit)."""
    from pacer.i18n import t

    key = "streaks.days" if s.per_week is None else "streaks.weeks"
    return t(key, n=s.current, best=s.best)


def streak_lines(streaks: tuple[HabitStreak, ...]) -> dict[str, str]:
    """The streak said under each habit on `today` and the web's Today page, by track: none
    for a habit never kept yet ("streak 0 days, best 0" says nothing)."""
    return {s.track: streak_text(s) for s in streaks if s.best > 0}


def streak_json(s: HabitStreak) -> dict[str, Any]:
    """One habit's streak as `pacer habit list --json` and `today --json` give it
    (docs/json.md)."""
    return {
        "track": s.track,
        "title": s.title,
        "per_week": s.per_week,
        "unit": s.unit,
        "current": s.current,
        "best": s.best,
        "recent": [{"date": d.isoformat(), "state": state} for d, state in s.recent],
    }
