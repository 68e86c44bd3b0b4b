"""A per-engine guard that the SQLite file the engine opened is still the one on disk.

SQLite keeps writing into a file that was deleted (the open descriptors still
reach its inode) and quietly creates a new empty file for the next connection,
so without a check every commit after a deletion "succeeds" into a file that
vanishes at exit. The guard records the file's ``(st_dev, st_ino)`` when the
engine first reaches it and compares them with one ``stat`` before every
commit of the service layer and every change poll. A mismatch is a typed
:class:`~console.core.errors.StorageError`: ``db.file_missing`` or
``db.file_replaced``.
"""

from __future__ import annotations

import logging
import threading
import weakref
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, event

from console.core.errors import StorageError
from console.core.validation import printable

__all__ = ["FileGuard", "NoGuard", "PresenceGuard", "guard_for", "install_guard"]

logger = logging.getLogger(__name__)

Identity = tuple[int, int]
"""A file's ``(st_dev, st_ino)``: the same path can name another file later."""


class PresenceGuard(Protocol):
    """What the service layer and the readers ask before trusting the database."""

    def check(self) -> None:
        """Raise :class:`StorageError` when the database is not the one opened."""


class NoGuard:
    """The guard of a database without a file (PostgreSQL): nothing can vanish under it."""

    def check(self) -> None:
        """Always passes."""


NO_GUARD = NoGuard()


class FileGuard:
    """Watches one SQLite file: gone, or another file at its path, refuses the engine.

    The identity is taken when the engine first connects (or at once when the
    file already exists); :meth:`check` costs one ``stat``. A folder that went
    away as a whole (an unmounted share) is left to the connection to report as
    unreachable: it may come back with the same file, and the check then passes
    again. A file deleted or replaced stays refused until the console restarts.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity: Identity | None = None
        self._lock = threading.Lock()
        self.remember_current()

    @property
    def identity(self) -> Identity | None:
        """The ``(st_dev, st_ino)`` recorded, or None before the file first existed."""
        return self._identity

    def remember_current(self) -> None:
        """Record the identity of the file now at the path, if there is one and none yet."""
        with self._lock:
            if self._identity is None:
                self._identity = _identity(self.path)

    def accept_replacement(self) -> None:
        """Trust the file now at the path (after a deliberate swap, such as a restore)."""
        with self._lock:
            self._identity = _identity(self.path)

    def check_present(self) -> None:
        """Raise ``db.file_missing`` if a file was opened and none is at the path any more."""
        if self._identity is None or self.path.exists() or not self.path.parent.is_dir():
            return
        raise StorageError("db.file_missing", path=printable(str(self.path)))

    def check(self) -> None:
        """Raise ``db.file_missing`` or ``db.file_replaced`` if the file is not the one opened."""
        expected = self._identity
        if expected is None:
            self.remember_current()
            return
        try:
            found = self.path.stat()
        except FileNotFoundError:
            if not self.path.parent.is_dir():
                return  # the whole folder is away: the connection reports it, and it may return
            raise StorageError("db.file_missing", path=printable(str(self.path))) from None
        except OSError:
            return  # unreadable folder: the connection reports it
        if (found.st_dev, found.st_ino) != expected:
            raise StorageError("db.file_replaced", path=printable(str(self.path)))


def _identity(path: Path) -> Identity | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


_guards: weakref.WeakKeyDictionary[Engine, FileGuard] = weakref.WeakKeyDictionary()


def install_guard(engine: Engine, path: Path) -> FileGuard:
    """Watch ``path`` for ``engine``; a new connection to a file gone or replaced is refused.

    Refusing a missing file in ``do_connect`` keeps SQLite from creating an
    empty file in the place of the lost one, which a later start would take for
    a new database. A replaced file may still be connected to (a restore swaps
    the file on purpose and goes on reading it); the commit check refuses it.
    """
    guard = FileGuard(path.expanduser().absolute())
    _guards[engine] = guard

    @event.listens_for(engine, "do_connect")
    def _before_connect(*_args: Any) -> None:
        guard.check_present()

    @event.listens_for(engine, "connect")
    def _after_connect(*_args: Any) -> None:
        guard.remember_current()

    return guard


def guard_for(engine: Engine) -> PresenceGuard:
    """The guard of ``engine``: a :class:`FileGuard` for an SQLite file, else a no-op."""
    base = getattr(engine, "_proxied", engine)  # an engine with options shares its base's file
    guard = _guards.get(base)
    return NO_GUARD if guard is None else guard
