"""From a Markdown plan to a draft plan: months, tracks, week tables, phases, day templates.

Ids from titles: a known track word gets its glossary id (数学 → math, 英语 → english, see
markdown_words.GLOSSARY); otherwise a title's first ASCII words, lower-case, joined by `-`
(`MIT 18.02` → `mit-18-02`); a title with no ASCII letter gets the kind and a number
(`track-1`, `weeks-1`, `phase-1`). A taken id gets `-2`, `-3` …
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pacer.interop import markdown_words as words
from pacer.interop.markdown_outline import Item, Section, Table, parse, strip_front_matter
from pacer.interop.plan_draft import (
    DraftBlock,
    DraftCurriculum,
    DraftMonth,
    DraftPhase,
    DraftPlan,
    DraftShape,
    DraftTemplate,
    DraftTrack,
    DraftUnit,
    Guess,
    _plain_ok,
    guess,
)
from pacer.plan.model import WEEKDAYS, Month
from pacer.record import replace

UNIT_MINUTES = 60  # a bullet of a month: one sitting
WEEK_MINUTES = 180  # a row of a week table: a week's share of a shared work block
ALL_DAYS = (0, 1, 2, 3, 4, 5, 6)
GENERAL = "general"
_NUMBERING = re.compile(r"^(?:\d\ufe0f?\u20e3|[一二三四五六七八九十\d]+\s*[、.．)）])\s*")


class NoPlan(Exception):
    """The document has no month heading, week table or phase table."""


@dataclass
class _Ids:
    taken: set[str] = field(default_factory=set)
    counters: dict[str, int] = field(default_factory=dict)

    def make(self, title: str, kind: str, prefer: str = "") -> str:
        base = prefer or words.ascii_slug(title)
        if not base or not _plain_ok(base) or not base[0].isalpha():
            base = f"{kind}-{base}" if base else ""
        if not base:
            self.counters[kind] = self.counters.get(kind, 0) + 1
            base = f"{kind}-{self.counters[kind]}"
        out, n = base, 2
        while out in self.taken:
            out, n = f"{base}-{n}", n + 1
        self.taken.add(out)
        return out


@dataclass
class _Reading:
    """What has been read so far: the tracks by title, the document's year and language."""

    zh: bool
    tracks: dict[str, DraftTrack] = field(default_factory=dict)  # title -> track
    ids: _Ids = field(default_factory=_Ids)  # tracks'
    cids: _Ids = field(default_factory=_Ids)  # curricula's
    uids: _Ids = field(default_factory=_Ids)  # units'
    pids: _Ids = field(default_factory=_Ids)  # phases'

    def track(self, title: str, why: Guess = None) -> str:
        if title not in self.tracks:
            tid = self.ids.make(title, "track", words.glossary_id(title))
            self.tracks[title] = DraftTrack(tid, title, why)
        return self.tracks[title].id

    def track_in(self, text: str) -> list[str]:
        """The ids of the tracks a text names (by title or glossary word), first named first."""
        hits: list[tuple[int, str]] = []
        low = text.lower()
        for title, tr in self.tracks.items():
            pos = low.find(title.lower())
            if pos >= 0 and tr.id != GENERAL:
                hits.append((pos, tr.id))
        known = {tr.id for tr in self.tracks.values()}
        hits += [(pos, tid) for pos, tid in words.glossary_hits(text) if tid in known]
        return list(dict.fromkeys(tid for _, tid in sorted(hits)))


