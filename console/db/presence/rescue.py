"""Save a lost SQLite database through the connection that still has it open.

A deleted file lives on while a connection holds it: the pooled connections
of the console still read every committed row, journal included. Copying
from one of them with SQLite's online backup API gives a complete, consistent
database that ``restore`` accepts, instead of falling back to the last backup.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from console.core.errors import DomainError, StorageError, ValidationError
from console.core.files import atomic_path
from console.core.ports import RescueCopy
from console.core.validation import printable
from console.db.presence.guard import FileGuard, guard_for

__all__ = ["can_rescue", "rescue_copy"]


def can_rescue(engine: Engine) -> bool:
    """True for an engine on an SQLite file (PostgreSQL keeps no file of ours)."""
    return isinstance(guard_for(engine), FileGuard)


def rescue_copy(engine: Engine, target: Path) -> RescueCopy:
    """Copy what ``engine``'s open connection still reaches into the new file ``target``.

    Raises ``file.exists`` when ``target`` exists and ``db.rescue_failed`` when
    no connection reaches the lost file any more or the copy cannot be written.
    """
    shown = printable(str(target))
    if not can_rescue(engine):
        raise StorageError("db.rescue_failed", path=shown, detail="the database is not a file")
    target = target.expanduser().absolute()
    if target.exists():
        raise ValidationError("file.exists", path=shown)
    if not target.parent.is_dir():
        raise StorageError("db.rescue_failed", path=shown, detail="there is no such folder")
    try:
        # A pooled connection still holds the old file; a new one could not reach it.
        raw = engine.raw_connection()
    except (DBAPIError, DomainError) as exc:
        detail = "no open connection reaches the lost file any more"
        raise StorageError("db.rescue_failed", path=shown, detail=detail) from exc
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with atomic_path(target) as partial, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            events = int(copy.execute("SELECT count(*) FROM events").fetchone()[0])
            requests = int(copy.execute("SELECT count(*) FROM requests").fetchone()[0])
    except (OSError, sqlite3.Error) as exc:
        detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise StorageError("db.rescue_failed", path=shown, detail=detail) from None
    finally:
        raw.close()
    return RescueCopy(str(target), events, requests)
