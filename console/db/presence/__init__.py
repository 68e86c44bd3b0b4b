"""Noticing a database file that disappears or is replaced under a running console.

:mod:`~console.db.presence.guard` watches the SQLite file each engine opened
(its device and inode) and refuses a commit or a change poll once the file is
gone or another file stands in its place; :mod:`console.core.database_memory`
(pure Python, so a console start can use it before this layer loads)
remembers which database files held data, so a start never silently seeds
demo data where a database went missing. PostgreSQL has no file: there the
guard does nothing.
"""

from __future__ import annotations

from console.core.database_memory import DatabaseMemory, file_holds_data
from console.db.presence.guard import FileGuard, NoGuard, PresenceGuard, guard_for, install_guard

__all__ = [
    "DatabaseMemory",
    "FileGuard",
    "NoGuard",
    "PresenceGuard",
    "file_holds_data",
    "guard_for",
    "install_guard",
]
