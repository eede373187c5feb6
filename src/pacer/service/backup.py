"""Backup and restore: everything in the database as one JSON document and back, and a copy
of the database file through SQLite's online backup API."""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from pathlib import Path

from pacer import __version__, clock
from pacer.errors import PacerError
from pacer.i18n import Message
from pacer.record import record
from pacer.service.session import Session

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from pacer.store.binding import PlanCopy
    from pacer.store.db import Connection
    from pacer.store.planversions import InForce, PlanVersion

FORMAT = "pacer-export"
# Bump when what an export holds changes in a way an older pacer would misread or lose
# (a new table or column counts: an older pacer would drop it). Never reuse a number.
# 2: the plan file itself ("plan": id, title, text) and the database's plan binding.
# 3: the plan versions ("plan": "versions", "in_force"), each version's plan file as text.
# 4: the table review_decisions (what each weekly review decided per slipped milestone).
FORMAT_VERSION = 4
IMPORT_LIMIT = 256 * 1024 * 1024  # bytes; a year of logs is well under 1 MB

# Columns that hold JSON text in the database: exported as the JSON they hold.
_JSON_COLUMNS = frozenset({("reviews", "answers"), ("reviews", "facts")})
_WEEK = re.compile(r"^\d{4}-W\d{2}$", re.ASCII)


# -- export ------------------------------------------------------------------------------------
def plan_sha256(session: Session) -> str:
    """The SHA-256 of the bytes of the plan in force (pacer's version plays no part)."""
    import hashlib

    from pacer.plan.builtin import builtin_plan_path
    from pacer.workspace import BUILTIN, read_plan_file

    source = session.compiled.source
    path = builtin_plan_path() if source == BUILTIN else Path(source)
    return hashlib.sha256(read_plan_file(path)).hexdigest()


def export_document(session: Session) -> dict[str, Any]:
    """Everything the database holds about the person, with what it was made against."""
    from pacer.store.care import dump_tables
    from pacer.store.migrations import schema_version

    tables = dump_tables(session.store)
    for name, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if (name, column) in _JSON_COLUMNS:
                    row[column] = _embedded(value)
                elif isinstance(value, bytes):  # no column holds bytes; refuse to guess
                    raise PacerError(Message("export.bytes", table=name, column=column))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version(session.store),
        "pacer_version": __version__,
        "exported_at": clock.now_utc().isoformat(timespec="seconds"),
        "plan": plan_document(session),
        "tables": tables,
    }


def plan_document(session: Session) -> dict[str, Any]:
    """The plan in force, whole: where it was read from, its id and title, the SHA-256 of
    its bytes and the bytes as text (a plan file is UTF-8), so that an export alone
    restores everything; with every stored plan version and when each was in force."""
    copy = session.plan_copy()
    versions, in_force = export_plan_versions(session)
    return {
        "source": copy.source,
        "sha256": copy.sha256,
        "id": copy.plan_id,
        "title": copy.title,
        "text": copy.text.decode("utf-8"),
        "versions": versions,
        "in_force": in_force,
    }


