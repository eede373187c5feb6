"""`pacer note` and `pacer export hexo`: blog material and the Hexo draft, end to end."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, ROOT, Run

Pacer = Callable[..., Run]
GOLDEN = ROOT / "tests" / "golden" / "hexo-blog1.md"
NOTE_KEYS = {"id", "post", "date", "text"}


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "built-in" not in line]


def pacer_in(cwd: Path, home: Path, *args: str) -> Run:
    """`pacer` run in the folder `cwd` (the fixture's environment otherwise)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        PACER_HOME=str(home),
        LANG="C.UTF-8",
        PACER_NOW="2026-03-09T21:05:00+08:00",
        PACER_TZ="Asia/Shanghai",
    )
    proc = subprocess.run(
        [str(PACER), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def test_notes_are_kept_per_post_and_listed(pacer: Pacer) -> None:
    first = pacer(
        "note", "TensorRT engine 构建要 20 分钟", "--for", "blog1", "--date", "2026-03-01"
    )
    assert first.code == 0, first.err
    assert first.out == "note 1 for blog1 on 2026-03-01\n"
    assert pacer("note", "多模态 pipeline 的延迟拆分", "--for", "blog2").code == 0
    assert pacer("note", "INT8 校准：\n200 张图就够", "--for", "blog1").code == 0
    listed = pacer("note", "--list", "--json")
    assert listed.code == 0, listed.err
    assert listed.json() == {
        "notes": [
            {
                "id": 1,
                "post": "blog1",
                "date": "2026-03-01",
                "text": "TensorRT engine 构建要 20 分钟",
            },
            {"id": 2, "post": "blog2", "date": "2026-03-09", "text": "多模态 pipeline 的延迟拆分"},
            {"id": 3, "post": "blog1", "date": "2026-03-09", "text": "INT8 校准：\n200 张图就够"},
        ]
    }
    for note in listed.json()["notes"]:
        assert set(note) == NOTE_KEYS
    only = pacer("note", "--list", "--for", "blog1", "--json").json()["notes"]
    assert [n["id"] for n in only] == [1, 3]
    text = pacer("note", "--list", "--for", "blog1").out
    assert text.splitlines() == [
        "  1  2026-03-01  blog1  TensorRT engine 构建要 20 分钟",
        "  3  2026-03-09  blog1  INT8 校准：",
        "                         200 张图就够",
    ]
    assert pacer("note", "--list", "--for", "blog3").out == "no notes for blog3 yet\n"
    assert pacer("note", "--list", "--for", "blog3", "--json").json() == {"notes": []}
    assert (
        "已记录素材 4：blog4（2026-03-09）" in pacer("note", "x", "--for", "blog4", lang="zh").out
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("x", "--for", "blog5"), "unknown post 'blog5'; did you mean 'blog4'?"),
        (
            ("x", "--for", "mit1801"),
            "unknown post 'mit1801'; the plan's posts: blog1, blog2, blog3, blog4",
        ),
        (("--list", "--for", "blgo1"), "unknown post 'blgo1'; did you mean 'blog1'?"),
        (("x",), "say which post it is for: --for POST"),
        (("--for", "blog1"), "write the note: pacer note TEXT --for POST"),
        (("  \n ", "--for", "blog1"), "a note needs some text"),
        (("--list", "x"), "--list shows notes; it takes no TEXT"),
        (("x", "--for", "blog1", "--date", "2026-13-01"), "'2026-13-01' is not a date"),
    ],
)
def test_note_errors_are_one_line_and_write_nothing(
    pacer: Pacer, args: tuple[str, ...], message: str
) -> None:
    run = pacer("note", *args)
    assert run.code == (2 if "not a date" in message else 1), run.out  # bad input: EX_USAGE
    lines = errors(run)
    assert len(lines) == 1 and message in lines[0], run.err
    assert pacer("note", "--list", "--json").json() == {"notes": []}


