"""Ordered, named schema migrations, each applied and recorded in one transaction."""

from __future__ import annotations

from pacer.clock import now_utc
from pacer.errors import PacerError
from pacer.i18n import Message

TYPE_CHECKING = False  # importing typing costs start-up time; only the checker needs it
if TYPE_CHECKING:
    from pacer.store.db import Connection, Store

# (version, name, SQL). Append only: a released migration is never edited.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "log_and_trips",
        """
        CREATE TABLE log (
            id INTEGER PRIMARY KEY,
            local_date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('unit', 'habit', 'ritual')),
            target TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes >= 0),
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX log_by_date ON log (local_date);
        CREATE INDEX log_by_target ON log (target);
        CREATE TABLE trips (
            id INTEGER PRIMARY KEY,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            uid TEXT UNIQUE,
            created_at TEXT NOT NULL,
            CHECK (end_date >= start_date)
        );
        """,
    ),
    (
        2,
        "catchup_choices",
        """
        CREATE TABLE catchup (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('stretch', 'defer', 'move_due')),
            milestone TEXT NOT NULL,
            start_date TEXT,
            end_date TEXT,
            units TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        """,
    ),
    (
        3,
        "reviews_checks_metrics_notes",
        """
        CREATE TABLE reviews (
            week TEXT PRIMARY KEY,
            answers TEXT NOT NULL,
            facts TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE milestone_checks (
            milestone TEXT NOT NULL,
            criterion TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            local_date TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            PRIMARY KEY (milestone, criterion)
        );
        CREATE TABLE metric_values (
            id INTEGER PRIMARY KEY,
            metric TEXT NOT NULL,
            local_date TEXT NOT NULL,
            value REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            logged_at TEXT NOT NULL
        );
        CREATE INDEX metric_values_by_metric ON metric_values (metric, local_date);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            post TEXT NOT NULL,
            local_date TEXT NOT NULL,
            text TEXT NOT NULL,
            logged_at TEXT NOT NULL
        );
        CREATE INDEX notes_by_post ON notes (post, local_date);
        """,
    ),
    (
        4,
        "catchup_focus",
        # A catch-up choice may put a milestone's units first ('focus'). SQLite cannot
        # change a CHECK in place: the table is made anew, its rows (and ids) copied over.
        """
        CREATE TABLE catchup_new (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('stretch', 'defer', 'move_due', 'focus')),
            milestone TEXT NOT NULL,
            start_date TEXT,
            end_date TEXT,
            units TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        INSERT INTO catchup_new
            (id, kind, milestone, start_date, end_date, units, due_date, reason, created_at)
            SELECT id, kind, milestone, start_date, end_date, units, due_date, reason, created_at
            FROM catchup;
        DROP TABLE catchup;
        ALTER TABLE catchup_new RENAME TO catchup;
        """,
    ),
    (
        5,
        "roster",
        # Days a roster imported from a calendar file gives a day template: one row per
        # event (or occurrence), found again by its calendar UID on the next import.
        """
        CREATE TABLE roster (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            template TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (end_date >= start_date)
        );
        CREATE INDEX roster_by_start ON roster (start_date);
        """,
    ),
    (
        6,
        "trip_kind_and_zone",
        # A trip is one kind of absence (the plan's `absences:`); trips recorded before were
        # all travel. `tz`: the zone of its days' block times, NULL for the plan's.
        """
        ALTER TABLE trips ADD COLUMN kind TEXT NOT NULL DEFAULT 'travel';
        ALTER TABLE trips ADD COLUMN tz TEXT
        """,
    ),
    (
        7,
        "audit",
        # Every change to a log entry, a metric value, a note, a trip or a milestone check:
        # one row written in the change's own transaction, with the row as JSON before (NULL:
        # it was added) and after (NULL: it was removed); row_id 0 for a check (found by its
        # milestone and criterion). `undoes`: the change an undo reverted (NULL: no undo).
        # Every other write (catchup … plan) leaves a marker row that undo stops at.
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            table_name TEXT NOT NULL CHECK (table_name IN ('log', 'metric_values', 'notes',
                'trips', 'milestone_checks', 'catchup', 'reviews', 'accepted_orphans',
                'roster', 'plan')),
            row_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove', 'undo')),
            before_json TEXT,
            after_json TEXT,
            undoes INTEGER REFERENCES audit (id),
            changed_at TEXT NOT NULL,
            CHECK (before_json IS NOT NULL OR after_json IS NOT NULL)
        );
        CREATE INDEX audit_by_row ON audit (table_name, row_id);
        CREATE INDEX audit_undoes ON audit (undoes)
        """,
    ),
    (
        8,
        "plan_versions",
        # Every distinct plan content pacer ran with, content-addressed (BLAKE2b-256 of the
        # file's bytes) and zlib-compressed; `id` is the version number people type. A row of
        # plan_in_force each time the plan in force changes (also back to an older version),
        # so that a past day can be judged by the plan it had.
        """
        CREATE TABLE plan_versions (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL UNIQUE,
            content BLOB NOT NULL,
            plan_id TEXT NOT NULL DEFAULT '',
            first_seen TEXT NOT NULL,
            day TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE plan_in_force (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL REFERENCES plan_versions (id),
            since TEXT NOT NULL,
            day TEXT NOT NULL
        );
        CREATE INDEX plan_in_force_by_day ON plan_in_force (day)
        """,
    ),
    (
        9,
        "accepted_orphans",
        # Ids the log names that the plan no longer has, which the person said are meant to
        # be so (`pacer doctor --accept-orphans`): doctor stops counting them as problems.
        """
        CREATE TABLE accepted_orphans (
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            accepted_at TEXT NOT NULL,
            PRIMARY KEY (kind, target)
        )
        """,
    ),
    (
        10,
        "plan_binding",
        # The plan the data belongs to (issue 14): its id, recorded on the first write and
        # changed only by `pacer plan use`; with a copy of that plan's bytes, so that a
        # backup of the database alone holds the plan too. One row (id = 1).
        """
        CREATE TABLE plan_binding (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            plan_id TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            plan_text BLOB NOT NULL,
            bound_at TEXT NOT NULL
        )
        """,
    ),
    (
        11,
        "timer",
        # The running timer (`pacer start`/`stop`, the web's Start/Stop): at most one row,
        # held by SQL itself (id is always 1), so that two devices cannot start two.
        # local_date is the study day it started: the day its minutes are logged on.
        """
        CREATE TABLE timers (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            target_kind TEXT NOT NULL CHECK (target_kind IN ('unit', 'habit', 'ritual')),
            target TEXT NOT NULL,
            local_date TEXT NOT NULL,
            started_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )
        """,
    ),
    (
        12,
        "review_decisions",
        # A review that decides (issue 15): per week, what was decided for each milestone
        # that slipped — keep, a catch-up option or a moved due date (both recorded in
        # catchup, whose id is kept here) — written in one transaction with the review.
        """
        CREATE TABLE review_decisions (
            id INTEGER PRIMARY KEY,
            week TEXT NOT NULL,
            milestone TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('keep', 'catchup', 'move')),
            option INTEGER,
            catchup_id INTEGER,
            choice TEXT,
            due_date TEXT,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (week, milestone)
        )
        """,
    ),
    (
        13,
        "data_version",
        # The data version (issue 16): one row, changed in the same transaction as every
        # write (Store.write), so that a cache keyed by it (the rendered day, the charts) is
        # never stale. The counter orders; the token, new at every write, tells two
        # databases (a restored backup that went another way) apart at the same count.
        """
        CREATE TABLE data_version (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            counter INTEGER NOT NULL,
            token TEXT NOT NULL
        );
        INSERT INTO data_version (id, counter, token) VALUES (1, 0, lower(hex(randomblob(8))))
        """,
    ),
)

LATEST = MIGRATIONS[-1][0]


def _applied(conn: Connection) -> set[int]:
    known = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if known is None:
        return set()
    return {int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(store: Store) -> None:
    """Apply what is missing. An up-to-date database is only read (no write lock taken on
    every command); each migration re-reads what is applied inside its own transaction, so
    two processes opening a new database at once apply each migration once."""
    applied = _applied(store.conn)
    newest = max(applied, default=0)
    if newest > LATEST:
        raise PacerError(Message("store.too_new", version=newest, supported=LATEST))
    if newest == LATEST and len(applied) == len(MIGRATIONS):
        return
    for version, name, sql in MIGRATIONS:
        with store.write() as tx:
            tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            if version in _applied(tx):
                continue
            # One statement at a time, inside this transaction.
            for statement in sql.split(";"):
                if statement.strip():
                    tx.execute(statement)
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, now_utc().isoformat(timespec="seconds")),
            )


def pending(store: Store) -> bool:
    """Whether the database lacks a migration this pacer has (or has no schema at all)."""
    return len(_applied(store.conn)) < len(MIGRATIONS)


def created_at(store: Store) -> str | None:
    """When this database was made (its first migration's time, UTC ISO 8601)."""
    row = store.conn.execute("SELECT min(applied_at) FROM schema_migrations").fetchone()
    return None if row is None or row[0] is None else str(row[0])


def schema_version(store: Store) -> int:
    return max(_applied(store.conn), default=0)
