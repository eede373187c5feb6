"""The plan file: an editable copy, validation, a summary."""

from __future__ import annotations

from pathlib import Path

from pacer.bounds import shown
from pacer.errors import InputError
from pacer.i18n import Message
from pacer.plan.model import Block, Plan
from pacer.record import record
from pacer.workspace import data_dir, resolve_plan_path

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pacer.plan.problems import Problem


DAY_MINUTES = 24 * 60


# -- the plan file ------------------------------------------------------------------------------
def init_plan(target: Path | None, template: str | None = None) -> Path:
    """Write an editable starting point (the built-in plan unless `template` names another),
    never over an existing file."""
    from pacer.clock import wall_date, wall_zone_name
    from pacer.plan.builtin import DEFAULT_STARTING_POINT, STARTING_POINTS, starting_point_text
    from pacer.workspace import PLAN_FILE, write_file_atomic

    name = template or DEFAULT_STARTING_POINT
    if name not in STARTING_POINTS:
        raise InputError(
            Message("init.unknown_template", raw=shown(name), choices=", ".join(STARTING_POINTS))
        )
    path = target if target is not None else data_dir() / PLAN_FILE
    if path.is_dir():
        path = path / PLAN_FILE
    write_file_atomic(path, starting_point_text(name, wall_date(), wall_zone_name()))
    return path


@record
class PlanAdopted:
    plan: Plan
    path: Path  # the plan file in force from now on
    previous: Path | None  # where the plan it replaces was kept


def use_plan(source: Path, db_path: Path | None = None) -> PlanAdopted:
    """Make a plan file the one in the data folder, once it passes the check (PlanInvalid
    otherwise, and nothing changes). The plan it replaces is kept beside it as a dated copy,
    plan-YYYY-MM-DD.yaml (-2, -3… when that day already has one). The database (when there
    is one) now belongs to this plan: a deliberate switch (see store/binding.py)."""
    adopted = _adopt_file(source)
    _rebind(adopted, db_path)
    return adopted


def _rebind(adopted: PlanAdopted, db_path: Path | None) -> None:
    import hashlib

    from pacer.store.binding import PlanCopy, bind
    from pacer.store.db import open_store
    from pacer.workspace import DB_FILE, read_plan_file

    path = db_path or data_dir() / DB_FILE
    if not path.exists():
        return  # no data yet: the first write binds it
    data = read_plan_file(adopted.path)
    copy = PlanCopy(
        adopted.plan.id,
        adopted.plan.title,
        str(adopted.path),
        hashlib.sha256(data).hexdigest(),
        data,
    )
    store = open_store(path)
    try:
        bind(store, copy, str(adopted.previous or ""))
    finally:
        store.close()


def _adopt_file(source: Path) -> PlanAdopted:
    import os

    from pacer.clock import wall_date
    from pacer.plan.loader import load_plan_text
    from pacer.workspace import PLAN_FILE, make_folder, read_plan_file, write_file_atomic

    data = read_plan_file(source, "plan use")
    plan = load_plan_text(data, str(source))
    folder = data_dir()
    make_folder(folder)
    target = folder / PLAN_FILE
    previous: Path | None = None
    if target.exists():
        if target.resolve() == source.resolve():
            return PlanAdopted(plan, target, None)
        old = read_plan_file(target)
        if old == data:
            return PlanAdopted(plan, target, None)
        stem = f"plan-{wall_date().isoformat()}"
        previous = folder / f"{stem}.yaml"
        n = 1
        while os.path.lexists(previous):
            n += 1
            previous = folder / f"{stem}-{n}.yaml"
        # The old plan is safe on disk before the new one takes its place.
        write_file_atomic(previous, old)
    write_file_atomic(target, data, overwrite=True)
    return PlanAdopted(plan, target, previous)


def check_plan(path: Path | None, given_as: str = "--plan") -> tuple[Plan, Path]:
    """Validate a plan file (the plan in force when no path is given); raises PlanInvalid.
    `given_as`: how the person named the path (`plan check PATH`, or --plan)."""
    from pacer.plan.loader import load_plan_text
    from pacer.workspace import read_plan_file

    resolved, _ = resolve_plan_path(path)
    return load_plan_text(read_plan_file(resolved, given_as), str(path or resolved)), resolved


def plan_warnings(plan: Plan, path: Path) -> list[Problem]:
    """What `plan check` warns about in a valid plan: week shapes and day templates that
    nothing selects (see plan/selectable.py)."""
    from pacer.plan.selectable import selection_warnings
    from pacer.workspace import read_plan_file

    return selection_warnings(plan, read_plan_file(path))


@record
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
    unit kinds, and whether it only continues units already started; the weekdays any block
    exists on, and a flexible habit's days a week."""
    from pacer.i18n import t

    out = []
    if block.tracks:
        titles = {tr.id: tr.title for tr in plan.tracks}
        out.append(t("show.filter_tracks", tracks=" / ".join(titles[x] for x in block.tracks)))
    if block.kinds:
        out.append(t("show.filter_kinds", kinds=" / ".join(t("kind." + k) for k in block.kinds)))
    if not block.new_units:
        out.append(t("show.only_started"))
    if block.days:
        from pacer.plan.model import WEEKDAYS

        days = " / ".join(t("weekday." + WEEKDAYS[d]) for d in block.days)
        out.append(t("habits.filter_days", days=days))
    if block.per_week is not None:
        out.append(t("habits.filter_per_week", n=block.per_week))
    return out
