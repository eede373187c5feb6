"""Where pacer keeps its files, and the compiled-plan cache."""

from __future__ import annotations

import ast
import os
import pickle
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
import pytest

from pacer import clock, workspace
from pacer.errors import PacerError
from pacer.plan.builtin import builtin_plan_path
from pacer.workspace import (
    cache_dir,
    compile_plan,
    data_dir,
    private_dir,
    refuse_existing,
    remove_stale_temps,
    write_file_atomic,
    write_private_atomic,
)
from tests.helpers import Run


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux's")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-elsewhere"])
def test_the_fast_path_agrees_with_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    monkeypatch.delenv("PACER_HOME", raising=False)
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(var, raising=False)
        else:
            monkeypatch.setenv(var, f"{xdg}/{var.lower()}")
    assert data_dir() == Path(platformdirs.user_data_dir("pacer", appauthor=False))
    assert cache_dir() == Path(platformdirs.user_cache_dir("pacer", appauthor=False))


def test_pacer_home_overrides_both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PACER_HOME", str(tmp_path))
    assert data_dir() == tmp_path
    assert cache_dir() == tmp_path / "cache"


def test_the_compiled_plan_is_cached_by_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PACER_HOME", str(tmp_path))
    first = compile_plan(builtin_plan_path(), True)
    cached = list((tmp_path / "cache").glob("plan-*.pickle"))
    assert [p.name for p in cached] == [f"plan-{first.digest}.pickle"]
    second = compile_plan(builtin_plan_path(), True)
    assert second == first
    # A changed plan is another key; a corrupt cache file is rebuilt, not trusted.
    copy = tmp_path / "plan.yaml"
    copy.write_bytes(builtin_plan_path().read_bytes() + b"\n# edited\n")
    third = compile_plan(copy, False)
    assert third.digest != first.digest and third.plan == first.plan
    cached[0].write_bytes(b"not a pickle")
    workspace._LOADED.clear()  # the process memo would hide the file
    assert compile_plan(builtin_plan_path(), True) == first


class _Planted:
    """A pickle that, when loaded, creates the file it names: what a cache file planted by
    someone who can write the cache folder could do."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.path), "w"))


@pytest.mark.parametrize("plan", ["builtin", "other"])
def test_a_planted_plan_cache_is_never_loaded(
    pacer: Callable[..., Run], home: Path, other_plan: Path, plan: str
) -> None:
    args = ("--plan", str(other_plan)) if plan == "other" else ()
    # `week`: `today` would be served from the rendered-day cache without the plan's.
    first = pacer("week", *args)
    assert first.code == 0, first.err
    (cached,) = (home / "cache").glob("plan-*")
    marker = home / "planted-code-ran"
    planted = pickle.dumps(_Planted(marker))
    good = cached.read_bytes()
    # A bare pickle, and one behind a copy of the real file's header: neither is run.
    for evil in (planted, good[: len(good) - len(planted)] + planted, good[:64] + planted):
        cached.write_bytes(evil)
        run = pacer("week", *args)
        assert run.code == 0, run.err
        assert run.out == first.out
        assert not marker.exists()
        assert cached.read_bytes() != evil  # rebuilt and signed again


def test_atomic_write_never_overwrites_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.yaml"
    write_file_atomic(target, b"one")
    with pytest.raises(PacerError):
        write_file_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    write_file_atomic(target, b"three", overwrite=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in target.parent.iterdir()] == ["plan.yaml"]


def test_atomic_write_under_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(PacerError) as info:
        write_file_atomic(blocker / "plan.yaml", b"one")
    assert info.value.message.key == "file.cannot_write"
    assert blocker.read_bytes() == b""


_CRASHING_WRITER = """
import os, signal, sys
from pathlib import Path
from pacer.workspace import write_file_atomic

mode, target = sys.argv[1], Path(sys.argv[2])
die = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
if mode == "mid-write":  # half the bytes reach the temporary file, then the process dies
    real_open = Path.open

    class Half:
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)
        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            die()

    def opener(self, *args, **kwargs):
        fh = real_open(self, *args, **kwargs)
        return Half(fh) if self.name.endswith(".tmp") else fh

    Path.open = opener
else:  # everything written, the process dies before the rename
    os.fsync = die
write_file_atomic(target, b"new " * 100_000, overwrite=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("moment", ["mid-write", "before-rename"])
def test_a_crash_while_writing_leaves_the_old_file(tmp_path: Path, moment: str) -> None:
    import signal
    import subprocess

    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_WRITER, moment, str(target)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert target.read_bytes() == b"old"
    (leftover,) = (p for p in tmp_path.iterdir() if p != target)
    assert leftover.name.startswith(".export.json.") and leftover.name.endswith(".tmp")
    assert 0 < leftover.stat().st_size <= len(b"new " * 100_000)
    # The next write goes through, the new file is whole, the dead writer's litter is gone.
    write_file_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_an_error_while_writing_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "report.md"
    target.write_bytes(b"old")

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PacerError) as info:
        write_file_atomic(target, b"new", overwrite=True)
    assert info.value.message.key == "file.cannot_write"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


_WRITES = re.compile(
    r"\.write_(?:text|bytes)\(|\bopen\([^)]*[\"'][wax]b?\+?[\"']|os\.(?:replace|rename)\("
    r"|\.replace\(\w*path|\.rename\(|shutil\.(?:copy|move)|savefig\((?!tmp)"
)


