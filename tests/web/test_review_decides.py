"""The dashboard's review form decides (issue 15): an incomplete review is refused (400) with
what is missing listed and nothing saved; a complete one records its decisions; the Today
page leads with the review until it is done. TestClient over real SQLite, both plans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pacer import clock
from pacer.service import Session
from pacer.service.reviewdecide import decisions_of, review_needs
from pacer.web.app import create_app
from pacer.web.security import Guard, load_secret
from tests.conftest import OTHER_PLAN
from tests.web.conftest import TOKEN, csrf_of, post

PLANS = {"builtin": None, "berlin": OTHER_PLAN}
# A review day on which each plan has milestones that slipped: the built-in plan's first
# Sunday (nothing logged, several projected after their due dates); the Berlin nurse's
# Sunday after her exam's due date, its units not done.
REVIEW_DAY = {
    "builtin": (datetime(2026, 3, 8, 13, 0, tzinfo=UTC), "2026-W10"),
    "berlin": (datetime(2026, 5, 24, 10, 0, tzinfo=UTC), "2026-W21"),  # Sunday evening
}


@pytest.fixture(params=list(PLANS))
def plan(request: pytest.FixtureRequest) -> Path | None:
    return PLANS[str(request.param)]


def open_page(web_home: Path, plan: Path | None) -> Iterator[TestClient]:
    guard = Guard("127.0.0.1", load_secret(web_home), TOKEN, ())
    with TestClient(create_app(guard, plan_path=plan), base_url="http://127.0.0.1:8765") as c:
        yield c


def needs_of(plan: Path | None) -> tuple[list[str], list[str]]:
    """The required prompts and the milestones to decide of the week due."""
    from pacer.service import review_due_week, review_facts

    with Session(plan) as s:
        today = clock.today(s.plan)
        week = review_due_week(s, today)
        needs = review_needs(s, week, review_facts(s, week, today), today, None)
        prompts = [p.id for p in needs.prompts if not p.optional]
        return prompts, [slip.milestone for slip in needs.slips]


def test_the_review_form_refuses_an_incomplete_review_then_saves_a_complete_one(
    web_home: Path, plan: Path | None
) -> None:
    now, due_week = REVIEW_DAY["builtin" if plan is None else "berlin"]
    clock.set_now(now)
    prompts, milestones = needs_of(plan)
    assert milestones
    for client in open_page(web_home, plan):
        today = client.get("/").text
        body = today.split("<body", 1)[1]
        # the review leads the page: before the day's heading
        assert body.index('id="review-lead"') < body.index("<h1>")
        form = client.get("/review").text
        for mid in milestones:
            assert f'<fieldset id="decide-{mid}">' in form
        token = csrf_of(client, "/review")
        # every prompt sent empty: also one pacer fills in is then not answered
        answers = {f"answer-{p}": "" for p in prompts}
        refused = post(client, "/review", {"csrf": token, **answers})
        assert refused.status_code == 400
        listed = re.findall(r"<li>(an answer to \S+|a decision for \S+) ", refused.text)
        assert listed[: len(prompts)] == [f"an answer to {p}:" for p in prompts]
        assert listed[len(prompts) :] == [f"a decision for {m}" for m in milestones]
        assert "Not saved: the review is not complete. Missing:" in refused.text
        with Session(plan) as s:
            assert s.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
        complete = {f"answer-{p}": "70" for p in prompts}
        decide = {f"decide-{m}": "keep" for m in milestones}
        decide[f"decide-{milestones[0]}"] = "move"
        decide[f"due-{milestones[0]}"] = "2026-12-30"
        decide[f"reason-{milestones[0]}"] = "a second job"
        partial = post(
            client, "/review", {"csrf": token, **complete, **decide, f"decide-{milestones[-1]}": ""}
        )
        assert partial.status_code == 400
        assert re.findall(r"<li>(a decision for \S+) ", partial.text) == [
            f"a decision for {milestones[-1]}"
        ]
        # what was typed stays in the form
        assert 'value="a second job"' in partial.text
        saved = post(client, "/review", {"csrf": token, **complete, **decide})
        assert saved.status_code == 303, saved.text
        assert 'id="review-lead"' not in client.get("/").text
    with Session(plan) as s:
        from pacer.schedule.weeks import IsoWeek

        week = IsoWeek.parse(due_week)
        assert week is not None
        decided = decisions_of(s, week)
    assert [(d.milestone, d.kind) for d in decided] == [
        (m, "move" if m == milestones[0] else "keep") for m in milestones
    ]
    assert (decided[0].due, decided[0].reason) == (date(2026, 12, 30), "a second job")


def test_the_review_form_lists_every_problem_at_once(web_home: Path, plan: Path | None) -> None:
    """A move without a reason, a catch-up option that does not exist and a required answer
    left empty: one refusal lists them all, what was typed stays, nothing is saved."""
    now, _ = REVIEW_DAY["builtin" if plan is None else "berlin"]
    clock.set_now(now)
    prompts, milestones = needs_of(plan)
    first, last = milestones[0], milestones[-1]
    for client in open_page(web_home, plan):
        token = csrf_of(client, "/review")
        answers = {f"answer-{p}": "70" for p in prompts} | {f"answer-{prompts[-1]}": ""}
        decide = {f"decide-{m}": "keep" for m in milestones}
        decide |= {f"decide-{first}": "move", f"due-{first}": "2026-12-30"}
        if first != last:
            decide[f"decide-{last}"] = "catchup 9"
        refused = post(client, "/review", {"csrf": token, **answers, **decide})
        assert refused.status_code == 400
        text = refused.text
        assert "Not saved: the review is not complete. To correct:" in text
        wrong = re.search(r'<ul id="review-wrong">(.*?)</ul>', text, re.S)
        assert wrong is not None
        assert f"<li>moving the due date of {first} needs a reason: " in wrong.group(1)
        if first != last:
            assert f"<li>there is no option 9 for {last} (it has " in wrong.group(1)
        assert re.findall(r"<li>(an answer to \S+|a decision for \S+) ", text) == [
            f"an answer to {prompts[-1]}:"
        ]
        assert 'value="2026-12-30"' in text
        with Session(plan) as s:
            assert s.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
