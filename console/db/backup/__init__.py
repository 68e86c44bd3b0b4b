"""Online backup and restore of the embedded SQLite database.

PostgreSQL is backed up with its own tools (``pg_dump`` / ``pg_restore``),
never by this package.
"""

from console.db.backup.files import SQLITE_MAGIC, sqlite_file
from console.db.backup.restore import Restored, restore_sqlite
from console.db.backup.snapshot import BackupInfo, backup_sqlite, holds_data, inspect_backup

__all__ = [
    "SQLITE_MAGIC",
    "BackupInfo",
    "Restored",
    "backup_sqlite",
    "holds_data",
    "inspect_backup",
    "restore_sqlite",
    "sqlite_file",
]
