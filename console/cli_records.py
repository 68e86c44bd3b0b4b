"""Sub-commands for records and recovery: verify, checkpoint, backup, restore, import.

Registered by :mod:`console.cli`; like every sub-command they end a mistake
with one line on stderr and a non-zero exit status. A rejected import first
lists each bad row (with its line number) on stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from console.config import Settings, actor_name, data_dir
from console.core.errors import StorageError, ValidationError
from console.core.files import write_text
from console.core.inputs import read_text
from console.core.ledger import ChainReport, Checkpoint, format_time
from console.core.roles import Principal
from console.core.validation import printable
from console.db import schema
from console.db.audit import make_checkpoint, verify_ledger, verify_resuming
from console.db.backup import backup_sqlite, restore_sqlite, sqlite_file
from console.db.engine import check_connection, describe_url, make_engine, parse_db_url
from console.db.importer import ImportKind, ImportRejected, import_file, iter_problems
from console.db.records.resume import load_state, resume_file, save_state

EXIT_FAILED = 1

Handler = Callable[[Settings, argparse.Namespace], int]


def _file(text: str) -> Path:
    """An argparse type for file names (a NUL can reach us only from a program, not a shell)."""
    if not text or "\0" in text:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a file name")
    return Path(text)


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add this module's sub-commands to the console's parser."""
    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="check the tamper-evident ledger and the rows it vouches for",
    )
    how = verify.add_mutually_exclusive_group()
    how.add_argument(
        "--checkpoint",
        metavar="FILE",
        type=_file,
        help="also prove the history up to this checkpoint is unchanged",
    )
    how.add_argument(
        "--resume",
        action="store_true",
        help="check only the events added since the last verify --resume (kept in the "
        "user data folder) and the rows they wrote; plain verify checks every row",
    )
    checkpoint = commands.add_parser(
        "checkpoint", parents=[common], help="note the ledger's head in a file kept elsewhere"
    )
    checkpoint.add_argument("--out", metavar="FILE", type=_file, required=True)
    backup = commands.add_parser(
        "backup", parents=[common], help="copy the SQLite database while it is in use"
    )
    backup.add_argument("--out", metavar="FILE", type=_file, required=True)
    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup in place of the database"
    )
    restore.add_argument("file", metavar="FILE", type=_file, help="a file made by backup")
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace a database that already holds data (it is kept beside it; no check is skipped)",
    )
    importing = commands.add_parser(
        "import", parents=[common], help="add depots or crews from a CSV file"
    )
    importing.add_argument("kind", choices=[kind.value for kind in ImportKind])
    importing.add_argument("file", metavar="FILE.csv", type=_file)
    importing.add_argument(
        "--dry-run", action="store_true", help="check every row and report; write nothing"
    )


def shown(value: object) -> str:
    """One printable line for any terminal (file names may hold line breaks or bad bytes)."""
    return printable(str(value))


def _existing(settings: Settings) -> Engine:
    """An engine on a database that must already exist (never creates an SQLite file)."""
    url = parse_db_url(settings.db_url)
    if url.get_backend_name() == "sqlite" and not sqlite_file(url).is_file():
        raise StorageError("db.unreachable", url=describe_url(url), detail="there is no such file")
    engine = make_engine(settings.db_url)
    check_connection(engine)
    return engine


def _ledger_line(report: ChainReport) -> str:
    return f"{report.count} events, head {report.head_hash}"


SHOWN_DIFFERENCES = 200
"""Most differing rows ``verify`` prints; the rest are counted."""


def _broken(report: ChainReport) -> int:
    if report.difference_count:
        return _rows_differ(report)
    print(f"ledger broken at event {report.first_bad_seq}: {report.problem}", file=sys.stderr)
    return EXIT_FAILED


def _rows_differ(report: ChainReport) -> int:
    count = report.difference_count
    rows = "row differs" if count == 1 else "rows differ"
    print(
        f"records do not match the ledger: {count} {rows} ({_ledger_line(report)} verified)",
        file=sys.stderr,
    )
    for line in report.differences[:SHOWN_DIFFERENCES]:
        print(f"  {line}", file=sys.stderr)
    if count > SHOWN_DIFFERENCES:
        print(f"  and {count - SHOWN_DIFFERENCES} more", file=sys.stderr)
    return EXIT_FAILED


def cmd_verify(settings: Settings, args: argparse.Namespace) -> int:
    """``verify [--checkpoint FILE]``: recompute the chain and replay it against the rows.

    Names the first broken event, or every row (up to 200) that differs from the ledger.
    """
    checkpoint = _read_checkpoint(args.checkpoint) if args.checkpoint else None
    engine = _existing(settings)
    schema.ensure_schema(engine, auto_upgrade=False)
    if getattr(args, "resume", False):
        return _verify_resuming(engine)
    report = verify_ledger(engine, checkpoint)
    if not report.ok:
        return _broken(report)
    line = f"ok: {_ledger_line(report)}; every ledgered row matches the ledger"
    if checkpoint is not None:
        line += (
            f"; matches the checkpoint of {format_time(checkpoint.at)} at event {checkpoint.count}"
        )
    print(line)
    return 0