def export_plan_versions(session: Session) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stored plan versions, oldest first, each with its plan file as text (not its
    compressed bytes: an export is read by people too), and each change of the plan in force."""
    from pacer.store.planversions import dump_versions

    versions, in_force = dump_versions(session.store)
    return [
        {
            "version": v.number,
            "digest": v.digest,
            "plan_id": v.plan_id,
            "first_seen": v.first_seen.isoformat(timespec="seconds"),
            "day": v.day.isoformat(),
            "reason": v.reason,
            # A version was loaded as a plan when it was recorded: its bytes are UTF-8.
            "text": content.decode("utf-8"),
        }
        for v, content in versions
    ], [
        {
            "version": f.number,
            "since": f.since.isoformat(timespec="seconds"),
            "day": f.day.isoformat(),
        }
        for f in in_force
    ]


def _embedded(value: object) -> object:
    """JSON text as the JSON it holds; anything else (never written by pacer) as the text."""
    try:
        parsed = json.loads(str(value))
    except ValueError:
        return value
    return parsed if isinstance(parsed, dict | list) else value


def export_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_json(
    session: Session, output: Path | None, force: bool = False
) -> tuple[str, dict[str, int]]:
    """The export as text, written atomically to `output` when given (an existing file is
    refused, or with `force` replaced in one piece). Returns the text and the row count per
    table."""
    from pacer.workspace import refuse_existing, write_file_atomic

    if output is not None:
        if output.is_dir():
            raise PacerError(Message("export.is_dir", path=output))
        refuse_existing([output], force)
    document = export_document(session)
    text = export_text(document)
    if output is not None:
        write_file_atomic(output, text.encode("utf-8"), overwrite=force)
    return text, {name: len(rows) for name, rows in document["tables"].items()}


# -- import ------------------------------------------------------------------------------------
@record
class Imported:
    path: Path
    rows: dict[str, int]  # rows written per table
    plan_matches: bool  # the export was made against the plan in force
    plan_restored: Path | None = None  # the plan file written into the data folder


def import_json(session: Session, path: Path) -> Imported:
    """Load an export into the database, which must hold no data yet, in one transaction:
    every row or none. A file of a newer format (or schema) is refused."""
    from pacer.service.importcheck import check_rows
    from pacer.store.care import data_tables, load_tables
    from pacer.store.migrations import LATEST

    document = _read_document(path)
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PacerError(Message("import.bad_field", path=path, field="format_version"))
    if version > FORMAT_VERSION:
        raise PacerError(
            Message("import.too_new", path=path, version=version, supported=FORMAT_VERSION)
        )
    schema = document.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise PacerError(Message("import.bad_field", path=path, field="schema_version"))
    if schema > LATEST:
        raise PacerError(
            Message("import.schema_too_new", path=path, version=schema, supported=LATEST)
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise PacerError(Message("import.bad_field", path=path, field="tables"))
    known = data_tables(session.store)
    rows: dict[str, list[dict[str, object]]] = {}
    for name, listed in tables.items():
        if name not in known:
            raise PacerError(Message("import.unknown_table", path=path, table=name))
        if not isinstance(listed, list):
            raise PacerError(Message("import.bad_field", path=path, field=f"tables.{name}"))
        rows[name] = [_checked_row(path, name, i, row, known[name]) for i, row in enumerate(listed)]
    check_rows(path, rows)  # the rules the commands keep when they write such rows
    plan = document.get("plan")
    copy = _exported_plan(path, plan)
    versions = import_plan_versions(path, plan)
    # The rows belong to the plan they were exported with, and come with its versions: all
    # written in one transaction.
    load_tables(session.store, rows, copy, None if versions is None else versions.write)
    sha = plan.get("sha256") if isinstance(plan, dict) else None
    counts = {name: len(r) for name, r in rows.items()}
    same = sha == plan_sha256(session)
    restored = _restore_plan_file(copy) if copy is not None and not same else None
    if restored is not None:
        # Said when the session opened a fresh folder; the restored plan is in force now.
        session.notices[:] = [n for n in session.notices if n.key != "notice.builtin_plan"]
    # A restored plan file is the plan in force from now on, unless --plan names another.
    matches = same or (restored is not None and not session.plan_given)
    return Imported(path, counts, matches, restored)


_VERSION_KEYS = ("version", "digest", "plan_id", "first_seen", "day", "reason", "text")
_IN_FORCE_KEYS = ("version", "since", "day")
_DIGEST = re.compile(r"^[0-9a-f]{64}$", re.ASCII)


@record
class PlanVersions:
    """The plan versions of an export, checked, as the store writes them."""

    versions: list[tuple[PlanVersion, bytes]]
    in_force: list[InForce]

    def write(self, tx: Connection) -> None:
        from pacer.store.planversions import write_versions

        write_versions(tx, self.versions, self.in_force)


def import_plan_versions(path: Path, plan: object) -> PlanVersions | None:
    """The plan versions an export carries, checked field by field (a one-line refusal naming
    the field otherwise); None when it carries none (an export made before they travelled:
    the database keeps the version it recorded on its own)."""
    from pacer.store.planversions import InForce, PlanVersion
    from pacer.workspace import content_digest

    if not isinstance(plan, dict):
        return None
    listed, changes = plan.get("versions"), plan.get("in_force")
    if listed is not None and not isinstance(listed, list):
        raise PacerError(Message("import.bad_field", path=path, field="plan.versions"))
    if changes is not None and not isinstance(changes, list):
        raise PacerError(Message("import.bad_field", path=path, field="plan.in_force"))
    if not listed and not changes:
        return None
    versions: list[tuple[PlanVersion, bytes]] = []
    numbers: dict[str, int] = {}  # by digest: each plan content is stored once
    for index, item in enumerate(listed or ()):
        where = f"plan.versions[{index}]"
        row = _fields(path, where, item, _VERSION_KEYS)
        after = versions[-1][0].number if versions else 0  # numbers go up, each once
        number = _number(path, f"{where}.version", row["version"], after + 1)
        digest = row["digest"]
        if not isinstance(digest, str) or not _DIGEST.match(digest):
            raise PacerError(
                Message("import.bad_value", path=path, field=f"{where}.digest", value=digest)
            )
        text = _text(path, f"{where}.text", row["text"])
        if content_digest(text) != digest:
            raise PacerError(Message("import.version_digest", path=path, field=f"{where}.text"))
        if digest in numbers:
            raise PacerError(
                Message("import.version_twice", path=path, field=where, other=numbers[digest])
            )
        numbers[digest] = number
        version = PlanVersion(
            number,
            digest,
            _text(path, f"{where}.plan_id", row["plan_id"]).decode("utf-8"),
            _moment(path, f"{where}.first_seen", row["first_seen"]),
            _day(path, f"{where}.day", row["day"]),
            _text(path, f"{where}.reason", row["reason"]).decode("utf-8"),
        )
        versions.append((version, text))
    known = set(numbers.values())
    in_force: list[InForce] = []
    for index, item in enumerate(changes or ()):
        where = f"plan.in_force[{index}]"
        row = _fields(path, where, item, _IN_FORCE_KEYS)
        number = _number(path, f"{where}.version", row["version"], 1)
        if number not in known:
            raise PacerError(
                Message(
                    "import.in_force_unknown", path=path, field=f"{where}.version", version=number
                )
            )
        since = _moment(path, f"{where}.since", row["since"])
        in_force.append(InForce(number, since, _day(path, f"{where}.day", row["day"])))
    return PlanVersions(versions, in_force)


def _fields(path: Path, where: str, item: object, keys: tuple[str, ...]) -> dict[str, object]:
    """An object with exactly these keys (an unknown one, or one missing, is refused)."""
    if not isinstance(item, dict):
        raise PacerError(Message("import.bad_field", path=path, field=where))
    for key in item:
        if key not in keys:
            raise PacerError(Message("import.unknown_column", path=path, field=f"{where}.{key}"))
    for key in keys:
        if key not in item:
            raise PacerError(Message("import.bad_field", path=path, field=f"{where}.{key}"))
    return item


def _number(path: Path, field: str, value: object, least: int) -> int:
    """A version number (a row id of SQLite), at least `least`."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value < 2**63:
        raise PacerError(Message("import.bad_value", path=path, field=field, value=value))
    return value


