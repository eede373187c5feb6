"""The `pacer` command's entry point: `today` from the rendered-day cache when it holds
(service/daycache.py), else the CLI (cli/), whose run of `today` then fills the cache.

`today` with the words the cache understands (--json, --date, --lang, --plan, --db) runs its
handler directly, without building the command-line parser: it is the command typed every
evening, and the parser (with argparse and every message of its help) is most of its start.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from pacer.service.daycache import Probe

LANGS = ("en", "zh")  # i18n.LANGS, without loading the messages to check a word


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if "today" in args:
            done = _today(args)
            if done is not None:
                return done
        from pacer.cli.parser import main as cli_main

        return cli_main(args)
    except BrokenPipeError:
        # The reader left (`pacer today | head -1`): nothing more to say, and nothing to
        # say it with; stdout goes nowhere so that the interpreter's flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _today(args: list[str]) -> int | None:
    """`pacer today` served, or run and kept; None when its words are for the parser."""
    from pacer.service import daycache

    words = daycache.today_words(args)
    if words is None:
        return None
    lang = daycache.option(words, "--lang")
    if lang is not None and lang not in LANGS:
        return None  # the parser says what --lang takes
    try:
        found = daycache.probe(args)
    except Exception:  # the cache is only ever a shortcut: the command says what is wrong
        found = None
    if found is not None and daycache.serve(found):
        return 0
    return _run_today(words, lang, found)


def _run_today(words: list[str], lang: str | None, found: Probe | None) -> int:
    """The `today` handler itself, as the parser would call it; with `found`, its output is
    held back, printed once it is done and kept."""
    from pathlib import Path
    from types import SimpleNamespace

    from pacer.cli.outcome import outcome
    from pacer.cli.today import run_today
    from pacer.i18n import detect_lang, set_lang
    from pacer.service.daycache import keep, option

    set_lang(lang or detect_lang())
    plan, db = option(words, "--plan"), option(words, "--db")
    given = SimpleNamespace(
        plan=None if plan is None else Path(plan),
        db=None if db is None else Path(db),
        lang=lang,
        json="--json" in words,
        date=option(words, "--date"),
    )
    if found is None:
        return outcome(run_today, given)
    import io
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    code = 1
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = outcome(run_today, given)
    finally:
        sys.stderr.write(err.getvalue())
        sys.stdout.write(out.getvalue())
        sys.stdout.flush()
    if code == 0:
        keep(found, out.getvalue(), err.getvalue())
    return code
