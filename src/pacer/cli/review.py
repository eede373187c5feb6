"""`pacer review`: the weekly review (周复盘) — facts of the week, the plan's prompts, answers
stored per ISO week; `--list` with the streak, `--show` as text, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from pacer import clock
from pacer.cli.common import add_json, flush_notices, print_json, session_from
from pacer.cli.text import pad
from pacer.errors import PacerError
from pacer.i18n import Message, days_text, t
from pacer.service import (
    Session,
    answer_rows,
    check_week,
    facts_from_json,
    find_review,
    get_review,
    list_reviews,
    parse_week,
    review_due_week,
    review_facts,
    review_json,
    review_list_json,
    review_markdown,
)

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from pacer.plan.model import Plan, ReviewPrompt
    from pacer.schedule.decisions import ReviewDecision
    from pacer.schedule.review import HabitWeek, Review, WeekFacts
    from pacer.schedule.weeks import IsoWeek
    from pacer.service.reviewdecide import Needs, Wrong

FORMATS = ("text", "md", "json")
_SUFFIX_FORMAT = {".md": "md", ".markdown": "md", ".json": "json"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("review", parents=[common], help=t("help.review"))
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help=t("help.review.list"))
    mode.add_argument("--show", action="store_true", help=t("help.review.show"))
    p.add_argument("--week", help=t("help.review.week"))
    p.add_argument("--answers", metavar="FILE", help=t("help.review.answers"))
    p.add_argument("--edit", action="store_true", help=t("help.review.edit"))
    p.add_argument("--format", choices=FORMATS, help=t("help.review.format"))
    p.add_argument("-o", "--output", metavar="FILE", help=t("help.review.output"))
    p.add_argument("--force", action="store_true", help=t("help.output.force"))
    add_json(p)
    p.set_defaults(handler=run_review)


def _check_options(args: argparse.Namespace) -> None:
    mode = "--list" if args.list else "--show" if args.show else None
    if mode is not None:
        for option, given in (("--answers", args.answers is not None), ("--edit", args.edit)):
            if given:
                raise PacerError(Message("review.option_conflict", option=option, other=mode))
    if args.list and args.week:
        raise PacerError(Message("review.option_conflict", option="--week", other="--list"))
    if not args.show:
        for option, given in (("--format", args.format), ("-o", args.output)):
            if given:
                raise PacerError(Message("review.option_needs", option=option, other="--show"))
    if args.force and not args.output:
        raise PacerError(Message("review.option_needs", option="--force", other="-o"))
    if args.json and mode is None:
        raise PacerError(Message("review.option_needs", option="--json", other="--list / --show"))
    if args.json and args.format not in (None, "json"):
        raise PacerError(
            Message("review.option_conflict", option="--json", other=f"--format {args.format}")
        )


def run_review(args: argparse.Namespace) -> int:
    _check_options(args)
    with session_from(args) as session:
        week = parse_week(args.week, session.plan) if args.week else None
        today = clock.today(session.plan)
        if args.list:
            return _run_list(session, args)
        chosen = week if week is not None else review_due_week(session, today)
        if args.show:
            return _run_show(session, args, chosen)
        return _run_write(session, args, chosen)


def _run_list(session: Session, args: argparse.Namespace) -> int:
    today = clock.today(session.plan)
    reviews, count = list_reviews(session, today)
    flush_notices(session)
    if args.json:
        print_json(review_list_json(reviews, count))
        return 0
    if not reviews:
        print(t("review.list_none"))
    zone = session.plan.timezone
    for r in reviews:
        line = f"  {r.week}  {t('review.list_row', created=_local(r.created_at, zone))}"
        if r.updated_at != r.created_at:
            line += f", {t('review.list_edited', updated=_local(r.updated_at, zone))}"
        print(line)
    print(t("review.streak", n=count, week=review_due_week(session, today)))
    return 0


def _local(stamp: str, plan_zone: str) -> str:
    """A stored UTC timestamp as the person's local date and time (see clock.person_zone)."""
    return clock.shown_at(stamp, plan_zone).strftime("%Y-%m-%d %H:%M")


