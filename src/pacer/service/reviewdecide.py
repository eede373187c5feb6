"""A review that decides (issue 15): what a week's review needs — the plan's required prompts
answered, a decision for each milestone that slipped — the answers pacer fills in, the
decisions an answers file gives, and the check before anything is saved."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from pacer.errors import PacerError
from pacer.i18n import Message, minutes_text, t
from pacer.plan.model import Plan, ReviewPrompt
from pacer.record import field, record
from pacer.schedule.decisions import ReviewDecision, Slip
from pacer.schedule.review import Review, WeekFacts
from pacer.schedule.weeks import IsoWeek
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.plan.yamlnodes import Located
    from pacer.schedule.catchup import CatchupChoice, Option


@record
class Needs:
    """What the review of `week` needs, and what pacer already knows of it."""

    week: IsoWeek
    prompts: tuple[ReviewPrompt, ...]
    prefill: Mapping[str, str]  # prompt id -> the answer pacer fills in
    slips: tuple[Slip, ...]  # each needs a decision
    previous: Mapping[str, str] = field(default_factory=dict)  # the stored answers (an edit)
    decided: Mapping[str, ReviewDecision] = field(default_factory=dict)  # stored decisions

    def undecided(self) -> tuple[Slip, ...]:
        return tuple(s for s in self.slips if s.milestone not in self.decided)


@record
class Wrong:
    """Something given that the review cannot take as it is: `about` is the prompt or the
    milestone it concerns (then not listed again as missing), `message` says what is wrong."""

    about: str
    message: Message


class ReviewIncomplete(PacerError):
    """A review refused, nothing saved: `problems` lists what was given wrong (a decision
    that cannot be recorded, an answer that is not a metric's value), `items` what is
    missing, one message each (the web lists them beside the form). `hint` says how to give
    them: "answers" (in an answers file), "terminal" (run the review again: `command`), ""
    (none: the web form shows where)."""

    def __init__(
        self,
        week: IsoWeek,
        items: tuple[Message, ...],
        hint: str = "answers",
        problems: tuple[Message, ...] = (),
        command: str = "pacer review",
    ) -> None:
        self.items = items
        self.problems = problems
        parts: list[Message] = []
        if problems:
            parts.append(Message("review.part_wrong", items=_Lines(problems)))
        if items:
            parts.append(Message("review.part_missing", items=_Lines(items)))
        if hint == "answers":
            parts.append(Message("review.hint_answers"))
        elif hint == "terminal":
            parts.append(Message("review.hint_terminal", command=command))
        super().__init__(Message("review.incomplete", week=str(week), parts=_Parts(parts)))


class _Parts:
    """The sections after the refusal's first words: the first on the same line, each
    other on a line of its own."""

    def __init__(self, parts: list[Message]) -> None:
        self.parts = parts

    def __format__(self, spec: str) -> str:
        texts = [str(p) for p in self.parts]
        return "".join(text if i == 0 else "\n" + text.lstrip(" ") for i, text in enumerate(texts))


class _Lines:
    """The missing items as indented lines under the error's first line (never clipped:
    each item is the plan's own text)."""

    def __init__(self, items: tuple[Message, ...]) -> None:
        self.items = items

    def __format__(self, spec: str) -> str:
        return "".join(f"\n  - {item}" for item in self.items)


# -- what the review needs ---------------------------------------------------------------------
def review_needs(
    session: Session, week: IsoWeek, facts: WeekFacts, today: date, existing: Review | None
) -> Needs:
    """The prompts, what pacer fills in, and the milestones that slipped in `week` (moved
    later during it, or due before the review with units still to do); with an existing
    review (an edit), its answers and the decisions it already holds."""
    from pacer.schedule.decisions import slipped
    from pacer.schedule.status import finished_on
    from pacer.service.session import _entries, projection_at
    from pacer.store.reviews import list_decisions

    plan = session.plan
    cutoff = min(week.sunday + timedelta(days=1), today)
    entries = _entries(session)
    finished = finished_on(plan, entries, cutoff - timedelta(days=1))
    end = projection_at(session, min(week.sunday, today), entries)
    projected = {m.id: end.finish_of(m.needs) for m in plan.milestones}
    slips = slipped(plan, facts.milestones, projected, finished, session.due_moves(), cutoff)
    decided: dict[str, ReviewDecision] = {}
    previous: dict[str, str] = {}
    if existing is not None:
        previous = dict(existing.answers)
        decided = {d.milestone: d for d in list_decisions(session.store, week)}
    prefill = {
        p.id: text for p in plan.review.prompts if (text := _prefill(session, p, facts, week))
    }
    return Needs(week, plan.review.prompts, prefill, slips, previous, decided)


def _prefill(session: Session, prompt: ReviewPrompt, facts: WeekFacts, week: IsoWeek) -> str:
    lines: list[str] = []
    if "tracks" in prompt.prefill:
        lines += [
            t(
                "review.prefill_track",
                title=r.title,
                done=minutes_text(r.done),
                planned=minutes_text(r.planned),
            )
            for r in facts.shown_tracks()
            if r.planned or r.done
        ]
    if "habits" in prompt.prefill:
        lines += [
            t(
                "review.prefill_habit",
                title=h.title,
                kept=Message("review.habit_kept", kept=h.kept, days=h.days),
            )
            for h in facts.habits
        ]
    if prompt.metric is not None:
        value = _week_value(session, prompt.metric, week)
        if value is not None:
            lines.append(_number(value))
    return "\n".join(lines)


def _week_value(session: Session, metric: str, week: IsoWeek) -> float | None:
    """The metric's last value recorded in the week, if any."""
    from pacer.store.metrics import list_values

    inside = [r for r in list_values(session.store, metric) if week.monday <= r.day <= week.sunday]
    return inside[-1].value if inside else None


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


# -- decisions from an answers file -----------------------------------------------------------
def read_decisions(
    plan: Plan, node: Located, at: Any
) -> tuple[dict[str, ReviewDecision], list[Wrong]]:
    """The `decisions:` mapping of an answers file: milestone id -> `keep`, `catchup N`,
    `{catchup: N}` or `{move: YYYY-MM-DD, reason: TEXT}`, and each one that is none of them
    or names no milestone (`at` makes a located problem its message)."""
    import difflib

    from pacer.plan.problems import Problem

    assert isinstance(node.value, dict) and node.keys is not None
    ids = [m.id for m in plan.milestones]
    out: dict[str, ReviewDecision] = {}
    wrong: list[Wrong] = []
    for key, value in node.value.items():
        if key not in ids:
            close = difflib.get_close_matches(key, ids, n=1, cutoff=0.5)
            problem = (
                Message("milestone.unknown_hint", id=key, hint=close[0])
                if close
                else Message("milestone.unknown", id=key)
            )
            wrong.append(Wrong(key, at(Problem(node.keys[key], problem))))
            continue
        decision = _decision(key, value)
        if decision is None:
            problem = Message("review.bad_decision", id=key)
            wrong.append(Wrong(key, at(Problem(value.loc, problem))))
            continue
        out[key] = decision
    return out, wrong


def _decision(milestone: str, node: Located) -> ReviewDecision | None:
    raw = node.value
    if isinstance(raw, str):
        words = raw.split()
        if words == ["keep"]:
            return ReviewDecision(milestone, "keep")
        if len(words) == 2 and words[0] == "catchup" and words[1].isdigit():
            return ReviewDecision(milestone, "catchup", option=int(words[1]))
        return None
    if not isinstance(raw, dict) or not set(raw) <= {"keep", "catchup", "move", "reason"}:
        return None
    reason_node = raw.get("reason")
    reason = reason_node.value if reason_node is not None else ""
    if not isinstance(reason, str):
        return None
    kinds = [k for k in ("keep", "catchup", "move") if k in raw]
    if len(kinds) != 1:
        return None
    if kinds[0] == "keep":
        return ReviewDecision(milestone, "keep", reason=reason.strip())
    value = raw[kinds[0]].value
    if kinds[0] == "catchup":
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return ReviewDecision(milestone, "catchup", option=value, reason=reason.strip())
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, date):
        return None
    return ReviewDecision(milestone, "move", due=value, reason=reason.strip())


