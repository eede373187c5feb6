"""The weekly review (周复盘): which week is due, its facts, answers stored per ISO week,
the list with its streak, the notice in `today`, and the JSON and Markdown shapes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from pacer.bounds import check_text
from pacer.calendar.days import Trip
from pacer.errors import PacerError
from pacer.i18n import Message, days_text, t
from pacer.plan.model import Plan
from pacer.schedule.review import (
    FinishedUnit,
    HabitWeek,
    MilestoneMove,
    Review,
    TrackWeek,
    WeekFacts,
)
from pacer.schedule.weeks import IsoWeek, streak
from pacer.service.reviewdue import review_day_of, review_due_week
from pacer.service.session import Session, _entries, projection_at

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.plan.problems import Problem
    from pacer.schedule.decisions import ReviewDecision
    from pacer.schedule.progress import LogEntry
    from pacer.schedule.projection import Projection
    from pacer.service.reviewdecide import Wrong


# -- which week -------------------------------------------------------------------------------
def parse_week(text: str, plan: Plan) -> IsoWeek:
    """An ISO week from 2026-W10 (or a date inside it), inside the plan's reach (its span
    widened by bounds.MARGIN_YEARS); anything else is an InputError."""
    from pacer.bounds import MARGIN_YEARS, reach, shown
    from pacer.errors import InputError

    week = IsoWeek.parse(text)
    if week is None:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            raise InputError(Message("review.bad_week", raw=shown(text))) from None
        week = IsoWeek(*day.isocalendar()[:2])  # IsoWeek.of(9999-12-31) would overflow
    first, last = reach(plan.start, plan.end)
    # By Monday only: the Sunday of the last week of year 9999 is past date.max.
    if not first - timedelta(days=6) <= week.monday <= last:
        raise InputError(
            Message(
                "input.week_outside",
                week=str(week),
                first=first,
                last=last,
                start=plan.start,
                end=plan.end,
                years=MARGIN_YEARS,
            )
        )
    return week


def check_week(session: Session, week: IsoWeek, today: date) -> None:
    """A week can be reviewed from its review day on, and never before the plan's first."""
    plan = session.plan
    if week < IsoWeek.of(plan.start):
        raise PacerError(Message("review.before_plan", week=str(week), start=plan.start))
    calendar = session.calendar()
    if week > review_due_week(session, today, calendar):
        day = review_day_of(session, week, calendar)
        raise PacerError(Message("review.not_due", week=str(week), day=day))


# -- the facts -------------------------------------------------------------------------------
def review_facts(session: Session, week: IsoWeek, today: date | None = None) -> WeekFacts:
    """Planned (the plan poured from its start, with the trips; each day before today by the
    plan in force on it) vs logged minutes, habits and the review itself (their days up to
    `today`), finished units, milestones moved between the end of the previous week and
    this one."""
    from pacer import clock
    from pacer.record import replace
    from pacer.schedule.review import week_facts
    from pacer.service.planned import habit_tallies, planned_unit_minutes

    entries = _entries(session)
    # Each day by the plan in force on it (issue 14); from the clock's today on, the current.
    now = today if today is not None else clock.today(session.plan)
    first, last = week.monday, week.sunday
    planned: dict[str, int] = {}
    for (track, _), minutes in planned_unit_minutes(session, first, last, now).items():
        planned[track] = planned.get(track, 0) + minutes
    counted = habit_tallies(
        session, entries, first, last if today is None else min(last, today), now
    )
    before = _projected_then(session, first - timedelta(days=1), entries, now)
    after = _projected_then(session, last, entries, now)
    facts = week_facts(
        session.plan, session.calendar(), week, entries, planned, counted, before, after
    )
    from pacer.service.planchanges import plan_changes

    facts = replace(facts, plan_changes=plan_changes(session, first, last))
    if facts.ritual is not None and not facts.ritual.title:  # no ritual block: the review
        facts = replace(facts, ritual=replace(facts.ritual, title=t("status.review")))
    return facts


def _projected_then(
    session: Session, day: date, entries: list[LogEntry], today: date
) -> Projection:
    """The projection at the end of `day` as pacer made it then: a day before `today` by
    the plan in force on it (what `status` said that evening), else by the current plan."""
    from pacer.service.planversions import plans_in_force

    if day < today:
        then = plans_in_force(session, day, day)[0][0]
        if then is not session:
            return projection_at(then, day, _entries(then))
    return projection_at(session, day, entries)


