"""Plan YAML to a validated Plan, reporting every problem as PATH:LINE:COL: message."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from pacer.bounds import MAX_SPAN_YEARS, range_text, span_too_long
from pacer.i18n import Message
from pacer.plan.absences import read_absences
from pacer.plan.blockdays import HabitSeen, block_days, block_per_week, check_habits
from pacer.plan.graph import find_cycle
from pacer.plan.model import (
    DEFAULT_ALARM,
    PREFILLS,
    UNIT_KINDS,
    WEEKDAYS,
    Baseline,
    Block,
    CalendarRules,
    Criterion,
    Curriculum,
    DayTemplate,
    Decision,
    Metric,
    Milestone,
    Month,
    MonthPlan,
    Phase,
    Plan,
    ReviewPrompt,
    ReviewSpec,
    Step,
    TargetPoint,
    Track,
    Unit,
    WeekShape,
)
from pacer.plan.problems import Loc, PlanInvalid, Problem, read_plan_bytes
from pacer.plan.reader import ID_PATTERN, Reader, Ref
from pacer.plan.regions import REGION_KEYS, read_region
from pacer.plan.renames import RENAMED_KINDS, WasSeen, check_was, read_was
from pacer.plan.rotation import (
    CALENDAR_KEYS,
    read_override,
    read_periods,
    read_roster_templates,
    read_rotation,
)
from pacer.plan.studyday import read_day_starts
from pacer.plan.windows import read_window
from pacer.plan.yamlnodes import Located, YamlRefused, read_located
from pacer.record import replace

__all__ = ["FORMAT_VERSION", "PlanInvalid", "load_plan_file", "load_plan_text", "read_plan_bytes"]

FORMAT_VERSION = 1
_DAY_MINUTES = 24 * 60


def _shown(value: float | None) -> str | None:
    """A number of the plan as a message repeats it: 100, not 100.0."""
    return None if value is None else f"{value:g}"


class _PlanBuilder:
    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.ids: dict[str, dict[str, Loc]] = {
            k: {}
            for k in ("track", "template", "shape", "curriculum", "unit", "milestone", "metric")
        }
        self.unit_nodes: list[tuple[Unit, Loc, Located | None]] = []
        self.month_locs: list[tuple[Month, Loc]] = []
        self.day_locs: list[tuple[date, Loc]] = []  # curriculum windows written to the day
        self.month_entries: list[tuple[Month, Loc]] = []
        self.habits_seen: list[HabitSeen] = []
        self.was_seen: list[WasSeen] = []

    def declare(self, kind: str, value: str, loc: Loc) -> None:
        seen = self.ids[kind]
        if value in seen:
            self.r.err(
                loc,
                "plan.duplicate_id",
                kind=Message(f"ref.{kind}"),
                id=value,
                line=seen[value].line,
            )
        else:
            seen[value] = loc

    # -- sections -------------------------------------------------------------------------
    def track(self, node: Located) -> Track | None:
        f = self.r.mapping(node, "tracks[]", ("id", "title"), ("description", "was"))
        if f is None:
            return None
        tid = self.r.ident(f.get("id"), "track id")
        self.declare("track", tid, (f.get("id") or node).loc)
        return Track(
            tid,
            self.r.text(f.get("title"), "title"),
            self.r.text(f.get("description"), ""),
            read_was(self.r, f.get("was"), "track", tid, self.was_seen),
        )

    def baseline(self, node: Located) -> Baseline | None:
        f = self.r.mapping(
            node, "baseline[]", ("track",), ("have", "lack", "conclusion", "covers", "notes")
        )
        if f is None:
            return None
        covers = tuple(
            self.r.ref("unit", n, "covers") for n in self.r.seq(f.get("covers"), "covers")
        )
        return Baseline(
            track=self.r.ref("track", f.get("track"), "baseline track"),
            have=self.r.texts(f.get("have"), "have"),
            lack=self.r.texts(f.get("lack"), "lack"),
            conclusion=self.r.text(f.get("conclusion"), "conclusion"),
            covers=covers,
        )

    def step(self, node: Located) -> Step | None:
        f = self.r.mapping(node, "steps[]", ("title", "minutes"), ("max", "detail"))
        if f is None:
            return None
        minutes = self.r.integer(f.get("minutes"), "minutes", 0, 0, _DAY_MINUTES)
        high = self.r.integer(f.get("max"), "max", minutes, minutes, _DAY_MINUTES)
        return Step(
            self.r.text(f.get("title"), "title"), minutes, high, self.r.text(f.get("detail"), "")
        )

    def block(self, node: Located, template: str) -> Block | None:
        where = f"day_templates.{template}.blocks[]"
        f = self.r.mapping(
            node,
            where,
            ("id", "type", "title", "minutes"),
            ("max", "track", "steps", "tracks", "kinds", "new_units", "detail", "days", "per_week"),
        )
        if f is None:
            return None
        btype = self.r.text(f.get("type"), "type")
        if f.get("type") is not None and btype not in ("habit", "work", "ritual"):
            self.r.err(
                f["type"].loc,
                "plan.bad_choice",
                raw=btype,
                where="type",
                choices="habit, work, ritual",
            )
            btype = "work"
        minutes = self.r.integer(f.get("minutes"), "minutes", 0, 0, _DAY_MINUTES)
        high = self.r.integer(f.get("max"), "max", minutes, minutes, _DAY_MINUTES)
        track = self.r.ref("track", f.get("track"), "track") if "track" in f else None
        if btype == "habit" and track is None:
            self.r.err(node.loc, "plan.habit_needs_track")
        if btype == "work":
            for key in ("track", "steps"):
                if key in f:
                    self.r.err(f[key].loc, "plan.key_not_for_type", key=key, type=btype)
        elif any(k in f for k in ("tracks", "kinds", "new_units")):
            key = next(k for k in ("tracks", "kinds", "new_units") if k in f)
            self.r.err(f[key].loc, "plan.key_not_for_type", key=key, type=btype)
        kinds = self.kinds(f.get("kinds"))
        before = len(self.r.problems)
        days = block_days(self.r, f.get("days"), where)
        days_read = len(self.r.problems) == before
        per_week = block_per_week(self.r, f.get("per_week"), where, btype)
        # A misspelt weekday is the error to show; the weekly count it would make too large
        # is not a second one.
        if btype == "habit" and track is not None and days_read:
            at = f["per_week"].loc if "per_week" in f else node.loc
            self.habits_seen.append(HabitSeen(track, per_week, days, at))
        return Block(
            id=self.r.ident(f.get("id"), "block id"),
            type=btype,  # type: ignore[arg-type]
            title=self.r.text(f.get("title"), "title"),
            minutes=minutes,
            max_minutes=high,
            track=track,
            steps=tuple(self.r.each(f.get("steps"), "steps", self.step)),
            tracks=tuple(
                self.r.ref("track", n, "tracks") for n in self.r.seq(f.get("tracks"), "tracks")
            ),
            kinds=kinds,
            new_units=self.r.boolean(f.get("new_units"), "new_units", True),
            detail=self.r.text(f.get("detail"), "detail"),
            days=days,
            per_week=per_week,
        )

    def kinds(self, node: Located | None) -> tuple[str, ...]:
        out = []
        for n in self.r.seq(node, "kinds"):
            kind = self.r.text(n, "kind")
            if kind not in UNIT_KINDS:
                self.r.err(
                    n.loc, "plan.bad_choice", raw=kind, where="kind", choices=", ".join(UNIT_KINDS)
                )
            else:
                out.append(kind)
        return tuple(out)

    def templates(self, node: Located | None) -> list[DayTemplate]:
        out: list[DayTemplate] = []
        f = self.r.mapping(
            node,
            "day_templates",
            (),
            node.value.keys() if node and isinstance(node.value, dict) else (),
        )
        for tid, tnode in (f or {}).items():
            assert node is not None and node.keys is not None
            key_loc = node.keys[tid]
            if not ID_PATTERN.match(tid):
                self.r.err(key_loc, "plan.bad_id", value=tid, where="day_templates")
            self.declare("template", tid, key_loc)
            tf = self.r.mapping(
                tnode, f"day_templates.{tid}", ("title", "blocks"), ("start", "alarm")
            )
            if tf is None:
                continue
            blocks: list[Block] = []
            seen: dict[str, int] = {}
            for bnode in self.r.seq(tf.get("blocks"), "blocks"):
                block = self.block(bnode, tid)
                if block is None:
                    continue
                if block.id in seen:
                    self.r.err(
                        bnode.loc,
                        "plan.duplicate_id",
                        kind=Message("ref.block"),
                        id=block.id,
                        line=seen[block.id],
                    )
                seen.setdefault(block.id, bnode.loc.line)
                blocks.append(block)
            out.append(
                DayTemplate(
                    tid,
                    self.r.text(tf.get("title"), "title"),
                    tuple(blocks),
                    self.r.clock(tf.get("start"), f"day_templates.{tid}.start"),
                    _alarm(self.r, tf.get("alarm"), f"day_templates.{tid}.alarm"),
                )
            )
        check_habits(self.r, self.habits_seen)
        return out

    def shapes(self, node: Located | None) -> list[WeekShape]:
        out: list[WeekShape] = []
        if node is None:
            return out
        f = self.r.mapping(
            node,
            "week_shapes",
            ("normal", "travel"),
            node.value.keys() if isinstance(node.value, dict) else (),
        )
        for sid, snode in (f or {}).items():
            assert node.keys is not None
            self.declare("shape", sid, node.keys[sid])
            sf = self.r.mapping(snode, f"week_shapes.{sid}", WEEKDAYS, ())
            if sf is None:
                continue
            days = tuple(
                self.r.ref("template", sf.get(d), f"week_shapes.{sid}.{d}") for d in WEEKDAYS
            )
            out.append(WeekShape(sid, days))
        return out

    def calendar(
        self, node: Located | None, templates: list[DayTemplate], shapes: list[WeekShape]
    ) -> CalendarRules:
        f = (
            self.r.mapping(
                node,
                "calendar",
                (),
                (
                    *REGION_KEYS,
                    "holiday_template",
                    "makeup_template",
                    "overrides",
                    *CALENDAR_KEYS,
                ),
            )
            or {}
        )
        ids = {t.id for t in templates}
        normal = next((s for s in shapes if s.id == "normal"), None)
        region = read_region(self.r, f)
        default_holiday = (
            "holiday" if "holiday" in ids else (normal.days[6] if normal else "holiday")
        )
        default_makeup = normal.days[0] if normal else "workday"
        holiday = (
            self.r.ref("template", f["holiday_template"], "holiday_template")
            if "holiday_template" in f
            else default_holiday
        )
        makeup = (
            self.r.ref("template", f["makeup_template"], "makeup_template")
            if "makeup_template" in f
            else default_makeup
        )

        overrides = tuple(
            self.r.each(f.get("overrides"), "overrides", lambda n: read_override(self.r, n))
        )
        return CalendarRules(
            region.country,
            holiday,
            makeup,
            overrides,
            region.subdivision,
            region.holidays_off,
            rotation=read_rotation(self.r, f.get("rotation")),
            periods=read_periods(self.r, f.get("periods")),
            roster_templates=read_roster_templates(self.r, f.get("roster_templates")),
        )

    def phase(self, node: Located) -> Phase | None:
        f = self.r.mapping(node, "phases[]", ("id", "title", "from", "to"), ("deliverable",))
        if f is None:
            return None
        start, end = self.r.month(f.get("from"), "from"), self.r.month(f.get("to"), "to")
        if start is None or end is None:
            return None
        self.month_locs += [(start, f["from"].loc), (end, f["to"].loc)]
        if end < start:
            self.r.err(f["to"].loc, "plan.month_order", start=start, end=end)
        return Phase(
            self.r.ident(f.get("id"), "phase id"),
            self.r.text(f.get("title"), "title"),
            start,
            end,
            self.r.text(f.get("deliverable"), ""),
        )

    def month_plan(self, node: Located) -> MonthPlan | None:
        f = self.r.mapping(node, "months[]", ("month",), ("title", "keywords", "items", "weights"))
        if f is None:
            return None
        month = self.r.month(f.get("month"), "month")
        if month is None:
            return None
        self.month_locs.append((month, f["month"].loc))
        self.month_entries.append((month, f["month"].loc))
        items: list[tuple[str, tuple[str, ...]]] = []
        items_node = f.get("items")
        if items_node is not None:
            if not isinstance(items_node.value, dict) or items_node.keys is None:
                self.r.err(items_node.loc, "plan.want_mapping", where="items")
            else:
                for track, values in items_node.value.items():
                    self.r.refs.append(Ref("track", track, items_node.keys[track]))
                    items.append((track, self.r.texts(values, "items")))
        weights: list[tuple[str, float]] = []
        wnode = f.get("weights")
        if wnode is not None:
            if not isinstance(wnode.value, dict) or wnode.keys is None:
                self.r.err(wnode.loc, "plan.want_mapping", where="weights")
            else:
                for cid, value in wnode.value.items():
                    self.r.refs.append(Ref("curriculum", cid, wnode.keys[cid]))
                    weight = self.r.number(value, "weight")
                    if weight <= 0:
                        self.r.err(value.loc, "plan.weight_positive", raw=value.raw)
                    weights.append((cid, weight))
        return MonthPlan(
            month,
            self.r.text(f.get("title"), "title"),
            self.r.text(f.get("keywords"), ""),
            tuple(items),
            tuple(weights),
        )

    def curriculum(self, node: Located) -> Curriculum | None:
        f = self.r.mapping(
            node,
            "curricula[]",
            ("id", "title", "track", "from", "to", "units"),
            ("prompts", "rhythm", "source", "notes", "topics", "post"),
        )
        if f is None:
            return None
        cid = self.r.ident(f.get("id"), "curriculum id")
        self.declare("curriculum", cid, (f.get("id") or node).loc)
        track = self.r.ref("track", f.get("track"), "track")
        (start, start_day), (end, end_day) = read_window(self.r, f, self.month_locs, self.day_locs)
        prompts = self.r.texts(f.get("prompts"), "prompts")
        units: list[Unit] = []
        for unode in self.r.seq(f.get("units"), "units"):
            unit = self.unit(unode, cid, track, prompts, units[-1].id if units else None)
            if unit is not None:
                units.append(unit)
        if "units" in f and not units and not self.r.seq(f.get("units"), "units"):
            self.r.err(f["units"].loc, "plan.empty_units", id=cid)
        return Curriculum(
            cid,
            self.r.text(f.get("title"), "title"),
            track,
            start or Month(1970, 1),
            end or Month(1970, 1),
            tuple(units),
            prompts,
            self.r.text(f.get("rhythm"), ""),
            self.r.text(f.get("source"), ""),
            tuple(self.r.ref("track", n, "topics") for n in self.r.seq(f.get("topics"), "topics")),
            self.r.boolean(f.get("post"), "post", False),
            start_day,
            end_day,
        )

    def unit(
        self, node: Located, cid: str, track: str, prompts: tuple[str, ...], previous: str | None
    ) -> Unit | None:
        f = self.r.mapping(
            node,
            "units[]",
            ("id", "title", "minutes"),
            ("kind", "due", "after", "optional", "prompts", "maps_to", "label", "notes", "was"),
        )
        if f is None:
            return None
        uid = self.r.ident(f.get("id"), "unit id")
        self.declare("unit", uid, (f.get("id") or node).loc)
        kind = self.r.text(f.get("kind"), "kind", "study")
        if kind not in UNIT_KINDS:
            self.r.err(
                f["kind"].loc,
                "plan.bad_choice",
                raw=kind,
                where="kind",
                choices=", ".join(UNIT_KINDS),
            )
            kind = "study"
        if "after" in f:
            after = tuple(self.r.ident(n, "after") for n in self.r.seq(f["after"], "after"))
        else:
            after = (previous,) if previous else ()
        unit = Unit(
            id=uid,
            title=self.r.text(f.get("title"), "title"),
            track=track,
            curriculum=cid,
            minutes=self.r.integer(f.get("minutes"), "minutes", 60, 1, 100 * _DAY_MINUTES),
            kind=kind,
            due=self.r.day(f.get("due"), "due"),
            after=after,
            optional=self.r.boolean(f.get("optional"), "optional", False),
            prompts=self.r.texts(f["prompts"], "prompts") if "prompts" in f else prompts,
            maps_to=self.r.text(f.get("maps_to"), ""),
            label=self.r.text(f.get("label"), ""),
            notes=self.r.text(f.get("notes"), ""),
            was=read_was(self.r, f.get("was"), "unit", uid, self.was_seen),
        )
        self.unit_nodes.append((unit, node.loc, f.get("after")))
        return unit

    def milestone(self, node: Located) -> Milestone | None:
        f = self.r.mapping(node, "milestones[]", ("id", "title", "due"), ("needs", "criteria"))
        if f is None:
            return None
        mid = self.r.ident(f.get("id"), "milestone id")
        self.declare("milestone", mid, (f.get("id") or node).loc)
        needs = tuple(self.r.ref("work", n, "needs") for n in self.r.seq(f.get("needs"), "needs"))

        def criterion(n: Located) -> Criterion | None:
            cf = self.r.mapping(n, "criteria[]", ("id", "text"), ())
            if cf is None:
                return None
            return Criterion(
                self.r.ident(cf.get("id"), "criterion id"), self.r.text(cf.get("text"), "text")
            )

        criteria = self.r.each(f.get("criteria"), "criteria", criterion)
        due = self.r.day(f.get("due"), "due")
        return Milestone(
            mid, self.r.text(f.get("title"), "title"), due or date.min, needs, tuple(criteria)
        )

    def metric(self, node: Located) -> Metric | None:
        f = self.r.mapping(
            node,
            "metrics[]",
            ("id", "title"),
            ("unit", "track", "higher_is_better", "targets", "min", "max"),
        )
        if f is None:
            return None
        mid = self.r.ident(f.get("id"), "metric id")
        self.declare("metric", mid, (f.get("id") or node).loc)

        def target(n: Located) -> TargetPoint | None:
            tf = self.r.mapping(n, "targets[]", ("date", "value"), ())
            if tf is None:
                return None
            d = self.r.day(tf.get("date"), "date")
            return TargetPoint(d, self.r.number(tf.get("value"), "value")) if d else None

        targets = self.r.each(f.get("targets"), "targets", target)
        for a, b, n in zip(
            targets, targets[1:], self.r.seq(f.get("targets"), "targets")[1:], strict=False
        ):
            if b.day <= a.day:
                self.r.err(n.loc, "plan.targets_order")
        unit = self.r.text(f.get("unit"), "")
        low, high = self._metric_range(f, unit)
        if low is not None or high is not None:
            for point, n in zip(targets, self.r.seq(f.get("targets"), "targets"), strict=False):
                if (low is not None and point.value < low) or (
                    high is not None and point.value > high
                ):
                    self.r.err(
                        n.loc,
                        "plan.target_outside_range",
                        value=_shown(point.value),
                        range=range_text(_shown(low), _shown(high)),
                    )
        return Metric(
            mid,
            self.r.text(f.get("title"), "title"),
            unit,
            self.r.ref("track", f["track"], "track") if "track" in f else None,
            self.r.boolean(f.get("higher_is_better"), "higher_is_better", True),
            tuple(targets),
            low,
            high,
        )

    def _metric_range(self, f: dict[str, Located], unit: str) -> tuple[float | None, float | None]:
        """A metric's `min` and `max`: finite numbers, min below max; a `%` metric takes
        0 and 100 for the bound it leaves out."""
        import math

        from pacer.bounds import MAX_MAGNITUDE

        bounds: list[float | None] = []
        for key in ("min", "max"):
            node = f.get(key)
            if node is None:
                bounds.append(None)
                continue
            value = node.value
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or abs(value) > MAX_MAGNITUDE
            ):
                self.r.err(node.loc, "plan.want_number", where=key, raw=node.raw or value)
                bounds.append(None)  # no bound, rather than one that makes more problems
                continue
            bounds.append(float(value))
        low, high = bounds
        if unit == "%":
            low = 0.0 if low is None else low
            high = 100.0 if high is None else high
        if low is not None and high is not None and low >= high:
            where = f.get("max") or f.get("min")
            assert where is not None  # both defaulted would be 0 and 100
            self.r.err(where.loc, "plan.metric_range", low=_shown(low), high=_shown(high))
            return None, None
        return low, high

    def review(self, node: Located | None) -> ReviewSpec:
        f = self.r.mapping(node, "review", (), ("day", "minutes", "prompts"))
        if f is None:
            return ReviewSpec()
        day = self.r.text(f.get("day"), "day", "sun")
        if day not in WEEKDAYS:
            self.r.err(
                f["day"].loc, "plan.bad_choice", raw=day, where="day", choices=", ".join(WEEKDAYS)
            )
            day = "sun"

        def prompt(n: Located) -> ReviewPrompt | None:
            pf = self.r.mapping(n, "prompts[]", ("id", "text"), ("optional", "metric", "prefill"))
            if pf is None:
                return None
            metric = pf.get("metric")
            return ReviewPrompt(
                self.r.ident(pf.get("id"), "prompt id"),
                self.r.text(pf.get("text"), "text"),
                optional=self.r.boolean(pf.get("optional"), "optional", False),
                metric=self.r.ref("metric", metric, "metric") if metric is not None else None,
                prefill=self.prefill(pf.get("prefill")),
            )

        prompts = self.r.each(f.get("prompts"), "prompts", prompt)
        return ReviewSpec(
            day, self.r.integer(f.get("minutes"), "minutes", 30, 0, _DAY_MINUTES), tuple(prompts)
        )

    def prefill(self, node: Located | None) -> tuple[str, ...]:
        """`prefill: tracks` or `prefill: [tracks, habits]`: what the review fills in."""
        if node is None:
            return ()
        items = [node] if isinstance(node.value, str) else self.r.seq(node, "prefill")
        out: list[str] = []
        for item in items:
            kind = self.r.text(item, "prefill")
            if kind not in PREFILLS:
                where, choices = "prefill", ", ".join(PREFILLS)
                self.r.err(item.loc, "plan.bad_choice", raw=kind, where=where, choices=choices)
            elif kind not in out:
                out.append(kind)
        return tuple(out)

    def decision(self, node: Located) -> Decision | None:
        f = self.r.mapping(node, "decisions[]", ("id", "question", "due"), ("evidence", "notes"))
        if f is None:
            return None
        due = self.r.day(f.get("due"), "due")
        evidence = tuple(
            self.r.ref("evidence", n, "evidence") for n in self.r.seq(f.get("evidence"), "evidence")
        )
        return Decision(
            self.r.ident(f.get("id"), "decision id"),
            self.r.text(f.get("question"), "question"),
            due or date.min,
            evidence,
            self.r.text(f.get("notes"), ""),
        )


_TOP_REQUIRED = ("pacer", "plan", "tracks", "day_templates", "week_shapes", "curricula")
_TOP_OPTIONAL = (
    "baseline",
    "calendar",
    "phases",
    "months",
    "milestones",
    "metrics",
    "review",
    "decisions",
    "absences",
)
_PLAN_KEYS = (
    "timezone",
    "locale",
    "min_chunk",
    "day_starts",
    "alarm",
    "principles",
    "summary",
)
MAX_ALARM = 24 * 60  # a reminder a day ahead at most


def _alarm(r: Reader, node: Located | None, where: str) -> int | None:
    """`alarm:` minutes, 0 (none) to a day; None when not given."""
    if node is None:
        return None
    return r.integer(node, where, DEFAULT_ALARM, 0, MAX_ALARM)


def _build(root: Located, problems: list[Problem]) -> Plan | None:
    r = Reader(problems)
    b = _PlanBuilder(r)
    top = r.mapping(root, "the plan file", _TOP_REQUIRED, _TOP_OPTIONAL)
    if top is None:
        return None
    if "pacer" in top:
        version = r.integer(top["pacer"], "pacer", FORMAT_VERSION, 1, 1_000_000)
        if version != FORMAT_VERSION:
            r.err(
                top["pacer"].loc, "plan.format_version", version=version, supported=FORMAT_VERSION
            )
    head = r.mapping(top.get("plan"), "plan", ("id", "title", "start", "end"), _PLAN_KEYS) or {}
    start, end = r.day(head.get("start"), "plan.start"), r.day(head.get("end"), "plan.end")
    if start and end and end < start:
        r.err(head["end"].loc, "plan.end_before_start", start=start, end=end)
    elif start and end and span_too_long(start, end):
        r.err(head["end"].loc, "plan.span_too_long", start=start, end=end, years=MAX_SPAN_YEARS)
    timezone = r.text(head.get("timezone"), "timezone", "Asia/Shanghai")
    if "timezone" in head and not _valid_zone(timezone):
        r.err(head["timezone"].loc, "plan.bad_timezone", raw=timezone)
    locale = r.text(head.get("locale"), "locale", "zh_CN")
    if locale not in ("zh_CN", "en"):
        r.err(
            head["locale"].loc, "plan.bad_choice", raw=locale, where="locale", choices="zh_CN, en"
        )

    tracks = r.each(top.get("tracks"), "tracks", b.track)
    templates = b.templates(top.get("day_templates"))
    shapes = b.shapes(top.get("week_shapes"))
    curricula = r.each(top.get("curricula"), "curricula", b.curriculum)
    plan = Plan(
        id=r.ident(head.get("id"), "plan id"),
        title=r.text(head.get("title"), "title"),
        start=start or date.min,
        end=end or date.max,
        tracks=tuple(tracks),
        day_templates=tuple(templates),
        week_shapes=tuple(shapes),
        curricula=tuple(curricula),
        timezone=timezone,
        locale=locale,
        min_chunk=r.integer(head.get("min_chunk"), "min_chunk", 20, 1, 600),
        day_starts=read_day_starts(r, head.get("day_starts")),
        alarm=r.integer(head.get("alarm"), "plan.alarm", DEFAULT_ALARM, 0, MAX_ALARM),
        principles=r.texts(head.get("principles"), "principles"),
        summary=r.text(head.get("summary"), "summary"),
        baseline=tuple(r.each(top.get("baseline"), "baseline", b.baseline)),
        calendar=b.calendar(top.get("calendar"), templates, shapes),
        phases=tuple(r.each(top.get("phases"), "phases", b.phase)),
        months=tuple(r.each(top.get("months"), "months", b.month_plan)),
        milestones=tuple(r.each(top.get("milestones"), "milestones", b.milestone)),
        metrics=tuple(r.each(top.get("metrics"), "metrics", b.metric)),
        review=b.review(top.get("review")),
        decisions=tuple(r.each(top.get("decisions"), "decisions", b.decision)),
        absences=read_absences(r, top.get("absences")),
    )
    _check_references(plan, b, r)
    if start and end:
        _check_span(plan, b, r)
    return _expand_milestones(plan)


def _valid_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo  # only on the (cached) load path

    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def _check_references(plan: Plan, b: _PlanBuilder, r: Reader) -> None:
    known: dict[str, set[str]] = {kind: set(ids) for kind, ids in b.ids.items()}
    known["work"] = known["unit"] | known["curriculum"]
    known["evidence"] = known["metric"] | known["milestone"] | known["track"]
    check_was(b.was_seen, {kind: known[kind] for kind in RENAMED_KINDS}, r)
    for ref in r.refs:
        pool = known.get(ref.kind, set())
        if ref.id not in pool:
            close = difflib.get_close_matches(ref.id, sorted(pool), n=1, cutoff=0.6)
            key = "plan.unknown_ref_hint" if close else "plan.unknown_ref"
            r.err(
                ref.loc,
                key,
                kind=Message(f"ref.{ref.kind}"),
                id=ref.id,
                hint=close[0] if close else "",
            )
    for unit, loc, after_node in b.unit_nodes:
        for i, pre in enumerate(unit.after):
            if pre not in known["unit"]:
                node = after_node.value[i] if after_node is not None else None
                close = difflib.get_close_matches(pre, sorted(known["unit"]), n=1, cutoff=0.6)
                key = "plan.unknown_ref_hint" if close else "plan.unknown_ref"
                r.err(
                    node.loc if node else loc,
                    key,
                    kind=Message("ref.unit"),
                    id=pre,
                    hint=close[0] if close else "",
                )
        if unit.id in known["track"] or unit.id == "review":
            r.err(loc, "plan.unit_clashes", id=unit.id)
    # A duplicated id is reported on its own; its default `after` (the previous unit, often
    # the very id it duplicates) must not also show up as a made-up cycle.
    graph: dict[str, tuple[str, ...]] = {}
    for u, _, _ in b.unit_nodes:
        graph.setdefault(u.id, u.after)
    cycle = find_cycle(graph)
    if cycle:
        loc = next(loc for u, loc, _ in b.unit_nodes if u.id == cycle[0])
        r.err(loc, "plan.cycle", path=" -> ".join(cycle))


def _check_span(plan: Plan, b: _PlanBuilder, r: Reader) -> None:
    first, last = Month.of(plan.start), Month.of(plan.end)
    for month, loc in b.month_locs:
        if not first <= month <= last:
            r.err(loc, "plan.month_outside", month=month, start=first, end=last)
    for day, loc in b.day_locs:
        if not plan.start <= day <= plan.end:
            r.err(loc, "regions.day_outside", day=day, start=plan.start, end=plan.end)
    seen: dict[Month, Loc] = {}
    for month, loc in b.month_entries:
        if month in seen:
            r.err(
                loc, "plan.duplicate_id", kind=Message("ref.month"), id=month, line=seen[month].line
            )
        seen.setdefault(month, loc)


def _expand_milestones(plan: Plan) -> Plan:
    """Curriculum ids in `needs` stand for all their non-optional units."""
    curricula = {c.id: c for c in plan.curricula}
    out = []
    for m in plan.milestones:
        needs: list[str] = []
        for n in m.needs:
            if n in curricula:
                needs += [u.id for u in curricula[n].units if not u.optional]
            else:
                needs.append(n)
        out.append(replace(m, needs=tuple(dict.fromkeys(needs))))
    return replace(plan, milestones=tuple(out))


def load_plan_text(text: str | bytes, path: str = "plan.yaml") -> Plan:
    """Parse and validate plan text; raises PlanInvalid with every problem found."""
    problems: list[Problem] = []
    try:
        root = read_located(text, problems)
    except YamlRefused as exc:
        raise PlanInvalid(path, [*problems, exc.problem]) from None
    if root is None:
        raise PlanInvalid(path, [Problem(Loc(1, 1), Message("plan.empty"))])
    plan = _build(root, problems)
    if problems or plan is None:
        raise PlanInvalid(path, problems or [Problem(Loc(1, 1), Message("plan.empty"))])
    return plan


def load_plan_file(path: str | Path) -> Plan:
    p = Path(path)
    return load_plan_text(read_plan_bytes(p), str(path))