def _verify_resuming(engine: Engine) -> int:
    """``verify --resume``: from the state the last one kept, then keep the new state."""
    database = describe_url(engine.url)
    path = resume_file(data_dir(), database)
    state = load_state(path, database)
    since = state.count if state is not None else 0
    report, resumed = verify_resuming(engine, state)
    if not report.ok or resumed is None:
        return _broken(report)
    try:
        save_state(path, resumed)
    except OSError as exc:
        print(f"note: the resume point could not be kept: {exc.strerror}", file=sys.stderr)
    checked = report.count - since
    print(
        f"ok: {_ledger_line(report)}; {checked} new events checked after event {since}; "
        "every ledgered row matches the ledger"
    )
    return 0


CHECKPOINT_LIMIT = 64_000
"""Bytes a checkpoint file may hold: one is about 300."""


def _read_checkpoint(path: Path) -> Checkpoint:
    try:
        text = read_text(path, limit=CHECKPOINT_LIMIT)
    except ValidationError as exc:
        if exc.code != "file.not_text":
            raise
        raise ValidationError(
            "checkpoint.invalid", path=shown(path), detail="not UTF-8 text"
        ) from None
    try:
        return Checkpoint.from_json(text)
    except ValueError as exc:
        raise ValidationError("checkpoint.invalid", path=shown(path), detail=str(exc)) from None


def cmd_checkpoint(settings: Settings, args: argparse.Namespace) -> int:
    """``checkpoint --out FILE``: verify, then write count, head hash, time and database."""
    out: Path = args.out
    if out.exists():
        raise ValidationError("file.exists", path=shown(out))
    engine = _existing(settings)
    schema.ensure_schema(engine, auto_upgrade=False)
    checkpoint, report = make_checkpoint(engine, datetime.now(UTC))
    if report.difference_count:
        return _rows_differ(report)
    if not report.ok:
        raise StorageError("ledger.broken", seq=report.first_bad_seq, detail=report.problem)
    try:
        write_text(out, checkpoint.to_json())
    except OSError as exc:
        raise StorageError(
            "file.unwritable", path=shown(out), detail=exc.strerror or str(exc)
        ) from None
    print(f"checkpoint written to {shown(out)}: {_ledger_line(report)}")
    return 0


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    """``backup --out FILE``: an online copy of the SQLite file, verified."""
    url = parse_db_url(settings.db_url)
    sqlite_file(url)  # PostgreSQL: explain pg_dump before touching anything
    engine = _existing(settings)
    # An older schema is fine (back up before upgrading); not ours at all is not.
    current = schema.current_revision(engine)
    engine.dispose()
    if current is None:
        raise StorageError("db.outdated", current="empty", head=schema.head_revision())
    if current not in schema.known_revisions():
        raise StorageError("db.too_new", current=current)
    info, ledger = backup_sqlite(url, args.out)
    print(
        f"backup written to {shown(info.path)}: {info.events} events, "
        f"{info.requests} requests, {info.depots} depots"
    )
    if not ledger.ok:
        return _broken(ledger)
    print(f"ok: {_ledger_line(ledger)}")
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    """``restore FILE [--force]``: check and verify a copy of the backup, then swap it in."""
    url = parse_db_url(settings.db_url)
    restored = restore_sqlite(args.file, url, force=args.force)
    info = restored.info
    print(
        f"restored {shown(info.path)} into {describe_url(url)}: {info.events} events, "
        f"{info.requests} requests, {info.depots} depots"
    )
    if restored.kept is not None:
        print(f"the database it replaced is kept as {shown(restored.kept)}")
    print(f"ok: {_ledger_line(restored.ledger)}")
    return 0


def cmd_import(settings: Settings, args: argparse.Namespace) -> int:
    """``import depots|crews FILE.csv [--dry-run]``: all rows or none."""
    engine = schema.open_database(settings.db_url, create=True)
    kind = ImportKind(args.kind)
    try:
        report = import_file(
            engine,
            kind,
            args.file,
            principal=Principal.system(actor_name("import")),
            dry_run=args.dry_run,
        )
    except ImportRejected as rejected:
        for line in iter_problems(rejected):
            print(shown(line))
        raise
    verb = "would import" if report.dry_run else "imported"
    print(f"{verb} {len(report.keys)} {kind.value} from {shown(args.file)}")
    return 0


COMMANDS: dict[str | None, Handler] = {
    "verify": cmd_verify,
    "checkpoint": cmd_checkpoint,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "import": cmd_import,
}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""
