"""Milestones and their acceptance: the list, one milestone in full, checking criteria off."""

from __future__ import annotations

from datetime import date, timedelta

from pacer import clock
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.plan.model import Milestone
from pacer.record import record
from pacer.service.session import Session, _entries, projection_at

# typing and the status module cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal

    from pacer.schedule.status import CriterionCheck, MilestoneStatus

    UnitState = Literal["done", "covered", "deferred", "started", "todo"]


@record
class NeededUnit:
    """A unit a milestone needs, and where it stands."""

    id: str
    title: str
    minutes: int  # the estimate
    logged: int  # minutes logged up to the date
    state: UnitState
    finished: date | None  # the day the log finished it
    projected: date | None  # when the projection finishes it (None: done or beyond)


@record
class CriterionView:
    id: str
    text: str
    check: CriterionCheck | None  # None: not checked (by the date)


@record
class MilestoneView:
    day: date
    status: MilestoneStatus
    units: tuple[NeededUnit, ...]
    criteria: tuple[CriterionView, ...]


@record
class CheckResult:
    milestone: Milestone
    check: CriterionCheck
    replaced: CriterionCheck | None  # the check it replaced (checked again)
    checked: int  # criteria of the milestone checked now
    total: int


def all_checks(session: Session) -> list[CriterionCheck]:
    from pacer.store.milestones import list_checks

    return list_checks(session.store)


def find_milestone(session: Session, milestone_id: str) -> Milestone:
    """The plan's milestone of that id; unknown ids get a did-you-mean."""
    for m in session.plan.milestones:
        if m.id == milestone_id:
            return m
    from pacer.service.progress import _unknown_milestone

    raise PacerError(_unknown_milestone(session.plan, milestone_id))


def _criterion_id(milestone: Milestone, criterion_id: str) -> str:
    ids = [c.id for c in milestone.criteria]
    if criterion_id in ids:
        return criterion_id
    if not ids:
        raise PacerError(Message("milestone.no_criteria", id=milestone.id))
    import difflib

    close = difflib.get_close_matches(criterion_id, ids, n=1, cutoff=0.5)
    if close:
        raise PacerError(
            Message(
                "criterion.unknown_hint", id=criterion_id, milestone=milestone.id, hint=close[0]
            )
        )
    raise PacerError(
        Message(
            "criterion.unknown", id=criterion_id, milestone=milestone.id, choices=", ".join(ids)
        )
    )


def milestone_statuses(session: Session, day: date) -> list[MilestoneStatus]:
    """Every milestone on `day` (the end of it), as `pacer status` judges it."""
    from pacer.schedule.status import finished_on, milestone_status

    entries = _entries(session)
    projection = projection_at(session, day, entries)
    finished = finished_on(session.plan, entries, day)
    return milestone_status(
        session.plan, projection, finished, day, session.due_moves(), all_checks(session)
    )


def milestone_detail(session: Session, milestone_id: str, day: date) -> MilestoneView:
    """One milestone on `day`: its status, needed units and criteria."""
    from pacer.schedule.progress import progress_of
    from pacer.schedule.status import finished_on, milestone_status

    milestone = find_milestone(session, milestone_id)
    plan = session.plan
    entries = _entries(session)
    projection = projection_at(session, day, entries)
    finished = finished_on(plan, entries, day)
    checks = [c for c in all_checks(session) if c.milestone == milestone.id and c.day <= day]
    status = next(
        s
        for s in milestone_status(plan, projection, finished, day, session.due_moves(), checks)
        if s.id == milestone.id
    )
    logged = progress_of(plan, entries, before=day + timedelta(days=1)).logged
    covered = plan.covered_units()
    deferred = session.adjustments().deferred
    units = []
    for uid in milestone.needs:
        unit = plan.unit(uid)
        state: UnitState
        if uid in finished:
            state = "done"
        elif uid in covered:
            state = "covered"
        elif uid in deferred:
            state = "deferred"
        elif logged.get(uid, 0) > 0:
            state = "started"
        else:
            state = "todo"
        projected = projection.finish.get(uid) if state in ("started", "todo") else None
        units.append(
            NeededUnit(
                uid,
                unit.title,
                unit.minutes,
                logged.get(uid, 0),
                state,
                finished.get(uid),
                projected,
            )
        )
    by_id = {c.criterion: c for c in checks}
    criteria = tuple(CriterionView(c.id, c.text, by_id.get(c.id)) for c in milestone.criteria)
    return MilestoneView(day, status, tuple(units), criteria)


