"""The Hexo draft, pure: title, tags, valid YAML front matter, outline and material."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from pacer.interop.hexo import hexo_draft
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file, load_plan_text
from pacer.plan.model import Month, Plan
from pacer.schedule.blog import Note, post_months, post_tags, post_title, posts

WRITTEN = datetime(2026, 3, 9, 21, 5, 7, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan_file(builtin_plan_path())


def front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n")
    head = text.split("---\n", 2)[1]
    loaded: dict[str, object] = yaml.safe_load(head)
    return loaded


def test_the_builtin_posts_are_its_four_blog_curricula(plan: Plan) -> None:
    assert [c.id for c in posts(plan)] == ["blog1", "blog2", "blog3", "blog4"]


def test_the_title_is_the_book_title_in_the_units_else_the_curriculum_title(plan: Plan) -> None:
    assert post_title(plan.curriculum("blog1")) == "在 Jetson Orin Nano 上部署多模态模型的工程实践"
    assert post_title(plan.curriculum("blog2")) == "技术博客第 2 篇（5 月，偏工程）"


def test_tags_are_the_posts_own_topics_not_every_track_of_its_months(plan: Plan) -> None:
    blog1 = plan.curriculum("blog1")
    assert post_months(blog1) == [Month(2026, 2), Month(2026, 3)]
    # February asks for math, engineering and English, March for math and the post; the
    # post itself (《在 Jetson Orin Nano 上部署多模态模型的工程实践》) is about engineering.
    assert post_tags(plan, blog1) == ["工程 & AI"]
    # 年度工程总结: engineering, although its months ask for English, Japanese and life.
    assert post_tags(plan, plan.curriculum("blog4")) == ["工程 & AI"]


ENGLISH_POSTS = """
pacer: 1
plan: {id: nurse-blog, title: Nurse notes, start: 2026-03-02, end: 2026-05-31, locale: en}
tracks:
  - {id: pharm, title: Pharmacology}
  - {id: piano, title: Piano}
  - {id: writing, title: Writing}
  - {id: output, title: Output}
day_templates:
  day:
    title: Day
    blocks:
      - {id: study, type: work, title: Study, minutes: 60}
week_shapes:
  normal: {mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day}
  travel: {mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day}
calendar: {country: DE}
months:
  - month: 2026-03
    items: {pharm: [antibiotics], piano: [scales], writing: [a post]}
curricula:
  - id: sepsis-post
    title: What sepsis taught me
    track: writing
    post: true
    from: 2026-03
    to: 2026-04
    topics: [pharm]
    units:
      - {id: sepsis-draft, title: Draft, minutes: 120, kind: write}
  - id: untagged-post
    title: A post about nothing in particular
    track: writing
    post: true
    from: 2026-03
    to: 2026-03
    units:
      - {id: untagged-draft, title: Draft, minutes: 60, kind: write}
  - id: report
    title: A report, on a track that happens to be called output
    track: output
    from: 2026-03
    to: 2026-03
    units:
      - {id: report-draft, title: Draft, minutes: 60, kind: write}
