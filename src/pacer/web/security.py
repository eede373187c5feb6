"""The dashboard's locks: the access and feed tokens, the signing secret, session cookies and
their generation, CSRF tokens, the sign-in throttle, the Host allow-list and the Origin
check. No web framework is imported here."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from pacer.errors import PacerError
from pacer.i18n import Message

TOKEN_FILE = "web-token"
FEED_TOKEN_FILE = "web-feed-token"
SECRET_FILE = "web-secret"
GENERATION_FILE = "web-sessions"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

SESSION_DAYS = 30  # a signed-in browser lasts this long, checked here, not only by max-age
SESSION_SECONDS = SESSION_DAYS * 86400
CLOCK_SKEW = 300  # a cookie "issued" further in the future than this was not made here
# 128 bits: 22 characters of token_urlsafe's 64-letter alphabet. A hand-written token is
# also refused when it repeats a few characters over and over ("aaaa…").
MIN_TOKEN_CHARS = 22
MIN_DISTINCT_CHARS = 10


def _write_private(path: Path, text: str) -> None:
    from pacer.workspace import write_private_atomic

    write_private_atomic(path, (text + "\n").encode("utf-8"))


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    return text or None


def read_token(folder: Path) -> str | None:
    return _read(folder / TOKEN_FILE)


def read_feed_token(folder: Path) -> str | None:
    return _read(folder / FEED_TOKEN_FILE)


def new_token(folder: Path) -> str:
    """A fresh access token, stored (mode 0600) in place of any previous one; every session
    signed in with the old one ends."""
    token = secrets.token_urlsafe(32)
    _write_private(folder / TOKEN_FILE, token)
    Generation(folder).bump()
    return token


def new_feed_token(folder: Path) -> str:
    """A fresh token for the calendar feed only (read-only), stored 0600 beside web-token."""
    token = secrets.token_urlsafe(32)
    _write_private(folder / FEED_TOKEN_FILE, token)
    return token


def weak_token(token: str) -> bool:
    """Fewer than 128 bits by any fair guess: too short, or too few different characters."""
    return len(token) < MIN_TOKEN_CHARS or len(set(token)) < MIN_DISTINCT_CHARS


def load_secret(folder: Path) -> bytes:
    """The key that signs session cookies; made on first use and kept in the data folder."""
    path = folder / SECRET_FILE
    text = _read(path) or ""
    try:
        key = bytes.fromhex(text)
    except ValueError:  # damaged by hand: a new key only means signing in again
        key = b""
    if len(key) < 32:
        text = secrets.token_hex(32)
        _write_private(path, text)
        key = bytes.fromhex(text)
    return key


def same(given: str, expected: str) -> bool:
    """Constant-time equality of two strings of any letters. hmac.compare_digest raises
    TypeError on a str with a non-ASCII character, so compare the UTF-8 bytes (a lone
    surrogate is kept as itself and simply differs)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


