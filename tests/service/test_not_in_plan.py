"""`status` and `doctor` agree on what is not in the plan, always (issue 12, item 2): for any
set of logged targets — units, habits, tracks without a habit, the review (a ritual with a
track in the built-in plan, without one in the others), other rituals, unknown ids, units the
plan no longer has — the entries `status` puts beside the tracks are those `doctor` lists.
Both on real SQLite files, for the built-in plan and two other plans."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacer import clock
from pacer.service import Session, status
from pacer.service.health import doctor
from pacer.store.log import add_entry
from tests.conftest import OTHER_PLAN

HABITS_PLAN = OTHER_PLAN.with_name("plan-habits.yaml")
DAY = date(2026, 3, 20)

# plan -> (plan file or None for the built-in, units, habit tracks, tracks without a habit,
#          a unit the edited copy removes)
PLANS = {
    "builtin": (None, ["m1801-param-1", "vlm-format"], ["english"], ["math", "life"], None),
    "berlin": (OTHER_PLAN, ["abx-basics", "ch1-outline"], ["piano"], ["pharm"], "sepsis-bundle"),
    "habits": (HABITS_PLAN, ["far-leases"], ["piano", "running"], ["cpa"], "far-gov"),
}
STRANGERS = ["gone-unit", "gone-track", "retro", "Review", "", "vlm-lora"]  # a curriculum id too


def entries_for(which: str) -> st.SearchStrategy[list[tuple[str, str, int, int]]]:
    _, units, habits, tracks, removed = PLANS[which]
    names = units + habits + tracks + ["review"] + STRANGERS + ([removed] if removed else [])
    one = st.tuples(
        st.sampled_from(["unit", "habit", "ritual"]),
        st.sampled_from(names),
        st.integers(min_value=-30, max_value=0),  # days before DAY
        st.integers(min_value=1, max_value=90),
    )
    return st.lists(one, max_size=12)


def plan_copy(which: str, folder: Path) -> Path | None:
    """The plan in force: the built-in one, or a copy of a fixture with one unit removed
    (entries naming it are what a plan edit leaves behind)."""
    source, *_, removed = PLANS[which]
    if source is None:
        return None
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if f"id: {removed}," not in line]
    assert len(kept) == len(lines) - 1
    path = folder / "plan.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def agree(which: str, logged: list[tuple[str, str, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = plan_copy(which, folder)
        db = folder / "pacer.db"
        with Session(plan, db) as session:
            for kind, target, offset, minutes in logged:
                day = DAY + timedelta(days=offset)
                add_entry(session.store, day, kind, target, minutes, "", False)  # type: ignore[arg-type]
        with Session(plan, db) as session:
            stray = status(session, DAY).not_in_plan
            report = doctor(session, mountinfo="")
        log = [s for s in report.strays if s.table == "log"]
        assert stray.entries == len(log)
        assert stray.minutes == sum(s.minutes or 0 for s in log)
        assert stray.targets == tuple(sorted({s.target for s in log}))
        # The status line points to doctor exactly when doctor has log rows to show.
        assert bool(stray.entries) == any(
            f.message.key == "doctor.stray_log" for f in report.findings
        )


@pytest.mark.parametrize("which", list(PLANS))
def test_status_and_doctor_list_the_same_entries(which: str) -> None:
    clock.set_now(datetime(2026, 3, 20, 12, 0, tzinfo=UTC))

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(entries_for(which))
    def check(logged: list[tuple[str, str, int, int]]) -> None:
        agree(which, logged)

    check()


@pytest.mark.parametrize("which", list(PLANS))
def test_each_kind_of_target_is_classified_alike(which: str) -> None:
    """Every target of the pool once as each kind: the explicit cases beside the random ones."""
    clock.set_now(datetime(2026, 3, 20, 12, 0, tzinfo=UTC))
    _, units, habits, tracks, removed = PLANS[which]
    names = units + habits + tracks + ["review"] + STRANGERS + ([removed] if removed else [])
    kinds = ("unit", "habit", "ritual")
    logged = [(kind, name, -(i % 20), 5) for i, name in enumerate(names) for kind in kinds]
    agree(which, logged)
    # The review is never "not in the plan"; units and habits of the plan never are either.
    agree(which, [("ritual", "review", 0, 30)])
    with tempfile.TemporaryDirectory() as tmp:
        plan = plan_copy(which, Path(tmp))
        db = Path(tmp) / "pacer.db"
        with Session(plan, db) as session:
            add_entry(session.store, DAY, "ritual", "review", 30, "", False)
            for u in units:
                add_entry(session.store, DAY, "unit", u, 10, "", False)
            for h in habits:
                add_entry(session.store, DAY, "habit", h, 10, "", False)
            assert status(session, DAY).not_in_plan.entries == 0