"""


def test_posts_are_the_curricula_marked_post_whatever_their_track() -> None:
    other = load_plan_text(ENGLISH_POSTS, "nurse-blog.yaml")
    assert [c.id for c in posts(other)] == ["sepsis-post", "untagged-post"]


def test_an_english_plans_post_is_tagged_by_its_topics_only() -> None:
    other = load_plan_text(ENGLISH_POSTS, "nurse-blog.yaml")
    post = other.curriculum("sepsis-post")
    assert post_tags(other, post) == ["Pharmacology"]  # March also asks for piano
    assert post_tags(other, other.curriculum("untagged-post")) == []
    text = hexo_draft(other, other.curriculum("untagged-post"), [], set(), WRITTEN)
    assert front_matter(text)["tags"] == []


def test_front_matter_is_valid_yaml_with_the_text_as_written(plan: Plan) -> None:
    text = hexo_draft(plan, plan.curriculum("blog1"), [], set(), WRITTEN)
    assert front_matter(text) == {
        "title": "在 Jetson Orin Nano 上部署多模态模型的工程实践",
        "date": WRITTEN.replace(tzinfo=None),  # local time, as Hexo reads it
        "tags": ["工程 & AI"],
        "categories": ["2026执行方案"],
    }
    assert 'title: "在 Jetson Orin Nano 上部署多模态模型的工程实践"\n' in text
    assert "date: 2026-03-09 21:05:07\n" in text
    assert "\\u" not in text


def test_awkward_titles_stay_valid_yaml(plan: Plan) -> None:
    blog2 = plan.curriculum("blog2")
    awkward = 'Title: "quoted" # not a comment\\ & *star* [x] {y}'
    post = replace(blog2, title=awkward)
    text = hexo_draft(replace(plan, tracks=plan.tracks[:2]), post, [], set(), WRITTEN)
    assert front_matter(text)["title"] == awkward
    assert front_matter(text)["tags"] == ["工程 & AI"]


def test_outline_then_material_by_date(plan: Plan) -> None:
    notes = [
        Note(3, "blog1", date(2026, 3, 8), "第二条\n\n  缩进保留"),
        Note(1, "blog1", date(2026, 3, 1), "TensorRT engine 构建要 20 分钟"),
        Note(2, "blog1", date(2026, 3, 8), "INT8 校准：200 张图"),
    ]
    text = hexo_draft(plan, plan.curriculum("blog1"), notes, {"blog1-outline"}, WRITTEN)
    body = text.split("---\n", 2)[2]
    assert "- [x] 博客第 1 篇 提纲：《在 Jetson Orin Nano 上部署多模态模型的工程实践》\n" in body
    assert "- [ ] 博客第 1 篇 初稿：" in body
    polish = "博客第 1 篇 修改 + 发布：《在 Jetson Orin Nano 上部署多模态模型的工程实践》"
    assert f"- [ ] {polish}（截止 2026-03-31）\n" in body
    assert body.index("## 提纲") < body.index("### 2026-02 数学与端侧工程并行月")
    assert body.index("### 2026-02") < body.index("### 2026-03 线性代数启动 + 博客 1")
    assert "- 工程 & AI：RPi 5：ONNX Runtime 推理跑通\n" in body
    assert (
        "- 输出（博客）：技术博客第 1 篇：《在 Jetson Orin Nano 上部署多模态模型的工程实践》\n"
        in body
    )
    material = body[body.index("## 素材") :]
    assert material == (
        "## 素材\n\n"
        "### 2026-03-01\n\n"
        "- TensorRT engine 构建要 20 分钟\n\n"
        "### 2026-03-08\n\n"
        "- INT8 校准：200 张图\n"
        "- 第二条\n"
        "\n"
        "    缩进保留\n"
    )


def test_without_notes_the_draft_says_how_to_add_them(plan: Plan) -> None:
    text = hexo_draft(plan, plan.curriculum("blog3"), [], set(), WRITTEN)
    assert text.endswith("## 素材\n\n还没有素材：pacer note 文本 --for blog3\n")


def test_an_english_plan_gets_english_headings(plan: Plan) -> None:
    text = hexo_draft(replace(plan, locale="en"), plan.curriculum("blog2"), [], set(), WRITTEN)
    assert "## Outline\n" in text and "## Material\n" in text
    assert "- [ ] 博客第 2 篇（偏工程）修改 + 发布 (due 2026-05-31)\n" in text
    assert "Keywords: 从“会用”到“能改”" in text
    assert "- 工程 & AI: Qwen3-VL：数据格式\n" in text


# -- text Hexo would read as Nunjucks ------------------------------------------------------------
# Jinja2 reads `{{`, `{%`, `{#` and `{% raw %}` as Nunjucks does (Nunjucks is its port); the
# real Hexo run is tests/interop/test_hexo_site.py.
def _rendered(text: str) -> str:
    import jinja2

    env = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(text).render()


def _shown(text: str) -> str:
    """What a reader sees of protected text: Nunjucks' output, `&#123;` read as `{`."""
    import html

    return html.unescape(_rendered(text))


