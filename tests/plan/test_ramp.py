"""`absences.KIND.ramp`: a gentle first week back, read and checked by the plan loader."""

from __future__ import annotations

import pytest
from tests.plan.test_absences import problems_of, with_absences

from pacer.plan.loader import load_plan_text
from pacer.plan.model import Absence, Ramp


def test_a_ramp_is_read_per_kind(example_text: str) -> None:
    text = with_absences(
        example_text,
        "absences:\n"
        "  travel: {shape: travel, ramp: {after_days: 5, days: 3, share: 0.5}}\n"
        "  sick: {template: weekend, ramp: {after_days: 1, days: 1, share: 1}}\n",
    )
    plan = load_plan_text(text)
    assert plan.absences == (
        Absence("travel", shape="travel", ramp=Ramp(5, 3, 0.5)),
        Absence("sick", template="weekend", ramp=Ramp(1, 1, 1.0)),
    )
    assert load_plan_text(example_text).absence("travel") == Absence("travel", shape="travel")


SHARE = "share {raw} must be more than 0 and at most 1 (0.5 = half the minutes); write e.g."
DAYS = "must be a whole number of days from 1 to 366; write e.g."


@pytest.mark.parametrize(
    ("ramp", "token", "message"),
    [
        ("{after_days: 5, days: 3, share: 0}", "0}", f"absences.travel.ramp.share: {SHARE}"),
        ("{after_days: 5, days: 3, share: 1.5}", "1.5", f"absences.travel.ramp.share: {SHARE}"),
        ("{after_days: 5, days: 3, share: -0.5}", "-0.5", f"absences.travel.ramp.share: {SHARE}"),
        ("{after_days: 5, days: 3, share: half}", "half", f"absences.travel.ramp.share: {SHARE}"),
        (
            "{after_days: 5, days: 0, share: 0.5}",
            "0,",
            f"absences.travel.ramp.days: 0 {DAYS} days: 3",
        ),
        (
            "{after_days: 0, days: 3, share: 0.5}",
            "0,",
            f"absences.travel.ramp.after_days: 0 {DAYS} after_days: 3",
        ),
        (
            "{after_days: 2.5, days: 3, share: 0.5}",
            "2.5",
            f"absences.travel.ramp.after_days: 2.5 {DAYS} after_days: 3",
        ),
        (
            "{after_days: 5, share: 0.5}",
            "{after_days: 5, share",
            "absences.travel.ramp: missing required key 'days'",
        ),
        (
            "{after_days: 5, days: 3, share: 0.5, shar: 1}",
            "shar:",
            "unknown key 'shar' in absences.travel.ramp; did you mean 'share'?",
        ),
        ("[5, 3, 0.5]", "[5, 3", "absences.travel.ramp: expected a mapping (key: value)"),
    ],
)
def test_a_bad_ramp_is_one_located_line(
    example_text: str, ramp: str, token: str, message: str
) -> None:
    line = f"  travel: {{shape: travel, ramp: {ramp}}}"
    text = with_absences(example_text, f"absences:\n{line}\n")
    where = f"{text.count(chr(10))}:{line.index(token) + 1}"  # the last line, the token's column
    raw = {"0}": "0", "1.5": "1.5", "-0.5": "-0.5", "half": "half"}.get(token, "")
    expected = message.replace("{raw}", raw) + (" share: 0.5" if "share:" in message else "")
    assert problems_of(text) == [f"p.yaml:{where}: {expected}"]
