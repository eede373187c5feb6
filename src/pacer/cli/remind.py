"""`pacer remind`: the day's agenda pushed to the phone through apprise; `--systemd` units."""

from __future__ import annotations

import argparse

from pacer.cli.common import add_date, flush_notices, session_from
from pacer.i18n import current_lang, minutes_text, t

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.service.remind import Agenda


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("remind", parents=[common], help=t("help.remind"))
    add_date(p)
    p.add_argument("--dry-run", action="store_true", help=t("help.remind.dry_run"))
    p.add_argument("--systemd", action="store_true", help=t("help.remind.systemd"))
    p.set_defaults(handler=run_remind)


def run_remind(args: argparse.Namespace) -> int:
    from pacer.service import parse_day
    from pacer.service.remind import (
        EXAMPLE_LINE,
        agenda_of,
        read_settings,
        send,
        services,
        settings_path,
        shown_urls,
    )

    if args.systemd:
        return run_systemd(args)
    path = settings_path()
    # The settings are checked before anything else, also by --dry-run when the file is
    # there: a wrong URL is said at once, not at 21:00 in the journal.
    targets = None
    if not args.dry_run or path.exists():
        targets = services(path, read_settings(path))
    with session_from(args) as session:
        day = parse_day(args.date, session.plan)
        agenda = agenda_of(session, day)
        flush_notices(session)
    if agenda.empty:
        print(t("remind.nothing", day=day.isoformat()))
        return 0
    title, body = render(agenda)
    if args.dry_run:
        print(title)
        print(body)
        print()
        if targets is None:
            print(t("remind.no_settings_yet", path=path, example=EXAMPLE_LINE))
        else:
            print(t("remind.would_send", urls=" ".join(shown_urls(targets))))
        return 0
    assert targets is not None
    send(targets, path, title, body)
    print(t("remind.sent", day=day.isoformat(), n=len(targets)))
    return 0


def render(agenda: Agenda) -> tuple[str, str]:
    """The message's title and body in the interface language: each block at its time with
    its minutes (a work block's units under it), then the review if it is due."""
    weekday = t("weekday." + agenda.weekday)
    day = agenda.day.isoformat()
    if agenda.template:
        title = t("remind.title", weekday=weekday, day=day, template=agenda.template)
    else:
        title = t("remind.title_plain", weekday=weekday, day=day)
    lines = [] if agenda.back is None else [f"! {agenda.back}"]
    for b in agenda.blocks:
        line = f"{b.start:%H:%M}–{b.end:%H:%M} {b.title} · {minutes_text(b.minutes, b.max_minutes)}"
        if b.logged:
            line += " " + t("remind.logged", minutes=minutes_text(b.logged))
        lines.append(line)
        for item in b.items:
            lines.append(f"  · {item.title} · {minutes_text(item.minutes)} [{item.unit}]")
    if agenda.review is not None:
        lines.append(f"! {agenda.review}")
    return title, "\n".join(lines)


def run_systemd(args: argparse.Namespace) -> int:
    """Print a oneshot service and a timer that runs it when each weekday of the normal week
    begins; nothing is written (the person saves them where the comments say)."""
    import os
    import shutil
    import sys
    from pathlib import Path

    from pacer.errors import PacerError
    from pacer.i18n import Message
    from pacer.service.remind import on_calendar, start_times, timer_zone

    with session_from(args) as session:
        times = start_times(session.plan)
        zone = timer_zone(session.plan)
        flush_notices(session)
    if not times:
        raise PacerError(Message("remind.systemd.none"))
    found = shutil.which("pacer") or sys.argv[0]
    command = [str(Path(found).resolve()), "remind", "--lang", current_lang()]
    for option in ("plan", "db"):
        value = getattr(args, option, None)
        if value is not None:
            command += [f"--{option}", str(Path(value).resolve())]
    folder = "~/.config/systemd/user"
    lines = [
        t("remind.systemd.save_as", path=f"{folder}/pacer-remind.service"),
        "[Unit]",
        f"Description={t('remind.systemd.service')}",
        "",
        "[Service]",
        "Type=oneshot",
    ]
    # The timer runs where this command runs: the same data folder and time zone.
    for name in ("PACER_HOME", "PACER_TZ"):
        value = os.environ.get(name)
        if value:
            value = str(Path(value).resolve()) if name == "PACER_HOME" else value
            lines.append(f"Environment={_quoted(f'{name}={value}')}")
    lines += [
        "ExecStart=" + " ".join(_quoted(word) for word in command),
        "",
        t("remind.systemd.save_as", path=f"{folder}/pacer-remind.timer"),
        "[Unit]",
        f"Description={t('remind.systemd.timer')}",
        "",
        "[Timer]",
        *(f"OnCalendar={on_calendar(hhmm, days, zone)}" for hhmm, days in times),
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
        t("remind.systemd.enable"),
    ]
    print("\n".join(lines))
    return 0


def _quoted(word: str) -> str:
    """A word of a systemd command line: double-quoted when it has a space or a quote."""
    if any(c.isspace() or c in "\"'\\" for c in word):
        escaped = word.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    return word
