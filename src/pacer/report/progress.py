"""A progress bar on a terminal's stderr; silent when stderr is piped or redirected."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty()

    def step(self, what: str) -> None:
        self.done += 1
        if not self.live:
            return
        width = 24
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {what:<12}")
        self.stream.flush()

    def finish(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * (len(self.label) + 48) + "\r")
            self.stream.flush()