def _text(path: Path, field: str, value: object) -> bytes:
    """A string, as the UTF-8 bytes pacer stores (a lone surrogate has none)."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8")
        except UnicodeEncodeError:
            pass
    raise PacerError(Message("import.bad_value", path=path, field=field, value=value))


def _moment(path: Path, field: str, value: object) -> datetime:
    """An ISO 8601 time with its UTC offset, as pacer writes them."""
    from pacer.bounds import in_absolute_range

    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or not in_absolute_range(moment.date()):
        raise PacerError(Message("import.bad_value", path=path, field=field, value=value))
    return moment


def _day(path: Path, field: str, value: object) -> date:
    """A local date, YYYY-MM-DD, as the tables' dates are checked."""
    if not isinstance(value, str) or not _fits("local_date", value):
        raise PacerError(Message("import.bad_value", path=path, field=field, value=value))
    return date.fromisoformat(value)


def _exported_plan(path: Path, plan: object) -> PlanCopy | None:
    """The plan file an export carries (format 2 on), checked as `pacer plan use` checks a
    plan: None for an older export, which carries only its hash."""
    import hashlib

    from pacer.plan.loader import load_plan_text
    from pacer.store.binding import PlanCopy

    if not isinstance(plan, dict) or "text" not in plan:
        return None
    text, source = plan.get("text"), plan.get("source")
    if not isinstance(text, str) or not isinstance(source, str):
        raise PacerError(Message("import.bad_field", path=path, field="plan.text"))
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if "sha256" in plan and plan["sha256"] != digest:
        # A plan edited inside an export would become a plan version nobody chose.
        raise PacerError(Message("import.version_digest", path=path, field="plan.text"))
    loaded = load_plan_text(data, f"{path}: plan.text")  # PlanInvalid: file:line:col
    return PlanCopy(loaded.id, loaded.title, source, digest, data)


