"""The `pacer` command's entry point: `today` from the rendered-day cache when it holds
(service/daycache.py), else the CLI (cli/), whose run of `today` then fills the cache."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from pacer.service.daycache import Probe


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if "today" in args:
            from pacer.service import daycache

            try:
                found = daycache.probe(args)
            except Exception:  # the cache is only ever a shortcut: the CLI says what is wrong
                found = None
            if found is not None:
                return 0 if daycache.serve(found) else _run_and_keep(args, found)
        from pacer.cli import main as cli_main

        return cli_main(args)
    except BrokenPipeError:
        # The reader left (`pacer today | head -1`): nothing more to say, and nothing to
        # say it with; stdout goes nowhere so that the interpreter's flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run_and_keep(args: list[str], found: Probe) -> int:
    """The ordinary `today`, its output held back and printed once it is done, then kept."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from pacer.cli import main as cli_main
    from pacer.service.daycache import keep

    out, err = io.StringIO(), io.StringIO()
    code = 1
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = cli_main(args)
    finally:
        sys.stderr.write(err.getvalue())
        sys.stdout.write(out.getvalue())
        sys.stdout.flush()
    if code == 0:
        keep(found, out.getvalue(), err.getvalue())
    return code
