"""Metrics: record a self-reported value, and see each metric against its road."""

from __future__ import annotations

from datetime import date

from pacer.bounds import check_text
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.plan.model import Metric
from pacer.record import record
from pacer.service.session import Session

# typing and the road math cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.metrics import Reading, RoadPoint, Standing


@record
class MetricView:
    """One metric on a date: its values up to the date, its road and where it stands."""

    metric: Metric
    day: date
    values: tuple[Reading, ...]
    road: tuple[RoadPoint, ...]
    standing: Standing


def find_metric(session: Session, metric_id: str) -> Metric:
    """The plan's metric of that id; unknown ids get a did-you-mean."""
    metrics = session.plan.metrics
    for m in metrics:
        if m.id == metric_id:
            return m
    if not metrics:
        raise PacerError(Message("metric.none_in_plan"))
    import difflib

    close = difflib.get_close_matches(metric_id, [m.id for m in metrics], n=1, cutoff=0.5)
    if close:
        raise PacerError(Message("metric.unknown_hint", id=metric_id, hint=close[0]))
    raise PacerError(
        Message("metric.unknown", id=metric_id, choices=", ".join(m.id for m in metrics))
    )


def parse_value(metric: Metric, text: str) -> float:
    """A finite number of sane size (bounds.parse_number); a trailing unit (`55%` for a
    metric in %) is allowed."""
    from pacer.bounds import parse_number, shown
    from pacer.errors import InputError

    raw = text.strip()
    if metric.unit and raw.endswith(metric.unit):
        raw = raw[: -len(metric.unit)].strip()
    value = parse_number(raw)
    if value is None:
        raise InputError(Message("metric.bad_value", raw=shown(text)))
    return value


def add_metric_value(
    session: Session, metric_id: str, text: str, day: date, note: str
) -> tuple[Reading, MetricView]:
    """Record a value; returns it and the metric as it stands on that value's date."""
    from pacer import clock
    from pacer.service.entries import check_metric_value, check_reading_day
    from pacer.store.metrics import add_value

    metric = find_metric(session, metric_id)
    value = check_metric_value(metric, parse_value(metric, text))
    check_reading_day(day, clock.today(session.plan), session.plan)
    check_text(note, t("input.what.note"))
    reading = add_value(session.store, metric.id, day, value, note.strip())
    return reading, metric_view(session, metric.id, day)


def metric_view(session: Session, metric_id: str, day: date) -> MetricView:
    from pacer.schedule.metrics import in_order, road, standing
    from pacer.store.metrics import list_values

    metric = find_metric(session, metric_id)
    values = in_order(r for r in list_values(session.store, metric.id) if r.day <= day)
    return MetricView(
        metric, day, tuple(values), road(metric, values), standing(metric, values, day)
    )


def metric_views(session: Session, day: date) -> list[MetricView]:
    return [metric_view(session, m.id, day) for m in session.plan.metrics]


# -- JSON ----------------------------------------------------------------------------------------
def number(value: float | None) -> float | None:
    """A value as JSON shows it: two decimals, never -0.0."""
    if value is None:
        return None
    return round(value, 2) + 0.0  # -0.0 + 0.0 is 0.0


def reading_json(r: Reading) -> dict[str, Any]:
    return {"id": r.id, "date": r.day.isoformat(), "value": r.value, "note": r.note}


def metric_json(view: MetricView) -> dict[str, Any]:
    """One metric as `metric list --json` shows it."""
    m, s = view.metric, view.standing
    return {
        "id": m.id,
        "title": m.title,
        "unit": m.unit,
        "track": m.track,
        "higher_is_better": m.higher_is_better,
        "latest": reading_json(s.latest) if s.latest else None,
        "expected": number(s.expected),
        "margin": number(s.margin),
        "state": s.state,
        "next_target": (
            {"date": s.next_target.day.isoformat(), "value": s.next_target.value}
            if s.next_target
            else None
        ),
    }


def metric_detail_json(view: MetricView) -> dict[str, Any]:
    """One metric as `metric show --json` shows it: the list's keys and the whole road."""
    return {
        "date": view.day.isoformat(),
        **metric_json(view),
        "expected_today": number(view.standing.expected_today),
        "targets": [{"date": t.day.isoformat(), "value": t.value} for t in view.metric.targets],
        "road": [{"date": p.day.isoformat(), "value": number(p.value)} for p in view.road],
        "values": [
            {**reading_json(r), "expected": number(_expected(view, r.day))} for r in view.values
        ],
    }


def _expected(view: MetricView, day: date) -> float | None:
    from pacer.schedule.metrics import road_value

    return road_value(view.road, day)
