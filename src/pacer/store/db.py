"""SQLite connections (through apsw's current SQLite): WAL, one BEGIN IMMEDIATE per write.

Why apsw: the SQLite that Python links is whatever the system has (3.40 on Debian 12), inside
the range of SQLite's WAL-reset race (3.7.0–3.51.2) that can lose committed writes when
several processes write one file. apsw bundles a current SQLite (checked below) and ships
wheels for x86-64 and ARM64.

Why no plain file I/O here: on POSIX, closing *any* descriptor of a file drops every lock the
process holds on it, SQLite's included; another process closing its last connection then
deletes `-wal`/`-shm` under a live connection. So this module never opens the database file
itself: what the file is (a foreign file, a directory) is asked of SQLite, or of `stat`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import apsw

from pacer.bounds import note_live_database
from pacer.errors import PacerError, StoreBusy
from pacer.i18n import Message
from pacer.store.migrations import LATEST, migrate, pending
from pacer.store.version import BUMP_VERSION, has_version, read_version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The CLI waits this long for another writer; the web server less, so that one stuck writer
# cannot hold every phone's page (it answers 503 with Retry-After instead).
BUSY_TIMEOUT_MS = 10_000
# SQLite fixed its WAL-reset race (writes lost with several writing processes) in 3.51.3.
SAFE_SQLITE = (3, 51, 3)
# Owner only: the log is a personal record (SQLite gives -wal and -shm the same mode).
FILE_MODE = 0o600
_NEARLY_FULL = 64 * 1024  # bytes free: less than SQLite needs to grow -wal or -shm
_SMALLEST_DATABASE = 512  # bytes: SQLite's smallest page, and a database has at least one

# Each write transaction is synced to disk before COMMIT returns (synchronous = FULL, not
# NORMAL): "logged" promises the row survives a power cut, and a person's log sees a few
# writes a day, so one fsync each costs nothing anyone notices.
_PRAGMAS = ("PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL")


def sqlite_version() -> str:
    return str(apsw.sqlite_lib_version())


def version_is_safe(version: str) -> bool:
    parts = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
    return parts >= SAFE_SQLITE


class Connection:
    """apsw's connection with the few calls pacer uses; SQLite's errors become pacer's."""

    __slots__ = ("_db", "path")

    def __init__(self, db: apsw.Connection, path: Path) -> None:
        self._db = db
        self.path = path

    def execute(self, sql: str, params: tuple[object, ...] | list[object] = ()) -> Rows:
        try:
            return Rows(self._db.execute(sql, params), self.path)
        except apsw.Error as exc:
            raise storage_error(exc, self.path) from exc

    def last_insert_rowid(self) -> int:
        return int(self._db.last_insert_rowid())

    @property
    def in_transaction(self) -> bool:
        return bool(self._db.in_transaction)

    def changes(self) -> int:
        return int(self._db.changes())

    @property
    def raw(self) -> apsw.Connection:
        """The apsw connection itself, for the online backup API."""
        return self._db

    def close(self) -> None:
        self._db.close()


