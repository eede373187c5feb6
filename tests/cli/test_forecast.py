"""`pacer forecast` end to end: the installed command on the built-in plan with a history."""

from __future__ import annotations

import os
import random
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from pacer import clock
from pacer.schedule.catchup import CatchupChoice
from pacer.service import Session, forecast_at, forecast_json, planned_projection
from pacer.store.catchup import add_choice
from pacer.store.log import add_entry, all_entries
from pacer.store.trips import add_trip
from tests.conftest import OTHER_PLAN
from tests.helpers import PACER, Run, pacer_env

TODAY = date(2026, 5, 15)
NOW = "2026-05-15T21:00:00+08:00"
TEMPLATES = ["workday", "deep", "light", "kickoff", "kickoff_sunday", "travel_weekend", "holiday"]
TRACKS = ["math", "eng", "english", "japanese", "output", "life"]
MILESTONES = [
    "listening-p1",
    "phase-a",
    "blog-1",
    "vlm-finetune",
    "multivariable",
    "blog-2",
    "june-acceptance",
    "listening-p2",
    "phase-b",
    "blog-3",
    "phase-c",
    "blog-4",
    "listening-p3",
    "phase-d",
    "year-end",
]
ROW = re.compile(r"^  (\S+)\s.*?(\d{4}-\d\d-\d\d)\s+([<>]?\d+ %)\s+(\S+)\s+(\S+)$")


