"""Blog material: notes for a post (Sundays' 博客素材) and the post's Hexo draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pacer.bounds import check_text
from pacer.errors import PacerError
from pacer.i18n import Message, t
from pacer.plan.model import Curriculum
from pacer.record import record
from pacer.service.session import Session, _entries

# typing and the Markdown writer cost start-up time; only the type checker needs them here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.schedule.blog import Note


@record
class Export:
    """A draft written: where, and what went into it."""

    path: Path
    units: int
    notes: int


def find_post(session: Session, post_id: str | None) -> Curriculum:
    """The blog post (a curriculum marked `post: true`) of that id, with a did-you-mean;
    without an id, the hint names one of the plan's own posts."""
    from pacer.schedule.blog import posts

    known = posts(session.plan)
    if not known:
        raise PacerError(Message("post.none_in_plan"))
    if post_id is None:
        raise PacerError(Message("note.needs_post", example=known[0].id))
    for c in known:
        if c.id == post_id:
            return c
    import difflib

    ids = [c.id for c in known]
    close = difflib.get_close_matches(post_id, ids, n=1, cutoff=0.5)
    if close:
        raise PacerError(Message("post.unknown_hint", id=post_id, hint=close[0]))
    raise PacerError(Message("post.unknown", id=post_id, choices=", ".join(ids)))


def add_note(session: Session, post_id: str | None, text: str, day: date) -> Note:
    from pacer.store.notes import add_note as store_add

    post = find_post(session, post_id)
    text = text.strip()
    if not text:
        raise PacerError(Message("note.empty"))
    check_text(text, t("input.what.note"))
    return store_add(session.store, post.id, day, text)


def list_notes(session: Session, post_id: str | None = None) -> list[Note]:
    from pacer.store.notes import list_notes as store_list

    post = find_post(session, post_id).id if post_id is not None else None
    return store_list(session.store, post)


def note_json(note: Note) -> dict[str, Any]:
    return {"id": note.id, "post": note.post, "date": note.day.isoformat(), "text": note.text}


def export_hexo(session: Session, post_id: str, directory: Path, force: bool) -> Export:
    """Write the post's Hexo draft to `directory`/<post>.md in one piece; an existing file is
    only replaced with `force`."""
    from pacer import clock
    from pacer.interop.hexo import hexo_draft
    from pacer.schedule.status import finished_on
    from pacer.store.notes import list_notes as store_list
    from pacer.workspace import write_file_atomic

    post = find_post(session, post_id)
    if directory.exists() and not directory.is_dir():
        raise PacerError(Message("export.not_dir", path=directory))
    path = directory / f"{post.id}.md"
    if path.is_dir():
        raise PacerError(Message("export.is_dir", path=path))
    if path.exists() and not force:
        raise PacerError(Message("export.exists", path=path))
    # The draft is dated with the person's wall clock (Hexo reads a date without a zone in the
    # site's `timezone`); what is finished is judged on the person's today, as everywhere.
    written = clock.shown_at(clock.now_utc(), session.plan.timezone)
    notes = store_list(session.store, post.id)
    finished = finished_on(session.plan, _entries(session), clock.today(session.plan))
    done = set(finished) | session.plan.covered_units()
    text = hexo_draft(session.plan, post, notes, done, written)
    write_file_atomic(path, text.encode("utf-8"), overwrite=force)
    return Export(path, len(post.units), len(notes))
