"""Where the dashboard's work runs: database work in two threads, each with the one
connection it keeps (a reader for pages, one writer that queues every write, like
datasette's write thread), and chart drawing in a third, cached by what the charts show.
Nothing slow runs on the event loop, so one heavy page never stalls the others."""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import json
import re
import shutil
import sys
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from pacer import clock, service
from pacer.errors import PacerError
from pacer.i18n import set_lang

T = TypeVar("T")

# The web waits less for another writer than the CLI does: a phone gets "busy, try again"
# (503) after 3 s instead of every page waiting behind one stuck writer.
WEB_BUSY_TIMEOUT_MS = 3_000
KEPT_CHARTS = 8  # sets of drawn charts kept (languages × recent data versions)


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


# The page (letters only), plan digest, data version (opaque: Session.data_version()),
# language, day.
ChartKey = tuple[str, str, Hashable, str, str]
Drawer = Callable[[Any, Path], dict[str, list[Path]]]  # (data, folder) -> files per chart
MANIFEST = "charts.json"  # in a set's folder, written last: the set is complete
ABANDONED_SECONDS = 3600  # a set's folder without its manifest this old: a drawing that died
_TOKEN = re.compile(r"[a-z]+[0-9a-f]{24}")  # the page, a hash


class ChartCache:
    """The charts of the Progress and Plan pages, drawn once per (page, plan, data, language,
    day, look) in a thread of their own, as SVG for a phone (report.charts.PHONE), into a
    folder of the cache shared by every server on the data folder (and kept over a restart):
    a set's folder is named by a hash of its key, and its manifest, written last, lists its
    charts. The newest KEPT_CHARTS sets stay; older ones are removed after each drawing. A
    page waits for a drawing at most `wait` seconds; a drawing not done by then goes on, and
    the page says so and looks again shortly."""

    def __init__(self, folder: Path, wait: float, salt: str = "") -> None:
        self.base = folder
        self.wait = wait
        self.salt = salt  # what else tells sets apart (the database's path)
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pacer-charts")
        self._lock = threading.Lock()
        self._drawn: dict[ChartKey, list[tuple[str, str]]] = {}  # key -> (file name, kind)
        self._drawing: dict[ChartKey, Future[None]] = {}
        self.drawings = 0  # sets this cache has drawn (tests read it)

    def token(self, key: ChartKey) -> str:
        """The folder name of `key`'s set: its page, then a hash of the key with pacer's
        version and the look."""
        from pacer import __version__
        from pacer.report.charts import PHONE

        text = repr((__version__, PHONE, self.salt, key)).encode("utf-8")
        return key[0] + hashlib.sha256(text).hexdigest()[:24]

    def charts(self, key: ChartKey) -> list[tuple[str, str]] | None:
        """The set drawn for `key` (by this server or another: its manifest says), or None."""
        token = self.token(key)
        manifest = self.base / token / MANIFEST
        with self._lock:
            known = self._drawn.get(key)
        if known is not None:
            if not known or manifest.is_file():  # (none: drawing them failed)
                return known
            with self._lock:  # removed meanwhile (another server kept newer sets)
                self._drawn.pop(key, None)
            return None
        shown = _read_manifest(manifest)
        if shown is not None:
            with self._lock:
                self._remember(key, shown)
        return shown

    def file(self, name: str) -> Path | None:
        """The SVG a chart's name (`TOKEN-KIND-N`, as a page shows it) stands for: one its
        set's manifest lists, never any other path."""
        token = name.split("-", 1)[0]
        if not _TOKEN.fullmatch(token):
            return None
        shown = _read_manifest(self.base / token / MANIFEST)
        if shown is None or name not in {n for n, _ in shown}:
            return None
        return self.base / token / f"{name}.svg"

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

    def _remember(self, key: ChartKey, shown: list[tuple[str, str]]) -> None:
        self._drawn.pop(key, None)
        self._drawn[key] = shown
        for old in list(self._drawn)[:-KEPT_CHARTS]:
            del self._drawn[old]

    def _draw(self, key: ChartKey, data: Any, drawer: Drawer) -> None:
        from pacer.report.charts import PHONE, drawn_as
        from pacer.workspace import write_file_atomic

        token = self.token(key)
        folder = self.base / token
        shown: list[tuple[str, str]] = []
        try:
            self.drawings += 1
            set_lang(key[3])  # the charts' words: the key's language, whoever asked first
            with drawn_as(PHONE):
                drawn = drawer(data, folder)
            for kind, paths in sorted(drawn.items()):
                for i, path in enumerate(p for p in paths if p.suffix == ".svg"):
                    name = f"{token}-{kind}-{i}"
                    path.replace(folder / f"{name}.svg")
                    shown.append((name, kind))
            body = json.dumps([list(entry) for entry in shown]).encode("utf-8")
            write_file_atomic(folder / MANIFEST, body, overwrite=True)
        except PacerError as exc:  # a chart that cannot be drawn must not loop the page
            sys.stderr.write(f"pacer: charts not drawn: {exc.message}\n")
        except Exception as exc:
            sys.stderr.write(f"pacer: charts not drawn: {type(exc).__name__}: {exc}\n")
        # Another server may have finished the same set meanwhile: its manifest counts.
        shown = _read_manifest(folder / MANIFEST) or shown
        with self._lock:
            self._remember(key, shown)
            self._drawing.pop(key, None)
        self.prune(keep=token)

    def prune(self, keep: str) -> None:
        """Remove the sets beyond the newest KEPT_CHARTS (by their manifests' times), a
        drawing's folder left without a manifest for an hour, and whatever else is in the
        folder (the per-server folders of earlier versions)."""
        try:
            children = list(self.base.iterdir())
        except OSError:
            return
        now = clock.wall_seconds()
        complete: list[tuple[float, Path]] = []
        for child in children:
            if child.name == keep:
                continue
            try:
                if not _TOKEN.fullmatch(child.name) or not child.is_dir():
                    _remove(child)
                elif (child / MANIFEST).is_file():
                    complete.append(((child / MANIFEST).stat().st_mtime, child))
                elif now - child.stat().st_mtime > ABANDONED_SECONDS:
                    _remove(child)
            except OSError:
                continue  # removed meanwhile by another server
        complete.sort(reverse=True)
        for _, old in complete[KEPT_CHARTS - 1 :]:
            _remove(old)

    def close(self) -> None:
        self.pool.shutdown()


def _read_manifest(path: Path) -> list[tuple[str, str]] | None:
    try:
        entries = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return [(str(name), str(kind)) for name, kind in entries]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
