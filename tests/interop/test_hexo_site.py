"""Exported drafts and the year summary, published by real Hexo: npm's `hexo` with
`hexo-renderer-marked` (7), on a minimal site set up as docs/hexo.md says.

Hexo 8 needs Node.js 20.19 or later; an older Node (18, as Debian 12's apt installs) gets
Hexo 7, the newest it runs (PACER_HEXO_MAJOR=7 or 8 chooses). npm installs them once into a
cache folder ($PACER_HEXO_CACHE, else $XDG_CACHE_HOME or ~/.cache, under pacer-tests/), from
whatever registry npm is set up for. Without node and npm, or when the install fails, these
tests skip with the reason, unless PACER_REQUIRE_HEXO=1 (set by .ci/run): then it fails.
"""

from __future__ import annotations

import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import NoReturn
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run

# Hexo's major version -> the oldest Node.js it runs on (its package's engines.node).
HEXO_NODE = {8: (20, 19), 7: (18, 0)}  # 7 by itself runs on 14; its Markdown renderer on 18
# 2026-04-12 13:00 UTC, a Sunday: 21:00 in Shanghai, 15:00 in Berlin. The machine is in UTC.
NOW = "2026-04-12T13:00:00+00:00"
# plan arguments, its zone, a post, a habit track, the local date of NOW
PLANS = {
    "builtin": ((), "Asia/Shanghai", "blog2", "english"),
    "berlin": (("--plan", str(OTHER_PLAN)), "Europe/Berlin", "night-notes", "piano"),
}
# Notes a person may well write about templates; as written, each would stop `hexo generate`.
NOTES = (
    "Hexo 的模板语法：{{ page.title }} 和 {% post_link x %}",
    "{# not a comment, and a lone {% endraw %}",
    "{% raw %}kept{% endraw %} and `{{ inline code }}` *still Markdown*",
    "A fence:\n\n```yaml\nkey: {{ fenced }}\n```\n\nafter it {{ again }}",
    "Indented code:\n\n    {% if indented %}\n\n{{ opens a paragraph }} *in Markdown*",
)
TRIP_NOTE = "{{ 出差 }} {% 客户 %}"


def _missing(reason: str) -> NoReturn:
    if os.environ.get("PACER_REQUIRE_HEXO") == "1":
        pytest.fail(f"the Hexo tests are required here, but {reason}")
    pytest.skip(reason)


def _cache_root(major: int) -> Path:
    chosen = os.environ.get("PACER_HEXO_CACHE")
    base = (
        Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    )
    return base / "pacer-tests" / f"hexo{major}-marked7"


