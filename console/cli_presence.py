"""Databases that held data: the command line never creates one silently where one was lost.

The console start, ``seed`` and ``db upgrade`` would create an empty SQLite file
(and the console would load demo data into it) wherever the configured file is
missing. Where the list of remembered databases says that file held data, they
refuse with ``db.file_lost`` instead, unless ``--new-database`` says it is meant.
Kept free of the database layer: a console start asks before that layer loads.
"""

from __future__ import annotations

from pathlib import Path

from console.config import Settings, remembered_databases_file
from console.core.database_memory import DatabaseMemory
from console.core.errors import StorageError
from console.core.validation import printable

__all__ = ["lost_database", "refuse_lost_database", "remember_database", "sqlite_path"]


def sqlite_path(settings: Settings) -> Path | None:
    """The database file of ``settings`` (None for PostgreSQL, which keeps no file of ours).

    Read without SQLAlchemy: a console start asks this before the database layer loads.
    """
    scheme, separator, rest = settings.db_url.strip().partition(":///")
    if not separator or scheme not in {"sqlite", "sqlite+pysqlite"}:
        return None
    name = rest.split("?", 1)[0]
    if not name or name == ":memory:":
        return None
    return Path(name).expanduser().absolute()


def lost_database(settings: Settings) -> Path | None:
    """The database file, if it held data before and is now missing or empty."""
    path = sqlite_path(settings)
    if path is None or not DatabaseMemory(remembered_databases_file()).lost(path):
        return None
    return path


def refuse_lost_database(settings: Settings) -> None:
    """Raise ``db.file_lost`` rather than create a database where one that held data went missing."""
    path = lost_database(settings)
    if path is not None:
        raise StorageError("db.file_lost", path=printable(str(path)))


def remember_database(settings: Settings) -> None:
    """Note that the database file of ``settings`` holds data."""
    path = sqlite_path(settings)
    if path is not None:
        DatabaseMemory(remembered_databases_file()).remember(path)
