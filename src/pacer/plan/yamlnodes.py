"""YAML text to located values: every value keeps its line and column for error messages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from pacer.i18n import Message
from pacer.plan.problems import MAX_BYTES, Loc, Problem
from pacer.record import record

MAX_NODES = 100_000
MAX_DEPTH = 64  # lists and mappings nested deeper than this are refused (a plan needs ~8)

_MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALARS = SafeConstructor()
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@record
class Located:
    """A YAML value with where it was written.

    `value` is a dict[str, Located] for mappings, a list[Located] for sequences and a plain
    Python scalar otherwise; `keys` holds the location of each mapping key.
    """

    value: Any
    loc: Loc
    keys: dict[str, Loc] | None = None
    raw: str = ""  # the scalar as written, for messages about it


class YamlRefused(Exception):
    """The text cannot be read as a plan at all (too big, not YAML, alias bomb)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message.key)
        self.problem = problem


def _loc(node: yaml.Node) -> Loc:
    mark = node.start_mark
    return Loc(mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.count = 0
        self.active: set[int] = set()

    def convert(self, node: yaml.Node) -> Located:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlRefused(Problem(_loc(node), Message("yaml.alias_bomb", limit=MAX_NODES)))
        if id(node) in self.active:
            raise YamlRefused(Problem(_loc(node), Message("yaml.recursive")))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if len(self.active) >= MAX_DEPTH:  # `active` holds the collections around this one
            raise YamlRefused(Problem(_loc(node), Message("yaml.too_deep", limit=MAX_DEPTH)))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Located([self.convert(n) for n in node.value], _loc(node))
            assert isinstance(node, yaml.MappingNode)
            return self._mapping(node)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode) -> Located:
        values: dict[str, Located] = {}
        keys: dict[str, Loc] = {}
        merged: dict[str, Located] = {}
        merged_keys: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self._merge(value_node, merged, merged_keys)
                continue
            key_loc = _loc(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(key_loc, Message("yaml.key_not_text")))
                continue
            key = str(key_node.value)
            if key in values:
                first = keys[key]
                self.problems.append(
                    Problem(key_loc, Message("yaml.duplicate_key", key=key, line=first.line))
                )
                continue
            values[key] = self.convert(value_node)
            keys[key] = key_loc
        for key, value in merged.items():
            if key not in values:  # explicit keys win over merged ones, as in YAML's merge
                values[key] = value
                keys[key] = merged_keys[key]
        return Located(values, _loc(node), keys)

    def _merge(self, node: yaml.Node, into: dict[str, Located], keys: dict[str, Loc]) -> None:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for source in sources:
            converted = self.convert(source)
            if not isinstance(converted.value, dict) or converted.keys is None:
                self.problems.append(Problem(converted.loc, Message("yaml.bad_merge")))
                continue
            for key, value in converted.value.items():
                if key not in into:
                    into[key] = value
                    keys[key] = converted.keys[key]

    def _scalar(self, node: yaml.ScalarNode) -> Located:
        loc = _loc(node)
        tag = node.tag.rsplit(":", 1)[-1]
        raw = str(node.value)
        value: Any = raw
        try:
            if tag == "int":
                value = _SCALARS.construct_yaml_int(node)
                if ":" in raw:
                    # YAML 1.1 reads 21:00 as 1260 (base 60): almost surely a clock time.
                    self.problems.append(
                        Problem(loc, Message("yaml.unquoted_time", raw=raw, quoted=_hhmm(raw)))
                    )
            elif tag == "float":
                value = _SCALARS.construct_yaml_float(node)
            elif tag == "bool":
                value = _SCALARS.construct_yaml_bool(node)
            elif tag == "null":
                value = None
            elif tag == "timestamp":
                value = _SCALARS.construct_yaml_timestamp(node)
                if isinstance(value, datetime):
                    value = _Timestamp(raw)
        except (ValueError, OverflowError):
            if tag == "timestamp":
                value = _BadDate(raw)
            else:
                self.problems.append(Problem(loc, Message("yaml.bad_scalar", raw=raw)))
                value = raw
        return Located(value, loc, raw=raw)


@record
class _BadDate:
    """A value shaped like a date that is not one (2026-02-30); the loader reports it."""

    raw: str


@record
class _Timestamp:
    """A date with a time of day, where the plan wants a plain date."""

    raw: str


BadDate = _BadDate
Timestamp = _Timestamp


def read_located(text: str | bytes, problems: list[Problem]) -> Located | None:
    """Parse YAML text into located values, appending recoverable problems.

    Raises YamlRefused when the text cannot be used at all.
    """
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > MAX_BYTES:
        raise YamlRefused(Problem(Loc(1, 1), Message("yaml.too_big", size=size, limit=MAX_BYTES)))
    if isinstance(text, bytes):
        data = text.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            # The bytes before the bad one decode; count lines and characters in them.
            before = data[: exc.start].decode("utf-8").split("\n")
            loc = Loc(len(before), len(before[-1]) + 1)
            raise YamlRefused(Problem(loc, Message("yaml.not_utf8"))) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(mark.line + 1, mark.column + 1) if mark else Loc(1, 1)
        detail = str(exc.problem or exc.context or "").strip()
        raise YamlRefused(Problem(loc, Message("yaml.syntax", detail=detail))) from None
    except yaml.YAMLError as exc:
        raise YamlRefused(Problem(Loc(1, 1), Message("yaml.syntax", detail=str(exc)))) from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise YamlRefused(Problem(Loc(1, 1), Message("yaml.too_deep", limit=MAX_DEPTH))) from None
    if node is None:
        return None
    return _Converter(problems).convert(node)


def is_date(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _hhmm(raw: str) -> str:
    """An unquoted time as the plan must write it: "2:30" -> "02:30" (two digits each)."""
    parts = raw.strip().split(":")
    return ":".join(p.zfill(2) for p in parts)
