"""Where a plan file is wrong: located problems and the error that carries them."""

from __future__ import annotations

from pathlib import Path

from pacer.i18n import Message
from pacer.record import record

MAX_BYTES = 1024 * 1024  # a plan is a few dozen KiB; anything near this is not a plan


@record
class Loc:
    line: int  # 1-based
    col: int  # 1-based


@record
class Problem:
    loc: Loc
    message: Message


class PlanInvalid(Exception):
    """A plan file with problems; `problems` are rendered `PATH:LINE:COL: message` lines."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in {path}")
        self.path = path
        self.raw = sorted(problems, key=lambda p: (p.loc.line, p.loc.col))

    @property
    def problems(self) -> list[str]:
        return [f"{self.path}:{p.loc.line}:{p.loc.col}: {p.message}" for p in self.raw]


def read_plan_bytes(path: Path, given_as: str = "--plan") -> bytes:
    """The plan file's bytes, refusing a file too large to be a plan before reading it, and
    a folder, FIFO or device before opening it (a FIFO would block, a device never ends).
    `given_as`: how the person named the path (an option, or the command it was given to)."""
    from pacer.bounds import refuse_special_file

    refuse_special_file(path, given_as)
    size = path.stat().st_size
    if size > MAX_BYTES:
        too_big = Message("yaml.too_big", size=size, limit=MAX_BYTES)
        raise PlanInvalid(str(path), [Problem(Loc(1, 1), too_big)])
    with path.open("rb") as fh:
        return fh.read(MAX_BYTES + 1)  # a file that grew meanwhile is refused when parsed
