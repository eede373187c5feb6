"""Where tracks and milestones stand: finished units, milestone states, planned vs done."""

from __future__ import annotations

from datetime import date, timedelta

from pacer.plan.model import Block, Criterion, Milestone, Plan
from pacer.schedule.habits import tally
from pacer.schedule.progress import progress_of, remaining_minutes
from pacer.schedule.projection import Projection
from pacer.schedule.status import (
    AT_RISK_DAYS,
    CriterionCheck,
    MilestoneStatus,
    finish_date,
    finished_on,
    milestone_status,
    planned_by_track,
    track_status,
)
from tests.schedule.handmade import (
    START,
    calendar,
    curriculum,
    entry,
    habit,
    plan,
    run,
    unit,
    work,
)

MON, TUE, WED, THU, FRI, SAT, SUN = (START + timedelta(days=i) for i in range(7))


def day(n: int) -> date:
    """March n, 2026."""
    return date(2026, 3, n)


def three_units(milestones: tuple[Milestone, ...] = ()) -> Plan:
    return plan(
        (
            curriculum(
                "c",
                [unit("u1", 60), unit("u2", 60), unit("u3", 120), unit("u4", 60), unit("u5", 60)],
            ),
        ),
        milestones=milestones,
        covers=("base",),
    )


# finished_on


def test_a_unit_is_finished_the_day_its_minutes_reach_the_estimate() -> None:
    p = three_units()
    entries = [entry("u1", 30, day(3)), entry("u1", 40, day(5)), entry("u1", 100, day(7))]
    assert finished_on(p, entries, day(31)) == {"u1": day(5)}
    assert finished_on(p, list(reversed(entries)), day(31)) == {"u1": day(5)}


def test_a_done_entry_finishes_a_unit_whatever_its_minutes() -> None:
    p = three_units()
    assert finished_on(p, [entry("u2", 10, day(4), done=True)], day(31)) == {"u2": day(4)}
    assert finished_on(p, [entry("u2", 0, day(4), done=True)], day(31)) == {"u2": day(4)}


def test_entries_after_the_date_are_ignored() -> None:
    p = three_units()
    entries = [entry("u3", 60, day(8)), entry("u3", 60, day(10)), entry("u4", 5, day(9), done=True)]
    assert finished_on(p, entries, day(9)) == {"u4": day(9)}
    assert finished_on(p, entries, day(10)) == {"u3": day(10), "u4": day(9)}
    assert finished_on(p, entries, day(7)) == {}


def test_habits_rituals_and_unknown_targets_finish_nothing() -> None:
    p = three_units()
    entries = [
        entry("u1", 90, day(3), kind="habit"),
        entry("u2", 90, day(3), kind="ritual", done=True),
        entry("gone", 90, day(3), done=True),
    ]
    assert finished_on(p, entries, day(31)) == {}


# finish_date


def projection_from(start: date, finish: dict[str, date], done: tuple[str, ...] = ()) -> Projection:
    return Projection(start, start + timedelta(days=60), (), finish, frozenset(done))


def test_finish_date_combines_the_log_and_the_projection() -> None:
    projection = projection_from(day(10), {"u3": day(12)}, done=("u1", "u2", "base"))
    finished = {"u1": day(5), "u2": day(4)}
    assert finish_date(["u1", "u2"], finished, projection) == (day(5), True)
    assert finish_date(["u1", "u3"], finished, projection) == (day(12), False)
    assert finish_date(["base", "u2"], finished, projection) == (day(4), True)
    assert finish_date(["base"], finished, projection) == (None, True)
    assert finish_date(["u1", "u4"], finished, projection) == (None, False)


# milestone_status


def milestone(mid: str, due: date, *needs: str, criteria: tuple[str, ...] = ()) -> Milestone:
    return Milestone(mid, mid.upper(), due, tuple(needs), tuple(Criterion(c, c) for c in criteria))


def check(mid: str, criterion: str, on: date) -> CriterionCheck:
    return CriterionCheck(mid, criterion, f"evidence for {criterion}", on)


def states(statuses: list[MilestoneStatus]) -> dict[str, tuple[str, date | None, int | None]]:
    return {s.id: (s.status, s.projected, s.slip_days) for s in statuses}


def test_milestone_states() -> None:
    assert AT_RISK_DAYS == 7
    p = three_units(
        (
            milestone("met", day(20), "u1", "u2"),  # no criteria: met by its units
            milestone("done", day(20), "u1", "u2", criteria=("demo",)),  # criteria open
            milestone("on_track", day(22), "u3"),  # ten days of slack
            milestone("edge", day(19), "u3"),  # exactly a week of slack
            milestone("at_risk", day(18), "u3"),  # six days
            milestone("same_day", day(12), "u3"),
            milestone("late", day(11), "u1", "u3"),
            milestone("unplaced", day(30), "u4"),
        )
    )
    projection = projection_from(day(10), {"u3": day(12)}, done=("u1", "u2"))
    finished = {"u1": day(5), "u2": day(4)}
    assert states(milestone_status(p, projection, finished, day(10), {})) == {
        "met": ("met", day(5), -15),
        "done": ("done", day(5), -15),
        "on_track": ("on_track", day(12), -10),
        "edge": ("on_track", day(12), -7),
        "at_risk": ("at_risk", day(12), -6),
        "same_day": ("at_risk", day(12), 0),
        "late": ("late", day(12), 1),
        "unplaced": ("late", None, None),
    }


