"""Blog posts as the plan has them: the curricula marked `post: true`, their titles, months
and topics; and the notes (blog material, Sundays' 博客素材) written for them. Pure."""

from __future__ import annotations

import re
from datetime import date

from pacer.plan.model import Curriculum, Month, Plan
from pacer.record import record

_BOOK_TITLE = re.compile(r"《([^《》]+)》")


@record
class Note:
    """Material for a blog post, written on a local date."""

    id: int
    post: str
    day: date
    text: str
    logged_at: str = ""  # UTC, ISO 8601


def posts(plan: Plan) -> tuple[Curriculum, ...]:
    """The plan's blog posts: its curricula marked `post: true`, in the plan's order."""
    return tuple(c for c in plan.curricula if c.post)


def post_title(post: Curriculum) -> str:
    """The 《…》 title named in the post's unit titles, else the curriculum's title."""
    for unit in post.units:
        found = _BOOK_TITLE.search(unit.title)
        if found:
            return found.group(1).strip()
    return post.title


def post_months(post: Curriculum) -> list[Month]:
    months, month = [], post.start
    while month <= post.end:
        months.append(month)
        month = month.next()
    return months


def post_tags(plan: Plan, post: Curriculum) -> list[str]:
    """The titles of the tracks the post is about (its `topics`, in the plan's order), never
    its own track: that is the writing, not the topic. A post that names no topics has none:
    the tracks its months ask something of are that time's work, not what the post is about."""
    return [t.title for t in plan.tracks if t.id in post.topics and t.id != post.track]