# -- the check, and the save ------------------------------------------------------------------
def missing(
    needs: Needs,
    answers: Mapping[str, str],
    decisions: Mapping[str, ReviewDecision],
    wrong: frozenset[str] = frozenset(),
) -> tuple[Message, ...]:
    """What keeps the review from being complete: each required prompt without an answer,
    then each slipped milestone without a decision, in the plan's order (not those `wrong`
    names: what was given for them is listed as wrong)."""
    items = [
        Message("review.missing_answer", id=p.id, text=p.text)
        for p in needs.prompts
        if not p.optional and not answers.get(p.id, "").strip() and p.id not in wrong
    ]
    for s in needs.undecided():
        if s.milestone in decisions or s.milestone in wrong:
            continue
        if s.moved:
            items.append(
                Message(
                    "review.missing_moved",
                    id=s.milestone,
                    title=s.title,
                    before=_day(s.before),
                    after=_day(s.after),
                    due=s.due,
                )
            )
        else:
            items.append(
                Message(
                    "review.missing_past_due",
                    id=s.milestone,
                    title=s.title,
                    after=_day(s.after),
                    due=s.due,
                )
            )
    return tuple(items)


def _day(d: date | None) -> str:
    return d.isoformat() if d is not None else "—"


def final_answers(needs: Needs, given: Mapping[str, str]) -> dict[str, str]:
    """Each prompt's answer: the one given, else the stored one (an edit), else what pacer
    fills in."""
    out: dict[str, str] = {}
    for p in needs.prompts:
        if p.id in given:
            out[p.id] = given[p.id]
        elif p.id in needs.previous:
            out[p.id] = needs.previous[p.id]
        else:
            out[p.id] = needs.prefill.get(p.id, "")
    return out


