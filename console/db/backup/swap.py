"""Putting a checked database file in place of the live one, and keeping the old one beside it.

The new file is complete, flushed and in the live file's folder before this
runs, so ``os.replace`` makes the swap atomic: whoever opens the database sees
either the old file or the new one, never a mixture. While it happens the old
file is held with an exclusive lock in rollback-journal mode, which proves no
console has it open and folds its write-ahead log into it; a -wal or -shm left
beside the path would otherwise be read as part of the new file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from itertools import count
from pathlib import Path

from console.core.errors import StorageError
from console.core.files import create_private_file
from console.db.backup.files import (
    SIDECARS,
    fsync,
    sidecar,
    starts_like_sqlite,
)

LOCK_WAIT_SECONDS = 2.0
"""How long to wait for a console's write to finish before calling the database busy."""

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def kept_name(target: Path, at: datetime, attempt: int = 0) -> Path:
    """``console.db.before-restore-20261203T071500Z`` (``-2``, ``-3``... if that name is taken)."""
    suffix = f".before-restore-{at:%Y%m%dT%H%M%SZ}" + (f"-{attempt + 1}" if attempt else "")
    return target.with_name(target.name + suffix)


def swap_in(ready: Path, target: Path, *, at: datetime, shown_url: str) -> Path | None:
    """Replace ``target`` by the file ``ready``; return where the old file is kept (None if none).

    Raises ``restore.in_use`` when another connection has the database open;
    ``target`` is then left exactly as it was.
    """
    if not target.exists():
        ready.replace(target)
        fsync(target.parent)
        return None
    with _exclusive(target, shown_url) as done:
        kept = _keep(target, at)
        try:
            ready.replace(target)
        except OSError:
            kept.unlink(missing_ok=True)
            raise
        done.append(True)
        # Nobody else has the file open (the lock proves it), so these belong to the old file only.
        for suffix in SIDECARS:
            sidecar(target, suffix).unlink(missing_ok=True)
        fsync(target.parent)
    return kept


@contextmanager
def _exclusive(target: Path, shown_url: str) -> Iterator[list[bool]]:
    """Hold ``target`` exclusively for the swap (or do nothing for a file SQLite cannot read).

    Yields a list the caller appends to once the swap is done; if it stays
    empty the old file's journal mode is put back.
    """
    done: list[bool] = []
    if not starts_like_sqlite(target):
        yield done
        return
    connection = sqlite3.connect(target, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
    locked = False
    try:
        try:
            before = str(connection.execute("PRAGMA journal_mode").fetchone()[0])
            # Leaving WAL needs every other connection closed: an open console makes this fail.
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
            if str(mode[0]).lower() != "delete":
                raise StorageError("restore.in_use", url=shown_url)
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            locked = True
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) in _BUSY_CODES:
                raise StorageError("restore.in_use", url=shown_url) from None
            # Otherwise it is damaged beyond SQLite's reading: nothing to lock, only bytes to keep.
        try:
            yield done
        finally:
            if locked:
                with suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                if not done:
                    with suppress(sqlite3.Error):
                        connection.execute(f"PRAGMA journal_mode={before}")
    finally:
        connection.close()


def _keep(target: Path, at: datetime) -> Path:
    """Give the live file a second name (or, where links are not possible, copy it), mode 0600."""
    for attempt in count():
        name = kept_name(target, at, attempt)
        try:
            os.link(target, name)
        except FileExistsError:
            continue
        except OSError:
            if not create_private_file(name):
                continue
            try:
                shutil.copyfile(target, name)
                fsync(name)
            except OSError:
                name.unlink(missing_ok=True)
                raise
            return name
        name.chmod(0o600)
        return name
    raise AssertionError("unreachable")  # pragma: no cover
