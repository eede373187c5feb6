"""The notes table: blog material, kept as written and listed by date."""

from __future__ import annotations

from datetime import date

from pacer.schedule.blog import Note
from pacer.store.db import Store
from pacer.store.notes import add_note, list_notes

LOGGED_AT = "2026-03-10T12:00:00+00:00"  # the fixed clock of tests/store/conftest.py


def test_a_note_is_stored_as_written(store: Store) -> None:
    text = "INT8 校准集：\n200 张图就够 — *不要* 用训练集"
    note = add_note(store, "blog1", date(2026, 3, 8), text)
    assert note == Note(note.id, "blog1", date(2026, 3, 8), text, LOGGED_AT)
    assert list_notes(store) == [note]


def test_notes_are_listed_by_date_then_as_written_and_filtered_by_post(store: Store) -> None:
    b = add_note(store, "blog1", date(2026, 3, 8), "b")
    a = add_note(store, "blog1", date(2026, 3, 1), "a")
    other = add_note(store, "blog2", date(2026, 3, 2), "other")
    c = add_note(store, "blog1", date(2026, 3, 8), "c")
    assert list_notes(store) == [a, other, b, c]
    assert list_notes(store, "blog1") == [a, b, c]
    assert list_notes(store, "blog2") == [other]
    assert list_notes(store, "blog3") == []
