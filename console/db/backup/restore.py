"""Restoring a backup: every check on a private copy first, then one atomic swap.

Order matters: the backup is copied into a working file beside the live
database; that copy's schema is compared with the console's own at the
backup's revision, an older copy is upgraded, and its ledger is verified. Only
a copy that passed all of this replaces the live file, which is kept beside
it as ``<name>.before-restore-<time>``. Any refusal before the swap leaves the
live database byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from console.core.errors import StorageError, ValidationError
from console.core.files import create_private_file
from console.core.ledger import ChainReport
from console.core.validation import printable
from console.db import schema
from console.db.audit import verify_ledger
from console.db.backup.files import (
    fsync,
    read_only,
    remove_with_sidecars,
    scratch_engine,
    sqlite_file,
)
from console.db.backup.schema_match import schema_difference
from console.db.backup.snapshot import BackupInfo, holds_data, inspect_backup
from console.db.backup.swap import swap_in
from console.db.engine import describe_url, prepare_database_folder


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore put in place, what it verified, and where the replaced database went."""

    info: BackupInfo
    ledger: ChainReport
    kept: Path | None


def restore_sqlite(backup: Path, url: URL, *, force: bool, at: datetime | None = None) -> Restored:
    """Put ``backup`` in place of the SQLite database at ``url``.

    Refuses (``restore.not_empty``) to replace a database holding data unless
    ``force``; ``force`` never skips a check. A backup whose schema is not the
    console's or whose ledger is broken is refused (``backup.refused``) before
    the live file is touched; so is a database another program has open
    (``restore.in_use``).
    """
    target = sqlite_file(url).resolve()  # a link to the database: replace the file it names
    shown_backup = printable(str(backup))
    inspect_backup(backup)  # the clearest message for a file that is no backup at all
    if target.exists() and target.samefile(backup):
        raise ValidationError("backup.same_file", path=shown_backup)
    if holds_data(target) and not force:
        raise StorageError("restore.not_empty", url=describe_url(url))
    prepare_database_folder(target, url)
    work = target.with_name(f".{target.name}.restore-{os.getpid()}.partial")
    try:
        info, ledger = _checked_copy(backup, work, shown_backup)
        kept = swap_in(work, target, at=at or datetime.now(UTC), shown_url=describe_url(url))
    except OSError as exc:
        raise StorageError(
            "file.unwritable", path=printable(str(target)), detail=exc.strerror or str(exc)
        ) from None
    finally:
        remove_with_sidecars(work)
    return Restored(info, ledger, kept)


def _checked_copy(backup: Path, work: Path, shown_backup: str) -> tuple[BackupInfo, ChainReport]:
    """Copy ``backup`` to ``work``, check it, bring it to the head schema, and verify its ledger."""
    remove_with_sidecars(work)  # left by an earlier run that was killed
    create_private_file(work)
    try:
        with closing(read_only(backup)) as src, closing(sqlite3.connect(work)) as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        raise ValidationError(
            "backup.invalid", path=shown_backup, detail=f"it is damaged ({exc})"
        ) from None
    # Every check reads the copy: the backup file may change after it was first inspected.
    info = inspect_backup(work)
    difference = schema_difference(work, info.schema_revision)
    if difference is not None:
        raise ValidationError("backup.refused", path=shown_backup, detail=difference)
    engine = scratch_engine(work)
    try:
        schema.ensure_schema(engine, auto_upgrade=True)
        ledger = verify_ledger(engine)
    except DBAPIError as exc:
        detail = f"its copy cannot be upgraded ({str(exc.orig or exc).strip().splitlines()[0]})"
        raise ValidationError("backup.invalid", path=shown_backup, detail=detail) from None
    finally:
        engine.dispose()
    if not ledger.ok:
        raise ValidationError(
            "backup.refused",
            path=shown_backup,
            detail=f"has a broken ledger at event {ledger.first_bad_seq}: {ledger.problem}",
        )
    with closing(sqlite3.connect(work)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        check = connection.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise ValidationError(
            "backup.invalid", path=shown_backup, detail="its upgraded copy is damaged"
        )
    fsync(work)
    return replace(info, path=backup), ledger