# -- answers ---------------------------------------------------------------------------------
def parse_answers(plan: Plan, text: str | bytes, source: str) -> dict[str, str]:
    """A YAML or JSON mapping prompt id -> text. Unknown ids are an error (with a
    did-you-mean), and so is anything but text as an answer."""
    answers, _, wrong = read_answers(plan, text, source)
    if wrong:
        raise PacerError(wrong[0].message)
    return answers


def read_answers(
    plan: Plan, text: str | bytes, source: str
) -> tuple[dict[str, str], dict[str, ReviewDecision], tuple[Wrong, ...]]:
    """The answers (as parse_answers), the decisions: a `decisions:` mapping of milestone
    id -> decision (see service/reviewdecide.py; `decisions` with text is a prompt's answer),
    and what is wrong in them (a prompt or a milestone the plan does not have, an answer that
    is not text, a decision that is none of the forms), to be refused with what is missing.
    A file that is not YAML, or not a mapping, is refused here."""
    import difflib

    from pacer.plan.problems import Problem
    from pacer.plan.yamlnodes import YamlRefused, read_located
    from pacer.service.reviewdecide import Wrong, read_decisions

    problems: list[Problem] = []
    try:
        node = read_located(text, problems)
    except YamlRefused as exc:
        raise PacerError(_at(source, exc.problem)) from None
    if problems:
        raise PacerError(_at(source, problems[0]))
    if node is None:
        return {}, {}, ()
    ids = [p.id for p in plan.review.prompts]
    decisions: dict[str, ReviewDecision] = {}
    if not isinstance(node.value, dict) or node.keys is None:
        # The example is the plan's own first prompt, as the person's file would name it.
        wrong = (
            Message("review.answers_not_mapping", example=ids[0])
            if ids
            else Message("review.answers_not_mapping_plain")
        )
        raise PacerError(_at(source, Problem(node.loc, wrong)))
    out: dict[str, str] = {}
    flaws: list[Wrong] = []
    for key, value in node.value.items():
        if key == "decisions" and isinstance(value.value, dict) and value.keys is not None:
            decisions, bad = read_decisions(plan, value, lambda p: _at(source, p))
            flaws += bad
            continue
        if key not in ids:
            close = difflib.get_close_matches(key, ids, n=1, cutoff=0.5)
            problem = (
                Message("review.unknown_prompt_hint", id=key, hint=close[0])
                if close
                else Message("review.unknown_prompt", id=key, known=", ".join(ids) or "—")
            )
            flaws.append(Wrong(key, _at(source, Problem(node.keys[key], problem))))
            continue
        raw = value.value
        if isinstance(raw, dict | list):
            problem = Message("review.answer_not_text", id=key)
            flaws.append(Wrong(key, _at(source, Problem(value.loc, problem))))
            continue
        if raw is None:
            answer = ""
        elif isinstance(raw, str):
            answer = raw
        else:  # a number, a date, yes/no: the text as written
            answer = value.raw or str(raw)
        out[key] = answer.lstrip("\n").rstrip()
    return out, decisions, tuple(flaws)


def _at(source: str, problem: Problem) -> Message:
    return Message(
        "review.answers_at",
        source=source,
        line=problem.loc.line,
        col=problem.loc.col,
        problem=problem.message,
    )


def find_review(session: Session, week: IsoWeek) -> Review | None:
    from pacer.store.reviews import get_review

    return get_review(session.store, week)


def get_review(session: Session, week: IsoWeek) -> Review:
    review = find_review(session, week)
    if review is None:
        raise PacerError(Message("review.none", week=str(week)))
    return review


def save_review(
    session: Session,
    week: IsoWeek,
    given: Mapping[str, str],
    facts: WeekFacts,
    *,
    edit: bool,
) -> Review:
    """Store the answers (every prompt of the plan; one not given is empty, or keeps its
    previous answer when editing) with a snapshot of the facts. An existing review is
    replaced only with `edit`."""
    from pacer.store.reviews import save_review as store_save

    before = find_review(session, week) if edit else None
    previous = dict(before.answers) if before is not None else {}
    answers: list[tuple[str, str]] = []
    ids: set[str] = set()
    for p in session.plan.review.prompts:
        ids.add(p.id)
        answers.append((p.id, given[p.id] if p.id in given else previous.get(p.id, "")))
        check_text(answers[-1][1], t("input.what.answer"))
    # Answers to prompts the plan no longer has stay with the review.
    answers += [(k, v) for k, v in previous.items() if k not in ids]
    return store_save(session.store, week, answers, facts_json(facts), replace=edit)