def test_a_milestone_whose_due_date_has_passed_is_missed_though_projected_by_it() -> None:
    p = three_units((milestone("m", day(9), "u5"),))
    projection = projection_from(day(8), {"u5": day(8)})
    (status,) = milestone_status(p, projection, {}, day(8), {})
    assert (status.status, status.slip_days) == ("at_risk", -1)
    (status,) = milestone_status(p, projection, {}, day(9), {})  # the due day itself
    assert status.status == "at_risk"
    (status,) = milestone_status(p, projection, {}, day(10), {})
    assert (status.status, status.projected, status.slip_days) == ("missed", day(8), -1)
    assert not status.units_done


def test_a_milestone_without_criteria_finished_late_is_met() -> None:
    p = three_units((milestone("m", day(3), "u1"),))
    (status,) = milestone_status(p, projection_from(day(10), {}), {"u1": day(6)}, day(10), {})
    assert (status.status, status.projected, status.slip_days) == ("met", day(6), 3)
    assert (status.criteria_checked, status.criteria_total, status.units_done) == (0, 0, True)


def test_work_finished_by_the_due_date_with_criteria_open_is_done_after_it_too() -> None:
    """Issue 11, item 9: the units were finished before the due date, the acceptance is not
    checked yet: that is "done, acceptance open" on the due date and every day after it."""
    p = three_units((milestone("m", day(12), "u1", criteria=("notes", "demo")),))
    projection = projection_from(day(10), {})
    checks = [check("m", "notes", day(7))]
    for finished_day in (day(6), day(12)):  # before the due date, and on it
        for on in (day(12), day(13), day(30)):
            (status,) = milestone_status(p, projection, {"u1": finished_day}, on, {}, checks)
            assert (status.status, status.criteria_checked, status.criteria_total) == (
                "done",
                1,
                2,
            ), (finished_day, on)
            assert status.units_done
    assert status.open_units == ()


def test_work_finished_after_the_due_date_with_criteria_open_is_missed() -> None:
    p = three_units((milestone("m", day(12), "u1", criteria=("notes",)),))
    projection = projection_from(day(20), {})
    (status,) = milestone_status(p, projection, {"u1": day(14)}, day(20), {})
    assert (status.status, status.projected, status.slip_days) == ("missed", day(14), 2)


def test_every_criterion_checked_is_met_whatever_the_units_and_the_date() -> None:
    """Issue 11, item 9: met by its acceptance, with a note of the units still open."""
    p = three_units((milestone("m", day(11), "u1", "u3", "base", criteria=("notes", "demo")),))
    projection = projection_from(day(10), {"u3": day(12)}, done=("base",))  # late by u3
    checks = [check("m", "notes", day(7)), check("m", "demo", day(9))]
    for on in (day(10), day(20)):
        (status,) = milestone_status(p, projection, {"u1": day(5)}, on, {}, checks)
        assert (status.status, status.criteria_checked, status.criteria_total) == ("met", 2, 2)
        assert (status.projected, status.slip_days, status.units_done) == (day(12), 1, False)
        assert status.open_units == ("u3",)  # u1 finished, the baseline covers "base"
    (status,) = milestone_status(p, projection, {"u1": day(5), "u3": day(9)}, day(10), {}, checks)
    assert (status.status, status.open_units, status.units_done) == ("met", (), True)


def test_checks_count_from_their_day_and_only_for_the_plans_criteria() -> None:
    p = three_units(
        (
            milestone("m", day(25), "u3", criteria=("notes", "demo")),
            milestone("n", day(25), "u3", criteria=("notes",)),
        )
    )
    projection = projection_from(day(10), {"u3": day(12)})
    checks = [
        check("m", "notes", day(8)),
        check("m", "demo", day(11)),  # after the status day
        check("m", "gone", day(8)),  # a criterion the plan no longer has
        check("x", "notes", day(8)),  # a milestone the plan no longer has
    ]
    m, n = milestone_status(p, projection, {}, day(10), {}, checks)
    assert (m.status, m.criteria_checked, m.criteria_total) == ("on_track", 1, 2)
    assert (n.status, n.criteria_checked, n.criteria_total) == ("on_track", 0, 1)
    m, _ = milestone_status(p, projection, {}, day(11), {}, checks)
    assert (m.status, m.criteria_checked) == ("met", 2)


def test_a_moved_due_date_is_judged_and_the_original_kept() -> None:
    p = three_units((milestone("m", day(11), "u3"),))
    projection = projection_from(day(10), {"u3": day(12)})
    (before,) = milestone_status(p, projection, {}, day(10), {})
    assert (before.due, before.original_due, before.status, before.slip_days) == (
        day(11),
        day(11),
        "late",
        1,
    )
    (after,) = milestone_status(p, projection, {}, day(10), {"m": day(25)})
    assert (after.due, after.original_due, after.status, after.slip_days) == (
        day(25),
        day(11),
        "on_track",
        -13,
    )
    assert after.title == "M"


