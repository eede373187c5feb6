"""How a command's handler ends: its exit code, or its error as the one clear line."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


def outcome(handler: Callable[[Any], int | None], args: Any) -> int:
    """Run `handler(args)`: a domain error becomes one line on stderr and its exit code, a
    broken plan its located lines, anything unforeseen one line naming it (PACER_DEBUG=1
    shows the traceback) — never a traceback for a person to read."""
    from pacer.errors import PacerError
    from pacer.plan.problems import PlanInvalid

    try:
        return int(handler(args) or 0)
    except PlanInvalid as exc:
        for line in exc.problems:
            sys.stderr.write(line + "\n")
        return EXIT_USAGE
    except PacerError as exc:
        from pacer.bounds import clipped

        sys.stderr.write(f"pacer: {clipped(exc.message)}\n")
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("PACER_DEBUG"):
            raise
        from pacer.i18n import Message

        detail = f"{type(exc).__name__}: {exc}"
        sys.stderr.write(f"pacer: {Message('cli.internal', detail=detail)}\n")
        return EXIT_INTERNAL
