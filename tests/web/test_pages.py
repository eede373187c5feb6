"""Every page and action of the dashboard, through Starlette's TestClient over a real
SQLite file: what it shows, and that what it writes is what the service reads."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from markupsafe import escape
from starlette.testclient import TestClient

from pacer import clock, service
from pacer.i18n import set_lang
from pacer.service import Session
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.web.conftest import FEED, TOKEN, csrf_of, post

DAY = date(2026, 3, 9)


def _logged(day: date = DAY) -> list[tuple[str, int, str, bool]]:
    with Session() as s:
        view = service.agenda(s, day)
    return [(e.target, e.minutes, e.note, e.done) for e in view.logged]


def _planned_targets(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'name="target" value="([^"]+)">\s*<input type="hidden" name="minutes" '
        r'value="(\d+)"',
        html,
    )


def test_today_shows_blocks_work_steps_and_one_tap_forms(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<meta name="viewport"' in page.text
    assert "2026-03-09" in page.text
    with Session() as s:
        shown = service.day_json(s, service.agenda(s, DAY))
    for block in shown["blocks"]:
        assert escape(block["title"]) in page.text
        for item in block["items"]:
            assert f"[{item['unit']}]" in page.text
        for step in block["steps"]:
            assert escape(step["title"]) in page.text
    targets = dict(_planned_targets(page.text))
    work = [i for b in shown["blocks"] for i in b["items"]]
    assert work and all(targets[i["unit"]] == str(i["minutes"]) for i in work)
    habits = [b for b in shown["blocks"] if b["type"] == "habit"]
    assert habits and all(targets[b["track"]] == str(b["minutes"]) for b in habits)


def test_one_tap_log_shows_in_the_service_agenda(client: TestClient) -> None:
    token = csrf_of(client)
    target, minutes = _planned_targets(client.get("/").text)[0]
    response = post(
        client,
        "/log",
        {"csrf": token, "date": "2026-03-09", "target": target, "minutes": minutes},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert _logged() == [(target, int(minutes), "", False)]
    page = client.get("/").text
    with Session() as s:
        title = service.target_titles(s, [target])[target]
    assert title != target
    assert f'{escape(title)} <span class="muted">[{target}]</span> · {minutes} min' in page
    assert f"{minutes} min logged today ✓" in page  # the habit's card ticks


def test_a_unit_shows_what_was_logged_and_done(client: TestClient) -> None:
    token = csrf_of(client)
    unit = "m1802-w1-lecture1"  # the first piece of the stream: the first week's action
    assert "done ✓" not in client.get("/").text
    post(client, "/log", {"csrf": token, "target": unit, "minutes": "25"})
    assert "25 min logged today" in client.get("/").text
    post(client, "/done", {"csrf": token, "unit": unit})
    assert "done ✓" in client.get("/").text


def test_minutes_field_done_and_undo(client: TestClient) -> None:
    token = csrf_of(client)
    assert (
        post(client, "/log", {"csrf": token, "target": "english", "minutes": "1h"}).status_code
        == 303
    )
    unit = "m1801-improper-1"
    assert post(client, "/done", {"csrf": token, "unit": unit, "minutes": "40"}).status_code == 303
    assert _logged() == [("english", 60, "", False), (unit, 40, "", True)]
    assert post(client, "/undo", {"csrf": token}).status_code == 303
    assert _logged() == [("english", 60, "", False)]
    assert post(client, "/undo", {"csrf": token}).status_code == 303
    assert _logged() == []
    refused = post(client, "/undo", {"csrf": token})
    assert refused.status_code == 400
    set_lang("en")
    assert "nothing to undo" in refused.text.lower()


def test_bad_input_is_a_400_page_not_a_crash(client: TestClient) -> None:
    token = csrf_of(client)
    assert (
        post(client, "/log", {"csrf": token, "target": "english", "minutes": "x"}).status_code
        == 400
    )
    assert (
        post(client, "/log", {"csrf": token, "target": "nope", "minutes": "5"}).status_code == 400
    )
    assert post(client, "/done", {"csrf": token, "unit": "english"}).status_code == 400
    assert client.get("/?date=someday").status_code == 400
    assert _logged() == []


def test_today_of_another_date_and_the_redirect_back(client: TestClient) -> None:
    token = csrf_of(client)
    page = client.get("/?date=2026-03-11")
    assert "2026-03-11" in page.text
    r = post(
        client, "/log", {"csrf": token, "date": "2026-03-08", "target": "english", "minutes": "5"}
    )
    assert r.headers["location"] == "/?date=2026-03-08"
    assert _logged(date(2026, 3, 8)) == [("english", 5, "", False)]


def test_review_notice_and_travel_notices_on_today(client: TestClient) -> None:
    with Session() as s:
        # In use since week 10 (a day of it logged): its review is due.
        service.log_minutes(s, 20, "english", "", date(2026, 3, 4))
        service.add_trip(s, date(2026, 3, 9), date(2026, 3, 12), "Shenzhen")
        notices = [str(n) for n in service.agenda(s, DAY).notices]
    page = client.get("/")
    assert "Shenzhen" in page.text
    assert "2026-03-09 → 2026-03-12" in page.text
    due = [n for n in notices if "pacer review" in n]
    assert len(due) == 1
    for notice in notices:
        if notice not in due:
            assert escape(notice) in page.text
    # the terminal's "run 'pacer review'" becomes a link to the review page
    assert "pacer review" not in page.text
    assert 'The weekly review for 2026-W10 is due. <a href="/review">' in page.text


def test_week_planned_vs_done(client: TestClient) -> None:
    token = csrf_of(client)
    post(client, "/log", {"csrf": token, "target": "english", "minutes": "30"})
    page = client.get("/week")
    assert page.status_code == 200
    assert "2026-W11" in page.text
    rows = re.findall(
        r"<tr(?: class=\"now\")?><td><a href=\"/\?date=([\d-]+)\">"
        r".*?<td>(\d+)</td><td>(\d+)</td></tr>",
        page.text,
    )
    assert [r[0] for r in rows] == [f"2026-03-{d:02d}" for d in range(9, 16)]
    assert rows[0][2] == "30" and all(r[2] == "0" for r in rows[1:])
    assert '<tr class="now"><td><a href="/?date=2026-03-09">03-09</a> Mon</td>' in page.text
    with Session() as s:
        days = [service.day_json(s, v) for v in service.week(s, DAY)]
    for (_, planned, _done), shown in zip(rows, days, strict=True):
        work = sum(i["minutes"] for b in shown["blocks"] for i in b["items"])
        fixed = sum(b["minutes"] for b in shown["blocks"] if b["type"] != "work")
        assert int(planned) == work + fixed > 0


def test_plan_shows_phases_months_and_the_timeline(client: TestClient) -> None:
    page = client.get("/plan")
    assert page.status_code == 200
    with Session() as s:
        plan = s.plan
        line = service.timeline(s, DAY)
    for phase in plan.phases:
        assert escape(phase.title) in page.text
    for row in line.curricula:
        assert escape(row.title) in page.text
        if row.projected_finish:
            assert str(row.projected_finish) in page.text
    for m in line.milestones:
        assert escape(m.title) in page.text


def test_plan_shows_the_baseline_templates_week_shapes_and_decisions(client: TestClient) -> None:
    page = client.get("/plan?lang=zh")
    assert page.status_code == 200
    text = page.text
    for heading in ("能力基线", "日模板", "周型", "待定的决定"):
        assert f"<h2>{heading}</h2>" in text
    with Session() as s:
        plan = s.plan
    for entry in plan.baseline:
        for line in (*entry.have, *entry.lack, entry.conclusion):
            assert escape(line) in text
    for template in plan.day_templates:
        assert escape(template.title) in text
        for b in template.blocks:
            assert escape(b.title) in text
    assert "数学 / 工程 &amp; AI" in text and "写作 / 复盘" in text
    for d in plan.decisions:
        assert escape(d.question) in text and escape(d.notes) in text


def test_the_plan_page_of_a_plan_without_baseline_or_decisions(
    web_home: Path, other_plan: Path
) -> None:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    app = create_app(guard, plan_path=other_plan)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        page = c.get("/plan?lang=en")
    assert page.status_code == 200
    assert "<h2>Baseline</h2>" not in page.text and "<h2>Decisions</h2>" not in page.text
    assert "<h2>Day templates</h2>" in page.text and "Weekly retro" in page.text
    assert "<h2>Week shapes</h2>" in page.text


def test_the_plan_page_of_a_plan_without_phases_or_months(web_home: Path, other_plan: Path) -> None:
    text = other_plan.read_text(encoding="utf-8")
    bare = text[: text.index("phases:")] + text[text.index("curricula:") :]
    path = web_home / "bare.yaml"
    path.write_text(bare, encoding="utf-8")
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=path), base_url="http://127.0.0.1:8765") as c:
        page = c.get("/plan?lang=en")
    assert page.status_code == 200, page.text
    assert "<h2>Phases</h2>" not in page.text and "<h2>Months</h2>" not in page.text
    assert "<h2>Week shapes</h2>" in page.text


def test_progress_draws_the_month_charts_into_the_cache(client: TestClient, web_home) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/progress")
    assert page.status_code == 200
    names = re.findall(r'src="/charts/([\w-]+)\.svg"', page.text)
    assert {"heatmap-0", "burnup-0", "milestones-0"} <= {n.split("-", 1)[1] for n in names}
    for name in names:
        image = client.get(f"/charts/{name}.svg")
        assert image.status_code == 200
        assert image.headers["content-type"] == "image/svg+xml"
        assert image.content.startswith(b"<?xml")
    assert list((web_home / "cache" / "web-charts").rglob("*.svg"))
    assert client.get("/charts/nothing-0.svg").status_code == 404
    zh = client.get("/progress", headers={"accept-language": "zh-CN"}).text
    assert 'alt="热力图"' in zh and 'alt="累计图"' in zh and 'alt="里程碑时间线"' in zh


def test_review_form_saves_and_lists(client: TestClient) -> None:
    page = client.get("/review")
    assert page.status_code == 200
    with Session() as s:
        prompts = s.plan.review.prompts
        week = service.review_due_week(s, DAY)
    assert str(week) in page.text
    token = csrf_of(client, "/review")
    answers = {f"answer-{p.id}": f"answer {i}" for i, p in enumerate(prompts)}
    # the metric's prompt takes a number; each milestone that slipped needs a decision
    answers |= {f"answer-{p.id}": str(60 + i) for i, p in enumerate(prompts) if p.metric}
    slipped = re.findall(r'<fieldset id="decide-([^"]+)">', page.text)
    assert slipped
    answers |= {f"decide-{m}": "keep" for m in slipped}
    assert post(client, "/review", {"csrf": token, **answers}).status_code == 303
    with Session() as s:
        saved = service.get_review(s, week)
    assert dict(saved.answers) == {p.id: answers[f"answer-{p.id}"] for p in prompts}
    again = client.get("/review").text
    assert "answer 0" in again
    edited = {**answers, f"answer-{prompts[0].id}": "changed"}
    assert post(client, "/review", {"csrf": token, **edited}).status_code == 303
    with Session() as s:
        assert dict(service.get_review(s, week).answers)[prompts[0].id] == "changed"


def test_trips_preview_add_and_remove(client: TestClient) -> None:
    token = csrf_of(client, "/trips")
    form = {"csrf": token, "start": "2026-03-16", "end": "2026-03-25", "note": "Tokyo"}
    preview = post(client, "/trips/preview", form)
    assert preview.status_code == 200
    with Session() as s:
        assert service.list_trips(s) == []  # a preview saves nothing
        moved = service.preview_trip(
            s, date(2026, 3, 16), date(2026, 3, 25), "Tokyo", clock.today(s.plan)
        )
    assert moved
    for milestone, days in moved:
        assert f"{milestone} {days:+d} d" in preview.text
    assert post(client, "/trips/add", form).status_code == 303
    with Session() as s:
        trips = service.list_trips(s)
    assert [(t.start, t.end, t.note) for t in trips] == [
        (date(2026, 3, 16), date(2026, 3, 25), "Tokyo")
    ]
    assert "Tokyo" in client.get("/trips").text
    assert post(client, "/trips/remove", {"csrf": token, "id": str(trips[0].id)}).status_code == 303
    with Session() as s:
        assert service.list_trips(s) == []
    bad = {**form, "end": "2026-03-01"}
    assert post(client, "/trips/preview", bad).status_code == 400
    assert post(client, "/trips/remove", {"csrf": token, "id": "x"}).status_code == 400


def test_calendar_feed_with_the_feed_token(client: TestClient) -> None:
    with Session() as s:
        service.add_trip(s, date(2026, 3, 16), date(2026, 3, 20), "Osaka")
    feed = client.get(f"/calendar.ics?token={FEED}")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert feed.content.startswith(b"BEGIN:VCALENDAR")
    assert b"Osaka" in feed.content
    assert feed.content.count(b"BEGIN:VEVENT") > 10


def test_chinese_by_accept_language_and_the_lang_override(client: TestClient) -> None:
    zh = client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert '<html lang="zh-CN">' in zh.text
    assert "今天" in zh.text and "撤销最近一次改动" in zh.text
    assert "30–45 分钟" in zh.text and "5–10 分钟" in zh.text
    assert not re.search(r"\d min\b", zh.text)  # minutes in Chinese, everywhere on the page
    en = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="en">' in en.text and "Undo the last change" in en.text
    chosen = client.get("/week?lang=zh", headers={"accept-language": "en"})
    assert "计划分钟" in chosen.text
    assert client.cookies.get("pacer_lang") == "zh"
    kept = client.get("/", headers={"accept-language": "en"})
    assert "撤销最近一次改动" in kept.text


def test_static_htmx_is_served_and_the_version_is_noted(client: TestClient) -> None:
    script = client.get("/static/htmx.min.js")
    assert script.status_code == 200
    assert b"htmx" in script.content
    assert "htmx 2.0.11" in client.get("/").text


def test_every_page_speaks_chinese_units(client: TestClient) -> None:
    """No English unit ("30 min", "+3 d") is left on a Chinese page, trips' effects included."""
    zh = {"accept-language": "zh-CN"}
    token = csrf_of(client)
    form = {"csrf": token, "start": "2026-03-16", "end": "2026-03-25", "note": "东京"}
    preview = client.post(
        "/trips/preview",
        data=form,
        headers={"origin": str(client.base_url).rstrip("/"), **zh},
        follow_redirects=False,
    )
    pages = [preview.text]
    post(client, "/trips/add", form)
    post(client, "/log", {"csrf": token, "target": "english", "minutes": "30"})
    for path in ("/", "/?date=2026-03-16", "/week", "/plan", "/review", "/trips"):
        page = client.get(path, headers=zh)
        assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
        pages.append(page.text)
    text = "\n".join(pages)
    assert "天" in preview.text and "分钟" in text
    shown = re.sub(r"<[^>]+>", " ", text)
    # The plan's own words stay as written (the seed says "泛听 20 min"): only pacer's are checked.
    with Session() as s:
        plan = s.plan
    own = {
        words
        for tpl in plan.day_templates
        for b in tpl.blocks
        for words in (b.title, b.detail, *(st.detail for st in b.steps))
        if words
    }
    for words in sorted(own, key=len, reverse=True):  # a title before the words inside it
        shown = shown.replace(str(escape(words)), " ")
    leftovers = re.findall(r"[+-]?\d+ (?:min|d)\b", shown)
    assert leftovers == []


