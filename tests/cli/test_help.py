"""Help and usage errors in the person's language: the installed `pacer` in a subprocess."""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.cli.text import width, wrap
from pacer.i18n import set_lang
from pacer.i18n_catalog import CATALOG
from pacer.messages.help import MESSAGES
from tests.helpers import Run

Pacer = Callable[..., Run]
CLI = Path(__file__).resolve().parents[2] / "src" / "pacer" / "cli"
COLUMNS = {"COLUMNS": "80"}  # argparse lays help out to the terminal's width


def zh(key: str) -> str:
    return CATALOG[key][1]


# -- help -----------------------------------------------------------------------------------


LOG_HELP_EN = """\
usage: pacer log [-h] [--plan PLAN] [--db DB] [--lang {en,zh}] [-m NOTE]
                 [--date DATE]
                 MINUTES TARGET

positional arguments:
  MINUTES               45, 45m, 1h, 1.5h or 1h30
  TARGET                a unit id, a habit's track id, or review

options:
  -h, --help            show this help message and exit
  --plan PLAN           plan YAML file
  --db DB               SQLite database
  --lang {en,zh}        interface language
  -m NOTE, --note NOTE  what you did
  --date DATE           YYYY-MM-DD, today, yesterday or tomorrow (default:
                        today)

also: pacer log list, pacer log edit ID, pacer log rm ID (each has --help)
"""


def test_log_help_in_chinese(pacer: Pacer) -> None:
    run = pacer("--lang", "zh", "log", "--help", env=COLUMNS)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "用法：pacer log [-h] [--plan PLAN] [--db DB] [--lang {en,zh}] [-m NOTE]"
    assert lines[1] == " " * width("用法：pacer log ") + "[--date DATE]"  # under the "["
    assert "位置参数：" in lines
    assert "选项：" in lines
    assert f"  MINUTES               {zh('help.log.minutes')}" in lines
    assert f"  TARGET                {zh('help.log.target')}" in lines
    assert f"  -m NOTE, --note NOTE  {zh('help.log.note')}" in lines
    assert f"  -h, --help            {zh('argparse.help')}" in lines
    assert f"  --lang {{en,zh}}        {zh('help.opt.lang')}" in lines
    for english in ("usage", "options", "positional", "show this help", "what you did"):
        assert english not in run.out


def test_command_list_in_chinese(pacer: Pacer) -> None:
    run = pacer("--lang", "zh", "--help", env=COLUMNS)
    assert run.code == 0, run.err
    assert zh("help.pacer") in run.out
    assert f"    log           {zh('help.log')}" in run.out
    assert f"    today         {zh('help.today')}" in run.out
    assert f"  --version       {zh('help.version')}" in run.out


def test_log_help_in_english_is_unchanged(pacer: Pacer) -> None:
    run = pacer("log", "--help", env=COLUMNS)
    assert run.code == 0, run.err
    assert run.out == LOG_HELP_EN
    top = pacer("--help", env=COLUMNS)
    assert "Keeps a year-long study plan on pace." in top.out
    assert "    log           log minutes for a unit, a habit or review" in top.out
    assert "  --version       show program's version number and exit" in top.out


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "zh", "today", "--help"),
        ("today", "--lang", "zh", "--help"),
        ("today", "--lang=zh", "--help"),
        ("--lan", "zh", "today", "--help"),  # argparse takes the prefix; so does pacer
    ],
)
def test_lang_anywhere_before_the_help(pacer: Pacer, args: tuple[str, ...]) -> None:
    run = pacer(*args)
    assert run.code == 0, run.err
    assert run.out.startswith("用法：pacer today")
    assert zh("help.opt.date")[:10] in run.out


def test_chinese_system_language_gives_chinese_help(pacer: Pacer) -> None:
    run = pacer("log", "--help", lang="zh", env=COLUMNS)
    assert run.code == 0, run.err
    assert run.out.startswith("用法：pacer log")
    assert zh("help.log.target") in run.out


@pytest.mark.parametrize("flag", [("--lang", "en"), ("--lang=en",)])
def test_lang_en_overrides_a_chinese_system(pacer: Pacer, flag: tuple[str, ...]) -> None:
    run = pacer(*flag, "log", "--help", lang="zh", env=COLUMNS)
    assert run.code == 0, run.err
    assert run.out == LOG_HELP_EN