def _run_show(session: Session, args: argparse.Namespace, week: IsoWeek) -> int:
    review = get_review(session, week)
    fmt = args.format or ("json" if args.json else None)
    if fmt is None and args.output:
        fmt = _SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
    from pacer.service.reviewdecide import decisions_of

    plan = session.plan
    decided = decisions_of(session, week)
    if fmt == "json":
        import json

        shown = review_json(plan, review, decided)
        body = json.dumps(shown, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        body = review_markdown(plan, review, decided)
    else:
        body = "\n".join(render_review(plan, review) + _decisions_shown(decided)) + "\n"
    flush_notices(session)
    if args.output:
        from pacer.workspace import refuse_existing, write_file_atomic

        refuse_existing([Path(args.output)], args.force)
        write_file_atomic(Path(args.output), body.encode("utf-8"), overwrite=args.force)
        print(t("review.wrote", path=args.output))
    else:
        sys.stdout.write(body)
    return 0


def _run_write(session: Session, args: argparse.Namespace, week: IsoWeek) -> int:
    from pacer.service.review import read_answers
    from pacer.service.reviewdecide import answer_problem, decide_review, review_needs

    today = clock.today(session.plan)
    check_week(session, week, today)
    existing = find_review(session, week)
    if existing is not None and not args.edit:
        raise PacerError(Message("review.exists", week=str(week)))
    given: dict[str, str] | None = None
    decisions: dict[str, ReviewDecision] = {}
    wrong: tuple[Wrong, ...] = ()
    if args.answers is not None:
        given, decisions, wrong = read_answers(session.plan, *_read_answers(args.answers))
    elif not sys.stdin.isatty():
        raise PacerError(Message("review.no_terminal"))
    facts = review_facts(session, week, today)
    needs = review_needs(session, week, facts, today, existing if args.edit else None)
    if given is not None:  # checked before anything is shown: a refusal prints only itself
        review = decide_review(
            session, needs, given, decisions, facts, today, edit=args.edit, wrong=wrong
        )
        flush_notices(session)
        print("\n".join(render_facts(facts)))
    else:
        flush_notices(session)
        print("\n".join(render_facts(facts)))
        previous = dict(needs.previous) if existing is not None and args.edit else None
        print()
        terminal = _Terminal()
        given = ask(
            session.plan.review.prompts,
            previous,
            terminal.read,
            prefill=needs.prefill,
            check=lambda prompt, text: answer_problem(session, prompt, text),
        )
        if not terminal.ended:
            decisions = ask_decisions(session, needs, today, terminal.read)
        command = " ".join(
            [
                "pacer review",
                *(["--week", str(week)] if args.week else []),
                *(["--edit"] * args.edit),
            ]
        )
        review = decide_review(
            session,
            needs,
            given,
            decisions,
            facts,
            today,
            edit=args.edit,
            hint="terminal",
            command=command,
        )
    shown = _decision_lines(session, week, set(decisions))
    if shown:
        print("\n".join(shown))
    print(t("review.updated" if existing is not None else "review.saved", week=review.week))
    return 0


def _decision_lines(session: Session, week: IsoWeek, only: set[str] | None = None) -> list[str]:
    """The decisions of the week's review (those of `only` milestones: the ones just made)."""
    from pacer.service.reviewdecide import decision_text, decisions_of

    decided = [d for d in decisions_of(session, week) if only is None or d.milestone in only]
    if not decided:
        return []
    lines = ["  " + t("review.section", title=t("review.decisions"))]
    return lines + [f"      {d.milestone}  {decision_text(d)}" for d in decided]


def _decisions_shown(decided: list[ReviewDecision]) -> list[str]:
    """The decisions under the answers of `review --show` (none: no section)."""
    from pacer.service.reviewdecide import decision_text

    if not decided:
        return []
    lines = ["", t("review.section", title=t("review.decisions"))]
    return lines + [f"  {d.milestone}  {decision_text(d)}" for d in decided]


class _Terminal:
    """Reads the terminal; after an end of input (Ctrl-D) every read ends at once (a
    terminal would wait for more), so the review stops asking."""

    def __init__(self) -> None:
        self.ended = False

    def read(self, prompt: str) -> str:
        if self.ended:
            raise EOFError
        try:
            return input(prompt)
        except EOFError:
            self.ended = True
            print()
            raise


def ask_decisions(
    session: Session,
    needs: Needs,
    today: date,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> dict[str, ReviewDecision]:
    """Ask for a decision on each slipped milestone not yet decided, with its catch-up
    options; a reply that is none of keep / catchup N / move DATE REASON, or one that cannot
    be recorded (no such option, a move without a reason), is asked again saying why; an
    end of input leaves the rest undecided (the review is then refused)."""
    from pacer.service.reviewdecide import (
        decision_problem,
        describe_choice,
        parse_decision_text,
        slip_options,
    )

    out: dict[str, ReviewDecision] = {}
    undecided = needs.undecided()
    if not undecided:
        return out
    write("")
    write(t("review.ask_decide"))
    for slip in undecided:
        write("")
        write(f"? {slip.milestone}  {_day(slip.before)} → {_day(slip.after)}  {slip.title}")
        for n, option in enumerate(slip_options(session, today, slip.milestone), 1):
            write("  " + t("review.ask_option", n=n, what=describe_choice(option.choice)))
        while True:
            try:
                line = read("> ")
            except EOFError:
                return out
            decision = parse_decision_text(slip.milestone, line)
            if decision is None:
                write("  " + t("review.ask_again"))
                continue
            problem = decision_problem(session, needs, today, decision)
            if problem is None:
                out[slip.milestone] = decision
                break
            if problem.key == "review.move_needs_reason":  # said as it is typed here
                typed = " ".join(line.split()[:2])
                problem = Message("review.ask_move_reason", id=slip.milestone, typed=typed)
            write(f"  {problem}")
    return out


def _read_answers(source: str) -> tuple[bytes, str]:
    """The answers file's bytes: a regular file (never a FIFO or a device, checked before
    opening), at most the size of a plan file (larger is refused when parsed)."""
    from pacer.bounds import refuse_special_file
    from pacer.plan.problems import MAX_BYTES

    if source == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>"
    refuse_special_file(Path(source), "--answers")
    try:
        with Path(source).open("rb") as fh:
            return fh.read(MAX_BYTES + 1), source
    except OSError as exc:
        raise PacerError(
            Message("review.cannot_read", path=source, detail=exc.strerror or exc)
        ) from None


def ask(
    prompts: tuple[ReviewPrompt, ...],
    previous: Mapping[str, str] | None,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
    *,
    prefill: Mapping[str, str] | None = None,
    check: Callable[[ReviewPrompt, str], Message | None] | None = None,
) -> dict[str, str]:
    """Ask each prompt on the terminal; an answer ends with an empty line. A required prompt
    is marked so, and asked again while its answer is empty; an answer `check` finds wrong
    (not a value of the prompt's metric) is asked again saying why. When editing (`previous`
    given) the old answer is shown and an empty reply keeps it (the prompt is left out of the
    result); so is what pacer filled in (`prefill`) on a new review. An end of input stops
    the asking."""
    write(t("review.ask_intro"))
    if previous is not None:
        write(t("review.ask_edit"))
    out: dict[str, str] = {}
    for prompt in prompts:
        write("")
        mark = "" if prompt.optional else t("review.ask_required_mark")
        write(f"? {prompt.text}{mark}")
        old = (previous or {}).get(prompt.id, "")
        filled = (prefill or {}).get(prompt.id, "") if previous is None else ""
        if old:
            write("  " + t("review.previous"))
            for line in old.splitlines():
                write(f"    {line}")
        elif filled:
            write("  " + t("review.ask_prefilled"))
            for line in filled.splitlines():
                write(f"    {line}")
        while True:
            lines, ended = _answer(read)
            text = "\n".join(lines)
            if ended and not lines:
                return out
            problem = check(prompt, text) if check is not None and lines else None
            if problem is not None and not ended:
                write(f"  {problem}")
                continue
            if not lines and not prompt.optional and not (old or filled) and not ended:
                write("  " + t("review.ask_required"))
                continue
            break
        if lines or (previous is None and not filled):
            out[prompt.id] = text
        if ended:
            return out
    return out


def _answer(read: Callable[[str], str]) -> tuple[list[str], bool]:
    """The lines of one answer, up to an empty line, and whether the input ended."""
    lines: list[str] = []
    while True:
        try:
            line = read("> ")
        except EOFError:
            return lines, True
        if not line.strip():
            return lines, False
        lines.append(line.rstrip())


# -- text ------------------------------------------------------------------------------------
def _heading(week: IsoWeek) -> str:
    return (
        f"{t('review.title', week=week)} · {t('review.span', start=week.monday, end=week.sunday)}"
    )


def render_facts(facts: WeekFacts) -> list[str]:
    from pacer.service.planchanges import plan_change_lines

    lines = [_heading(facts.week), ""]
    lines.append(
        "  "
        + pad(t("review.col.track"), 30)
        + " "
        + pad(t("review.col.planned"), 15)
        + t("review.col.done")
    )
    for r in facts.shown_tracks():
        name = pad(f"{r.title} ({r.id})", 30)
        lines.append(f"  {name} {pad(str(r.planned), 15)}{r.done}")
    lines.append(
        "  "
        + pad(t("review.total"), 30)
        + " "
        + pad(str(sum(r.planned for r in facts.tracks)), 15)
        + str(sum(r.done for r in facts.tracks))
    )
    sections: list[tuple[str, list[str]]] = [
        (
            t("review.habits"),
            [f"{h.title} ({h.track})  {_habit(h)}" for h in facts.habit_rows()],
        ),
        (
            t("review.finished"),
            [f"{u.day}  {u.title} [{u.id}]" for u in facts.finished],
        ),
        (
            t("review.milestones"),
            [
                f"{m.id}  {_day(m.before)} → {_day(m.after)}  ({_moved(m.days)})  {m.title}"
                for m in facts.milestones
            ],
        ),
        (
            t("review.trips"),
            [f"{tr.start} → {tr.end}" + (f"  {tr.note}" if tr.note else "") for tr in facts.trips],
        ),
        (
            t("review.plan_changes"),
            [
                line if i == 0 else f"    {line}"
                for change in facts.plan_changes
                for i, line in enumerate(plan_change_lines(change))
            ],
        ),
    ]
    for title, rows in sections:
        if not rows:
            lines.append("  " + t("review.section_none", title=title))
            continue
        lines.append("  " + t("review.section", title=title))
        lines += [f"      {row}" for row in rows]
    return lines


def _habit(h: HabitWeek) -> str:
    if h.planned is None or h.done is None:  # a snapshot from before minutes were counted
        return t("review.habit_kept", kept=h.kept, days=h.days)
    return t("review.habit_minutes", kept=h.kept, days=h.days, planned=h.planned, done=h.done)


def _day(d: object) -> str:
    return str(d) if d is not None else "—"


def _moved(days: int | None) -> str:
    return days_text(days)


def render_review(plan: Plan, review: Review) -> list[str]:
    facts = facts_from_json(review.facts)
    if facts is not None:
        lines = render_facts(facts)
    else:
        lines = [_heading(review.week), "", "  " + t("review.no_facts")]
    lines += ["", t("review.section", title=t("review.answers"))]
    for pid, prompt, text in answer_rows(plan, review):
        lines.append(f"  ? {prompt if prompt is not None else pid}")
        if text:
            lines += [f"      {line}" for line in text.splitlines()]
        else:
            lines.append(f"      ({t('review.no_answer')})")
    return lines