@pytest.fixture(scope="session")
def hexo_modules() -> Path:
    """node_modules holding hexo and hexo-renderer-marked, installed on first use."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _missing("node and npm are not installed (apt-get install nodejs npm)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    found = tuple(int(n) for n in re.findall(r"\d+", version.stdout)[:2])
    runs = [major for major, oldest in HEXO_NODE.items() if found >= oldest]
    chosen = os.environ.get("PACER_HEXO_MAJOR")
    major = int(chosen) if chosen else max(runs, default=0)
    if major not in runs:
        _missing(f"no Hexo this test knows runs on Node.js {version.stdout.strip()}")
    packages = (f"hexo@{major}", "hexo-renderer-marked@7")
    root = _cache_root(major)
    root.parent.mkdir(parents=True, exist_ok=True)
    # One install at a time, whoever asks: the xdist workers of one run, or two runs at once.
    # The others wait for it, then find it done.
    with (root.parent / f".{root.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install(npm, packages, root)


def _install(npm: str, packages: tuple[str, ...], root: Path) -> Path:
    """npm's packages in root/node_modules, installed unless already there; under the lock."""
    modules = root / "node_modules"
    if (modules / ".bin" / "hexo").exists():
        return modules
    work = Path(tempfile.mkdtemp(prefix=".install-", dir=root.parent))
    (work / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    # Offline, npm would retry for many minutes: one retry, a minute each, then skip.
    quick = ["--fetch-retries=1", "--fetch-timeout=60000", "--fetch-retry-maxtimeout=60000"]
    command = [npm, "install", "--no-audit", "--no-fund", "--loglevel=error", *quick, *packages]
    try:
        proc = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        shutil.rmtree(work, ignore_errors=True)
        _missing(f"`npm install {' '.join(packages)}` took over 10 minutes")
    if proc.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        _missing(f"`npm install {' '.join(packages)}` failed: {last}")
    shutil.rmtree(root, ignore_errors=True)  # a half one, left by an install killed midway
    work.rename(root)  # whole or not at all: a killed install is never taken for one
    return modules


def _site(folder: Path, modules: Path, zone: str) -> Path:
    """A minimal Hexo site: the _config.yml of docs/hexo.md and a one-file theme."""
    folder.mkdir()
    (folder / "node_modules").symlink_to(modules, target_is_directory=True)
    # hexo-cli takes a folder for a site by its package.json's "hexo" key.
    package = {
        "name": "site",
        "private": True,
        "hexo": {"version": "8.0.0"},
        "dependencies": {"hexo": "*", "hexo-renderer-marked": "*"},
    }
    (folder / "package.json").write_text(json.dumps(package), encoding="utf-8")
    (folder / "_config.yml").write_text(
        "title: pacer\n"
        "url: http://example.com\n"
        "permalink: :year/:month/:day/:title/\n"
        f"timezone: {zone}\n"
        "theme: mini\n"
        "post_asset_folder: true\n"
        "marked:\n"
        "  prependRoot: true\n"
        "  postAsset: true\n",
        encoding="utf-8",
    )
    layout = folder / "themes" / "mini" / "layout"
    layout.mkdir(parents=True)
    (layout / "post.njk").write_text(
        "<html><body><h1>{{ page.title }}</h1>{{ page.content | safe }}</body></html>\n",
        encoding="utf-8",
    )
    (folder / "source" / "_posts").mkdir(parents=True)
    return folder


def _pacer(home: Path, *args: str) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(PACER_HOME=str(home), LANG="C.UTF-8", PACER_NOW=NOW, TZ="UTC")
    proc = subprocess.run(
        [str(PACER), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _published(public: Path, page: str) -> tuple[str, list[str]]:
    """The page's HTML under public/, and the address of every image it shows."""
    path = public / page.strip("/") / "index.html"
    assert path.exists(), sorted(str(p.relative_to(public)) for p in public.rglob("*.html"))
    text = path.read_text(encoding="utf-8")
    url = urljoin("http://example.com/", page)
    return text, [urljoin(url, src) for src in re.findall(r'<img [^>]*src="([^"]+)"', text)]


def _exists_under(public: Path, address: str) -> bool:
    parsed = urlparse(address)
    return parsed.netloc == "example.com" and (public / unquote(parsed.path).lstrip("/")).is_file()


@pytest.mark.parametrize("which", PLANS)
def test_hexo_publishes_the_drafts_and_the_year_summary(
    hexo_modules: Path, tmp_path: Path, which: str
) -> None:
    plan, zone, post, habit = PLANS[which]
    home = tmp_path / "home"
    for minutes, day in ((30, "2026-04-10"), (25, "2026-04-11")):
        assert _pacer(home, *plan, "log", str(minutes), habit, "--date", day).code == 0
    trip = _pacer(home, *plan, "trip", "add", "2026-04-06", "2026-04-08", "--note", TRIP_NOTE)
    assert trip.code == 0, trip.err
    for note in NOTES:
        added = _pacer(home, *plan, "note", note, "--for", post)
        assert added.code == 0, added.err
    site = _site(tmp_path / "site", hexo_modules, zone)
    posts = site / "source" / "_posts"
    exported = _pacer(home, *plan, "export", "hexo", post, "-o", str(posts))
    assert exported.code == 0, exported.err
    summary = _pacer(home, *plan, "report", "year", "--format", "md", "-o", f"{posts}/")
    assert summary.code == 0, summary.err

    generate = subprocess.run(
        [str(hexo_modules / ".bin" / "hexo"), "generate"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = generate.stdout + generate.stderr
    assert generate.returncode == 0, said
    assert "Template render error" not in said and "Nunjucks Error" not in said, said

    public = site / "public"
    # The draft is dated 2026-04-12 on the plan's clock (the site reads dates in its zone).
    draft, draft_images = _published(public, f"/2026/04/12/{post}/")
    shown = html.unescape(re.sub(r"<[^>]+>", "", draft))
    for text in (
        "{{ page.title }} 和 {% post_link x %}",
        "{# not a comment, and a lone {% endraw %}",
    ):
        assert text in shown
    assert "{% raw %}kept{% endraw %} and {{ inline code }} still Markdown" in shown
    assert "<em>still Markdown</em>" in draft
    assert "key: {{ fenced }}" in shown and "after it {{ again }}" in shown
    assert "<code>{% if indented %}\n</code>" in html.unescape(draft)
    assert "{{ opens a paragraph }} <em>in Markdown</em>" in html.unescape(draft)
    assert draft_images == []

    year, images = _published(public, "/2026/12/31/pacer-year-2026/")
    assert TRIP_NOTE in html.unescape(year)
    names = [Path(urlparse(a).path).name for a in images]
    for chart in ("heatmap", "burnup", "milestones"):
        assert f"pacer-year-2026-{chart}.png" in names
    missing = [a for a in images if not _exists_under(public, a)]
    assert not missing, f"images the summary shows that Hexo did not publish: {missing}"
