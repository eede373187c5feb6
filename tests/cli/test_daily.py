"""The daily commands end to end: the installed `pacer` in a subprocess, real SQLite files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.model import Month
from tests.helpers import Run, example_plan_text

DAY_KEYS = {
    "date",
    "weekday",
    "template",
    "template_title",
    "reason",
    "holiday",
    "trip",
    "blocks",
    "logged",
    "notices",
}
BLOCK_KEYS = {"id", "type", "track", "minutes", "max", "title", "items", "steps"}
ITEM_KEYS = {"unit", "title", "minutes", "track", "kind", "curriculum", "prompts"}

Pacer = Callable[..., Run]


@pytest.fixture
def example(write_plan: Callable[[str], Path]) -> Path:
    return write_plan(example_plan_text())


LATER = {"PACER_NOW": "2026-11-29T09:00:00+08:00"}  # the plan's March is in the past
BEFORE = {"PACER_NOW": "2026-02-01T09:00:00+08:00"}  # the whole plan is ahead


@pytest.mark.parametrize("now", [LATER, BEFORE], ids=["planned-past-day", "projected-day"])
def test_today_on_a_march_workday_gives_the_english_habit_and_a_march_unit(
    pacer: Pacer, now: dict[str, str]
) -> None:
    from pacer.plan.loader import load_plan_file

    run = pacer("today", "--date", "2026-03-10", "--json", env=now)
    assert run.code == 0, run.err
    assert "built-in 2026 plan" in run.err  # the one-line notice, on stderr only
    day = run.json()
    assert set(day) >= DAY_KEYS
    assert (day["date"], day["template"], day["reason"], day["trip"]) == (
        "2026-03-10",
        "workday",
        "weekday",
        None,
    )
    habit, work = day["blocks"][0], day["blocks"][1]
    assert (habit["type"], habit["track"], habit["minutes"]) == ("habit", "english", 30)
    assert [s["minutes"] for s in habit["steps"]] == [15, 10, 5]
    assert habit["steps"][2]["max"] == 10
    assert (work["type"], work["minutes"]) == ("work", 60)
    assert work["items"], "the work block names concrete units"
    assert sum(i["minutes"] for i in work["items"]) <= 60
    plan = load_plan_file(builtin_plan_path())
    for item in work["items"]:
        assert set(item) >= ITEM_KEYS
        curriculum = plan.curriculum(item["curriculum"])
        assert curriculum.start <= Month(2026, 3) <= curriculum.end
        assert plan.unit(item["unit"]).title == item["title"]


def test_a_trip_turns_the_day_into_twenty_minutes_of_listening(pacer: Pacer) -> None:
    added = pacer("trip", "add", "2026-03-09", "2026-03-20", "--note", "深圳")
    assert added.code == 0, added.err
    assert "2026-03-09 → 2026-03-20 (12 days)" in added.out
    day = pacer("today", "--date", "2026-03-10", "--json", env=LATER).json()
    assert day["reason"] == "trip"
    assert day["template"] == "travel"
    assert day["trip"] == {
        "id": 1,
        "start": "2026-03-09",
        "end": "2026-03-20",
        "note": "深圳",
        "kind": "travel",
        "tz": None,
    }
    assert [(b["type"], b["track"], b["minutes"]) for b in day["blocks"]] == [
        ("habit", "english", 20)
    ]
    text = pacer("today", "--date", "2026-03-10")
    assert "trip: day 2 of 12" in text.out


def test_the_built_in_plan_notice_is_for_first_steps(pacer: Pacer) -> None:
    """Shown until something is logged; after that, not on every command."""
    notice = "using the built-in 2026 plan"
    assert notice in pacer("trip", "list").err
    assert notice in pacer("log", "30", "english").err  # said as the first entry is written
    for args in (("today",), ("week",), ("status",), ("log", "10", "english")):
        run = pacer(*args)
        assert run.code == 0, run.err
        assert notice not in run.err, args
    assert pacer("undo").code == 0 and pacer("undo").code == 0
    assert notice in pacer("today").err  # an empty log again: first steps again


def test_the_log_of_the_day_names_targets_by_their_plan_titles(pacer: Pacer) -> None:
    for args in (("30", "english"), ("45", "m1801-improper-1", "-m", "ε-δ"), ("30", "review")):
        assert pacer("log", *args).code == 0
    out = pacer("today").out
    assert "英语 [english] 30 min" in out
    assert "反常积分：定义、收敛与发散 [m1801-improper-1] 45 min — ε-δ" in out
    assert "weekly review [review] 30 min" in out
    assert "周复盘 [review] 30 分钟" in pacer("today", "--lang", "zh").out


def test_makeup_workday_and_public_holiday(pacer: Pacer) -> None:
    sat = pacer("today", "--date", "2026-02-28", "--json").json()
    assert (sat["weekday"], sat["reason"], sat["template"]) == ("sat", "makeup", "workday")
    assert sat["holiday"]
    holiday = pacer("today", "--date", "2026-02-17", "--json").json()
    assert (holiday["reason"], holiday["template"]) == ("holiday", "holiday")
    zh = pacer("today", "--date", "2026-02-17", lang="zh")
    assert "法定节假日" in zh.out and "春节" in zh.out


def test_week_json_has_seven_days_of_the_iso_week(pacer: Pacer) -> None:
    run = pacer("week", "--date", "2026-03-11", "--json")
    assert run.code == 0, run.err
    week = run.json()
    assert set(week) == {"week", "days"}
    assert week["week"] == "2026-W11"
    assert [d["date"] for d in week["days"]] == [f"2026-03-{d:02d}" for d in range(9, 16)]
    assert [d["template"] for d in week["days"]] == ["workday"] * 5 + ["deep", "light"]
    for day in week["days"]:
        assert set(day) >= DAY_KEYS
        for block in day["blocks"]:
            assert set(block) >= BLOCK_KEYS
            assert sum(i["minutes"] for i in block["items"]) <= block["minutes"]
    sunday = week["days"][-1]
    assert any(b["type"] == "ritual" for b in sunday["blocks"])


def test_example_plan_fills_blocks_in_plan_order(pacer: Pacer, example: Path) -> None:
    week = pacer("--plan", str(example), "week", "--date", "2026-03-09", "--json").json()
    mon, tue = week["days"][0], week["days"][1]
    assert [(i["unit"], i["minutes"]) for i in mon["blocks"][1]["items"]] == [("calc-2", 60)]
    # calc-2's last 30 minutes, then its successor calc-3 (calc-1 is covered by the baseline).
    assert [(i["unit"], i["minutes"]) for i in tue["blocks"][1]["items"]] == [
        ("calc-2", 30),
        ("calc-3", 30),
    ]


def test_log_done_and_undo(pacer: Pacer, example: Path) -> None:
    p = ("--plan", str(example))
    on_11th = {"PACER_NOW": "2026-03-11T08:00:00+08:00"}  # the 10th is yesterday: it takes entries
    note = ("-m", "Lex Fridman")
    assert pacer(*p, "log", "30", "english", *note, "--date", "2026-03-10", env=on_11th).code == 0
    assert pacer(*p, "log", "1h", "calc-2", "--date", "2026-03-10", env=on_11th).code == 0
    day = pacer(*p, "today", "--date", "2026-03-10", "--json").json()
    assert day["logged"] == [
        {"target": "english", "minutes": 30, "note": "Lex Fridman", "done": False},
        {"target": "calc-2", "minutes": 60, "note": "", "done": False},
    ]
    # The next day starts from what was logged: 30 of calc-2's 90 minutes remain.
    nxt = pacer(*p, "today", "--json", env=on_11th).json()
    assert nxt["blocks"][1]["items"][0] == {**nxt["blocks"][1]["items"][0], "unit": "calc-2"}
    assert nxt["blocks"][1]["items"][0]["minutes"] == 30
    done = pacer(*p, "done", "calc-2", "--date", "2026-03-10", env=on_11th)
    assert done.code == 0 and "calc-2 is done" in done.out
    after = pacer(*p, "today", "--json", env=on_11th).json()
    assert after["blocks"][1]["items"][0]["unit"] == "calc-3"
    undone = pacer(*p, "undo")
    assert undone.code == 0 and "calc-2 marked done" in undone.out
    undone = pacer(*p, "undo")
    assert "undid: removed 60 min for calc-2 on 2026-03-10" in undone.out


TRAVEL = {"kind": "travel", "tz": None}  # a trip added without --kind or --tz


def test_trip_list_json_and_rm(pacer: Pacer) -> None:
    assert pacer("trip", "add", "2026-04-06", "2026-04-19").code == 0
    assert pacer("trip", "add", "2026-05-11", "2026-05-17", "--note", "上海").code == 0
    listing = pacer("trip", "list", "--json").json()
    assert listing == {
        "trips": [
            {"id": 1, "start": "2026-04-06", "end": "2026-04-19", "note": ""} | TRAVEL,
            {"id": 2, "start": "2026-05-11", "end": "2026-05-17", "note": "上海"} | TRAVEL,
        ]
    }
    assert pacer("trip", "rm", "1").code == 0
    assert [t["id"] for t in pacer("trip", "list", "--json").json()["trips"]] == [2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("today", "--date", "2026-02-30"), "'2026-02-30' is not a date; write YYYY-MM-DD"),
        (("log", "-5", "english"), "is not a duration"),
        (("log", "25h", "english"), "'25h' is outside 1 minute to 24 hours"),
        (("log", "30", "englsh"), "unknown target 'englsh'; did you mean 'english'?"),
        (("log", "30", "nothing-like-it"), "unknown target 'nothing-like-it'; use a unit id"),
        (("trip", "add", "2026-03-20", "2026-03-09"), "ends (2026-03-09) before it starts"),
        (("trip", "rm", "7"), "no trip 7"),
        (("trip", "rm", "x"), "'x' is not a trip id"),
        (("--plan", "/nonexistent/plan.yaml", "today"), "no plan file at /nonexistent/plan.yaml"),
        (("undo",), "nothing to undo: no recorded change is left"),
        (("done", "english"), "only units can be marked done"),
    ],
)
def test_bad_input_gets_one_clear_line(pacer: Pacer, args: tuple[str, ...], message: str) -> None:
    run = pacer(*args)
    assert run.code != 0
    lines = [line for line in run.err.splitlines() if "built-in 2026 plan" not in line]
    assert len(lines) == 1, run.err
    assert message in lines[0]
    assert "Traceback" not in run.err


def test_overlapping_trip_is_refused_and_nothing_written(pacer: Pacer) -> None:
    assert pacer("trip", "add", "2026-03-09", "2026-03-20").code == 0
    run = pacer("trip", "add", "2026-03-15", "2026-03-25")
    assert run.code == 1
    assert "overlaps trip 1" in run.err
    assert len(pacer("trip", "list", "--json").json()["trips"]) == 1


def test_day_cannot_hold_more_than_24_hours(pacer: Pacer) -> None:
    assert pacer("log", "23h", "english", "--date", "2026-03-08").code == 0
    run = pacer("log", "2h", "english", "--date", "2026-03-08")
    assert run.code == 1 and "would pass 1440 min" in run.err
    day = pacer("today", "--date", "2026-03-08", "--json").json()
    assert [e["minutes"] for e in day["logged"]] == [23 * 60]


def test_a_file_that_is_not_sqlite_is_refused_untouched(pacer: Pacer, tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_bytes(b"my precious notes\n")
    run = pacer("--db", str(db), "log", "30", "english")
    assert run.code == 1
    assert "is not a pacer database" in run.err
    assert db.read_bytes() == b"my precious notes\n"


def test_broken_plan_reports_every_problem_with_line_and_column(
    pacer: Pacer, write_plan: Callable[[str], Path], home: Path
) -> None:
    text = example_plan_text()
    text = text.replace('start: "21:00"', "start: 21:00")
    text = text.replace("min_chunk: 20", "min_chunck: 20")
    text = text.replace("due: 2026-03-31}", "due: 2026-02-30}")
    broken = write_plan(text)
    for args in (("plan", "check", str(broken)), ("--plan", str(broken), "today")):
        run = pacer(*args)
        assert run.code == 2
        lines = run.err.splitlines()
        assert len(lines) == 3, run.err
        assert all(line.startswith(f"{broken}:") for line in lines)
        assert "unknown key 'min_chunck' in plan; did you mean 'min_chunk'?" in lines[0]
        assert 'unquoted time 21:00 reads as a number; write it quoted: "21:00"' in lines[1]
        assert "2026-02-30 is not a real date" in lines[2]
        assert "Traceback" not in run.err
    assert not (home / "pacer.db").exists(), "nothing is written for a broken plan"


def test_init_writes_a_copy_and_refuses_to_overwrite(pacer: Pacer, home: Path) -> None:
    run = pacer("init")
    assert run.code == 0, run.err
    copy = home / "plan.yaml"
    assert copy.read_bytes() == builtin_plan_path().read_bytes()
    again = pacer("init")
    assert again.code == 1 and "already exists" in again.err
    check = pacer("plan", "check")
    assert check.code == 0 and ": ok" in check.out
    # With a plan in the data directory, the built-in notice is gone.
    assert "built-in" not in pacer("today", "--date", "2026-03-10").err


def test_plan_show_lists_phases_months_and_tracks(pacer: Pacer) -> None:
    run = pacer("plan", "show", lang="zh")
    assert run.code == 0, run.err
    assert "2026执行方案" in run.out
    for heading in ("方向", "阶段", "月计划"):
        assert heading in run.out
    for month in range(2, 13):
        assert f"2026-{month:02d}" in run.out


def test_plan_show_has_the_baseline_day_templates_week_shapes_and_decisions(pacer: Pacer) -> None:
    run = pacer("plan", "show", lang="zh")
    assert run.code == 0, run.err
    out = run.out
    # 一、当前真实能力基线: have / lack / conclusion per track
    assert "\n能力基线\n  数学 (math)\n" in out
    assert "      ✓ 单变量微积分 MIT 18.01 已到第 24 课（三角函数积分 & 三角替换）\n" in out
    assert "      ✗ 常微分方程（ODE）\n" in out
    assert "      → 你已经过了“数学入门期”，现在是工程化数学补全期\n" in out
    # 四、周计划模板: each template with its blocks and what a work block takes
    assert "\n日模板\n" in out
    assert "  workday  工作日（周一～周五）  21:00\n" in out
    assert "      [主线] 主线（数学 / VLM / 工程）  60 分钟 · 方向：数学 / 工程 & AI\n" in out
    assert "      [主线] 总结 + 博客素材  60–120 分钟 · 类型：写作 / 复盘\n" in out
    assert "      [仪式] 周复盘（强制）  30 分钟\n" in out
    assert "只接着做已开始的单元" in out
    assert "\n周型\n  normal  周一 workday · 周二 workday · 周三 workday · 周四 workday" in out
    assert "  2026-02-09  kickoff  第一周 · 行动指令\n" in out
    # 三、2026.12: the December decisions with what they rest on
    assert "\n待定的决定\n  2026-12-31  2027 是否冲雅思  [ielts-2027]\n" in out
    assert "      依据：listening、listening-p3、june-acceptance、english\n" in out


def test_plan_show_on_a_plan_without_baseline_or_decisions(pacer: Pacer, other_plan: Path) -> None:
    run = pacer("--plan", str(other_plan), "plan", "show")
    assert run.code == 0, run.err
    out = run.out
    assert "Baseline" not in out and "Decisions" not in out
    assert "\nDay templates\n  shift  Shift day  19:30\n" in out
    assert (
        "      [work] Reading  30 min · kinds: study / reading · only units already started\n"
        in out
    )
    assert "  normal  Monday shift · Tuesday shift · Wednesday shift · Thursday shift · " in out
    assert "Friday free · Saturday free · Sunday free\n" in out


def test_chinese_interface(pacer: Pacer) -> None:
    run = pacer("today", "--date", "2026-03-10", lang="zh")
    assert "周二" in run.out and "英语听力" in run.out
    run = pacer("--lang", "en", "today", "--date", "2026-03-10", lang="zh")
    assert "Tuesday" in run.out
    err = pacer("today", "--date", "2026-13-01", lang="zh")
    assert "不是日期" in err.err


def test_a_year_without_holiday_data_is_said_once_a_week(pacer: Pacer) -> None:
    run = pacer("week", "--date", "2027-01-05")
    assert run.code == 0, run.err
    assert run.out.count("no holiday data for CN 2027 yet") == 1
    days = pacer("week", "--date", "2027-01-05", "--json").json()["days"]
    no_data = {
        "code": "notice.no_holiday_data",
        "text": "no holiday data for CN 2027 yet: public holidays and makeup workdays may be"
        " missing",
    }
    assert all(no_data in d["notices"] for d in days)
    in_plan = pacer("today", "--date", "2026-03-10", "--json").json()
    assert in_plan["notices"] == []


def test_past_days_show_the_plan_and_later_days_the_projection(pacer: Pacer, example: Path) -> None:
    p = ("--plan", str(example))
    wednesday = {"PACER_NOW": "2026-03-04T08:00:00+08:00"}
    # Monday's plan was calc-2 for 60 minutes; only 20 were done.
    assert pacer(*p, "log", "20", "calc-2", "--date", "2026-03-02").code == 0
    days = pacer(*p, "week", "--date", "2026-03-04", "--json", env=wednesday).json()["days"]
    items = [[(i["unit"], i["minutes"]) for i in d["blocks"][1]["items"]] for d in days]
    # Past days keep what the plan had for them, with the log beside it...
    assert items[0] == [("calc-2", 60)]
    assert items[1] == [("calc-2", 30), ("calc-3", 30)]
    assert days[0]["logged"] == [{"target": "calc-2", "minutes": 20, "note": "", "done": False}]
    # ...and from today on the rest re-flows from what was really done: 70 min of calc-2,
    # before calc-3, and no day holds more than its 60 minutes.
    ahead = [i for day in items[2:5] for i in day]
    assert sum(m for u, m in ahead if u == "calc-2") == 70
    first_calc3 = next(k for k, (u, _) in enumerate(ahead) if u == "calc-3")
    assert all(u == "calc-2" for u, _ in ahead[:first_calc3])
    assert all(sum(m for _, m in day) <= 60 for day in items[2:5])


def test_a_german_plan_has_no_holiday_data_notice(
    pacer: Callable[..., Run], other_plan: Path
) -> None:
    env = {"PACER_TZ": "Europe/Berlin", "PACER_NOW": "2026-04-03T20:00:00+02:00"}
    shown = pacer("--plan", str(other_plan), "today", "--json", env=env).json()
    assert shown["reason"] == "holiday" and shown["holiday"] == "Good Friday"
    assert shown["provisional"] is False
    assert not [n for n in shown["notices"] if n["code"] == "notice.no_holiday_data"]


def test_a_computed_holiday_of_a_year_not_announced_is_provisional(
    pacer: Callable[..., Run],
) -> None:
    later = pacer("today", "--date", "2027-02-09", "--json").json()
    assert (later["reason"], later["provisional"]) == ("holiday", True)
    assert [n["code"] for n in later["notices"]] == [
        "notice.no_holiday_data",
        "notice.outside_plan",
    ]
    assert later["notices"][0]["text"].startswith("no holiday data for CN 2027 yet")
    text = pacer("today", "--date", "2027-02-09").out.splitlines()[0]
    assert text.endswith("(observed) (provisional: computed, not yet announced))")
    zh = pacer("--lang", "zh", "today", "--date", "2027-02-09").out.splitlines()[0]
    assert "春节（补假） (暂定：按规则推算，尚未公布)" in zh
    known = pacer("today", "--date", "2026-02-17", "--json").json()
    assert (known["reason"], known["provisional"]) == ("holiday", False)


@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_another_days_log_is_not_called_today(pacer: Pacer, other_plan: Path, which: str) -> None:
    # `week` and `today --date` said "Logged today:" of every day shown.
    args = () if which == "builtin" else ("--plan", str(other_plan))
    habit = "english" if which == "builtin" else "piano"
    assert pacer("log", "20", habit, "--date", "2026-03-08", *args).code == 0
    past = pacer("today", "--date", "2026-03-08", *args).out
    assert "  Logged:" in past and "Logged today" not in past
    assert "Nothing logged yet today." in pacer("today", *args).out
    assert "  Nothing logged." in pacer("today", "--date", "2026-03-07", *args).out
    week = pacer("week", "--date", "2026-03-08", *args).out
    assert "Logged today" not in week and "  Logged:" in week
    zh = pacer("today", "--date", "2026-03-08", *args, lang="zh").out
    assert "  已记录：" in zh and "今日" not in zh


@pytest.mark.parametrize("raw", ["1h90", "2h60"])
def test_minutes_after_hours_stay_under_an_hour(pacer: Callable[..., Run], raw: str) -> None:
    run = pacer("log", raw, "english")
    assert run.code == 2 and run.out == ""
    assert run.err == f"pacer: '{raw}' is not a duration; write minutes like 45, 45m, 1h or 1h30\n"
    assert len(run.err.splitlines()) == 1
    assert pacer("log", "1h59", "english").out == "logged 119 min for english on 2026-03-09\n"
