"""Every lock of the dashboard, proven by a request that must be refused."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pacer import clock, service
from pacer.service import Session
from pacer.web.security import Guard, host_name
from tests.web.conftest import FEED, NOW, TOKEN, MakeClient, csrf_of, post

DAY = date(2026, 3, 9)
LAN = "pacer.lan"


def _logged() -> list[tuple[str, int, str]]:
    with Session() as s:
        return [(e.target, e.minutes, e.note) for e in service.agenda(s, DAY).logged]


def _signed_in(make_client: MakeClient) -> TestClient:
    client = make_client("0.0.0.0", extra=(LAN,))
    token = csrf_of(client, "/login")
    response = post(client, "/login", {"csrf": token, "token": TOKEN})
    assert response.status_code == 303, response.text
    return client


POST_ROUTES = ["/log", "/done", "/undo", "/review", "/trips/preview", "/trips/add", "/trips/remove"]
POST_ROUTES += ["/log/edit", "/log/remove", "/log/value/edit", "/log/value/remove"]
POST_ROUTES += ["/log/note/edit", "/log/note/remove"]


@pytest.mark.parametrize("path", POST_ROUTES)
def test_a_post_without_csrf_is_403(client: TestClient, path: str) -> None:
    csrf_of(client)
    response = post(client, path, {"target": "english", "minutes": "30"})
    assert response.status_code == 403
    assert _logged() == []


def test_a_forged_or_foreign_csrf_is_403(client: TestClient, make_client: MakeClient) -> None:
    other = make_client()
    foreign = csrf_of(other)
    csrf_of(client)
    for token in ("0" * 64, foreign):
        response = post(client, "/log", {"csrf": token, "target": "english", "minutes": "30"})
        assert response.status_code == 403
    assert _logged() == []


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "null"},
        {"origin": "", "referer": "http://evil.example/page"},
        {"origin": "", "referer": "http://127.0.0.1:8765.evil.example/"},
        {"origin": ""},
    ],
)
def test_a_post_from_another_origin_is_403(client: TestClient, headers: dict[str, str]) -> None:
    token = csrf_of(client)
    response = post(
        client, "/log", {"csrf": token, "target": "english", "minutes": "30"}, **headers
    )
    assert response.status_code == 403
    assert _logged() == []
    ok = post(
        client,
        "/log",
        {"csrf": token, "target": "english", "minutes": "30"},
        origin="",
        referer="http://127.0.0.1:8765/week",
    )
    assert ok.status_code == 303
    assert _logged() == [("english", 30, "")]


@pytest.mark.parametrize("host", ["evil.example", "attacker.com:8765", "192.168.1.9"])
def test_a_foreign_host_header_is_400(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 400
    assert client.get(f"/calendar.ics?token={TOKEN}", headers={"host": host}).status_code == 400
    assert client.get("/static/htmx.min.js", headers={"host": host}).status_code == 400


def test_the_host_allow_list(make_client: MakeClient) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    for host in (LAN, f"{LAN}:8765", "localhost:8765", "127.0.0.1"):
        assert client.get("/login", headers={"host": host}).status_code == 200, host
    assert client.get("/login", headers={"host": "other.lan"}).status_code == 400
    # Other machines reach a non-loopback bind by whatever address the network gave it.
    for host in ("192.168.1.20:8765", "10.0.0.7", "[fe80::1]:8765", "[2001:db8::5]"):
        assert client.get("/login", headers={"host": host}).status_code == 200, host
    for host in ("192.168.1.20.evil.example", "[fe80::1", "1.2.3.4.5", "", "evil.example:80"):
        assert client.get("/login", headers={"host": host}).status_code == 400, host


@pytest.mark.parametrize(
    ("header", "name"),
    [("Pacer.LAN:8765", "pacer.lan"), ("[::1]:80", "::1"), ("::1", "::1"), ("[x", "")],
)
def test_the_host_part_of_a_host_header(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    "path", [p for p in [*POST_ROUTES, "/logout"] if p not in ("/log", "/review", "/trips")]
)
def test_get_on_a_post_route_is_405(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 405


def test_a_non_loopback_app_sends_every_page_to_sign_in(make_client: MakeClient) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    for path in ("/", "/week", "/plan", "/progress", "/review", "/trips", "/log"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/login"
    token = csrf_of(client, "/login")
    response = post(client, "/log", {"csrf": token, "target": "english", "minutes": "30"})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert _logged() == []
    assert client.get("/calendar.ics").status_code == 401
    assert client.get("/calendar.ics?token=wrong").status_code == 401


def test_a_wrong_token_does_not_sign_in(make_client: MakeClient) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    token = csrf_of(client, "/login")
    response = post(client, "/login", {"csrf": token, "token": "guess"})
    assert response.status_code == 401
    assert client.get("/", follow_redirects=False).status_code == 303


def test_sign_in_sets_a_strict_httponly_cookie_and_opens_the_pages(
    make_client: MakeClient,
) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    token = csrf_of(client, "/login")
    response = post(client, "/login", {"csrf": token, "token": TOKEN})
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "pacer_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "max-age=2592000" in cookie  # signed in for 30 days
    page = client.get("/")
    assert page.status_code == 200 and "2026-03-09" in page.text
    fresh = csrf_of(client)
    assert (
        post(client, "/log", {"csrf": fresh, "target": "english", "minutes": "30"}).status_code
        == 303
    )
    assert _logged() == [("english", 30, "")]
    assert client.get("/calendar.ics").status_code == 200  # the session cookie is enough
    assert post(client, "/logout", {"csrf": fresh}).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_the_login_form_needs_its_csrf_and_origin(make_client: MakeClient) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    token = csrf_of(client, "/login")
    assert post(client, "/login", {"token": TOKEN}).status_code == 403
    assert (
        post(client, "/login", {"csrf": token, "token": TOKEN}, origin="http://x").status_code
        == 403
    )
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_tampered_session_cookie_is_not_signed_in(make_client: MakeClient) -> None:
    client = _signed_in(make_client)
    cookie = client.cookies["pacer_session"]
    sid, _flag, issued, sig = cookie.split(".")
    forged = TestClient(client.app, base_url=str(client.base_url))
    forged.cookies.set("pacer_session", f"{sid}.1.{issued}.{'0' * len(sig)}")
    assert forged.get("/", follow_redirects=False).status_code == 303
    unsigned = TestClient(client.app, base_url=str(client.base_url))
    unsigned.cookies.set("pacer_session", f"other.1.{issued}.{sig}")
    assert unsigned.get("/", follow_redirects=False).status_code == 303
    forged.close()
    unsigned.close()


def test_the_feed_needs_the_feed_token(client: TestClient, make_client: MakeClient) -> None:
    assert client.get("/calendar.ics").status_code == 401  # no token, no earlier visit
    assert client.get("/calendar.ics?token=wrong").status_code == 401
    assert client.get("/calendar.ics?token=" + TOKEN).status_code == 401  # sign-in token
    assert client.get("/calendar.ics?token=" + FEED).status_code == 200
    client.get("/")  # a browser that has the dashboard open may fetch it with its cookie
    assert client.get("/calendar.ics").status_code == 200
    lan = make_client("0.0.0.0", extra=(LAN,))
    assert lan.get("/calendar.ics").status_code == 401
    lan.get("/login")
    assert lan.get("/calendar.ics").status_code == 401  # a session, but not signed in
    assert lan.get("/calendar.ics?token=" + FEED[:-1]).status_code == 401
    assert lan.get("/calendar.ics?token=" + TOKEN).status_code == 401  # never the sign-in one
    assert lan.get("/calendar.ics?token=" + FEED).status_code == 200
    none = make_client("0.0.0.0", token=None, feed=None, extra=(LAN,))
    assert none.get("/calendar.ics?token=").status_code == 401
    assert none.get("/calendar.ics?token=None").status_code == 401


def test_what_a_person_typed_is_escaped(client: TestClient) -> None:
    token = csrf_of(client)
    script = '<script>alert("x")</script>'
    post(client, "/log", {"csrf": token, "target": "english", "minutes": "5", "note": script})
    page = client.get("/").text
    assert script not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    trip = {"csrf": token, "start": "2026-03-16", "end": "2026-03-18", "note": script}
    preview = post(client, "/trips/preview", trip)
    assert script not in preview.text and "&lt;script&gt;" in preview.text
    post(client, "/trips/add", trip)
    assert script not in client.get("/trips").text
    with Session() as s:
        prompt = s.plan.review.prompts[0].id
    # an incomplete review is refused: the form comes back with what was typed, escaped
    review = post(client, "/review", {"csrf": token, f"answer-{prompt}": script}).text
    assert script not in review and "&lt;script&gt;" in review


def test_no_request_names_a_file(client: TestClient) -> None:
    client.get("/progress")
    for path in (
        "/charts/..%2f..%2fweb-secret.svg",
        "/charts/heatmap-0%2f..%2f..%2fweb-token.svg",
        "/static/..%2fsecurity.py",
        "/static/../security.py",
    ):
        response = client.get(path)
        assert response.status_code == 404, path


def test_the_guard_rejects_malformed_cookies() -> None:
    now = 1_773_000_000.0
    guard = Guard("127.0.0.1", b"k" * 32, TOKEN)
    good = guard.make_session(True, now)
    assert guard.read_session(good, now) is not None
    sid, flag, issued, sig = good.split(".")
    for bad in (
        None,
        "",
        "a.b",
        "a.2.c",
        "a.2.c.d",
        good + "x",
        good.replace(".1.", ".0."),
        f"{sid}.{flag}.{int(issued) - 1}.{sig}",  # the issue time is signed
        f"{sid}.{flag}.{issued}",  # the old form, without an issue time
        f"{sid}.{flag}.-{issued}.{sig}",
        f"{sid}.{flag}.{issued}.{sig[:-1]}é",
    ):
        assert guard.read_session(bad, now) is None, bad
    assert guard.read_session(good, now - 301) is None  # issued in the future
    assert guard.read_session(good, now + 30 * 86400) is not None
    assert guard.read_session(good, now + 30 * 86400 + 1) is None
    assert Guard("0.0.0.0", b"k" * 32, TOKEN).read_session(good, now) is None  # another mode
    guard.revoke_all()
    assert guard.read_session(good, now) is None
    good = guard.make_session(True, now)
    sid = guard.read_session(good, now)[0]  # type: ignore[index]
    assert guard.csrf_ok(sid, guard.csrf_token(sid))
    assert not guard.csrf_ok(sid, None) and not guard.csrf_ok(sid, "")
    assert not Guard("127.0.0.1", b"j" * 32, TOKEN).csrf_ok(sid, guard.csrf_token(sid))
    assert re.fullmatch(r"[0-9a-f]{64}", guard.csrf_token(sid))


# -- sessions: issue time, revocation, the server's mode ---------------------------------------
def test_a_sign_in_lasts_thirty_days_on_the_server_too(make_client: MakeClient) -> None:
    client = _signed_in(make_client)
    start = datetime.fromisoformat(NOW)
    clock.set_now(start + timedelta(days=29))
    assert client.get("/", follow_redirects=False).status_code == 200
    # The browser would have dropped the cookie by now; a copy kept elsewhere must not work.
    clock.set_now(start + timedelta(days=30, seconds=1))
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_logout_signs_out_every_browser(make_client: MakeClient) -> None:
    phone = _signed_in(make_client)
    desk = _signed_in(make_client)
    kept = phone.cookies["pacer_session"]
    assert phone.get("/").status_code == 200 and desk.get("/").status_code == 200
    assert post(desk, "/logout", {"csrf": csrf_of(desk)}).status_code == 303
    for client in (phone, desk):
        response = client.get("/", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login"
    thief = make_client("0.0.0.0", extra=(LAN,))
    thief.cookies.set("pacer_session", kept)
    assert thief.get("/", follow_redirects=False).status_code == 303


def test_a_loopback_session_is_not_signed_in_on_a_sign_in_server(make_client: MakeClient) -> None:
    local = make_client()
    assert local.get("/").status_code == 200  # loopback: signed in without a token
    cookie = local.cookies["pacer_session"]
    lan = make_client("0.0.0.0", extra=(LAN,))
    lan.cookies.set("pacer_session", cookie)
    response = lan.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert lan.get("/calendar.ics").status_code == 401


def test_repeated_wrong_tokens_are_answered_429_until_the_wait_is_over(
    make_client: MakeClient,
) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    dashboard = client.app.state.dashboard  # type: ignore[attr-defined]
    moment = [1000.0]
    dashboard.ticks = lambda: moment[0]
    token = csrf_of(client, "/login")
    statuses = [
        post(client, "/login", {"csrf": token, "token": f"guess-{i}"}).status_code for i in range(3)
    ]
    assert statuses == [401, 401, 401]  # a few typing mistakes cost nothing
    slowed = post(client, "/login", {"csrf": token, "token": TOKEN})
    assert slowed.status_code == 429  # not even the right token is tried now
    wait = int(slowed.headers["retry-after"])
    assert wait >= 1
    assert client.get("/", follow_redirects=False).status_code == 303
    moment[0] += wait
    assert post(client, "/login", {"csrf": token, "token": "guess-4"}).status_code == 401
    longer = post(client, "/login", {"csrf": token, "token": TOKEN})
    assert longer.status_code == 429 and int(longer.headers["retry-after"]) > wait
    moment[0] += 3600
    assert post(client, "/login", {"csrf": token, "token": TOKEN}).status_code == 303
    assert client.get("/").status_code == 200


# -- input that is not ASCII ---------------------------------------------------------------------
GET_ROUTES = ["/", "/login", "/week", "/plan", "/progress", "/review", "/trips", "/calendar.ics"]
NON_ASCII_COOKIES = ["é", "a.1.é", "a.1.1.é", "ü.1.123.abc", "a.1.1.2.é"]


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_a_non_ascii_cookie_is_not_signed_in_and_never_500(
    make_client: MakeClient, host: str
) -> None:
    client = make_client(host, extra=(LAN,))
    for cookie in NON_ASCII_COOKIES:
        raw = f"pacer_session={cookie}".encode()
        for path in GET_ROUTES:
            response = client.get(path, headers={"cookie": raw}, follow_redirects=False)
            assert response.status_code < 500, (cookie, path)
            if host == "0.0.0.0" and path not in ("/login", "/calendar.ics"):
                assert response.status_code == 303, (cookie, path)
        for path in [*POST_ROUTES, "/login", "/logout"]:
            response = post(client, path, {"csrf": "x"}, cookie=raw)  # type: ignore[arg-type]
            assert response.status_code in (303, 403), (cookie, path)


@pytest.mark.parametrize("csrf", ["é", "ü" * 64, "\u2603" + "0" * 63])
def test_a_non_ascii_csrf_field_is_403_on_every_form(client: TestClient, csrf: str) -> None:
    csrf_of(client)
    for path in [*POST_ROUTES, "/login", "/logout"]:
        response = post(client, path, {"csrf": csrf, "target": "english", "minutes": "30"})
        assert response.status_code == 403, path
    assert _logged() == []


def test_a_non_ascii_token_is_a_wrong_token(make_client: MakeClient) -> None:
    client = make_client("0.0.0.0", extra=(LAN,))
    token = csrf_of(client, "/login")
    assert post(client, "/login", {"csrf": token, "token": "é" * 43}).status_code == 401
    assert client.get("/calendar.ics?token=%C3%A9").status_code == 401


# -- headers on every answer ----------------------------------------------------------------------
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _assert_locked_down(response: Any, where: str) -> None:
    headers = response.headers
    assert headers.get("content-security-policy") == CSP, where
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("referrer-policy") == "same-origin", where
    assert headers.get("x-frame-options") == "DENY", where
    if headers.get("content-type", "").startswith("text/html"):
        assert headers.get("cache-control") == "no-store", where


def test_every_answer_carries_the_security_headers(
    client: TestClient, make_client: MakeClient
) -> None:
    token = csrf_of(client)
    answers = {path: client.get(path) for path in GET_ROUTES}
    answers["static"] = client.get("/static/htmx.min.js")
    answers["css"] = client.get("/static/pacer.css")
    answers["404"] = client.get("/nowhere")
    answers["405"] = client.get("/log")
    answers["bad host"] = client.get("/", headers={"host": "evil.example"})
    answers["post"] = post(client, "/log", {"csrf": token, "target": "english", "minutes": "5"})
    answers["403"] = post(client, "/log", {"csrf": "0", "target": "english", "minutes": "5"})
    answers["400"] = client.get("/?date=someday")
    lan = make_client("0.0.0.0", extra=(LAN,))
    answers["to sign-in"] = lan.get("/", follow_redirects=False)
    answers["401"] = lan.get("/calendar.ics")
    for where, response in answers.items():
        _assert_locked_down(response, where)
    assert answers["css"].status_code == 200
    assert answers["/"].headers["cache-control"] == "no-store"
    assert answers["/login"].headers["cache-control"] == "no-store"


def test_an_internal_error_carries_the_headers_too(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "agenda", broken)
    client = make_client()
    quiet = TestClient(client.app, base_url=str(client.base_url), raise_server_exceptions=False)
    response = quiet.get("/")
    assert response.status_code == 500
    _assert_locked_down(response, "500")
    quiet.close()


class _Inline(HTMLParser):
    """Collects what a strict CSP would block: inline scripts and styles, event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.config = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not names.get("src"):
            self.found.append("<script> without src")
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
        if tag == "meta" and names.get("name") == "htmx-config":
            self.config = names.get("content") or ""


