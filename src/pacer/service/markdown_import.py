"""`pacer plan import`: a draft plan from a Markdown document, checked, shown or written."""

from __future__ import annotations

from pathlib import Path

from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

MAX_BYTES = 1 << 20  # as for a plan file: a Markdown plan is a few dozen KiB


@record
class ImportedPlan:
    text: str  # the YAML of the draft
    written: Path | None
    months: int
    tracks: int
    curricula: int
    units: int
    phases: int


def import_markdown_plan(path: Path, output: Path | None, force: bool, today: date) -> ImportedPlan:
    """Read a Markdown plan, draft its YAML, check that the draft loads as a plan, and write it
    atomically to `output` when given (an existing file only with `force`)."""
    from pacer.i18n import t
    from pacer.interop.markdown_plan import NoPlan, read_markdown_plan
    from pacer.interop.plan_draft import render
    from pacer.plan.loader import load_plan_text
    from pacer.plan.problems import PlanInvalid
    from pacer.workspace import refuse_existing, write_file_atomic

    if output is not None:
        refuse_existing([output], force)
    text = _read_text(path)
    try:
        draft = read_markdown_plan(text, path.stem, today)
    except NoPlan:
        raise PacerError(Message("mdimport.no_plan", path=path)) from None
    yaml_text = render(draft, lambda key, args: t("mdimport." + key, **args), path.name)
    try:
        plan = load_plan_text(yaml_text, str(output or "draft.yaml"))
    except PlanInvalid as exc:  # a bug of the importer, not of the document
        first = exc.raw[0]
        problem = f"{first.loc.line}:{first.loc.col}: {first.message}"
        raise PacerError(Message("mdimport.draft_invalid", path=path, problem=problem)) from None
    if output is not None:
        write_file_atomic(output, yaml_text.encode("utf-8"), overwrite=force)
    return ImportedPlan(
        yaml_text,
        output,
        len(plan.months),
        len(plan.tracks),
        len(plan.curricula),
        sum(len(c.units) for c in plan.curricula),
        len(plan.phases),
    )


def _read_text(path: Path) -> str:
    from pacer.workspace import read_input_file

    too_big = Message("mdimport.too_large", path=path)
    data = read_input_file(path, MAX_BYTES, "plan import", too_big)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PacerError(Message("mdimport.not_utf8", path=path, offset=exc.start)) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
