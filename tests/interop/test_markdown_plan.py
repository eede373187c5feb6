"""A plan from Markdown: the seed document and an English plan import into plans that load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pacer.interop import markdown_words as words
from pacer.interop.markdown_plan import NoPlan, read_markdown_plan
from pacer.interop.plan_draft import render, scalar
from pacer.plan.loader import load_plan_text
from pacer.plan.model import Plan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed-plan.md"
ENGLISH = FIXTURES / "plan-english.md"
TODAY = date(2026, 3, 9)


def say(key: str, args: dict[str, object]) -> str:
    return f"{key} {sorted(args.items())}" if args else key


def imported(path: Path) -> tuple[Plan, str]:
    text = render(read_markdown_plan(path.read_text("utf-8"), path.stem, TODAY), say, path.name)
    return load_plan_text(text, "draft.yaml"), text


def test_the_seed_has_its_eleven_months_with_their_items() -> None:
    plan, _ = imported(SEED)
    assert [str(m.month) for m in plan.months] == [f"2026-{n:02d}" for n in range(2, 13)]
    assert (plan.start, plan.end) == (date(2026, 2, 1), date(2026, 12, 31))
    by_month = {str(m.month): m for m in plan.months}
    feb = by_month["2026-02"]
    assert feb.title == "数学与端侧工程并行月"
    assert feb.keywords == "补齐“能用但不系统”的短板"
    assert (
        dict(feb.items)["mathematics"][0]
        == "完成 MIT 18.01 剩余内容：反常积分、参数积分、初等微分方程（重点）"
    )
    assert dict(feb.items)["english"] == ("技术听力为主（每天 20–30 分钟）",)
    assert dict(by_month["2026-03"].items)["writing"] == (
        "技术博客第 1 篇：《在 Jetson Orin Nano 上部署多模态模型的工程实践》",
    )
    # A label over a nested list (`英语：`) puts its items on that track.
    assert dict(by_month["2026-10"].items)["japanese"] == ("听力 → 阅读迁移",)
    assert dict(by_month["2026-12"].items)["general"] == (
        "年终技术总结",
        "明确：2027 是否冲雅思、是否开始 N2 正式备考",
    )
    assert all(m.items for m in plan.months)


def test_the_seed_tracks_and_their_curricula() -> None:
    plan, _ = imported(SEED)
    titles = {t.id: t.title for t in plan.tracks}
    assert titles == {
        "mathematics": "数学",
        "engineering": "工程",
        "english": "英语",
        "writing": "输出",
        "vlm": "VLM",
        "blog": "博客",
        "japanese": "日语",
        "general": "综合",
    }
    math = next(c for c in plan.curricula if c.id == "mathematics")
    assert [u.title for u in math.units][-1] == "微积分 + 线代工程总结"
    assert all(u.minutes == 60 for u in math.units)


def test_the_eight_week_table_is_a_curriculum_of_eight_units() -> None:
    plan, _ = imported(SEED)
    weeks = next(c for c in plan.curricula if c.title.startswith("多变量微积分 8 周执行表"))
    assert weeks.track == "mathematics"
    assert (str(weeks.start), str(weeks.end)) == ("2026-03", "2026-04")
    assert [u.label for u in weeks.units] == [f"W{n}" for n in range(1, 9)]
    assert [(u.title, u.maps_to) for u in weeks.units][:2] == [
        ("多变量函数、等高线", "loss surface"),
        ("偏导数", "参数敏感度"),
    ]


def test_the_seed_phases_and_templates() -> None:
    plan, text = imported(SEED)
    assert [(p.id, str(p.start), str(p.end)) for p in plan.phases][:4] == [
        ("phase-a", "2026-02", "2026-03"),
        ("phase-b", "2026-04", "2026-06"),
        ("phase-c", "2026-07", "2026-09"),
        ("phase-d", "2026-10", "2026-12"),
    ]
    templates = {t.id: t for t in plan.day_templates}
    workday = templates["workday"]
    assert [(b.type, b.minutes, b.track) for b in workday.blocks] == [
        ("habit", 30, "english"),
        ("work", 60, None),
    ]
    assert workday.blocks[1].tracks == ("mathematics", "vlm", "engineering")
    assert [(b.minutes, b.max_minutes) for b in templates["saturday"].blocks] == [(180, 240)]
    assert [b.type for b in templates["sunday"].blocks] == ["work", "ritual"]
    travel = {s.id: s for s in plan.week_shapes}["travel"]
    assert travel.days == ("travel",) * 5 + ("travel_weekend",) * 2
    assert [b.minutes for b in templates["travel_weekend"].blocks] == [20, 60]
    # The phase of 1–2 月 reaches before the plan's first month: cut, and said so.
    assert "guess.phase_clamped" in text


def test_every_guess_is_marked() -> None:
    plan, text = imported(SEED)
    lines = text.splitlines()
    for key in ("  id: plan-", "  start:", "  end:", "  timezone:", "  country:"):
        line = next(x for x in lines if x.startswith(key))
        assert "# guess: " in line, line
    minutes = [x for x in lines if x.strip().startswith("minutes:") and x.startswith(" " * 8)]
    units = [x for x in minutes if "guess.unit_minutes" in x or "guess.week_minutes" in x]
    assert len(units) == sum(len(c.units) for c in plan.curricula) == 34 + 8  # bullets, weeks


def test_the_english_plan_imports() -> None:
    plan, _ = imported(ENGLISH)
    assert plan.locale == "en" and plan.timezone == "UTC"
    assert plan.calendar.country is None
    assert len(plan.months) == 7
    assert [p.id for p in plan.phases] == ["foundations", "exam-skills", "final-stretch"]
    weeks = next(c for c in plan.curricula if c.id == "eight-week-listening")
    assert weeks.track == "listening" and len(weeks.units) == 8
    assert weeks.units[0].notes == "Exercise: Dictation, 10 min"
    march = dict(plan.months[0].items)
    assert march["vocabulary"] == ("work and money", "health")
    assert dict(plan.months[4].items)["listening"] == ("films without subtitles",)
    templates = {t.id: t for t in plan.day_templates}
    assert [(b.id, b.type, b.minutes) for b in templates["workday"].blocks] == [
        ("listening", "habit", 20),
        ("work", "work", 40),
    ]
    # A block of Sundays only is work for its track, not a daily habit.
    sunday = templates["sunday"].blocks[0]
    assert (sunday.type, sunday.tracks) == ("work", ("speaking",))
    assert templates["travel"].blocks[0].title == "listening on the train"


def test_no_plan_in_a_document() -> None:
    with pytest.raises(NoPlan):
        read_markdown_plan(
            "# Shopping\n\n- milk\n- bread\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "x", TODAY
        )


def test_a_document_without_template_minutes_gets_default_templates() -> None:
    plan, text = imported_text("## 2026.03｜起步\n\n### 数学\n\n- 向量\n")
    assert {t.id for t in plan.day_templates} == {"workday", "weekend", "travel"}
    assert "guess.template_default" in text
    assert plan.start == date(2026, 3, 1) and plan.end == date(2026, 3, 31)


def imported_text(markdown: str) -> tuple[Plan, str]:
    text = render(read_markdown_plan(markdown, "doc", TODAY), say, "doc.md")
    return load_plan_text(text, "draft.yaml"), text


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("2026.03｜线性代数启动", (2026, 3, "线性代数启动")),
        ("2026-11 能力固化", (2026, 11, "能力固化")),
        ("2026年3月：启动", (2026, 3, "启动")),
        ("March 2026 — Back to basics", (2026, 3, "Back to basics")),
        ("Sept 2026", (2026, 9, "")),
        ("2026 年 2–12 月总节奏", None),
        ("2026.13 nothing", None),
        ("Phase A", None),
    ],
)
def test_month_headings(heading: str, expected: tuple[int, int, str] | None) -> None:
    assert words.month_heading(heading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 min：英语听力", (30, 30)),
        ("3–4 小时：", (180, 240)),
        ("Shadowing（5–10 min）", (5, 10)),
        ("1.5 h of reading", (90, 90)),
        ("每日 90 分钟", (90, 90)),
        ("no time here", None),
    ],
)
def test_minutes(text: str, expected: tuple[int, int] | None) -> None:
    assert words.minutes_in(text) == expected


@given(st.text())
def test_a_scalar_reads_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"k: {scalar(value)}\n") == {"k": value}


@settings(max_examples=60, deadline=None)
@given(
    st.text(min_size=1, max_size=30).filter(lambda s: "\n" not in s and "\r" not in s),
    st.lists(st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s), max_size=4),
)
def test_any_month_with_any_items_loads(track: str, items: list[str]) -> None:
    bullets = "".join(f"- {item}\n" for item in items)
    markdown = f"## 2026.05｜主题\n\n### {track}\n\n{bullets}\n## May 2026\n\n{bullets}"
    imported_text(markdown)  # raises if the draft does not load


def test_a_phase_past_the_last_month_heading_keeps_the_plan_going() -> None:
    """Month headings for January to March, phases to December: the plan runs to December
    (its work is not cut off at the last heading), and begins with the first heading."""
    markdown = (
        "## January 2027 — Start\n\n### UX\n\n- Module 1\n\n"
        "## March 2027 — Wireframes\n\n### UX\n\n- Module 3\n\n"
        "## Phases\n\n| Phase | Months | Goal |\n| --- | --- | --- |\n"
        "| Foundations | Jan–Feb | basics |\n| Portfolio | Mar–May | projects |\n"
        "| Job ready | Jun–Dec | applications |\n"
    )
    plan, _ = imported_text(markdown)
    assert (plan.start, plan.end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert [(p.title, str(p.start), str(p.end)) for p in plan.phases][-1] == (
        "Job ready",
        "2027-06",
        "2027-12",
    )


def test_a_daily_course_is_work_and_a_daily_practice_a_habit() -> None:
    markdown = (
        "## Weekly routine\n\n### Weekdays\n\n- 30 min: French listening\n- 45 min: UX course\n\n"
        "## January 2027 — Start\n\n### UX\n\n- Module 1\n\n### French\n\n- Podcast episodes\n"
    )
    plan, _ = imported_text(markdown)
    blocks = {b.title: b for t in plan.day_templates for b in t.blocks}
    assert (blocks["French listening"].type, blocks["French listening"].track) == (
        "habit",
        "french",
    )
    assert (blocks["UX course"].type, blocks["UX course"].tracks) == ("work", ("ux",))
