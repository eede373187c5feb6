"""The dashboard's locks: the access token, the signing secret, session cookies, CSRF tokens,
the Host allow-list and the Origin check. No web framework is imported here."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_FILE = "web-token"
SECRET_FILE = "web-secret"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def _write_private(path: Path, text: str) -> None:
    from pacer.workspace import write_private_atomic

    write_private_atomic(path, (text + "\n").encode("utf-8"))


def read_token(folder: Path) -> str | None:
    path = folder / TOKEN_FILE
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return token or None


def new_token(folder: Path) -> str:
    """A fresh access token, stored (mode 0600) in place of any previous one."""
    token = secrets.token_urlsafe(32)
    _write_private(folder / TOKEN_FILE, token)
    return token


def load_secret(folder: Path) -> bytes:
    """The key that signs session cookies; made on first use and kept in the data folder."""
    path = folder / SECRET_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
    if not text:
        text = secrets.token_hex(32)
        _write_private(path, text)
    return bytes.fromhex(text)


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
    token (None: none made yet) and the cookie-signing secret."""

    host: str
    secret: bytes
    token: str | None = None
    extra_hosts: tuple[str, ...] = ()
    allowed: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {self.host.lower(), *LOOPBACK, *(h.lower() for h in self.extra_hosts)}
        object.__setattr__(self, "allowed", frozenset(names))

    @property
    def needs_sign_in(self) -> bool:
        return not is_loopback(self.host)

    def host_ok(self, header: str) -> bool:
        """The Host header names this server: the bound host, localhost, an --allow-host
        name, or (when other machines may connect) any IP address. A DNS-rebinding page
        always sends its own domain name, never an address, so addresses are safe to take,
        and the phone can use whatever address the home network gave this machine."""
        name = host_name(header)
        if name in self.allowed:
            return True
        return self.needs_sign_in and is_ip_address(name)

    def token_ok(self, given: str | None) -> bool:
        if self.token is None or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    # -- session cookies: "<id>.<signed-in 0|1>.<signature>" -----------------------------------
    def _sign(self, text: str) -> str:
        return hmac.new(self.secret, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def make_session(self, signed_in: bool) -> str:
        sid = secrets.token_urlsafe(18)
        body = f"{sid}.{int(signed_in)}"
        return f"{body}.{self._sign('session|' + body)}"

    def read_session(self, cookie: str | None) -> tuple[str, bool] | None:
        """(session id, signed in) from a cookie whose signature holds, else None."""
        if not cookie or cookie.count(".") != 2:
            return None
        sid, flag, sig = cookie.split(".")
        if flag not in ("0", "1"):
            return None
        if not hmac.compare_digest(sig, self._sign(f"session|{sid}.{flag}")):
            return None
        return sid, flag == "1"

    def csrf_token(self, sid: str) -> str:
        return self._sign("csrf|" + sid)

    def csrf_ok(self, sid: str, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(str(given), self.csrf_token(sid))

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
