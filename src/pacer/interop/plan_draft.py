"""A draft plan read from Markdown, and its YAML text with every guess marked `# guess:`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from pacer.plan.model import WEEKDAYS, Month
from pacer.record import record

# A guess is a catalog key (under `mdimport.guess.`) with its arguments; None: read as written.
Guess = tuple[str, tuple[tuple[str, object], ...]] | None
Say = Callable[[str, dict[str, object]], str]


def guess(key: str, **args: object) -> Guess:
    """A guess whose reason is the catalog text `mdimport.guess.KEY`."""
    return "guess." + key, tuple(args.items())


@record
class DraftTrack:
    id: str
    title: str
    why: Guess = None


@record
class DraftBlock:
    id: str
    type: str  # habit, work or ritual
    title: str
    minutes: int
    max: int
    track: str = ""
    tracks: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    new_units: bool = True
    why: Guess = None  # why this type (or these minutes)


@record
class DraftTemplate:
    id: str
    title: str
    blocks: tuple[DraftBlock, ...]
    why: Guess = None


@record
class DraftShape:
    id: str
    days: tuple[str, ...]  # template id per weekday, Monday first
    why: Guess = None


@record
class DraftPhase:
    id: str
    title: str
    start: Month
    end: Month
    deliverable: str
    why: Guess = None


@record
class DraftMonth:
    month: Month
    title: str
    keywords: str
    items: tuple[tuple[str, tuple[str, ...]], ...]


@record
class DraftUnit:
    id: str
    title: str
    minutes: int
    label: str = ""
    maps_to: str = ""
    notes: str = ""
    why: Guess = None  # why these minutes


@record
class DraftCurriculum:
    id: str
    title: str
    track: str
    start: Month
    end: Month
    units: tuple[DraftUnit, ...]
    track_why: Guess = None
    window_why: Guess = None
    notes: str = ""


@record
class DraftPlan:
    id: str
    title: str
    start: date
    end: date
    timezone: str
    locale: str
    country: str
    tracks: tuple[DraftTrack, ...]
    templates: tuple[DraftTemplate, ...]
    shapes: tuple[DraftShape, ...]
    phases: tuple[DraftPhase, ...]
    months: tuple[DraftMonth, ...]
    curricula: tuple[DraftCurriculum, ...]
    review_day: str = ""  # the weekday of the ritual the templates name, when not Sunday
    why: tuple[tuple[str, Guess], ...] = ()  # plan-level field -> guess
    left_out: tuple[Guess, ...] = ()  # what was read but could not be placed

    def why_of(self, field: str) -> Guess:
        return dict(self.why).get(field)


# -- YAML text --------------------------------------------------------------------------------
def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`: plain where that is safe (Chinese
    titles stay readable), otherwise double-quoted (JSON's escapes are YAML's)."""
    if _plain_ok(value):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    # YAML refuses a few characters even inside quotes (DEL, C1 controls, U+FFFE/FFFF) and
    # reads others as line breaks or a byte order mark: escape those.
    return "".join(c if _printable(c) and c not in _BREAKS else f"\\u{ord(c):04x}" for c in quoted)


_BREAKS = "\x85\u2028\u2029\ufeff"


def _printable(c: str) -> bool:
    n = ord(c)
    return (
        n in (0x09, 0x0A, 0x0D, 0x85)
        or 0x20 <= n <= 0x7E
        or 0xA0 <= n <= 0xD7FF
        or 0xE000 <= n <= 0xFFFD
        or n >= 0x10000
    )


