"""What makes a kept result stale besides the data: pacer's own files and the libraries that
decide what a plan compiles to (light: read on every start)."""

from __future__ import annotations

import os


def code_stamp() -> str:
    """The newest modification time of pacer's own files: a checkout edited in place (the
    version stays put) never serves what its older code made."""
    root = os.path.dirname(os.path.abspath(__file__))
    newest = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            if entry.is_dir():
                stack.append(entry.path)
            elif entry.name.endswith((".py", ".yaml", ".html")):
                try:
                    newest = max(newest, entry.stat().st_mtime_ns)
                except OSError:
                    continue
    return str(newest)


def library_stamp(name: str) -> str:
    """Which install of the library `name` is there (its file, size and time), found without
    importing it: an upgraded `holidays` (new or moved holidays) is a new stamp."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return "-"
    origin = spec.origin if spec is not None else None
    if not origin:
        return "-"
    folder = os.path.dirname(origin)
    parts = [origin]
    for file in ("__init__.py", "version.py", "_version.py"):
        try:
            found = os.stat(os.path.join(folder, file))
        except OSError:
            continue
        parts.append(f"{file}:{found.st_size}:{found.st_mtime_ns}")
    return "|".join(parts)
