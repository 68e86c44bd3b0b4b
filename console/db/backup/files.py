"""The files of an embedded SQLite database: where they are, how they are opened and made durable."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from console.core.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; each belongs to that one file and must not outlive it."""


def sqlite_file(url: URL) -> Path:
    """The database file of an SQLite URL; ``backup.postgres`` for a PostgreSQL one."""
    if url.get_backend_name() != "sqlite" or not url.database:
        raise StorageError("backup.postgres")
    return Path(url.database).expanduser().absolute()


def sidecar(path: Path, suffix: str) -> Path:
    """``path`` with one of :data:`SIDECARS` appended to its name."""
    return path.with_name(path.name + suffix)


def starts_like_sqlite(path: Path) -> bool:
    """True if ``path`` is a file beginning with SQLite's header (it may still be damaged)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes anything."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)
    # The file may come from anyone: SQL stored in its schema may not call risky functions.
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def read_only_engine(path: Path) -> Engine:
    """An engine over :func:`read_only` connections."""
    # Not make_engine(): that would switch the file to WAL and leave -wal/-shm files beside it.
    return create_engine("sqlite://", creator=lambda: read_only(path), poolclass=NullPool)


def scratch_engine(path: Path) -> Engine:
    """An engine on a private working file, in its own journal mode (no -wal left beside it)."""
    return create_engine(
        URL.create("sqlite", database=str(path)), poolclass=NullPool, connect_args={"timeout": 30}
    )


def fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder) to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_with_sidecars(path: Path) -> None:
    """Delete a working file and whatever SQLite left beside it."""
    for name in (path, *(sidecar(path, suffix) for suffix in SIDECARS)):
        name.unlink(missing_ok=True)
