"""`pacer doctor`: is the database sound, is it somewhere WAL is safe, and what in it does the
plan in force no longer name (reported, never deleted; a catch-up choice naming it fails)."""

from __future__ import annotations

import re
from pathlib import Path

from pacer.i18n import Message
from pacer.plan.model import Plan
from pacer.record import field, record
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal

    from pacer.service.orphans import Orphan
    from pacer.store.binding import PlanCopy

    Level = Literal["error", "warning", "info"]

# Filesystem types (as /proc/self/mountinfo names them) where SQLite's WAL is unsafe: its
# shared-memory index needs every process on one machine, and network locks are unreliable.
NETWORK_FILESYSTEMS = frozenset(
    {
        "9p",
        "afs",
        "ceph",
        "cifs",
        "coda",
        "davfs",
        "fuse.davfs2",
        "fuse.gcsfuse",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.sshfs",
        "glusterfs",
        "gpfs",
        "lustre",
        "ncpfs",
        "nfs",
        "nfs4",
        "ocfs2",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "sshfs",
        "vboxsf",
        "virtiofs",
    }
)
MOUNTINFO = Path("/proc/self/mountinfo")
_OCTAL = re.compile(r"\\([0-7]{3})")


# -- the filesystem ----------------------------------------------------------------------------
def _unescape(text: str) -> str:
    """Mount points in mountinfo write space, tab, newline and backslash as \\040 and so on."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), text)


def filesystem_of(path: Path, mountinfo: str) -> str | None:
    """The type of the filesystem holding `path` (absolute, symlinks resolved) by the
    mountinfo text: the mount with the longest mount point that contains it."""
    best: tuple[int, str] | None = None
    target = path.as_posix()
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or not tail:
            continue
        point = _unescape(fields[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), tail[0])
    return best[1] if best else None


def network_filesystem(path: Path, mountinfo: str | None = None) -> str | None:
    """The network filesystem type holding `path`, or None (local, or cannot tell: without
    /proc/self/mountinfo, i.e. off Linux, nothing is detected)."""
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    kind = filesystem_of(_resolved(path), mountinfo)
    if kind is None:
        return None
    if kind in NETWORK_FILESYSTEMS or kind.split(".")[-1] in NETWORK_FILESYSTEMS:
        return kind
    return None


def _resolved(path: Path) -> Path:
    """The path with symlinks resolved, through its nearest existing folder."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


# -- what the plan no longer names -------------------------------------------------------------
@record
class Stray:
    """A row naming a unit, habit, milestone, criterion, post or metric the plan lacks."""

    table: str
    id: int | None
    day: str  # the row's local date
    kind: str  # unit, habit, ritual, criterion, post, metric, milestone, prompt
    target: str
    minutes: int | None = None  # log entries only
    clear: str | None = None  # the command that clears it (None: the person's record, kept)


def strays(session: Session) -> list[Stray]:
    """Every row the plan in force no longer names, table by table, oldest first."""
    from pacer.schedule.blog import posts
    from pacer.schedule.catchup import stale_ids
    from pacer.schedule.progress import not_in_plan_entries
    from pacer.service.session import _entries
    from pacer.store.metrics import list_values
    from pacer.store.milestones import list_checks
    from pacer.store.notes import list_notes
    from pacer.store.reviews import list_reviews

    plan = session.plan
    store = session.store
    out: list[Stray] = []
    # The rule `pacer status` counts apart by: the two always name the same entries.
    for e in not_in_plan_entries(plan, _entries(session)):
        out.append(Stray("log", e.id, e.day.isoformat(), e.kind, e.target, e.minutes))
    criteria = _criteria(plan)
    for c in list_checks(store):
        if (c.milestone, c.criterion) not in criteria:
            target = f"{c.milestone}/{c.criterion}"
            out.append(Stray("milestone_checks", None, c.day.isoformat(), "criterion", target))
    post_ids = {p.id for p in posts(plan)}
    for n in list_notes(store):
        if n.post not in post_ids:
            out.append(Stray("notes", n.id, n.day.isoformat(), "post", n.post))
    metric_ids = {m.id for m in plan.metrics}
    for r in list_values(store):
        if r.metric not in metric_ids:
            out.append(Stray("metric_values", r.id, r.day.isoformat(), "metric", r.metric))
    prompt_ids = {p.id for p in plan.review.prompts}
    for review in list_reviews(store):
        for pid, _ in review.answers:
            if pid not in prompt_ids:
                target = f"{review.week}/{pid}"
                out.append(Stray("reviews", None, review.week.monday.isoformat(), "prompt", target))
    # A catch-up choice is in force, not a record: what it names that the plan lacks is
    # ignored, and it is cleared by dropping the choice.
    for choice in session.choices():
        day = choice.start or choice.due or choice.end
        shown = day.isoformat() if day else ""
        clear = f"pacer catchup --drop {choice.id}"
        for kind, target in stale_ids(plan, choice):
            out.append(Stray("catchup", choice.id, shown, kind, target, clear=clear))
    return out


def _criteria(plan: Plan) -> set[tuple[str, str]]:
    return {(m.id, c.id) for m in plan.milestones for c in m.criteria}


# -- the whole check ---------------------------------------------------------------------------
@record
class Finding:
    level: Level
    message: Message


