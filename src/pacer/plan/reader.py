"""Schema walking for plan YAML: typed getters over located values that collect problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from pacer.bounds import EARLIEST, LATEST, in_absolute_range
from pacer.i18n import Message
from pacer.plan.model import Month
from pacer.plan.problems import Loc, Problem
from pacer.plan.yamlnodes import BadDate, Located, Timestamp, is_date
from pacer.record import record

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$", re.ASCII)
T = TypeVar("T")


@record
class Ref:
    """A reference to an id, checked once every id is known."""

    kind: str
    id: str
    loc: Loc


class Reader:
    """Walks located values against the plan's schema, collecting problems instead of failing."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.refs: list[Ref] = []

    def err(self, loc: Loc, message_key: str, **args: Any) -> None:
        self.problems.append(Problem(loc, Message(message_key, **args)))

    # -- shapes ---------------------------------------------------------------------------
    def mapping(
        self, node: Located | None, where: str, required: Iterable[str], optional: Iterable[str]
    ) -> dict[str, Located] | None:
        if node is None:
            return None
        if not isinstance(node.value, dict) or node.keys is None:
            self.err(node.loc, "plan.want_mapping", where=where)
            return None
        req = tuple(required)
        known = (*req, *optional)
        for key, key_loc in node.keys.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                if close:
                    self.err(key_loc, "plan.unknown_key_hint", key=key, where=where, hint=close[0])
                else:
                    self.err(
                        key_loc, "plan.unknown_key", key=key, where=where, known=", ".join(known)
                    )
        for key in req:
            if key not in node.value:
                self.err(node.loc, "plan.missing_key", key=key, where=where)
        return dict(node.value)

    def seq(self, node: Located | None, where: str) -> list[Located]:
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.err(node.loc, "plan.want_list", where=where)
            return []
        return list(node.value)

    def each(self, node: Located | None, where: str, fn: Callable[[Located], T | None]) -> list[T]:
        out: list[T] = []
        for item in self.seq(node, where):
            value = fn(item)
            if value is not None:
                out.append(value)
        return out

    # -- scalars --------------------------------------------------------------------------
    def text(self, node: Located | None, where: str, default: str = "") -> str:
        if node is None or node.value is None:
            return default
        if isinstance(node.value, (dict, list)):
            self.err(node.loc, "plan.want_text", where=where)
            return default
        # A scalar YAML read as a number or date is still text to a title: keep it as written.
        return node.raw if node.raw else str(node.value)

    def texts(self, node: Located | None, where: str) -> tuple[str, ...]:
        return tuple(self.text(n, where) for n in self.seq(node, where))

    def ident(self, node: Located | None, where: str) -> str:
        value = self.text(node, where)
        if node is not None and not ID_PATTERN.match(value):
            self.err(node.loc, "plan.bad_id", value=value, where=where)
        return value

    def integer(self, node: Located | None, where: str, default: int, low: int, high: int) -> int:
        if node is None:
            return default
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            self.err(node.loc, "plan.want_int", where=where, raw=node.raw or value)
            return default
        if not low <= value <= high:
            self.err(node.loc, "plan.int_range", where=where, value=value, low=low, high=high)
            return default
        return value

    def number(self, node: Located | None, where: str) -> float:
        if node is None:
            return 0.0
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            self.err(node.loc, "plan.want_number", where=where, raw=node.raw)
            return 0.0
        return float(node.value)

    def boolean(self, node: Located | None, where: str, default: bool) -> bool:
        if node is None:
            return default
        if not isinstance(node.value, bool):
            self.err(node.loc, "plan.want_bool", where=where, raw=node.raw)
            return default
        return bool(node.value)

    def day(self, node: Located | None, where: str) -> date | None:
        if node is None:
            return None
        value = node.value
        if isinstance(value, BadDate):
            self.err(node.loc, "plan.impossible_date", raw=value.raw, where=where)
            return None
        if isinstance(value, Timestamp) or not is_date(value):
            self.err(node.loc, "plan.want_date", raw=node.raw or value, where=where)
            return None
        assert isinstance(value, date)
        if not in_absolute_range(value):
            # 0001-01-01 or 9999-12-31 would overflow date arithmetic or walk for millions of
            # days; every date pacer works on lies in bounds.EARLIEST..LATEST.
            self.err(
                node.loc, "plan.date_outside", raw=value, where=where, first=EARLIEST, last=LATEST
            )
            return None
        return value

    def month(self, node: Located | None, where: str) -> Month | None:
        if node is None:
            return None
        match = _MONTH.match(node.raw or str(node.value))
        if not match or not 1 <= int(match.group(2)) <= 12:
            self.err(node.loc, "plan.want_month", raw=node.raw or node.value, where=where)
            return None
        return Month(int(match.group(1)), int(match.group(2)))

    def clock(self, node: Located | None, where: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node.value, str) or not _TIME.match(node.value):
            if not (isinstance(node.value, int) and ":" in node.raw):  # already reported
                self.err(node.loc, "plan.want_time", raw=node.raw, where=where)
            return None
        return node.value

    def ref(self, kind: str, node: Located | None, where: str) -> str:
        value = self.ident(node, where)
        if node is not None and value:
            self.refs.append(Ref(kind, value, node.loc))
        return value
