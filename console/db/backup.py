"""Online backup and restore of the embedded SQLite database.

A backup is one standalone SQLite file copied with SQLite's backup API in a
single step, i.e. from one consistent snapshot: in WAL mode other consoles
keep writing meanwhile and nothing they commit is half-copied. PostgreSQL is
backed up with its own tools (``pg_dump`` / ``pg_restore``), never by this module.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL

from console.core.errors import StorageError, ValidationError
from console.core.files import create_private_file
from console.core.ledger import ChainReport
from console.core.validation import printable
from console.db import schema
from console.db.audit import verify_ledger
from console.db.engine import describe_url, make_engine
from console.db.models import Base

SQLITE_MAGIC = b"SQLite format 3\x00"
_DATA_TABLES = ("events", "requests", "crews", "depots", "partners", "users")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds, as far as restoring needs to know."""

    path: Path
    schema_revision: str
    events: int
    requests: int
    depots: int


def sqlite_file(url: URL) -> Path:
    """The database file of an SQLite URL; ``backup.postgres`` for a PostgreSQL one."""
    if url.get_backend_name() != "sqlite" or not url.database:
        raise StorageError("backup.postgres")
    return Path(url.database).expanduser().absolute()


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)


def _read_only_engine(path: Path) -> Engine:
    # Not make_engine(): that would switch the file to WAL and leave -wal/-shm files beside it.
    return create_engine("sqlite://", creator=lambda: _read_only(path))


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]) for row in rows}


def _count(connection: sqlite3.Connection, table: str) -> int:
    row = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(row[0]) if row else 0


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is an intact SQLite file with this console's schema.

    Raises ``file.unreadable`` or ``backup.invalid`` with a one-line reason,
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
        with closing(_read_only(path)) as connection:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise invalid(f"it is damaged ({check[0] if check else 'no answer'})")
            missing = sorted({*Base.metadata.tables, "alembic_version"} - _tables(connection))
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
        _fsync(partial)
        info = inspect_backup(partial)
        engine = _read_only_engine(partial)
        try:
            ledger = verify_ledger(engine)
        finally:
            engine.dispose()
        partial.replace(target)
        _fsync(target.parent)
    except (OSError, sqlite3.Error) as exc:
        detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise StorageError("file.unwritable", path=printable(str(out)), detail=detail) from None
    finally:
        partial.unlink(missing_ok=True)
    return replace(info, path=target), ledger


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def holds_data(path: Path) -> bool:
    """True unless ``path`` is missing, empty, or a database without any rows of ours."""
    if not path.exists():
        return False
    if path.is_file() and path.stat().st_size == 0:
        return False
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


def restore_sqlite(backup: Path, url: URL, *, force: bool) -> tuple[BackupInfo, ChainReport]:
    """Copy ``backup`` into the database at ``url`` and verify the result.

    Refuses (``restore.not_empty``) to overwrite a database holding data unless
    ``force``. An older backup is upgraded to the current schema afterwards.
    """
    target = sqlite_file(url)
    info = inspect_backup(backup)
    if target.exists() and target.samefile(backup):
        raise ValidationError("backup.same_file", path=printable(str(backup)))
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        if holds_data(target) and not force:
            raise StorageError("restore.not_empty", url=describe_url(url))
        try:
            create_private_file(target)
            with (
                closing(_read_only(backup)) as src,
                closing(sqlite3.connect(target, timeout=30)) as dst,
            ):
                # The backup API writes into the live file under SQLite's own locks;
                # copying the file over it would leave a stale -wal file beside it.
                src.backup(dst)
        except sqlite3.Error as exc:
            raise StorageError("db.unreachable", url=describe_url(url), detail=str(exc)) from None
        schema.ensure_schema(engine, auto_upgrade=True)
        return info, verify_ledger(engine)
    finally:
        engine.dispose()
