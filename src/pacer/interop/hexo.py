"""A Hexo-ready Markdown draft of one blog post: front matter, the outline, the material.

Pure: the plan, the post's notes, the units already finished and the local time of writing
go in, the file's text comes out. Headings follow the plan's language (its `locale`), since
the draft is written in it, whatever language the interface speaks.
"""

from __future__ import annotations

import json
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

    lines = [
        "---",
        f"title: {_yaml_text(post_title(post))}",
        f"date: {written.strftime('%Y-%m-%d %H:%M:%S')}",
        *_yaml_list("tags", post_tags(plan, post)),
        *_yaml_list("categories", [plan.title]),
        "---",
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
    return "\n".join(lines).rstrip("\n") + "\n"
