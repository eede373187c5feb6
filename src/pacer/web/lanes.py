"""Where the dashboard's work runs: database work in two threads, each with the one
connection it keeps (a reader for pages, one writer that queues every write, like
datasette's write thread), and chart drawing in a third, cached by what the charts show.
Nothing slow runs on the event loop, so one heavy page never stalls the others."""

from __future__ import annotations

import asyncio
import contextvars
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from pacer import service
from pacer.errors import PacerError
from pacer.i18n import set_lang

T = TypeVar("T")

# The web waits less for another writer than the CLI does: a phone gets "busy, try again"
# (503) after 3 s instead of every page waiting behind one stuck writer.
WEB_BUSY_TIMEOUT_MS = 3_000
KEPT_CHARTS = 8  # sets of drawn charts kept (languages × recent data versions)


def _alive(pid: str) -> bool:
    """Whether a process with this id runs (signal 0 only asks)."""
    if not pid.isdigit():
        return False
    if sys.platform == "win32":  # signal 0 is CTRL_C_EVENT there: never ask
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and is someone else's
        return True
    return True


class Lane:
    """One thread and the database connection it keeps for the life of the server."""

    def __init__(self, name: str, db_path: Path | None) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"pacer-{name}")
        self.kept = service.KeptStore(db_path, WEB_BUSY_TIMEOUT_MS)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in this lane's thread, in a copy of the caller's context (so the
        request's language goes with it and comes back to no one else)."""
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        return await loop.run_in_executor(self.pool, context.run, fn, *args)

    def close(self) -> None:
        self.pool.submit(self.kept.close).result()
        self.pool.shutdown()


# The page (letters only), plan digest, data version, language, day.
ChartKey = tuple[str, str, tuple[int, str], str, str]
Drawer = Callable[[Any, Path], dict[str, list[Path]]]  # (data, folder) -> files per chart


class ChartCache:
    """The charts of the Progress and Plan pages, drawn once per (page, plan, data, language,
    day) in a thread of their own, as SVG for a phone (report.charts.PHONE). A page waits
    for a drawing at most `wait` seconds; a drawing not done by then goes on, and the page
    says so and looks again shortly."""

    def __init__(self, folder: Path, wait: float) -> None:
        # A folder of this server's own: two servers on one data folder never draw into,
        # or clear, each other's charts (nor mistake each other's data versions).
        self.base = folder
        self.folder = folder / f"server-{os.getpid()}-{secrets.token_hex(4)}"
        self.wait = wait
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pacer-charts")
        self._lock = threading.Lock()
        self._drawn: dict[ChartKey, list[tuple[str, str]]] = {}  # key -> (file name, kind)
        self._files: dict[str, Path] = {}  # what /charts/NAME.svg may serve
        self._drawing: dict[ChartKey, Future[None]] = {}

    def charts(self, key: ChartKey) -> list[tuple[str, str]] | None:
        with self._lock:
            return self._drawn.get(key)

    def file(self, name: str) -> Path | None:
        with self._lock:
            return self._files.get(name)

    async def draw(self, key: ChartKey, data: Any, drawer: Drawer) -> list[tuple[str, str]] | None:
        """The charts for `key`, drawn from `data` by `drawer` if nobody has yet; None while
        drawing."""
        with self._lock:
            future = self._drawing.get(key)
            if future is None and key not in self._drawn:
                context = contextvars.copy_context()
                future = self.pool.submit(context.run, self._draw, key, data, drawer)
                self._drawing[key] = future
        if future is not None:
            try:
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.wait)
            except TimeoutError:
                return None
        return self.charts(key)

    def _draw(self, key: ChartKey, data: Any, drawer: Drawer) -> None:
        from pacer.report.charts import PHONE, drawn_as

        page, digest, (own, theirs), lang, day = key
        token = f"{page}{digest[:10]}{own}x{theirs}{lang}{day.replace('-', '')}"
        folder = self.folder / token
        shown: list[tuple[str, str]] = []
        files: dict[str, Path] = {}
        try:
            set_lang(lang)  # the charts' words: the key's language, whoever asked first
            with drawn_as(PHONE):
                drawn = drawer(data, folder)
            for kind, paths in sorted(drawn.items()):
                for i, path in enumerate(p for p in paths if p.suffix == ".svg"):
                    name = f"{token}-{kind}-{i}"
                    shown.append((name, kind))
                    files[name] = path
        except PacerError as exc:  # a chart that cannot be drawn must not loop the page
            sys.stderr.write(f"pacer: charts not drawn: {exc.message}\n")
        except Exception as exc:
            sys.stderr.write(f"pacer: charts not drawn: {type(exc).__name__}: {exc}\n")
        with self._lock:
            self._drawn[key] = shown
            self._files.update(files)
            self._drawing.pop(key, None)
            stale = list(self._drawn)[:-KEPT_CHARTS]
            for old in stale:
                for name, _ in self._drawn.pop(old):
                    self._files.pop(name, None)
            keep = {name.split("-", 1)[0] for name in self._files}
        # Folders of charts no page shows any more, and those of servers that have stopped.
        if self.folder.is_dir():
            for child in self.folder.iterdir():
                if child.is_dir() and child.name not in keep and child.name != token:
                    shutil.rmtree(child, ignore_errors=True)
        for other in self.base.glob("server-*"):
            pid = other.name.split("-")[1]
            if other != self.folder and not _alive(pid):
                shutil.rmtree(other, ignore_errors=True)

    def close(self) -> None:
        self.pool.shutdown()