def test_every_chinese_help_page_fits_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process: each command's help, laid out in Chinese, in an 80-column terminal."""
    from pacer.cli import build_parser
    from pacer.cli.argparse_zh import installed

    monkeypatch.setenv("COLUMNS", "80")
    set_lang("zh")
    with installed():
        pages = _all_help(build_parser())
    assert len(pages) > 30
    for name, text in pages.items():
        assert text.startswith("用法：pacer"), name
        too_wide = [line for line in text.splitlines() if width(line) > 80]
        assert not too_wide, (name, too_wide)
    assert argparse._ is _gettext()  # type: ignore[attr-defined]  # put back after


def _gettext() -> object:
    import gettext

    return gettext.gettext


def _all_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    pages = {parser.prog: parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                pages |= _all_help(sub)
    return pages


# -- usage errors ---------------------------------------------------------------------------


def test_missing_arguments_in_chinese_and_english(pacer: Pacer) -> None:
    run = pacer("--lang", "zh", "log")
    assert (run.code, run.out) == (2, "")
    assert run.err == "pacer: 缺少必需的参数：MINUTES, TARGET (见 'pacer log --help')\n"
    run = pacer("log")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "pacer: the following arguments are required: MINUTES, TARGET (see 'pacer log --help')\n"
    )


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ("tody",),
            "unknown command 'tody'; did you mean 'today'? (see 'pacer --help')",
            "未知命令 'tody'；是不是 'today'？ (见 'pacer --help')",
        ),
        (
            ("--json", "revew"),
            "unknown command 'revew'; did you mean 'review'? (see 'pacer --help')",
            "未知命令 'revew'；是不是 'review'？ (见 'pacer --help')",
        ),
        (
            ("trip", "ad"),
            "unknown command 'ad'; did you mean 'add'? (see 'pacer trip --help')",
            "未知命令 'ad'；是不是 'add'？ (见 'pacer trip --help')",
        ),
    ],
)
def test_a_mistyped_command_gets_a_suggestion(
    pacer: Pacer, args: tuple[str, ...], english: str, chinese: str
) -> None:
    run = pacer(*args)
    assert (run.code, run.out, run.err) == (2, "", f"pacer: {english}\n")
    run = pacer(*args, lang="zh")
    assert (run.code, run.out, run.err) == (2, "", f"pacer: {chinese}\n")


def test_an_unlike_command_lists_the_commands(pacer: Pacer) -> None:
    run = pacer("xyz")
    assert run.code == 2
    assert run.err.startswith(
        "pacer: argument COMMAND: invalid choice: 'xyz' (choose from 'today',"
    )
    assert run.err.endswith(" (see 'pacer --help')\n")
    run = pacer("--lang", "zh", "xyz")
    assert run.err.startswith("pacer: 参数 COMMAND：无效的选择：'xyz'（可选：'today',")
    assert run.err.endswith(" (见 'pacer --help')\n")


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ("today", "--date"),
            "argument --date: expected one argument (see 'pacer today --help')",
            "参数 --date：需要一个值 (见 'pacer today --help')",
        ),
        (
            ("today", "extra"),
            "unrecognized arguments: extra (see 'pacer --help')",
            "无法识别的参数：extra (见 'pacer --help')",
        ),
        (
            ("forecast", "--runs", "x"),
            "--runs must be between 1 and 100000, got x",
            "--runs 须在 1 到 100000 之间，实际为 x",
        ),
        (
            ("report", "weak"),
            "argument period: invalid choice: 'weak' (choose from 'week', 'month', 'year')"
            " (see 'pacer report --help')",
            "参数 period：无效的选择：'weak'（可选：'week', 'month', 'year'）"
            " (见 'pacer report --help')",
        ),
        (
            ("review", "--list", "--show"),
            "argument --show: not allowed with argument --list (see 'pacer review --help')",
            "参数 --show：不能与参数 --list 同时使用 (见 'pacer review --help')",
        ),
        (
            ("milestone", "check", "m", "c"),
            "one of the arguments --evidence --uncheck is required"
            " (see 'pacer milestone check --help')",
            "参数 --evidence --uncheck 中必须给出一个 (见 'pacer milestone check --help')",
        ),
        (
            ("catchup", "--l", "x"),
            "ambiguous option: --l could match --lang, --list (see 'pacer catchup --help')",
            "有歧义的选项：--l 可能是 --lang, --list (见 'pacer catchup --help')",
        ),
    ],
)
def test_argparse_errors_in_both_languages(
    pacer: Pacer, args: tuple[str, ...], english: str, chinese: str
) -> None:
    run = pacer(*args)
    assert (run.code, run.out, run.err) == (2, "", f"pacer: {english}\n")
    run = pacer("--lang", "zh", *args)
    assert (run.code, run.out, run.err) == (2, "", f"pacer: {chinese}\n")


