"""Migrations build the schema from nothing on both backends, and refuse what they cannot handle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from console.core.errors import StorageError
from console.core.vocab import CrewStatus
from console.db import schema
from console.db.engine import make_engine
from console.db.models import Base, Event
from console.db.queries import DatabaseReader
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import as_written_before_row_changes, draft
from tests.support.principals import desk


def test_migrations_build_exactly_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert schema.current_revision(engine) == schema.head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_an_empty_database_without_auto_upgrade_says_what_to_run(db_url: str) -> None:
    engine = make_engine(db_url)
    with pytest.raises(StorageError) as caught:
        schema.ensure_schema(engine, auto_upgrade=False)
    assert caught.value.code == "db.outdated"
    assert "roadside-console db upgrade" in caught.value.english()


def test_a_database_from_a_newer_console_is_refused(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError) as caught:
        schema.ensure_schema(engine, auto_upgrade=True)
    assert caught.value.code == "db.too_new"


def test_downgrade_to_nothing_and_back(engine: Engine) -> None:
    schema.downgrade(engine, "base")
    assert schema.current_revision(engine) is None
    schema.ensure_schema(engine, auto_upgrade=True)
    assert schema.current_revision(engine) == schema.head_revision()


def test_a_location_outside_china_is_kept_with_a_warning_in_the_ledger(
    services: Services, engine: Engine
) -> None:
    row = services.create_request(draft(lat=35.68, lon=139.76))  # Tokyo
    with Session(engine) as session:
        event = session.scalars(select(Event).where(Event.request_id == row.id)).one()
    assert json.loads(event.payload)["warnings"] == ["coord.outside_service_area"]
    inside = services.create_request(draft())
    with Session(engine) as session:
        event = session.scalars(select(Event).where(Event.request_id == inside.id)).one()
    assert json.loads(event.payload)["warnings"] == []


def test_an_older_database_is_upgraded_on_start_and_keeps_its_rows(
    services: Services, engine: Engine
) -> None:
    row = services.create_request(draft())
    as_written_before_row_changes(engine)  # the ledger of a console from 0001's days
    schema.downgrade(engine, "0001")
    assert schema.current_revision(engine) == "0001"
    schema.ensure_schema(engine, auto_upgrade=True)
    assert schema.current_revision(engine) == schema.head_revision()
    with Session(engine) as session:
        assert session.scalars(select(Event).where(Event.request_id == row.id)).one()


def test_a_crew_records_when_it_entered_its_status(
    services: Services, engine: Engine, clock: FakeClock, fleet: list[int]
) -> None:
    clock.advance(minutes=5)
    services.set_crew_status(fleet[0], CrewStatus.OFF_DUTY)
    crews = {c.id: c for c in DatabaseReader(engine, desk("reader")).crews()}
    assert crews[fleet[0]].status_since == clock.now
    assert crews[fleet[1]].status_since is None
