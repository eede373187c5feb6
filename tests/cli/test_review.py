"""`pacer review` end to end: the installed command in a subprocess, real SQLite files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.cli.review import ask
from pacer.plan.model import ReviewPrompt
from tests.helpers import PACER, ROOT, Run, complete_review, missing_of

Pacer = Callable[..., Run]
GOLDEN = ROOT / "tests" / "golden" / "review-2026-W10.md"
SUNDAY = {"PACER_NOW": "2026-03-08T21:00:00+08:00"}  # the review day of 2026-W10
MONDAY = {"PACER_NOW": "2026-03-09T12:00:00+08:00"}  # the conftest default
NOTICE = "weekly review for 2026-W10 is due: run 'pacer review'"
DUE = {"code": "notice.review_due", "text": NOTICE}  # the notice in `--json`
PROMPTS = ["done", "well", "stuck", "adjust", "blog", "listening"]  # the built-in plan's

ANSWERS_YAML = """\
done: |
  看完 18.06 向量一讲。
  画了等高线。
well: 每天都听了 podcast
stuck: 出差三天，周末深度块没了
adjust: 下周出差：只听 20 分钟
listening: 60
"""


def stored(pacer: Pacer, week: str = "2026-W10") -> dict[str, str]:
    run = pacer("review", "--show", "--week", week, "--format", "json")
    assert run.code == 0, run.err
    return {a["id"]: a["text"] for a in run.json()["answers"]}


def weeks(pacer: Pacer) -> list[str]:
    return [r["week"] for r in pacer("review", "--list", "--json").json()["reviews"]]


# -- the notice in `today` -------------------------------------------------------------------------
def test_the_notice_shows_on_sunday_until_the_review_is_written(pacer: Pacer) -> None:
    before = pacer("today", "--date", "2026-03-08", env=SUNDAY)
    assert before.code == 0, before.err
    # the notice leads the day (the first line under its heading) until the review is done
    assert before.out.splitlines()[1].startswith(
        "  ! first: the weekly review for 2026-W10 — answer its prompts"
    )
    day = pacer("today", "--date", "2026-03-08", "--json", env=SUNDAY).json()
    assert day["notices"] == [DUE]

    wrote = complete_review(pacer, "review", "--answers", "-", stdin="well: 周日写完\n", env=SUNDAY)
    assert wrote.code == 0, wrote.err
    assert "saved the weekly review for 2026-W10" in wrote.out

    after = pacer("today", "--date", "2026-03-08", env=SUNDAY)
    assert after.code == 0, after.err
    assert "weekly review" not in after.out
    assert pacer("today", "--date", "2026-03-08", "--json", env=SUNDAY).json()["notices"] == []
    # On Monday the due week is still 2026-W10: done, so no notice either.
    assert pacer("today", "--json", env=MONDAY).json()["notices"] == []


def test_a_new_user_is_not_asked_to_review_a_week_before_they_began(pacer: Pacer) -> None:
    """The first run, on Saturday 14 March: week 10 was over before pacer was used, so no
    review of it is due — until something is logged for a day in it."""
    saturday = {"PACER_NOW": "2026-03-14T09:00:00+08:00"}
    first = pacer("today", "--json", env=saturday).json()
    assert [n["code"] for n in first["notices"] if n["code"].startswith("notice.review")] == []
    assert "weekly review" not in pacer("today", env=saturday).out
    assert pacer("log", "30", "english", "--date", "2026-03-05", env=saturday).code == 0
    again = pacer("today", "--json", env=saturday).json()
    assert again["notices"] == [DUE]


def test_the_notice_names_the_previous_week_from_monday_to_saturday(pacer: Pacer) -> None:
    saturday = {"PACER_NOW": "2026-03-14T09:00:00+08:00"}
    # In use since week 9 (a day of it logged): its review and week 10's were due in turn.
    assert pacer("log", "20", "english", "--date", "2026-02-26", env=saturday).code == 0
    day = pacer("today", "--json", env=saturday).json()
    assert day["notices"] == [DUE]
    zh = pacer("today", env=saturday, lang="zh")
    assert zh.out.splitlines()[1].startswith("  ! 先做 2026-W10 的周复盘：回答提问，并为每个推迟的")
    # A past day whose week is not the one due today says which week to pass.
    past = pacer("today", "--date", "2026-03-03", "--json", env=saturday).json()
    assert past["notices"] == [
        {
            "code": "notice.review_due_week",
            "text": "weekly review for 2026-W09 is due: run 'pacer review --week 2026-W09'",
        }
    ]


@pytest.mark.parametrize(
    "day",
    ["2026-02-09", "2026-02-14", "2026-03-15"],
    ids=["first-monday", "first-saturday", "a-day-still-ahead"],
)
def test_no_notice_before_the_plans_first_review_day_or_on_days_ahead(
    pacer: Pacer, day: str
) -> None:
    run = pacer("today", "--date", day, "--json", env=MONDAY)
    assert run.code == 0, run.err
    assert not any("weekly review" in n["text"] for n in run.json()["notices"])


def test_the_first_review_day_of_the_plan_has_the_notice(pacer: Pacer) -> None:
    # In use from the plan's first week on (a day of it logged).
    assert pacer("log", "20", "english", "--date", "2026-02-10", env=MONDAY).code == 0
    day = pacer("today", "--date", "2026-02-15", "--json", env=MONDAY).json()
    assert day["notices"] == [
        {
            "code": "notice.review_due_week",
            "text": "weekly review for 2026-W07 is due: run 'pacer review --week 2026-W07'",
        }
    ]


# -- a review day that is a workday --------------------------------------------------------------
MOVED_W38 = (
    "the weekly review of 2026-W38 is on this day: 2026-09-20, its usual day, "
    "is a makeup workday this week"
)


def test_a_makeup_workday_sunday_has_its_review_on_the_saturday(pacer: Pacer) -> None:
    """2026-09-20 is a Sunday worked for the National Day (调休): the week's mandatory review
    is on Saturday 09-19, says so there, and can be written from that day on."""
    saturday = {"PACER_NOW": "2026-09-19T20:00:00+08:00"}
    day = pacer("today", "--json", env=saturday).json()
    assert (day["date"], day["template"]) == ("2026-09-19", "deep")
    assert [b["title"] for b in day["blocks"] if b["type"] == "ritual"] == ["周复盘（强制）"]
    assert day["notices"] == [
        {"code": "notice.review_moved", "text": MOVED_W38},
        {
            "code": "notice.review_due",
            "text": "weekly review for 2026-W38 is due: run 'pacer review'",
        },
    ]
    sunday = pacer("today", "--date", "2026-09-20", "--json", env=saturday).json()
    assert (sunday["reason"], sunday["template"]) == ("makeup", "workday")
    assert not [b for b in sunday["blocks"] if b["type"] == "ritual"]
    zh = pacer("today", env=saturday, lang="zh")
    assert "2026-W38 的周复盘改在今天：平时复盘的 2026-09-20 这周是调休上班" in zh.out
    wrote = complete_review(
        pacer, "review", "--answers", "-", stdin="well: 周六复盘\n", env=saturday
    )
    assert wrote.code == 0, wrote.err
    assert "saved the weekly review for 2026-W38" in wrote.out
    friday = {"PACER_NOW": "2026-09-18T20:00:00+08:00"}
    early = pacer("review", "--week", "2026-W39", "--answers", "-", stdin="{}", env=friday)
    assert early.err == "pacer: the review for 2026-W39 is not due until 2026-09-27\n"


def test_a_shift_on_the_nurses_sunday_moves_her_retro_to_saturday(
    pacer: Pacer, other_plan: Path, tmp_path: Path
) -> None:
    text = other_plan.read_text(encoding="utf-8").replace(
        "calendar:\n  country: DE\n",
        "calendar:\n  country: DE\n  overrides:\n    - {date: 2026-03-08, template: shift}\n",
    )
    plan = tmp_path / "nurse.yaml"
    plan.write_text(text, encoding="utf-8")
    env = {"PACER_TZ": "Europe/Berlin", "PACER_NOW": "2026-03-07T20:00:00+01:00"}
    day = pacer("--plan", str(plan), "today", "--json", env=env).json()
    assert [b["title"] for b in day["blocks"] if b["type"] == "ritual"] == ["Weekly retro"]
    assert day["notices"] == [
        {
            "code": "notice.review_moved",
            "text": "the weekly review of 2026-W10 is on this day: 2026-03-08, its usual day, "
            "is a plan override this week",
        },
        DUE,
    ]
    wrote = complete_review(pacer, "--plan", str(plan), "review", "--answers", "-", env=env)
    assert wrote.code == 0, wrote.err
    # the unchanged plan: Saturday is not the review's day, nothing is due yet that week
    plain = pacer("--plan", str(other_plan), "today", "--json", env=env).json()
    assert not [n for n in plain["notices"] if "2026-W10" in n["text"]]


# -- writing ---------------------------------------------------------------------------------------
def decided(pacer: Pacer, path: Path, text: str = ANSWERS_YAML) -> Path:
    """The answers file, with `keep` for each milestone that slipped that week."""
    path.write_text(text, encoding="utf-8")
    _, milestones = missing_of(pacer("review", "--answers", str(path)))
    keep = "".join(f"  {m}: keep\n" for m in milestones)
    path.write_text(text + "decisions:\n" + keep, encoding="utf-8")
    return path


def test_answers_from_a_file_are_stored_with_the_facts(pacer: Pacer, tmp_path: Path) -> None:
    assert pacer("log", "60", "m1806-vectors", "--date", "2026-03-03").code == 0
    answers = decided(pacer, tmp_path / "answers.yaml")
    run = pacer("review", "--answers", str(answers))
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Weekly review 2026-W10 · 2026-03-02 – 2026-03-08"
    assert "      2026-03-03  向量：线性组合、点积与长度 [m1806-vectors]" in lines
    assert lines[-1] == "saved the weekly review for 2026-W10"
    assert stored(pacer) == {
        "done": "看完 18.06 向量一讲。\n画了等高线。",
        "well": "每天都听了 podcast",
        "stuck": "出差三天，周末深度块没了",
        "adjust": "下周出差：只听 20 分钟",
        "blog": "",
        "listening": "60",
    }
    shown = pacer("review", "--show", "--json").json()
    assert set(shown) == {
        "week",
        "start",
        "end",
        "created_at",
        "updated_at",
        "facts",
        "answers",
        "decisions",
    }
    assert (shown["week"], shown["start"], shown["end"]) == ("2026-W10", "2026-03-02", "2026-03-08")
    assert [a["id"] for a in shown["answers"]] == PROMPTS
    assert shown["answers"][0]["prompt"] == "本周完成了什么？"
    facts = shown["facts"]
    assert set(facts) == {
        "week",
        "start",
        "end",
        "tracks",
        "habits",
        "finished",
        "milestones",
        "trips",
        "ritual",
        "plan_changes",
    }
    assert facts["plan_changes"] == []  # the plan was not changed that week
    math = next(t for t in facts["tracks"] if t["id"] == "math")
    assert math == {"id": "math", "title": "数学", "planned": 390, "done": 60}
    assert facts["finished"] == [
        {
            "unit": "m1806-vectors",
            "title": "向量：线性组合、点积与长度",
            "track": "math",
            "date": "2026-03-03",
        }
    ]


def test_answers_as_json_from_stdin(pacer: Pacer) -> None:
    answers = json.dumps({"adjust": "下周出差：只听 20 分钟", "blog": None}, ensure_ascii=False)
    run = complete_review(
        pacer, "review", "--week", "2026-02-25", "--answers", "-", stdin=answers
    )  # a day of W09
    assert run.code == 0, run.err
    assert run.out.splitlines()[0].startswith("Weekly review 2026-W09 · 2026-02-23")
    answers = stored(pacer, "2026-W09")
    assert (answers["adjust"], answers["blog"]) == ("下周出差：只听 20 分钟", "")
    # `done` is filled in by pacer (minutes per track, habits kept): not sent, not empty
    assert answers["done"].splitlines()[0] == "数学: 0 min done of 90 min planned"


def test_edit_changes_only_the_answers_given(pacer: Pacer, tmp_path: Path) -> None:
    answers = decided(pacer, tmp_path / "a.yaml")
    assert pacer("review", "--answers", str(answers)).code == 0
    later = {"PACER_NOW": "2026-03-10T08:00:00+08:00"}
    run = complete_review(
        pacer,
        "review",
        "--edit",
        "--answers",
        "-",
        stdin="stuck: 周末补上\nblog: 写出差清单\n",
        env=later,
    )
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == "updated the weekly review for 2026-W10"
    assert stored(pacer) == {
        "done": "看完 18.06 向量一讲。\n画了等高线。",
        "well": "每天都听了 podcast",
        "stuck": "周末补上",
        "adjust": "下周出差：只听 20 分钟",
        "blog": "写出差清单",
        "listening": "60",
    }
    listed = pacer("review", "--list", "--json").json()["reviews"]
    assert listed == [
        {
            "week": "2026-W10",
            "created_at": "2026-03-09T04:00:00+00:00",
            "updated_at": "2026-03-10T00:00:00+00:00",
        }
    ]


# -- --list ----------------------------------------------------------------------------------------
def test_list_json_shape_and_streak(pacer: Pacer) -> None:
    empty = pacer("review", "--list", "--json")
    assert empty.code == 0, empty.err
    assert empty.json() == {"reviews": [], "streak": 0}
    for week in ("2026-W07", "2026-W09", "2026-W10"):
        assert (
            complete_review(pacer, "review", "--week", week, "--answers", "-", stdin="{}").code == 0
        )
    listing = pacer("review", "--list", "--json").json()
    stamp = "2026-03-09T04:00:00+00:00"
    assert listing == {
        "reviews": [
            {"week": w, "created_at": stamp, "updated_at": stamp}
            for w in ("2026-W07", "2026-W09", "2026-W10")
        ],
        "streak": 2,  # W09 and W10; W08 has none
    }
    text = pacer("review", "--list")
    assert text.out.splitlines() == [
        "  2026-W07  written 2026-03-09 12:00",
        "  2026-W09  written 2026-03-09 12:00",
        "  2026-W10  written 2026-03-09 12:00",
        "streak: 2 weeks in a row, up to 2026-W10",
    ]
    # On the next review day 2026-W11 is due and not written: the streak is 0 until it is.
    sunday = {"PACER_NOW": "2026-03-15T20:00:00+08:00"}
    assert pacer("review", "--list", "--json", env=sunday).json()["streak"] == 0
    assert complete_review(pacer, "review", "--answers", "-", stdin="{}", env=sunday).code == 0
    assert pacer("review", "--list", "--json", env=sunday).json()["streak"] == 3


# -- --show ----------------------------------------------------------------------------------------
def golden_week(pacer: Pacer) -> None:
    """2026-W10 with a trip at its end, the habit on three days, two units finished."""
    steps = [
        ("trip", "add", "2026-03-06", "2026-03-08", "--note", "杭州 | 客户"),
        ("log", "30", "english", "--date", "2026-03-02"),
        ("log", "30", "english", "--date", "2026-03-03"),
        ("log", "20", "english", "--date", "2026-03-07"),
        ("log", "60", "m1806-vectors", "--date", "2026-03-03"),
        ("done", "en-sources", "--minutes", "20", "--date", "2026-03-04"),
    ]
    for step in steps:
        run = pacer(*step)
        assert run.code == 0, run.err
    run = complete_review(pacer, "review", "--answers", "-", stdin=ANSWERS_YAML)
    assert run.code == 0, run.err


def test_show_markdown_matches_the_golden_file(pacer: Pacer, tmp_path: Path) -> None:
    golden_week(pacer)
    out = tmp_path / "review.md"
    run = pacer("review", "--show", "--week", "2026-W10", "--format", "md", "-o", str(out))
    assert run.code == 0, run.err
    assert run.out == f"wrote {out}\n"
    if os.environ.get("PACER_WRITE_GOLDEN"):
        GOLDEN.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    printed = pacer("review", "--show", "--format", "md")
    assert printed.out == GOLDEN.read_text(encoding="utf-8")
    # Exporting again is refused, then replaces the file with --force; a .json name picks the
    # JSON format.
    refused = pacer("review", "--show", "--format", "md", "-o", str(out))
    assert (refused.code, refused.err) == (
        1,
        f"pacer: {out} already exists; add --force to replace it\n",
    )
    assert pacer("review", "--show", "--format", "md", "-o", str(out), "--force").code == 0
    as_json = tmp_path / "review.json"
    assert pacer("review", "--show", "-o", str(as_json)).code == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["week"] == "2026-W10"


def test_show_text_lists_the_facts_and_every_answer(pacer: Pacer) -> None:
    golden_week(pacer)
    run = pacer("review", "--show")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Weekly review 2026-W10 · 2026-03-02 – 2026-03-08"
    assert "      英语 (english)  kept 3 of 7 days · 180 min planned, 80 min done" in lines
    assert "      周复盘（强制） (review)  kept 0 of 1 day · 30 min planned, 0 min done" in lines
    assert "      2026-03-06 → 2026-03-08  杭州 | 客户" in lines
    answers = lines[lines.index("Answers:") : lines.index("Decisions:") - 1]
    assert answers[:4] == [
        "Answers:",
        "  ? 本周完成了什么？",
        "      看完 18.06 向量一讲。",
        "      画了等高线。",
    ]
    assert answers[-4:] == [
        "  ? 本周有哪些博客素材？",
        "      (no answer)",
        "  ? 本周技术听力大概听懂了多少（%）？",
        "      60",
    ]
    assert lines[lines.index("Decisions:") :] == [
        "Decisions:",
        "  listening-p1  keep",
        "  phase-a  keep",
        "  blog-1  keep",
    ]


# -- errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (
            ("--week", "2026-W60", "--answers", "-"),
            "{}",
            "'2026-W60' is not an ISO week; write YYYY-Www (e.g. 2026-W10) or a date in the week",
        ),
        (
            (),
            "",
            "no terminal to ask the prompts on: pass --answers FILE (YAML or JSON), "
            "or --answers - to read them from stdin",
        ),
        (
            ("--week", "2026-W06", "--answers", "-"),
            "{}",
            "2026-W06 is before the plan starts (2026-02-09); there is nothing to review",
        ),
        (
            ("--week", "2026-W11", "--answers", "-"),
            "{}",
            "the review for 2026-W11 is not due until 2026-03-15",
        ),
        (
            ("--answers", "-"),
            "- a list\n",
            "<stdin>:1:1: the answers must be a mapping of prompt id to text (e.g. done: ...)",
        ),
        (("--list", "--edit"), "", "--edit cannot go with --list"),
        (("--format", "md"), "", "--format only goes with --show"),
        (
            ("--show",),
            "",
            "there is no review for 2026-W10; write it with 'pacer review --week 2026-W10'",
        ),
    ],
    ids=[
        "bad-week",
        "no-terminal",
        "before-the-plan",
        "not-due",
        "not-a-mapping",
        "list-edit",
        "format-without-show",
        "show-nothing",
    ],
)
def test_errors_are_one_line_and_store_nothing(
    pacer: Pacer, args: tuple[str, ...], stdin: str, error: str
) -> None:
    run = pacer("review", *args, stdin=stdin)
    assert run.code == (2 if "is not an ISO week" in error else 1)  # bad input: EX_USAGE
    lines = [line for line in run.err.splitlines() if "built-in 2026 plan" not in line]
    assert lines == [f"pacer: {error}"]
    assert run.out == ""
    assert weeks(pacer) == []


def test_a_wrong_prompt_id_or_answer_is_listed_with_everything_missing(pacer: Pacer) -> None:
    """A prompt the plan does not have, an answer that is not text: said in the one refusal,
    beside the rest of what is missing (not one problem a run)."""
    run = pacer("review", "--answers", "-", stdin="wel: typo\nzzz: ok\ndone: [a, b]\n")
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if "built-in 2026 plan" not in line]
    assert lines[:4] == [
        "pacer: the review for 2026-W10 is not complete; nothing was saved. To correct:",
        "  - <stdin>:1:1: unknown prompt id 'wel'; did you mean 'well'?",
        "  - <stdin>:2:1: unknown prompt id 'zzz'; the plan's prompts are: "
        "done, well, stuck, adjust, blog, listening",
        "  - <stdin>:3:7: the answer to 'done' must be text, not a list or mapping",
    ]
    assert lines[4] == "Missing:"
    assert missing_of(run)[0] == ["well", "stuck", "adjust", "listening"]  # not `done` again
    assert run.out == ""
    assert weeks(pacer) == []


def test_an_answers_file_that_cannot_be_read(pacer: Pacer, tmp_path: Path) -> None:
    run = pacer("review", "--answers", str(tmp_path / "missing.yaml"))
    assert run.code == 1
    assert (
        run.err.splitlines()[-1]
        == f"pacer: cannot read {tmp_path / 'missing.yaml'}: No such file or directory"
    )


def test_an_existing_review_is_not_overwritten_without_edit(pacer: Pacer) -> None:
    assert complete_review(pacer, "review", "--answers", "-", stdin="well: first\n").code == 0
    run = pacer("review", "--answers", "-", stdin="well: second\n")
    assert run.code == 1
    assert (
        run.err.splitlines()[-1]
        == "pacer: the review for 2026-W10 already exists; add --edit to change it"
    )
    assert run.out == ""
    assert stored(pacer)["well"] == "first"


# -- on a terminal ---------------------------------------------------------------------------------
def run_on_terminal(
    home: Path,
    args: tuple[str, ...],
    typed: str,
    *,
    env: dict[str, str] | None = None,
    lang: str = "en",
) -> Run:
    """Run `pacer` with a pseudo-terminal as stdin, typing `typed` (then end of input)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    full |= {"PACER_HOME": str(home), "PACER_TZ": "Asia/Shanghai"} | MONDAY | (env or {})
    full["LANG"] = "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"
    env = full
    main, secondary = pty.openpty()
    try:
        proc = subprocess.Popen(
            [str(PACER), *args],
            stdin=secondary,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        os.write(main, (typed + "\x04").encode("utf-8"))
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(main)
        os.close(secondary)
    return Run(proc.returncode, out, err)


def test_interactive_review_on_a_terminal(pacer: Pacer, home: Path) -> None:
    answers = "看完向量一讲\n画了等高线\n\n听力每天都做了\n\n周末没时间\n\n下周早起\n\n\n70\n\n"
    # then a decision for each of the five milestones that slipped that week (nothing logged:
    # now projected after their due dates)
    decisions = "不知道\nkeep\n" + "keep\n" * 4
    run = run_on_terminal(home, ("review",), answers + decisions)
    assert run.code == 0, run.err
    assert "Answer each prompt; an empty line ends an answer." in run.out
    assert "? 本周完成了什么？" in run.out
    assert "  pacer filled this in (an empty line keeps it):\n    数学: 0 min done of" in run.out
    assert "Decide each milestone that slipped: keep, catchup N" in run.out
    assert "? listening-p1  2026-03-14 → 2026-03-21  英语听力 Phase 1（1–2 月）\n" in run.out
    assert "  option 1: put the units of listening-p1 first from 2026-03-09" in run.out
    assert "  not understood: write keep, catchup N or move YYYY-MM-DD REASON\n" in run.out
    # stdout is a pipe here, so the typed lines' echo (and newline) is not in it.
    assert run.out.endswith("      multivariable  keep\nsaved the weekly review for 2026-W10\n")
    assert stored(pacer) == {
        "done": "看完向量一讲\n画了等高线",
        "well": "听力每天都做了",
        "stuck": "周末没时间",
        "adjust": "下周早起",
        "blog": "",
        "listening": "70",
    }


def test_an_interactive_review_left_undecided_is_refused(pacer: Pacer, home: Path) -> None:
    """End of input before every milestone is decided: nothing is saved."""
    typed = "一\n\n二\n\n三\n\n四\n\n\n70\n\nkeep\n"
    run = run_on_terminal(home, ("review",), typed)
    assert run.code == 1
    assert "pacer: the review for 2026-W10 is not complete; nothing was saved." in run.err
    assert "  - a decision for phase-a (" in run.err
    assert "a decision for listening-p1" not in run.err
    assert weeks(pacer) == []


def test_interactive_edit_shows_and_keeps_previous_answers(pacer: Pacer, home: Path) -> None:
    assert complete_review(pacer, "review", "--answers", "-", stdin=ANSWERS_YAML).code == 0
    # Keep done and well, rewrite stuck, keep the rest.
    run = run_on_terminal(home, ("review", "--edit"), "\n\n已解决\n\n\n\n\n")
    assert run.code == 0, run.err
    assert "An empty reply keeps the previous answer." in run.out
    assert "  previous answer:\n    看完 18.06 向量一讲。\n    画了等高线。\n" in run.out
    assert run.out.endswith("> updated the weekly review for 2026-W10\n")
    assert stored(pacer) == {
        "done": "看完 18.06 向量一讲。\n画了等高线。",
        "well": "每天都听了 podcast",
        "stuck": "已解决",
        "adjust": "下周出差：只听 20 分钟",
        "blog": "",
        "listening": "60",
    }


def test_ask_ends_an_answer_at_an_empty_line_and_keeps_old_ones_when_editing() -> None:
    prompts = (
        ReviewPrompt("a", "A?"),
        ReviewPrompt("b", "B?", optional=True),
        ReviewPrompt("c", "C?", optional=True),
    )
    typed = iter(["one", "two  ", "", "", "  "])
    shown: list[str] = []

    def read(prompt: str) -> str:
        shown.append(prompt)
        return next(typed)

    assert ask(prompts, None, read, shown.append) == {"a": "one\ntwo", "b": "", "c": ""}
    typed = iter(["", "new", ""])  # then end of input: the rest keeps its answer too

    def read_then_eof(prompt: str) -> str:
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    out: list[str] = []
    assert ask(prompts, {"a": "old a", "c": "old c"}, read_then_eof, out.append) == {"b": "new"}
    assert "    old a" in out and "    old c" in out
    assert "? A? (required)" in out and "? B?" in out


# -- a terminal review asks again instead of refusing at the end -------------------------------
BERLIN = {"PACER_TZ": "Europe/Berlin", "PACER_NOW": "2026-05-24T20:00:00+02:00"}


def test_a_terminal_review_asks_again_for_what_it_needs(pacer: Pacer, home: Path) -> None:
    typed = (
        "\n"  # done: keeps what pacer filled in
        "\n"  # well: required, asked again
        "好\n\n卡\n\n调\n\n"
        "\n"  # blog: optional
        "很多\n\n70\n\n"  # listening: a metric's value, asked again
        "catchup 9\nmove 2026-04-30\nkeep\n" + "keep\n" * 4  # listening-p1: asked again twice
    )
    run = run_on_terminal(home, ("review",), typed)
    assert run.code == 0, run.err
    out = run.out.splitlines()
    assert "? 做得好的是什么？ (required)\n" in run.out
    assert "? 本周有哪些博客素材？\n" in run.out  # optional: not marked
    assert "  an answer is required here: write at least one line\n" in run.out
    assert "  the answer to listening is a value of the metric listening: " in run.out
    assert (
        "  there is no option 9 for listening-p1 (it has 2); run 'pacer catchup listening-p1'"
        " to see them\n"
    ) in run.out
    assert (
        "  moving the due date of listening-p1 needs a reason: move 2026-04-30 REASON\n" in run.out
    )
    assert out[-1] == "saved the weekly review for 2026-W10"
    assert stored(pacer)["well"] == "好"
    assert stored(pacer)["listening"] == "70"


def test_end_of_input_on_a_terminal_says_what_is_missing(pacer: Pacer, home: Path) -> None:
    run = run_on_terminal(home, ("review",), "\n\n")  # done kept, well empty, then Ctrl-D
    assert run.code == 1
    lines = run.err.splitlines()
    assert "pacer: the review for 2026-W10 is not complete; nothing was saved. Missing:" in lines
    assert missing_of(run) == (
        ["well", "stuck", "adjust", "listening"],
        ["listening-p1", "phase-a", "blog-1", "vlm-finetune", "multivariable"],
    )
    assert lines[-1] == (
        "Run 'pacer review' again to answer each prompt marked (required) and decide each"
        " milestone listed."
    )
    assert "decisions:" not in run.err
    assert weeks(pacer) == []
    zh = run_on_terminal(home, ("review",), "\n\n", lang="zh")
    assert zh.code == 1
    assert "? 做得好的是什么？（必答）\n" in zh.out
    assert "  此问必答：请至少写一行\n" in zh.out
    assert zh.err.splitlines()[-1] == (
        "请再次运行 'pacer review'，回答标有（必答）的提问，并为列出的每个里程碑做决定。"
    )
    assert "decisions:" not in zh.err


def test_a_terminal_review_on_the_berlin_plan(pacer: Pacer, home: Path, other_plan: Path) -> None:
    plan = ("--plan", str(other_plan))
    typed = "\n" + "\nSwap a shift\n\n" + "lots\n\n72\n\n" + "catchup 9\nkeep\n"
    run = run_on_terminal(home, (*plan, "review"), typed, env=BERLIN)
    assert run.code == 0, run.err
    out = run.out.splitlines()
    assert "? What changes next week? (required)\n" in run.out
    assert "? Mock exam score this week (%)?\n" in run.out
    assert "  an answer is required here: write at least one line\n" in run.out
    assert "  the answer to mock is a value of the metric mock-score: " in run.out
    assert "  there is no option 9 for exam (it has " in run.out
    assert out[-1] == "saved the weekly review for 2026-W21"
    ended = run_on_terminal(home, (*plan, "review", "--week", "2026-W21"), "\n\n", env=BERLIN)
    assert ended.code == 1 and "already" in ended.err  # the week is saved; asked nothing
    zh = run_on_terminal(tmp_home(home), (*plan, "review"), "\n", env=BERLIN, lang="zh")
    assert zh.code == 1
    assert "? What changes next week?（必答）\n" in zh.out
    assert "  - 回答 next：What changes next week?" in zh.err.splitlines()
    assert "  - 对 exam（" in zh.err
    assert zh.err.splitlines()[-1].startswith("请再次运行 'pacer review'")


def tmp_home(home: Path) -> Path:
    other = home.parent / "home-zh"
    other.mkdir(exist_ok=True)
    return other
