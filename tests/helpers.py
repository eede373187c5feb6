"""Helpers shared by test modules: the example plan, the result of a `pacer` run, rows
naming ids a plan no longer has."""

from __future__ import annotations

import json
import os
import re
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACER = Path(sys.executable).with_name("pacer")


def example_plan_text() -> str:
    """The complete small example of docs/plan-format.md, exactly as documented."""
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = doc.split("\n## A complete small example\n", 1)[1]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)[0]


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def rename_id(plan: Path, old: str, new: str) -> None:
    """Rename an id everywhere a plan file names it (its definition and references)."""
    text = plan.read_text(encoding="utf-8")
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    assert pattern.search(text), old
    plan.write_text(pattern.sub(new, text), encoding="utf-8")


def seed_stale_rows(db: Path) -> None:
    """One row of each kind that names a plan id, every id one that no plan here has:
    what a plan edit (or an import made against another plan) leaves behind."""
    from pacer import clock
    from pacer.schedule.catchup import CatchupChoice
    from pacer.schedule.weeks import IsoWeek
    from pacer.store.catchup import add_choice
    from pacer.store.db import open_store
    from pacer.store.log import add_entry
    from pacer.store.metrics import add_value
    from pacer.store.milestones import set_check
    from pacer.store.notes import add_note
    from pacer.store.reviews import save_review

    was = clock._fixed  # the web tests fix the clock; put back what was there
    clock.set_now(datetime(2026, 3, 8, 12, 0, tzinfo=UTC))
    store = open_store(db)
    try:
        add_entry(store, date(2026, 3, 3), "unit", "gone-unit", 40, "", True)
        add_entry(store, date(2026, 3, 4), "habit", "gone-track", 20, "", False)
        add_choice(store, CatchupChoice("defer", "gone-milestone", units=("gone-optional",)))
        add_choice(store, CatchupChoice("move_due", "gone-milestone", due=date(2026, 9, 1)))
        add_choice(
            store, CatchupChoice("stretch", "gone-milestone", date(2026, 3, 9), date(2026, 3, 22))
        )
        set_check(store, "gone-milestone", "gone-criterion", "done", date(2026, 3, 5))
        add_value(store, "gone-metric", date(2026, 3, 5), 55.0, "")
        add_note(store, "gone-post", date(2026, 3, 6), "material")
        week = IsoWeek.parse("2026-W10")
        assert week is not None
        save_review(store, week, [("gone-prompt", "an answer")], {}, replace=False)
    finally:
        store.close()
        clock.set_now(was)


def doubled_templates(text: str) -> str:
    """The plan with every day template's minutes (and their bounds) doubled."""
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if line[:1].strip():
            inside = line.startswith("day_templates:")
        if inside:
            line = re.sub(r"\b(minutes|max|min): (\d+)", lambda m: f"{m[1]}: {int(m[2]) * 2}", line)
        out.append(line)
    return "".join(out)


def pacer_env(home: Path, now: str) -> dict[str, str]:
    """The environment a `pacer` process of the tests runs in: this one without locale or
    PACER_ settings, then the data folder, C.UTF-8, a fixed clock and Shanghai's zone."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        {"PACER_HOME": str(home), "LANG": "C.UTF-8", "PACER_NOW": now, "PACER_TZ": "Asia/Shanghai"}
    )
    return env


def free_port() -> int:
    """A loopback port nobody listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# The plans as shipped keep every optional unit out of its milestones' way, so `pacer catchup`
# offers no defer for them. These edits of a plan copy make a milestone, late on 2026-03-09,
# need one of its curricula's optional units: one that deferring would set aside.
NEEDS_OPTIONAL: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "builtin": (
        "phase-a",
        (
            (
                "needs: [mit1801, edge-base, mit1806]",
                "needs: [mit1801, edge-base, mit1806, m1806-svd]",
            ),
        ),
    ),
    "berlin": (
        "exam",
        (
            ("needs: [abx-dosing, sedation]", "needs: [abx-dosing, sedation, sepsis-bundle]"),
            ("due: 2026-05-20", "due: 2026-03-10"),
        ),
    ),
}


def need_an_optional_unit(plan: Path, which: str) -> str:
    """Edit the plan copy (`which`: builtin or berlin) as NEEDS_OPTIONAL says; returns the
    milestone that now needs an optional unit."""
    milestone, edits = NEEDS_OPTIONAL[which]
    text = plan.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    return milestone


_MISSING_DECISION = re.compile(r"^  - a decision for (\S+) \(")
_MISSING_ANSWER = re.compile(r"^  - an answer to (\S+): ")


def missing_of(run: Run) -> tuple[list[str], list[str]]:
    """The prompt ids and milestone ids a refused review (English) says are missing."""
    lines = run.err.splitlines()
    prompts = [m.group(1) for line in lines if (m := _MISSING_ANSWER.match(line))]
    milestones = [m.group(1) for line in lines if (m := _MISSING_DECISION.match(line))]
    return prompts, milestones


def complete_review(
    pacer: Any, *args: str, stdin: str = "{}", env: dict[str, str] | None = None
) -> Run:
    """`pacer ARGS` (a review with `--answers -`) sent complete: the answers in `stdin`
    (YAML or JSON), plus an answer to each required prompt and `keep` for each slipped
    milestone that a first, refused, run names as missing. For tests about something else
    than what a review must hold; the refusal itself is tested in test_review_decides.py."""
    import yaml

    first = pacer(*args, stdin=stdin, env=env)
    if first.code == 0 or "is not complete" not in first.err:
        return first  # type: ignore[no-any-return]
    prompts, milestones = missing_of(first)
    answers = yaml.safe_load(stdin) or {}
    # A number answers any prompt: a text one, and one whose answer is a metric's value.
    answers.update({p: "55" for p in prompts})
    decisions = answers.setdefault("decisions", {})
    decisions.update({m: "keep" for m in milestones})
    sent = json.dumps(answers, ensure_ascii=False, default=str)
    return pacer(*args, stdin=sent, env=env)  # type: ignore[no-any-return]


def day_lines(out: str) -> list[str]:
    """`pacer today`'s lines without the one under the heading that leads with the weekly
    review while it is due (tested in tests/cli/test_review_decides.py)."""
    lines = out.splitlines()
    if len(lines) > 1 and lines[1].startswith(("  ! first: the weekly review for ", "  ! 先做 ")):
        return lines[:1] + lines[2:]
    return lines