def read_markdown_plan(text: str, source_name: str, today: date) -> DraftPlan:
    """The draft plan of a Markdown document; raises NoPlan when it has none."""
    front, body = strip_front_matter(text)
    root = parse(body)
    sections = root.walk()[1:]
    zh = words.has_cjk(" ".join(s.title for s in sections))
    reading = _Reading(zh)
    month_sections = [(s, m) for s in sections if (m := words.month_heading(s.title)) is not None]
    tables = [(s, t) for s in [root, *sections] for t in s.tables]
    week_tables = [(s, t) for s, t in tables if _is_week_table(t)]
    phase_tables = [(s, t) for s, t in tables if _phase_columns(t) is not None]
    if not month_sections and not week_tables and not phase_tables:
        raise NoPlan
    _collect_tracks(reading, month_sections)
    months, items = _months(reading, month_sections)
    year = _base_year(months, sections, today)
    phases, left_out = _phases(reading, phase_tables, year)
    weekly = [_week_curriculum(reading, s, t, year) for s, t in week_tables]
    first, last = _span(months, phases, weekly, today)
    plan_why: dict[str, Guess] = {
        "start": guess("start", month=first),
        "end": guess("end", month=last),
    }
    curricula = _item_curricula(reading, items)
    curricula += [_clamp(c, first, last) for c in weekly]
    phases = [_clamp_phase(p, first, last) for p in phases]
    title = _front_title(front) or next((s.title for s in sections if s.level == 1), "")
    title = title or source_name
    ids = _Ids()
    plan_id = ids.make(title, "plan")
    if plan_id.startswith("plan-"):
        plan_id = f"plan-{first.year}"
    plan_why["id"] = guess("plan_id")
    if not _front_title(front):
        plan_why["title"] = guess("title")
    templates, shapes, review_day = _day_templates(reading, sections)
    plan_why["timezone"] = guess("timezone_zh" if zh else "timezone_en")
    plan_why["locale"] = guess("locale")
    plan_why["country"] = guess("country_zh" if zh else "country_en")
    if review_day:
        plan_why["review_day"] = guess("review_day")
    return DraftPlan(
        id=plan_id,
        title=title,
        start=first.first_day(),
        end=last.last_day(),
        timezone="Asia/Shanghai" if zh else "UTC",
        locale="zh_CN" if zh else "en",
        country="CN" if zh else "none",
        tracks=tuple(reading.tracks.values()),
        templates=tuple(templates),
        shapes=tuple(shapes),
        phases=tuple(phases),
        months=tuple(months),
        curricula=tuple(curricula),
        review_day=review_day,
        why=tuple(plan_why.items()),
        left_out=tuple(left_out),
    )


def _front_title(front: str) -> str:
    if not front:
        return ""
    import yaml

    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    return str(title).strip() if title else ""


def _clean_title(title: str) -> str:
    """A heading without its numbering (`一、`, `2.`, `5️⃣`)."""
    return _NUMBERING.sub("", title).strip() or title


# -- months -----------------------------------------------------------------------------------
def _collect_tracks(
    r: _Reading, month_sections: list[tuple[Section, tuple[int, int, str]]]
) -> None:
    """Tracks: the headings under a month heading, and the labels (`日语：`) of nested lists
    that two or more months use."""
    labels: dict[str, set[int]] = {}
    for i, (s, _) in enumerate(month_sections):
        for child in s.children:
            r.track(_clean_title(child.title))
        for lst in (lst for sub in s.walk() for lst in sub.lists):
            for item in lst:
                if item.label():
                    labels.setdefault(item.label(), set()).add(i)
    for label, where in labels.items():
        if len(where) >= 2 or label in r.tracks:
            r.track(label)