def pacer(home: Path, *args: str, lang: str = "en") -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PACER_"))}
    env.update(
        PACER_HOME=str(home),
        PACER_NOW=NOW,
        PACER_TZ="Asia/Shanghai",
        LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8",
    )
    proc = subprocess.run(
        [str(PACER), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PACER_HOME with the plan followed from its first day to the day before TODAY: about
    one day in five skipped, the rest logged at 80–100 % of the planned pieces, each unit
    marked done on its planned last day; an April trip behind, a September one ahead."""
    home = tmp_path / "home"
    monkeypatch.setenv("PACER_HOME", str(home))
    clock.set_now(datetime(2026, 5, 15, 13, 0, tzinfo=UTC))
    rnd = random.Random(5)
    with Session() as session:
        store = session.store
        add_trip(store, date(2026, 4, 6), date(2026, 4, 19), "深圳")
        add_trip(store, date(2026, 9, 7), date(2026, 9, 15), "上海")
        planned = planned_projection(session, until=TODAY)
        for day in planned.days:
            if day.info.day >= TODAY or rnd.random() < 0.2:
                continue
            share = rnd.uniform(0.8, 1.0)
            for bp in day.blocks:
                for item in bp.items:
                    last = planned.finish.get(item.unit) == day.info.day
                    minutes = max(1, round(item.minutes * share))
                    add_entry(store, day.info.day, "unit", item.unit, minutes, "", last)
    return home


def test_forecast_prints_a_chance_and_p50_p90_per_milestone(history: Path) -> None:
    run = pacer(history, "forecast", "--seed", "1")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Forecast on 2026-05-15: 2000 runs, seed 1"
    assert (
        lines[1].startswith("From your record: ") and "days of history since 2026-02-" in lines[1]
    )
    rows = {m.group(1): m.groups()[1:] for line in lines if (m := ROW.match(line))}
    assert list(rows) == MILESTONES
    for due, chance, p50, p90 in rows.values():
        assert 0 <= int(chance.strip("<> %")) <= 100
        for d in (p50, p90):
            assert d == "—" or date.fromisoformat(d) >= date(2026, 2, 9)
        if "—" not in (p50, p90):
            assert p50 <= p90
        assert date.fromisoformat(due)
    # Work ahead and a history at about 70 % of the plan: some milestones are open bets.
    assert any(0 < int(c.strip("<> %")) < 100 for _, c, _, _ in rows.values())
    assert "Adherence (unit minutes done ÷ the minutes placed that day), by day template" in run.out
    assert "Velocity (actual ÷ estimated minutes of finished units), by track" in run.out


def test_forecast_json_is_exactly_the_documented_shape(history: Path) -> None:
    run = pacer(history, "forecast", "--seed", "1", "--runs", "500", "--json")
    assert run.code == 0, run.err
    out = run.json()
    assert list(out) == ["date", "runs", "seed", "history", "milestones", "notices"]
    assert (out["date"], out["runs"], out["seed"]) == ("2026-05-15", 500, 1)
    assert out["notices"] == []  # three months of record speak for themselves
    history_json = out["history"]
    assert list(history_json) == ["days", "adherence", "velocity"]
    # History runs from the first logged day to the day before the forecast's.
    with Session() as session:
        planned = planned_projection(session, until=TODAY)
        first = min(e.day for e in all_entries(session.store))
    assert history_json["days"] == (TODAY - first).days
    days_by_template: dict[str, int] = {}
    for day in planned.days:
        if first <= day.info.day < TODAY and any(b.capacity for b in day.blocks):
            days_by_template[day.template.id] = days_by_template.get(day.template.id, 0) + 1
    assert list(history_json["adherence"]) == TEMPLATES
    for template, figure in history_json["adherence"].items():
        assert list(figure) == ["mean", "days"]
        assert figure["days"] == days_by_template.get(template, 0)
        assert 0 < figure["mean"] < 1 and round(figure["mean"], 3) == figure["mean"]
    assert list(history_json["velocity"]) == TRACKS
    for figure in history_json["velocity"].values():
        assert list(figure) == ["mean", "units"]
        assert isinstance(figure["units"], int) and figure["mean"] > 0
    # Pieces logged at 80–100 %: finished units ran faster than their estimates.
    assert history_json["velocity"]["math"]["units"] > 10
    assert history_json["velocity"]["math"]["mean"] < 1
    assert [m["id"] for m in out["milestones"]] == MILESTONES
    for m in out["milestones"]:
        assert list(m) == ["id", "title", "due", "probability", "p50", "p90"]
        assert 0 <= m["probability"] <= 1
        assert m["p50"] is None or m["p90"] is None or m["p50"] <= m["p90"]


def test_the_same_seed_gives_the_same_forecast(history: Path) -> None:
    a = pacer(history, "forecast", "--seed", "3", "--runs", "400", "--json")
    b = pacer(history, "forecast", "--seed", "3", "--runs", "400", "--json")
    c = pacer(history, "forecast", "--seed", "4", "--runs", "400", "--json")
    assert a.code == b.code == c.code == 0
    assert a.out == b.out
    assert a.json()["milestones"] != c.json()["milestones"]


def test_known_future_trips_are_in_every_run(history: Path) -> None:
    before = pacer(history, "forecast", "--seed", "1", "--json").json()
    added = pacer(history, "trip", "add", "2026-06-01", "2026-06-21", "--note", "上海")
    assert added.code == 0, added.err
    after = pacer(history, "forecast", "--seed", "1", "--json").json()
    pairs = list(zip(before["milestones"], after["milestones"], strict=True))
    # The bets still open before the trip (neither sure nor lost) are what a trip can move:
    # at least one loses chance and lands later; none gains more than noise.
    open_bets = [(a, b) for a, b in pairs if 0 < a["probability"] < 1]
    assert open_bets, [(a["id"], a["probability"]) for a, _ in pairs]
    assert any(b["probability"] < a["probability"] and b["p50"] > a["p50"] for a, b in open_bets), [
        (a["id"], a["probability"], b["probability"]) for a, b in open_bets
    ]
    for a, b in pairs:
        assert b["probability"] <= a["probability"] + 0.05, a["id"]


def test_a_moved_due_date_counts(history: Path) -> None:
    with Session() as session:
        before = forecast_json(forecast_at(session, TODAY, 500, 1))
        add_choice(
            session.store,
            CatchupChoice("move_due", "june-acceptance", due=date(2026, 9, 30), reason="r"),
        )
    with Session() as session:
        after = forecast_json(forecast_at(session, TODAY, 500, 1))
    old = next(m for m in before["milestones"] if m["id"] == "june-acceptance")
    new = next(m for m in after["milestones"] if m["id"] == "june-acceptance")
    assert (old["due"], new["due"]) == ("2026-06-30", "2026-09-30")
    assert new["probability"] > old["probability"] and new["p50"] == old["p50"]


def test_a_new_user_gets_the_priors(tmp_path: Path) -> None:
    run = pacer(tmp_path / "new", "forecast", "--json")
    assert run.code == 0, run.err
    out = run.json()
    assert out["seed"] == 0 and out["runs"] == 2000
    assert out["history"]["days"] == 0
    assert {f["mean"] for f in out["history"]["adherence"].values()} == {0.8}
    assert {f["mean"] for f in out["history"]["velocity"].values()} == {1.0}
    assert out["notices"] == [
        {"code": "forecast.no_history", "text": "No history yet: the figures below are the priors"}
    ]
    text = pacer(tmp_path / "new", "forecast").out
    assert "No history yet: the figures below are the priors" in text
    zh = pacer(tmp_path / "new", "forecast", "--json", "--lang", "zh").json()
    assert zh["notices"] == [
        {"code": "forecast.no_history", "text": "还没有历史记录：以下数字均为先验"}
    ]


def test_the_fan_chart_is_written_as_png_and_svg(history: Path, tmp_path: Path) -> None:
    target = tmp_path / "charts" / "fan.png"
    run = pacer(history, "forecast", "--runs", "300", "--json", "--chart", str(target), lang="zh")
    assert run.code == 0, run.err
    assert run.json()["runs"] == 300  # stdout holds the JSON only
    assert "fan.png" in run.err and "fan.svg" in run.err
    with Image.open(target) as image:
        assert image.size[0] >= 600 and image.size[1] >= 400
    tree = ET.parse(target.with_suffix(".svg"))
    ids = {el.get("id") for el in tree.iter() if el.get("id")}
    assert "forecast-today" in ids
    for mid in MILESTONES:
        assert {f"forecast-{mid}-band", f"forecast-{mid}-due"} <= ids, mid
        assert f"forecast-{mid}-p50" in ids, mid


def test_chinese_output(history: Path) -> None:
    run = pacer(history, "forecast", "--seed", "1", "--runs", "200", lang="zh")
    assert run.code == 0, run.err
    assert run.out.startswith("预测（2026-05-15）：模拟 200 次，随机种子 1\n")
    assert "按期概率" in run.out and "阶段验收" in run.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--runs", "0"], "--runs must be between 1 and 100000, got 0"),
        (["--runs", "100001"], "--runs must be between 1 and 100000, got 100001"),
        (["--seed", "-1"], "--seed takes a whole number from 0 to 4294967295, not '-1'"),
        (["--runs", "9" * 5000], "--runs must be between 1 and 100000, got " + "9" * 39 + "…"),
    ],
)
def test_bad_runs_and_seeds_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    run = pacer(tmp_path / "home", "forecast", *args)
    assert run.code == 2  # bad input: EX_USAGE
    assert run.err.strip().splitlines()[-1] == f"pacer: {message}"
    assert run.out == ""


def test_days_without_a_log_count_as_days_not_done(history: Path) -> None:
    """Standing on November 1st, the months since the log stopped are history too."""
    now = pacer(history, "forecast", "--runs", "200", "--json").json()["history"]
    later = pacer(history, "forecast", "--date", "2026-11-01", "--runs", "200", "--json")
    assert later.code == 0, later.err
    then = later.json()["history"]
    assert then["days"] == now["days"] + (date(2026, 11, 1) - TODAY).days
    assert then["adherence"]["workday"]["days"] > now["adherence"]["workday"]["days"]
    assert then["adherence"]["workday"]["mean"] < now["adherence"]["workday"]["mean"] / 2


# -- a perfect record forecasts the projection (issue 11, item 8) ----------------------------------
LONG_THESIS = "".join(
    f"      - {{id: ch{n}-{part}, title: Chapter {n} {part}, minutes: {m}, kind: write}}\n"
    for n in range(2, 8)
    for part, m in (("outline", 60), ("draft", 240))
)


def berlin_with_a_long_thesis(folder: Path) -> Path:
    """The Berlin fixture with six more thesis chapters and a milestone on the last: work
    for two months, so a month of history finishes units and leaves some."""
    text = OTHER_PLAN.read_text(encoding="utf-8")
    last_unit = next(line for line in text.splitlines(keepends=True) if "id: ch1-draft" in line)
    text = text.replace(last_unit, last_unit + LONG_THESIS)
    text = text.replace(
        "milestones:\n",
        "milestones:\n  - {id: thesis, title: Thesis draft, due: 2026-07-31, needs: [ch7-draft]}\n",
    )
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("which", "today"), [("builtin", date(2026, 4, 20)), ("berlin", date(2026, 4, 1))]
)
def test_a_perfect_record_forecasts_the_projection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str, today: date
) -> None:
    """Every piece the plan placed, done in full on its day: the forecast's P50 (and P90) of
    every milestone still open is the day `status` projects, and adherence reads 1."""
    home = tmp_path / "home"
    home.mkdir()
    if which == "berlin":
        berlin_with_a_long_thesis(home)  # the data directory's own plan
    monkeypatch.setenv("PACER_HOME", str(home))
    clock.set_now(datetime(today.year, today.month, today.day, 12, 0, tzinfo=UTC))
    with Session() as session:
        planned = planned_projection(session, until=today)
        for day in planned.days:
            if day.info.day >= today:
                break
            for bp in day.blocks:
                for item in bp.items:
                    last = planned.finish.get(item.unit) == day.info.day
                    add_entry(
                        session.store, day.info.day, "unit", item.unit, item.minutes, "", last
                    )
    now = f"{today.isoformat()}T21:00:00+08:00"
    forecast = run_at(home, now, "forecast", "--runs", "500", "--json")
    status = run_at(home, now, "status", "--json")
    assert forecast.code == 0 and status.code == 0, forecast.err + status.err
    history = forecast.json()["history"]
    assert {f["mean"] for f in history["adherence"].values()} == {1.0}, history
    assert {f["mean"] for f in history["velocity"].values()} == {1.0}, history
    projected = {m["id"]: m["projected"] for m in status.json()["milestones"]}
    milestones = forecast.json()["milestones"]
    assert [m["id"] for m in milestones] == list(projected)
    still_open = [m for m in milestones if m["p50"] is None or m["p50"] >= today.isoformat()]
    assert len(still_open) >= (3 if which == "builtin" else 1), milestones
    for m in milestones:
        assert m["p50"] == m["p90"] == projected[m["id"]], m
    text = run_at(home, now, "forecast", "--runs", "100")
    assert "From your record" in text.out and "Little history yet" not in text.out
    thin = run_at(
        home,
        f"{(planned.start + timedelta(days=3)).isoformat()}T21:00:00+08:00",
        "forecast",
        "--runs",
        "100",
    )
    assert "Little history yet: the figures lean on the priors" in thin.out, thin.out
    thin_json = run_at(
        home,
        f"{(planned.start + timedelta(days=3)).isoformat()}T21:00:00+08:00",
        "forecast",
        "--runs",
        "100",
        "--json",
    ).json()
    assert [n["code"] for n in thin_json["notices"]] == ["forecast.thin_history"]
    assert thin_json["notices"][0]["text"].startswith("Little history yet: the figures lean on")


def run_at(home: Path, now: str, *args: str) -> Run:
    proc = subprocess.run(
        [str(PACER), *args],
        env=pacer_env(home, now),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)
