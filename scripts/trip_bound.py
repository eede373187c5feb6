"""Print how far a trip moves each milestone, beside its recovery bound (docs/scheduling.md).

Usage: PACER_HOME=/tmp/pacer-demo .venv/bin/python scripts/trip_bound.py TODAY FIRST LAST

Standing on TODAY with the log in PACER_HOME, a trip from FIRST to LAST (inclusive): each
milestone's date without and with the trip, the slip, and the bound (the time its own
blocks need to win back what they lost).
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from pacer import clock
from pacer.calendar.days import Trip
from pacer.schedule.tripbound import recovery_bound
from pacer.service import Session
from pacer.service.session import _entries, projection_at


def main() -> None:
    today, first, last = (date.fromisoformat(a) for a in sys.argv[1:4])
    clock.set_now(datetime(today.year, today.month, today.day, 13, tzinfo=UTC))
    with Session() as session:
        entries = _entries(session)
        trips = tuple(session.calendar().trips)
        trip = Trip(0, first, last, "")
        without = projection_at(session, today, entries, trips=trips, keep_days=True)
        with_trip = projection_at(session, today, entries, trips=(*trips, trip), keep_days=True)
        stream = session.compiled.stream
        print(f"{'milestone':<18} {'without':<10} {'with':<10} {'slip':>5} {'bound':>6}")
        for m in session.plan.milestones:
            before, after = without.finish_of(m.needs), with_trip.finish_of(m.needs)
            bound = recovery_bound(session.plan, stream, without, with_trip, m.needs)
            if before is None or after is None or bound is None:
                print(f"{m.id:<18} {before!s:<10} {after!s:<10}   (not placed)")
                continue
            slip, allowed = (after - before).days, (bound - before).days
            mark = "" if after <= bound else "  OVER"
            print(f"{m.id:<18} {before!s:<10} {after!s:<10} {slip:>+5} {allowed:>+6}{mark}")


if __name__ == "__main__":
    main()
