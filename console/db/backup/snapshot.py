"""Making a backup, and reading what a backup file holds.

A backup is one standalone SQLite file copied with SQLite's backup API in a
single step, i.e. from one consistent snapshot: in WAL mode other consoles
keep writing meanwhile and nothing they commit is half-copied.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.engine import URL

from console.core.errors import StorageError, ValidationError
from console.core.files import create_private_file
from console.core.ledger import ChainReport
from console.core.validation import printable
from console.db import schema
from console.db.audit import verify_ledger
from console.db.backup.files import (
    SQLITE_MAGIC,
    fsync,
    read_only,
    read_only_engine,
    sidecar,
    sqlite_file,
)
from console.db.engine import describe_url

# Present at every schema revision; the rest depends on the revision.
_CORE_TABLES = ("alembic_version", "chain_head", "events", "requests", "depots", "crews", "users")
_DATA_TABLES = ("events", "requests", "crews", "depots", "partners", "users")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds, as far as restoring needs to know."""

    path: Path
    schema_revision: str
    events: int
    requests: int
    depots: int


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]) for row in rows}


def _count(connection: sqlite3.Connection, table: str) -> int:
    row = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(row[0]) if row else 0


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is an intact SQLite file with the console's ledger and core tables.

    Whether its whole schema is the console's own at its revision is
    :func:`console.db.backup.schema_match.schema_difference`'s question. Raises ``file.unreadable`` or ``backup.invalid`` with a one-line reason,
    ``db.too_new`` for a backup made by a newer console.
    """
    shown = printable(str(path))

    def invalid(detail: str) -> ValidationError:
        return ValidationError("backup.invalid", path=shown, detail=detail)

    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError("file.unreadable", path=shown, detail=exc.strerror or str(exc)) from None
    if magic != SQLITE_MAGIC:
        raise invalid("it is not an SQLite database")
    try:
        with closing(read_only(path)) as connection:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise invalid(f"it is damaged ({check[0] if check else 'no answer'})")
            missing = sorted(set(_CORE_TABLES) - _tables(connection))
            if missing:
                raise invalid(f"it lacks the table(s) {', '.join(missing)}")
            version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            head = connection.execute("SELECT 1 FROM chain_head WHERE id = 1").fetchone()
            counts = [_count(connection, t) for t in ("events", "requests", "depots")]
    except sqlite3.DatabaseError as exc:
        raise invalid(f"it is damaged ({exc})") from None
    if version is None or head is None:
        raise invalid("it has no schema revision or no chain head")
    if str(version[0]) not in schema.known_revisions():
        raise StorageError("db.too_new", current=str(version[0]))
    return BackupInfo(path, str(version[0]), *counts)


def backup_sqlite(url: URL, out: Path) -> tuple[BackupInfo, ChainReport]:
    """Copy the live database at ``url`` into the new file ``out`` and verify the copy.

    The copy is written beside ``out`` under a temporary name and renamed only
    once complete and checked, so ``out`` never holds half a backup.
    """
    source = sqlite_file(url)
    if not source.is_file():
        raise StorageError("db.unreachable", url=describe_url(url), detail="there is no such file")
    target = out.expanduser().absolute()
    if target.exists():
        raise ValidationError("file.exists", path=printable(str(out)))
    if not target.parent.is_dir():
        raise StorageError(
            "file.unwritable", path=printable(str(out)), detail="there is no such folder"
        )
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        create_private_file(partial)  # a backup holds callers' numbers: owner-only, 0600
        try:
            src = sqlite3.connect(source, timeout=30)
        except sqlite3.Error as exc:
            raise StorageError("db.unreachable", url=describe_url(url), detail=str(exc)) from None
        with closing(src), closing(sqlite3.connect(partial)) as dst:
            # One step (pages=-1) copies one snapshot; stepping would restart on every write.
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        fsync(partial)
        info = inspect_backup(partial)
        engine = read_only_engine(partial)
        try:
            ledger = verify_ledger(engine)
        finally:
            engine.dispose()
        partial.replace(target)
        fsync(target.parent)
    except (OSError, sqlite3.Error) as exc:
        detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise StorageError("file.unwritable", path=printable(str(out)), detail=detail) from None
    finally:
        partial.unlink(missing_ok=True)
    return replace(info, path=target), ledger


def holds_data(path: Path) -> bool:
    """True unless ``path`` is missing, empty, or a database without any rows of ours."""
    if not path.exists():
        return False
    if path.is_file() and path.stat().st_size == 0:
        return False
    wal = sidecar(path, "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        # Open elsewhere, or left by a crash: opening it here would fold that log into the file.
        return True
    try:
        with closing(sqlite3.connect(path, timeout=30)) as connection:
            tables = _tables(connection)
            return any(
                connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None
                for table in _DATA_TABLES
                if table in tables
            )
    except sqlite3.Error:
        return True  # not a database we can read: only --force may overwrite it
