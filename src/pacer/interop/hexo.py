"""A Hexo-ready Markdown draft of one blog post: front matter, the outline, the material.

Pure: the plan, the post's notes, the units already finished and the local time of writing
go in, the file's text comes out. Headings follow the plan's language (its `locale`), since
the draft is written in it, whatever language the interface speaks. `protect` and
`front_matter` are shared with the year summary (report/document.py), also a Hexo post.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from datetime import datetime
from itertools import groupby

from pacer.i18n_catalog import CATALOG
from pacer.plan.model import Curriculum, Plan
from pacer.schedule.blog import Note, post_months, post_tags, post_title


def _lang(plan: Plan) -> int:
    return 1 if plan.locale.lower().startswith("zh") else 0


def _yaml_text(text: str) -> str:
    """A double-quoted YAML scalar (JSON's escapes are YAML's); Chinese stays as written."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_list(key: str, values: list[str]) -> list[str]:
    if not values:
        return [f"{key}: []"]
    return [f"{key}:", *(f"  - {_yaml_text(v)}" for v in values)]


def front_matter(title: str, written: str, tags: list[str], categories: list[str]) -> list[str]:
    """Hexo's front matter, every text a double-quoted scalar: a title such as `C++: basics`
    or a tag starting with `&` stays valid YAML. `written` is the local time, without a zone
    (Hexo reads it in the site's `timezone`)."""
    return [
        "---",
        f"title: {_yaml_text(title)}",
        f"date: {written}",
        *_yaml_list("tags", tags),
        *_yaml_list("categories", categories),
        "---",
    ]


# Hexo renders a post's Markdown through Nunjucks: `{{`, `{%` and `{#` in the text start a
# tag, and an unknown or unclosed one stops `hexo generate` ("Template render error"). So
# each such brace is escaped, one brace at a time, and the text around it stays Markdown (a
# `{% raw %}` block around a whole note would leave it unrendered: Hexo sets raw blocks aside
# before Markdown runs). Text that itself holds `{% endraw %}` is safe too: its brace is
# escaped like any other.
#  - Within a line, a brace becomes `{% raw %}{{% endraw %}`, which shows `{` in prose, in a
#    code span and in an indented code block alike.
#  - A brace that opens a line (after any `>` or list marker) becomes `&#123;` instead: Hexo
#    sets the raw block aside as an HTML comment, and a line opening with `<!--` would make
#    Markdown take the whole paragraph for raw HTML, leaving it unrendered. (In an indented
#    code block an entity is not decoded; there the raw block is used.)
#  - Fenced code blocks are left alone: Hexo escapes their braces itself, and would show raw
#    tags in them as written. _HEXO_FENCE is Hexo 8's own pattern for a fenced block
#    (hexo/dist/plugins/filter/before_post_render/backtick_code_block.js, rBacktick), so both
#    agree on where one is.
_HEXO_FENCE = re.compile(
    r"^((?:(?:[^\S\r\n]*>){0,3}|[-*+]|[0-9]+\.)[^\S\r\n]*)(`{3,}|~{3,})[^\S\r\n]*"
    r"((?:.*?[^`\s])?)[^\S\r\n]*\n((?:[\s\S]*?\n)?)"
    r"(?:(?:[^\S\r\n]*>){0,3}[^\S\r\n]*)\2[^\S\r\n]?(\n+|$)",
    re.M,
)
_TAG_START = re.compile(r"\{(?=[{%#])")
_RAW_BRACE = "{% raw %}{{% endraw %}"
_OPENING_BRACE = "&#123;"
# What may come before a line's text: indentation, block quote and list markers.
_LINE_OPENING = re.compile(r"(?:[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")


def _protect_lines(text: str) -> str:
    out: list[str] = []
    content = 0  # the column a list item's text starts at: its code is 4 further in
    in_code, after_blank = False, True
    for line in text.splitlines(keepends=True):
        if not line.strip():
            after_blank = True
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _LIST_ITEM.match(line)
        if item:
            content, in_code = item.end(), False
        else:
            if indent < content and not in_code and after_blank:
                content = 0  # a paragraph back at the margin: the list is over
            in_code = indent - content >= 4 and (after_blank or in_code)
        after_blank = False
        opening = _LINE_OPENING.match(line)
        start = opening.end() if opening else 0

        def brace(m: re.Match[str], start: int = start, code: bool = in_code) -> str:
            return _OPENING_BRACE if m.start() == start and not code else _RAW_BRACE

        out.append(_TAG_START.sub(brace, line))
    return "".join(out)


def protect(markdown: str) -> str:
    """The Markdown as Hexo shows it as written: no text of it read as a Nunjucks tag."""
    out, last = [], 0
    for fence in _HEXO_FENCE.finditer(markdown):
        out += [_protect_lines(markdown[last : fence.start()]), fence.group(0)]
        last = fence.end()
    out.append(_protect_lines(markdown[last:]))
    return "".join(out)


def _bullet(text: str) -> list[str]:
    first, *rest = text.strip().splitlines() or [""]
    return [f"- {first}", *(f"  {line}" if line.strip() else "" for line in rest)]


def hexo_draft(
    plan: Plan,
    post: Curriculum,
    notes: Iterable[Note],
    finished: Collection[str],
    written: datetime,
) -> str:
    """The draft's text: front matter (`written` is the local time, shown without its zone
    as Hexo expects), the outline (units, then the months' items), the notes grouped by
    date (oldest first)."""
    lang = _lang(plan)

    def say(key: str, **args: object) -> str:
        text = CATALOG[key][lang]
        return text.format(**args) if args else text

    head = front_matter(
        post_title(post),
        written.strftime("%Y-%m-%d %H:%M:%S"),
        post_tags(plan, post),
        [plan.title],
    )
    lines = [
        "",
        f"<!-- pacer: {post.id} · {post.title} · {post.start} → {post.end} -->",
        "",
        f"## {say('hexo.outline')}",
        "",
    ]
    for unit in post.units:
        box = "x" if unit.id in finished else " "
        due = say("hexo.due", due=unit.due) if unit.due else ""
        lines.append(f"- [{box}] {unit.title}{due}")
    titles = {t.id: t.title for t in plan.tracks}
    for month in post_months(post):
        mp = plan.month_plan(month)
        if mp is None:
            continue
        lines += ["", f"### {month} {mp.title}".rstrip(), ""]
        if mp.keywords:
            lines += [say("hexo.keywords", keywords=mp.keywords), ""]
        items = [
            "- " + say("hexo.item", track=titles.get(track, track), item=item)
            for track, its in mp.items
            for item in its
        ]
        lines += items or [say("hexo.no_items")]
    lines += ["", f"## {say('hexo.material')}", ""]
    ordered = sorted(notes, key=lambda n: (n.day, n.id))
    if not ordered:
        lines.append(say("hexo.no_material", post=post.id))
    for day, group in groupby(ordered, key=lambda n: n.day):
        lines += [f"### {day}", ""]
        for note in group:
            lines += _bullet(note.text)
        lines.append("")
    body = "\n".join(lines).rstrip("\n") + "\n"
    return "\n".join(head) + "\n" + protect(body)
