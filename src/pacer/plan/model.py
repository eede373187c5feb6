"""The plan as frozen domain objects: tracks, templates, curricula, units, milestones."""

from __future__ import annotations

from datetime import date

from pacer.record import field, ordered_record, record

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    BlockType = Literal["habit", "work", "ritual"]


UNIT_KINDS: tuple[str, ...] = ("study", "code", "experiment", "write", "reading", "review")
# Kinds that need a computer and an editor: never placed on a trip day.
DESK_KINDS: frozenset[str] = frozenset({"code", "experiment"})
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REVIEW_TARGET = "review"


@ordered_record
class Month:
    """A calendar month, written YYYY-MM in the plan."""

    year: int
    month: int

    @classmethod
    def of(cls, d: date) -> Month:
        return cls(d.year, d.month)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def last_day(self) -> date:
        nxt = self.next()
        return date.fromordinal(nxt.first_day().toordinal() - 1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@record
class Track:
    id: str
    title: str
    description: str = ""
    was: tuple[str, ...] = ()  # the ids it had before a rename (its log counts for it)


@record
class Baseline:
    track: str
    have: tuple[str, ...] = ()
    lack: tuple[str, ...] = ()
    conclusion: str = ""
    covers: tuple[str, ...] = ()


@record
class Step:
    title: str
    minutes: int
    max_minutes: int
    detail: str = ""


@record
class Block:
    id: str
    type: BlockType
    title: str
    minutes: int
    max_minutes: int
    track: str | None = None
    steps: tuple[Step, ...] = ()
    tracks: tuple[str, ...] = ()  # empty: every track
    kinds: tuple[str, ...] = ()  # empty: every kind
    new_units: bool = True
    detail: str = ""
    # The weekdays (0 = Monday) the block exists on; empty: every day its template is used.
    days: tuple[int, ...] = ()
    # A flexible habit: wanted on this many days of a (Monday-first) week, offered on each
    # day that has it until the week's count is met. None: wanted every day that has it.
    per_week: int | None = None

    def on_weekday(self, weekday: int) -> bool:
        """Whether the block exists on this weekday (0 = Monday)."""
        return not self.days or weekday in self.days

    def admits(self, track: str, kind: str) -> bool:
        """Whether a unit of this track and kind may fill this (work) block."""
        return (not self.tracks or track in self.tracks) and (not self.kinds or kind in self.kinds)


@record
class DayTemplate:
    id: str
    title: str
    blocks: tuple[Block, ...]
    start: str | None = None  # "HH:MM"
    # Minutes before each block that a calendar reminds (VALARM): None is the plan's `alarm`,
    # 0 none.
    alarm: int | None = None

    @property
    def work_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks if b.type == "work")

    def blocks_on(self, day: date) -> tuple[Block, ...]:
        """The blocks this template has on `day`: the one rule every consumer (capacity, the
        projection, `today`, habits, the review, the calendar export) asks."""
        return self.blocks_on_weekday(day.weekday())

    def blocks_on_weekday(self, weekday: int) -> tuple[Block, ...]:
        if all(not b.days for b in self.blocks):
            return self.blocks  # the common case: no block names its days
        return tuple(b for b in self.blocks if b.on_weekday(weekday))


@record
class WeekShape:
    id: str
    days: tuple[str, ...]  # template id per weekday, Monday first


# A day with nothing planned: what an absence of a kind the plan does not declare, `sick`,
# gives. Not a valid plan id (ids begin with a letter or digit), so it never names the plan's.
REST_TEMPLATE = "_rest"
# How many minutes before a block its calendar event reminds, when the plan does not say.
DEFAULT_ALARM = 10
REST_DAY = DayTemplate(REST_TEMPLATE, "", ())


@record
class Ramp:
    """A gentle first week back (`ramp:` of a kind of absence): after an absence of at least
    `after_days` days, the next `days` study days with work blocks offer `share` of their work
    minutes (see schedule/ramp.py)."""

    after_days: int
    days: int
    share: float  # in (0, 1]


@record
class Absence:
    """A kind of absence (`absences:` in the plan): the week shape its days follow, or one
    template for all of them; its title and the banner `today` shows on its days."""

    kind: str
    shape: str = ""
    template: str = ""  # instead of a shape: this template every day
    title: str = ""  # empty: the catalog's word for the kind
    banner: str = ""
    ramp: Ramp | None = None  # lighter work blocks on the first days back


