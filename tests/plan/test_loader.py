"""Plan YAML loading: the docs example's values, and one exact message per problem class."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pacer.i18n import set_lang
from pacer.plan.loader import PlanInvalid, load_plan_file, load_plan_text
from pacer.plan.model import (
    Baseline,
    CalendarOverride,
    CalendarRules,
    Criterion,
    Decision,
    Month,
    MonthPlan,
    Phase,
    Plan,
    ReviewPrompt,
    ReviewSpec,
    Step,
    TargetPoint,
    Track,
)
from pacer.plan.problems import MAX_BYTES
from pacer.plan.yamlnodes import MAX_NODES

Variant = Callable[..., str]


def loc(text: str, token: str, nth: int | None = None) -> str:
    """'LINE:COL' (1-based, in characters) of `token` in `text`.

    Without `nth` the token must occur exactly once; with it, the nth occurrence (from 0).
    """
    if nth is None:
        assert text.count(token) == 1, f"{token!r} occurs {text.count(token)} times"
        nth = 0
    index = -1
    for _ in range(nth + 1):
        index = text.index(token, index + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{col}"


def line_of(text: str, token: str, nth: int | None = None) -> int:
    return int(loc(text, token, nth).split(":")[0])


def problems_of(text: str | bytes, path: str = "p.yaml") -> list[str]:
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, path)
    assert info.value.path == path
    return info.value.problems


# -- the docs example ---------------------------------------------------------------------


def test_docs_example_plan_head(example_plan: Plan) -> None:
    p = example_plan
    assert (p.id, p.title) == ("tiny", "小计划")
    assert (p.start, p.end) == (date(2026, 3, 2), date(2026, 4, 30))
    assert p.min_chunk == 20
    assert p.principles == ("出差友好：任何一周断掉也不会整体崩盘",)
    # Not written in the example: the documented defaults.
    assert (p.timezone, p.locale, p.summary) == ("Asia/Shanghai", "zh_CN", "")
    assert p.tracks == (Track("math", "数学"), Track("english", "英语"))


def test_docs_example_templates_and_blocks(example_plan: Plan) -> None:
    assert [t.id for t in example_plan.day_templates] == ["workday", "weekend", "travel"]
    workday = example_plan.template("workday")
    assert (workday.title, workday.start) == ("工作日", "21:00")
    listening, main = workday.blocks
    assert (listening.id, listening.type, listening.track) == ("listening", "habit", "english")
    assert (listening.minutes, listening.max_minutes) == (30, 30)
    assert listening.steps == (
        Step("泛听", 15, 15),
        Step("精听", 10, 10),
        Step("Shadowing", 5, 10),  # the one step with a `max`
    )
    assert (main.type, main.minutes, main.max_minutes) == ("work", 60, 60)
    assert (main.tracks, main.kinds, main.new_units, main.track) == ((), (), True, None)
    assert workday.work_minutes == 60

    weekend = example_plan.template("weekend")
    assert weekend.start is None
    deep, review = weekend.blocks
    assert (deep.minutes, deep.max_minutes) == (120, 180)
    assert (review.id, review.type, review.minutes, review.track) == ("review", "ritual", 30, None)
    assert weekend.work_minutes == 120

    travel = example_plan.template("travel")
    read = travel.blocks[1]
    assert (read.id, read.title, read.type) == ("read", "阅读 / 思考", "work")
    assert read.kinds == ("study", "reading")
    assert read.new_units is False


def test_docs_example_week_shapes(example_plan: Plan) -> None:
    assert example_plan.shape("normal").days == ("workday",) * 5 + ("weekend",) * 2
    assert example_plan.shape("travel").days == ("travel",) * 7


def test_docs_example_units(example_plan: Plan) -> None:
    calc = example_plan.curriculum("calc")
    assert (calc.title, calc.track, calc.start, calc.end) == (
        "微积分",
        "math",
        Month(2026, 3),
        Month(2026, 4),
    )
    assert [u.id for u in calc.units] == ["calc-1", "calc-2", "calc-3", "calc-4"]
    c1, c2, c3, c4 = calc.units
    assert c1.after == ()  # the first unit has no previous unit
    assert c2.after == ("calc-1",)  # default: the previous unit
    assert c3.after == ("calc-2",)  # as written
    assert c4.after == ()  # `after: []` means none, not the previous unit
    assert [u.minutes for u in calc.units] == [60, 90, 120, 45]
    assert [u.kind for u in calc.units] == ["study", "study", "code", "reading"]
    assert [u.optional for u in calc.units] == [False, False, False, True]
    assert [u.due for u in calc.units] == [None, date(2026, 3, 31), None, None]
    assert all(u.prompts == ("几何上这是什么？",) for u in calc.units)
    assert all((u.track, u.curriculum) == ("math", "calc") for u in calc.units)


def test_docs_example_baseline(example_plan: Plan) -> None:
    assert example_plan.baseline == (
        Baseline(
            track="math",
            have=("单变量微积分前 24 课",),
            lack=("多变量微积分",),
            conclusion="工程化数学补全期",
            covers=("calc-1",),
        ),
    )
    assert example_plan.covered_units() == frozenset({"calc-1"})


def test_docs_example_calendar_defaults(example_plan: Plan) -> None:
    # No `holiday` template: holidays use the Sunday template; makeup days the Monday one.
    assert example_plan.calendar == CalendarRules(
        country="CN",
        holiday_template="weekend",
        makeup_template="workday",
        overrides=(CalendarOverride(date(2026, 4, 4), "workday", "自定调休"),),
    )


def test_holiday_template_defaults_to_one_named_holiday(variant: Variant) -> None:
    text = variant(
        ("week_shapes:\n", "  holiday:\n    title: 假日\n    blocks: []\nweek_shapes:\n")
    )
    assert load_plan_text(text).calendar.holiday_template == "holiday"


def test_docs_example_phases_and_months(example_plan: Plan) -> None:
    assert example_plan.phases == (Phase("A", "补全", Month(2026, 3), Month(2026, 4), "笔记"),)
    assert example_plan.months == (
        MonthPlan(
            Month(2026, 3),
            "启动",
            "工程数学",
            (("math", ("向量", "矩阵")),),
            (("calc", 1.0),),
        ),
    )


def test_docs_example_milestones_metrics_review_decisions(example_plan: Plan) -> None:
    (m1,) = example_plan.milestones
    assert (m1.id, m1.title, m1.due) == ("m1", "三月验收", date(2026, 3, 31))
    assert m1.needs == ("calc-2",)
    assert m1.criteria == (Criterion("notes", "笔记整理完毕"),)

    (metric,) = example_plan.metrics
    assert (metric.id, metric.title, metric.unit, metric.track) == (
        "listening",
        "听懂比例",
        "%",
        "english",
    )
    assert metric.higher_is_better is True
    assert metric.targets == (TargetPoint(date(2026, 3, 31), 50.0),)

    assert example_plan.review == ReviewSpec(
        "sun", 30, (ReviewPrompt("well", "本周做得好的是什么？"),)
    )
    assert example_plan.decisions == (
        Decision("ielts", "2027 是否冲雅思？", date(2026, 4, 30), ("listening",)),
    )


def test_milestone_needs_expand_curriculum_ids(variant: Variant) -> None:
    plan = load_plan_text(variant(("needs: [calc-2]", "needs: [calc]")))
    # All of the curriculum's units in order, except the optional calc-4.
    assert plan.milestones[0].needs == ("calc-1", "calc-2", "calc-3")


def test_milestone_needs_keep_order_without_repeats(variant: Variant) -> None:
    plan = load_plan_text(variant(("needs: [calc-2]", "needs: [calc-3, calc, calc-4]")))
    assert plan.milestones[0].needs == ("calc-3", "calc-1", "calc-2", "calc-4")


def test_load_plan_file_equals_load_plan_text(tmp_path: Path, example_text: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(example_text, encoding="utf-8")
    assert load_plan_file(path) == load_plan_text(example_text)


def test_aliases_below_the_limit_are_fine(variant: Variant) -> None:
    text = variant(
        ("  normal: {mon:", "  normal: &normal {mon:"),
        (
            "  travel: {mon: travel, tue: travel, wed: travel, thu: travel, fri: travel,"
            " sat: travel, sun: travel}",
            "  travel: *normal",
        ),
    )
    plan = load_plan_text(text)
    assert plan.shape("travel").days == plan.shape("normal").days


# -- one exact message per problem class --------------------------------------------------


def test_unknown_key_with_did_you_mean(variant: Variant) -> None:
    text = variant(("  min_chunk: 20", "  min_chunck: 20"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'min_chunck')}: unknown key 'min_chunck' in plan;"
        " did you mean 'min_chunk'?"
    ]


def test_unknown_key_without_close_match(variant: Variant) -> None:
    text = variant(("  min_chunk: 20", "  min_chunk: 20\n  colour: red"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'colour')}: unknown key 'colour' in plan (known: id, title, start,"
        " end, timezone, locale, min_chunk, day_starts, alarm, principles, summary)"
    ]


def test_text_where_a_list_is_wanted(variant: Variant) -> None:
    text = variant(("have: [单变量微积分前 24 课]", "have: 单变量微积分前 24 课"))
    assert problems_of(text) == [f"p.yaml:{loc(text, '单变量')}: have: expected a list"]


def test_text_where_a_whole_number_is_wanted(variant: Variant) -> None:
    text = variant(("导数, minutes: 60}", "导数, minutes: sixty}"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'sixty')}: minutes: expected a whole number, got 'sixty'"
    ]


def test_impossible_date(variant: Variant) -> None:
    text = variant(("due: 2026-03-31}", "due: 2026-02-30}"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-02-30')}: due: 2026-02-30 is not a real date"
    ]


def test_unknown_track_with_did_you_mean(variant: Variant) -> None:
    text = variant(("    track: english\n    targets:", "    track: englsh\n    targets:"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'englsh')}: unknown track 'englsh'; did you mean 'english'?"
    ]


def test_a_curriculum_names_the_tracks_it_is_about(variant: Variant) -> None:
    text = variant(
        (
            "    prompts: [几何上这是什么？]",
            "    prompts: [几何上这是什么？]\n    topics: [english]",
        )
    )
    assert load_plan_text(text).curriculum("calc").topics == ("english",)
    assert load_plan_text(variant()).curriculum("calc").topics == ()  # optional
    wrong = variant(
        ("    prompts: [几何上这是什么？]", "    prompts: [几何上这是什么？]\n    topics: [englsh]")
    )
    assert problems_of(wrong) == [
        f"p.yaml:{loc(wrong, 'englsh')}: unknown track 'englsh'; did you mean 'english'?"
    ]


def test_a_curriculum_marked_post_is_a_blog_post(variant: Variant) -> None:
    from pacer.schedule.blog import posts

    text = variant(
        ("    prompts: [几何上这是什么？]", "    prompts: [几何上这是什么？]\n    post: true")
    )
    plan = load_plan_text(text)
    assert plan.curriculum("calc").post is True
    assert [c.id for c in posts(plan)] == ["calc"]
    plain = load_plan_text(variant())
    assert plain.curriculum("calc").post is False  # optional, default false
    assert posts(plain) == ()
    wrong = variant(
        ("    prompts: [几何上这是什么？]", "    prompts: [几何上这是什么？]\n    post: yes please")
    )
    assert problems_of(wrong) == [
        f"p.yaml:{loc(wrong, 'yes please')}: post: expected true or false, got 'yes please'"
    ]


def test_unknown_unit_with_did_you_mean(variant: Variant) -> None:
    text = variant(("after: [calc-2]", "after: [calc-22]"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'calc-22')}: unknown unit 'calc-22'; did you mean 'calc-2'?"
    ]


def test_unknown_template_with_did_you_mean(variant: Variant) -> None:
    text = variant(("template: workday, reason", "template: wrkday, reason"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'wrkday')}: unknown day template 'wrkday'; did you mean 'workday'?"
    ]


def test_unknown_template_without_close_match(variant: Variant) -> None:
    text = variant(("template: workday, reason", "template: zzz, reason"))
    assert problems_of(text) == [f"p.yaml:{loc(text, 'zzz')}: unknown day template 'zzz'"]


def test_duplicate_unit_id(variant: Variant) -> None:
    # A copied line whose id was not changed: one problem, not a cascade of made-up ones.
    original = "{id: calc-1, title: 导数, minutes: 60}"
    text = variant((original, f"{original}\n      - {{id: calc-1, title: 导数二, minutes: 30}}"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'calc-1, title: 导数二')}: duplicate unit id 'calc-1'"
        f" (first at line {line_of(text, original)})"
    ]


def test_duplicate_track_id(variant: Variant) -> None:
    text = variant(("    title: 英语\n", "    title: 英语\n  - {id: math, title: 数学二}\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'math, title: 数学二')}: duplicate track id 'math'"
        f" (first at line {line_of(text, '- id: math')})"
    ]


def test_duplicate_template_is_a_duplicate_key(variant: Variant) -> None:
    text = variant(
        ("week_shapes:\n", "  workday:\n    title: 又一个工作日\n    blocks: []\nweek_shapes:\n")
    )
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'workday:', nth=1)}: duplicate key 'workday'"
        f" (first at line {line_of(text, 'workday:', nth=0)})"
    ]


def test_prerequisite_cycle(variant: Variant) -> None:
    text = variant(
        (
            "{id: calc-1, title: 导数, minutes: 60}",
            "{id: calc-1, title: 导数, minutes: 60, after: [calc-3]}",
        )
    )
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '{id: calc-1')}: prerequisite cycle:"
        " calc-1 -> calc-3 -> calc-2 -> calc-1"
    ]


def test_curriculum_month_outside_the_plan_span(variant: Variant) -> None:
    text = variant(("    to: 2026-04\n    prompts:", "    to: 2026-06\n    prompts:"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2026-06')}: month 2026-06 is outside the plan span 2026-03..2026-04"
    ]


def test_months_entry_outside_the_plan_span(variant: Variant) -> None:
    text = variant(("  - month: 2026-03", "  - month: 2025-12"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '2025-12')}: month 2025-12 is outside the plan span 2026-03..2026-04"
    ]


def test_unquoted_time(variant: Variant) -> None:
    text = variant(('start: "21:00"', "start: 21:00"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '21:00')}: unquoted time 21:00 reads as a number;"
        ' write it quoted: "21:00"'
    ]


def test_unquoted_short_time_is_told_the_form_that_loads(variant: Variant) -> None:
    """`start: 6:30` is told to write "06:30", the form the plan accepts, not "6:30"."""
    text = variant(('start: "21:00"', "start: 6:30"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, '6:30')}: unquoted time 6:30 reads as a number;"
        ' write it quoted: "06:30"'
    ]
    loaded = load_plan_text(variant(('start: "21:00"', 'start: "06:30"')), "p.yaml")
    assert loaded.day_templates[0].start == "06:30"


def test_duplicate_yaml_key(variant: Variant) -> None:
    text = variant(("  min_chunk: 20\n", "  min_chunk: 20\n  min_chunk: 30\n"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'min_chunk', nth=1)}: duplicate key 'min_chunk'"
        f" (first at line {line_of(text, 'min_chunk', nth=0)})"
    ]


def test_duplicate_key_in_a_flow_mapping(variant: Variant) -> None:
    text = variant(("{id: calc-2, title: 积分,", "{id: calc-2, title: 积分, title: 积分二,"))
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'title: 积分二')}: duplicate key 'title'"
        f" (first at line {line_of(text, 'title: 积分二')})"
    ]


def test_habit_without_a_track(variant: Variant) -> None:
    text = variant(
        ("        track: english\n        title: 英语听力\n", "        title: 英语听力\n")
    )
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'id: listening', nth=0)}: a habit block needs a 'track'"
    ]


def test_negative_minutes(variant: Variant) -> None:
    text = variant(
        ("        title: 主线\n        minutes: 60", "        title: 主线\n        minutes: -5")
    )
    assert problems_of(text) == [f"p.yaml:{loc(text, '-5')}: minutes: -5 is outside 0..1440"]


def test_several_problems_all_reported_sorted_by_line(variant: Variant) -> None:
    text = variant(
        ("due: 2026-03-31}", "due: 2026-02-30}"),  # found while building curricula
        ('start: "21:00"', "start: 21:00"),  # found while reading YAML, before everything
        ("  - track: math\n    have:", "  - track: mathx\n    have:"),  # found at the very end
        ("  min_chunk: 20", "  min_chunck: 20"),
    )
    assert problems_of(text) == [
        f"p.yaml:{loc(text, 'min_chunck')}: unknown key 'min_chunck' in plan;"
        " did you mean 'min_chunk'?",
        f"p.yaml:{loc(text, 'mathx')}: unknown track 'mathx'; did you mean 'math'?",
        f"p.yaml:{loc(text, '21:00')}: unquoted time 21:00 reads as a number;"
        ' write it quoted: "21:00"',
        f"p.yaml:{loc(text, '2026-02-30')}: due: 2026-02-30 is not a real date",
    ]


def test_file_over_one_mebibyte_is_refused() -> None:
    text = "#" + "x" * (MAX_BYTES - 1) + "\n"
    assert problems_of(text) == [
        f"p.yaml:1:1: file is {MAX_BYTES + 1} bytes; a plan may be at most {MAX_BYTES} bytes"
    ]


def test_file_of_exactly_one_mebibyte_is_read() -> None:
    text = "#" + "x" * (MAX_BYTES - 2) + "\n"
    assert problems_of(text) == ["p.yaml:1:1: the plan file is empty"]


def test_size_counts_bytes_not_characters() -> None:
    text = "#" + "中" * (MAX_BYTES // 3 + 1)  # fewer characters than the limit, more bytes
    size = len(text.encode("utf-8"))
    assert len(text) < MAX_BYTES < size
    assert problems_of(text) == [
        f"p.yaml:1:1: file is {size} bytes; a plan may be at most {MAX_BYTES} bytes"
    ]


def test_big_file_is_refused_by_path(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES)
    with pytest.raises(PlanInvalid) as info:
        load_plan_file(path)
    assert info.value.problems == [
        f"{path}:1:1: file is {MAX_BYTES + 2} bytes; a plan may be at most {MAX_BYTES} bytes"
    ]


def test_alias_bomb_is_refused_quickly() -> None:
    levels = "abcdefghi"  # 10 ** 9 values once expanded
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in itertools.pairwise(levels):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    started = time.perf_counter()
    problems = problems_of("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - started
    assert len(problems) == 1
    assert re.fullmatch(
        rf"p\.yaml:\d+:\d+: anchors and aliases expand to more than {MAX_NODES} values;"
        " refusing to read further",
        problems[0],
    )
    assert elapsed < 5.0


def test_recursive_alias() -> None:
    assert problems_of("a: &a [*a]\n") == ["p.yaml:1:4: an alias refers to itself"]


def test_recursive_alias_in_a_mapping() -> None:
    assert problems_of("pacer: 1\nplan: &p\n  self: *p\n") == [
        "p.yaml:2:7: an alias refers to itself"  # the anchor
    ]


def test_yaml_syntax_error_has_line_and_column() -> None:
    problems = problems_of("pacer: 1\nplan:\n  id: x\n   title: y\n")
    assert len(problems) == 1
    assert problems[0].startswith("p.yaml:4:9: YAML syntax error: ")
    assert len(problems[0]) > len("p.yaml:4:9: YAML syntax error: ")


def test_unclosed_flow_sequence() -> None:
    problems = problems_of("pacer: 1\nplan: [a, b\n")
    assert len(problems) == 1
    assert problems[0].startswith("p.yaml:3:1: YAML syntax error: ")


def test_non_utf8_bytes_are_located() -> None:
    assert problems_of(b"pacer: 1\nplan: \xff\xfe\n") == [
        "p.yaml:2:7: file is not UTF-8 text; save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ("中".encode() + b"\xff", "1:2"),  # three bytes, but one character before it
        (b"\xef\xbb\xbfab\xff", "1:3"),  # a byte order mark is not a column
        (b"\xef\xbb\xbf\xff", "1:1"),
    ],
)
def test_non_utf8_column_counts_characters(data: bytes, where: str) -> None:
    assert problems_of(data) == [f"p.yaml:{where}: file is not UTF-8 text; save it as UTF-8"]


@pytest.mark.parametrize("text", ["", b"", "\n\n", "# only a comment\n"])
def test_empty_file(text: str | bytes) -> None:
    assert problems_of(text) == ["p.yaml:1:1: the plan file is empty"]


def test_top_level_list_is_not_a_plan() -> None:
    assert problems_of("- a\n") == ["p.yaml:1:1: the plan file: expected a mapping (key: value)"]


def test_format_version_two(variant: Variant) -> None:
    text = variant(("pacer: 1\n", "pacer: 2\n"))
    assert problems_of(text) == [
        "p.yaml:1:8: plan format 2 is not supported; this pacer reads format 1"
    ]


def test_utf8_bom_is_accepted(example_text: str, example_plan: Plan) -> None:
    assert load_plan_text(b"\xef\xbb\xbf" + example_text.encode("utf-8")) == example_plan


def test_message_in_chinese(variant: Variant) -> None:
    text = variant(("  min_chunk: 20", "  min_chunck: 20"))
    with pytest.raises(PlanInvalid) as info:
        load_plan_text(text, "p.yaml")
    set_lang("zh")  # the autouse fixture restores the language afterwards
    assert info.value.problems == [
        f"p.yaml:{loc(text, 'min_chunck')}: plan 中有未知的键 'min_chunck'；是不是 'min_chunk'？"
    ]
