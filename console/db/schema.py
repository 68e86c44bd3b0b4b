"""Schema management: build from nothing, upgrade an older database, report state.

Alembic runs in-process from the migrations shipped inside the package, so an
installed console can upgrade its own file without any set-up.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from console.core.errors import StorageError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this console knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this console can upgrade from (or is at)."""
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply every pending migration in one transaction per step."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    if target == "head":
        _baseline(engine)


def _baseline(engine: Engine) -> None:
    """Record the rows of a ledger that predates row changes, so replay can start."""
    from console.db.records.baseline import write_baseline

    rows = write_baseline(engine)
    if rows is not None:
        log.info("ledger baseline: recorded %d rows the older ledger did not", rows)


def downgrade(engine: Engine, target: str) -> None:
    """Step the schema back to ``target`` ("base" removes every table)."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def ensure_schema(engine: Engine, *, auto_upgrade: bool) -> None:
    """Make sure the database is at the head revision.

    An empty or older database is upgraded when ``auto_upgrade`` is set (the
    embedded SQLite file); otherwise a :class:`StorageError` says what to run.
    A database newer than this console is refused.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is not None and current not in known_revisions():
        raise StorageError("db.too_new", current=current)
    if not auto_upgrade:
        raise StorageError("db.outdated", current=current or "empty", head=head)
    upgrade(engine)


def open_database(raw_url: str, *, create: bool) -> Engine:
    """Connect (one clear error if that fails) and, with ``create``, bring the schema up.

    The embedded SQLite file upgrades itself; a shared server is upgraded on
    purpose (other workstations may still run the older console), unless it is
    empty.
    """
    from console.db.engine import check_connection, make_engine

    engine = make_engine(raw_url)
    check_connection(engine)
    if create:
        empty = current_revision(engine) is None
        ensure_schema(engine, auto_upgrade=engine.dialect.name == "sqlite" or empty)
        if current_revision(engine) == head_revision():
            _baseline(engine)
    return engine
