"""Which database files held data: a start never silently seeds demo data over a lost one.

A small JSON file in the user's config folder lists every SQLite database path
the console (or ``seed``) saw holding data, with when it was last seen. It is
written atomically and readable only by its owner (0600, folder 0700): it names
where the records live. Pure file handling (the standard library's sqlite3
only peeks at whether a file holds rows), so a console start can ask before
the database layer loads; the caller says where the list is kept.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from console.core.files import private_folder, write_text
from console.core.inputs import parse_json

__all__ = ["DatabaseMemory", "file_holds_data"]

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1


def file_holds_data(path: Path) -> bool:
    """True when ``path`` is an SQLite file with at least one depot (what a start seeds)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        uri = f"{path.absolute().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=5)) as connection:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'depots'"
            ).fetchone()
            if found is None:
                return False
            return connection.execute("SELECT 1 FROM depots LIMIT 1").fetchone() is not None
    except (OSError, sqlite3.Error):
        return True  # something is there that we cannot read: never treat it as empty


class DatabaseMemory:
    """The remembered database paths, kept in the JSON file ``file``."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def paths(self) -> dict[str, str]:
        """Every remembered path with the time (ISO 8601, UTC) it last held data."""
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            logger.warning("cannot read the remembered databases in %s: %s", self.file, exc)
            return {}
        try:
            data = parse_json(text)
            databases = data["databases"]
            if not isinstance(databases, dict):
                raise TypeError("databases is not an object")
        except (ValueError, KeyError, TypeError) as exc:
            logger.warning("ignoring the damaged list of databases %s: %s", self.file, exc)
            return {}
        return {str(path): str(seen) for path, seen in databases.items()}

    def remembers(self, path: Path) -> bool:
        """True when ``path`` held data the last time the console saw it."""
        return _key(path) in self.paths()

    def remember(self, path: Path, *, now: datetime | None = None) -> None:
        """Note that ``path`` holds data (a failure to write is logged, never raised)."""
        paths = self.paths()
        paths[_key(path)] = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        try:
            self._write(paths)
        except OSError as exc:
            logger.warning("cannot remember the database %s in %s: %s", path, self.file, exc)

    def forget(self, path: Path) -> None:
        """Stop remembering ``path`` (it was moved or retired on purpose)."""
        paths = self.paths()
        if paths.pop(_key(path), None) is not None:
            self._write(paths)

    def lost(self, path: Path) -> bool:
        """True when ``path`` held data before and now is missing or holds none."""
        return self.remembers(path) and not file_holds_data(path)

    def _write(self, paths: dict[str, str]) -> None:
        private_folder(self.file.parent)
        text = json.dumps(
            {"version": FORMAT_VERSION, "databases": dict(sorted(paths.items()))}, indent=2
        )
        write_text(self.file, text + "\n")


def _key(path: Path) -> str:
    return str(path.expanduser().absolute())
