"""Frozen slotted records, made cheaply: what `@dataclass(frozen=True, slots=True)` gives,
without its cost at import.

A dataclass writes each method as source and compiles it with exec when its class is
created: about 1 ms for each of the ~80 records `pacer today` imports, half of what its start
costs above the interpreter. A record gets `__eq__`, `__hash__`, `__repr__` and the order
methods as shared functions over an `attrgetter` of its fields (C speed, nothing compiled),
and its `__init__` compiled on first use only, with the code a dataclass would write (the
engine's hot loops create records by the thousand: their speed is the dataclass's). Records
pickle as frozen slotted dataclasses do (a list of field values in field order), so compiled
plans written before still load.

The type checker sees a dataclass (`dataclass_transform`); `replace` here is the
`dataclasses.replace` of a record.
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
    C = TypeVar("C", bound=type)
else:

    def dataclass_transform(**_: object) -> object:
        return lambda f: f


__all__ = ["FrozenInstanceError", "field", "ordered_record", "record", "replace"]


class FrozenInstanceError(AttributeError):
    """An assignment to a record's field."""


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class _Field:
    """A field's default made on each instantiation (`field(default_factory=dict)`)."""

    __slots__ = ("default_factory",)

    def __init__(self, default_factory: Callable[[], object]) -> None:
        self.default_factory = default_factory


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is made afresh for each record."""
    return _Field(default_factory)  # type: ignore[return-value]


# What each record shares: nothing here is written per class.


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _lazy_eq(self: Any, other: object) -> bool:
    """The first comparison compiles the class's `__eq__`, which replaces this one."""
    owner = _owner(self)
    names = owner.__record_fields__
    mine = "".join(f"self.{name}," for name in names)
    theirs = "".join(f"other.{name}," for name in names)
    eq: Callable[[Any, object], bool] = _compile(
        owner,
        "__eq__",
        "(self, other)",
        f"  if other.__class__ is self.__class__:\n   return ({mine})==({theirs})\n"
        "  return NotImplemented\n",
        {},
    )
    return eq(self, other)


def _lazy_hash(self: Any) -> int:
    """The first hash compiles the class's `__hash__`, which replaces this one."""
    owner = _owner(self)
    fields = "".join(f"self.{name}," for name in owner.__record_fields__)
    made: Callable[[Any], int] = _compile(
        owner, "__hash__", "(self)", f"  return hash(({fields}))\n", {}
    )
    return made(self)


def _repr(self: Any) -> str:
    cls = self.__class__
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in cls.__record_fields__)
    return f"{cls.__qualname__}({inner})"


def _lt(self: Any, other: object) -> Any:
    key: Callable[[object], tuple[object, ...]] = self.__record_key__
    if other.__class__ is self.__class__:
        return key(self) < key(other)
    return NotImplemented


def _le(self: Any, other: object) -> Any:
    key: Callable[[object], tuple[object, ...]] = self.__record_key__
    if other.__class__ is self.__class__:
        return key(self) <= key(other)
    return NotImplemented


def _gt(self: Any, other: object) -> Any:
    key: Callable[[object], tuple[object, ...]] = self.__record_key__
    if other.__class__ is self.__class__:
        return key(self) > key(other)
    return NotImplemented


def _ge(self: Any, other: object) -> Any:
    key: Callable[[object], tuple[object, ...]] = self.__record_key__
    if other.__class__ is self.__class__:
        return key(self) >= key(other)
    return NotImplemented


def _getstate(self: Any) -> list[object]:
    return [getattr(self, name) for name in self.__record_fields__]


def _setstate(self: Any, state: list[object]) -> None:
    for name, value in zip(self.__record_fields__, state, strict=True):
        object.__setattr__(self, name, value)


def _owner(self: object) -> Any:
    """The record class that declared the fields (a subclass of a record has none of its
    own): the compiled method is set there."""
    return next(c for c in type(self).__mro__ if "__record_fields__" in c.__dict__)


def _compile(
    owner: Any, method: str, params: str, body: str, scope: dict[str, object]
) -> Callable[..., Any]:
    """The method compiled from its source (the source a dataclass would write), set on the
    class in place of the stub that called this."""
    free = ", ".join(["__set", *scope])
    source = f"def __create({free}):\n def {method}{params}:\n{body} return {method}\n"
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)
    made: Callable[..., Any] = namespace["__create"](object.__setattr__, **scope)
    made.__qualname__ = f"{owner.__qualname__}.{method}"
    setattr(owner, method, made)
    return made