def slip_options(session: Session, today: date, milestone: str) -> list[Option]:
    """The catch-up options of a slipped milestone, numbered as `pacer catchup ID` shows them
    (none when it is not behind: only keep or a moved due date then)."""
    from pacer.service.progress import catchup_options

    return catchup_options(session, today, milestone)[1]


def describe_choice(choice: CatchupChoice) -> str:
    """A catch-up option in words, as `pacer catchup` says it."""
    from pacer.i18n import joined

    if choice.kind == "focus":
        n = len(choice.units)
        return t("catchup.focus", n=n, id=choice.milestone, start=choice.start, end=choice.end)
    if choice.kind == "stretch":
        return t("catchup.stretch", start=choice.start, end=choice.end, id=choice.milestone)
    if choice.kind == "defer":
        units, n = joined(choice.units), len(choice.units)
        return t("catchup.defer", id=choice.milestone, units=units, n=n)
    return t("catchup.move_due", id=choice.milestone, due=choice.due)


def _checked(
    session: Session, needs: Needs, today: date, decision: ReviewDecision
) -> tuple[ReviewDecision, CatchupChoice | None]:
    """A decision the review may record, with the catch-up choice it records."""
    from pacer.bounds import check_text
    from pacer.record import replace
    from pacer.schedule.catchup import CatchupChoice

    mid = decision.milestone
    slip = next((s for s in needs.slips if s.milestone == mid), None)
    if slip is None:
        ids = ", ".join(s.milestone for s in needs.slips) or "—"
        raise PacerError(
            Message("review.decision_not_needed", id=mid, week=str(needs.week), ids=ids)
        )
    if mid in needs.decided:
        raise PacerError(Message("review.decision_made", id=mid, week=str(needs.week)))
    check_text(decision.reason, t("input.what.reason"))
    if decision.kind == "keep":
        return decision, None
    if decision.kind == "move":
        assert decision.due is not None
        if not decision.reason:
            raise PacerError(Message("review.move_needs_reason", id=mid))
        if decision.due <= slip.due:
            raise PacerError(
                Message("review.move_not_later", id=mid, due=slip.due, new=decision.due)
            )
        return decision, CatchupChoice("move_due", mid, due=decision.due, reason=decision.reason)
    options = slip_options(session, today, mid)
    if not options:
        raise PacerError(Message("catchup.no_options", id=mid))
    number = decision.option or 0
    if not 1 <= number <= len(options):
        raise PacerError(Message("catchup.no_option", n=number, count=len(options), id=mid))
    choice = options[number - 1].choice
    if choice.kind == "move_due" and not decision.reason:
        raise PacerError(Message("review.move_needs_reason", id=mid))
    return decision, replace(choice, reason=decision.reason)


def decision_problem(
    session: Session, needs: Needs, today: date, decision: ReviewDecision
) -> Message | None:
    """Why `decision` cannot be recorded (a milestone that did not slip, a catch-up option
    that does not exist, a move without a reason or not later), or None."""
    try:
        _checked(session, needs, today, decision)
    except PacerError as exc:
        return exc.message
    return None


def answer_problem(session: Session, prompt: ReviewPrompt, text: str) -> Message | None:
    """Why `text` cannot be the answer to `prompt` (too long; not a value of its metric),
    or None."""
    from pacer.bounds import check_text

    try:
        check_text(text, t("input.what.answer"))
        _metric_value(session, prompt, text)
    except PacerError as exc:
        if exc.message.key == "review.metric_answer":
            return exc.message
        return Message("review.answer_problem", id=prompt.id, problem=exc.message)
    return None


def _metric_value(session: Session, prompt: ReviewPrompt, text: str) -> float | None:
    """The value a metric prompt's answer gives (None: not a metric prompt, or no answer)."""
    from pacer.service.entries import check_metric_value
    from pacer.service.metrics import find_metric, parse_value

    if prompt.metric is None or not text.strip():
        return None
    metric = find_metric(session, prompt.metric)
    try:
        return check_metric_value(metric, parse_value(metric, text.strip()))
    except PacerError as exc:
        raise PacerError(
            Message("review.metric_answer", id=prompt.id, metric=metric.id, problem=exc.message)
        ) from None