def test_export_hexo_matches_the_golden_draft(pacer: Pacer, tmp_path: Path) -> None:
    now = {"PACER_NOW": "2026-03-09T21:05:00+08:00"}
    for text, day in (
        ("TensorRT engine 构建要 20 分钟，第一次要预留时间", "2026-03-01"),
        ("INT8 校准集：\n200 张图就够，用验证集而不是训练集", "2026-03-08"),
        ("FP16 比 INT8 只慢 30%，但精度几乎无损", "2026-03-08"),
    ):
        assert pacer("note", text, "--for", "blog1", "--date", day).code == 0
    assert pacer("note", "别的文章的素材", "--for", "blog2").code == 0
    assert pacer("done", "blog1-outline", "--date", "2026-03-07").code == 0
    out = tmp_path / "drafts"
    run = pacer("export", "hexo", "blog1", "-o", str(out), env=now)
    assert run.code == 0, run.err
    path = out / "blog1.md"
    assert run.out == f"wrote {path} (3 units, 3 notes)\n"
    assert sorted(p.name for p in out.iterdir()) == ["blog1.md"]  # no temporary file left
    text = path.read_text(encoding="utf-8")
    if os.environ.get("PACER_WRITE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_export_writes_to_the_current_folder_and_never_overwrites_without_force(
    home: Path, tmp_path: Path
) -> None:
    work = tmp_path / "blog"
    work.mkdir()
    first = pacer_in(work, home, "export", "hexo", "blog2")
    assert first.code == 0, first.err
    assert first.out == "wrote blog2.md (3 units, 0 notes)\n"
    draft = work / "blog2.md"
    draft.write_text("my own edits\n", encoding="utf-8")
    refused = pacer_in(work, home, "export", "hexo", "blog2")
    assert refused.code == 1
    assert errors(refused) == ["pacer: blog2.md already exists; add --force to replace it"]
    assert draft.read_text(encoding="utf-8") == "my own edits\n"
    forced = pacer_in(work, home, "export", "hexo", "blog2", "--force")
    assert forced.code == 0, forced.err
    assert draft.read_text(encoding="utf-8").startswith(
        '---\ntitle: "技术博客第 2 篇（5 月，偏工程）"\n'
    )
    assert sorted(p.name for p in work.iterdir()) == ["blog2.md"]


