"""The plan's `absences:` — kinds of absence, each with its week shape and banner."""

from __future__ import annotations

from pacer.plan.model import Absence, Ramp
from pacer.plan.reader import ID_PATTERN, Reader
from pacer.plan.yamlnodes import Located

_KEYS = ("shape", "template", "title", "banner", "ramp")
_RAMP_KEYS = ("after_days", "days", "share")


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
                ramp=read_ramp(r, kf.get("ramp"), f"{where}.ramp"),
            )
        )
    return tuple(out)


def read_ramp(r: Reader, node: Located | None, where: str) -> Ramp | None:
    """`ramp: {after_days: 5, days: 3, share: 0.5}`: all three keys, each checked on its own
    line (share in (0, 1], whole days of at least 1). A ramp with a problem is dropped."""
    f = r.mapping(node, where, _RAMP_KEYS, ())
    if f is None or any(k not in f for k in _RAMP_KEYS):
        return None  # the missing key is already reported
    after_days = _days(r, f["after_days"], f"{where}.after_days", "after_days")
    days = _days(r, f["days"], f"{where}.days", "days")
    share = f["share"]
    value = share.value
    ok = not isinstance(value, bool) and isinstance(value, (int, float)) and 0 < value <= 1
    if not ok:
        r.err(share.loc, "ramp.bad_share", where=f"{where}.share", raw=share.raw or value)
        return None
    if after_days is None or days is None:
        return None
    return Ramp(after_days, days, float(value))


def _days(r: Reader, node: Located, where: str, key: str) -> int | None:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 366:
        r.err(node.loc, "ramp.bad_days", where=where, raw=node.raw or value, key=key)
        return None
    return value
