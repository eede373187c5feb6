"""`pacer export hexo`: the plan's material written out for other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacer.cli.common import flush_notices, session_from
from pacer.i18n import t
from pacer.service import export_hexo

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write files for other tools")
    esub = p.add_subparsers(dest="export_command", metavar="hexo", parser_class=type(p))
    h = esub.add_parser("hexo", parents=[common], help="a Hexo Markdown draft of a blog post")
    h.add_argument("post", help="the post: blog1 … blog4")
    h.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help="folder (default: .)"
    )
    h.add_argument("--force", action="store_true", help="replace an existing draft")
    h.set_defaults(handler=run_hexo)

    def usage(args: argparse.Namespace) -> int:
        sys.stderr.write(f"pacer: {t('export.choose')}\n")
        return 2

    p.set_defaults(handler=usage)


def run_hexo(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        written = export_hexo(session, args.post, args.output, args.force)
        flush_notices(session)
        print(t("export.written", path=written.path, units=written.units, notes=written.notes))
    return 0
