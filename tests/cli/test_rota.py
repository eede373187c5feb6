"""Week patterns end to end (issue 13, item 1), through the real `pacer` command: a three-week
early/late/night rota in Berlin without one per-day override, an exam period, a roster from a
calendar file (`roster import|list|rm`), and `plan check`'s warnings about unused shapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pacer.plan.builtin import builtin_plan_path
from pacer.plan.loader import load_plan_file
from tests.helpers import Run, day_lines

Pacer = Callable[..., Run]
THREE_SHIFTS = Path(__file__).resolve().parents[1] / "fixtures" / "plan-three-shifts.yaml"
ROTA = Path(__file__).resolve().parents[1] / "fixtures" / "plan-rota.yaml"
BERLIN = {"PACER_NOW": "2026-01-05T09:00:00+01:00", "PACER_TZ": "Europe/Berlin"}
PLAN = ("--plan", str(ROTA))


def on(day: str) -> dict[str, str]:
    return {"PACER_NOW": f"{day}T09:00:00+01:00", "PACER_TZ": "Europe/Berlin"}


def test_the_rota_plan_has_no_per_day_override() -> None:
    assert load_plan_file(ROTA).calendar.overrides == ()
    assert "overrides" not in ROTA.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("day", "heading"),
    [
        ("2026-01-02", "2026-01-02 Friday · Late shift day (weekday)"),  # before the rotation
        ("2026-01-07", "2026-01-07 Wednesday · Early shift day (weekday · rotation: early week)"),
        ("2026-01-14", "2026-01-14 Wednesday · Late shift day (weekday · rotation: late week)"),
        ("2026-01-21", "2026-01-21 Wednesday · Night shift day (weekday · rotation: night week)"),
        ("2026-01-24", "2026-01-24 Saturday · Night shift day (weekend · rotation: night week)"),
        ("2026-01-28", "2026-01-28 Wednesday · Early shift day (weekday · rotation: early week)"),
        (
            "2026-05-13",
            "2026-05-13 Wednesday · Exam fortnight day (weekday · period: exam fortnight)",
        ),
        ("2026-05-14", "2026-05-14 Thursday · Public holiday (public holiday · Ascension Day)"),
    ],
)
def test_today_on_each_week_of_the_cycle(pacer: Pacer, day: str, heading: str) -> None:
    run = pacer(*PLAN, "today", env=on(day))
    assert run.code == 0, run.err
    assert day_lines(run.out)[0] == heading


def test_today_says_why_in_chinese(pacer: Pacer) -> None:
    run = pacer(*PLAN, "today", lang="zh", env=on("2026-01-21"))
    assert run.code == 0, run.err
    heading = day_lines(run.out)[0]
    assert heading == "2026-01-21 周三 · Night shift day (工作日 · 轮班：night 周)"
    run = pacer(*PLAN, "today", lang="zh", env=on("2026-05-13"))
    assert "时段：exam fortnight" in day_lines(run.out)[0]


def test_week_json_follows_the_rotation_and_its_capacity(pacer: Pacer) -> None:
    """The projection (the re-flow engine `week`, `today`, `forecast` and the calendar export
    share) fills each week with its rota template's work minutes: 90 a day in an early week,
    60 in a late one, 30 (and a Saturday) in a night week."""
    expect = {
        "2026-01-05": ("early", 5 * 90 + 2 * 150),
        "2026-01-12": ("late", 5 * 60 + 2 * 150),
        "2026-01-19": ("night", 6 * 30 + 150),
    }
    for monday, (shape, minutes) in expect.items():
        run = pacer(*PLAN, "week", "--date", monday, "--json", env=BERLIN)
        assert run.code == 0, run.err
        days = run.json()["days"]
        assert [d["template"] for d in days] == list(load_plan_file(ROTA).shape(shape).days)
        assert {(d["shape"], d["rule"]) for d in days} == {(shape, "rotation")}
        assert days[0]["why"] == f"rotation: {shape} week"
        planned = sum(i["minutes"] for d in days for b in d["blocks"] for i in b["items"])
        assert planned == minutes


def test_forecast_and_status_run_on_the_rota(pacer: Pacer) -> None:
    for command in (("forecast", "--json", "--runs", "200"), ("status", "--json")):
        run = pacer(*PLAN, *command, env=BERLIN)
        assert run.code == 0, run.err


ROSTER = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//pacer tests//roster//EN\r
BEGIN:VEVENT\r
UID:early-1@dienstplan\r
DTSTART;TZID=Europe/Berlin:20260302T060000\r
DTEND;TZID=Europe/Berlin:20260302T140000\r
SUMMARY:Frühdienst\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:night-1@dienstplan\r
DTSTART;TZID=Europe/Berlin:20260304T213000\r
DTEND;TZID=Europe/Berlin:20260305T063000\r
SUMMARY:NACHT\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:standby-1@dienstplan\r
DTSTART;VALUE=DATE:20260307\r
DTEND;VALUE=DATE:20260309\r
SUMMARY:Bereitschaft Station 4\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:dentist@private\r
DTSTART;VALUE=DATE:20260310\r
SUMMARY:Zahnarzt\r
END:VEVENT\r
END:VCALENDAR\r
"""
MAPS = ("--map", "Früh=early", "--map", "Nacht=night", "--map", "Bereitschaft=standby")


