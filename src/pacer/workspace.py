"""Where the person's files live, which plan is in force, and the compiled-plan cache."""

from __future__ import annotations

import errno
import os
import pickle
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from pacer import __version__, clock
from pacer.calendar.days import HolidayTable
from pacer.dirs import DB_FILE as DB_FILE
from pacer.dirs import PLAN_FILE as PLAN_FILE
from pacer.dirs import cache_dir as cache_dir
from pacer.dirs import data_dir as data_dir
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.plan.builtin import builtin_plan_path
from pacer.plan.model import Plan
from pacer.record import record
from pacer.schedule.stream import Stream

try:  # the C blake2 module, without loading OpenSSL as hashlib does
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b as _blake2b

# Part of the cache key beside pacer's version: bump it whenever what is compiled from a
# plan (the validated plan, holidays, the planned stream) would come out differently.
# 5: curricula `post`; 6: metrics min/max; 7: subdivision, block days; 8: day_starts;
# 13: rotation, periods; 15: absences (issue 13); 16: alarm, absences' ramp (issue 15).
COMPILED_FORMAT = 16

BUILTIN = "<built-in 2026 plan>"


@record
class CompiledPlan:
    """A validated plan with the holiday data for its span (and a year past its end)."""

    plan: Plan
    holidays: HolidayTable
    stream: Stream  # the plan's work in planned order (see schedule/stream.py)
    source: str  # the plan's path, or BUILTIN
    digest: str  # of the bytes and pacer's version: the cache key
    content: str = ""  # BLAKE2b-256 of the plan file's bytes alone: the plan version's key


def resolve_plan_path(explicit: Path | None) -> tuple[Path, bool]:
    """The plan in force: --plan, else the data directory's copy, else the built-in plan.

    Returns the path and whether it is the built-in plan.
    """
    if explicit is not None:
        return explicit, False
    own = data_dir() / PLAN_FILE
    if own.exists():
        return own, False
    return builtin_plan_path(), True


def read_plan_file(path: Path, given_as: str = "--plan") -> bytes:
    from pacer.plan.problems import read_plan_bytes

    try:
        return read_plan_bytes(path, given_as)
    except FileNotFoundError:
        raise PacerError(Message("plan.not_found", path=path)) from None
    except IsADirectoryError:
        raise PacerError(Message("plan.unreadable", path=path, detail="a directory")) from None
    except OSError as exc:
        raise PacerError(
            Message("plan.unreadable", path=path, detail=exc.strerror or exc)
        ) from None


def read_input_file(path: Path, limit: int, command: str, too_big: Message) -> bytes:
    """The bytes of a file a command reads (an export, a Markdown plan), at most `limit`:
    what is not a regular file is refused before it is opened (a FIFO would block, a device
    never end), a larger file with `too_big`, and a missing or unreadable one in one line."""
    from pacer.bounds import refuse_special_file

    refuse_special_file(path, command)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # never more than that in memory
    except FileNotFoundError:
        raise PacerError(Message("file.not_found", path=path)) from None
    except OSError as exc:
        raise PacerError(
            Message("file.unreadable", path=path, detail=exc.strerror or exc)
        ) from None
    if len(data) > limit:
        raise PacerError(too_big)
    return data


def _compiled_shape() -> str:
    """The fields of every record a compiled plan pickles: a pacer whose records changed
    (run from a checkout, where the version stays put) never unpickles an older shape, even
    when COMPILED_FORMAT was not bumped."""
    import pacer.calendar.days as days
    import pacer.plan.model as model
    import pacer.schedule.stream as stream

    return ";".join(
        f"{name}:{','.join(getattr(cls, '__slots__', ()))}"
        for module in (model, days, stream)
        for name, cls in sorted(vars(module).items())
        if isinstance(cls, type) and cls.__module__ == module.__name__
    )


# A plan file not changed for this long (seconds) is known by its stat alone in a long-lived
# process: file times are coarse (a clock tick), so a file written just now could be written
# again within the same tick at the same size.
SETTLED_AFTER = 2.0