def list_reviews(session: Session, today: date) -> tuple[list[Review], int]:
    """Every stored review (oldest first) and the streak: consecutive weeks with a review,
    ending at the week that is due on `today`."""
    from pacer.store.reviews import list_reviews as store_list

    reviews = store_list(session.store)
    return reviews, streak((r.week for r in reviews), review_due_week(session, today))


def answer_rows(plan: Plan, review: Review) -> list[tuple[str, str | None, str]]:
    """(prompt id, prompt text, answer) in the plan's order; answers to prompts the plan no
    longer has come last, without a text."""
    stored = dict(review.answers)
    rows: list[tuple[str, str | None, str]] = [
        (p.id, p.text, stored.pop(p.id)) for p in plan.review.prompts if p.id in stored
    ]
    rows += [(k, None, v) for k, v in stored.items()]
    return rows


# -- the notice in `today` -------------------------------------------------------------------
# -- JSON shapes (documented in docs/json.md) -----------------------------------------------
def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def facts_json(facts: WeekFacts) -> dict[str, Any]:
    from pacer.service.planchanges import plan_change_json

    week = facts.week
    return {
        "week": str(week),
        "start": week.monday.isoformat(),
        "end": week.sunday.isoformat(),
        "tracks": [
            {"id": r.id, "title": r.title, "planned": r.planned, "done": r.done}
            for r in facts.tracks
        ],
        "habits": [
            {
                "track": h.track,
                "title": h.title,
                "kept": h.kept,
                "days": h.days,
                "planned": h.planned,
                "done": h.done,
            }
            for h in facts.habits
        ],
        "ritual": (
            {
                "id": r.track,
                "title": r.title,
                "kept": r.kept,
                "days": r.days,
                "planned": r.planned,
                "done": r.done,
            }
            if (r := facts.ritual) is not None
            else None
        ),
        "finished": [
            {"unit": u.id, "title": u.title, "track": u.track, "date": u.day.isoformat()}
            for u in facts.finished
        ],
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "before": _iso(m.before),
                "after": _iso(m.after),
                "days": m.days,
            }
            for m in facts.milestones
        ],
        "trips": [
            {"id": tr.id, "start": tr.start.isoformat(), "end": tr.end.isoformat(), "note": tr.note}
            for tr in facts.trips
        ],
        "plan_changes": [plan_change_json(c) for c in facts.plan_changes],
    }


