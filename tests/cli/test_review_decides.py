"""A review that decides: `pacer review` refuses a review without the plan's required answers
and a decision for every milestone that slipped this week (subprocess, real SQLite files), on
the built-in plan and on the Berlin nurse's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import Run, missing_of

Pacer = Callable[..., Run]
SUNDAY = {"PACER_NOW": "2026-03-08T21:00:00+08:00"}  # the review day of 2026-W10
# The Berlin nurse's Sunday after her exam's due date (20 May), its units not done: 2026-W21.
BERLIN = {"PACER_TZ": "Europe/Berlin", "PACER_NOW": "2026-05-24T20:00:00+02:00"}
# The built-in plan, nothing logged: every milestone ahead moved later, and these are now
# projected after their due date (listening-p1's has passed); blog-2, june-acceptance (on its
# due day), listening-p2 and phase-b moved too, but still end in time: no decision asked.
SLIPPED_W10 = ["listening-p1", "phase-a", "blog-1", "vlm-finetune", "multivariable"]
ANSWERS = {"well": "每天都听了", "stuck": "周末加班", "adjust": "早起 30 分钟", "listening": "65%"}


def weeks(pacer: Pacer, *plan: str, env: dict[str, str] | None = None) -> list[str]:
    listed = pacer(*plan, "review", "--list", "--json", env=env).json()
    return [r["week"] for r in listed["reviews"]]


def send(pacer: Pacer, answers: object, *plan: str, env: dict[str, str] = SUNDAY) -> Run:
    text = json.dumps(answers, ensure_ascii=False)
    return pacer(*plan, "review", "--answers", "-", stdin=text, env=env)  # type: ignore[no-any-return]


def nothing_written(pacer: Pacer, *plan: str, env: dict[str, str] = SUNDAY) -> None:
    assert weeks(pacer, *plan, env=env) == []
    assert pacer(*plan, "catchup", "--list", "--json", env=env).json() == {"choices": []}
    today = pacer(*plan, "today", "--json", env=env).json()
    assert "notice.review_due" in [n["code"] for n in today["notices"]]


def test_an_empty_review_is_refused_listing_what_is_missing(pacer: Pacer) -> None:
    run = pacer("review", "--answers", "-", stdin="{}", env=SUNDAY)
    assert (run.code, run.out) == (1, "")
    lines = run.err.splitlines()
    first = lines.index(
        "pacer: the review for 2026-W10 is not complete; nothing was saved. Missing:"
    )
    assert lines[first + 1 : first + 6] == [
        # `done` is filled in by pacer (minutes per track, habits); `blog` is optional
        "  - an answer to well: 做得好的是什么？",
        "  - an answer to stuck: 卡住的地方在哪里？",
        "  - an answer to adjust: 下周调整什么？（出差 / 加班 / 节假日）",
        "  - an answer to listening: 本周技术听力大概听懂了多少（%）？",
        "  - a decision for listening-p1 (英语听力 Phase 1（1–2 月）): projected 2026-03-14 →"
        " 2026-03-21 this week, due 2026-02-28",
    ]
    assert missing_of(run) == (["well", "stuck", "adjust", "listening"], SLIPPED_W10)
    assert lines[-1].startswith("Answer each prompt, and decide each milestone under decisions:")
    nothing_written(pacer)


def test_all_answers_without_decisions_is_refused_naming_only_the_milestones(
    pacer: Pacer,
) -> None:
    partial = ANSWERS | {"decisions": {"phase-a": "keep"}}
    run = send(pacer, partial)
    assert run.code == 1
    assert missing_of(run) == ([], [m for m in SLIPPED_W10 if m != "phase-a"])
    zh = pacer("review", "--answers", "-", stdin=json.dumps(partial), env=SUNDAY, lang="zh")
    assert (
        "周复盘还不完整，没有保存。缺少：\n  - 对 listening-p1（英语听力 Phase 1（1–2 月））"
        in zh.err
    )
    nothing_written(pacer)


def test_a_complete_review_records_its_decisions_and_clears_the_notice(
    pacer: Pacer, tmp_path: Path
) -> None:
    decisions: dict[str, object] = dict.fromkeys(SLIPPED_W10, "keep")
    decisions["listening-p1"] = {"catchup": 1, "reason": "先补听力"}
    decisions["phase-a"] = {"move": "2026-04-30", "reason": "三月出差两次"}
    run = send(pacer, ANSWERS | {"decisions": decisions})
    assert run.code == 0, run.err
    assert "      listening-p1  catch-up option 1 (focus, recorded as choice 1) — 先补听力" in (
        run.out.splitlines()
    )
    assert "      phase-a  due date moved to 2026-04-30 — 三月出差两次" in run.out.splitlines()
    assert run.out.endswith("saved the weekly review for 2026-W10\n")
    # the notice is gone; the catch-up choices are recorded as `pacer catchup --apply` does
    assert weeks(pacer, env=SUNDAY) == ["2026-W10"]
    today = pacer("today", "--json", env=SUNDAY).json()
    assert "notice.review_due" not in [n["code"] for n in today["notices"]]
    choices = pacer("catchup", "--list", "--json", env=SUNDAY).json()["choices"]
    assert [(c["id"], c["kind"], c["milestone"], c["due"], c["reason"]) for c in choices] == [
        (1, "focus", "listening-p1", None, "先补听力"),
        (2, "move_due", "phase-a", "2026-04-30", "三月出差两次"),
    ]
    status = pacer("status", "--json", env=SUNDAY).json()
    assert next(m for m in status["milestones"] if m["id"] == "phase-a")["due"] == "2026-04-30"
    # the answer to the metric's prompt is recorded as a value of the metric, on the review day
    values = pacer("metric", "show", "listening", "--json", env=SUNDAY).json()
    assert [(v["date"], v["value"]) for v in values["values"]] == [("2026-03-08", 65)]
    shown = pacer("review", "--show", "--json", env=SUNDAY).json()
    assert shown["decisions"][:2] == [
        {
            "milestone": "listening-p1",
            "decision": "catchup",
            "option": 1,
            "catchup_id": 1,
            "choice": "focus",
            "due": None,
            "reason": "先补听力",
        },
        {
            "milestone": "phase-a",
            "decision": "move",
            "option": None,
            "catchup_id": 2,
            "choice": "move_due",
            "due": "2026-04-30",
            "reason": "三月出差两次",
        },
    ]
    assert [d["decision"] for d in shown["decisions"][2:]] == ["keep"] * (len(SLIPPED_W10) - 2)
    done = next(a for a in shown["answers"] if a["id"] == "done")["text"]
    assert done.splitlines()[0] == "数学: 0 min done of 390 min planned"
    assert "英语: kept 0 of 7 days" in done.splitlines()
    # the export holds the decisions
    out = tmp_path / "export.json"
    export = pacer("export", "json", "-o", str(out), env=SUNDAY)
    assert export.code == 0, export.err
    rows = json.loads(out.read_text(encoding="utf-8"))["tables"]["review_decisions"]
    assert [(r["week"], r["milestone"], r["decision"]) for r in rows][:2] == [
        ("2026-W10", "listening-p1", "catchup"),
        ("2026-W10", "phase-a", "move"),
    ]


def test_a_decision_that_cannot_be_recorded_is_refused(pacer: Pacer) -> None:
    """Each alone: said with what is wrong; nothing else is missing."""
    keep: dict[str, object] = dict.fromkeys(SLIPPED_W10, "keep")
    cases = [
        (
            {"phase-a": {"move": "2026-04-30"}},
            "pacer: moving the due date of phase-a needs a reason:"
            " {move: YYYY-MM-DD, reason: TEXT}",
        ),
        (
            {"phase-a": {"move": "2026-03-01", "reason": "x"}},
            "pacer: the new due date of phase-a (2026-03-01) must be after its due date 2026-03-31",
        ),
        (
            {"phase-a": "catchup 9"},
            "pacer: there is no option 9 for phase-a (it has ",
        ),
        (
            {"phase-a": "later"},
            ": the decision for phase-a must be keep, catchup N, {catchup: N} or"
            " {move: YYYY-MM-DD, reason: TEXT}",
        ),
        ({"phase-x": "keep"}, ": unknown milestone 'phase-x'; did you mean 'phase-d'?"),
        (
            {"year-end": "keep"},
            "pacer: year-end did not slip in 2026-W10: there is nothing to decide for it"
            " (to decide: listening-p1, phase-a, ",
        ),
    ]
    for given, error in cases:
        run = send(pacer, ANSWERS | {"decisions": keep | given})
        assert run.code == 1, given
        # listed, alone, in the one refusal (the other decisions are fine)
        lines = run.err.splitlines()
        assert lines[0].endswith("is not complete; nothing was saved. To correct:"), run.err
        assert lines[1].startswith("  - ") and error.removeprefix("pacer: ") in lines[1], run.err
        assert lines[2].startswith("Answer each prompt"), run.err
    nothing_written(pacer)


def test_the_berlin_plan_needs_its_answers_and_decisions(pacer: Pacer, other_plan: Path) -> None:
    plan = ("--plan", str(other_plan))
    empty = send(pacer, {}, *plan, env=BERLIN)
    assert empty.code == 1
    prompts, milestones = missing_of(empty)
    assert prompts == ["next"]  # `good` is filled in, `mock` is optional
    assert milestones == ["exam"]  # past its due date, nothing logged
    nothing_written(pacer, *plan, env=BERLIN)
    complete = {
        "next": "Swap a shift",
        "mock": "72",
        "decisions": dict.fromkeys(milestones, "keep"),
    }
    run = send(pacer, complete, *plan, env=BERLIN)
    assert run.code == 0, run.err
    assert weeks(pacer, *plan, env=BERLIN) == ["2026-W21"]
    values = pacer(*plan, "metric", "show", "mock-score", "--json", env=BERLIN).json()
    assert [(v["date"], v["value"]) for v in values["values"]] == [("2026-05-24", 72)]
    shown = pacer(*plan, "review", "--show", "--json", env=BERLIN).json()
    assert [d["milestone"] for d in shown["decisions"]] == milestones
    good = next(a for a in shown["answers"] if a["id"] == "good")["text"]
    assert good  # minutes per track and habits, filled in by pacer


def test_today_leads_with_the_review_until_it_is_done(pacer: Pacer, other_plan: Path) -> None:
    before = pacer("today", env=SUNDAY)
    assert before.out.splitlines()[1] == (
        "  ! first: the weekly review for 2026-W10 — answer its prompts and decide each milestone"
        " that slipped: run 'pacer review'"
    )
    assert "  ! weekly review" not in before.out  # said once, first
    zh = pacer("today", env=SUNDAY, lang="zh")
    assert zh.out.splitlines()[1] == (
        "  ! 先做 2026-W10 的周复盘：回答提问，并为每个推迟的里程碑做决定。运行 'pacer review'"
    )
    berlin = pacer("--plan", str(other_plan), "today", env=BERLIN)
    assert berlin.out.splitlines()[1].startswith("  ! first: the weekly review for 2026-W21 — ")
    decisions = dict.fromkeys(SLIPPED_W10, "keep")
    assert send(pacer, ANSWERS | {"decisions": decisions}).code == 0
    after = pacer("today", env=SUNDAY)
    assert "first:" not in after.out


# -- one refusal lists every problem at once --------------------------------------------------
MONDAY_W09 = {"PACER_NOW": "2026-03-02T22:50:00+08:00"}  # the review of 2026-W09 is due
FLAWED_W09 = """\
well: 还行
decisions:
  phase-a: {move: 2026-04-15}
  blog-1: {catchup: 9}
  phase-x: keep
  vlm-finetune: later
