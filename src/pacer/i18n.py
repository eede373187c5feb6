"""Messages in English and Chinese (zh_CN): one catalog, one current language."""

from __future__ import annotations

import os
from contextvars import ContextVar

from pacer.i18n_catalog import lookup

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any


LANGS = ("en", "zh")
# A context variable, not a global: the web server renders requests in several threads and
# tasks at once, and one request's language must never reach another's page.
_current: ContextVar[str] = ContextVar("pacer_lang", default="en")


class Message:
    """A message key with its arguments, rendered in the current language when shown."""

    __slots__ = ("args", "key")

    def __init__(self, message_key: str, /, **args: Any) -> None:
        self.key = message_key
        self.args = args

    def __str__(self) -> str:
        return t(self.key, **self.args)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.args!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.args) == (other.key, other.args)

    def __hash__(self) -> int:
        return hash(self.key)


def minutes_text(low: int, high: int | None = None) -> str:
    """Minutes as "30 min" or "30–45 分钟" (a range when `high` is more), in the current
    language."""
    shown = f"{low}–{high}" if high and high != low else f"{low}"
    return t("unit.min", n=shown)


def joined(items: Iterable[str]) -> str:
    """Items as one list in the current language ("a, b" / "a、b")."""
    return t("list.sep").join(items)


def hours_text(minutes: int) -> str:
    """Minutes as hours with one decimal, "1.5 h" / "1.5 小时", in the current language."""
    return t("unit.hours", n=f"{minutes / 60:.1f}")


def rows_text(rows: dict[str, int]) -> str:
    """Rows per database table, "log 3, trips 1" / "记录 3、出差 1", in the current language."""
    return joined(f"{table_label(name)} {n}" for name, n in rows.items() if n) or "—"


def table_label(table: str) -> str:
    """A database table's name in the current language (a table newer than its label keeps
    its name)."""
    key = f"table.{table}"
    return t(key) if lookup(key) is not None else table


def days_text(days: int | None) -> str:
    """A signed number of days, "+7 d" or "+7 天" ("—" for none), in the current language."""
    return "—" if days is None else t("unit.days_signed", n=days)


def detect_lang(environ: dict[str, str] | None = None) -> str:
    """The language from LANGUAGE/LC_ALL/LC_MESSAGES/LANG: Chinese for zh*, else English."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_lang(lang: str) -> None:
    _current.set(lang if lang in LANGS else "en")


def current_lang() -> str:
    return _current.get()


def plural_form(count: object, forms: list[str], lang: str) -> str:
    """The CLDR plural category's form of a count: English has "one" (exactly 1, with no
    fraction) and "other"; Chinese has only "other", so a Chinese text needs one form."""
    if lang == "en" and len(forms) > 1:
        return forms[0] if count == 1 and not isinstance(count, bool) else forms[1]
    return forms[-1]


_PLURAL = "plural("
_FORM = "form("


def _render(text: str, args: dict[str, Any], lang: str) -> str:
    """str.format, with two extra specs, the gettext ngettext of this catalog:
    `{days:plural(day|days)}` renders the number and the noun form its count takes ("1 day",
    "3 days"); `{n:form(unit|units)}` renders the form alone, for a noun apart from its count."""
    if _PLURAL not in text and _FORM not in text:
        return text.format(**args)
    import string

    class _Plural(string.Formatter):
        def format_field(self, value: Any, format_spec: str) -> str:
            for spec, with_number in ((_PLURAL, True), (_FORM, False)):
                if format_spec.startswith(spec) and format_spec.endswith(")"):
                    form = plural_form(value, format_spec[len(spec) : -1].split("|"), lang)
                    return f"{value} {form}" if with_number else form
            return str(super().format_field(value, format_spec))

    return _Plural().vformat(text, (), args)


def t(message_key: str, /, **args: Any) -> str:
    """Render a catalog entry in the current language."""
    entry = lookup(message_key)
    if entry is None:
        return message_key if not args else f"{message_key} {args}"
    lang = _current.get()
    text = entry[1] if lang == "zh" else entry[0]
    return _render(text, args, lang) if args else text


def notice_json(message: Message) -> dict[str, str]:
    """A notice as JSON shows it: its stable `code` (the message key, listed in docs/json.md;
    the same in every language) beside its `text` in the current language."""
    return {"code": message.key, "text": str(message)}