def test_review_shows_the_weeks_facts_like_the_terminal(client: TestClient) -> None:
    token = csrf_of(client)
    post(
        client, "/log", {"csrf": token, "date": "2026-03-03", "target": "english", "minutes": "30"}
    )
    with Session() as s:
        service.add_trip(s, date(2026, 3, 4), date(2026, 3, 13), "大阪")
        week = service.review_due_week(s, DAY)
        facts = service.review_facts(s, week)
    page = client.get("/review").text
    habit = next(h for h in facts.habits if h.track == "english")
    assert habit.kept == 1
    assert habit.done == 30
    shown = f"kept 1 of {habit.days} days · {habit.planned} min planned, 30 min done"
    assert f"{escape(habit.title)}: {shown}" in page
    assert "2026-03-04 → 2026-03-13 — 大阪" in page
    moved = [m for m in facts.milestones if m.days]
    assert moved, "a ten-day trip moves some milestone"
    for m in moved:
        assert f"{escape(m.title)}: {m.before} → {m.after}" in page
        assert f"({m.days:+d} d)" in page


def test_today_steps_a_day_back_and_forth(client: TestClient) -> None:
    page = client.get("/").text  # the clock stands on 2026-03-09
    assert '<a href="/?date=2026-03-08">← previous day</a>' in page
    assert '<a href="/?date=2026-03-10">next day →</a>' in page
    assert ">today</a>" not in page
    other = client.get("/?date=2026-03-10").text
    assert '<a href="/">← previous day</a>' in other  # the day before is today: plain "/"
    assert '<a href="/">today</a>' in other
    assert "2026-03-10 ·" in client.get("/?date=2026-03-10").text