def _restore_plan_file(copy: PlanCopy) -> Path | None:
    """The exported plan written into the data folder as plan.yaml, when none is there
    (a restore on a new machine); an existing plan file is never replaced."""
    from pacer.workspace import PLAN_FILE, data_dir, make_folder, write_file_atomic

    target = data_dir() / PLAN_FILE
    if target.exists():
        return None
    make_folder(target.parent)
    write_file_atomic(target, copy.text)
    return target


def _read_document(path: Path) -> dict[str, Any]:
    from pacer.bounds import loads_json
    from pacer.workspace import read_input_file

    too_big = Message("import.too_big", path=path, limit=IMPORT_LIMIT)
    data = read_input_file(path, IMPORT_LIMIT, "import json", too_big)
    try:
        document = loads_json(data.decode("utf-8"), path)  # nesting capped
    except UnicodeDecodeError:
        raise PacerError(Message("import.not_utf8", path=path)) from None
    except json.JSONDecodeError as exc:
        raise PacerError(
            Message("import.bad_json", path=path, line=exc.lineno, col=exc.colno, detail=exc.msg)
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PacerError(Message("import.not_export", path=path))
    return document


def _checked_row(
    path: Path, table: str, index: int, row: object, columns: list[str]
) -> dict[str, object]:
    """The row as the database takes it, or a one-line refusal naming the field."""
    where = f"tables.{table}[{index}]"
    if not isinstance(row, dict):
        raise PacerError(Message("import.bad_field", path=path, field=where))
    out: dict[str, object] = {}
    for column, value in row.items():
        field = f"{where}.{column}"
        if column not in columns:
            raise PacerError(Message("import.unknown_column", path=path, field=field))
        if (table, column) in _JSON_COLUMNS and isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)
        if not _fits(column, value):
            raise PacerError(Message("import.bad_value", path=path, field=field, value=value))
        out[column] = value
    return out


def _fits(column: str, value: object) -> bool:
    """Whether a value has the shape its column needs (NOT NULL and CHECKs are SQLite's)."""
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if column in _WHOLE_RANGES:
        # What SQLite can hold as a row id (and the commands would write): never an
        # OverflowError half-way through the import.
        low, high = _WHOLE_RANGES[column]
        return isinstance(value, int) and low <= value <= high
    if column == "value":  # finite and of sane size: checked with the rules (importcheck)
        return isinstance(value, float) or (isinstance(value, int) and abs(value) < 2**63)
    if not isinstance(value, str):
        return False
    if column == "local_date" or column.endswith("_date"):
        from pacer.bounds import in_absolute_range

        try:
            day = date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10 and in_absolute_range(day)
    if column == "week":
        return bool(_WEEK.match(value))
    return True


