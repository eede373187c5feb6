"""The plan's `absences:` — kinds of absence, each with its week shape and banner."""

from __future__ import annotations

from pacer.plan.model import Absence
from pacer.plan.reader import ID_PATTERN, Reader
from pacer.plan.yamlnodes import Located

_KEYS = ("shape", "template", "title", "banner")


def read_absences(r: Reader, node: Located | None) -> tuple[Absence, ...]:
    """`absences: {KIND: {shape: SHAPE | template: TEMPLATE, title: ..., banner: ...}}`.

    A kind names either a week shape (its days follow it, weekday by weekday) or one day
    template (every day of it); a template with `blocks: []` is a day with nothing planned.
    Shape and template ids are checked with the plan's other references."""
    if node is None:
        return ()
    f = r.mapping(node, "absences", (), node.value.keys() if isinstance(node.value, dict) else ())
    out: list[Absence] = []
    for kind, knode in (f or {}).items():
        assert node.keys is not None
        where = f"absences.{kind}"
        if not ID_PATTERN.match(kind):
            r.err(node.keys[kind], "plan.bad_id", value=kind, where="absences")
        kf = r.mapping(knode, where, (), _KEYS)
        if kf is None:
            continue
        if ("shape" in kf) == ("template" in kf):  # neither, or both
            r.err(knode.loc, "absence.shape_or_template", where=where)
            continue
        shape = r.ref("shape", kf["shape"], f"{where}.shape") if "shape" in kf else ""
        template = (
            r.ref("template", kf["template"], f"{where}.template") if "template" in kf else ""
        )
        out.append(
            Absence(
                kind,
                shape=shape,
                template=template,
                title=r.text(kf.get("title"), f"{where}.title"),
                banner=r.text(kf.get("banner"), f"{where}.banner"),
            )
        )
    return tuple(out)