def _plain_ok(value: str) -> bool:
    import yaml

    if not value or value != value.strip() or not all(_printable(c) for c in value):
        return False
    if any(c in value for c in "\n\r\t" + _BREAKS):
        return False
    if value[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in value or " #" in value:
        return False
    if value.endswith(":"):
        return False
    try:
        # PyYAML resolves `yes`, `1e3`, `21:00`, `2026-03` … to other types: quote those.
        return bool(yaml.safe_load(f"k: {value}\n") == {"k": value})
    except yaml.YAMLError:
        return False


def _flow_ok(value: str) -> bool:
    return _plain_ok(value) and not any(c in value for c in ",[]{}")


class _Writer:
    def __init__(self, say: Say) -> None:
        self.lines: list[str] = []
        self.say = say

    def comment(self, why: Guess) -> str:
        if why is None:
            return ""
        text = self.say(why[0], dict(why[1])).replace("\n", " ")
        return f"  # guess: {text}"

    def line(self, indent: int, text: str, why: Guess = None) -> None:
        self.lines.append(" " * indent + text + self.comment(why))

    def key(self, indent: int, key: str, value: str | int | bool, why: Guess = None) -> None:
        if isinstance(value, bool):
            shown = "true" if value else "false"
        elif isinstance(value, int):
            shown = str(value)
        else:
            shown = scalar(value)
        self.line(indent, f"{key}: {shown}", why)

    def texts(self, indent: int, key: str, values: tuple[str, ...], why: Guess = None) -> None:
        if all(_flow_ok(v) for v in values) and sum(len(v) for v in values) < 60:
            self.line(indent, f"{key}: [{', '.join(values)}]", why)
            return
        self.line(indent, f"{key}:", why)
        for v in values:
            self.line(indent + 2, f"- {scalar(v)}")


def render(draft: DraftPlan, say: Say, source: str) -> str:
    """The draft as YAML text, deterministic, each guess a `# guess:` comment on its line."""
    w = _Writer(say)
    w.line(0, "# " + say("header", {"source": source}))
    w.line(0, "# " + say("header_check", {}))
    for why in draft.left_out:
        w.line(0, w.comment(why).strip())
    w.key(0, "pacer", 1)
    w.line(0, "plan:")
    for field in ("id", "title"):
        w.key(2, field, getattr(draft, field), draft.why_of(field))
    w.line(2, f"start: {draft.start.isoformat()}", draft.why_of("start"))
    w.line(2, f"end: {draft.end.isoformat()}", draft.why_of("end"))
    w.key(2, "timezone", draft.timezone, draft.why_of("timezone"))
    w.key(2, "locale", draft.locale, draft.why_of("locale"))
    w.line(0, "tracks:")
    for tr in draft.tracks:
        w.key(2, "- id", tr.id, tr.why)
        w.key(4, "title", tr.title)
    _templates(w, draft)
    w.line(0, "week_shapes:")
    for shape in draft.shapes:
        days = ", ".join(f"{d}: {t}" for d, t in zip(WEEKDAYS, shape.days, strict=True))
        w.line(2, f"{shape.id}: {{{days}}}", shape.why)
    w.line(0, "calendar:")
    w.key(2, "country", draft.country, draft.why_of("country"))
    if draft.phases:
        w.line(0, "phases:")
        for ph in draft.phases:
            w.key(2, "- id", ph.id)
            w.key(4, "title", ph.title)
            w.line(4, f"from: {ph.start}", ph.why)
            w.line(4, f"to: {ph.end}")
            if ph.deliverable:
                w.key(4, "deliverable", ph.deliverable)
    if draft.months:
        w.line(0, "months:")
        for m in draft.months:
            w.line(2, f"- month: {m.month}")
            if m.title:
                w.key(4, "title", m.title)
            if m.keywords:
                w.key(4, "keywords", m.keywords)
            if m.items:
                w.line(4, "items:")
                for track, items in m.items:
                    w.texts(6, track, items)
    _curricula(w, draft)
    if draft.review_day:
        w.line(0, "review:")
        w.line(2, f"day: {draft.review_day}", draft.why_of("review_day"))
    return "\n".join(w.lines) + "\n"


def _templates(w: _Writer, draft: DraftPlan) -> None:
    w.line(0, "day_templates:")
    for tpl in draft.templates:
        w.line(2, f"{tpl.id}:", tpl.why)
        w.key(4, "title", tpl.title)
        w.line(4, "blocks:")
        for b in tpl.blocks:
            w.key(6, "- id", b.id)
            w.line(8, f"type: {b.type}", b.why)
            if b.track:
                w.key(8, "track", b.track)
            w.key(8, "title", b.title)
            w.key(8, "minutes", b.minutes)
            if b.max > b.minutes:
                w.key(8, "max", b.max)
            if b.tracks:
                w.line(8, f"tracks: [{', '.join(b.tracks)}]")
            if b.kinds:
                w.line(8, f"kinds: [{', '.join(b.kinds)}]")
            if not b.new_units:
                w.key(8, "new_units", False)


def _curricula(w: _Writer, draft: DraftPlan) -> None:
    w.line(0, "curricula:" if draft.curricula else "curricula: []")
    for c in draft.curricula:
        w.key(2, "- id", c.id)
        w.key(4, "title", c.title)
        w.line(4, f"track: {c.track}", c.track_why)
        w.line(4, f"from: {c.start}", c.window_why)
        w.line(4, f"to: {c.end}")
        if c.notes:
            w.key(4, "notes", c.notes)
        w.line(4, "units:")
        for u in c.units:
            w.key(6, "- id", u.id)
            w.key(8, "title", u.title)
            w.key(8, "minutes", u.minutes, u.why)
            if u.label:
                w.key(8, "label", u.label)
            if u.maps_to:
                w.key(8, "maps_to", u.maps_to)
            if u.notes:
                w.key(8, "notes", u.notes)
