"""Make the README's demo: a person who kept about 85 % of the plan from its start.

Usage: PACER_HOME=/tmp/pacer-demo .venv/bin/python scripts/demo.py 2026-03-09

Logs the built-in plan's pieces (and habits) on most days up to and including the date,
at 85-90 % of their minutes, each unit marked done on its planned last day. Deterministic:
the same date gives the same history. Run the README's commands afterwards with the same
PACER_HOME and PACER_NOW set to the README's moment.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime

from pacer import clock
from pacer.service import Session, planned_projection
from pacer.store.log import add_entry


def main() -> None:
    until = date.fromisoformat(sys.argv[1])
    clock.set_now(datetime(until.year, until.month, until.day, 13, tzinfo=UTC))
    rnd = random.Random(7)
    with Session() as session:
        planned = planned_projection(session, until=until)
        for day in planned.days:
            if rnd.random() < 0.1:
                continue  # a day off
            for bp in day.blocks:
                if bp.block.type == "habit" and bp.block.track:
                    add_entry(
                        session.store,
                        day.info.day,
                        "habit",
                        bp.block.track,
                        bp.block.minutes,
                        "",
                        False,
                    )
                for item in bp.items:
                    minutes = max(1, item.minutes * rnd.choice((85, 90)) // 100)
                    last = planned.finish.get(item.unit) == day.info.day
                    add_entry(session.store, day.info.day, "unit", item.unit, minutes, "", last)


if __name__ == "__main__":
    main()