def facts_from_json(value: Mapping[str, Any]) -> WeekFacts | None:
    """The stored snapshot back as facts; None when it is missing or not this shape."""
    from pacer.service.planchanges import plan_change_from_json

    def day(text: Any) -> date | None:
        return date.fromisoformat(text) if text is not None else None

    try:
        week = IsoWeek.parse(value["week"])
        if week is None:
            return None
        return WeekFacts(
            week,
            tuple(TrackWeek(r["id"], r["title"], r["planned"], r["done"]) for r in value["tracks"]),
            tuple(_habit_week(h, h["track"]) for h in value["habits"]),
            tuple(
                FinishedUnit(u["unit"], u["title"], u["track"], date.fromisoformat(u["date"]))
                for u in value["finished"]
            ),
            tuple(
                MilestoneMove(m["id"], m["title"], day(m["before"]), day(m["after"]), m["days"])
                for m in value["milestones"]
            ),
            tuple(
                Trip(
                    tr["id"],
                    date.fromisoformat(tr["start"]),
                    date.fromisoformat(tr["end"]),
                    tr["note"],
                )
                for tr in value["trips"]
            ),
            _habit_week(ritual, ritual["id"]) if (ritual := value.get("ritual")) else None,
            # Snapshots stored before pacer listed the week's plan changes have none.
            tuple(plan_change_from_json(c) for c in value.get("plan_changes", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _habit_week(value: Mapping[str, Any], key: str) -> HabitWeek:
    # Snapshots stored before habit minutes were counted have no planned and done.
    return HabitWeek(
        key, value["title"], value["kept"], value["days"], value.get("planned"), value.get("done")
    )


def review_json(
    plan: Plan, review: Review, decisions: Sequence[ReviewDecision] = ()
) -> dict[str, Any]:
    from pacer.service.reviewdecide import decision_json

    week = review.week
    return {
        "week": str(week),
        "start": week.monday.isoformat(),
        "end": week.sunday.isoformat(),
        "created_at": review.created_at,
        "updated_at": review.updated_at,
        "facts": dict(review.facts),
        "answers": [
            {"id": pid, "prompt": prompt, "text": text}
            for pid, prompt, text in answer_rows(plan, review)
        ],
        "decisions": [decision_json(d) for d in decisions],
    }


def review_list_json(reviews: list[Review], count: int) -> dict[str, Any]:
    return {
        "reviews": [
            {"week": str(r.week), "created_at": r.created_at, "updated_at": r.updated_at}
            for r in reviews
        ],
        "streak": count,
    }


# -- Markdown --------------------------------------------------------------------------------
def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _table(head: list[str], align: list[str], rows: list[list[object]]) -> list[str]:
    if not rows:
        return [f"_{t('review.nothing')}_"]
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _dash(d: date | None) -> str:
    return d.isoformat() if d is not None else "—"


def _moved(days: int | None) -> str:
    return days_text(days)


def _plan_changes_markdown(facts: WeekFacts) -> list[str]:
    from pacer.service.planchanges import plan_change_lines

    out: list[str] = []
    for change in facts.plan_changes:
        head, *rest = plan_change_lines(change)
        out += [f"- {head}", *(f"  - {line}" for line in rest)]
    return out


def review_markdown(plan: Plan, review: Review, decisions: Sequence[ReviewDecision] = ()) -> str:
    """The review as a Markdown document: a heading with the week and its dates, the facts
    as tables, each prompt with its answer."""
    week = review.week
    lines = [
        f"# {t('review.title', week=week)}",
        "",
        t("review.span", start=week.monday, end=week.sunday),
        "",
    ]
    facts = facts_from_json(review.facts)
    if facts is None:
        lines += [f"_{t('review.no_facts')}_", ""]
    else:
        track_rows: list[list[object]] = [
            [f"{r.title} ({r.id})", r.planned, r.done] for r in facts.shown_tracks()
        ]
        if track_rows:
            track_rows.append(
                [
                    f"**{t('review.total')}**",
                    sum(r.planned for r in facts.tracks),
                    sum(r.done for r in facts.tracks),
                ]
            )
        sections: list[tuple[str, list[str]]] = [
            (
                t("review.tracks"),
                _table(
                    [t("review.col.track"), t("review.col.planned"), t("review.col.done")],
                    ["---", "---:", "---:"],
                    track_rows,
                ),
            ),
            (
                t("review.habits"),
                _table(
                    [
                        t("review.col.habit"),
                        t("review.col.kept"),
                        t("review.col.planned"),
                        t("review.col.done"),
                    ],
                    ["---", "---:", "---:", "---:"],
                    [
                        [
                            f"{h.title} ({h.track})",
                            t("review.kept", kept=h.kept, days=h.days),
                            "—" if h.planned is None else h.planned,
                            "—" if h.done is None else h.done,
                        ]
                        for h in facts.habit_rows()
                    ],
                ),
            ),
            (
                t("review.finished"),
                _table(
                    [t("review.col.date"), t("review.col.unit"), t("review.col.track")],
                    ["---", "---", "---"],
                    [[u.day, f"{u.title} (`{u.id}`)", u.track] for u in facts.finished],
                ),
            ),
            (
                t("review.milestones"),
                _table(
                    [
                        t("review.col.milestone"),
                        t("review.col.before"),
                        t("review.col.after"),
                        t("review.col.moved"),
                    ],
                    ["---", "---", "---", "---:"],
                    [
                        [f"{m.title} (`{m.id}`)", _dash(m.before), _dash(m.after), _moved(m.days)]
                        for m in facts.milestones
                    ],
                ),
            ),
            (
                t("review.trips"),
                _table(
                    [t("review.col.from"), t("review.col.to"), t("review.col.note")],
                    ["---", "---", "---"],
                    [[tr.start, tr.end, tr.note] for tr in facts.trips],
                ),
            ),
        ]
        if facts.plan_changes:  # most weeks have none: no empty section for them
            sections.append((t("review.plan_changes"), _plan_changes_markdown(facts)))
        for title, body in sections:
            lines += [f"## {title}", "", *body, ""]
    lines += [f"## {t('review.answers')}", ""]
    for pid, prompt, text in answer_rows(plan, review):
        lines += [f"### {prompt if prompt is not None else pid}", ""]
        lines += [text if text else f"_{t('review.no_answer')}_", ""]
    if decisions:
        from pacer.service.reviewdecide import decision_text

        lines += [f"## {t('review.decisions')}", ""]
        lines += [f"- `{d.milestone}`: {_cell(decision_text(d))}" for d in decisions] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"
