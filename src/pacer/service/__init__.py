"""The operations the CLI and the web share, one module per subject; import them from here.

The package loads a subject's module only when one of its names is first used, so that
`pacer today` does not pay for reviews, reports or forecasts it never touches.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.service.absence import (
        absence_banner as absence_banner,
    )
    from pacer.service.absence import (
        absence_title as absence_title,
    )
    from pacer.service.absence import (
        add_sick as add_sick,
    )
    from pacer.service.absence import (
        check_kind as check_kind,
    )
    from pacer.service.backup import (
        Imported as Imported,
    )
    from pacer.service.backup import (
        backup_database as backup_database,
    )
    from pacer.service.backup import (
        export_json as export_json,
    )
    from pacer.service.backup import (
        import_json as import_json,
    )
    from pacer.service.blog import (
        Export as Export,
    )
    from pacer.service.blog import (
        add_note as add_note,
    )
    from pacer.service.blog import (
        export_hexo as export_hexo,
    )
    from pacer.service.blog import (
        find_post as find_post,
    )
    from pacer.service.blog import (
        list_notes as list_notes,
    )
    from pacer.service.blog import (
        note_json as note_json,
    )
    from pacer.service.days import (
        DayView as DayView,
    )
    from pacer.service.days import (
        LogTarget as LogTarget,
    )
    from pacer.service.days import (
        add_trip as add_trip,
    )
    from pacer.service.days import (
        agenda as agenda,
    )
    from pacer.service.days import (
        day_json as day_json,
    )
    from pacer.service.days import (
        day_minutes as day_minutes,
    )
    from pacer.service.days import (
        day_targets as day_targets,
    )
    from pacer.service.days import (
        day_views as day_views,
    )
    from pacer.service.days import (
        day_why as day_why,
    )
    from pacer.service.days import (
        done_units as done_units,
    )
    from pacer.service.days import (
        empty_block_reason as empty_block_reason,
    )
    from pacer.service.days import (
        entry_json as entry_json,
    )
    from pacer.service.days import (
        iso_week as iso_week,
    )
    from pacer.service.days import (
        list_trips as list_trips,
    )
    from pacer.service.days import (
        log_minutes as log_minutes,
    )
    from pacer.service.days import (
        logged_by_target as logged_by_target,
    )
    from pacer.service.days import (
        mark_done as mark_done,
    )
    from pacer.service.days import (
        remove_trip as remove_trip,
    )
    from pacer.service.days import (
        target_titles as target_titles,
    )
    from pacer.service.days import (
        trip_json as trip_json,
    )
    from pacer.service.days import (
        week as week,
    )
    from pacer.service.entries import (
        check_entry_day as check_entry_day,
    )
    from pacer.service.entries import (
        check_metric_value as check_metric_value,
    )
    from pacer.service.entries import (
        entry_refusal as entry_refusal,
    )
    from pacer.service.forecast import (
        ForecastView as ForecastView,
    )
    from pacer.service.forecast import (
        forecast_at as forecast_at,
    )
    from pacer.service.forecast import (
        forecast_json as forecast_json,
    )
    from pacer.service.gantt import (
        gantt_of as gantt_of,
    )
    from pacer.service.health import (
        DoctorReport as DoctorReport,
    )
    from pacer.service.health import (
        doctor as doctor,
    )
    from pacer.service.health import (
        doctor_json as doctor_json,
    )
    from pacer.service.ics import (
        IcsExport as IcsExport,
    )
    from pacer.service.ics import (
        TripImport as TripImport,
    )
    from pacer.service.ics import (
        export_ics as export_ics,
    )
    from pacer.service.ics import (
        import_trips as import_trips,
    )
    from pacer.service.logfix import (
        Undone as Undone,
    )
    from pacer.service.logfix import (
        edit_entry as edit_entry,
    )
    from pacer.service.logfix import (
        edit_metric_value as edit_metric_value,
    )
    from pacer.service.logfix import (
        edit_note as edit_note,
    )
    from pacer.service.logfix import (
        entry_text as entry_text,
    )
    from pacer.service.logfix import (
        get_entry as get_entry,
    )
    from pacer.service.logfix import (
        list_entries as list_entries,
    )
    from pacer.service.logfix import (
        list_span as list_span,
    )
    from pacer.service.logfix import (
        log_list_json as log_list_json,
    )
    from pacer.service.logfix import (
        note_text as note_text,
    )
    from pacer.service.logfix import (
        remove_entry as remove_entry,
    )
    from pacer.service.logfix import (
        remove_metric_value as remove_metric_value,
    )
    from pacer.service.logfix import (
        remove_note as remove_note,
    )
    from pacer.service.logfix import (
        undo as undo,
    )
    from pacer.service.logfix import (
        value_text as value_text,
    )
    from pacer.service.metrics import (
        MetricView as MetricView,
    )
    from pacer.service.metrics import (
        add_metric_value as add_metric_value,
    )
    from pacer.service.metrics import (
        find_metric as find_metric,
    )
    from pacer.service.metrics import (
        metric_detail_json as metric_detail_json,
    )
    from pacer.service.metrics import (
        metric_json as metric_json,
    )
    from pacer.service.metrics import (
        metric_view as metric_view,
    )
    from pacer.service.metrics import (
        metric_views as metric_views,
    )
    from pacer.service.milestones import (
        CheckResult as CheckResult,
    )
    from pacer.service.milestones import (
        MilestoneView as MilestoneView,
    )
    from pacer.service.milestones import (
        check_criterion as check_criterion,
    )
    from pacer.service.milestones import (
        find_milestone as find_milestone,
    )
    from pacer.service.milestones import (
        milestone_detail as milestone_detail,
    )
    from pacer.service.milestones import (
        milestone_detail_json as milestone_detail_json,
    )
    from pacer.service.milestones import (
        milestone_json as milestone_json,
    )
    from pacer.service.milestones import (
        milestone_list_json as milestone_list_json,
    )
    from pacer.service.milestones import (
        milestone_statuses as milestone_statuses,
    )
    from pacer.service.milestones import (
        state_text as state_text,
    )
    from pacer.service.milestones import (
        uncheck_criterion as uncheck_criterion,
    )
    from pacer.service.orphans import (
        accept_orphans as accept_orphans,
    )
    from pacer.service.plan import (
        PlanAdopted as PlanAdopted,
    )
    from pacer.service.plan import (
        PlanSummary as PlanSummary,
    )
    from pacer.service.plan import (
        block_filters as block_filters,
    )
    from pacer.service.plan import (
        check_plan as check_plan,
    )
    from pacer.service.plan import (
        init_plan as init_plan,
    )
    from pacer.service.plan import (
        plan_summary as plan_summary,
    )
    from pacer.service.plan import (
        plan_warnings as plan_warnings,
    )
    from pacer.service.plan import (
        use_plan as use_plan,
    )
    from pacer.service.progress import (
        StatusView as StatusView,
    )
    from pacer.service.progress import (
        TimelineRow as TimelineRow,
    )
    from pacer.service.progress import (
        TimelineView as TimelineView,
    )
    from pacer.service.progress import (
        apply_catchup as apply_catchup,
    )
    from pacer.service.progress import (
        behind as behind,
    )
    from pacer.service.progress import (
        catchup_json as catchup_json,
    )
    from pacer.service.progress import (
        catchup_list_json as catchup_list_json,
    )
    from pacer.service.progress import (
        catchup_options as catchup_options,
    )
    from pacer.service.progress import (
        drop_catchup as drop_catchup,
    )
    from pacer.service.progress import (
        list_catchup as list_catchup,
    )
    from pacer.service.progress import (
        stale_catchup as stale_catchup,
    )
    from pacer.service.progress import (
        status as status,
    )
    from pacer.service.progress import (
        status_json as status_json,
    )
    from pacer.service.progress import (
        timeline as timeline,
    )
    from pacer.service.report import (
        draw_month_charts as draw_month_charts,
    )
    from pacer.service.report import (
        month_chart_data as month_chart_data,
    )
    from pacer.service.report import (
        month_charts as month_charts,
    )
    from pacer.service.review import (
        answer_rows as answer_rows,
    )
    from pacer.service.review import (
        check_week as check_week,
    )
    from pacer.service.review import (
        facts_from_json as facts_from_json,
    )
    from pacer.service.review import (
        facts_json as facts_json,
    )
    from pacer.service.review import (
        find_review as find_review,
    )
    from pacer.service.review import (
        get_review as get_review,
    )
    from pacer.service.review import (
        list_reviews as list_reviews,
    )
    from pacer.service.review import (
        parse_answers as parse_answers,
    )
    from pacer.service.review import (
        parse_week as parse_week,
    )
    from pacer.service.review import (
        review_facts as review_facts,
    )
    from pacer.service.review import (
        review_json as review_json,
    )
    from pacer.service.review import (
        review_list_json as review_list_json,
    )
    from pacer.service.review import (
        review_markdown as review_markdown,
    )
    from pacer.service.review import (
        save_review as save_review,
    )
    from pacer.service.reviewdue import (
        review_due_week as review_due_week,
    )
    from pacer.service.reviewdue import (
        review_notice as review_notice,
    )
    from pacer.service.roster import (
        RosterImport as RosterImport,
    )
    from pacer.service.roster import (
        import_roster as import_roster,
    )
    from pacer.service.roster import (
        list_roster as list_roster,
    )
    from pacer.service.roster import (
        remove_roster as remove_roster,
    )
    from pacer.service.roster import (
        roster_json as roster_json,
    )
    from pacer.service.session import (
        KeptStore as KeptStore,
    )
    from pacer.service.session import (
        Session as Session,
    )
    from pacer.service.session import (
        parse_day as parse_day,
    )
    from pacer.service.session import (
        parse_minutes as parse_minutes,
    )
    from pacer.service.session import (
        planned_projection as planned_projection,
    )
    from pacer.service.session import (
        projection_at as projection_at,
    )
    from pacer.service.session import (
        resolve_target as resolve_target,
    )
    from pacer.service.trips import (
        preview_trip as preview_trip,
    )
    from pacer.service.trips import (
        trip_delays as trip_delays,
    )
    from pacer.service.trips import (
        trip_effect as trip_effect,
    )

# Each public name and the module (service/<subject>.py) that defines it.
_EXPORTS: dict[str, str] = {
    "CheckResult": "milestones",
    "DayView": "days",
    "DoctorReport": "health",
    "Export": "blog",
    "ForecastView": "forecast",
    "IcsExport": "ics",
    "Imported": "backup",
    "MetricView": "metrics",
    "MilestoneView": "milestones",
    "PlanSummary": "plan",
    "KeptStore": "session",
    "Session": "session",
    "StatusView": "progress",
    "TimelineRow": "progress",
    "TimelineView": "progress",
    "TripImport": "ics",
    "absence_banner": "absence",
    "absence_title": "absence",
    "check_kind": "absence",
    "add_sick": "absence",
    "add_metric_value": "metrics",
    "add_note": "blog",
    "add_trip": "days",
    "agenda": "days",
    "answer_rows": "review",
    "apply_catchup": "progress",
    "backup_database": "backup",
    "behind": "progress",
    "catchup_json": "progress",
    "catchup_list_json": "progress",
    "catchup_options": "progress",
    "check_criterion": "milestones",
    "block_filters": "plan",
    "check_plan": "plan",
    "check_week": "review",
    "day_json": "days",
    "day_why": "days",
    "day_minutes": "days",
    "target_titles": "days",
    "logged_by_target": "days",
    "day_views": "days",
    "LogTarget": "days",
    "day_targets": "days",
    "done_units": "days",
    "empty_block_reason": "days",
    "check_entry_day": "entries",
    "check_metric_value": "entries",
    "entry_refusal": "entries",
    "doctor": "health",
    "accept_orphans": "orphans",
    "doctor_json": "health",
    "drop_catchup": "progress",
    "entry_json": "days",
    "export_hexo": "blog",
    "export_ics": "ics",
    "export_json": "backup",
    "facts_from_json": "review",
    "facts_json": "review",
    "find_metric": "metrics",
    "find_milestone": "milestones",
    "find_post": "blog",
    "find_review": "review",
    "forecast_at": "forecast",
    "forecast_json": "forecast",
    "get_review": "review",
    "import_json": "backup",
    "import_trips": "ics",
    "import_roster": "roster",
    "list_roster": "roster",
    "remove_roster": "roster",
    "roster_json": "roster",
    "RosterImport": "roster",
    "init_plan": "plan",
    "use_plan": "plan",
    "PlanAdopted": "plan",
    "iso_week": "days",
    "list_catchup": "progress",
    "list_notes": "blog",
    "list_reviews": "review",
    "list_trips": "days",
    "log_minutes": "days",
    "mark_done": "days",
    "month_charts": "report",
    "month_chart_data": "report",
    "draw_month_charts": "report",
    "gantt_of": "gantt",
    "metric_detail_json": "metrics",
    "metric_json": "metrics",
    "metric_view": "metrics",
    "metric_views": "metrics",
    "milestone_detail": "milestones",
    "milestone_detail_json": "milestones",
    "milestone_json": "milestones",
    "milestone_list_json": "milestones",
    "milestone_statuses": "milestones",
    "state_text": "milestones",
    "note_json": "blog",
    "parse_answers": "review",
    "parse_day": "session",
    "parse_minutes": "session",
    "parse_week": "review",
    "preview_trip": "trips",
    "plan_summary": "plan",
    "plan_warnings": "plan",
    "planned_projection": "session",
    "projection_at": "session",
    "remove_trip": "days",
    "resolve_target": "session",
    "review_due_week": "reviewdue",
    "review_facts": "review",
    "review_json": "review",
    "review_list_json": "review",
    "review_markdown": "review",
    "review_notice": "reviewdue",
    "save_review": "review",
    "stale_catchup": "progress",
    "status": "progress",
    "status_json": "progress",
    "timeline": "progress",
    "trip_delays": "trips",
    "trip_effect": "trips",
    "trip_json": "days",
    "uncheck_criterion": "milestones",
    "Undone": "logfix",
    "edit_entry": "logfix",
    "edit_metric_value": "logfix",
    "edit_note": "logfix",
    "entry_text": "logfix",
    "get_entry": "logfix",
    "list_entries": "logfix",
    "list_span": "logfix",
    "log_list_json": "logfix",
    "note_text": "logfix",
    "remove_entry": "logfix",
    "remove_metric_value": "logfix",
    "remove_note": "logfix",
    "value_text": "logfix",
    "undo": "logfix",
    "week": "days",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    subject = _EXPORTS.get(name)
    if subject is None:
        raise AttributeError(f"module 'pacer.service' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pacer.service.{subject}"), name)
    globals()[name] = value
    return value
