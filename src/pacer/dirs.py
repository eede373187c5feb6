"""Where the person's files live: the data and cache folders (light: read on every start)."""

from __future__ import annotations

import os
import sys

# pathlib (with what it imports) costs milliseconds that the rendered-day cache's fast path
# (service/daycache.py) does without: it uses the *_path strings only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

PLAN_FILE = "plan.yaml"
DB_FILE = "pacer.db"


def _xdg(variable: str, fallback: str) -> str | None:
    """The XDG base directory platformdirs gives on Linux, without importing it (that costs
    more than the rest of `pacer today`); None elsewhere, where platformdirs decides."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get(variable, "").strip()
    return os.path.join(base if base else os.path.expanduser(fallback), "pacer")


def data_dir_path() -> str:
    """data_dir() as a string."""
    home = os.environ.get("PACER_HOME")
    if home:
        return home
    fast = _xdg("XDG_DATA_HOME", "~/.local/share")
    if fast is not None:
        return fast
    from platformdirs import user_data_dir

    return str(user_data_dir("pacer", appauthor=False))


def cache_dir_path() -> str:
    """cache_dir() as a string."""
    home = os.environ.get("PACER_HOME")
    if home:
        return os.path.join(home, "cache")
    fast = _xdg("XDG_CACHE_HOME", "~/.cache")
    if fast is not None:
        return fast
    from platformdirs import user_cache_dir

    return str(user_cache_dir("pacer", appauthor=False))


def data_dir() -> Path:
    """The person's data: plan.yaml, pacer.db, backups (PACER_HOME, else XDG's data home)."""
    from pathlib import Path

    return Path(data_dir_path())


def cache_dir() -> Path:
    """What pacer can make again: compiled plans, rendered days, charts."""
    from pathlib import Path

    return Path(cache_dir_path())