# Ids as SQLite's row ids; other whole numbers as SQLite's integers (their own rules, such as
# minutes in 0..1440, are the commands' rules, checked in importcheck with their words).
_WHOLE_RANGES = {
    "id": (1, 2**63 - 1),
    "minutes": (-(2**63), 2**63 - 1),
    "done": (0, 1),
    "row_id": (0, 2**63 - 1),  # the audit's: the id of the row changed (0: a row without one)
    "undoes": (1, 2**63 - 1),
}


# -- backup ------------------------------------------------------------------------------------
_BACKUP_NAME = re.compile(r"^pacer-\d{8}-\d{6}(?:_\d+)?\.db$")


def backup_database(session: Session, target: str | None, force: bool = False) -> Path:
    """Copy the database through SQLite's online backup API (safe while another process
    writes), written atomically, and return the copy's path.

    `target` is a folder to add a new backup to — the data directory's backups/ when None, a
    folder that exists, or any path ending in a slash (made, 0700, when missing) — or else a
    file, which is only replaced with `force`. A backup in a folder never replaces another:
    pacer-YYYYMMDD-HHMMSS.db, then _2, _3 … within the same second. A killed backup's
    temporary file in that folder is removed first (see workspace.remove_stale_temps)."""
    from pacer.store.backup import backup_into
    from pacer.workspace import (
        atomic_target,
        data_dir,
        make_folder,
        refuse_existing,
        remove_stale_temps,
    )

    store = session.store
    _keep_plan_current(session)
    folder: Path | None = None
    if target is None:
        folder = data_dir() / "backups"
    elif target.endswith(("/", os.sep)) or Path(target).is_dir():
        folder = Path(target)
    if folder is not None:
        make_folder(folder)
        remove_stale_temps(folder, lambda name: bool(_BACKUP_NAME.match(name)))
        for _attempt in range(_NAME_ATTEMPTS):
            path = _unused_name(folder, session.plan.timezone)
            try:
                with atomic_target(path) as tmp:
                    backup_into(store, tmp)
                return path
            except PacerError as exc:
                if exc.message.key != "file.exists":
                    raise
                # Another backup took that name meanwhile (both made one in one second).
        raise PacerError(Message("file.exists", path=path))
    path = Path(str(target))
    live = store.path.resolve()
    if path.resolve() in (live, *(live.with_name(live.name + s) for s in ("-wal", "-shm"))):
        raise PacerError(Message("backup.onto_database", path=path))
    refuse_existing([path], force)
    with atomic_target(path, overwrite=force) as tmp:
        backup_into(store, tmp)
    return path


def _keep_plan_current(session: Session) -> None:
    """A backup holds the bytes of the plan in force (the binding's copy, refreshed when the
    plan file was edited since), so that the backup alone restores everything."""
    from pacer.store.binding import bind, read_binding

    store = session.store
    if store.read_only or session.bound_elsewhere is not None or session.previews():
        # A read-only copy keeps what it has; another plan's data keeps its own plan; a
        # one-off --plan of a draft is not the plan the data belongs to.
        return
    bound = read_binding(store)
    if bound is None:
        return  # nothing written yet: nothing to restore
    copy = session.plan_copy()
    if bound.sha256 != copy.sha256 or bound.source != copy.source:
        bind(store, copy)


_NAME_ATTEMPTS = 100  # backups racing for the names of one second, each taking the next


def _unused_name(folder: Path, plan_zone: str) -> Path:
    """The first free name for a backup made now, on the person's wall clock ("_2" sorts
    after ".db", so a listing by name keeps the order they were made in)."""
    stamp = clock.shown_at(clock.now_utc(), plan_zone).strftime("%Y%m%d-%H%M%S")
    path = folder / f"pacer-{stamp}.db"
    count = 1
    while os.path.lexists(path):
        count += 1
        path = folder / f"pacer-{stamp}_{count}.db"
    return path