def _lazy_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """The first instantiation compiles the class's `__init__`, which replaces this one."""
    owner = _owner(self)
    defaults: dict[str, object] = owner.__record_defaults__
    params, body = ["self"], []
    scope: dict[str, object] = {}
    for name in owner.__record_fields__:
        default = defaults.get(name, MISSING)
        if isinstance(default, _Field):
            scope[f"__factory_{name}"] = default.default_factory
            scope["__missing"] = MISSING
            params.append(f"{name}=__missing")
            body.append(
                f"__set(self, {name!r}, __factory_{name}() if {name} is __missing else {name})"
            )
        else:
            if default is MISSING:
                params.append(name)
            else:
                scope[f"__default_{name}"] = default
                params.append(f"{name}=__default_{name}")
            body.append(f"__set(self, {name!r}, {name})")
    if hasattr(owner, "__post_init__"):
        body.append("self.__post_init__()")
    text = "".join(f"  {line}\n" for line in body or ["pass"])
    init = _compile(owner, "__init__", f"({', '.join(params)})", text, scope)
    init(self, *args, **kwargs)


class _DataclassFields:
    """`__dataclass_fields__`, made on first use: `dataclasses.replace`, `fields` and
    `asdict` work on records (the tests use them), without importing dataclasses at start."""

    def __get__(self, obj: object, cls: Any) -> dict[str, Any]:
        import dataclasses

        owner = next(c for c in cls.__mro__ if "__record_fields__" in c.__dict__)
        made: dict[str, Any] = {}
        annotations = owner.__dict__.get("__annotations__", {})  # noqa: RUF063 - as written
        for name in owner.__record_fields__:
            default = owner.__record_defaults__.get(name, dataclasses.MISSING)
            if isinstance(default, _Field):
                f = dataclasses.field(default_factory=default.default_factory)
            else:
                f = dataclasses.field(default=default)
            f.name, f.type = name, annotations.get(name)  # type: ignore[attr-defined]
            f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            made[name] = f
        type.__setattr__(owner, "__dataclass_fields__", made)
        return made


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: C) -> C:
    """A frozen slotted record of the class's annotated fields, as
    `@dataclass(frozen=True, slots=True)`."""
    made: C = _make(cls, order=False)
    return made


@dataclass_transform(frozen_default=True, order_default=True, field_specifiers=(field,))
def ordered_record(cls: C) -> C:
    """A record ordered by its fields in turn, as
    `@dataclass(frozen=True, slots=True, order=True)`."""
    made: C = _make(cls, order=True)
    return made


def _make(cls: Any, order: bool) -> Any:
    namespace = dict(cls.__dict__)
    annotations: dict[str, object] = namespace.get("__annotations__", {})
    names = tuple(
        name
        for name, kind in annotations.items()
        if not (isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")))
    )
    defaults: dict[str, object] = {}
    for name in names:
        if name in namespace:
            defaults[name] = namespace.pop(name)
    seen_default = False
    for name in names:
        if name in defaults:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = names
    namespace["__record_fields__"] = names
    namespace["__record_defaults__"] = defaults
    namespace["__match_args__"] = names
    namespace["__dataclass_fields__"] = _DataclassFields()
    namespace["__record_key__"] = attrgetter(*names) if len(names) > 1 else _single(names)
    namespace.setdefault("__init__", _lazy_init)
    namespace.setdefault("__repr__", _repr)
    namespace.setdefault("__eq__", _lazy_eq)
    namespace["__hash__"] = namespace.get("__hash__") or _lazy_hash
    namespace["__setattr__"] = _frozen_setattr
    namespace["__delattr__"] = _frozen_delattr
    namespace.setdefault("__getstate__", _getstate)
    namespace.setdefault("__setstate__", _setstate)
    if order:
        for name, fn in (("__lt__", _lt), ("__le__", _le), ("__gt__", _gt), ("__ge__", _ge)):
            namespace.setdefault(name, fn)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def _single(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The key of a record of one field (or none) is a tuple too, as a dataclass's is."""
    if not names:
        return lambda _self: ()
    get = attrgetter(names[0])
    return lambda self: (get(self),)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record with some fields changed (`dataclasses.replace`)."""
    cls: Any = obj.__class__
    for name in cls.__record_fields__:
        if name not in changes:
            changes[name] = getattr(obj, name)
    made: T = cls(**changes)
    return made
