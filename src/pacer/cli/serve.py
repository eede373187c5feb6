"""`pacer serve`: the web dashboard for the phone and the desk (Starlette under uvicorn)."""

from __future__ import annotations

import argparse

from pacer.errors import PacerError
from pacer.i18n import Message, t

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common], help=t("help.serve"))
    p.add_argument("--host", default=DEFAULT_HOST, help=t("help.serve.host", host=DEFAULT_HOST))
    p.add_argument(
        "--port", default=str(DEFAULT_PORT), help=t("help.serve.port", port=DEFAULT_PORT)
    )
    p.add_argument(
        "--new-token",
        action="store_true",
        help=t("help.serve.new_token"),
    )
    p.add_argument(
        "--new-feed-token",
        action="store_true",
        help=t("help.serve.new_feed_token"),
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help=t("help.serve.allow_host"),
    )
    p.set_defaults(handler=run_serve)


def prepare(args: argparse.Namespace) -> Any:
    """The app `pacer serve` would run, or None after --new-token / --new-feed-token;
    refuses a non-loopback bind without a token, a weak hand-written token anywhere, a port
    outside 1..65535, and a broken PACER_NOW or PACER_TZ (which would fail every request)."""
    from pacer import clock
    from pacer.bounds import parse_int

    args.port = parse_int(str(args.port), 1, 65535, "input.bad_number", option="--port")
    clock.now_local()
    from pacer.web.security import (
        FEED_TOKEN_FILE,
        TOKEN_FILE,
        is_loopback,
        load_guard,
        new_feed_token,
        new_token,
    )
    from pacer.workspace import data_dir

    folder = data_dir()
    if args.new_token or getattr(args, "new_feed_token", False):
        if args.new_token:
            token = new_token(folder)  # also ends every session signed in so far
            print(t("serve.token_made", path=folder / TOKEN_FILE, token=token))
        if getattr(args, "new_feed_token", False):
            feed = new_feed_token(folder)
            print(t("serve.feed_token_made", path=folder / FEED_TOKEN_FILE, token=feed))
        return None
    guard = load_guard(folder, args.host, tuple(args.allow_host))
    if not is_loopback(args.host) and guard.token is None:
        raise PacerError(Message("serve.needs_token", host=args.host))
    from pacer.web.app import create_app
    from pacer.workspace import compile_plan, resolve_plan_path

    # Read the plan now: a broken plan stops the server before it listens, and the first
    # request (a refused ?date= included) does not pay for compiling it.
    compile_plan(*resolve_plan_path(getattr(args, "plan", None)))

    return create_app(guard, getattr(args, "db", None), getattr(args, "plan", None))


WILDCARDS = ("0.0.0.0", "::", "")


def lan_address() -> str | None:
    """This machine's IPv4 address on its default route, or None. Connecting a UDP socket
    only picks the route; no packet is sent (192.0.2.1 is a documentation address)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def run_serve(args: argparse.Namespace) -> int:
    app = prepare(args)
    if app is None:
        return 0
    import uvicorn

    # Bind first: "serves on …" is said only once the port is really ours.
    sock = listening_socket(args.host, args.port)
    print(t("serve.listening", host=args.host, port=args.port), flush=True)
    address = lan_address() if args.host in WILDCARDS else None
    if address is not None:
        # What to type on the phone: the address the home network gave this machine.
        print(t("serve.from_phone", address=address, port=args.port), flush=True)
    config = uvicorn.Config(
        app, host=args.host, port=args.port, log_level="warning", proxy_headers=False
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def listening_socket(host: str, port: int) -> Any:
    """A socket bound to host:port (listened on by the server), or one line saying why not
    (the port is taken, the address is not this machine's)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP said outright: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say so, and with it on a page sent in two writes waits 40 ms for the
    # client's delayed ACK (measured: Today at 88 req/s instead of 500).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        detail = exc.strerror or str(exc)
        raise PacerError(
            Message("serve.cannot_listen", host=host, port=port, detail=detail)
        ) from None
    return sock