def test_every_file_pacer_writes_goes_through_the_atomic_writer() -> None:
    """Plan copies, exports, reports, charts, backups: only workspace.py writes files (the
    compiled-plan cache there too); everything else hands it bytes or fills its temporary
    path."""
    src = Path(__file__).resolve().parent.parent / "src" / "pacer"
    for path in sorted(src.rglob("*.py")):
        if path.name == "workspace.py" and path.parent == src:
            continue
        text = path.read_text(encoding="utf-8")
        found = _WRITES.findall(text)
        assert not found, f"{path.relative_to(src)} writes a file itself: {found}"


# -- private files, whatever the umask ----------------------------------------------------------
@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o000, 0o277])
def test_written_files_are_0600_and_made_folders_0700_whatever_the_umask(
    tmp_path: Path, mask: int
) -> None:
    target = tmp_path / "a" / "b" / "export.json"
    with umask(mask):
        write_file_atomic(target, b"one")
        write_private_atomic(tmp_path / "a" / "web-token", b"secret")
        write_file_atomic(target, b"two", overwrite=True)
        private_dir(tmp_path / "c" / "d")
    # umask 0277 takes the owner's write bit off a folder pacer makes: pacer still could
    # not write into it, so only the umasks people use are checked for folders.
    folders = [tmp_path / "a", tmp_path / "a" / "b", tmp_path / "c", tmp_path / "c" / "d"]
    if mask != 0o277:
        assert {p.name: oct(_mode(p)) for p in folders} == {p.name: "0o700" for p in folders}
    files = [target, tmp_path / "a" / "web-token"]
    assert {p.name: oct(_mode(p)) for p in files} == {p.name: "0o600" for p in files}
    assert target.read_bytes() == b"two"


def test_create_private_file_never_touches_an_existing_file(tmp_path: Path) -> None:
    new, old = tmp_path / "new.db", tmp_path / "old.db"
    old.write_bytes(b"SQLite format 3\x00")
    old.chmod(0o644)
    with umask(0o022):
        assert workspace.create_private_file(new) is True
        assert workspace.create_private_file(old) is False
    assert (_mode(new), new.read_bytes()) == (0o600, b"")
    assert (_mode(old), old.read_bytes()) == (0o644, b"SQLite format 3\x00")


def test_private_dir_leaves_an_existing_folder_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    private_dir(shared)
    private_dir(shared / "mine")
    assert (_mode(shared), _mode(shared / "mine")) == (0o755, 0o700)
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(FileExistsError):
        private_dir(blocker)


def test_refuse_existing_names_the_first_file_and_force(tmp_path: Path) -> None:
    there = tmp_path / "there.md"
    there.write_text("mine", encoding="utf-8")
    refuse_existing([tmp_path / "new.md"], force=False)
    refuse_existing([there], force=True)
    with pytest.raises(PacerError) as info:
        refuse_existing([tmp_path / "new.md", there], force=False)
    assert info.value.message.key == "file.exists_force"
    with pytest.raises(PacerError) as folder:
        refuse_existing([tmp_path], force=True)
    assert folder.value.message.key == "file.cannot_write"


def _dead_pid() -> int:
    import subprocess

    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_only_a_dead_or_day_old_writers_temporary_files_are_removed(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    gone = [
        f".x.json.{dead}.00ff00ff.tmp",
        f".x.json.{dead}.tmp",  # as pacer 0.x named them
        f".x.json.{alive}.11111111.tmp",  # made old below: the id was reused
    ]
    kept = [
        f".x.json.{alive}.22222222.tmp",  # a live writer's, e.g. another thread's
        f".y.json.{dead}.00ff00ff.tmp",  # not a file the caller owns
        f".x.json.{dead}.zz.tmp",  # not a name pacer makes
        f"x.json.{dead}.tmp",
        "x.json",
    ]
    for name in gone + kept:
        (tmp_path / name).write_bytes(b"")
    old = clock.wall_seconds() - workspace.STALE_TEMP_AFTER - 60
    os.utime(tmp_path / gone[2], (old, old))
    removed = remove_stale_temps(tmp_path, lambda name: name == "x.json")
    assert sorted(p.name for p in removed) == sorted(gone)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)


# -- one way to write a file ---------------------------------------------------------------------
SRC = Path(__file__).resolve().parent.parent / "src" / "pacer"
# Calls that create or replace files or folders. Everything pacer writes goes through
# workspace.atomic_target / write_file_atomic / private_dir, which make it private (0600 files,
# 0700 folders) and whole; a direct call elsewhere would follow the umask.
_WRITERS = {"mkdir", "makedirs", "write_text", "write_bytes", "touch", "savefig", "fdopen"}
_WRITERS_OF = {
    "os": {"open", "replace", "rename", "link", "symlink", "mkfifo"},
    "shutil": {"copy", "copy2", "copyfile", "copytree", "move"},
    "tempfile": {"mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryDirectory"},
}
# (module, call): where a direct call is right, and why.
_ALLOWED = {
    ("report/charts.py", "savefig"),  # into atomic_target's private temporary file
    ("entry.py", "open"),  # /dev/null, for a reader that left: no file of the person's
}


def _writes(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else None
            if func.attr in _WRITERS or func.attr in _WRITERS_OF.get(owner or "", ()):
                yield node.lineno, func.attr
                continue
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "open":
            modes = [a for a in node.args[1:2]] + [
                k.value for k in node.keywords if k.arg == "mode"
            ]
            for mode in modes:
                if not isinstance(mode, ast.Constant) or set(str(mode.value)) & set("wax+"):
                    yield node.lineno, "open"


def test_every_file_is_written_through_the_workspace() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if module == "workspace.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{module}:{line} {call}"
            for line, call in _writes(tree)
            if (module, call) not in _ALLOWED
        ]
    assert found == []