def _months(
    r: _Reading, month_sections: list[tuple[Section, tuple[int, int, str]]]
) -> tuple[list[DraftMonth], list[tuple[Month, str, str]]]:
    """The months, and every item as (month, track id, text) in the document's order."""
    joiner = "、" if r.zh else ", "
    heads: dict[Month, tuple[str, str]] = {}  # the same month twice: one entry
    per_month: dict[Month, dict[str, list[str]]] = {}
    items: list[tuple[Month, str, str]] = []
    for s, (year, number, theme) in month_sections:
        month = Month(year, number)
        per_track = per_month.setdefault(month, {})
        keywords = ""

        def add(
            track: str, text: str, month: Month = month, into: dict[str, list[str]] = per_track
        ) -> None:
            if text:
                into.setdefault(track, []).append(text)
                items.append((month, track, text))

        def read_lists(lists: list[list[Item]], track: str | None) -> None:
            for lst in lists:
                for item in lst:
                    label = item.label()
                    head, rest = item.split()
                    if label and label in r.tracks:
                        for child in item.children:
                            add(r.tracks[label].id, child.flat(joiner))
                    elif not item.children and head in r.tracks:  # `Listening: films`
                        add(r.tracks[head].id, rest)
                    else:
                        add(track or _general(r), item.flat(joiner))

        for para in s.paragraphs:
            head, _, rest = para.replace("：", ":", 1).partition(":")
            if not keywords and rest.strip() and words.names_any(head, words.KEYWORD_LABELS):
                keywords = para[len(head) + 1 :].strip()
        read_lists(s.lists, None)
        for child in s.children:
            tid = r.tracks[_clean_title(child.title)].id
            for sub in child.walk():
                read_lists(sub.lists, tid)
        was = heads.get(month, ("", ""))
        heads[month] = (was[0] or theme, was[1] or keywords)
    months = [
        DraftMonth(m, *heads[m], tuple((t, tuple(v)) for t, v in per_month[m].items()))
        for m in heads
    ]
    return sorted(months, key=lambda m: (m.month.year, m.month.month)), items


def _general(r: _Reading) -> str:
    title = "综合" if r.zh else "General"
    if title not in r.tracks:
        tid = r.ids.make(title, "track", GENERAL)
        r.tracks[title] = DraftTrack(tid, title, guess("track_general"))
    return r.tracks[title].id


def _item_curricula(r: _Reading, items: list[tuple[Month, str, str]]) -> list[DraftCurriculum]:
    """One curriculum per track: a unit per bullet, in the order of the months."""
    out = []
    for tr in r.tracks.values():
        mine = sorted(
            ((m, text) for m, track, text in items if track == tr.id),
            key=lambda x: (x[0].year, x[0].month),
        )
        if not mine:
            continue
        cid = r.cids.make(tr.title, "plan", tr.id)
        units = tuple(
            DraftUnit(
                r.uids.make("", "unit", f"{tr.id}-{i}"),
                text,
                UNIT_MINUTES,
                label=str(m),
                why=guess("unit_minutes"),
            )
            for i, (m, text) in enumerate(mine, 1)
        )
        out.append(DraftCurriculum(cid, tr.title, tr.id, mine[0][0], mine[-1][0], units))
    return out


def _base_year(months: list[DraftMonth], sections: list[Section], today: date) -> int:
    if months:
        return months[0].month.year
    for s in sections:
        found = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", s.title)
        if found:
            return int(found[0])
    return today.year


def _span(
    months: list[DraftMonth],
    phases: list[DraftPhase],
    weekly: list[DraftCurriculum],
    today: date,
) -> tuple[Month, Month]:
    """The plan's months: from its first month heading (else its first phase or table) to
    the last month anything names — a phase or a table of weeks running past the last month
    heading keeps the plan going, so that its work is not cut off."""
    key = lambda m: (m.year, m.month)  # noqa: E731
    headings = [m.month for m in months]
    others = [x for p in phases for x in (p.start, p.end)]
    others += [x for c in weekly for x in (c.start, c.end)]
    if headings or others:
        first = min(headings or others, key=key)
        return first, max([*headings, *others], key=key)
    first = Month.of(today)
    last = first
    for _ in range(11):
        last = last.next()
    return first, last


def _months_of(span: tuple[int, int], year: int) -> tuple[Month, Month]:
    a, b = span
    return Month(year, a), Month(year + (1 if b < a else 0), b)


def _within(m: Month, first: Month, last: Month) -> Month:
    key = (m.year, m.month)
    if key < (first.year, first.month):
        return first
    if key > (last.year, last.month):
        return last
    return m


