"""The rows of an import checked by the rules the commands enforce when they write them, so
that an export edited by hand (or made by another tool) cannot store what `pacer` refuses."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pacer.errors import PacerError
from pacer.i18n import Message

Row = Mapping[str, object]
_TIMESTAMPS = ("logged_at", "created_at", "updated_at", "checked_at")


def check_rows(path: Path, tables: Mapping[str, Sequence[Row]]) -> None:
    """Refuse the import, in one line naming the table, the row and what is wrong, when a
    row breaks a rule of the command that writes such rows. Rows are checked in order, each
    against the ones before it (two trips overlapping, a day's log passing 24 hours).
    Shapes (types, dates, unknown columns) were checked before; missing required values
    are SQLite's to refuse."""
    for table, rows in tables.items():
        check = _CHECKS.get(table)
        state: dict[str, object] = {}
        for index, row in enumerate(rows):
            try:
                for column in _TIMESTAMPS:
                    if isinstance(row.get(column), str):
                        _timestamp(column, str(row[column]))
                if check is not None:
                    check(row, index, state)
            except PacerError as exc:
                raise PacerError(
                    Message(
                        "import.bad_row", path=path, table=table, index=index, detail=exc.message
                    )
                ) from None


def _timestamp(column: str, value: str) -> None:
    """An ISO 8601 time with its UTC offset, as pacer writes them (now_utc().isoformat())."""
    from pacer.bounds import in_absolute_range

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or not in_absolute_range(moment.date()):
        raise PacerError(Message("import.bad_timestamp", column=column, value=value))


def _kind(column: str, value: object, allowed: Sequence[str]) -> None:
    if isinstance(value, str) and value not in allowed:
        raise PacerError(
            Message("import.bad_kind", column=column, value=value, allowed=", ".join(allowed))
        )


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def _log(row: Row, index: int, state: dict[str, object]) -> None:
    from pacer.schedule.progress import TARGET_KINDS
    from pacer.store.log import DAY_MINUTES, check_day_total

    _kind("target_kind", row.get("target_kind"), TARGET_KINDS)
    minutes, day = row.get("minutes"), _day(row.get("local_date"))
    logged_at = row.get("logged_at")
    # `pacer log` never writes a day ahead of the person's clock, and no zone is more than a
    # day ahead of UTC: a later day is a row no command wrote.
    if (
        day is not None
        and isinstance(logged_at, str)
        and day > datetime.fromisoformat(logged_at).astimezone(UTC).date() + timedelta(days=1)
    ):
        raise PacerError(Message("import.log_ahead", day=day, logged_at=logged_at))
    if not isinstance(minutes, int):
        return
    if not 0 <= minutes <= DAY_MINUTES:
        raise PacerError(Message("import.minutes_range", minutes=minutes, limit=DAY_MINUTES))
    if day is not None:
        totals: dict[date, int] = state.setdefault("totals", {})  # type: ignore[assignment]
        check_day_total(day, totals.get(day, 0), minutes)  # the rule `pacer log` keeps
        totals[day] = totals.get(day, 0) + minutes


def _trip(row: Row, index: int, state: dict[str, object]) -> None:
    from pacer.calendar.days import Trip, overlap_of
    from pacer.service.trips import check_trip_span

    zone = row.get("tz")
    if isinstance(zone, str):  # `export ics` reads it: a zone `trip add --tz` would take
        from pacer.service.absence import check_zone

        check_zone(zone)
    start, end = _day(row.get("start_date")), _day(row.get("end_date"))
    if start is None or end is None:
        return
    check_trip_span(start, end)  # the rule `pacer trip add` keeps
    held: list[Trip] = state.setdefault("trips", [])  # type: ignore[assignment]
    other = overlap_of(start, end, held)
    if other is not None:
        raise PacerError(
            Message("import.trip_overlap", row=other.id, start=other.start, end=other.end)
        )
    held.append(Trip(index, start, end))


def _catchup(row: Row, index: int, state: dict[str, object]) -> None:
    from pacer.schedule.catchup import CHOICE_KINDS

    _kind("kind", row.get("kind"), CHOICE_KINDS)


def _review(row: Row, index: int, state: dict[str, object]) -> None:
    from pacer.schedule.weeks import IsoWeek
    from pacer.store.reviews import check_row

    week = row.get("week")
    if isinstance(week, str):
        parsed = IsoWeek.parse(week)
        if parsed is None or str(parsed) != week:  # stored weeks are found by their label
            raise PacerError(Message("review.bad_week", raw=week))
    if all(isinstance(row.get(c), str) for c in ("week", "answers", "facts")):
        check_row(row["week"], row["answers"], row["facts"])  # read back as pacer reads it


def _metric_value(row: Row, index: int, state: dict[str, object]) -> None:
    import math

    from pacer.bounds import MAX_MAGNITUDE

    value = row.get("value")
    if isinstance(value, int | float) and not (  # `metric add` takes none of these
        math.isfinite(value) and abs(value) <= MAX_MAGNITUDE
    ):
        raise PacerError(Message("import.not_finite", value=value))


def _audit(row: Row, index: int, state: dict[str, object]) -> None:
    """A change `undo` could not read is refused: JSON that is not an object (or null where
    the action allows it), an object whose id is not the row's, an unknown table or action."""
    import json

    from pacer.store.audit import problem_of

    parsed = []
    for field in ("before_json", "after_json"):
        text = row.get(field)
        try:
            parsed.append(None if text is None else json.loads(str(text)))
        except ValueError:
            raise PacerError(Message("import.bad_change", field=field)) from None
    problem = problem_of(row.get("table_name"), row.get("row_id"), row.get("action"), *parsed)
    if problem is not None:
        raise PacerError(Message("import.bad_change", field=problem))


_CHECKS: dict[str, Callable[[Row, int, dict[str, object]], None]] = {
    "audit": _audit,
    "log": _log,
    "trips": _trip,
    "catchup": _catchup,
    "reviews": _review,
    "metric_values": _metric_value,
}