class Watched:
    """A small file in the data folder that may change while the server runs (a new token,
    a new session generation): each use looks at its stat and reads it again only when it
    changed, so every server on the data folder follows it at once. Without a path (tests of
    the guard alone) the value lives in memory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._seen: tuple[int, int, int] | None = None
        self._value = ""

    def current(self) -> str:
        if self.path is None:
            return self._value
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._seen, self._value = None, ""
            return ""
        seen = (st.st_ino, st.st_mtime_ns, st.st_size)
        if seen != self._seen:
            self._value = _read(self.path) or ""
            self._seen = seen
        return self._value


class Generation(Watched):
    """The session generation: a random word kept (0600) in the data folder and signed into
    every session cookie. Replacing it (logout, --new-token) ends every session at once, in
    every server on this data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(None if folder is None else folder / GENERATION_FILE)

    def bump(self) -> None:
        value = secrets.token_hex(16)
        if self.path is not None:
            _write_private(self.path, value)
        self._value, self._seen = value, None


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def host_name(header: str) -> str:
    """The host part of a Host header, lower-cased: "[::1]:8765" -> "::1"."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def is_ip_address(name: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Guard:
    """What one running server trusts: its bound host, the names it answers to, the access
    token (None: none made yet), the calendar feed's token, the cookie-signing secret and
    the session generation."""

    host: str
    secret: bytes
    token: str | None = None
    extra_hosts: tuple[str, ...] = ()
    feed_token: str | None = None
    generation: Generation = field(default_factory=Generation)
    # Where the tokens live, when the server reads them from the data folder: a new token
    # (`--new-token`, `--new-feed-token`) takes effect at once, the old one stops working.
    token_file: Watched | None = None
    feed_file: Watched | None = None
    allowed: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {self.host.lower(), *LOOPBACK, *(h.lower() for h in self.extra_hosts)}
        object.__setattr__(self, "allowed", frozenset(names))

    @property
    def needs_sign_in(self) -> bool:
        return not is_loopback(self.host)

    @property
    def mode(self) -> str:
        """Signed into every cookie: a loopback server signs every browser in without a
        token, so its cookies must mean nothing to a server that asks for one."""
        return "token" if self.needs_sign_in else "loopback"

    def host_ok(self, header: str) -> bool:
        """The Host header names this server: the bound host, localhost, an --allow-host
        name, or (when other machines may connect) any IP address. A DNS-rebinding page
        always sends its own domain name, never an address, so addresses are safe to take,
        and the phone can use whatever address the home network gave this machine."""
        name = host_name(header)
        if name in self.allowed:
            return True
        return self.needs_sign_in and is_ip_address(name)

    @staticmethod
    def _in_force(fixed: str | None, kept: Watched | None) -> str | None:
        """The token as it is now: the file's (a weak hand-written one opens nothing), or the
        one given when the guard was made."""
        if kept is None:
            return fixed
        token = kept.current() or None
        return None if token is None or weak_token(token) else token

    def token_ok(self, given: str | None) -> bool:
        token = self._in_force(self.token, self.token_file)
        if token is None or not given:
            return False
        return same(given, token)

    def feed_ok(self, given: str | None) -> bool:
        """The calendar feed's own token; the sign-in token never opens the feed."""
        token = self._in_force(self.feed_token, self.feed_file)
        if token is None or not given:
            return False
        return same(given, token)

    # -- session cookies: "<id>.<signed-in 0|1>.<issued, Unix seconds>.<signature>" -----------
    def _sign(self, text: str) -> str:
        return hmac.new(self.secret, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def _session_sig(self, body: str) -> str:
        # The generation and the mode are signed but not sent: a new generation or another
        # mode turns every earlier cookie's signature wrong.
        return self._sign(f"session|{self.mode}|{self.generation.current()}|{body}")

    def make_session(self, signed_in: bool, now: float) -> str:
        sid = secrets.token_urlsafe(18)
        body = f"{sid}.{int(signed_in)}.{int(now)}"
        return f"{body}.{self._session_sig(body)}"

    def read_session(self, cookie: str | None, now: float) -> tuple[str, bool] | None:
        """(session id, signed in) from a cookie whose signature holds, made by a server in
        this mode, in this generation, within the last SESSION_DAYS days; else None."""
        if not cookie or cookie.count(".") != 3 or not cookie.isascii():
            return None
        sid, flag, issued, sig = cookie.split(".")
        if flag not in ("0", "1") or not issued.isdigit() or len(issued) > 12:
            return None
        if not same(sig, self._session_sig(f"{sid}.{flag}.{issued}")):
            return None
        age = now - int(issued)
        if age > SESSION_SECONDS or age < -CLOCK_SKEW:
            return None
        return sid, flag == "1"

    def revoke_all(self) -> None:
        """End every session (logout): a new generation in the data folder."""
        self.generation.bump()

    def csrf_token(self, sid: str) -> str:
        return self._sign("csrf|" + sid)

    def csrf_ok(self, sid: str, given: str | None) -> bool:
        return bool(given) and same(str(given), self.csrf_token(sid))

    def origin_ok(self, origin: str | None, referer: str | None, scheme: str, host: str) -> bool:
        """The request came from one of our own pages: Origin (or, without it, Referer)
        names this very scheme://host."""
        own = f"{scheme}://{host}".lower()
        if origin:
            return origin.lower().rstrip("/") == own
        if referer:
            ref = referer.lower()
            return ref == own or ref.startswith(own + "/")
        return False


def load_guard(folder: Path, host: str, extra_hosts: tuple[str, ...] = ()) -> Guard:
    """The guard `pacer serve` runs with, from the data folder; a hand-written token that is
    too weak is refused with the command that makes a good one."""
    token = read_token(folder)
    feed = read_feed_token(folder)
    if token is not None and weak_token(token):
        raise PacerError(Message("serve.weak_token", path=folder / TOKEN_FILE))
    if feed is not None and weak_token(feed):
        raise PacerError(Message("serve.weak_feed_token", path=folder / FEED_TOKEN_FILE))
    return Guard(
        host,
        load_secret(folder),
        token,
        extra_hosts,
        feed,
        Generation(folder),
        Watched(folder / TOKEN_FILE),
        Watched(folder / FEED_TOKEN_FILE),
    )


class SignInThrottle:
    """Slows guessing: after FREE wrong tokens from one client address, each further try
    must wait 1, 2, 4 … up to MAX_WAIT seconds after the last wrong one, and is answered
    429 with Retry-After until then (nothing sleeps, so the server keeps serving). Kept in
    memory, at most LIMIT addresses; a right token clears the address."""

    FREE = 3
    MAX_WAIT = 300.0
    FORGET = 3600.0  # an address quiet this long starts afresh
    LIMIT = 4096

    def __init__(self) -> None:
        self._failures: dict[str, tuple[int, float]] = {}

    def _delay(self, count: int) -> float:
        if count < self.FREE:
            return 0.0
        return min(2.0 ** (count - self.FREE), self.MAX_WAIT)

    def wait(self, address: str, now: float) -> float:
        """Seconds this address must still wait before its token is looked at (0: go on)."""
        count, last = self._failures.get(address, (0, 0.0))
        if count == 0:
            return 0.0
        if now - last >= self.FORGET:
            del self._failures[address]
            return 0.0
        return max(0.0, last + self._delay(count) - now)

    def failed(self, address: str, now: float) -> None:
        count, last = self._failures.get(address, (0, now))
        if now - last >= self.FORGET:
            count = 0
        if address not in self._failures and len(self._failures) >= self.LIMIT:
            self._prune(now)
        self._failures[address] = (count + 1, now)

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)

    def _prune(self, now: float) -> None:
        stale = [a for a, (_, last) in self._failures.items() if now - last >= self.FORGET]
        for address in stale:
            del self._failures[address]
        if len(self._failures) >= self.LIMIT:
            # Under a flood from many addresses, forget the oldest half rather than grow.
            by_age = sorted(self._failures, key=lambda a: self._failures[a][1])
            for address in by_age[: len(by_age) // 2]:
                del self._failures[address]