"""


def test_one_refusal_lists_every_bad_decision_and_everything_missing(
    pacer: Pacer, tmp_path: Path
) -> None:
    # In use since week 9 began (the database made then): its review is due on Monday.
    assert pacer("today", env={"PACER_NOW": "2026-02-23T20:00:00+08:00"}).code == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text(FLAWED_W09, encoding="utf-8")
    run = pacer("review", "--answers", str(answers), env=MONDAY_W09)
    assert (run.code, run.out) == (1, "")
    lines = run.err.splitlines()
    assert (
        lines[0] == "pacer: the review for 2026-W09 is not complete; nothing was saved. To correct:"
    )
    wrong = lines[1 : lines.index("Missing:")]
    assert wrong == [
        f"  - {answers}:5:3: unknown milestone 'phase-x'; did you mean 'phase-d'?",
        f"  - {answers}:6:17: the decision for vlm-finetune must be keep, catchup N,"
        " {catchup: N} or {move: YYYY-MM-DD, reason: TEXT}",
        "  - moving the due date of phase-a needs a reason: {move: YYYY-MM-DD, reason: TEXT}",
        "  - there is no option 9 for blog-1 (it has 3); run 'pacer catchup blog-1' to see them",
    ]
    # the bad decisions are not listed again as missing; the rest is
    assert missing_of(run) == (["stuck", "adjust", "listening"], ["listening-p1"])
    assert lines[-1].startswith("Answer each prompt, and decide each milestone under decisions:")
    zh = pacer("review", "--answers", str(answers), env=MONDAY_W09, lang="zh")
    assert zh.code == 1
    zh_lines = zh.err.splitlines()
    assert zh_lines[0] == "pacer: 2026-W09 的周复盘还不完整，没有保存。需要改正："
    assert "  - blog-1 没有方案 9（共 3 个）；运行 'pacer catchup blog-1' 查看" in zh_lines
    assert "缺少：" in zh_lines
    assert "  - 回答 stuck：卡住的地方在哪里？" in zh_lines
    nothing_written(pacer, env=MONDAY_W09)


def test_the_berlin_refusal_lists_every_problem_at_once(pacer: Pacer, other_plan: Path) -> None:
    plan = ("--plan", str(other_plan))
    run = send(pacer, {"mock": "lots", "decisions": {"exam": {"catchup": 9}}}, *plan, env=BERLIN)
    assert (run.code, run.out) == (1, "")
    lines = run.err.splitlines()
    assert lines[0].endswith("is not complete; nothing was saved. To correct:")
    assert lines[1].startswith("  - the answer to mock is a value of the metric mock-score: ")
    assert lines[2].startswith("  - there is no option 9 for exam (it has ")
    assert missing_of(run) == (["next"], [])
    text = json.dumps({"decisions": {"exam": {"move": "2026-06-30"}}})
    zh = pacer(*plan, "review", "--answers", "-", stdin=text, env=BERLIN, lang="zh")
    assert zh.code == 1
    assert zh.err.splitlines()[1:] == [
        "  - 修改 exam 的截止日期需要说明原因：{move: YYYY-MM-DD, reason: 原因}",
        "缺少：",
        "  - 回答 next：What changes next week?",
        zh.err.splitlines()[-1],
    ]
    assert "decisions:" in zh.err.splitlines()[-1]
    nothing_written(pacer, *plan, env=BERLIN)
