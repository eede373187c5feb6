"""`pacer backup`, `pacer import json` and `pacer doctor`: the data kept safe and checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacer.cli.common import add_json, flush_notices, print_json, session_from, show
from pacer.cli.text import pad
from pacer.i18n import Message, minutes_text, notice_json, rows_text, t, table_label
from pacer.service import accept_orphans, backup_database, doctor, doctor_json, import_json
from pacer.workspace import BUILTIN

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.service import DoctorReport

_MARK = {"error": "✗", "warning": "!", "info": "·"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    b = sub.add_parser("backup", parents=[common], help=t("help.backup"))
    # A string, not a Path: Path drops the trailing slash that says "a folder".
    b.add_argument("path", nargs="?", help=t("help.backup.path"))
    b.add_argument("--force", action="store_true", help=t("help.output.force"))
    add_json(b)
    b.set_defaults(handler=run_backup)

    i = sub.add_parser("import", parents=[common], help=t("help.import"))
    isub = i.add_subparsers(dest="import_command", metavar="json", parser_class=type(i))
    j = isub.add_parser("json", parents=[common], help=t("help.import.json"))
    j.add_argument("file", type=Path, help=t("help.import.json.file"))
    add_json(j)
    j.set_defaults(handler=run_import_json)

    def usage(args: argparse.Namespace) -> int:
        sys.stderr.write(f"pacer: {t('import.choose')}\n")
        return 2

    i.set_defaults(handler=usage)

    d = sub.add_parser("doctor", parents=[common], help=t("help.doctor"))
    d.add_argument("--accept-orphans", action="store_true", help=t("help.doctor.accept_orphans"))
    add_json(d)
    d.set_defaults(handler=run_doctor)


def run_backup(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        written = backup_database(session, args.path, args.force)
        flush_notices(session)
        size = written.stat().st_size
        if args.json:
            print_json({"source": str(session.store.path), "path": str(written), "bytes": size})
        else:
            kib = max(1, round(size / 1024))
            print(t("backup.written", source=session.store.path, path=written, size=kib))
    return 0


def run_import_json(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        done = import_json(session, args.file)
        flush_notices(session)
        if args.json:
            differs = [] if done.plan_matches else [Message("import.plan_differs")]
            print_json(
                {
                    "path": str(done.path),
                    "database": str(session.store.path),
                    "rows": dict(done.rows),
                    "plan_matches": done.plan_matches,
                    "plan_restored": None
                    if done.plan_restored is None
                    else str(done.plan_restored),
                    "notices": [notice_json(m) for m in differs],
                }
            )
            return 0
        detail = rows_text(done.rows)
        print(t("import.done", path=done.path, rows=sum(done.rows.values()), detail=detail))
        if done.plan_restored is not None:
            print(t("binding.plan_restored", path=done.plan_restored))
        if not done.plan_matches:
            sys.stderr.write(f"pacer: {t('import.plan_differs')}\n")
    return 0


def run_doctor(args: argparse.Namespace) -> int:
    with session_from(args) as session:
        accepted = accept_orphans(session) if args.accept_orphans else None
        report = doctor(session)
        flush_notices(session)
        if accepted is not None and not args.json:
            ids = ", ".join(o.target for o in accepted)
            key = "renames.accepted" if accepted else "renames.accepted_none"
            print(t(key, n=len(accepted), ids=ids))
        show(args, lambda: doctor_json(report), lambda: render_doctor(report))
    return 0 if report.ok else 1


def render_doctor(report: DoctorReport) -> list[str]:
    lines = [
        t("doctor.database", path=report.database),
        t("doctor.schema", version=report.schema_version, latest=report.schema_latest),
        t("doctor.plan", plan=t("doctor.builtin_plan") if report.plan == BUILTIN else report.plan),
        t("doctor.sqlite", version=report.sqlite),
        t("binding.doctor_none")
        if report.bound is None
        else t("binding.doctor", plan_id=report.bound.plan_id, title=report.bound.title),
        "",
    ]
    by_key: dict[str, list[str]] = {}
    for finding in report.findings:
        line = f"  {_MARK[finding.level]} {finding.message}"
        by_key.setdefault(finding.message.key, []).append(line)
    checks = (
        ("doctor.integrity_bad", "doctor.integrity_ok"),
        ("doctor.foreign_key_bad", "doctor.foreign_keys_ok"),
        ("doctor.network_fs", "doctor.local_fs"),
        ("doctor.sqlite_unsafe", "doctor.sqlite_safe"),
    )
    for bad, good in checks:
        lines += by_key.pop(bad, [f"  ✓ {t(good)}"])
    for rest in by_key.values():
        lines += rest
    if report.strays:
        lines += ["", t("doctor.stray_heading")]
        for s in report.strays:
            minutes = f"  {minutes_text(s.minutes)}" if s.minutes is not None else ""
            ident = f"#{s.id}" if s.id is not None else ""
            clear = f"  → {s.clear}" if s.clear else ""
            lines.append(
                f"  {pad(table_label(s.table), 18)} {ident:>6}  {s.day:<10}  "
                f"{t('doctor.kind.' + s.kind)} {s.target}{minutes}{clear}"
            )
    lines += render_orphans(report)
    errors = sum(f.level == "error" for f in report.findings)
    warnings = sum(f.level == "warning" for f in report.findings)
    lines.append("")
    if report.ok:
        lines.append(t("doctor.ok_with_notes" if report.findings else "doctor.all_ok"))
    else:
        lines.append(t("doctor.summary", errors=errors, warnings=warnings))
    return lines


def render_orphans(report: DoctorReport) -> list[str]:
    """Each orphan not accepted, with the `was:` line that would give its history back."""
    shown = [o for o in report.orphans if not o.accepted]
    if not shown:
        return []
    lines = ["", t("renames.heading")]
    for o in shown:
        head = f"  {t('doctor.kind.' + o.kind)} {o.target} ({minutes_text(o.minutes)}): "
        s = o.suggestion
        if s is None:
            lines.append(head + t("renames.no_guess"))
            continue
        kind = Message(f"ref.{s.kind}")
        if s.file is not None and s.line is not None:
            where = t("renames.where", file=s.file, line=s.line)
        else:
            where = t("renames.where_builtin")
        key = "renames.same_title" if s.by == "title" else "renames.closest"
        lines.append(head + t(key, was=s.was_line, kind=kind, id=s.id, where=where))
    lines.append("  " + t("renames.or_accept"))
    return lines