class Rows:
    """A statement's result rows (tuples); SQLite's errors while stepping become pacer's."""

    __slots__ = ("_cursor", "_path")

    def __init__(self, cursor: apsw.Cursor, path: Path) -> None:
        self._cursor = cursor
        self._path = path

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except apsw.Error as exc:
            raise storage_error(exc, self._path) from exc

    def fetchall(self) -> list[Any]:
        try:
            return list(self._cursor.fetchall())
        except apsw.Error as exc:
            raise storage_error(exc, self._path) from exc

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class Store:
    """One open database; every write goes through `write()`."""

    def __init__(self, conn: Connection, path: Path, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.refusal: Message | None = None  # why a read-only store refuses writes
        self.writes = 0  # committed through this connection
        # Whether write() bumps the data version: from when the migrations are done (the
        # table is made by one of them).
        self.versioned = False

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction taken up front, so that two writers queue instead of failing
        halfway with "database is locked"."""
        if self.read_only:
            raise PacerError(self.refusal or Message("store.read_only", path=self.path))
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            if self.versioned:
                # In the write's own transaction: a cache keyed by the version can never
                # hold what was shown before a write that committed.
                self.conn.execute(BUMP_VERSION)
        except BaseException:
            with suppress(PacerError):  # SQLite may have rolled back already (disk full)
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        self.writes += 1

    def data_version(self) -> tuple[int, str]:
        """The data version: changes with every committed write, by any process (see
        migration 13)."""
        return read_version(self.conn)

    def close(self) -> None:
        self.conn.close()


def storage_error(exc: BaseException, path: Path) -> PacerError:
    """SQLite's error as the one line a person can act on."""
    detail = str(exc).removeprefix(f"{type(exc).__name__}: ").strip() or type(exc).__name__
    if isinstance(exc, apsw.BusyError | apsw.LockedError):
        return StoreBusy(Message("store.busy"))
    if isinstance(exc, apsw.FullError) or (
        isinstance(exc, apsw.IOError | apsw.CantOpenError) and disk_full(path)
    ):
        # SQLite says "disk I/O error" when it cannot grow -shm on a full disk.
        return PacerError(Message("store.full", path=path))
    if isinstance(exc, apsw.ReadOnlyError):
        return PacerError(Message("store.read_only", path=path))
    if isinstance(exc, apsw.NotADBError):
        return PacerError(Message("store.not_sqlite", path=path, detail=detail))
    if isinstance(exc, apsw.CorruptError):
        return PacerError(Message("store.corrupt", path=path, detail=detail))
    if isinstance(exc, apsw.CantOpenError | apsw.PermissionsError | apsw.IOError):
        return PacerError(Message("store.cannot_open", path=path, detail=detail))
    return PacerError(Message("store.failed", path=path, detail=detail))


def disk_full(path: Path) -> bool:
    """Whether the filesystem holding `path` has (almost) no room left (statvfs: nothing
    is opened)."""
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < _NEARLY_FULL


def open_store(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open (creating if needed) and migrate the database at `path`. A database on storage
    that cannot be written (a read-only SD card, a full disk's neighbour) is opened for
    reading, so that today, status, export and backup still work."""
    if path.is_dir():
        raise PacerError(Message("store.not_sqlite", path=path, detail="a directory"))
    exists = path.exists()
    if exists and 0 < path.stat().st_size < _SMALLEST_DATABASE:
        # SQLite would take a file shorter than one page for an empty database and write
        # over it: someone's few bytes, never ours.
        raise PacerError(Message("store.not_sqlite", path=path, detail="no SQLite header"))
    if not exists:
        from pacer.workspace import make_folder

        make_folder(path.parent)  # 0700, each missing level
    writable = _writable(path, exists)
    if not writable and not exists:
        raise PacerError(Message("store.read_only", path=path))
    try:
        return _open(path, writable, busy_timeout_ms)
    except PacerError as exc:
        if not (writable and exists and exc.message.key == "store.full"):
            raise
        # A full disk: read what is there (SQLite cannot even grow -shm), write nothing.
        store = _open(path, False, busy_timeout_ms)
        store.refusal = exc.message
        return store


def _open(path: Path, writable: bool, busy_timeout_ms: int) -> Store:
    db = _connect(path, writable)
    conn = Connection(db, path)
    store = Store(conn, path, read_only=not writable)
    try:
        db.set_busy_timeout(busy_timeout_ms)
        # The first read goes through SQLite: a foreign file is "not a database" here,
        # before anything could write to it.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        if writable:
            _keep_private(path)
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        if writable:
            migrate(store)
        elif pending(store):
            raise PacerError(Message("store.read_only_old", path=path, version=LATEST))
        store.versioned = has_version(conn)
    except BaseException:
        with suppress(apsw.Error):
            db.close()
        raise
    note_live_database(path)  # no user file may now be read by opening this one
    return store


def _connect(path: Path, writable: bool) -> apsw.Connection:
    try:
        if writable:
            flags = apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE
            return apsw.Connection(str(path), flags=flags)
        uri = path.resolve().as_uri() + "?mode=ro"
        db = apsw.Connection(uri, flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
        try:
            db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            return db
        except (apsw.CantOpenError, apsw.ReadOnlyError, apsw.IOError):
            db.close()
        # Read-only (or full) storage without a -shm file that SQLite could make: nobody
        # can change the file there, so it is read as immutable.
        flags = apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI
        return apsw.Connection(uri + "&immutable=1", flags=flags)
    except apsw.Error as exc:
        raise storage_error(exc, path) from None


def _writable(path: Path, exists: bool) -> bool:
    """Whether SQLite could write the database and make its -wal and -shm beside it (asked
    with access(2): no descriptor of the file is opened)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not exists or os.access(path, os.W_OK))


def _keep_private(path: Path) -> None:
    """The database and its -wal/-shm readable by their owner only, whatever the umask (and
    for databases made by older versions). chmod works on the name: no descriptor opened."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with suppress(OSError):
            if stat.S_IMODE(name.stat().st_mode) & ~FILE_MODE:
                os.chmod(name, FILE_MODE)