# -- in process -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["--lang", "zh", "today"], "zh"),
        (["today", "--lang=en"], "en"),
        (["--lan", "zh", "today"], "zh"),
        (["--lang", "zh", "today", "--lang", "en"], "en"),  # the last one, as argparse
        (["--lang", "fr", "today"], None),
        (["--plan", "p.yaml", "today"], None),
        (["note", "--", "--lang", "zh"], None),  # text, not an option
        (["--lang"], None),
    ],
)
def test_lang_option_is_read_before_parsing(args: list[str], lang: str | None) -> None:
    from pacer.cli import _lang_option

    assert _lang_option(args) == lang


def test_a_chinese_command_gives_argparse_its_gettext_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pacer.cli import main

    with pytest.raises(SystemExit):
        main(["--lang", "zh", "log"])
    assert "缺少必需的参数" in capsys.readouterr().err
    assert argparse._ is _gettext()  # type: ignore[attr-defined]
    set_lang("en")
    with pytest.raises(SystemExit):
        main(["log"])
    assert "the following arguments are required" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "columns", "lines"),
    [
        (
            "标题含有这个词的日程算作出差；可重复给出多个",
            20,
            ["标题含有这个词的日程", "算作出差；可重复给出", "多个"],
        ),
        (
            "单元 id、习惯所属方向的 id（如 english）或 review",
            24,
            ["单元 id、习惯所属方向的", "id（如 english）或", "review"],
        ),
        ("写入 FILE（默认：标准输出）", 12, ["写入 FILE", "（默认：标准", "输出）"]),
        ("a b", 80, ["a b"]),
    ],
)
def test_wrap_counts_columns_and_keeps_punctuation(
    text: str, columns: int, lines: list[str]
) -> None:
    assert wrap(text, columns) == lines
    assert all(width(line) <= columns for line in lines)


# -- the catalog ----------------------------------------------------------------------------


class _AnyParams(dict[str, object]):
    def __missing__(self, key: str) -> object:
        return key


@pytest.mark.parametrize("key", sorted(k for k in MESSAGES if k.startswith("help.")))
def test_every_help_text_is_in_both_languages_and_safe_for_argparse(key: str) -> None:
    en, zh_text = MESSAGES[key]
    assert en.strip() and zh_text.strip()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh_text), f"{key} is not in Chinese"
    for text in (en, zh_text):
        text % _AnyParams()  # argparse %-formats help: a lone % must be %%


def _percent_fields(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\(\w+\))?[sr]", text))


@pytest.mark.parametrize("key", sorted(k for k in MESSAGES if k.startswith("argparse.")))
def test_every_argparse_entry_is_one_of_its_msgids(key: str) -> None:
    en, zh_text = MESSAGES[key]
    source = inspect.getsource(argparse)
    assert f"'{en}'" in source or f'"{en}"' in source, f"argparse has no msgid {en!r}"
    assert _percent_fields(en) == _percent_fields(zh_text)


def _help_keywords() -> list[tuple[str, int, ast.expr]]:
    found = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg in ("help", "description", "epilog", "usage"):
                        found.append((path.name, node.lineno, kw.value))
    return found


def test_every_help_in_the_cli_comes_from_the_catalog() -> None:
    """A new option cannot be added untranslated: its help must be t("help.…")."""
    found = _help_keywords()
    assert len(found) > 80
    used = set()
    for name, line, value in found:
        where = f"{name}:{line}"
        assert isinstance(value, ast.Call), f"{where}: help is not t(...)"
        assert isinstance(value.func, ast.Name) and value.func.id == "t", where
        key = value.args[0]
        assert isinstance(key, ast.Constant) and isinstance(key.value, str), where
        assert key.value.startswith("help.") and key.value in CATALOG, where
        used.add(key.value)
    unused = {k for k in MESSAGES if k.startswith("help.")} - used
    assert unused == set(), "help texts no command uses"
