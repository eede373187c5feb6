"""The rendered-day cache: `pacer today` served from what the last run printed, when nothing
it depends on has changed.

The key holds everything the day's text is made of: pacer's code (version and the files'
times), the plan file's bytes, the database's data version (store/version.py: bumped in the
same transaction as every write, by any process), the language and the environment that
picks the zone and the language, and the command's own words (--json, --date …). What it
cannot hold before the day is computed, the study date, is stored in the entry and checked
on a hit from the clock alone, so a new day (or a clock in another zone) is a miss.

A hit imports no engine: only this module, the clock and apsw are loaded. A run whose output
depends on the minute (a running timer) is never stored.
"""

from __future__ import annotations

import os
import sys

from pacer import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

try:  # the C blake2 module, without loading OpenSSL as hashlib does
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b as _blake2b

FOLDER = "today"
MAGIC = b"pacer-day/1\n"
_TAG = 32
KEEP = 32  # entries kept: one per (key), the newest; the rest are pruned on each store
# Words of `pacer today` the fast path understands; anything else takes the ordinary path.
_VALUED = ("--date", "--lang", "--plan", "--db")
_FLAGS = ("--json",)
# Environment that changes what `today` prints or which files it reads (the clock's
# PACER_NOW is checked through the study date instead; the trace is not part of the day).
_ENV_PREFIXES = ("PACER_", "LANG", "LC_", "XDG_")
_ENV_EXACT = ("TZ", "HOME")
_ENV_IGNORED = ("PACER_NOW", "PACER_CACHE_TRACE")
TRACE = "PACER_CACHE_TRACE"
BUILT_IN = "built-in"


class Probe:
    """What a `today` command asked for, and where its rendering would be kept."""

    __slots__ = ("db", "entry", "key", "plan", "secret", "version")

    def __init__(
        self,
        entry: str,
        key: bytes,
        secret: bytes,
        db: str,
        version: tuple[int, str],
        plan: str,
    ) -> None:
        self.entry = entry
        self.db = db
        self.plan = plan  # the plan file's content digest, or BUILT_IN
        self.key = key
        self.secret = secret
        self.version = version


class Rendered:
    """What the ordinary path says about the day it printed (see rendered())."""

    __slots__ = ("cacheable", "day_starts", "plan", "study_date")

    def __init__(self, day_starts: str, study_date: date, cacheable: bool, plan: str) -> None:
        self.day_starts = day_starts
        self.study_date = study_date
        self.cacheable = cacheable
        self.plan = plan


_rendered: Rendered | None = None


def rendered(day_starts: str, study_date: date, cacheable: bool, plan: str | None = None) -> None:
    """Told by `today` after it rendered: the plan's day start and the study date the text
    is for, whether it may be kept (not while a timer runs: its minutes change), and the
    plan it was made from (its content digest; None: the built-in plan). Text made from
    other bytes than the key's (the file saved meanwhile, a plan file restored) is not kept."""
    global _rendered
    _rendered = Rendered(day_starts, study_date, cacheable, BUILT_IN if plan is None else plan)


def _trace(what: str) -> None:
    if os.environ.get(TRACE):
        sys.stderr.write(f"pacer: day cache {what}\n")


def today_words(args: Sequence[str]) -> list[str] | None:
    """The words of a `pacer today` command the fast path understands, normalised; None for
    anything else (the CLI's parser takes those)."""
    return _options(args)


def option(words: list[str], name: str) -> str | None:
    """The value of the last `name` among today_words()."""
    return _option(words, name)


def _options(args: Sequence[str]) -> list[str] | None:
    """`today`'s words, normalised (`--date=X` as `--date X`); None when the fast path does
    not understand them (help, prefixes, another command): the ordinary path decides."""
    words: list[str] = []
    seen_command = False
    it = iter(args)
    for word in it:
        name, eq, value = word.partition("=")
        if name in _VALUED:
            if not eq:
                value = next(it, "")
                if not value or value.startswith("-"):
                    return None
            words += [name, value]
        elif word in _FLAGS:
            words.append(word)
        elif word == "today" and not seen_command:
            seen_command = True
        else:
            return None
    return words if seen_command else None


def _option(words: list[str], name: str) -> str | None:
    found = None
    for i, word in enumerate(words):
        if word == name and i + 1 < len(words):
            found = words[i + 1]
    return found


def _secret(data_dir: str) -> bytes | None:
    """The key that signs cache files (workspace's plan cache makes it): an entry planted by
    someone who can write the cache folder but not the data folder is never shown."""
    try:
        with open(os.path.join(data_dir, "cache-key"), encoding="ascii") as fh:
            key = bytes.fromhex(fh.read().strip())
    except (OSError, ValueError):
        return None
    return key if len(key) >= 32 else None


def _tag(secret: bytes, key: bytes, payload: bytes) -> bytes:
    mac = _blake2b(key=secret[:64], digest_size=_TAG, person=b"pacer-day")
    mac.update(key + b"\0")
    mac.update(payload)
    return mac.digest()


