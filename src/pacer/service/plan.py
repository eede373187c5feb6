"""The plan file: an editable copy, validation, a summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pacer.plan.model import Block, Plan
from pacer.workspace import data_dir, resolve_plan_path

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.plan.problems import Problem


DAY_MINUTES = 24 * 60


# -- the plan file ------------------------------------------------------------------------------
def init_plan(target: Path | None) -> Path:
    """Write an editable copy of the built-in plan (never over an existing file)."""
    from pacer.plan.builtin import builtin_plan_path
    from pacer.workspace import PLAN_FILE, write_file_atomic

    path = target if target is not None else data_dir() / PLAN_FILE
    if path.is_dir():
        path = path / PLAN_FILE
    write_file_atomic(path, builtin_plan_path().read_bytes())
    return path


def check_plan(path: Path | None) -> tuple[Plan, Path]:
    """Validate a plan file (the plan in force when no path is given); raises PlanInvalid."""
    from pacer.plan.loader import load_plan_text
    from pacer.workspace import read_plan_file

    resolved, _ = resolve_plan_path(path)
    return load_plan_text(read_plan_file(resolved), str(path or resolved)), resolved


def plan_warnings(plan: Plan, path: Path) -> list[Problem]:
    """What `plan check` warns about in a valid plan: week shapes and day templates that
    nothing selects (see plan/selectable.py)."""
    from pacer.plan.selectable import selection_warnings
    from pacer.workspace import read_plan_file

    return selection_warnings(plan, read_plan_file(path))


@dataclass(frozen=True, slots=True)
class PlanSummary:
    units: int
    unit_minutes: int
    covered: int
    milestones: int


def plan_summary(plan: Plan) -> PlanSummary:
    covered = plan.covered_units()
    units = [u for u in plan.units() if u.id not in covered]
    return PlanSummary(
        len(units), sum(u.minutes for u in units), len(covered), len(plan.milestones)
    )


def block_filters(plan: Plan, block: Block) -> list[str]:
    """What a work block takes, when it does not take everything: its tracks (by title), its
    unit kinds, and whether it only continues units already started."""
    from pacer.i18n import t

    out = []
    if block.tracks:
        titles = {tr.id: tr.title for tr in plan.tracks}
        out.append(t("show.filter_tracks", tracks=" / ".join(titles[x] for x in block.tracks)))
    if block.kinds:
        out.append(t("show.filter_kinds", kinds=" / ".join(t("kind." + k) for k in block.kinds)))
    if not block.new_units:
        out.append(t("show.only_started"))
    return out
