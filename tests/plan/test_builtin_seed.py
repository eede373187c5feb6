"""The built-in 2026 plan carries the seed (2026执行方案) section by section.

Every expected string below is copied from the seed text; the test never reads the seed
itself (it may be absent), only the LOADED built-in plan object.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pacer.calendar.days import Calendar
from pacer.calendar.source import load_holiday_table
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import PlanInvalid, load_plan_file
from pacer.plan.model import (
    DESK_KINDS,
    Block,
    Curriculum,
    DayTemplate,
    Milestone,
    Month,
    Plan,
    Unit,
)
from pacer.schedule.progress import progress_of
from pacer.schedule.projection import Projection, project
from pacer.schedule.stream import build_stream
from pacer.schedule.weeks import IsoWeek

# ── seed data ─────────────────────────────────────────────────────────────────────────

CORE_PRINCIPLES = (
    "不重复你已经具备的能力",
    "所有学习都必须能“落到你现有设备上”",
    "出差友好：任何一周断掉 7–14 天也不会整体崩盘",
)
# 五、一个非常重要的结论
CONCLUSION_POINTS = (
    "工程化收敛",
    "不可替代的能力",
    "你能用、能解释、能设计的工具",
    "工程放大器",
)

TRACKS = {
    "math": "数学",
    "eng": "工程 & AI",
    "english": "英语",
    "japanese": "日语",
    "output": "输出（博客）",
    "life": "生活（化妆/Cos、摄影、执行/复盘）",
}

# 一、你的当前真实能力基线 (+ 英语听力能力拆解): track -> (have, lack, conclusion)
BASELINE = {
    "math": (
        ["MIT 18.01 已到第 24 课（三角函数积分 & 三角替换）"],
        ["常微分方程（ODE）", "多变量微积分", "线性代数（工程向）"],
        "工程化数学补全期",
    ),
    "english": (
        ["CET-4 裸过", "CET-6 裸考 < 400", "技术阅读基本没问题", "词汇量", "技术阅读"],
        ["听说输出明显短板", "连读 / 弱读", "长句跟读", "技术语音适应"],
        "技术听力 + 可用输出 → 再反推雅思",
    ),
    "japanese": (
        ["多年日漫听力经验", "被动输入强"],
        ["主动体系弱"],
        "N3 → N2 工程化路径",
    ),
    "eng": (
        ["Orin Nano Super 8G", "RPi 5 4G", "Ollama + Qwen3-VL web demo 跑通"],
        ["VLM 微调（LoRA / QLoRA）", "真正的端侧多模态推理工程化", "模型压缩 / 量化 / 多端适配"],
        "VLM 工程化起跑线前 10%",
    ),
}

# 二、2026 年 2–12 月总节奏: id -> (from, to, 核心产物)
PHASES = {
    "A": ("2026-02", "2026-03", "数学补全 + 端侧基础工程"),
    "B": ("2026-04", "2026-06", "VLM 微调 + Jetson 工程化"),
    "C": ("2026-07", "2026-09", "多模态系统整合 + 输出"),
    "D": ("2026-10", "2026-12", "能力固化 + 长期语言体系"),
}

# 三、详细【月计划】: month -> (title, 关键词 or None, {track: bullets (flattened)})
MONTHS: dict[str, tuple[str, str | None, dict[str, list[str]]]] = {
    "2026-02": (
        "数学与端侧工程并行月",
        "补齐“能用但不系统”的短板",
        {
            "math": [
                "完成 MIT 18.01 剩余内容：反常积分",
                "完成 MIT 18.01 剩余内容：参数积分",
                "完成 MIT 18.01 剩余内容：初等微分方程（重点）",
                "不刷题，只做：推导",
                "不刷题，只做：图像理解",
                "不刷题，只做：和 ML 中 loss / 梯度的联系",
            ],
            "eng": [
                "Orin Nano：跑 非 VLM 模型 TensorRT",
                "FP16 / INT8 性能差异",
                "RPi 5：ONNX Runtime 推理跑通",
            ],
            "english": ["技术听力为主（每天 20–30 分钟）"],
        },
    ),
    "2026-03": (
        "线性代数启动 + 博客 1",
        "工程数学",
        {
            "math": [
                "MIT 18.06：向量",
                "MIT 18.06：矩阵",
                "MIT 18.06：线性变换",
                "明确以下概念与 DL 的对应：投影",
                "明确以下概念与 DL 的对应：子空间",
                "明确以下概念与 DL 的对应：特征值",
            ],
            "output": ["《在 Jetson Orin Nano 上部署多模态模型的工程实践》"],
        },
    ),
    "2026-04": (
        "VLM 微调月（LoRA）",
        "从“会用”到“能改”",
        {
            "eng": [
                "Qwen3-VL：数据格式",
                "Qwen3-VL：LoRA / QLoRA 原理",
                "跑通 一次完整微调流程（哪怕数据很小）",
                "显存 / 内存 profiling",
                "Jetson 上模型加载优化",
            ],
        },
    ),
    "2026-05": (
        "端侧多模态推理工程",
        "工程落地",
        {
            "eng": [
                "多模态 pipeline：图像 → VLM → 文本 → 控制逻辑",
                "Jetson / RPi 对比：吞吐",
                "Jetson / RPi 对比：延迟",
                "Jetson / RPi 对比：功耗",
            ],
            "output": ["第 2 篇（偏工程）"],
        },
    ),
    "2026-06": (
        "阶段验收",
        "闭环",
        {
            "eng": ["VLM 微调 + 端侧推理 demo"],
            "math": ["微积分 + 线代工程总结"],
            "english": ["听懂 70% 技术视频"],
        },
    ),
    "2026-07": (
        "多模态系统整合",
        None,
        {
            "eng": ["VLM + CV + 规则系统", "引入：多模态决策逻辑"],
            "output": ["博客第 3 篇（系统级）"],
        },
    ),
    "2026-08": (
        "输出与稳定",
        None,
        {
            "english": ["Shadowing + 技术复述"],
            "japanese": ["N3 语法系统化"],
            "life": ["化妆 / Cos：技术性学习（不是审美）"],
        },
    ),
    "2026-09": (
        "高级工程化",
        None,
        {
            "eng": ["模型裁剪 / 蒸馏理解", "Jetson 上多模型调度"],
            "life": ["摄影：人像 + 光线控制"],
        },
    ),
    "2026-10": (
        "语言强化",
        None,
        {
            "english": ["口语输出 > 输入"],
            "japanese": ["听力 → 阅读迁移"],
            "output": ["博客第 4 篇（年度工程总结）"],
        },
    ),
    "2026-11": (
        "能力固化",
        None,
        {
            "eng": ["端侧部署模板", "VLM 微调 SOP"],
            "life": ["ENTJ 行为模型强化（执行/复盘）"],
        },
    ),
    "2026-12": (
        "年度收官",
        None,
        {
            "eng": ["年终技术总结"],
            "english": ["2027 是否冲雅思"],
            "japanese": ["是否开始 N2 正式备考"],
        },
    ),
}

# 二（补充）5️⃣ 多变量微积分 8 周执行表: week -> (内容 keywords, 工程对照)
MULTIVARIABLE_WEEKS = {
    "W1": (["多变量函数", "等高线"], "loss surface"),
    "W2": (["偏导数"], "参数敏感度"),
    "W3": (["梯度", "方向导数"], "SGD"),
    "W4": (["链式法则"], "Backprop"),
    "W5": (["Jacobian"], "多层网络"),
    "W6": (["多重积分"], "概率期望"),
    "W7": (["拉格朗日乘子"], "正则化"),
    "W8": (["总结"], "工程复盘"),
}
THREE_QUESTIONS = ("几何上这是什么？", "在神经网络里它对应什么？", "如果没有它，会发生什么问题？")
MUST_MASTER = ("多变量函数", "等高线", "偏导数", "梯度", "方向导数", "链式法则", "多重积分")
OPTIONAL_TOPICS = ("拉格朗日乘子", "Hessian")

LISTENING_RESOURCES = (
    "Lex Fridman Podcast",
    "Google / OpenAI / Meta Tech Talks",
    "PyTorch / NVIDIA GTC",
    "6 Minute English（BBC）",
)

FIRST_BLOG_TITLE = "《在 Jetson Orin Nano 上部署多模态模型的工程实践》"
# post -> (publication due, seed wording)
BLOG_POSTS = {
    1: (date(2026, 3, 31), FIRST_BLOG_TITLE),
    2: (date(2026, 5, 31), "偏工程"),
    3: (date(2026, 7, 31), "系统级"),
    4: (date(2026, 10, 31), "年度工程总结"),
}

JUNE_CRITERIA = (
    "完成 VLM 微调 + 端侧推理 demo",
    "数学：微积分 + 线代工程总结",
    "英语：听懂 70% 技术视频",
)

# 二（补充）6️⃣ 3 阶段里程碑
LISTENING_PHASES = (
    ("Phase 1", "听懂 50% 技术内容"),
    ("Phase 2", "能复述技术要点"),
    ("Phase 3", "为雅思听力打基础"),
)

DECISIONS = ("2027 是否冲雅思", "是否开始 N2 正式备考")


# ── fixtures and helpers ──────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def plan() -> Plan:
    try:
        return load_plan_file(builtin_plan_path())
    except PlanInvalid as exc:  # show every problem, not just the count
        pytest.fail("built-in plan invalid:\n" + "\n".join(exc.problems))


@pytest.fixture(scope="module")
def calendar(plan: Plan) -> Calendar:
    """The plan's own calendar: China's holidays and makeup workdays, no trips."""
    table = load_holiday_table(plan.calendar.country, range(plan.start.year, plan.end.year + 2))
    return Calendar(plan, table, (), "zh")


@pytest.fixture(scope="module")
def planned(plan: Plan, calendar: Calendar) -> Projection:
    """The year as the plan means it: poured from its first day, nothing logged, no trips."""
    stream = build_stream(plan, calendar)
    return project(plan, calendar, stream, progress_of(plan, ()), plan.start)


def month(text: str) -> Month:
    year, mon = text.split("-")
    return Month(int(year), int(mon))


def block(template: DayTemplate, block_id: str) -> Block:
    found = [b for b in template.blocks if b.id == block_id]
    assert len(found) == 1, f"{template.id} has no single block {block_id!r}"
    return found[0]


def blocks_of(template: DayTemplate, kind: str) -> list[Block]:
    return [b for b in template.blocks if b.type == kind]


def curricula_active(plan: Plan, m: Month, track: str | None = None) -> list[Curriculum]:
    return [
        c for c in plan.curricula if c.start <= m <= c.end and (track is None or c.track == track)
    ]


def units_matching(plan: Plan, phrase: str, track: str | None = None) -> list[Unit]:
    return [u for u in plan.units() if phrase in u.title and (track is None or u.track == track)]


def all_text(plan: Plan) -> str:
    """Every free-text field a person sees: titles, details, sources, rhythms, notes."""
    parts: list[str] = [plan.summary, *plan.principles]
    for t in plan.day_templates:
        for b in t.blocks:
            parts += [b.title, b.detail, *(s.detail for s in b.steps)]
    for c in plan.curricula:
        parts += [c.title, c.source, c.rhythm, *c.prompts]
        for u in c.units:
            parts += [u.title, u.notes]
    return "\n".join(parts)


def listening_habit(template: DayTemplate, minutes: int) -> Block:
    habits = [b for b in blocks_of(template, "habit") if b.track == "english"]
    assert len(habits) == 1, f"{template.id}: want one English listening habit"
    habit = habits[0]
    assert habit.minutes == minutes, f"{template.id}: listening is {habit.minutes} min"
    return habit


# ── plan identity, principles, tracks ─────────────────────────────────────────────────


def test_plan_identity(plan: Plan) -> None:
    assert plan.id == "plan-2026"
    assert plan.title == "2026执行方案"
    assert (plan.start, plan.end) == (date(2026, 2, 9), date(2026, 12, 31))
    assert plan.timezone == "Asia/Shanghai"
    assert plan.locale == "zh_CN"
    assert plan.min_chunk == 20


@pytest.mark.parametrize("phrase", CORE_PRINCIPLES + CONCLUSION_POINTS)
def test_principles_carry_the_seed(plan: Plan, phrase: str) -> None:
    assert any(phrase in p for p in plan.principles), phrase


def test_three_core_principles_come_first(plan: Plan) -> None:
    for principle, phrase in zip(plan.principles[:3], CORE_PRINCIPLES, strict=True):
        assert principle.startswith(phrase)


def test_tracks(plan: Plan) -> None:
    assert {t.id: t.title for t in plan.tracks} == TRACKS


# ── 一、当前真实能力基线 ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("track", sorted(BASELINE))
def test_baseline(plan: Plan, track: str) -> None:
    have, lack, conclusion = BASELINE[track]
    entries = [b for b in plan.baseline if b.track == track]
    assert len(entries) == 1, f"one baseline entry for {track}"
    entry = entries[0]
    for line in have:
        assert any(line in h for h in entry.have), f"{track} have: {line}"
    for line in lack:
        assert any(line in x for x in entry.lack), f"{track} lack: {line}"
    assert conclusion in entry.conclusion
    # nothing the person lacks is also listed as had
    assert not set(entry.have) & set(entry.lack)


# ── 四、周计划模板 ───────────────────────────────────────────────────────────────────────


def test_workday_is_30_min_listening_plus_60_min_main(plan: Plan) -> None:
    day = plan.template("workday")
    assert day.title == "工作日（周一～周五）"
    assert day.start == "21:00"
    habit = listening_habit(day, 30)
    assert habit.title == "英语听力"
    steps = [(s.title, s.minutes, s.max_minutes) for s in habit.steps]
    assert steps == [("泛听", 15, 15), ("精听", 10, 10), ("Shadowing", 5, 10)]
    details = [s.detail for s in habit.steps]
    assert details == [
        "技术视频 / Podcast，不停，不暂停",
        "同一段反复听，对字幕找差距",
        "跟读，不求流利，只求跟上",
    ]
    assert sum(s.minutes for s in habit.steps) == habit.minutes
    main = block(day, "main")
    assert (main.type, main.minutes, main.max_minutes) == ("work", 60, 60)
    assert main.title == "主线（数学 / VLM / 工程）"
    assert set(main.tracks) == {"math", "eng"}
    assert day.work_minutes == 60  # 每日 90 分钟 = 30 听力 + 60 主线


def test_saturday_deep_is_3_to_4_hours(plan: Plan) -> None:
    day = plan.template("deep")
    assert day.title == "周六（深度）"
    assert day.start == "09:30"
    listening_habit(day, 30)
    deep = block(day, "deep")
    assert (deep.type, deep.minutes, deep.max_minutes) == ("work", 180, 240)
    assert deep.title == "推导 / 代码 / 微调实验"
    assert set(deep.tracks) == {"math", "eng", "japanese", "english", "life"}


def test_sunday_light_is_1_to_2_hours_plus_mandatory_review(plan: Plan) -> None:
    day = plan.template("light")
    assert day.title == "周日（轻量）"
    assert day.start == "15:00"
    listening_habit(day, 30)
    summary = block(day, "summary")
    assert (summary.type, summary.minutes, summary.max_minutes) == ("work", 60, 120)
    assert summary.title == "总结 + 博客素材"
    assert not summary.tracks  # a summary of any track, and the blog posts
    assert set(summary.kinds) == {"write", "review"}
    rituals = blocks_of(day, "ritual")
    assert [(r.title, r.minutes) for r in rituals] == [("周复盘（强制）", 30)]
    assert rituals[0].track == "life"
    assert rituals[0].steps and sum(s.minutes for s in rituals[0].steps) == 30


def test_travel_day_is_20_min_broad_listening_only(plan: Plan) -> None:
    day = plan.template("travel")
    assert day.title == "出差日（保命版）"
    assert [b.type for b in day.blocks] == ["habit"]
    habit = listening_habit(day, 20)
    assert [(s.title, s.minutes, s.detail) for s in habit.steps] == [("泛听", 20, "路上 / 酒店")]
    assert day.work_minutes == 0


def test_travel_weekend_is_one_60_min_reading_block(plan: Plan) -> None:
    day = plan.template("travel_weekend")
    listening_habit(day, 20)
    work = blocks_of(day, "work")
    assert len(work) == 1
    read = work[0]
    assert read.minutes == 60 and read.max_minutes == 60
    assert "阅读 / 思考" in read.title
    assert read.new_units is False
    assert read.kinds and not set(read.kinds) & DESK_KINDS
    assert not any(read.admits(t.id, k) for t in plan.tracks for k in DESK_KINDS)
    assert "不写代码，不做新任务" in read.detail


def test_travel_sunday_keeps_the_review(plan: Plan) -> None:
    day = plan.template("travel_sunday")
    listening_habit(day, 20)
    assert day.work_minutes == 0
    assert [(r.title, r.minutes) for r in blocks_of(day, "ritual")] == [("周复盘（强制）", 30)]


def test_holiday_template(plan: Plan) -> None:
    day = plan.template("holiday")
    listening_habit(day, 30)
    free = block(day, "free")
    assert (free.type, free.minutes, free.max_minutes) == ("work", 120, 180)
    assert all(free.admits(t.id, "code") for t in plan.tracks)


def test_week_shapes(plan: Plan) -> None:
    assert plan.shape("normal").days == ("workday",) * 5 + ("deep", "light")
    assert plan.shape("travel").days == ("travel",) * 5 + ("travel_weekend", "travel_sunday")


def test_normal_week_has_540_work_minutes(plan: Plan) -> None:
    week = sum(plan.template(t).work_minutes for t in plan.shape("normal").days)
    assert week == 300 + 180 + 60


def test_calendar(plan: Plan) -> None:
    assert plan.calendar.country == "CN"
    assert plan.calendar.holiday_template == "holiday"
    assert plan.calendar.makeup_template == "workday"


@pytest.mark.parametrize("resource", LISTENING_RESOURCES)
def test_listening_resources_are_in_the_plan(plan: Plan, resource: str) -> None:
    assert resource in all_text(plan)


def test_listening_three_layers(plan: Plan) -> None:
    text = all_text(plan)
    for layer in ("第一层：输入（听得清）", "第二层：拆解（听得准）", "第三层：输出（听得住）"):
        assert layer in text


# ── 四（续）：the year as planned does what the weekly template says ─────────────────────

FIRST_WEEK = [date(2026, 2, 9) + timedelta(days=i) for i in range(7)]  # 本周 = the plan's first


def pieces_on(plan: Plan, planned: Projection, day: date) -> list[tuple[str, Unit]]:
    """(template id, unit) of every piece the planned year places on `day`."""
    dp = planned.day(day)  # None once all the work is placed
    if dp is None:
        return []
    return [(dp.template.id, plan.unit(p.unit)) for bp in dp.blocks for p in bp.items]


def year(plan: Plan) -> list[date]:
    return [plan.start + timedelta(days=i) for i in range((plan.end - plan.start).days + 1)]


def test_sunday_block_takes_summary_and_blog_material_not_new_lectures(
    plan: Plan, planned: Projection
) -> None:
    """周日（轻量）1–2 小时：总结 + 博客素材 — write and review units, never a lecture."""
    work = blocks_of(plan.template("light"), "work")
    assert work
    for b in work:
        assert set(b.kinds) == {"write", "review"}, b.kinds
    placed = [u for d in year(plan) for tid, u in pieces_on(plan, planned, d) if tid == "light"]
    assert placed and {u.kind for u in placed} <= {"write", "review"}
    assert any(u.track == "output" for u in placed)  # the blog posts are written there


def test_weekday_main_line_is_math_vlm_engineering(plan: Plan, planned: Projection) -> None:
    """工作日 60 min：主线（数学 / VLM / 工程） — not English or Japanese units."""
    assert set(block(plan.template("workday"), "main").tracks) == {"math", "eng"}
    for d in year(plan):
        for tid, u in pieces_on(plan, planned, d):
            if d.weekday() < 5 and tid != "holiday":
                assert u.track in ("math", "eng"), (d, tid, u.id)


def test_first_week_is_the_seeds_two_actions(plan: Plan, planned: Projection) -> None:
    """三、你现在该立刻做的两件事（行动指令）: this week only MIT 18.02 lecture 1 + contour
    lines; subscribe to one tech podcast and do only 20 min of broad listening a day."""
    assert plan.start == FIRST_WEEK[0] and FIRST_WEEK[0].weekday() == 0
    first = [u for d in FIRST_WEEK for _, u in pieces_on(plan, planned, d)]
    lecture = [u for u in first if "第一讲 + 画等高线" in u.title]
    assert lecture, [u.id for u in first]
    assert "MIT 18.02" in plan.curriculum(lecture[0].curriculum).source
    assert planned.finish[lecture[0].id] <= FIRST_WEEK[-1]
    # 本周只看 第一讲: no other 18.02 lecture that week
    others = [u for u in first if u.track == "math" and "18.02" in curriculum_text(plan, u)]
    assert {u.id for u in others} == {lecture[0].id}
    for d in FIRST_WEEK:
        dp = planned.day(d)
        assert dp is not None
        habit = listening_habit(dp.template, 20)
        assert [(s.title, s.minutes) for s in habit.steps] == [("泛听", 20)], d
    opening = planned.day(FIRST_WEEK[0])
    assert opening is not None
    text = " ".join(
        part
        for b in opening.blocks
        for part in (b.block.title, b.block.detail, *(st.detail for st in b.block.steps))
    )
    assert "订阅 1 个技术 Podcast" in text


def curriculum_text(plan: Plan, unit: Unit) -> str:
    c = plan.curriculum(unit.curriculum)
    return f"{c.title} {c.source}"


def test_a_makeup_workday_sunday_still_has_the_weekly_review(
    plan: Plan, calendar: Calendar
) -> None:
    """周复盘（强制）: every week of the year has a day with the review, and that day is not
    one worked for a public holiday (2026-09-20 is a Sunday worked for the National Day)."""
    from pacer.schedule.review import review_day, with_review

    project_days = project(
        plan,
        calendar,
        build_stream(plan, calendar),
        progress_of(plan, ()),
        plan.start,
        until=plan.end,
    )
    by_day = {dp.info.day: dp for dp in with_review(plan, calendar, project_days.days)}
    week = IsoWeek.of(plan.start)
    while week <= IsoWeek.of(plan.end):
        d = review_day(plan, calendar, week)
        assert week.monday <= d <= week.sunday, week
        info = calendar.resolve(d)
        assert info.kind != "makeup", (week, d)
        if d in by_day:
            rituals = [b for b in by_day[d].blocks if b.block.type == "ritual"]
            assert [r.block.title for r in rituals] == ["周复盘（强制）"], (week, d)
        week = IsoWeek.of(week.sunday + timedelta(days=1))
    assert calendar.resolve(date(2026, 9, 20)).kind == "makeup"
    assert review_day(plan, calendar, IsoWeek(2026, 38)) == date(2026, 9, 19)


def test_the_year_as_planned_meets_every_due_date(plan: Plan, planned: Projection) -> None:
    """Kept as written (no trips, every piece done), nothing is projected late: with English
    and Japanese on weekends only, their months must still fit the weekends."""
    for m in plan.milestones:
        finish = planned.finish_of(m.needs)
        assert finish is not None and finish <= m.due, (m.id, finish, m.due)
    for u in plan.units():
        if u.due is not None and not u.optional:
            finish = planned.finish.get(u.id)
            assert finish is not None and finish <= u.due, (u.id, finish, u.due)


# ── 二、总节奏：4 个工程阶段 ──────────────────────────────────────────────────────────────


def test_phases(plan: Plan) -> None:
    got = {p.id: (str(p.start), str(p.end), p.deliverable) for p in plan.phases}
    assert got == PHASES


# ── 三、详细【月计划】 ───────────────────────────────────────────────────────────────────


def test_every_month_of_the_span_is_planned(plan: Plan) -> None:
    assert [str(m.month) for m in plan.months] == sorted(MONTHS)


@pytest.mark.parametrize("key", sorted(MONTHS))
def test_month(plan: Plan, key: str) -> None:
    title, keywords, items = MONTHS[key]
    mp = plan.month_plan(month(key))
    assert mp is not None, key
    assert mp.title == title
    if keywords is not None:
        assert mp.keywords == keywords
    got = dict(mp.items)
    for track, bullets in items.items():
        assert track in got, f"{key}: no items for {track}"
        for bullet in bullets:
            assert any(bullet in line for line in got[track]), f"{key} {track}: {bullet}"


@pytest.mark.parametrize("key", sorted(MONTHS))
def test_month_weights_name_active_curricula(plan: Plan, key: str) -> None:
    mp = plan.month_plan(month(key))
    assert mp is not None and mp.weights, key
    active = {c.id for c in curricula_active(plan, month(key))}
    weighted = {cid for cid, _ in mp.weights}
    assert weighted <= active, f"{key}: weights for inactive {weighted - active}"
    # every curriculum tied to this month (opening in it) gets a share
    opening = {c.id for c in plan.curricula if c.start == month(key)}
    assert opening <= weighted, f"{key}: unweighted {opening - weighted}"


# ── 数学：18.01 / 18.06 / 18.02 ─────────────────────────────────────────────────────────


def test_mit_1801_remaining_topics(plan: Plan) -> None:
    c = plan.curriculum("mit1801")
    assert c.track == "math"
    assert (str(c.start), str(c.end)) == ("2026-02", "2026-02")
    assert c.prompts == ("推导", "图像理解", "和 ML 中 loss / 梯度的联系")
    titles = [u.title for u in c.units]
    for topic in ("反常积分", "参数积分", "初等微分方程（重点）"):
        assert any(topic in t for t in titles), topic
    assert max(u.due for u in c.units if u.due) <= date(2026, 2, 28)
    # ODE is the focus (重点): it gets the largest share of the curriculum
    ode = sum(u.minutes for u in c.units if "微分方程" in u.title)
    assert ode > sum(u.minutes for u in c.units if "反常积分" in u.title)


def test_mit_1806_topics_and_dl_mapping(plan: Plan) -> None:
    c = plan.curriculum("mit1806")
    assert c.track == "math"
    assert str(c.start) == "2026-03"
    titles = [u.title for u in c.units]
    for topic in ("向量", "矩阵", "线性变换", "投影", "子空间", "特征值"):
        assert any(topic in t for t in titles), topic
    assert any("DL 的对应" in p for p in c.prompts)
    last_due = max(u.due for u in c.units if u.due)
    assert last_due == date(2026, 3, 31)


def test_mit_1802_eight_week_table(plan: Plan) -> None:
    c = plan.curriculum("mit1802")
    assert c.track == "math"
    assert (str(c.start), str(c.end)) == ("2026-03", "2026-04")  # 可插入 3–4 月
    assert c.prompts == THREE_QUESTIONS
    assert c.rhythm == "工作日 30–40 min 看课 + 10 min 画图 / 写直觉；周末 1 次“工程映射总结”"
    assert "MIT 18.02" in c.source and "Khan Academy" in c.source
    labels = [u.label for u in c.units]
    assert labels == sorted(labels), "weeks in order"
    assert set(labels) == set(MULTIVARIABLE_WEEKS)
    for week, (topics, maps_to) in MULTIVARIABLE_WEEKS.items():
        units = [u for u in c.units if u.label == week]
        assert units, week
        # 工程对照 on every unit of the week (Hessian, an optional extra in W7, maps to 曲率)
        for u in units:
            expected = "曲率" if "Hessian" in u.title else maps_to
            assert u.maps_to == expected, f"{u.id} maps_to {u.maps_to!r}, want {expected!r}"
        for topic in topics:
            assert any(topic in u.title for u in units), f"{week}: {topic}"
        for u in units:
            assert u.prompts == THREE_QUESTIONS


def test_mit_1802_must_master_vs_optional(plan: Plan) -> None:
    c = plan.curriculum("mit1802")
    required = [u for u in c.units if not u.optional]
    for topic in MUST_MASTER:
        assert any(topic in u.title for u in required), f"必须掌握：{topic}"
    for topic in OPTIONAL_TOPICS:
        units = [u for u in c.units if topic in u.title]
        assert units and all(u.optional for u in units), f"可选：{topic}"
    # 行动指令：本周只看 第一讲 + 画等高线 — in the plan's first week, before W1's other units
    start = plan.curriculum("mit1802-start")
    assert [u.title for u in start.units] == ["第一讲 + 画等高线"]
    assert start.units[0].label == "W1" and start.units[0].prompts == THREE_QUESTIONS
    assert start.units[0].id in c.units[0].after
    # weekly 工程映射总结 (one per week, W1–W6 required)
    for week in ("W1", "W2", "W3", "W4", "W5", "W6"):
        assert any(u.label == week and "工程映射总结" in u.title for u in required), week
    # W8 does not wait on the optional W7
    w8 = [u for u in c.units if u.label == "W8"]
    for u in w8:
        assert not any(plan.unit(a).optional for a in u.after), u.id


def test_math_acceptance_summary(plan: Plan) -> None:
    units = units_matching(plan, "工程总结", track="math")
    titles = " ".join(u.title for u in units)
    assert "微积分" in titles and "线代" in titles
    assert all(u.kind in ("write", "review") for u in units)
    assert max(u.due for u in plan.curriculum("math-summary").units if u.due) == date(2026, 6, 30)


# ── 工程 & AI ─────────────────────────────────────────────────────────────────────────


# phrase -> (month the seed ties it to)
ENGINEERING = {
    "TensorRT": "2026-02",
    "FP16 / INT8": "2026-02",
    "ONNX Runtime": "2026-02",
    "Qwen3-VL：数据格式": "2026-04",
    "LoRA / QLoRA 原理": "2026-04",
    "一次完整微调流程": "2026-04",
    "显存 / 内存 profiling": "2026-04",
    "Jetson 上模型加载优化": "2026-04",
    "图像 → VLM": "2026-05",
    "文本 → 控制逻辑": "2026-05",
    "吞吐": "2026-05",
    "延迟": "2026-05",
    "功耗": "2026-05",
    "VLM + CV + 规则系统": "2026-07",
    "多模态决策逻辑": "2026-07",
    "模型裁剪 / 蒸馏理解": "2026-09",
    "Jetson 上多模型调度": "2026-09",
    "端侧部署模板": "2026-11",
    "VLM 微调 SOP": "2026-11",
    "年终技术总结": "2026-12",
}


@pytest.mark.parametrize("phrase", sorted(ENGINEERING))
def test_engineering_work_sits_in_its_month(plan: Plan, phrase: str) -> None:
    m = month(ENGINEERING[phrase])
    units = units_matching(plan, phrase, track="eng")
    assert units, phrase
    assert any(
        plan.curriculum(u.curriculum).start <= m <= plan.curriculum(u.curriculum).end for u in units
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "跑 非 VLM 模型 TensorRT",
        "FP16 / INT8 性能差异",
        "ONNX Runtime 推理跑通",
        "一次完整微调流程",
        "显存 / 内存 profiling",
        "Jetson 上模型加载优化",
        "Jetson 上多模型调度：实现",
    ],
)
def test_computer_work_is_never_travel_work(plan: Plan, phrase: str) -> None:
    units = units_matching(plan, phrase, track="eng")
    assert units, phrase
    assert all(u.kind in DESK_KINDS for u in units), [(u.id, u.kind) for u in units]


def test_month_ends_are_due_dates_for_engineering(plan: Plan) -> None:
    for cid, due in {
        "edge-base": date(2026, 2, 28),
        "vlm-lora": date(2026, 4, 30),
        "jetson-opt": date(2026, 4, 30),
        "pipeline": date(2026, 5, 31),
        "demo": date(2026, 6, 30),
        "mm-system": date(2026, 7, 31),
        "adv-eng": date(2026, 9, 30),
        "consolidate": date(2026, 11, 30),
        "year-summary": date(2026, 12, 31),
    }.items():
        dues = [u.due for u in plan.curriculum(cid).units if u.due]
        assert dues and max(dues) == due, cid


# ── 英语 / 日语 / 生活 ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("key", "track", "phrases"),
    [
        ("2026-08", "english", ["Shadowing", "技术复述"]),
        ("2026-10", "english", ["口语输出"]),
        ("2026-08", "japanese", ["N3 语法系统化"]),
        ("2026-10", "japanese", ["听力 → 阅读迁移"]),
        ("2026-08", "life", ["化妆 / Cos"]),
        ("2026-09", "life", ["摄影", "人像", "光线控制"]),
        ("2026-11", "life", ["ENTJ 行为模型强化"]),
    ],
)
def test_language_and_life_curricula(plan: Plan, key: str, track: str, phrases: list[str]) -> None:
    active = curricula_active(plan, month(key), track)
    text = " ".join(c.title + " " + " ".join(u.title for u in c.units) for c in active)
    for phrase in phrases:
        assert phrase in text, f"{key} {track}: {phrase}"


def test_cos_is_technique_not_aesthetics(plan: Plan) -> None:
    assert plan.curriculum("cos").title == "化妆 / Cos：技术性学习（不是审美）"


# ── 输出：4 篇博客 ──────────────────────────────────────────────────────────────────────


def test_four_blog_posts(plan: Plan) -> None:
    for n, (due, wording) in BLOG_POSTS.items():
        c = plan.curriculum(f"blog{n}")  # one curriculum a post: its window is its months
        assert c.track == "output"
        assert all(u.kind == "write" for u in c.units)
        assert c.end == Month(due.year, due.month), n
        post = list(c.units)
        assert [u.id.split("-")[1] for u in post] == ["outline", "draft", "polish"], n
        assert all(wording in u.title for u in post), n
        assert post[-1].due == due, n
        ms = [m for m in plan.milestones if m.id == f"blog-{n}"]
        assert len(ms) == 1 and ms[0].due == due and ms[0].criteria
        assert set(ms[0].needs) == {u.id for u in post}


def test_first_blog_title_is_verbatim(plan: Plan) -> None:
    polish = plan.unit("blog1-polish")
    assert FIRST_BLOG_TITLE in polish.title
    milestone = next(m for m in plan.milestones if m.id == "blog-1")
    assert any(FIRST_BLOG_TITLE in c.text for c in milestone.criteria)


def test_output_work_fits_the_sunday_and_holiday_blocks(plan: Plan) -> None:
    """Blog posts can only go where a work block admits output/write."""
    admitting = [
        t.id
        for t in plan.day_templates
        for b in t.blocks
        if b.type == "work" and b.admits("output", "write")
    ]
    assert set(admitting) == {"light", "holiday", "kickoff_sunday"}
    # each post fits in about six normal Sundays
    for n in BLOG_POSTS:
        minutes = sum(u.minutes for u in plan.curriculum(f"blog{n}").units)
        assert minutes <= 6 * 60 + 120, n


# ── 里程碑 ──────────────────────────────────────────────────────────────────────────────


def milestone(plan: Plan, mid: str) -> Milestone:
    found = [m for m in plan.milestones if m.id == mid]
    assert len(found) == 1, mid
    return found[0]


def test_june_acceptance(plan: Plan) -> None:
    m = milestone(plan, "june-acceptance")
    assert m.title == "阶段验收"
    assert m.due == date(2026, 6, 30)
    assert tuple(c.text for c in m.criteria) == JUNE_CRITERIA
    needs = set(m.needs)
    for uid in ("vlm-run", "pipe-e2e", "demo-integrate", "demo-record", "msum-calc", "msum-linalg"):
        assert uid in needs, uid
    assert not any(plan.unit(u).optional for u in needs)


@pytest.mark.parametrize(
    ("mid", "due"),
    [
        ("phase-a", date(2026, 3, 31)),
        ("phase-c", date(2026, 9, 30)),
        ("year-end", date(2026, 12, 31)),
    ],
)
def test_phase_milestones(plan: Plan, mid: str, due: date) -> None:
    m = milestone(plan, mid)
    assert m.due == due
    assert m.criteria and m.needs
    assert all(plan.unit(u) for u in m.needs)


def test_year_end_criteria(plan: Plan) -> None:
    m = milestone(plan, "year-end")
    assert m.title == "年度收官"
    texts = " ".join(c.text for c in m.criteria)
    for phrase in ("年终技术总结", *DECISIONS):
        assert phrase in texts


def test_listening_phase_milestones(plan: Plan) -> None:
    found = {}
    for m in plan.milestones:
        for phase, ability in LISTENING_PHASES:
            if phase in m.title and any(ability in c.text for c in m.criteria):
                found[phase] = m.due
    assert found == {
        "Phase 1": date(2026, 2, 28),
        "Phase 2": date(2026, 6, 30),
        "Phase 3": date(2026, 12, 31),
    }


def test_every_milestone_has_criteria_and_known_work(plan: Plan) -> None:
    ids = {u.id for u in plan.units()}
    for m in plan.milestones:
        assert m.criteria, m.id
        assert m.needs and set(m.needs) <= ids, m.id
        # the work it needs is due no later than the milestone
        dues = [d for u in m.needs if (d := plan.unit(u).due) is not None]
        assert all(d <= m.due for d in dues), m.id


# ── 指标 / 复盘 / 决定 ──────────────────────────────────────────────────────────────────


def test_listening_metric_targets(plan: Plan) -> None:
    metrics = [m for m in plan.metrics if m.id == "listening"]
    assert len(metrics) == 1
    m = metrics[0]
    assert "听懂" in m.title
    assert m.unit == "%" and m.track == "english" and m.higher_is_better
    assert [(t.day, t.value) for t in m.targets] == [
        (date(2026, 2, 28), 50),
        (date(2026, 6, 30), 70),
    ]


def test_weekly_review(plan: Plan) -> None:
    r = plan.review
    assert (r.day, r.minutes) == ("sun", 30)
    texts = " ".join(p.text for p in r.prompts)
    for phrase in ("本周完成了什么", "做得好的", "卡住的地方", "下周调整", "博客素材"):
        assert phrase in texts, phrase


def test_december_decisions(plan: Plan) -> None:
    got = {d.question: d for d in plan.decisions}
    assert set(got) == set(DECISIONS)
    evidence_pool = (
        {m.id for m in plan.metrics} | {m.id for m in plan.milestones} | {t.id for t in plan.tracks}
    )
    for d in got.values():
        assert d.due == date(2026, 12, 31)
        assert d.evidence and set(d.evidence) <= evidence_pool
    assert "listening" in got["2027 是否冲雅思"].evidence
    assert "japanese" in got["是否开始 N2 正式备考"].evidence


# ── 可行性：容量核算 ─────────────────────────────────────────────────────────────────────


def test_total_load_is_70_to_80_percent_of_normal_capacity(plan: Plan) -> None:
    weekly = sum(plan.template(t).work_minutes for t in plan.shape("normal").days)
    weeks = ((plan.end - plan.start).days + 1) / 7
    capacity = weekly * weeks
    required = sum(u.minutes for u in plan.units() if not u.optional)
    assert 0.70 * capacity <= required <= 0.80 * capacity, (required, capacity)


@pytest.mark.parametrize("key", sorted(MONTHS))
def test_each_month_fits_its_normal_capacity(plan: Plan, key: str) -> None:
    """Units of curricula open in a month (spread over their windows) fit that month."""
    m = month(key)
    weekly = sum(plan.template(t).work_minutes for t in plan.shape("normal").days)
    first = max(m.first_day(), plan.start)
    days = (m.last_day() - first).days + 1
    capacity = weekly * days / 7
    load = 0.0
    for c in plan.curricula:
        if c.id.startswith("blog") or not c.start <= m <= c.end:
            continue
        span = (c.end.year - c.start.year) * 12 + c.end.month - c.start.month + 1
        load += sum(u.minutes for u in c.units if not u.optional) / span
    assert load <= 0.9 * capacity, (key, load, capacity)


def test_units_are_sane(plan: Plan) -> None:
    for u in plan.units():
        assert plan.min_chunk <= u.minutes <= 300, u.id
        if u.due is not None:
            assert plan.start <= u.due <= plan.end, u.id
    # no unit is pre-covered: the baseline is about abilities before 18.01 lecture 25
    assert not plan.covered_units()


def test_text_is_in_chinese(plan: Plan) -> None:
    def has_cjk(s: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in s)

    for m in plan.months:
        assert has_cjk(m.title), m.month
    for c in plan.curricula:
        assert has_cjk(c.title), c.id