def test_milestone_status_from_a_real_projection() -> None:
    # One 60-minute block a day from Monday March 2: u1 Mon, u2 Tue, u3 Wed-Thu, u4 Fri.
    p = three_units((milestone("early", day(4), "u1", "u3"), milestone("later", day(20), "u4")))
    entries = [entry("u1", 60, MON)]
    projection = run(p, entries, start=TUE)
    finished = finished_on(p, entries, MON)
    assert finished == {"u1": MON}
    assert states(milestone_status(p, projection, finished, TUE, {})) == {
        "early": ("late", THU, 1),  # u2 Tue, u3 Wed-Thu
        "later": ("on_track", FRI, -14),
    }


# track_status


def two_tracks() -> Plan:
    """Track a: a1, a2 (60 each). Track b: b1 60 and optional b2 60. Every day: a 20-minute
    listening habit (track b), a 60-minute work block and a 30-minute review ritual (a)."""
    ritual = Block("review", "ritual", "review", 30, 30, track="a")
    return plan(
        (
            curriculum("A", [unit("a1", 60, "A"), unit("a2", 60, "A")]),
            curriculum(
                "B", [unit("b1", 60, "B", track="b"), unit("b2", 60, "B", track="b", optional=True)]
            ),
        ),
        blocks=(habit("listen", "b", 20), work("main", 60), ritual),
    )


def test_track_status_planned_to_date_against_done() -> None:
    p = two_tracks()
    planned = run(p)  # the plan as written: a1 Mon, b1 Tue, a2 Wed, b2 Thu
    assert planned.finish == {"a1": MON, "b1": TUE, "a2": WED, "b2": THU}
    entries = [
        entry("a1", 45, MON),
        entry("a1", 15, TUE, done=True),
        entry("b1", 30, WED),
        entry("a2", 20, THU),  # after the day: not counted
        entry("b", 20, MON, kind="habit"),
        entry("b", 15, TUE, kind="habit"),
        entry("b", 20, THU, kind="habit"),  # after the day
        entry("review", 30, TUE, kind="ritual", done=True),
    ]
    state = progress_of(p, entries, before=THU)
    remaining = remaining_minutes(p, state)
    assert remaining == {"a1": 0, "a2": 60, "b1": 30, "b2": 60}
    projection = run(p, entries, start=THU)  # b1 30 + a2 30 Thu, a2 30 + b2 30 Fri, b2 Sat
    habits = tally(p, calendar(p), entries, date.min, WED)
    a, b = track_status(
        p, planned_by_track(p, planned, WED), projection, remaining, entries, WED, habits
    )
    assert (a.id, a.title, b.id, b.title) == ("a", "A", "b", "B")
    assert (a.planned_to_date, a.done, a.remaining, a.projected_finish) == (120, 60, 60, FRI)
    # b's projected finish is its last required unit: b1; optional b2 goes on to Saturday.
    assert (b.planned_to_date, b.done, b.remaining, b.projected_finish) == (60, 30, 90, THU)
    assert projection.finish["b2"] == SAT
    # The review's minutes are the ritual's, not its block's track's (issue 12).
    assert (a.habit_planned_to_date, a.habit_done, a.has_habit) == (0, 0, False)
    assert (habits.ritual.planned, habits.ritual.done) == (90, 30)  # three days
    assert (habits.ritual.kept, habits.ritual.days, habits.ritual_track) == (1, 3, "a")
    assert (b.habit_planned_to_date, b.habit_done) == (60, 35)  # the habit, three days
    assert (b.habit_kept, b.habit_days, b.has_habit) == (2, 3, True)  # Thursday's is after


def test_track_status_counts_the_planned_day_itself() -> None:
    p = two_tracks()
    planned = run(p)
    remaining = remaining_minutes(p, progress_of(p, []))
    habits = tally(p, calendar(p), [], date.min, MON)
    a, b = track_status(p, planned_by_track(p, planned, MON), planned, remaining, [], MON, habits)
    assert (a.planned_to_date, b.planned_to_date) == (60, 0)
    assert (a.habit_planned_to_date, b.habit_planned_to_date) == (0, 20)
    assert habits.ritual.planned == 30
    assert (a.done, b.done, a.remaining, b.remaining) == (0, 0, 120, 120)


def test_a_track_with_only_optional_units_has_no_projected_finish() -> None:
    p = plan(
        (
            curriculum("A", [unit("a1", 60, "A")]),
            curriculum("B", [unit("b1", 60, "B", track="b", optional=True)]),
        )
    )
    planned = run(p)
    remaining = remaining_minutes(p, progress_of(p, []))
    a, b = track_status(
        p,
        planned_by_track(p, planned, MON),
        planned,
        remaining,
        [],
        MON,
        tally(p, calendar(p), [], MON, MON),
    )
    assert (a.projected_finish, b.projected_finish) == (MON, None)