def write_ics(tmp_path: Path, text: str = ROSTER, name: str = "dienstplan.ics") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_roster_import_sets_the_days_and_again_changes_nothing(
    pacer: Pacer, tmp_path: Path
) -> None:
    ics = write_ics(tmp_path)
    env = on("2026-03-02")
    run = pacer(*PLAN, "roster", "import", str(ics), *MAPS, env=env)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "roster: 3 added, 0 updated, 0 unchanged, 0 skipped (4 events in the file)",
        "  + 1  2026-03-02 → 2026-03-02  (1 day)  early  Frühdienst",
        "  + 2  2026-03-04 → 2026-03-04  (1 day)  night  NACHT",
        "  + 3  2026-03-07 → 2026-03-08  (2 days)  standby  Bereitschaft Station 4",
    ]
    again = pacer(*PLAN, "roster", "import", str(ics), *MAPS, "--json", env=env)
    assert again.code == 0, again.err
    shown = again.json()
    assert (shown["events"], shown["added"], shown["updated"], shown["skipped"]) == (4, [], [], [])
    assert [e["id"] for e in shown["unchanged"]] == [1, 2, 3]
    listed = pacer(*PLAN, "roster", "list", "--json", env=env)
    assert listed.json() == {
        "roster": [
            {"id": 1, "start": "2026-03-02", "end": "2026-03-02", "days": 1,
             "template": "early", "summary": "Frühdienst"},
            {"id": 2, "start": "2026-03-04", "end": "2026-03-04", "days": 1,
             "template": "night", "summary": "NACHT"},
            {"id": 3, "start": "2026-03-07", "end": "2026-03-08", "days": 2,
             "template": "standby", "summary": "Bereitschaft Station 4"},
        ]
    }  # fmt: skip
    week = pacer(*PLAN, "week", "--date", "2026-03-02", env=env)
    headings = [line for line in week.out.splitlines() if line.startswith("2026-")]
    assert headings == [
        "2026-03-02 Monday · Early shift day (roster: Frühdienst)",  # a night week otherwise
        "2026-03-03 Tuesday · Night shift day (weekday · rotation: night week)",
        "2026-03-04 Wednesday · Night shift day (roster: NACHT)",
        "2026-03-05 Thursday · Night shift day (weekday · rotation: night week)",
        "2026-03-06 Friday · Night shift day (weekday · rotation: night week)",
        "2026-03-07 Saturday · Standby day (roster: Bereitschaft Station 4)",
        "2026-03-08 Sunday · Standby day (roster: Bereitschaft Station 4)",
    ]
    day = pacer(*PLAN, "today", "--json", env=on("2026-03-07")).json()
    assert (day["reason"], day["template"], day["why"]) == (
        "roster",
        "standby",
        "roster: Bereitschaft Station 4",
    )


def test_a_changed_event_updates_its_days_and_rm_removes_an_entry(
    pacer: Pacer, tmp_path: Path
) -> None:
    env = on("2026-03-02")
    assert pacer(*PLAN, "roster", "import", str(write_ics(tmp_path)), *MAPS, env=env).code == 0
    moved = ROSTER.replace("20260304T213000", "20260305T213000").replace(
        "20260305T063000", "20260306T063000"
    )
    run = pacer(
        *PLAN, "roster", "import", str(write_ics(tmp_path, moved, "v2.ics")), *MAPS, env=env
    )
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "roster: 0 added, 1 updated, 2 unchanged, 0 skipped (4 events in the file)",
        "  ~ 2  2026-03-05 → 2026-03-05  (1 day)  night  NACHT",
    ]
    today = pacer(*PLAN, "today", "--json", env=on("2026-03-05")).json()
    assert (today["reason"], today["template"]) == ("roster", "night")
    removed = pacer(*PLAN, "roster", "rm", "1", env=env)
    assert (
        removed.out
        == "removed roster entry 1  2026-03-02 → 2026-03-02  (1 day)  early  Frühdienst\n"
    )
    today = pacer(*PLAN, "today", "--json", env=env).json()
    assert (today["reason"], today["template"], today["rule"]) == ("weekday", "night", "rotation")
    gone = pacer(*PLAN, "roster", "rm", "1", env=env)
    assert (gone.code, gone.out, gone.err) == (
        1,
        "",
        "pacer: no roster entry 1; see 'pacer roster list'\n",
    )
    zh = pacer(*PLAN, "roster", "list", lang="zh", env=env)
    assert zh.out.splitlines() == [
        "  2  2026-03-05 → 2026-03-05（1 天）  night  NACHT",
        "  3  2026-03-07 → 2026-03-08（2 天）  standby  Bereitschaft Station 4",
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((), 'roster import needs at least one --map SUMMARY=TEMPLATE, e.g. --map "Nacht=night"'),
        (("--map", "Nacht"), "--map 'Nacht': write SUMMARY=TEMPLATE, e.g. --map \"Nacht=night\""),
        (
            ("--map", "Nacht=nigth"),
            "--map 'Nacht=nigth': the plan has no day template 'nigth'; did you mean 'night'?",
        ),
        (
            ("--map", "Nacht=zzz"),
            "--map 'Nacht=zzz': the plan has no day template 'zzz'; its templates: early, late,"
            " night, off, holiday, exam, standby, away",
        ),
        (
            ("--map", "Nacht=night", "--map", "nacht=late"),
            "--map 'nacht=late': 'nacht' is mapped twice; give each summary one template",
        ),
    ],
)
def test_roster_import_refuses_bad_maps_in_one_line(
    pacer: Pacer, tmp_path: Path, args: tuple[str, ...], error: str
) -> None:
    run = pacer(*PLAN, "roster", "import", str(write_ics(tmp_path)), *args, env=BERLIN)
    assert (run.code, run.out, run.err) == (1, "", f"pacer: {error}\n")
    assert pacer(*PLAN, "roster", "list", "--json", env=BERLIN).json() == {"roster": []}