def probe(args: Sequence[str]) -> Probe | None:
    """The cache's view of a `today` command: None when it cannot be cached at all (words
    the fast path does not know, no database yet, no cache key)."""
    from pacer import stamps
    from pacer.dirs import DB_FILE, PLAN_FILE, cache_dir_path, data_dir_path

    words = _options(args)
    if words is None:
        return None
    data = data_dir_path()
    secret = _secret(data)
    if secret is None:
        return None
    plan = _option(words, "--plan")
    plan_path = os.path.abspath(plan) if plan is not None else os.path.join(data, PLAN_FILE)
    try:
        with open(plan_path, "rb") as fh:
            plan_digest = _blake2b(fh.read(), digest_size=32).hexdigest()
    except FileNotFoundError:
        if plan is not None:
            return None  # the ordinary path says the file is missing
        plan_digest = BUILT_IN  # ships with the code: the code stamp covers it
    except OSError:
        return None
    db = _option(words, "--db")
    db_path = os.path.abspath(db) if db is not None else os.path.join(data, DB_FILE)
    from pacer.store.version import peek_version

    version = peek_version(db_path)
    if version is None:
        return None
    env = sorted(
        (k, v)
        for k, v in os.environ.items()
        if (k.startswith(_ENV_PREFIXES) or k in _ENV_EXACT) and k not in _ENV_IGNORED
    )
    try:
        localtime = os.path.realpath("/etc/localtime")
    except OSError:
        localtime = ""
    parts = [
        __version__,
        stamps.code_stamp(),
        stamps.library_stamp("holidays"),
        plan_path,
        plan_digest,
        db_path,
        f"{version[0]}/{version[1]}",
        localtime,
        repr(env),
        repr(words),
    ]
    key = "\n".join(parts).encode("utf-8", "surrogateescape")
    name = _blake2b(key, digest_size=16).hexdigest()
    entry = os.path.join(cache_dir_path(), FOLDER, name)
    return Probe(entry, key, secret, db_path, version, plan_digest)


def serve(found: Probe) -> bool:
    """Print the kept rendering of `found` if there is one for the current study date;
    whether it was printed."""
    try:
        with open(found.entry, "rb") as fh:
            data = fh.read()
    except OSError:
        _trace("miss")
        return False
    head = len(MAGIC)
    tag, payload = data[head : head + _TAG], data[head + _TAG :]
    from _operator import _compare_digest

    if not data.startswith(MAGIC) or not _compare_digest(
        tag, _tag(found.secret, found.key, payload)
    ):
        _trace("miss")
        return False
    try:
        day_starts, day, out_size, rest = payload.split(b"\n", 3)
        size = int(out_size)
        out, err = rest[:size].decode("utf-8"), rest[size:].decode("utf-8")
        from pacer import clock

        now = clock.study_date(clock.now_utc(), clock.wall_zone(), day_starts.decode("ascii"))
    except Exception:  # an unreadable entry, or a clock the ordinary path must refuse
        _trace("miss")
        return False
    if now.isoformat().encode("ascii") != day:
        _trace("miss (another day)")
        return False
    _trace("hit")
    sys.stderr.write(err)
    sys.stdout.write(out)
    sys.stdout.flush()
    return True


def keep(found: Probe, out: str, err: str) -> None:
    """Store what the ordinary path printed for `found`, if the run said it may be kept and
    nothing was written meanwhile (by this run or another process): else the text may
    belong to a data version other than the key's."""
    done = _rendered
    if done is None or not done.cacheable:
        return
    if done.plan != found.plan:
        _trace("not kept (another plan was read)")
        return
    from pacer.store.version import peek_version

    if peek_version(found.db) != found.version:
        _trace("not kept (written meanwhile)")
        return
    body = out.encode("utf-8", "surrogateescape")
    payload = b"\n".join(
        [
            done.day_starts.encode("ascii"),
            done.study_date.isoformat().encode("ascii"),
            str(len(body)).encode("ascii"),
            body + err.encode("utf-8", "surrogateescape"),
        ]
    )
    from contextlib import suppress
    from pathlib import Path

    from pacer.errors import PacerError
    from pacer.workspace import write_cache_file

    path = Path(found.entry)
    with suppress(PacerError):  # a cache that cannot be written only costs time
        write_cache_file(path, MAGIC + _tag(found.secret, found.key, payload) + payload)
        _trace("kept")
        _prune(path.parent)


def _prune(folder: object) -> None:
    """Keep the newest KEEP entries: each write makes the older keys unreachable."""
    path = str(folder)
    try:
        entries = [e for e in os.scandir(path) if e.is_file() and not e.name.startswith(".")]
    except OSError:
        return
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEEP:]:
        try:
            os.unlink(stale.path)
        except OSError:
            continue