def _as_written(text: str) -> bool:
    import jinja2

    try:
        return _rendered(text) == text
    except jinja2.TemplateError:
        return False


TEMPLATE_LIKE = [
    "a note with {{ x }} and {% y %}",
    "{# not a comment",
    "{% raw %}literal{% endraw %} and a lone {% endraw %}",
    "{{{ triple }}} {%- trim -%} {{- x -}}",
    "`code {{ x }}` and *emphasis*",
]


@pytest.mark.parametrize("text", TEMPLATE_LIKE)
def test_protected_text_renders_as_written(text: str) -> None:
    from pacer.interop.hexo import protect

    assert not _as_written(text)
    assert _shown(protect(text)) == text


def test_a_brace_opening_a_line_is_an_entity_else_a_raw_block() -> None:
    from pacer.interop.hexo import protect

    # An opening `<!--` (Hexo's stand-in for a raw block) would turn the paragraph into raw
    # HTML; mid-line, and in indented code (where entities are not read), a raw block is used.
    assert protect("{{ a }} b {{ c }}") == "&#123;{ a }} b {% raw %}{{% endraw %}{ c }}"
    assert protect("- {# x\n  > 1. {% y") == "- &#123;# x\n  > 1. &#123;% y"
    code = "- a note\n\n      {{ code }}\n      {% more %}\n\n  {{ text }}\n"
    assert protect(code) == (
        "- a note\n\n      {% raw %}{{% endraw %}{ code }}\n      {% raw %}{{% endraw %}% more %}"
        "\n\n  &#123;{ text }}\n"
    )
    assert protect("    {{ top-level code }}") == "    {% raw %}{{% endraw %}{ top-level code }}"


@pytest.mark.parametrize("text", ["a lone { brace", "ends with a brace {", "}} and %} alone"])
def test_text_without_a_tag_start_is_unchanged(text: str) -> None:
    from pacer.interop.hexo import protect

    assert protect(text) == text


def test_fenced_code_is_left_to_hexo() -> None:
    from pacer.interop.hexo import protect

    text = "before {{ a }}\n\n```js\nconst o = {{ a: 1 }};\n```\n\nafter {% b %}\n"
    protected = protect(text)
    assert "```js\nconst o = {{ a: 1 }};\n```\n" in protected  # Hexo escapes a fence itself
    assert protected.startswith("before {% raw %}{{% endraw %}{ a }}\n")
    assert protected.endswith("after {% raw %}{{% endraw %}% b %}\n")


@given(st.text(alphabet="{}%#-x> \n`", max_size=40))
def test_any_text_outside_fences_renders_as_written(text: str) -> None:
    from pacer.interop.hexo import _HEXO_FENCE, protect

    assume(not _HEXO_FENCE.search(text))
    assert _shown(protect(text)) == text


def test_notes_and_titles_are_protected_in_the_draft(plan: Plan) -> None:
    notes = [Note(1, "blog2", date(2026, 4, 5), "模板语法 {{ page.title }} 与 {% raw %} 标签")]
    post = replace(plan.curriculum("blog2"), title="{% 标题 %}")
    text = hexo_draft(plan, post, notes, set(), WRITTEN)
    head, body = text.split("---\n", 2)[1:]
    assert yaml.safe_load(head)["title"] == "{% 标题 %}"  # front matter is data, not a template
    assert _shown(body).count("模板语法 {{ page.title }} 与 {% raw %} 标签") == 1
    assert "{% 标题 %}" in _shown(body)