def compile_plan(path: Path, builtin: bool) -> CompiledPlan:
    """Load the plan through the cache: the YAML and the holiday library are only touched when
    the plan's bytes (or pacer's version) change. A long-lived process (the web server, on
    every request) knows a settled file by its stat, without reading it again."""
    source = BUILTIN if builtin else str(path)
    try:
        found = os.stat(path)
    except OSError:
        found = None  # read_plan_file says what is wrong
    stamp: tuple[object, ...] | None = None
    if found is not None and stat.S_ISREG(found.st_mode):
        stamp = (str(path), found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
        known = _LOADED.get(stamp)
        if known is not None and known.source == source:
            return known
    compiled = compile_plan_data(read_plan_file(path), str(path), source)
    if found is not None and stamp and clock.wall_seconds() - found.st_mtime > SETTLED_AFTER:
        _LOADED[stamp] = compiled
    return compiled


def content_digest(data: bytes) -> str:
    """The key a plan version is stored under: BLAKE2b-256 of the file's bytes, hex."""
    return _blake2b(data, digest_size=32).hexdigest()


def compile_plan_data(data: bytes, path: str, source: str) -> CompiledPlan:
    """compile_plan for a plan's bytes (a stored plan version's too); `path` names the file
    in error messages."""
    global _SALT
    if _SALT is None:  # the shape of the records never changes while a process runs
        # The holiday library decides the calendar's holidays: a new install, a new key.
        from pacer.stamps import library_stamp

        shape = _compiled_shape()
        _SALT = f"{__version__}/{COMPILED_FORMAT}/{shape}/{library_stamp('holidays')}".encode()
    salt = _SALT
    digest = _blake2b(data + salt, digest_size=16).hexdigest()
    content = content_digest(data)
    loaded = _LOADED.get(digest)
    if loaded is not None:  # a long-lived process (the web server) reads the plan once
        return CompiledPlan(loaded.plan, loaded.holidays, loaded.stream, source, digest, content)
    cached = cache_dir() / f"plan-{digest}.pickle"
    key = _cache_key()
    hit = _read_cache(cached, key, digest) if key is not None else None
    if hit is not None:
        return _remember(CompiledPlan(hit.plan, hit.holidays, hit.stream, source, digest, content))
    from pacer.calendar.days import Calendar
    from pacer.calendar.source import load_holiday_table
    from pacer.plan.loader import load_plan_text
    from pacer.schedule.stream import build_stream

    plan = load_plan_text(data, path)
    years = range(plan.start.year, plan.end.year + 2)
    holidays = load_holiday_table(plan.calendar.country, years, plan.calendar.subdivision)
    stream = build_stream(plan, Calendar(plan, holidays, (), "en"))
    compiled = CompiledPlan(plan, holidays, stream, source, digest, content)
    if key is not None:
        _write_cache(cached, compiled, key)
    return _remember(compiled)


# By content digest (an edited plan is a new key), and by a settled file's stat.
_LOADED: dict[object, CompiledPlan] = {}
_SALT: bytes | None = None


def _remember(compiled: CompiledPlan) -> CompiledPlan:
    if len(_LOADED) >= 8:
        _LOADED.clear()
    _LOADED[compiled.digest] = compiled
    return compiled


# The cache is a pickle, and loading a pickle runs whatever it names: so each file carries
# a keyed BLAKE2b of its bytes, and only a file whose tag holds is unpickled. The key lives
# in the data folder (0600), not beside the cache, so whoever can write the cache folder
# (shared, or less protected than the data) cannot make pacer run code; a file whose tag
# fails is ignored and rebuilt. Hashing is fast (~1 ms per MB), so `today` stays quick.
CACHE_KEY_FILE = "cache-key"
CACHE_MAGIC = b"pacer-plan-cache/1\n"
_TAG_SIZE = 32


def _cache_key() -> bytes | None:
    """The key that signs cache files, made on first use; None when it cannot be kept (a
    read-only data folder): then the cache is neither read nor written."""
    path = data_dir() / CACHE_KEY_FILE
    for _attempt in range(2):
        try:
            key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        except FileNotFoundError:
            key = b""
        except (OSError, ValueError):
            return None
        if len(key) >= 32:
            return key
        try:
            write_private_atomic(path, os.urandom(32).hex().encode("ascii") + b"\n")
        except PacerError:
            return None
        # Read it back: of two processes making it at once, the file kept is the key.
    return None


def _cache_tag(key: bytes, digest: str, payload: bytes) -> bytes:
    mac = _blake2b(key=key[:64], digest_size=_TAG_SIZE, person=b"pacer-plan")
    mac.update(digest.encode("ascii") + b"\0")
    mac.update(payload)
    return mac.digest()


def _read_cache(path: Path, key: bytes, digest: str) -> CompiledPlan | None:
    # hmac.compare_digest itself, without importing hmac (which loads hashlib and OpenSSL,
    # several ms on the `today` path).
    from _operator import _compare_digest

    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(CACHE_MAGIC)
    if not data.startswith(CACHE_MAGIC) or len(data) < head + _TAG_SIZE:
        return None
    tag, payload = data[head : head + _TAG_SIZE], data[head + _TAG_SIZE :]
    if not _compare_digest(tag, _cache_tag(key, digest, payload)):
        return None  # not written by this pacer with this key: never unpickled
    try:
        hit = pickle.loads(payload)
    except Exception:  # signed but unreadable (an older pacer's classes): rebuild
        return None
    return hit if isinstance(hit, CompiledPlan) and hit.digest == digest else None


def _write_cache(path: Path, compiled: CompiledPlan, key: bytes) -> None:
    payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    data = CACHE_MAGIC + _cache_tag(key, compiled.digest, payload) + payload
    with suppress(PacerError):  # a cache that cannot be written only costs time
        write_file_atomic(path, data, overwrite=True)


# Everything pacer writes is the person's own record: readable by them only, whatever the
# umask (which can only remove bits, so creating with these modes is enough for folders).
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# A temporary file whose process id is still in use is removed anyway once it is this old
# (seconds): the id was reused. A backup of years of logs takes seconds, not a day.
STALE_TEMP_AFTER = 24 * 3600
_TEMP_NAME = re.compile(r"^\.(?P<name>.+?)\.(?P<pid>\d{1,10})(?:\.[0-9a-f]{8})?\.tmp$")


def private_dir(path: Path) -> None:
    """Make the folder `path` and any missing parents, each 0700; folders that exist are left
    as they are. (Path.mkdir(parents=True) would give the parents the umask's mode.)"""
    try:
        path.mkdir(mode=PRIVATE_DIR)
    except FileNotFoundError:
        if path.parent == path:
            raise
        private_dir(path.parent)
        private_dir(path)
    except FileExistsError:
        if not path.is_dir():
            raise


def create_private_file(path: Path) -> bool:
    """Create `path` empty, mode 0600, unless something is there already (then nothing is
    opened: no descriptor of a file another connection may hold locks on is ever closed).
    For files that others fill in place, such as a new SQLite database. Returns whether it
    was created; OSError as from os.open."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, PRIVATE_FILE)  # exactly 0600, even under an umask like 0277
    finally:
        os.close(fd)
    return True


def make_folder(path: Path) -> None:
    """private_dir, with a failure (a file in the way, no permission) as one clear line."""
    try:
        private_dir(path)
    except OSError as exc:
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Before anything is written: each path must not exist (unless `force`), and never be a
    folder. The refusal names the first file and --force."""
    for path in paths:
        if path.is_dir():
            raise PacerError(
                Message("file.cannot_write", path=path, detail=os.strerror(errno.EISDIR))
            )
        if not force and os.path.lexists(path):
            raise PacerError(Message("file.exists_force", path=path))


def write_file_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write via a private temporary file in the same folder, fsync and rename: a crash
    leaves the old file or the new one, never half of one."""
    with atomic_target(path, overwrite) as tmp, tmp.open("wb") as fh:
        fh.write(data)


def write_cache_file(path: Path, data: bytes) -> None:
    """Replace a cache file (what pacer can make again) whole, without waiting for the disk:
    a crash may lose it or leave it empty, never half of it (it is renamed into place), and
    a reader rejects what its signature does not hold. Missing folders are made 0700;
    failures are PacerError as write_file_atomic's."""
    try:
        private_dir(path.parent)
        remove_stale_temps(path.parent, lambda name: name == path.name)
        tmp = _private_temp(path)
    except OSError as exc:
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None


def write_private_atomic(path: Path, data: bytes) -> None:
    """write_file_atomic, replacing: for secrets (every file pacer writes is mode 0600)."""
    write_file_atomic(path, data, overwrite=True)


@contextmanager
def atomic_target(path: Path, overwrite: bool = False) -> Iterator[Path]:
    """A temporary path in `path`'s folder for the caller to fill (bytes, a SQLite backup, a
    chart); when the block ends it is fsynced and renamed onto `path`, and the folder is
    fsynced. A crash leaves the old file or the new one, never half of one; an error in the
    block removes the temporary file and leaves `path` as it was. Without `overwrite` an
    existing `path` is refused, also one that appears meanwhile.

    The temporary file exists, empty and mode 0600, before the block runs: writers open it
    without creating it, so the file keeps that mode whatever the umask, and so does `path`.
    Missing folders are made 0700. A killed writer's temporary file for the same `path` is
    removed (see remove_stale_temps)."""
    if path.exists() and not overwrite:
        raise PacerError(Message("file.exists", path=path))
    try:
        private_dir(path.parent)
    except OSError as exc:  # a file in the way, no permission: name the file wanted
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None
    remove_stale_temps(path.parent, lambda name: name == path.name)
    try:
        tmp = _private_temp(path)
    except OSError as exc:
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None
    try:
        yield tmp
        _fsync(tmp, os.O_RDONLY)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the file appeared meanwhile: never clobber
            tmp.unlink()
        # Not every system can fsync a folder; the file itself is on disk by now.
        with suppress(OSError):
            _fsync(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        raise PacerError(Message("file.exists", path=path)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PacerError(
            Message("file.cannot_write", path=path, detail=exc.strerror or exc)
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _private_temp(path: Path) -> Path:
    """A new empty file `.NAME.PID.RANDOM.tmp` beside `path`, mode 0600: the process id says
    whose it is (remove_stale_temps), the random part keeps two threads apart."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        if create_private_file(tmp):
            return tmp


def remove_stale_temps(folder: Path, owns: Callable[[str], bool]) -> list[Path]:
    """Remove the temporary files atomic_target left in `folder` for files `owns` accepts
    (by name) when the process that made them is gone: its id is not alive, or the file is
    older than STALE_TEMP_AFTER (the id was reused). Anything else is left alone. Returns
    what was removed; a file that cannot be removed is left for next time."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for entry in names:
        match = _TEMP_NAME.match(entry)
        if match is None or not owns(match["name"]):
            continue
        path = folder / entry
        try:
            age = clock.wall_seconds() - path.lstat().st_mtime
        except OSError:
            continue
        if _alive(int(match["pid"])) and age < STALE_TEMP_AFTER:
            continue
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":  # Windows' os.kill would end the process: the age bound decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # someone else's process, or an id we cannot ask about: keep its file
    return True


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
