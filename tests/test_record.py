"""pacer.record: frozen slotted records, as `@dataclass(frozen=True, slots=True)` made them."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
from datetime import date

import pytest

from pacer.record import FrozenInstanceError, field, ordered_record, record, replace


@record
class Piece:
    unit: str
    minutes: int
    day: date = date(2026, 3, 1)
    notes: tuple[str, ...] = ()


@ordered_record
class Week:
    year: int
    week: int


@record
class Bag:
    name: str
    left: dict[str, int] = field(default_factory=dict)


def test_a_record_is_built_compared_hashed_and_shown_as_a_dataclass_is() -> None:
    a = Piece("u1", 30)
    assert (a.unit, a.minutes, a.day, a.notes) == ("u1", 30, date(2026, 3, 1), ())
    assert a == Piece(unit="u1", minutes=30, day=date(2026, 3, 1))
    assert a != Piece("u1", 31)
    assert a != ("u1", 30, date(2026, 3, 1), ())  # another type is never equal
    assert hash(a) == hash(Piece("u1", 30))
    assert hash(a) == hash(("u1", 30, date(2026, 3, 1), ()))  # as a dataclass hashes
    assert {a, Piece("u1", 30)} == {a}
    assert repr(a) == "Piece(unit='u1', minutes=30, day=datetime.date(2026, 3, 1), notes=())"
    assert Piece.__slots__ == ("unit", "minutes", "day", "notes")
    assert Piece.__match_args__ == Piece.__slots__
    assert not hasattr(a, "__dict__")
    with pytest.raises(TypeError):
        Piece("u1")  # type: ignore[call-arg]


def test_a_record_is_frozen() -> None:
    a = Piece("u1", 30)
    with pytest.raises(FrozenInstanceError):
        a.minutes = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.unit  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.other = 1  # type: ignore[attr-defined]


def test_ordered_records_compare_field_by_field() -> None:
    weeks = [Week(2027, 1), Week(2026, 52), Week(2026, 9)]
    assert sorted(weeks) == [Week(2026, 9), Week(2026, 52), Week(2027, 1)]
    assert Week(2026, 9) <= Week(2026, 9) < Week(2026, 10)
    assert Week(2027, 1) > Week(2026, 52) >= Week(2026, 52)
    with pytest.raises(TypeError):
        _ = Week(2026, 1) < (2026, 2)  # type: ignore[operator]


def test_a_default_factory_makes_a_fresh_value_for_each_record() -> None:
    one, two = Bag("a"), Bag("b")
    one.left["x"] = 1
    assert two.left == {}
    assert Bag("c", {"y": 2}).left == {"y": 2}


def test_replace_and_dataclasses_functions_work_on_records() -> None:
    a = Piece("u1", 30, notes=("n",))
    assert replace(a, minutes=45) == Piece("u1", 45, notes=("n",))
    assert dataclasses.replace(a, unit="u2") == Piece("u2", 30, notes=("n",))
    assert [f.name for f in dataclasses.fields(Piece)] == list(Piece.__slots__)
    assert dataclasses.asdict(Week(2026, 3)) == {"year": 2026, "week": 3}
    assert dataclasses.is_dataclass(a)
    with pytest.raises(TypeError):
        replace(a, nothing=1)


def test_records_pickle_and_copy() -> None:
    a = Piece("u1", 30, notes=("n",))
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(a, protocol=protocol)) == a
    assert copy.copy(a) == a
    assert copy.deepcopy(Bag("b", {"x": 1})) == Bag("b", {"x": 1})


def test_a_pickle_of_the_frozen_slotted_dataclass_loads_as_the_record() -> None:
    """Compiled plans cached by a pacer whose records were dataclasses load (the cache key
    names each record's slots, which did not change)."""
    module = sys.modules[__name__]

    @dataclasses.dataclass(frozen=True, slots=True)
    class Piece:  # the same name, fields and module as the record above
        unit: str
        minutes: int
        day: date = date(2026, 3, 1)
        notes: tuple[str, ...] = ()

    record_class = module.Piece
    module.Piece = Piece  # type: ignore[misc]
    try:
        Piece.__qualname__ = "Piece"
        old = pickle.dumps(Piece("u1", 30, date(2026, 4, 2), ("n",)), protocol=5)
    finally:
        module.Piece = record_class  # type: ignore[misc]
    loaded = pickle.loads(old)
    assert type(loaded) is record_class
    assert loaded == record_class("u1", 30, date(2026, 4, 2), ("n",))