# Kinds every plan has; a plan's own `absences:` entry of the same kind replaces them.
DEFAULT_ABSENCES: tuple[Absence, ...] = (
    Absence("travel", shape="travel"),
    Absence("sick", template=REST_TEMPLATE),
)


@record
class CalendarOverride:
    day: date
    template: str  # "" when the override names a week shape
    reason: str = ""
    shape: str = ""  # a week shape: its template for this weekday


@record
class Rotation:
    """A cycle counted from `start`: one week shape per week, or one day template per day."""

    start: date
    weeks: tuple[str, ...] = ()  # week shape ids (start is a Monday)
    days: tuple[str, ...] = ()  # day template ids

    def pick(self, d: date) -> tuple[str, str] | None:
        """("week", shape id) or ("day", template id) for `d`; None before `start`."""
        if d < self.start:
            return None
        if self.weeks:
            return "week", self.weeks[((d - self.start).days // 7) % len(self.weeks)]
        return "day", self.days[(d - self.start).days % len(self.days)]


@record
class CalendarPeriod:
    start: date
    end: date  # inclusive
    shape: str
    reason: str = ""


@record
class CalendarRules:
    country: str | None = "CN"
    holiday_template: str = "holiday"
    makeup_template: str = "workday"
    overrides: tuple[CalendarOverride, ...] = ()
    subdivision: str | None = None  # the holiday library's code: DE + BE is Berlin
    holidays_off: bool = True  # false: public holidays keep the week shape's template
    rotation: Rotation | None = None
    periods: tuple[CalendarPeriod, ...] = ()
    roster_templates: tuple[str, ...] = ()  # templates `pacer roster import` sets


@record
class Phase:
    id: str
    title: str
    start: Month
    end: Month
    deliverable: str = ""


@record
class MonthPlan:
    month: Month
    title: str = ""
    keywords: str = ""
    items: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (track id, items)
    weights: tuple[tuple[str, float], ...] = ()  # (curriculum id, weight)


@record
class Unit:
    id: str
    title: str
    track: str
    curriculum: str
    minutes: int
    kind: str = "study"
    due: date | None = None
    after: tuple[str, ...] = ()
    optional: bool = False
    prompts: tuple[str, ...] = ()
    maps_to: str = ""
    label: str = ""
    notes: str = ""
    was: tuple[str, ...] = ()  # the ids it had before a rename (its log counts for it)


@record
class Curriculum:
    id: str
    title: str
    track: str
    start: Month
    end: Month
    units: tuple[Unit, ...]
    prompts: tuple[str, ...] = ()
    rhythm: str = ""
    source: str = ""
    topics: tuple[str, ...] = ()  # track ids it is about, when not its own (a blog post's tags)
    post: bool = False  # a blog post: `pacer note --for` and `pacer export hexo` take its id
    # `from`/`to` written as a date rather than a month: the window's first and last day.
    start_day: date | None = None
    end_day: date | None = None

    @property
    def opens(self) -> date:
        """The first day a unit of this curriculum may be placed on."""
        return self.start_day or self.start.first_day()

    @property
    def closes(self) -> date:
        """The last day of its window (inclusive)."""
        return self.end_day or self.end.last_day()


@record
class Criterion:
    id: str
    text: str


@record
class Milestone:
    id: str
    title: str
    due: date
    needs: tuple[str, ...] = ()  # unit ids, curricula already expanded
    criteria: tuple[Criterion, ...] = ()


@record
class TargetPoint:
    day: date
    value: float


@record
class Metric:
    id: str
    title: str
    unit: str = ""
    track: str | None = None
    higher_is_better: bool = True
    targets: tuple[TargetPoint, ...] = ()
    # The values it can take (the plan's `min`/`max`; a `%` metric: 0 to 100 by default).
    minimum: float | None = None
    maximum: float | None = None


PREFILLS = ("tracks", "habits")  # what a review prompt's `prefill` may name


@record
class ReviewPrompt:
    """A question of the weekly review. Each is required unless `optional`; `metric` names a
    plan metric whose value the answer is (recorded as one); `prefill` what pacer fills in
    from the week's facts (`tracks`: minutes per track, `habits`: habits kept)."""

    id: str
    text: str
    optional: bool = False
    metric: str | None = None
    prefill: tuple[str, ...] = ()


@record
class ReviewSpec:
    day: str = "sun"
    minutes: int = 30
    prompts: tuple[ReviewPrompt, ...] = ()


@record
class Decision:
    id: str
    question: str
    due: date
    evidence: tuple[str, ...] = ()
    notes: str = ""


@record
class Plan:
    id: str
    title: str
    start: date
    end: date
    tracks: tuple[Track, ...]
    day_templates: tuple[DayTemplate, ...]
    week_shapes: tuple[WeekShape, ...]
    curricula: tuple[Curriculum, ...]
    timezone: str = "Asia/Shanghai"
    locale: str = "zh_CN"
    min_chunk: int = 20
    principles: tuple[str, ...] = ()
    summary: str = ""
    baseline: tuple[Baseline, ...] = ()
    calendar: CalendarRules = field(default_factory=CalendarRules)
    phases: tuple[Phase, ...] = ()
    months: tuple[MonthPlan, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    metrics: tuple[Metric, ...] = ()
    review: ReviewSpec = field(default_factory=ReviewSpec)
    decisions: tuple[Decision, ...] = ()
    absences: tuple[Absence, ...] = ()  # the plan's own kinds; see absence()
    # Last, so that plans built positionally (tests, other code) keep their meaning.
    day_starts: str = "00:00"  # "HH:MM": before it, it is still yesterday (see clock.study_date)
    alarm: int = DEFAULT_ALARM  # minutes before a block its calendar event rings; 0: never

    # Lookups. Plans are small (hundreds of units), so linear scans keep the object plain
    # and picklable; the schedule layer builds its own indexes where it loops.
    def alarm_of(self, template: DayTemplate) -> int:
        """Minutes before each of the template's blocks a calendar reminds (0: no reminder)."""
        return self.alarm if template.alarm is None else template.alarm

    def template(self, template_id: str) -> DayTemplate:
        for t in self.day_templates:
            if t.id == template_id:
                return t
        if template_id == REST_TEMPLATE:
            return REST_DAY
        raise KeyError(template_id)

    def absence(self, kind: str) -> Absence | None:
        """The plan's kind of absence, or pacer's default (`travel`, `sick`), or None."""
        for a in (*self.absences, *DEFAULT_ABSENCES):
            if a.kind == kind:
                return a
        return None

    def absence_kinds(self) -> tuple[str, ...]:
        """Every kind a trip may have: the plan's, then the defaults it does not replace."""
        return tuple(dict.fromkeys(a.kind for a in (*self.absences, *DEFAULT_ABSENCES)))

    def absence_days(self, kind: str) -> tuple[str, ...]:
        """The template of each weekday (Monday first) of an absence of `kind`; a kind the
        plan no longer has (edited since the trip was added) is travelled as `travel`."""
        absence = self.absence(kind) or self.absence("travel")
        assert absence is not None  # travel is a default kind
        if absence.template:
            return (absence.template,) * 7
        return self.shape(absence.shape).days

    def template_or_none(self, template_id: str) -> DayTemplate | None:
        for t in self.day_templates:
            if t.id == template_id:
                return t
        return None

    def shape(self, shape_id: str) -> WeekShape:
        for s in self.week_shapes:
            if s.id == shape_id:
                return s
        raise KeyError(shape_id)

    def track(self, track_id: str) -> Track:
        for t in self.tracks:
            if t.id == track_id:
                return t
        raise KeyError(track_id)

    def units(self) -> tuple[Unit, ...]:
        return tuple(u for c in self.curricula for u in c.units)

    def unit(self, unit_id: str) -> Unit:
        for c in self.curricula:
            for u in c.units:
                if u.id == unit_id:
                    return u
        raise KeyError(unit_id)

    def curriculum(self, curriculum_id: str) -> Curriculum:
        for c in self.curricula:
            if c.id == curriculum_id:
                return c
        raise KeyError(curriculum_id)

    def month_plan(self, month: Month) -> MonthPlan | None:
        for m in self.months:
            if m.month == month:
                return m
        return None

    def covered_units(self) -> frozenset[str]:
        """Units the baseline says are already done: never scheduled."""
        return frozenset(u for b in self.baseline for u in b.covers)

    def habit_tracks(self) -> frozenset[str]:
        return frozenset(
            b.track for t in self.day_templates for b in t.blocks if b.type == "habit" and b.track
        )

    def habit_per_week(self, track: str) -> int | None:
        """The days a week a flexible habit's track is wanted (its blocks' `per_week`; the
        loader makes them agree); None: wanted on every day that has it."""
        return next(
            (
                b.per_week
                for t in self.day_templates
                for b in t.blocks
                if b.type == "habit" and b.track == track and b.per_week is not None
            ),
            None,
        )