# -- tables -----------------------------------------------------------------------------------
def _is_week_table(t: Table) -> bool:
    if not t.rows or not t.header:
        return False
    if t.header[0].strip().lower() in words.WEEK_HEADERS:
        return True
    weeks = [words.week_cell(row[0]) for row in t.rows if row]
    return sum(w is not None for w in weeks) * 2 > len(t.rows)


def _phase_columns(t: Table) -> tuple[int, int] | None:
    """(phase column, months column) of a phase table, or None."""
    if not t.rows or not t.header or _is_week_table(t):
        return None
    first = t.header[0].lower()
    named = words.names_any(first, words.PHASE_HEADERS) or all(
        words.names_any(row[0], words.PHASE_HEADERS) for row in t.rows if row
    )
    if not named:
        return None
    for col in range(1, len(t.header)):
        cells = [row[col] if col < len(row) else "" for row in t.rows]
        if all(words.month_span(c) for c in cells):
            return 0, col
    return None


def _phases(
    r: _Reading, tables: list[tuple[Section, Table]], year: int
) -> tuple[list[DraftPhase], list[Guess]]:
    out: list[DraftPhase] = []
    for _, t in tables:
        cols = _phase_columns(t)
        assert cols is not None
        name_col, when_col = cols
        for row in t.rows:
            span = words.month_span(row[when_col])
            assert span is not None
            start, end = _months_of(span, year)
            rest = [c for i, c in enumerate(row) if i not in (name_col, when_col) and c]
            pid = r.pids.make(row[name_col], "phase")
            out.append(
                DraftPhase(pid, row[name_col], start, end, " / ".join(rest), guess("phase_year"))
            )
    return out, []


def _clamp_phase(p: DraftPhase, first: Month, last: Month) -> DraftPhase:
    start, end = _within(p.start, first, last), _within(p.end, first, last)
    if (start, end) == (p.start, p.end):
        return p
    why = guess("phase_clamped", start=p.start, end=p.end)
    return DraftPhase(p.id, p.title, start, end, p.deliverable, why)