@record
class DoctorReport:
    database: Path
    plan: str
    schema_version: int
    schema_latest: int
    integrity: list[str]  # [] when PRAGMA integrity_check says ok
    foreign_keys: list[str]
    filesystem: str | None  # the network filesystem the database is on, if it is
    sqlite: str  # the version of the SQLite pacer runs on
    strays: list[Stray]
    findings: list[Finding] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)  # log targets, with likely renames
    bound: PlanCopy | None = None  # the plan the data belongs to (None: nothing written yet)
    in_force: tuple[str, str] = ("", "")  # the plan in force: id, title

    @property
    def ok(self) -> bool:
        """Nothing wrong: no error and no warning. Records the plan no longer names (log,
        checks, values, notes, answers) are only reported: they are the person's record;
        a catch-up choice naming what the plan lacks is a warning (it is partly ignored)."""
        return all(f.level == "info" for f in self.findings)


def doctor(session: Session, mountinfo: str | None = None) -> DoctorReport:
    from pacer.service.orphans import orphans_of
    from pacer.service.progress import stale_catchup
    from pacer.store.care import foreign_key_problems, integrity_problems
    from pacer.store.db import SAFE_SQLITE, sqlite_version, version_is_safe
    from pacer.store.migrations import LATEST, schema_version

    store = session.store
    integrity = integrity_problems(store)
    foreign = foreign_key_problems(store)
    network = network_filesystem(store.path, mountinfo)
    found = strays(session) if not integrity else []
    findings: list[Finding] = []
    for line in integrity:
        findings.append(Finding("error", Message("doctor.integrity_bad", detail=line)))
    for line in foreign:
        findings.append(Finding("error", Message("doctor.foreign_key_bad", detail=line)))
    if network is not None:
        findings.append(
            Finding("warning", Message("doctor.network_fs", path=store.path, fs=network))
        )
    sqlite = sqlite_version()
    if not version_is_safe(sqlite):
        safe = ".".join(str(p) for p in SAFE_SQLITE)
        findings.append(
            Finding("error", Message("doctor.sqlite_unsafe", version=sqlite, safe=safe))
        )
    log = [s for s in found if s.table == "log"]
    if log:
        minutes = sum(s.minutes or 0 for s in log)
        findings.append(Finding("info", Message("doctor.stray_log", n=len(log), minutes=minutes)))
    # Under another plan every id looks orphaned: the binding's warning says what is wrong.
    orphans = [] if session.bound_elsewhere is not None else orphans_of(session, found)
    # An orphan nobody explained is a warning (a rename that lost its history, most
    # likely); one the person accepted is only noted.
    open_ = [o for o in orphans if not o.accepted]
    if open_:
        findings.append(Finding("warning", Message("renames.doctor.orphans", n=len(open_))))
    if len(open_) < len(orphans):
        n = len(orphans) - len(open_)
        findings.append(Finding("info", Message("renames.doctor.accepted", n=n)))
    choices = [s for s in found if s.table == "catchup"]
    others = len(found) - len(log) - len(choices)
    if others:
        findings.append(Finding("info", Message("doctor.stray_other", n=others)))
    for choice in session.choices():
        what = stale_catchup(session, choice)
        if what:
            findings.append(
                Finding("warning", Message("doctor.stale_choice", id=choice.id, what=what))
            )
    from pacer.store.binding import read_binding

    bound = read_binding(store)
    if session.bound_elsewhere is not None:
        other = next(n for n in session.notices if n.key == "binding.other_plan")
        findings.append(Finding("warning", other))
    return DoctorReport(
        store.path,
        session.compiled.source,
        schema_version(store),
        LATEST,
        integrity,
        foreign,
        network,
        sqlite,
        found,
        findings,
        orphans,
        bound,
        (session.plan.id, session.plan.title),
    )


def stray_json(s: Stray) -> dict[str, Any]:
    return {
        "table": s.table,
        "id": s.id,
        "date": s.day or None,
        "kind": s.kind,
        "target": s.target,
        "minutes": s.minutes,
        "clear": s.clear,
    }


def doctor_json(report: DoctorReport) -> dict[str, Any]:
    from pacer.service.orphans import orphan_json

    return {
        "ok": report.ok,
        "database": str(report.database),
        "plan": report.plan,
        "schema": {"version": report.schema_version, "latest": report.schema_latest},
        "integrity": report.integrity,
        "foreign_keys": report.foreign_keys,
        "network_filesystem": report.filesystem,
        "sqlite": report.sqlite,
        "not_in_plan": [stray_json(s) for s in report.strays],
        "orphans": [orphan_json(o) for o in report.orphans],
        "binding": binding_json(report),
        "findings": [
            {"level": f.level, "code": f.message.key, "text": str(f.message)}
            for f in report.findings
        ],
    }


def binding_json(report: DoctorReport) -> dict[str, Any]:
    """The plan the data belongs to beside the plan in force (see store/binding.py)."""
    bound = report.bound
    plan_id, title = report.in_force
    return {
        "database": None
        if bound is None
        else {
            "id": bound.plan_id,
            "title": bound.title,
            "source": bound.source,
            "sha256": bound.sha256,
        },
        "in_force": {"id": plan_id, "title": title},
        "matches": bound is None or bound.plan_id == plan_id,
    }