def test_export_errors_are_one_line(pacer: Pacer, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    unknown = pacer("export", "hexo", "blog9", "-o", str(tmp_path))
    assert unknown.code == 1
    assert errors(unknown) == ["pacer: unknown post 'blog9'; did you mean 'blog4'?"]
    a_file = tmp_path / "file"
    a_file.write_text("", encoding="utf-8")
    blocked = pacer("export", "hexo", "blog1", "-o", str(a_file))
    assert blocked.code == 1
    assert errors(blocked) == [
        f"pacer: {a_file} is not a folder; -o takes the folder to write the draft in"
    ]
    (tmp_path / "dir" / "blog1.md").mkdir(parents=True)
    is_dir = pacer("export", "hexo", "blog1", "-o", str(tmp_path / "dir"))
    assert errors(is_dir) == [f"pacer: {tmp_path / 'dir' / 'blog1.md'} is a directory"]
    bare = pacer("export")
    assert bare.code == 2
    assert errors(bare) == [
        "pacer: say what to export: pacer export hexo POST, json or ics (see 'pacer export --help')"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir", "file"]


# -- the plan in use names the posts and the examples -------------------------------------------
# (plan arguments, its first habit track, its first post, an id of its that is no post)
PLANS = {
    "builtin": ((), "english", "blog1", "mit1801"),
    "berlin": (("--plan", str(OTHER_PLAN)), "piano", "night-notes", "drugs"),
}
BUILTIN_IDS = ("english", "blog1", "blog4", "output")


@pytest.mark.parametrize("which", PLANS)
def test_hints_take_their_examples_from_the_plan_in_use(pacer: Pacer, which: str) -> None:
    plan, habit, post, other = PLANS[which]
    unknown = pacer(*plan, "log", "30", "nothing-like-it")
    assert errors(unknown) == [
        f"pacer: unknown target 'nothing-like-it'; use a unit id, a habit's track "
        f"(e.g. {habit}) or review"
    ]
    no_post = pacer(*plan, "note", "some material")
    assert errors(no_post) == [f"pacer: say which post it is for: --for POST (e.g. --for {post})"]
    zh = pacer(*plan, "note", "一些素材", lang="zh")
    assert errors(zh) == [f"pacer: 请指明是哪篇文章的素材：--for 文章（如 --for {post}）"]
    not_a_post = pacer(*plan, "note", "x", "--for", other)
    assert not_a_post.code == 1
    assert f"unknown post '{other}'; the plan's posts: {post}" in errors(not_a_post)[0]
    if which != "builtin":
        said = "\n".join([*errors(unknown), *errors(no_post), *errors(zh)])
        for builtin in BUILTIN_IDS:
            assert builtin not in said


@pytest.mark.parametrize("command", [("note",), ("export", "hexo")])
def test_help_names_no_post_of_the_builtin_plan(pacer: Pacer, command: tuple[str, ...]) -> None:
    for lang in ("en", "zh"):
        run = pacer(*command, "--help", lang=lang)
        assert run.code == 0, run.err
        assert "post: true" in run.out
        for builtin in ("english", "blog1", "blog4"):  # ("output" is also an English word)
            assert builtin not in run.out


def test_a_post_of_another_plan_takes_notes_and_exports(pacer: Pacer, tmp_path: Path) -> None:
    plan = ("--plan", str(OTHER_PLAN))
    added = pacer(*plan, "note", "Propofol at 3 a.m.: the numbers", "--for", "night-notes")
    assert added.code == 0, added.err
    assert added.out == "note 1 for night-notes on 2026-03-09\n"
    assert pacer(*plan, "note", "Ask the pharmacist", "--for", "night-notes").code == 0
    out = tmp_path / "drafts"
    run = pacer(*plan, "export", "hexo", "night-notes", "-o", str(out))
    assert run.code == 0, run.err
    assert run.out == f"wrote {out / 'night-notes.md'} (2 units, 2 notes)\n"
    text = (out / "night-notes.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Blog: what night shifts taught me about sedation"\n')
    assert 'tags:\n  - "Pharmacology"\n' in text
    assert "## Outline\n\n- [ ] Night notes draft\n" in text
    assert "### 2026-03-09\n\n- Propofol at 3 a.m.: the numbers\n- Ask the pharmacist\n" in text


NO_POSTS_NO_HABITS = """
pacer: 1
plan: {id: bare, title: Bare, start: 2026-03-02, end: 2026-04-30, locale: en}
tracks:
  - {id: reading, title: Reading}
day_templates:
  day:
    title: Day
    blocks:
      - {id: study, type: work, title: Study, minutes: 60}
week_shapes:
  normal: {mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day}
  travel: {mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day}
calendar: {country: none}
curricula:
  - id: books
    title: Books
    track: reading
    from: 2026-03
    to: 2026-04
    units:
      - {id: book-1, title: A book, minutes: 120}
"""


def test_a_plan_without_posts_or_habits_says_so(pacer: Pacer, tmp_path: Path) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text(NO_POSTS_NO_HABITS, encoding="utf-8")
    plan = ("--plan", str(path))
    unknown = pacer(*plan, "log", "30", "nothing-like-it")
    assert errors(unknown) == ["pacer: unknown target 'nothing-like-it'; use a unit id or review"]
    for args in (("note", "x", "--for", "books"), ("note", "x"), ("export", "hexo", "books")):
        run = pacer(*plan, *args)
        assert run.code == 1
        assert errors(run) == [
            "pacer: the plan has no blog posts; mark a curriculum as one with post: true"
        ]
