"""Where pacer keeps its files, and the compiled-plan cache."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from pacer.errors import PacerError
from pacer.plan.builtin import builtin_plan_path
from pacer.workspace import cache_dir, compile_plan, data_dir, write_file_atomic


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
    assert compile_plan(builtin_plan_path(), True) == first


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