def _readings(
    session: Session, needs: Needs, answers: Mapping[str, str], today: date
) -> list[tuple[str, date, float, str]]:
    """The metric values the answers give: a metric prompt's answer as a number, on the
    review's day (the week's Sunday, or today while the week runs); not when it is the value
    the week already has."""
    out = []
    day = min(needs.week.sunday, today)
    for p in needs.prompts:
        value = _metric_value(session, p, answers.get(p.id, ""))
        if p.metric is None or value is None:
            continue
        if value != _week_value(session, p.metric, needs.week):
            out.append((p.metric, day, value, str(needs.week)))
    return out


def decide_review(
    session: Session,
    needs: Needs,
    given: Mapping[str, str],
    decisions: Mapping[str, ReviewDecision],
    facts: WeekFacts,
    today: date,
    *,
    edit: bool,
    hint: str = "answers",
    wrong: tuple[Wrong, ...] = (),
    command: str = "pacer review",
) -> Review:
    """Check the review and save it with its decisions and metric values, in one
    transaction. Refused (ReviewIncomplete, nothing written) with everything at once: what
    was given wrong (`wrong`, found when the answers were read; each decision that cannot be
    recorded; each answer that cannot be taken) and what is missing (a required prompt
    without an answer, a slipped milestone without a decision)."""
    from pacer.service.review import facts_json
    from pacer.store.reviews import save_review

    problems = list(wrong)
    answers = final_answers(needs, given)
    for p in needs.prompts:
        problem = answer_problem(session, p, answers.get(p.id, ""))
        if problem is not None:
            problems.append(Wrong(p.id, problem))
    checked = []
    for d in decisions.values():
        try:
            checked.append(_checked(session, needs, today, d))
        except PacerError as exc:
            problems.append(Wrong(d.milestone, exc.message))
    about = frozenset(w.about for w in problems)
    items = missing(needs, answers, decisions, about)
    if problems or items:
        shown = tuple(w.message for w in problems)
        raise ReviewIncomplete(needs.week, items, hint, shown, command)
    readings = _readings(session, needs, answers, today)
    ids = {p.id for p in needs.prompts}
    # Answers to prompts the plan no longer has stay with the review.
    rows = [*answers.items(), *((k, v) for k, v in needs.previous.items() if k not in ids)]
    return save_review(
        session.store,
        needs.week,
        rows,
        facts_json(facts),
        replace=edit,
        decisions=checked,
        readings=readings,
    )


# -- shown ------------------------------------------------------------------------------------
def decisions_of(session: Session, week: IsoWeek) -> list[ReviewDecision]:
    from pacer.store.reviews import list_decisions

    return list_decisions(session.store, week)


def decision_text(d: ReviewDecision) -> str:
    """A recorded decision in words."""
    if d.kind == "keep":
        text = t("review.decided_keep")
    elif d.kind == "move":
        text = t("review.decided_move", due=d.due)
    else:
        text = t("review.decided_catchup", n=d.option, kind=d.choice or "—", id=d.catchup_id)
    return f"{text} — {d.reason}" if d.reason else text


def decision_json(d: ReviewDecision) -> dict[str, Any]:
    return {
        "milestone": d.milestone,
        "decision": d.kind,
        "option": d.option,
        "catchup_id": d.catchup_id,
        "choice": d.choice,
        "due": d.due.isoformat() if d.due else None,
        "reason": d.reason,
    }


def parse_decision_text(milestone: str, text: str) -> ReviewDecision | None:
    """A decision as typed on the terminal or sent by the web form: `keep`, `catchup N
    [REASON]` (or `N`), `move YYYY-MM-DD REASON`; None when it is none of them."""
    words = text.split(maxsplit=2)
    if words == ["keep"]:
        return ReviewDecision(milestone, "keep")
    if len(words) == 1 and words[0].isdigit():
        return ReviewDecision(milestone, "catchup", option=int(words[0]))
    if len(words) >= 2 and words[0] == "catchup" and words[1].isdigit():
        reason = words[2].strip() if len(words) == 3 else ""
        return ReviewDecision(milestone, "catchup", option=int(words[1]), reason=reason)
    if len(words) >= 2 and words[0] == "move":
        try:
            due = date.fromisoformat(words[1])
        except ValueError:
            return None
        reason = words[2].strip() if len(words) == 3 else ""
        return ReviewDecision(milestone, "move", due=due, reason=reason)
    return None