def _week_curriculum(r: _Reading, s: Section, t: Table, year: int) -> DraftCurriculum:
    """A table of weeks: one unit per row (label, what, and what it maps to)."""
    title = _clean_title(s.title)
    cid = r.cids.make(words.ascii_slug(title, 3), "weeks")
    units = []
    for n, row in enumerate(t.rows, 1):
        cells = row + [""] * (len(t.header) - len(row))
        label = cells[0]
        what = cells[1] if len(cells) > 1 and cells[1] else label
        # The seed's third column is 工程对照: what the topic maps to; other columns are notes.
        maps = len(t.header) > 2 and words.names_any(t.header[2], words.MAPS_HEADERS)
        maps_to = cells[2] if maps else ""
        notes = "; ".join(
            f"{h}: {c}" for h, c in zip(t.header[2 + maps :], cells[2 + maps :], strict=False) if c
        )
        uid = r.uids.make("", "unit", f"{cid}-w{words.week_cell(label) or n}")
        units.append(
            DraftUnit(uid, what, WEEK_MINUTES, label, maps_to, notes, guess("week_minutes"))
        )
    span = next((x for x in (words.month_span(a.title) for a in s.ancestry()) if x), None)
    window_why: Guess
    if span is not None:
        start, end = _months_of(span, year)
        window_why = guess("window_heading", year=year)
    else:
        start = end = Month(year, 1)
        for _ in range((len(units) + 3) // 4 - 1):
            end = end.next()
        window_why = guess("window_weeks", weeks=len(units))
    track_why: Guess
    found = next((ids[0] for a in s.ancestry() if (ids := r.track_in(a.title))), "")
    if found:
        track_why = guess("table_track")
    else:
        found = r.track(_clean_title(s.ancestry()[-1].title), guess("track_table"))
        track_why = None
    return DraftCurriculum(
        cid, title, found, start, end, tuple(units), track_why, window_why, _source_line(s)
    )


def _source_line(s: Section) -> str:
    """The headings the table sits under (the section's own title is the curriculum's)."""
    return " › ".join(_clean_title(a.title) for a in reversed(s.ancestry()[1:]))


def _clamp(c: DraftCurriculum, first: Month, last: Month) -> DraftCurriculum:
    start, end = _within(c.start, first, last), _within(c.end, first, last)
    if (start, end) == (c.start, c.end):
        return c
    why = guess("window_clamped", start=c.start, end=c.end)
    return DraftCurriculum(c.id, c.title, c.track, start, end, c.units, c.track_why, why, c.notes)


# -- day templates ----------------------------------------------------------------------------
@dataclass
class _Week:
    """Blocks read per weekday, for one week shape."""

    blocks: dict[int, list[DraftBlock]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)


def _day_templates(
    r: _Reading, sections: list[Section]
) -> tuple[list[DraftTemplate], list[DraftShape], str]:
    weeks: dict[str, _Week] = {}
    for s in sections:
        if not words.names_any(s.title, words.TEMPLATE_WORDS):
            continue
        if any(words.names_any(a.title, words.TEMPLATE_WORDS) for a in s.ancestry()[1:]):
            continue  # read with its parent
        found: dict[str, _Week] = {}
        _read_week(r, s, "normal", None, found)
        for shape, read in found.items():
            weeks.setdefault(shape, read)  # the first description of a kind of week wins
    templates: list[DraftTemplate] = []
    shapes: list[DraftShape] = []
    review_day = ""
    for shape in ("normal", "travel"):
        described = weeks.get(shape)
        if described is None or not described.blocks:
            tpls, shp = _default_week(r, shape)
        else:
            tpls, shp = _week_templates(described, shape)
        templates += tpls
        shapes.append(shp)
        if shape == "normal":
            for d, tid in enumerate(shp.days):
                tpl = next(t for t in tpls if t.id == tid)
                if any(b.type == "ritual" for b in tpl.blocks) and not review_day:
                    review_day = WEEKDAYS[d]
    return templates, shapes, "" if review_day == "sun" else review_day


def _read_week(
    r: _Reading, s: Section, shape: str, days: tuple[int, ...] | None, found: dict[str, _Week]
) -> None:
    if words.names_any(s.title, words.TRAVEL_WORDS):
        shape = "travel"
    named = words.weekdays_named(s.title)
    if named is not None and named != ALL_DAYS:
        days = named
    for lst in s.lists:
        for item in lst:
            _read_item(r, item, shape, days, _clean_title(s.title), found, days is not None)
    for child in s.children:
        _read_week(r, child, shape, days, found)


def _read_item(
    r: _Reading,
    item: Item,
    shape: str,
    days: tuple[int, ...] | None,
    title: str,
    found: dict[str, _Week],
    explicit: bool = False,
) -> None:
    head, rest = item.split()
    named = words.weekdays_named(head or item.text)
    if named is not None and named != ALL_DAYS:
        days = named
        title = f"{title} · {item.label()}" if item.label() else title
        explicit = True
    if named is not None and head:  # `Every day: 15 min listening`: the days are said
        item = Item(rest, item.children)
    amount = words.minutes_in(item.text)
    nested = any(words.minutes_in(c.flat(" ")) for c in item.children)
    if amount is None or nested:
        for child in item.children:
            _read_item(r, child, shape, days, title, found, explicit)
        return
    joiner = "、" if r.zh else ", "
    what = " ".join(words.without_minutes(item.text).split())
    if item.children:
        what = joiner.join(c.flat(joiner) for c in item.children)
    block = _block(r, what or title, amount, len(days or ALL_DAYS) >= 5)
    week = found.setdefault(shape, _Week())
    for d in days or ALL_DAYS:
        week.blocks.setdefault(d, []).append(block)
        if explicit:  # the title of the heading or label that names these days
            week.titles[d] = title
        else:
            week.titles.setdefault(d, title)


def _block(r: _Reading, title: str, amount: tuple[int, int], daily: bool) -> DraftBlock:
    """A ritual when its title says review; a habit when it is on (nearly) every day, names
    one track and is not a course's time (a course is worked through unit by unit);
    otherwise work, for the tracks its title names."""
    minutes, most = amount
    if words.names_any(title, words.RITUAL_WORDS):
        return DraftBlock("review", "ritual", title, minutes, most, why=guess("block_ritual"))
    tracks = r.track_in(title)
    if len(tracks) == 1 and daily and not words.names_any(title, words.COURSE_WORDS):
        why = guess("block_habit")
        return DraftBlock(tracks[0], "habit", title, minutes, most, track=tracks[0], why=why)
    why = guess("block_work_tracks") if tracks else guess("block_work")
    return DraftBlock("work", "work", title, minutes, most, tracks=tuple(tracks), why=why)


def _week_templates(week: _Week, shape: str) -> tuple[list[DraftTemplate], DraftShape]:
    """Days with the same blocks share one template, named after the days it covers."""
    groups: dict[tuple[DraftBlock, ...], list[int]] = {}
    for d in sorted(week.blocks):
        groups.setdefault(_unique_ids(week.blocks[d]), []).append(d)
    templates: list[DraftTemplate] = []
    by_day: dict[int, str] = {}
    for blocks, days in groups.items():
        tid = _template_id(shape, tuple(days))
        templates.append(DraftTemplate(tid, week.titles[days[0]], blocks))
        for d in days:
            by_day[d] = tid
    missing = [d for d in ALL_DAYS if d not in by_day]
    why: Guess = None
    if missing:
        fill = templates[0].id
        why = guess("days_filled", days=", ".join(WEEKDAYS[d] for d in missing), template=fill)
        for d in missing:
            by_day[d] = fill
    return templates, DraftShape(shape, tuple(by_day[d] for d in ALL_DAYS), why)


def _unique_ids(blocks: list[DraftBlock]) -> tuple[DraftBlock, ...]:
    seen: set[str] = set()
    out = []
    for b in blocks:
        bid, n = b.id, 2
        while bid in seen:
            bid, n = f"{b.id}-{n}", n + 1
        seen.add(bid)
        out.append(replace(b, id=bid))
    return tuple(out)


def _template_id(shape: str, days: tuple[int, ...]) -> str:
    names = {
        (0, 1, 2, 3, 4): "workday",
        (5, 6): "weekend",
        (5,): "saturday",
        (6,): "sunday",
        ALL_DAYS: "day",
    }
    base = names.get(days, "days-" + "-".join(WEEKDAYS[d] for d in days))
    if shape == "normal":
        return base
    return shape if base in ("workday", "day") else f"{shape}_{base}"


def _default_week(r: _Reading, shape: str) -> tuple[list[DraftTemplate], DraftShape]:
    why = guess("template_default")
    if shape == "travel":
        block = DraftBlock(
            "read",
            "work",
            "阅读" if r.zh else "Reading",
            30,
            30,
            kinds=("study", "reading"),
            new_units=False,
        )
        tpl = DraftTemplate("travel", "出差日" if r.zh else "Travel day", (block,), why)
        return [tpl], DraftShape("travel", ("travel",) * 7)
    work = DraftBlock("work", "work", "主线" if r.zh else "Main work", 60, 60)
    deep = DraftBlock("work", "work", "深度" if r.zh else "Deep work", 120, 180)
    ritual = DraftBlock("review", "ritual", "周复盘" if r.zh else "Weekly review", 30, 30)
    tpls = [
        DraftTemplate("workday", "工作日" if r.zh else "Workday", (work,), why),
        DraftTemplate("weekend", "周末" if r.zh else "Weekend", (deep, ritual), why),
    ]
    return tpls, DraftShape("normal", ("workday",) * 5 + ("weekend",) * 2)