def check_criterion(
    session: Session, milestone_id: str, criterion_id: str, evidence: str, day: date
) -> CheckResult:
    """Check a criterion off with its evidence (a URL or a line of text) on `day`."""
    from pacer.store.milestones import set_check

    milestone = find_milestone(session, milestone_id)
    criterion = _criterion_id(milestone, criterion_id)
    evidence = evidence.strip()
    if not evidence:
        raise PacerError(Message("criterion.needs_evidence"))
    if "\n" in evidence:
        raise PacerError(Message("criterion.evidence_one_line"))
    if day > clock.today(session.plan):
        raise PacerError(Message("criterion.future", day=day))
    check, replaced = set_check(session.store, milestone.id, criterion, evidence, day)
    checked, total = _count(session, milestone)
    return CheckResult(milestone, check, replaced, checked, total)


def uncheck_criterion(session: Session, milestone_id: str, criterion_id: str) -> CheckResult:
    """Take a check back (the result carries the check removed); refuses a criterion that is
    not checked."""
    from pacer.store.milestones import remove_check

    milestone = find_milestone(session, milestone_id)
    criterion = _criterion_id(milestone, criterion_id)
    removed = remove_check(session.store, milestone.id, criterion)
    if removed is None:
        raise PacerError(Message("criterion.not_checked", id=criterion, milestone=milestone.id))
    checked, total = _count(session, milestone)
    return CheckResult(milestone, removed, None, checked, total)


def _count(session: Session, milestone: Milestone) -> tuple[int, int]:
    from pacer.store.milestones import list_checks

    ids = {c.id for c in milestone.criteria}
    checked = {c.criterion for c in list_checks(session.store, milestone.id)}
    return len(ids & checked), len(ids)


def state_text(m: MilestoneStatus) -> str:
    """A milestone's state as every screen says it: met with units still open says so, and
    done (the work finished in time) says that its acceptance is open."""
    from pacer.i18n import t

    if m.status == "met" and m.open_units:
        return t("state.met_open", n=len(m.open_units))
    if m.status == "done":
        return t("state.accept_open")
    return t(f"state.{m.status}")


# -- JSON ----------------------------------------------------------------------------------------
def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def milestone_json(m: MilestoneStatus) -> dict[str, Any]:
    """One milestone as `status --json` and `milestone list --json` show it."""
    return {
        "id": m.id,
        "title": m.title,
        "due": m.due.isoformat(),
        "original_due": m.original_due.isoformat(),
        "projected": _iso(m.projected),
        "slip_days": m.slip_days,
        "status": m.status,
        "criteria": {"checked": m.criteria_checked, "total": m.criteria_total},
        "open_units": list(m.open_units),
    }


def milestone_list_json(day: date, statuses: list[MilestoneStatus]) -> dict[str, Any]:
    return {"date": day.isoformat(), "milestones": [milestone_json(m) for m in statuses]}


def milestone_detail_json(view: MilestoneView) -> dict[str, Any]:
    return {
        "date": view.day.isoformat(),
        **milestone_json(view.status),
        "units": [
            {
                "id": u.id,
                "title": u.title,
                "minutes": u.minutes,
                "logged": u.logged,
                "state": u.state,
                "finished": _iso(u.finished),
                "projected": _iso(u.projected),
            }
            for u in view.units
        ],
        "checklist": [
            {
                "id": c.id,
                "text": c.text,
                "checked": c.check is not None,
                "evidence": c.check.evidence if c.check else None,
                "date": c.check.day.isoformat() if c.check else None,
            }
            for c in view.criteria
        ],
    }
