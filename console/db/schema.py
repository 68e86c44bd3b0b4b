"""Schema management: build from nothing, upgrade an older database, report state.

Alembic runs in-process from the migrations shipped inside the package, so an
installed console can upgrade its own file without any set-up.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from console.core.errors import StorageError

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
    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise StorageError("db.too_new", current=current)
    if not auto_upgrade:
        raise StorageError("db.outdated", current=current or "empty", head=head)
    upgrade(engine)
