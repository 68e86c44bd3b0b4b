"""Engines for the two supported databases and their connection rules.

SQLite: WAL journal, foreign keys on, a generous busy timeout, and write
transactions opened with ``BEGIN IMMEDIATE`` so concurrent writers queue
instead of failing half-way. PostgreSQL: psycopg 3; writers serialise on the
chain-head row lock taken by the service layer.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.core.errors import StorageError
from console.core.files import create_private_file, private_folder, tighten_all
from console.core.urls import hide_url_secrets
from console.core.validation import printable
from console.db.presence.guard import install_guard

log = logging.getLogger(__name__)

SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
"""Suffixes of the files SQLite keeps for one database: the file itself and its journals."""

WRITE_OPTION = "roadside_write"
"""Execution option marking a connection that will write (``BEGIN IMMEDIATE`` on SQLite)."""


def parse_db_url(raw: str) -> URL:
    """Parse and check a database URL; PostgreSQL URLs get the psycopg 3 driver."""
    shown = describe_url(raw if len(raw) < 200 else raw[:200] + "...")
    try:
        url = make_url(raw.strip())
    except (ArgumentError, ValueError) as exc:
        raise StorageError("db.url_invalid", url=shown, detail=describe_url(str(exc))) from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        if url.drivername in {"postgresql", "postgres"}:
            url = url.set(drivername="postgresql+psycopg")
        elif url.get_driver_name() != "psycopg":
            raise StorageError("db.unsupported", url=shown)
        if not url.database:
            raise StorageError("db.url_invalid", url=shown, detail="no database name")
        return url
    if backend == "sqlite" and url.get_driver_name() in {"pysqlite", ""}:
        if not url.database or url.database == ":memory:":
            raise StorageError("db.url_invalid", url=shown, detail="give a file: sqlite:///PATH")
        return url
    raise StorageError("db.unsupported", url=shown)


def describe_url(url: URL | str) -> str:
    """The URL as it may be shown or written anywhere: every password hidden.

    The one way a database URL reaches the status bar, the sign-in dialog,
    messages, logs and checkpoint files: a password in the user part and one
    in the query string (``?password=...``) both become ``***``.
    """
    text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    return printable(hide_url_secrets(text))


def sqlite_files(path: Path) -> list[Path]:
    """The database file and the journal files SQLite may keep beside it."""
    return [path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS]


def prepare_database_folder(path: Path, url: URL) -> None:
    """Make the folder of the database file ``path`` (0700 when the console creates it).

    A folder that cannot be made, or a ``path`` that is itself a folder, is
    ``db.unreachable`` naming ``url``.
    """
    try:
        private_folder(path.parent, own=False)
    except OSError as exc:
        raise StorageError(
            "db.unreachable", url=describe_url(url), detail=exc.strerror or str(exc)
        ) from None
    if path.is_dir():
        raise StorageError("db.unreachable", url=describe_url(url), detail="that path is a folder")


def _prepare_sqlite_file(url: URL) -> Path:
    assert url.database is not None
    path = Path(url.database).expanduser()
    prepare_database_folder(path, url)
    try:
        changes = tighten_all(sqlite_files(path))
    except OSError as exc:
        log.warning("cannot make the database private: %s", exc)
    else:
        if changes:
            log.warning("database files were readable by others, now owner-only: %s",
                        "; ".join(changes))  # fmt: skip
    return path


def _install_sqlite_rules(engine: Engine, path: Path) -> None:
    @event.listens_for(engine, "do_connect")
    def _before_connect(*_args: Any) -> None:
        # SQLite gives its -wal and -shm files the database file's mode, so a
        # database created 0600 keeps all three private whatever the umask.
        with contextlib.suppress(OSError):  # sqlite3 then reports why it cannot open it
            create_private_file(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(raw_url: str, *, echo: bool = False) -> Engine:
    """Create an engine for ``raw_url`` (not yet connected)."""
    url = parse_db_url(raw_url)
    if url.get_backend_name() == "sqlite":
        path = _prepare_sqlite_file(url)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        # First, so a lost file is refused before anything creates an empty one there.
        install_guard(engine, path)
        _install_sqlite_rules(engine, path)
        return engine
    query = dict(url.query)
    query.setdefault("connect_timeout", "5")
    return create_engine(url.set(query=query), echo=echo, pool_pre_ping=True)


def check_connection(engine: Engine) -> None:
    """Open one connection, or raise :class:`StorageError` with a one-line reason."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        raise unreachable(engine, exc) from None


def unreachable(engine: Engine, exc: DBAPIError) -> StorageError:
    """A one-line ``db.unreachable`` error from a driver exception."""
    text = str(exc.orig if exc.orig is not None else exc).strip()
    detail = text.splitlines()[0] if text else type(exc).__name__
    return StorageError("db.unreachable", url=describe_url(engine.url), detail=detail)


def writer_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose transactions take the SQLite write lock at BEGIN (readers use plain Sessions)."""
    return sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
