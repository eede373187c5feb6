"""plan.day_starts: the wall-clock time a study day begins (read here, used by pacer.clock)."""

from __future__ import annotations

import re

from pacer.plan.reader import Reader
from pacer.plan.yamlnodes import Located

DEFAULT = "00:00"
# Past noon most of a waking day would belong to the day before: a date is then closer to
# the next day than to its own, and "today" would be wrong more often than right.
LATEST = "12:00"
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$", re.ASCII)


def read_day_starts(r: Reader, node: Located | None) -> str:
    """The plan's day_starts as "HH:MM" between 00:00 and 12:00 (default 00:00: midnight)."""
    if node is None or node.value is None:
        return DEFAULT
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool) and ":" in node.raw:
        return DEFAULT  # an unquoted 04:00: the YAML reader has said to quote it
    if not isinstance(value, str) or not _TIME.match(value) or value > LATEST:
        r.err(node.loc, "studyday.bad_day_starts", raw=node.raw or value, latest=LATEST)
        return DEFAULT
    return value