def test_no_page_has_inline_script_or_style(client: TestClient, web_home: Path) -> None:
    import json

    token = csrf_of(client)
    trip = {"csrf": token, "start": "2026-03-16", "end": "2026-03-18", "note": "x"}
    pages = [client.get(path).text for path in GET_ROUTES if path != "/calendar.ics"]
    pages.append(post(client, "/trips/preview", trip).text)
    pages.append(post(client, "/log", {"csrf": "0"}).text)  # the error page
    for html in pages:
        parser = _Inline()
        parser.feed(html)
        assert parser.found == []
        # htmx would otherwise add its own <style> for indicators, which the CSP refuses.
        config = json.loads(parser.config)
        assert config["includeIndicatorStyles"] is False
        assert config["allowEval"] is False
        assert 'href="/static/pacer.css"' in html


def test_a_file_where_a_form_field_belongs_is_refused_and_nothing_is_stored(
    client: TestClient,
) -> None:
    csrf = csrf_of(client)
    origin = {"origin": str(client.base_url).rstrip("/")}
    fields = {"csrf": csrf, "target": "english", "minutes": "1"}
    upload = {"note": ("rand.bin", b"\x00\xff" * 1000, "application/octet-stream")}
    answer = client.post("/log", data=fields, files=upload, headers=origin, follow_redirects=False)
    assert answer.status_code == 400
    assert "the field &#39;note&#39; must be text, not a file" in answer.text
    as_csrf = {"csrf": ("c.txt", csrf.encode(), "text/plain")}
    del fields["csrf"]
    refused = client.post("/log", data=fields, files=as_csrf, headers=origin)
    assert refused.status_code == 403
    today = client.get("/").text
    assert "UploadFile" not in today and "[english]</span> · 1 min" not in today


def test_free_text_is_bounded(client: TestClient) -> None:
    csrf = csrf_of(client)
    long = {"csrf": csrf, "target": "english", "minutes": "1", "note": "x" * 1_000_000}
    answer = post(client, "/log", long)
    assert answer.status_code == 400
    assert "the note is 1000000 characters long; keep it to 4000" in answer.text
    trip = {"csrf": csrf, "start": "2026-03-16", "end": "2026-03-20", "note": "y" * 5000}
    assert post(client, "/trips/add", trip).status_code == 400
    assert "x" * 100 not in client.get("/").text
    assert "2026-03-16" not in client.get("/trips").text


@pytest.mark.parametrize("damaged", ["not hex at all", "abcd", "日本"])
def test_a_damaged_signing_secret_is_made_anew(tmp_path: Path, damaged: str) -> None:
    from pacer.web.security import load_secret

    (tmp_path / "web-secret").write_text(damaged, encoding="utf-8")
    key = load_secret(tmp_path)
    assert len(key) == 32
    assert load_secret(tmp_path) == key  # kept from now on
