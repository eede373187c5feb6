"""The message catalog and the current language."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest

from pacer.i18n import Message, current_lang, detect_lang, set_lang, t
from pacer.i18n_catalog import CATALOG


@pytest.fixture(autouse=True)
def keep_lang() -> Iterator[None]:
    before = current_lang()
    yield
    set_lang(before)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_has_english_and_chinese_with_the_same_placeholders(key: str) -> None:
    en, zh = CATALOG[key]
    assert en.strip()
    assert zh.strip()
    assert en != zh or not any(c.isalpha() for c in en), f"{key} is not translated"
    assert placeholders(en) == placeholders(zh)


def test_catalog_is_not_empty() -> None:
    assert len(CATALOG) > 50
    assert placeholders("{a} and {b}, {a}") == {"a", "b"}  # the checker itself works


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ],
)
def test_detect_lang(environ: dict[str, str], lang: str) -> None:
    assert detect_lang(environ) == lang


def test_detect_lang_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert detect_lang() == "zh"
    monkeypatch.setenv("LANGUAGE", "en_GB")
    assert detect_lang() == "en"


def test_set_lang_falls_back_to_english() -> None:
    set_lang("zh")
    assert current_lang() == "zh"
    set_lang("fr")
    assert current_lang() == "en"


def test_messages_render_in_the_current_language() -> None:
    message = Message("trip.days", days=3)
    set_lang("en")
    assert str(message) == "3 days"
    set_lang("zh")
    assert str(message) == "3 天"
    assert t("plan.empty") == "计划文件是空的"


def test_unknown_key_renders_as_itself() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("no.such.key", n=1) == "no.such.key {'n': 1}"


def test_messages_compare_by_key_and_arguments() -> None:
    assert Message("trip.days", days=3) == Message("trip.days", days=3)
    assert Message("trip.days", days=3) != Message("trip.days", days=4)
    assert Message("trip.days", days=3) != "trip.days"


def test_plural_spec_takes_the_english_form_of_the_count() -> None:
    set_lang("en")
    try:
        assert t("trip.days", days=1) == "1 day"
        assert t("trip.days", days=2) == "2 days"
        assert t("trip.days", days=0) == "0 days"
        set_lang("zh")
        assert t("trip.days", days=1) == "1 天"
    finally:
        set_lang("en")


def test_every_plural_spec_has_two_english_forms() -> None:
    import re

    for key, (en, zh) in CATALOG.items():
        for forms in re.findall(r":(?:plural|form)\(([^)]*)\)", en):
            assert len(forms.split("|")) == 2, key
        assert "plural(" not in zh or re.search(r":plural\([^|)]*\)", zh), key


def test_form_spec_renders_the_noun_alone() -> None:
    from pacer.i18n_catalog import CATALOG as catalog

    catalog["test.form"] = (
        "defer the optional {n:form(unit|units)} {units}",
        "推迟 {n} 个 {units}",
    )
    try:
        assert t("test.form", n=1, units="a") == "defer the optional unit a"
        assert t("test.form", n=2, units="a, b") == "defer the optional units a, b"
    finally:
        del catalog["test.form"]


def test_no_english_text_hedges_its_plural() -> None:
    # "week(s)", "trip(s)": the catalog has plural forms for that.
    hedged = [key for key, (en, _) in CATALOG.items() if "(s)" in en]
    assert hedged == []


def test_a_message_of_any_module_renders_before_the_catalog_is_merged() -> None:
    """In a fresh process, `t` finds each message module's keys, merging no more modules
    than it needs; importing CATALOG then merges the rest, every key once."""
    import subprocess
    import sys

    from pacer.i18n_catalog import _MODULES

    script = """
import importlib, sys
from pacer.i18n import t
import pacer.i18n_catalog as catalog
names = catalog._MODULES
for index, name in enumerate(names):
    key = next(iter(importlib.import_module(f"pacer.messages.{name}").MESSAGES))
    assert t(key) != key, key
    assert catalog._merged <= index + 1, (name, catalog._merged)
assert catalog._merged == len(names)
from pacer.i18n_catalog import CATALOG
print(len(CATALOG))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(CATALOG)
    merged = subprocess.run(
        [sys.executable, "-c", "import pacer.i18n, sys; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pacer.messages.gantt" not in merged.stdout  # nothing merged before it is asked
    assert len(_MODULES) == len(set(_MODULES))
