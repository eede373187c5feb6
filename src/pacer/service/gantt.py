"""The Gantt chart's facts gathered from the plan, the log and the absences recorded."""

from __future__ import annotations

from datetime import date

from pacer.service.session import Session, _entries, planned_projection, projection_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.report.gantt import GanttData


def gantt_of(session: Session, today: date) -> GanttData:
    """What `report` and the web's Plan page draw as the plan's Gantt chart on `today`."""
    from pacer.report.gantt import gantt_data
    from pacer.schedule.status import finished_on, milestone_status
    from pacer.service.absence import absence_title
    from pacer.service.milestones import all_checks

    plan = session.plan
    entries = _entries(session)
    projection = projection_at(session, today, entries, keep_days=True)
    finished = finished_on(plan, entries, today)
    statuses = milestone_status(
        plan, projection, finished, today, session.due_moves(), all_checks(session)
    )
    trips = session.calendar().trips
    titles = {kind: absence_title(plan, kind) for kind in {a.kind for a in trips}}
    return gantt_data(
        plan, planned_projection(session), projection, entries, statuses, trips, titles, today
    )
