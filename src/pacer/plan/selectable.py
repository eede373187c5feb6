"""What can select a week shape or a day template, and the ones nothing selects."""

from __future__ import annotations

from pacer.i18n import Message
from pacer.plan.model import Plan
from pacer.plan.problems import Loc, Problem


def selectable(plan: Plan) -> tuple[frozenset[str], frozenset[str]]:
    """(week shape ids, day template ids) that some date can be given.

    Shapes: `normal`, `travel` (trips), those a rotation, a period, an override or a kind of
    absence names. Templates: those of selectable shapes, the holiday and makeup templates,
    those an override, a day rotation or a kind of absence names, and
    `calendar.roster_templates` (set by a roster import, which the plan cannot know of).
    One place for the rule: another kind of selector adds its ids here.
    """
    rules = plan.calendar
    shapes = {"normal", "travel"}
    shapes |= {a.shape for a in plan.absences if a.shape}
    shapes |= {p.shape for p in rules.periods}
    shapes |= {o.shape for o in rules.overrides if o.shape}
    templates = {rules.holiday_template, rules.makeup_template, *rules.roster_templates}
    templates |= {o.template for o in rules.overrides if o.template}
    templates |= {a.template for a in plan.absences if a.template}
    if rules.rotation is not None:
        shapes |= set(rules.rotation.weeks)
        templates |= set(rules.rotation.days)
    templates |= {t for s in plan.week_shapes if s.id in shapes for t in s.days}
    return frozenset(shapes), frozenset(templates)


def unselectable(plan: Plan) -> list[tuple[str, str]]:
    """("shape", id) and ("template", id) of what nothing selects, in the plan's order."""
    shapes, templates = selectable(plan)
    return [("shape", s.id) for s in plan.week_shapes if s.id not in shapes] + [
        ("template", t.id) for t in plan.day_templates if t.id not in templates
    ]


def selection_warnings(plan: Plan, text: str | bytes) -> list[Problem]:
    """A warning, placed at its id in the plan text, for each shape or template nothing
    selects: the plan is valid, but that part of it never shows up on any day."""
    from pacer.plan.yamlnodes import read_located

    root = read_located(text, [])
    sections = root.value if root is not None and isinstance(root.value, dict) else {}
    out = []
    for kind, id_ in unselectable(plan):
        node = sections.get("week_shapes" if kind == "shape" else "day_templates")
        keys = node.keys if node is not None and node.keys is not None else {}
        loc = keys.get(id_, Loc(1, 1))
        out.append(Problem(loc, Message(f"rota.warn.unused_{kind}", id=id_)))
    return out