def test_roster_import_of_a_missing_or_non_calendar_file(pacer: Pacer, tmp_path: Path) -> None:
    missing = pacer(*PLAN, "roster", "import", str(tmp_path / "no.ics"), *MAPS, env=BERLIN)
    assert missing.code != 0 and missing.out == ""
    assert missing.err == f"pacer: cannot read {tmp_path / 'no.ics'}: No such file or directory\n"
    text = write_ics(tmp_path, "not a calendar\n", "notes.ics")
    run = pacer(*PLAN, "roster", "import", str(text), *MAPS, lang="zh", env=BERLIN)
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"pacer: {text} 不是 iCalendar 文件（开头不是 BEGIN:VCALENDAR）；未导入任何排班\n"
    )


def test_roster_import_on_the_built_in_plan(pacer: Pacer, tmp_path: Path) -> None:
    """The built-in plan's own templates take a roster the same way."""
    plan = load_plan_file(builtin_plan_path())
    weekend = plan.shape("normal").days[5]
    ics = write_ics(tmp_path)
    run = pacer("roster", "import", str(ics), "--map", f"Früh={weekend}")
    assert run.code == 0, run.err
    day = pacer("today", "--date", "2026-03-02", "--json").json()
    assert (day["reason"], day["template"]) == ("roster", weekend)
    assert pacer("today", "--date", "2026-03-03", "--json").json()["rule"] is None


def test_plan_check_warns_about_what_nothing_selects(pacer: Pacer, tmp_path: Path) -> None:
    text = ROTA.read_text(encoding="utf-8").replace("  roster_templates: [standby]\n", "")
    text = text.replace(
        "    - {from: 2026-05-11, to: 2026-05-24, shape: exams, reason: exam fortnight}\n", ""
    )
    text = text.replace("  periods:\n", "")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    run = pacer("plan", "check", str(path))
    assert run.code == 0, run.err
    lines = text.splitlines()
    exams = next(i for i, line in enumerate(lines) if line.startswith("  exams:")) + 1
    exam = next(i for i, line in enumerate(lines) if line.startswith("  exam:")) + 1
    standby = next(i for i, line in enumerate(lines) if line.startswith("  standby:")) + 1
    template_warning = (
        "is never used: no week shape in use, override, rotation, kind of absence, holiday or"
        " makeup day names it (a template only a roster import sets: list it in"
        " calendar.roster_templates)"
    )
    assert run.out.splitlines()[1:] == [
        f"{path}:{exams}:3: warning: week shape 'exams' is never used: no rotation, period,"
        " override or kind of absence names it",
        f"{path}:{exam}:3: warning: day template 'exam' {template_warning}",
        f"{path}:{standby}:3: warning: day template 'standby' {template_warning}",
    ]
    shown = pacer("plan", "check", str(path), "--json").json()
    assert [(w["line"], w["code"]) for w in shown["warnings"]] == [
        (exams, "rota.warn.unused_shape"),
        (exam, "rota.warn.unused_template"),
        (standby, "rota.warn.unused_template"),
    ]
    for clean in (ROTA, builtin_plan_path(), THREE_SHIFTS):
        run = pacer("plan", "check", str(clean), "--json")
        assert run.json()["warnings"] == [], clean


def test_a_kind_of_absence_selects_its_shape_and_template(pacer: Pacer, tmp_path: Path) -> None:
    """The congress shape and the empty rest template of the three-shift plan are used only
    by its conference and vacation absences: without them, both are never used."""
    text = THREE_SHIFTS.read_text(encoding="utf-8")
    start = text.index("absences:\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text[:start] + text[text.index("calendar:\n") :], encoding="utf-8")
    warned = pacer("plan", "check", str(path), "--json").json()["warnings"]
    assert sorted((w["code"], w["text"].split("'")[1]) for w in warned) == [
        ("rota.warn.unused_shape", "congress"),
        ("rota.warn.unused_template", "congress"),
        ("rota.warn.unused_template", "rest"),
    ]
